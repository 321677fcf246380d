// A seeded generator of random expressions for the property-based tests: every function and
// operator of the language, numbers, x and one parameter 'a'.
import type { Expr, FunctionName } from '../../../src/core/expr/ast';
import type { Rng } from '../../../src/core/random';

const UNARY: FunctionName[] = ['exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'erf', 'sin', 'cos', 'softplus'];
const OPS = ['+', '-', '*', '/', '^'] as const;
const CMP = ['<', '<=', '>', '>=', '==', '!='] as const;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

export function randomExpr(rng: Rng, depth: number): Expr {
  if (depth <= 0 || rng.next() < 0.2) {
    const r = rng.next();
    if (r < 0.5) return { type: 'variable' };
    if (r < 0.65) return { type: 'param', name: 'a' };
    if (r < 0.7) return { type: 'constant', name: rng.next() < 0.5 ? 'pi' : 'e' };
    return { type: 'number', value: Math.round((rng.next() * 6 - 3) * 100) / 100 || 0.5 };
  }
  const r = rng.next();
  if (r < 0.35) return { type: 'call', fn: pick(rng, UNARY), args: [randomExpr(rng, depth - 1)] };
  if (r < 0.45) return { type: 'call', fn: rng.next() < 0.5 ? 'min' : 'max', args: [randomExpr(rng, depth - 1), randomExpr(rng, depth - 1)] };
  if (r < 0.52) {
    const cond: Expr = { type: 'compare', op: pick(rng, CMP), left: randomExpr(rng, depth - 1), right: randomExpr(rng, depth - 1) };
    return { type: 'call', fn: 'where', args: [cond, randomExpr(rng, depth - 1), randomExpr(rng, depth - 1)] };
  }
  if (r < 0.58) return { type: 'negate', arg: randomExpr(rng, depth - 1) };
  const op = pick(rng, OPS);
  if (op === '^') {
    // Integer or positive-base powers keep most points real.
    return rng.next() < 0.6
      ? { type: 'binary', op, left: randomExpr(rng, depth - 1), right: { type: 'number', value: 1 + rng.int(3) } }
      : { type: 'binary', op, left: { type: 'call', fn: 'softplus', args: [randomExpr(rng, depth - 1)] }, right: randomExpr(rng, depth - 1) };
  }
  return { type: 'binary', op, left: randomExpr(rng, depth - 1), right: randomExpr(rng, depth - 1) };
}
