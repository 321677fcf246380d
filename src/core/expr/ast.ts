// The abstract syntax tree of the lab's custom-expression language, shared by the parser, the
// evaluator, the symbolic differentiator, the printers and the ONNX exporter.
import { type ExprMessage, exprMessage, renderExprMessage } from './messages';

export type BinaryOp = '+' | '-' | '*' | '/' | '^';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ConstantName = 'pi' | 'e';

export type FunctionName =
  | 'exp' | 'log' | 'sqrt' | 'abs' | 'tanh' | 'sigmoid' | 'erf' | 'sin' | 'cos'
  | 'softplus' | 'sign' | 'min' | 'max' | 'where';

export type Expr =
  | { type: 'number'; value: number }
  /** The input x. */
  | { type: 'variable' }
  | { type: 'constant'; name: ConstantName }
  /** A named parameter of the activation (alpha, beta, ...). */
  | { type: 'param'; name: string }
  | { type: 'negate'; arg: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  /** 1 when the comparison holds, else 0 (NaN if either side is NaN). */
  | { type: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { type: 'call'; fn: FunctionName; args: Expr[] };

export interface FunctionInfo {
  arity: number;
  /** What it computes, for error messages and docs. */
  doc: string;
  /** The ONNX operator that computes it, where one op does. */
  onnxOp?: string;
}

/** Every function the language knows. `where(c, a, b)` is a if c is non-zero, else b. */
export const FUNCTIONS: Readonly<Record<FunctionName, FunctionInfo>> = {
  exp: { arity: 1, doc: 'e^u', onnxOp: 'Exp' },
  log: { arity: 1, doc: 'natural logarithm', onnxOp: 'Log' },
  sqrt: { arity: 1, doc: 'square root', onnxOp: 'Sqrt' },
  abs: { arity: 1, doc: 'absolute value', onnxOp: 'Abs' },
  tanh: { arity: 1, doc: 'hyperbolic tangent', onnxOp: 'Tanh' },
  sigmoid: { arity: 1, doc: '1 / (1 + e^-u)', onnxOp: 'Sigmoid' },
  erf: { arity: 1, doc: 'error function', onnxOp: 'Erf' },
  sin: { arity: 1, doc: 'sine', onnxOp: 'Sin' },
  cos: { arity: 1, doc: 'cosine', onnxOp: 'Cos' },
  softplus: { arity: 1, doc: 'log(1 + e^u), computed without overflow', onnxOp: 'Softplus' },
  sign: { arity: 1, doc: '-1, 0 or 1', onnxOp: 'Sign' },
  min: { arity: 2, doc: 'the smaller of two values', onnxOp: 'Min' },
  max: { arity: 2, doc: 'the larger of two values', onnxOp: 'Max' },
  where: { arity: 3, doc: 'where(condition, a, b): a if condition is non-zero, else b', onnxOp: 'Where' },
};

export const CONSTANTS: Readonly<Record<ConstantName, number>> = { pi: Math.PI, e: Math.E };

/** Names a parameter may not take. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['x', ...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS)]);

/** Names of Object.prototype's members (`__proto__`, `constructor`): parameter records elsewhere are plain objects. */
export const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why `name` cannot name a parameter (a message), or undefined when it can. */
export function paramNameMessage(name: string): ExprMessage | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return exprMessage('paramNameInvalid', { name: name.length > 40 ? `${name.slice(0, 39)}…` : name });
  if (RESERVED_NAMES.has(name)) return exprMessage('paramNameReserved', { name });
  if (OBJECT_MEMBER_NAMES.has(name)) return exprMessage('paramNameMember', { name });
  return undefined;
}

/** Why `name` cannot name a parameter, in English, or undefined when it can. */
export function paramNameProblem(name: string): string | undefined {
  const problem = paramNameMessage(name);
  return problem && renderExprMessage(problem, 'en');
}

export const isFunctionName = (name: string): name is FunctionName => Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
export const isConstantName = (name: string): name is ConstantName => Object.prototype.hasOwnProperty.call(CONSTANTS, name);

/** Whether the expression depends on x. */
export function dependsOnX(e: Expr): boolean {
  switch (e.type) {
    case 'variable': return true;
    case 'number': case 'constant': case 'param': return false;
    case 'negate': return dependsOnX(e.arg);
    case 'binary': case 'compare': return dependsOnX(e.left) || dependsOnX(e.right);
    case 'call': return e.args.some(dependsOnX);
  }
}

/** The number of nodes. */
export function nodeCount(e: Expr): number {
  switch (e.type) {
    case 'variable': case 'number': case 'constant': case 'param': return 1;
    case 'negate': return 1 + nodeCount(e.arg);
    case 'binary': case 'compare': return 1 + nodeCount(e.left) + nodeCount(e.right);
    case 'call': return e.args.reduce((n, a) => n + nodeCount(a), 1);
  }
}

/** The parameter names used, in first-use order. */
export function paramsUsed(e: Expr, out: string[] = []): string[] {
  switch (e.type) {
    case 'param': if (!out.includes(e.name)) out.push(e.name); break;
    case 'negate': paramsUsed(e.arg, out); break;
    case 'binary': case 'compare': paramsUsed(e.left, out); paramsUsed(e.right, out); break;
    case 'call': for (const a of e.args) paramsUsed(a, out); break;
    default: break;
  }
  return out;
}

/** Structural equality. */
export function sameExpr(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'variable': return true;
    case 'number': return Object.is(a.value, (b as typeof a).value);
    case 'constant': case 'param': return a.name === (b as typeof a).name;
    case 'negate': return sameExpr(a.arg, (b as typeof a).arg);
    case 'binary': case 'compare': {
      const o = b as typeof a;
      return a.op === o.op && sameExpr(a.left, o.left) && sameExpr(a.right, o.right);
    }
    case 'call': {
      const o = b as typeof a;
      return a.fn === o.fn && a.args.length === o.args.length && a.args.every((arg, i) => sameExpr(arg, o.args[i]));
    }
  }
}
