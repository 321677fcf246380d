// Evaluates expressions without eval or Function: the expression DAG is flattened once into a
// tape, one instruction per distinct node in dependency order, run over a register file. A
// subtree shared by several parents (or by f and f') is computed once per point, so the cost
// is linear in the DAG. `evaluateMany` runs the tape over blocks of points, one instruction at a
// time across the block, which is how the trainer and the analyses call it.
// Every instruction computes exactly what the language defines, in float64.
import { erf, sigmoid, softplus } from '../activations/numerics';
import type { FloatArray } from '../activations/types';
import { type BinaryOp, CONSTANTS, type CompareOp, type Expr, type FunctionName } from './ast';
import { ExprTable } from './intern';

/** f(x, params), params in the order given to `compileExpr`. */
export type CompiledExpr = (x: number, params: Float64Array) => number;

// Opcodes. Operands are register indices; a register holds one value (scalar) or one block row.
const NEG = 0, ADD = 1, SUB = 2, MUL = 3, DIV = 4, POW = 5;
const LT = 6, LE = 7, GT = 8, GE = 9, EQ = 10, NE = 11;
const EXP = 12, LOG = 13, SQRT = 14, ABS = 15, TANH = 16, SIGMOID = 17, ERF = 18, SIN = 19, COS = 20, SOFTPLUS = 21, SIGN = 22;
const MIN = 23, MAX = 24, WHERE = 25;
/** u^2 as u·u: Math.pow(u, 2) is exactly u·u in V8 (fdlibm's special case for y = 2; a test checks it). */
const SQUARE = 26;

const BINARY_CODE: Record<BinaryOp, number> = { '+': ADD, '-': SUB, '*': MUL, '/': DIV, '^': POW };
const COMPARE_CODE: Record<CompareOp, number> = { '<': LT, '<=': LE, '>': GT, '>=': GE, '==': EQ, '!=': NE };
const CALL_CODE: Record<FunctionName, number> = {
  exp: EXP, log: LOG, sqrt: SQRT, abs: ABS, tanh: TANH, sigmoid: SIGMOID, erf: ERF, sin: SIN, cos: COS,
  softplus: SOFTPLUS, sign: SIGN, min: MIN, max: MAX, where: WHERE,
};

/**
 * Relative cost of one instruction per point in evaluateMany, in units of an addition, measured on
 * V8 (Node 20) over 40001 points: Math.exp about 8, tanh 9, sin 10, Math.pow 36; erf and softplus,
 * written in JavaScript, 19 and 25.
 */
const OP_COST: readonly number[] = [
  1, 1, 1, 1, 1, 36, // neg add sub mul div pow
  1, 1, 1, 1, 1, 1, // comparisons
  8, 7, 3, 1, 9, 10, 19, 10, 10, 25, 1, // exp log sqrt abs tanh sigmoid erf sin cos softplus sign
  1, 1, 1, 1, // min max where square
];

/** Points per block in `evaluateMany`: a block of every register fits in cache for tapes the limits accept. */
const BLOCK = 128;

function unary(op: number, u: number): number {
  switch (op) {
    case NEG: return -u;
    case SQUARE: return u * u;
    case EXP: return Math.exp(u);
    case LOG: return Math.log(u);
    case SQRT: return Math.sqrt(u);
    case ABS: return Math.abs(u);
    case TANH: return Math.tanh(u);
    case SIGMOID: return sigmoid(u);
    case ERF: return erf(u);
    case SIN: return Math.sin(u);
    case COS: return Math.cos(u);
    case SOFTPLUS: return softplus(u);
    default: return Math.sign(u); // SIGN
  }
}

/** a op b for the binary, comparison and min/max codes; a comparison with a NaN side is NaN. */
function binaryValue(op: number, a: number, b: number): number {
  switch (op) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return a / b;
    case POW: return Math.pow(a, b);
    case MIN: return Math.min(a, b);
    case MAX: return Math.max(a, b);
    default:
      if (a !== a || b !== b) return NaN;
      switch (op) {
        case LT: return a < b ? 1 : 0;
        case LE: return a <= b ? 1 : 0;
        case GT: return a > b ? 1 : 0;
        case GE: return a >= b ? 1 : 0;
        case EQ: return a === b ? 1 : 0;
        default: return a !== b ? 1 : 0; // NE
      }
  }
}

/** where(c, a, b): a if c is non-zero, b if it is zero, NaN if it is NaN. */
const whereValue = (c: number, a: number, b: number): number => (c !== c ? NaN : c !== 0 ? a : b);

/** An expression DAG (one or more roots sharing nodes) flattened into instructions. */
export class Tape {
  /** Registers: constants, x, parameters, then one per instruction. */
  readonly registers: number;
  /** Instructions, dependency order. */
  readonly length: number;
  /** Σ per-instruction cost: what one point costs, in additions. */
  readonly cost: number;
  private readonly ops: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly c: Int32Array;
  private readonly dest: Int32Array;
  /** Register of each root. */
  private readonly rootRegs: Int32Array;
  private readonly xReg: number;
  /** Register of each parameter, in paramNames order (-1: unused). */
  private readonly paramRegs: Int32Array;
  private readonly constRegs: Int32Array;
  private readonly constValues: Float64Array;
  private readonly scalar: Float64Array;
  private block?: Float64Array;

  constructor(roots: readonly Expr[], readonly paramNames: readonly string[]) {
    const table = new ExprTable();
    const canonical = roots.map((r) => table.canonical(r));
    const reg = new Map<Expr, number>();
    const consts: [number, number][] = [];
    const params = new Int32Array(paramNames.length).fill(-1);
    let next = 0;
    const xReg = next++;
    const code: number[][] = []; // [op, dest, a, b, c]
    // Leaves first get their registers as they are met; instructions in post-order.
    const visit = (e: Expr): number => {
      const known = reg.get(e);
      if (known !== undefined) return known;
      let r: number;
      switch (e.type) {
        case 'variable': r = xReg; break;
        case 'number': r = next++; consts.push([r, e.value]); break;
        case 'constant': r = next++; consts.push([r, CONSTANTS[e.name]]); break;
        case 'param': {
          const k = paramNames.indexOf(e.name);
          if (k < 0) throw new Error(`parameter '${e.name}' has no value`);
          if (params[k] === -1) params[k] = next++;
          r = params[k]!;
          break;
        }
        case 'negate': {
          const a = visit(e.arg);
          r = next++;
          code.push([NEG, r, a, 0, 0]);
          break;
        }
        case 'binary': case 'compare': {
          const a = visit(e.left);
          if (e.type === 'binary' && e.op === '^' && e.right.type === 'number' && e.right.value === 2) {
            r = next++;
            code.push([SQUARE, r, a, 0, 0]);
            break;
          }
          const b = visit(e.right);
          r = next++;
          code.push([e.type === 'binary' ? BINARY_CODE[e.op] : COMPARE_CODE[e.op], r, a, b, 0]);
          break;
        }
        case 'call': {
          const args = e.args.map(visit);
          r = next++;
          code.push([CALL_CODE[e.fn], r, args[0], args[1] ?? 0, args[2] ?? 0]);
          break;
        }
      }
      reg.set(e, r);
      return r;
    };
    this.rootRegs = Int32Array.from(canonical, visit);
    this.registers = next;
    this.length = code.length;
    this.ops = Int32Array.from(code, (i) => i[0]);
    this.dest = Int32Array.from(code, (i) => i[1]);
    this.a = Int32Array.from(code, (i) => i[2]);
    this.b = Int32Array.from(code, (i) => i[3]);
    this.c = Int32Array.from(code, (i) => i[4]);
    this.cost = code.reduce((s, i) => s + OP_COST[i[0]], 0);
    this.xReg = xReg;
    this.paramRegs = params;
    this.constRegs = Int32Array.from(consts, ([r]) => r);
    this.constValues = Float64Array.from(consts, ([, v]) => v);
    this.scalar = new Float64Array(next);
    for (let i = 0; i < consts.length; i++) this.scalar[this.constRegs[i]] = this.constValues[i]!;
  }

  /** Runs every instruction once at x; the registers hold every node's value afterwards. */
  private runScalar(x: number, params: Float64Array): Float64Array {
    const r = this.scalar;
    r[this.xReg] = x;
    const pr = this.paramRegs;
    for (let k = 0; k < pr.length; k++) if (pr[k] >= 0) r[pr[k]] = params[k]!;
    const { ops, dest, a, b, c } = this;
    for (let i = 0; i < ops.length; i++) {
      const u = r[a[i]];
      let v: number;
      switch (ops[i]) {
        case ADD: v = u + r[b[i]]; break;
        case SUB: v = u - r[b[i]]; break;
        case MUL: v = u * r[b[i]]; break;
        case DIV: v = u / r[b[i]]; break;
        case SQUARE: v = u * u; break;
        case NEG: v = -u; break;
        case EXP: v = Math.exp(u); break;
        case TANH: v = Math.tanh(u); break;
        case WHERE: v = whereValue(u, r[b[i]], r[c[i]]); break;
        case MIN: v = Math.min(u, r[b[i]]); break;
        case MAX: v = Math.max(u, r[b[i]]); break;
        default: {
          const op = ops[i];
          v = op >= ADD && op <= NE ? binaryValue(op, u, r[b[i]]) : unary(op, u);
        }
      }
      r[dest[i]] = v;
    }
    return r;
  }

  /** The first root at x. */
  evaluate(x: number, params: Float64Array): number {
    return this.runScalar(x, params)[this.rootRegs[0]];
  }

  /** Every root at x, into out (one per root). */
  evaluateRoots(x: number, params: Float64Array, out: Float64Array): void {
    const r = this.runScalar(x, params);
    for (let k = 0; k < this.rootRegs.length; k++) out[k] = r[this.rootRegs[k]]!;
  }

  /** Root k at every xs[i], into outs[k][i] (outs may be float32: values are rounded as stored). */
  evaluateMany(xs: ArrayLike<number>, params: Float64Array, outs: readonly FloatArray[]): void {
    const n = this.registers;
    if (!this.block) {
      this.block = new Float64Array(n * BLOCK);
      for (let i = 0; i < this.constRegs.length; i++) this.block.fill(this.constValues[i], this.constRegs[i] * BLOCK, (this.constRegs[i] + 1) * BLOCK);
    }
    const R = this.block;
    const pr = this.paramRegs;
    for (let k = 0; k < pr.length; k++) if (pr[k] >= 0) R.fill(params[k], pr[k] * BLOCK, (pr[k] + 1) * BLOCK);
    const { ops, dest, a, b, c } = this;
    const xRow = this.xReg * BLOCK;
    for (let start = 0; start < xs.length; start += BLOCK) {
      const m = Math.min(BLOCK, xs.length - start);
      for (let j = 0; j < m; j++) R[xRow + j] = xs[start + j]!;
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i];
        const d = dest[i] * BLOCK;
        const pa = a[i] * BLOCK;
        const pb = b[i] * BLOCK;
        switch (op) {
          case ADD: for (let j = 0; j < m; j++) R[d + j] = R[pa + j] + R[pb + j]; break;
          case SUB: for (let j = 0; j < m; j++) R[d + j] = R[pa + j] - R[pb + j]; break;
          case MUL: for (let j = 0; j < m; j++) R[d + j] = R[pa + j] * R[pb + j]; break;
          case DIV: for (let j = 0; j < m; j++) R[d + j] = R[pa + j] / R[pb + j]; break;
          case POW: for (let j = 0; j < m; j++) R[d + j] = Math.pow(R[pa + j], R[pb + j]); break;
          case SQUARE: for (let j = 0; j < m; j++) { const u = R[pa + j]; R[d + j] = u * u; } break;
          case NEG: for (let j = 0; j < m; j++) R[d + j] = -R[pa + j]; break;
          case EXP: for (let j = 0; j < m; j++) R[d + j] = Math.exp(R[pa + j]); break;
          case LOG: for (let j = 0; j < m; j++) R[d + j] = Math.log(R[pa + j]); break;
          case SQRT: for (let j = 0; j < m; j++) R[d + j] = Math.sqrt(R[pa + j]); break;
          case ABS: for (let j = 0; j < m; j++) R[d + j] = Math.abs(R[pa + j]); break;
          case TANH: for (let j = 0; j < m; j++) R[d + j] = Math.tanh(R[pa + j]); break;
          case SIGMOID: for (let j = 0; j < m; j++) R[d + j] = sigmoid(R[pa + j]); break;
          case ERF: for (let j = 0; j < m; j++) R[d + j] = erf(R[pa + j]); break;
          case SIN: for (let j = 0; j < m; j++) R[d + j] = Math.sin(R[pa + j]); break;
          case COS: for (let j = 0; j < m; j++) R[d + j] = Math.cos(R[pa + j]); break;
          case SOFTPLUS: for (let j = 0; j < m; j++) R[d + j] = softplus(R[pa + j]); break;
          case SIGN: for (let j = 0; j < m; j++) R[d + j] = Math.sign(R[pa + j]); break;
          case MIN: for (let j = 0; j < m; j++) R[d + j] = Math.min(R[pa + j], R[pb + j]); break;
          case MAX: for (let j = 0; j < m; j++) R[d + j] = Math.max(R[pa + j], R[pb + j]); break;
          case WHERE: {
            const pc = c[i] * BLOCK;
            for (let j = 0; j < m; j++) {
              const cond = R[pa + j];
              R[d + j] = cond !== cond ? NaN : cond !== 0 ? R[pb + j] : R[pc + j];
            }
            break;
          }
          case LT: for (let j = 0; j < m; j++) { const u = R[pa + j]; const v = R[pb + j]; R[d + j] = u !== u || v !== v ? NaN : u < v ? 1 : 0; } break;
          case GT: for (let j = 0; j < m; j++) { const u = R[pa + j]; const v = R[pb + j]; R[d + j] = u !== u || v !== v ? NaN : u > v ? 1 : 0; } break;
          default: for (let j = 0; j < m; j++) R[d + j] = binaryValue(op, R[pa + j], R[pb + j]); // the other comparisons
        }
      }
      for (let k = 0; k < outs.length; k++) {
        const out = outs[k];
        const row = this.rootRegs[k] * BLOCK;
        for (let j = 0; j < m; j++) out[start + j] = R[row + j]!;
      }
    }
  }
}

/** Compiles one expression to a function of x and the parameter vector (in `paramNames` order). */
export function compileExpr(e: Expr, paramNames: readonly string[]): CompiledExpr {
  const tape = new Tape([e], paramNames);
  return (x, params) => tape.evaluate(x, params);
}

/** The value of an expression with no x and no parameters (constant folding). */
export function evaluateConstant(e: Expr): number {
  return new Tape([e], []).evaluate(0, new Float64Array(0));
}

/** Evaluates once, parameters by name (convenient, not fast). */
export function evaluateExpr(e: Expr, x: number, params: Readonly<Record<string, number>> = {}): number {
  const names = Object.keys(params);
  return compileExpr(e, names)(x, Float64Array.from(names, (n) => params[n]));
}
