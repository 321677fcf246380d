// Symbolic differentiation, with respect to x or to a named parameter, simplified as it is built.
// Kinks follow one convention: min/max/where take the derivative of the branch they select, so
// max(x, 0)' at 0 is 0 (PyTorch's relu'(0)); abs'(0) = sign(0) = 0; comparisons have derivative
// 0. The expression is hash-consed first and each distinct subtree differentiated once, so the
// work is linear in the DAG however deep the nesting.
import type { Expr } from './ast';
import { ExprError } from './errors';
import { withTable } from './intern';
import { add, call, compare, div, mul, neg, num, pow, sub } from './simplify';

/** The largest derivative tree accepted, counted expanded as it prints (product chains grow quadratically). */
export const MAX_DERIVATIVE_NODES = 50_000;

const TWO_OVER_SQRT_PI = 1.1283791670955126; // d/du erf(u) = (2/√π) e^(−u²)

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

/**
 * The derivative of `e` with respect to `variable`: 'x' (the input, the default) or the name of
 * a parameter (alpha, beta, ...: for learnable parameters). Simplified, sharing subtrees with `e`.
 * Throws ExprError when the result would be unreasonably large to print.
 */
export function differentiate(e: Expr, variable = 'x'): Expr {
  return withTable((table) => {
    const root = table.canonical(e);
    const isVariable = (n: Expr): boolean => (variable === 'x' ? n.type === 'variable' : n.type === 'param' && n.name === variable);
    const dependence = new Map<Expr, boolean>();
    const dependsOn = (n: Expr): boolean => {
      const known = dependence.get(n);
      if (known !== undefined) return known;
      let v: boolean;
      switch (n.type) {
        case 'variable': case 'param': v = isVariable(n); break;
        case 'number': case 'constant': v = false; break;
        case 'negate': v = dependsOn(n.arg); break;
        case 'binary': case 'compare': v = dependsOn(n.left) || dependsOn(n.right); break;
        case 'call': v = n.args.some(dependsOn); break;
      }
      dependence.set(n, v);
      return v;
    };
    const memo = new Map<Expr, Expr>();
    const d = (n: Expr): Expr => {
      const known = memo.get(n);
      if (known) return known;
      const out = dependsOn(n) ? derive(n) : num(0);
      memo.set(n, out);
      return out;
    };

    const derive = (n: Expr): Expr => {
      switch (n.type) {
        case 'variable': case 'param': return num(1); // only the variable itself depends on it
        case 'number': case 'constant': case 'compare': return num(0);
        case 'negate': return neg(d(n.arg));
        case 'binary': return dBinary(n);
        case 'call': return dCall(n);
      }
    };

    const dBinary = (n: Extract<Expr, { type: 'binary' }>): Expr => {
      const { left: a, right: b } = n;
      switch (n.op) {
        case '+': return add(d(a), d(b));
        case '-': return sub(d(a), d(b));
        case '*': return add(mul(d(a), b), mul(a, d(b)));
        case '/':
          if (!dependsOn(b)) return div(d(a), b);
          if (!dependsOn(a)) return neg(div(mul(a, d(b)), pow(b, num(2))));
          return div(sub(mul(d(a), b), mul(a, d(b))), pow(b, num(2)));
        case '^':
          if (!dependsOn(b)) return mul(mul(b, pow(a, sub(b, num(1)))), d(a));
          if (!dependsOn(a)) return mul(mul(n, call('log', [a])), d(b));
          // (a^b)' = a^b·(b'·log a + b·a'/a)
          return mul(n, add(mul(d(b), call('log', [a])), div(mul(b, d(a)), a)));
      }
    };

    const dCall = (n: Extract<Expr, { type: 'call' }>): Expr => {
      const [u, v, w] = n.args as [Expr, Expr, Expr];
      switch (n.fn) {
        case 'exp': return mul(n, d(u));
        case 'log': return div(d(u), u);
        case 'sqrt': return div(d(u), mul(num(2), n));
        case 'abs': return mul(call('sign', [u]), d(u));
        case 'tanh': return mul(sub(num(1), pow(n, num(2))), d(u));
        case 'sigmoid': return mul(mul(n, sub(num(1), n)), d(u));
        case 'erf': return mul(mul(num(TWO_OVER_SQRT_PI), call('exp', [neg(pow(u, num(2)))])), d(u));
        case 'sin': return mul(call('cos', [u]), d(u));
        case 'cos': return neg(mul(call('sin', [u]), d(u)));
        case 'softplus': return mul(call('sigmoid', [u]), d(u));
        case 'sign': return num(0);
        case 'min': return call('where', [compare('<', u, v), d(u), d(v)]);
        case 'max': return call('where', [compare('>', u, v), d(u), d(v)]);
        case 'where': return call('where', [u, d(v), d(w)]);
      }
    };

    const result = d(root);
    if (countUpTo(result, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES) {
      throw new ExprError(`the derivative is too large to use (more than ${MAX_DERIVATIVE_NODES} terms): simplify the expression`);
    }
    return result;
  });
}
