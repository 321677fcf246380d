// Compiles an AST to nested closures (no eval, no Function): one closure per node, called
// per element. Parameters are read from a Float64Array by position, fixed at compile time.
import { erf, sigmoid, softplus } from '../activations/numerics';
import { type BinaryOp, CONSTANTS, type Expr, type FunctionName } from './ast';

/** f(x, params), params in the order given to `compileExpr`. */
export type CompiledExpr = (x: number, params: Float64Array) => number;

const UNARY: Partial<Record<FunctionName, (u: number) => number>> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
  sigmoid,
  erf,
  sin: Math.sin,
  cos: Math.cos,
  softplus,
  sign: Math.sign,
};

export function compileExpr(e: Expr, paramNames: readonly string[]): CompiledExpr {
  switch (e.type) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'constant': {
      const v = CONSTANTS[e.name];
      return () => v;
    }
    case 'variable':
      return (x) => x;
    case 'param': {
      const k = paramNames.indexOf(e.name);
      if (k < 0) throw new Error(`parameter '${e.name}' has no value`);
      return (_x, p) => p[k]!;
    }
    case 'negate': {
      const a = compileExpr(e.arg, paramNames);
      return (x, p) => -a(x, p);
    }
    case 'binary':
      return compileBinary(e.op, compileExpr(e.left, paramNames), compileExpr(e.right, paramNames));
    case 'compare': {
      const l = compileExpr(e.left, paramNames);
      const r = compileExpr(e.right, paramNames);
      const test = COMPARE[e.op];
      return (x, p) => {
        const a = l(x, p);
        const b = r(x, p);
        return a !== a || b !== b ? NaN : test(a, b) ? 1 : 0;
      };
    }
    case 'call': {
      const args = e.args.map((a) => compileExpr(a, paramNames));
      if (e.fn === 'where') {
        const [c, a, b] = args as [CompiledExpr, CompiledExpr, CompiledExpr];
        // Only the chosen branch is evaluated, so the other may overflow harmlessly.
        return (x, p) => {
          const cond = c(x, p);
          return cond !== cond ? NaN : cond !== 0 ? a(x, p) : b(x, p);
        };
      }
      if (e.fn === 'min' || e.fn === 'max') {
        const [a, b] = args as [CompiledExpr, CompiledExpr];
        return e.fn === 'min' ? (x, p) => Math.min(a(x, p), b(x, p)) : (x, p) => Math.max(a(x, p), b(x, p));
      }
      const fn = UNARY[e.fn]!;
      const a = args[0]!;
      return (x, p) => fn(a(x, p));
    }
  }
}

function compileBinary(op: BinaryOp, l: CompiledExpr, r: CompiledExpr): CompiledExpr {
  switch (op) {
    case '+': return (x, p) => l(x, p) + r(x, p);
    case '-': return (x, p) => l(x, p) - r(x, p);
    case '*': return (x, p) => l(x, p) * r(x, p);
    case '/': return (x, p) => l(x, p) / r(x, p);
    case '^': return (x, p) => Math.pow(l(x, p), r(x, p));
  }
}

const COMPARE: Record<Extract<Expr, { type: 'compare' }>['op'], (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Evaluates once, parameters by name (convenient, not fast). */
export function evaluateExpr(e: Expr, x: number, params: Readonly<Record<string, number>> = {}): number {
  const names = Object.keys(params);
  return compileExpr(e, names)(x, Float64Array.from(names, (n) => params[n]!));
}
