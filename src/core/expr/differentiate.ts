// Symbolic differentiation d/dx, simplified as it is built. Kinks follow one convention:
// min/max/where take the derivative of the branch they select, so max(x, 0)' at 0 is 0
// (PyTorch's relu'(0)); abs'(0) = sign(0) = 0; comparisons have derivative 0.
import { dependsOnX, type Expr } from './ast';
import { ExprError } from './errors';
import { add, call, compare, div, mul, neg, num, pow, sub } from './simplify';

/** The largest derivative tree accepted (product chains grow quadratically). */
export const MAX_DERIVATIVE_NODES = 50_000;

const TWO_OVER_SQRT_PI = 1.1283791670955126; // d/du erf(u) = (2/√π) e^(−u²)

function d(e: Expr): Expr {
  if (!dependsOnX(e)) return num(0);
  switch (e.type) {
    case 'variable': return num(1);
    case 'number': case 'constant': case 'param': case 'compare': return num(0);
    case 'negate': return neg(d(e.arg));
    case 'binary': return dBinary(e);
    case 'call': return dCall(e);
  }
}

function dBinary(e: Extract<Expr, { type: 'binary' }>): Expr {
  const { left: a, right: b } = e;
  switch (e.op) {
    case '+': return add(d(a), d(b));
    case '-': return sub(d(a), d(b));
    case '*': return add(mul(d(a), b), mul(a, d(b)));
    case '/':
      if (!dependsOnX(b)) return div(d(a), b);
      if (!dependsOnX(a)) return neg(div(mul(a, d(b)), pow(b, num(2))));
      return div(sub(mul(d(a), b), mul(a, d(b))), pow(b, num(2)));
    case '^':
      if (!dependsOnX(b)) return mul(mul(b, pow(a, sub(b, num(1)))), d(a));
      if (!dependsOnX(a)) return mul(mul(e, call('log', [a])), d(b));
      // (a^b)' = a^b·(b'·log a + b·a'/a)
      return mul(e, add(mul(d(b), call('log', [a])), div(mul(b, d(a)), a)));
  }
}

function dCall(c: Extract<Expr, { type: 'call' }>): Expr {
  const [u, v, w] = c.args as [Expr, Expr, Expr];
  switch (c.fn) {
    case 'exp': return mul(c, d(u));
    case 'log': return div(d(u), u);
    case 'sqrt': return div(d(u), mul(num(2), c));
    case 'abs': return mul(call('sign', [u]), d(u));
    case 'tanh': return mul(sub(num(1), pow(c, num(2))), d(u));
    case 'sigmoid': return mul(mul(c, sub(num(1), c)), d(u));
    case 'erf': return mul(mul(num(TWO_OVER_SQRT_PI), call('exp', [neg(pow(u, num(2)))])), d(u));
    case 'sin': return mul(call('cos', [u]), d(u));
    case 'cos': return neg(mul(call('sin', [u]), d(u)));
    case 'softplus': return mul(call('sigmoid', [u]), d(u));
    case 'sign': return num(0);
    case 'min': return call('where', [compare('<', u, v), d(u), d(v)]);
    case 'max': return call('where', [compare('>', u, v), d(u), d(v)]);
    case 'where': return call('where', [u, d(v), d(w)]);
  }
}

/** Counts nodes of the expanded tree, stopping once past `limit` (shared subtrees count each time). */
function countUpTo(e: Expr, limit: number): number {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length && n <= limit) {
    const node = stack.pop()!;
    n++;
    if (node.type === 'negate') stack.push(node.arg);
    else if (node.type === 'binary' || node.type === 'compare') stack.push(node.left, node.right);
    else if (node.type === 'call') stack.push(...node.args);
  }
  return n;
}

/** d/dx of an expression, simplified. Throws ExprError when the result would be unreasonably large. */
export function differentiate(e: Expr): Expr {
  const result = d(e);
  if (countUpTo(result, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES) {
    throw new ExprError(`the derivative is too large to use (more than ${MAX_DERIVATIVE_NODES} terms): simplify the expression`);
  }
  return result;
}
