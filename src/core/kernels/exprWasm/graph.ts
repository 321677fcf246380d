// The expression compiler's intermediate form: a graph of four-lane float32 operations in which
// every node is hashed structurally, so a subexpression that occurs in f, in f' and in df/dp is
// one node, computed once per vector. Nodes are numbered in creation order, which is also a valid
// evaluation order (arguments always exist before their users). Constant arguments are folded.

import { erf, sigmoid, softplus } from '../../activations/numerics';
import type { CompareOp, Expr, FunctionName } from '../../expr/index';
import { CONSTANTS } from '../../expr/index';

/** The vector functions the kernel module exports (assembly/mathExports.ts), by the language's names. */
export type VectorFunction = 'exp' | 'log' | 'tanh' | 'sigmoid' | 'erf' | 'sin' | 'cos' | 'softplus';

export type GraphNode =
  | { kind: 'x' }
  | { kind: 'param'; index: number }
  | { kind: 'const'; value: number }
  /** A lane mask that is all ones or all zeros. */
  | { kind: 'maskConst'; value: boolean }
  | { kind: 'unary'; op: 'neg' | 'abs' | 'sqrt' | 'sign'; a: number }
  | { kind: 'binary'; op: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max'; a: number; b: number }
  | { kind: 'call'; fn: VectorFunction; a: number }
  | { kind: 'pow'; a: number; b: number }
  /** A lane mask: the comparison holds (false when either side is NaN). */
  | { kind: 'compare'; op: CompareOp; a: number; b: number }
  /** A lane mask: a is NaN. */
  | { kind: 'isNaN'; a: number }
  /** A lane mask: either mask. */
  | { kind: 'either'; a: number; b: number }
  /** Per lane: a where the mask is set, else b. */
  | { kind: 'select'; mask: number; a: number; b: number };

/** Integer powers up to this are multiplications; others call the float64 pow per lane. */
const MAX_INTEGER_POWER = 32;

/** The same functions in float64, for folding constant arguments (as the JavaScript evaluator computes them). */
const FOLD_CALL: Record<VectorFunction, (x: number) => number> = {
  exp: Math.exp, log: Math.log, tanh: Math.tanh, sin: Math.sin, cos: Math.cos, sigmoid, softplus, erf,
};

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b,
  '>=': (a, b) => a >= b, '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};

export class ExprGraph {
  readonly nodes: GraphNode[] = [];
  /** Whether node i depends on x (else it is computed once, before the loop). */
  readonly variesWithX: boolean[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(readonly paramNames: readonly string[]) {}

  private add(node: GraphNode, key: string, varies: boolean): number {
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    this.nodes.push(node);
    this.variesWithX.push(varies);
    this.byKey.set(key, this.nodes.length - 1);
    return this.nodes.length - 1;
  }

  private varies(...ids: number[]): boolean {
    return ids.some((i) => this.variesWithX[i]);
  }

  /** The float32 value of a constant node, else undefined. */
  constValue(id: number): number | undefined {
    const n = this.nodes[id];
    return n.kind === 'const' ? n.value : undefined;
  }

  private maskValue(id: number): boolean | undefined {
    const n = this.nodes[id];
    return n.kind === 'maskConst' ? n.value : undefined;
  }

  isMask(id: number): boolean {
    const k = this.nodes[id].kind;
    return k === 'maskConst' || k === 'compare' || k === 'isNaN' || k === 'either';
  }

  x(): number { return this.add({ kind: 'x' }, 'x', true); }
  param(index: number): number { return this.add({ kind: 'param', index }, `p${index}`, false); }
  num(value: number): number {
    const v = Math.fround(value);
    return this.add({ kind: 'const', value: v }, `c${Object.is(v, -0) ? '-0' : String(v)}`, false);
  }
  maskConst(value: boolean): number { return this.add({ kind: 'maskConst', value }, `m${value}`, false); }

  neg(a: number): number {
    const c = this.constValue(a);
    if (c !== undefined) return this.num(-c);
    const n = this.nodes[a];
    if (n.kind === 'unary' && n.op === 'neg') return n.a;
    return this.add({ kind: 'unary', op: 'neg', a }, `neg ${a}`, this.varies(a));
  }

  unary(op: 'abs' | 'sqrt' | 'sign', a: number): number {
    const c = this.constValue(a);
    if (c !== undefined) return this.num(op === 'abs' ? Math.abs(c) : op === 'sqrt' ? Math.sqrt(c) : Math.sign(c));
    return this.add({ kind: 'unary', op, a }, `${op} ${a}`, this.varies(a));
  }

  binary(op: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max', a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (ca !== undefined && cb !== undefined) {
      const v = op === 'add' ? ca + cb : op === 'sub' ? ca - cb : op === 'mul' ? ca * cb : op === 'div' ? ca / cb
        : op === 'min' ? Math.min(ca, cb) : Math.max(ca, cb);
      return this.num(v);
    }
    switch (op) {
      case 'add':
        if (ca === 0) return b;
        if (cb === 0) return a;
        break;
      case 'sub':
        if (cb === 0) return a;
        if (ca === 0) return this.neg(b);
        break;
      case 'mul':
        // the symbolic rule 0 * u = 0 (as the expression simplifier has it): derivative terms vanish
        if (ca === 0 || cb === 0) return this.num(0);
        if (ca === 1) return b;
        if (cb === 1) return a;
        if (ca === -1) return this.neg(b);
        if (cb === -1) return this.neg(a);
        break;
      case 'div':
        if (cb === 1) return a;
        if (ca === 0 && cb !== 0) return this.num(0);
        break;
      default:
        break;
    }
    // commutative operations in one order, so u*v and v*u are one node
    if ((op === 'add' || op === 'mul' || op === 'min' || op === 'max') && a > b) [a, b] = [b, a];
    return this.add({ kind: 'binary', op, a, b }, `${op} ${a} ${b}`, this.varies(a, b));
  }

  call(fn: VectorFunction, a: number): number {
    const c = this.constValue(a);
    if (c !== undefined) return this.num(FOLD_CALL[fn](c));
    return this.add({ kind: 'call', fn, a }, `${fn} ${a}`, this.varies(a));
  }

  pow(a: number, b: number): number {
    const cb = this.constValue(b);
    if (cb !== undefined && Number.isInteger(cb) && Math.abs(cb) <= MAX_INTEGER_POWER) {
      if (cb === 0) return this.num(1); // Math.pow(x, 0) is 1, NaN included
      const positive = this.integerPower(a, Math.abs(cb));
      return cb > 0 ? positive : this.binary('div', this.num(1), positive);
    }
    const ca = this.constValue(a);
    if (ca !== undefined && cb !== undefined) return this.num(Math.pow(ca, cb));
    return this.add({ kind: 'pow', a, b }, `pow ${a} ${b}`, this.varies(a, b));
  }

  /** a^n for n >= 1 by repeated squaring. */
  private integerPower(a: number, n: number): number {
    let result = -1;
    let square = a;
    for (let k = n; k > 0; k >>= 1) {
      if (k & 1) result = result < 0 ? square : this.binary('mul', result, square);
      if (k > 1) square = this.binary('mul', square, square);
    }
    return result;
  }

  compare(op: CompareOp, a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (ca !== undefined && cb !== undefined) return this.maskConst(COMPARE[op](ca, cb));
    return this.add({ kind: 'compare', op, a, b }, `${op} ${a} ${b}`, this.varies(a, b));
  }

  isNaN(a: number): number {
    const n = this.nodes[a];
    // parameters are finite (checked when the activation is resolved)
    if (n.kind === 'const') return this.maskConst(Number.isNaN(n.value));
    if (n.kind === 'param') return this.maskConst(false);
    return this.add({ kind: 'isNaN', a }, `nan ${a}`, this.varies(a));
  }

  either(a: number, b: number): number {
    const ma = this.maskValue(a);
    const mb = this.maskValue(b);
    if (ma === true || mb === true) return this.maskConst(true);
    if (ma === false) return b;
    if (mb === false) return a;
    if (a > b) [a, b] = [b, a];
    return this.add({ kind: 'either', a, b }, `or ${a} ${b}`, this.varies(a, b));
  }

  select(mask: number, a: number, b: number): number {
    const m = this.maskValue(mask);
    if (m !== undefined) return m ? a : b;
    if (a === b) return a;
    return this.add({ kind: 'select', mask, a, b }, `sel ${mask} ${a} ${b}`, this.varies(mask, a, b));
  }

  /** NaN where `nan` is set, else `value`: the language's "NaN in, NaN out" for comparisons. */
  private nanWhere(nan: number, value: number): number {
    return this.select(nan, this.num(NaN), value);
  }

  /** Adds an expression; the same object (or an equal subtree) always gives the same node. */
  fromExpr(e: Expr, memo = new Map<Expr, number>()): number {
    const seen = memo.get(e);
    if (seen !== undefined) return seen;
    const id = this.build(e, memo);
    memo.set(e, id);
    return id;
  }

  private build(e: Expr, memo: Map<Expr, number>): number {
    const sub = (x: Expr): number => this.fromExpr(x, memo);
    switch (e.type) {
      case 'number': return this.num(e.value);
      case 'constant': return this.num(CONSTANTS[e.name]);
      case 'variable': return this.x();
      case 'param': {
        const k = this.paramNames.indexOf(e.name);
        if (k < 0) throw new Error(`parameter '${e.name}' has no value`);
        return this.param(k);
      }
      case 'negate': return this.neg(sub(e.arg));
      case 'binary': return this.buildBinary(e.op, sub(e.left), sub(e.right));
      case 'compare': {
        const a = sub(e.left);
        const b = sub(e.right);
        const value = this.select(this.compare(e.op, a, b), this.num(1), this.num(0));
        return this.nanWhere(this.either(this.isNaN(a), this.isNaN(b)), value);
      }
      case 'call': return this.buildCall(e.fn, e.args, sub);
    }
  }

  private buildBinary(op: Extract<Expr, { type: 'binary' }>['op'], a: number, b: number): number {
    switch (op) {
      case '+': return this.binary('add', a, b);
      case '-': return this.binary('sub', a, b);
      case '*': return this.binary('mul', a, b);
      case '/': return this.binary('div', a, b);
      case '^': return this.pow(a, b);
    }
  }

  private buildCall(fn: FunctionName, args: Expr[], sub: (x: Expr) => number): number {
    if (fn === 'where') {
      const [c, a, b] = args as [Expr, Expr, Expr];
      const ifTrue = sub(a);
      const ifFalse = sub(b);
      if (c.type === 'compare') {
        // the comparison's lane mask directly, NaN where either side is
        const l = sub(c.left);
        const r = sub(c.right);
        return this.nanWhere(this.either(this.isNaN(l), this.isNaN(r)), this.select(this.compare(c.op, l, r), ifTrue, ifFalse));
      }
      const cv = sub(c);
      return this.nanWhere(this.isNaN(cv), this.select(this.compare('!=', cv, this.num(0)), ifTrue, ifFalse));
    }
    const u = sub(args[0]);
    switch (fn) {
      case 'min': return this.binary('min', u, sub(args[1]));
      case 'max': return this.binary('max', u, sub(args[1]));
      case 'abs': case 'sqrt': case 'sign': return this.unary(fn, u);
      default: return this.call(fn, u);
    }
  }
}
