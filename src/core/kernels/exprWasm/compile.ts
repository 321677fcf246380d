// A custom activation's expression compiled to a WebAssembly SIMD module in memory when a run
// starts: f, f' and df/dp for each parameter become one graph (graph.ts) in which shared
// subexpressions are computed once, and four exported loops read and write the kernel
// provider's memory:
//   forward(count, z, a, params)                a = f(z)
//   forwardDerivative(count, z, a, d, params)   a = f(z), d = f'(z), sharing their common terms
//   backward(count, z, grad, params)            grad *= f'(z)
//   paramGradients(count, z, grad, out, params) out[k] = sum_i grad_i df/dp_k(z_i) (float64)
// (byte addresses; params is a float32 array in the record's parameter order). The module
// imports the provider's memory and its vector exp, log, tanh, ... (assembly/mathExports.ts):
// one implementation of each, measured for accuracy once, and a module of a few hundred bytes.
// No eval and no Function: the bytes are written by wasmBinary.ts and compiled by WebAssembly.

import type { Expr } from '../../expr/index';
import { webAssembly, type WebAssemblyMemory } from '../webAssemblyApi';
import { ExprGraph, type VectorFunction } from './graph';
import { Code, F64, I32, ModuleBuilder, SIMD, V128, type ValueType } from './wasmBinary';

/** What the compiler needs from a custom activation's record. */
export interface CompilableExpression {
  /** f over x and the parameters. */
  ast: Expr;
  /** f' (d/dx), as the expression differentiator gives it. */
  derivativeAst: Expr;
  /** Parameter names in the order their values are passed. */
  paramNames: readonly string[];
  /** df/dp for each parameter, in paramNames' order, from the same differentiator. */
  paramDerivativeAsts: readonly Expr[];
}

/** The kernel provider's side: its memory and its exported vector functions (vexp, vlog, ..., vpow). */
export interface ExpressionHost {
  memory: WebAssemblyMemory;
  exports: Record<string, unknown>;
}

export interface CompiledExpression {
  readonly paramNames: readonly string[];
  /** Size of the compiled module. */
  readonly moduleBytes: number;
  /** Distinct vector values the training pass (f and f' together) computes per four inputs. */
  readonly sharedValues: number;
  /** How many values f and f' would need if nothing were shared between them. */
  readonly unsharedValues: number;
  forward(count: number, z: number, a: number, d: number, params: number): void;
  backward(count: number, z: number, grad: number, params: number): void;
  paramGradients(count: number, z: number, grad: number, params: number, out: number): void;
}

/** Beyond this many vector values in one loop the expression stays on the JavaScript path. */
export const MAX_VECTOR_VALUES = 1500;

const CALL_EXPORT: Record<VectorFunction | 'pow', string> = {
  exp: 'vexp', log: 'vlog', tanh: 'vtanh', sigmoid: 'vsigmoid', erf: 'verf', sin: 'vsin', cos: 'vcos', softplus: 'vsoftplus', pow: 'vpow',
};

const COMPARE_OP = { '<': SIMD.f32x4Lt, '<=': SIMD.f32x4Le, '>': SIMD.f32x4Gt, '>=': SIMD.f32x4Ge, '==': SIMD.f32x4Eq, '!=': SIMD.f32x4Ne } as const;
const BINARY_OP = {
  add: SIMD.f32x4Add, sub: SIMD.f32x4Sub, mul: SIMD.f32x4Mul, div: SIMD.f32x4Div, min: SIMD.f32x4Min, max: SIMD.f32x4Max,
} as const;
const UNARY_OP = { neg: SIMD.f32x4Neg, abs: SIMD.f32x4Abs, sqrt: SIMD.f32x4Sqrt } as const;

/** Every node `roots` need, in evaluation (creation) order. */
function needed(g: ExprGraph, roots: readonly number[]): number[] {
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = g.nodes[id];
    if ('a' in n) stack.push(n.a);
    if ('b' in n) stack.push(n.b);
    if ('mask' in n) stack.push(n.mask);
  }
  return [...seen].sort((x, y) => x - y);
}

/** One exported loop over `count` floats: per element, load z, compute the nodes, then `store`. */
interface LoopSpec {
  name: string;
  /** Pointer parameters after count (i32 byte addresses); `z` and `params` are always there. */
  pointers: string[];
  roots: number[];
  /** Extra locals (after the node locals) and code to initialise them, before the loop. */
  extraLocals?: ValueType[];
  /** Stores the results of one vector (`tail` false) or of lane 0 (`tail` true), at byte offset in local `offset`. */
  store(code: Code, tail: boolean, ctx: LoopContext): void;
  /** After both loops. */
  finish?(code: Code, ctx: LoopContext): void;
}

interface LoopContext {
  /** Local index of a named pointer parameter. */
  pointer(name: string): number;
  /** Local holding a node's value. */
  local(node: number): number;
  /** Local holding the current byte offset. */
  offset: number;
  /** First extra local. */
  extra: number;
}

class Emitter {
  private readonly importIndex = new Map<string, number>();

  constructor(private readonly g: ExprGraph, private readonly module: ModuleBuilder) {}

  /** Declares the imports every node of the graph may call (all before the first function). */
  declareImports(nodes: readonly number[]): void {
    for (const id of nodes) {
      const n = this.g.nodes[id];
      const fn = n.kind === 'call' ? n.fn : n.kind === 'pow' ? 'pow' : null;
      if (!fn || this.importIndex.has(fn)) continue;
      const params: ValueType[] = fn === 'pow' ? [V128, V128] : [V128];
      this.importIndex.set(fn, this.module.importFunction('vmath', CALL_EXPORT[fn], { params, results: [V128] }));
    }
  }

  /** Pushes node `id`'s value (its arguments are in their locals already). */
  private node(code: Code, id: number, local: (n: number) => number, paramsLocal: number): void {
    const n = this.g.nodes[id];
    const get = (x: number): Code => code.localGet(local(x));
    switch (n.kind) {
      case 'x': throw new Error('x is loaded by the loop');
      case 'param': code.localGet(paramsLocal).v128Load32Splat(4 * n.index); return;
      case 'const': code.f32x4Const([n.value, n.value, n.value, n.value]); return;
      case 'maskConst': { const m = n.value ? -1 : 0; code.i32x4Const([m, m, m, m]); return; }
      case 'unary':
        if (n.op === 'sign') {
          // sign: copysign(1, a), but +-0 and NaN pass through
          get(n.a);
          get(n.a).i32x4Const([-0x80000000, -0x80000000, -0x80000000, -0x80000000]).simd(SIMD.and).f32x4Const([1, 1, 1, 1]).simd(SIMD.or);
          get(n.a).f32x4Const([0, 0, 0, 0]).simd(SIMD.f32x4Eq);
          get(n.a); get(n.a).simd(SIMD.f32x4Ne).simd(SIMD.or);
          // bitselect(a, s, zeroOrNaN) picks a where the mask is set
          code.simd(SIMD.bitselect);
          return;
        }
        get(n.a).simd(UNARY_OP[n.op]);
        return;
      case 'binary': get(n.a); get(n.b).simd(BINARY_OP[n.op]); return;
      case 'call': get(n.a).call(this.importIndex.get(n.fn)!); return;
      case 'pow': get(n.a); get(n.b).call(this.importIndex.get('pow')!); return;
      case 'compare': get(n.a); get(n.b).simd(COMPARE_OP[n.op]); return;
      case 'isNaN': get(n.a); get(n.a).simd(SIMD.f32x4Ne); return;
      case 'either': get(n.a); get(n.b).simd(SIMD.or); return;
      case 'select': get(n.a); get(n.b); get(n.mask).simd(SIMD.bitselect); return;
    }
  }

  /** Adds one exported loop function. Returns how many vector values it computes. */
  addLoop(spec: LoopSpec): number {
    const g = this.g;
    const nodes = needed(g, spec.roots);
    const x = nodes.find((id) => g.nodes[id].kind === 'x');
    const pointerNames = ['z', ...spec.pointers, 'params'];
    const params: ValueType[] = [I32, ...pointerNames.map((): ValueType => I32)];
    const count = 0;
    const pointer = (name: string): number => 1 + pointerNames.indexOf(name);
    const offset = params.length;
    const end4 = offset + 1;
    const end = offset + 2;
    const localOf = new Map<number, number>();
    const locals: ValueType[] = [I32, I32, I32];
    for (const id of nodes) {
      localOf.set(id, params.length + locals.length);
      locals.push(V128);
    }
    const extra = params.length + locals.length;
    locals.push(...(spec.extraLocals ?? []));
    const local = (id: number): number => localOf.get(id)!;
    const ctx: LoopContext = { pointer, local, offset, extra };
    const code = new Code();
    const paramsLocal = pointer('params');
    // before the loop: everything that does not vary with x
    for (const id of nodes) {
      if (g.variesWithX[id] || id === x) continue;
      this.node(code, id, local, paramsLocal);
      code.localSet(local(id));
    }
    code.localGet(count).i32Const(2).i32Shl().localTee(end).i32Const(-16).i32And().localSet(end4);
    for (const tail of [false, true]) {
      code.block().loop();
      code.localGet(offset).localGet(tail ? end : end4).i32GeU().brIf(1);
      if (x !== undefined) {
        code.localGet(pointer('z')).localGet(offset).i32Add();
        if (tail) code.f32Load().simd(SIMD.f32x4Splat);
        else code.v128Load();
        code.localSet(local(x));
      }
      for (const id of nodes) {
        if (!g.variesWithX[id] || id === x) continue;
        this.node(code, id, local, paramsLocal);
        code.localSet(local(id));
      }
      spec.store(code, tail, ctx);
      code.localGet(offset).i32Const(tail ? 4 : 16).i32Add().localSet(offset);
      code.br(0).end().end();
    }
    spec.finish?.(code, ctx);
    this.module.addFunction({ params, results: [] }, locals, code, spec.name);
    return nodes.length;
  }
}

/** address + offset on the stack, for a store. */
function at(code: Code, ctx: LoopContext, pointer: string): Code {
  return code.localGet(ctx.pointer(pointer)).localGet(ctx.offset).i32Add();
}

/** Stores node `id` into array `pointer` at the current offset (a whole vector, or lane 0). */
function storeValue(code: Code, ctx: LoopContext, pointer: string, id: number, tail: boolean): void {
  at(code, ctx, pointer).localGet(ctx.local(id));
  if (tail) code.lane(SIMD.f32x4ExtractLane, 0).f32Store();
  else code.v128Store();
}

/** grad *= node `id` at the current offset. */
function multiplyInto(code: Code, ctx: LoopContext, pointer: string, id: number, tail: boolean): void {
  at(code, ctx, pointer);
  if (tail) {
    at(code, ctx, pointer).f32Load().simd(SIMD.f32x4Splat).localGet(ctx.local(id)).simd(SIMD.f32x4Mul).lane(SIMD.f32x4ExtractLane, 0).f32Store();
  } else {
    at(code, ctx, pointer).v128Load().localGet(ctx.local(id)).simd(SIMD.f32x4Mul).v128Store();
  }
}

/**
 * Compiles f, f' and df/dp of an expression into a module that works on `host`'s memory.
 * Returns the reason instead when the expression cannot be compiled here (it then runs on the
 * JavaScript path).
 */
export function compileExpression(expr: CompilableExpression, host: ExpressionHost): CompiledExpression | { fallback: string } {
  if (!webAssembly) return { fallback: 'this runtime has no WebAssembly' };
  const g = new ExprGraph(expr.paramNames);
  const memo = new Map<Expr, number>();
  let f: number, df: number, dp: number[];
  try {
    f = g.fromExpr(expr.ast, memo);
    df = g.fromExpr(expr.derivativeAst, memo);
    // Structural hashing shares whatever df/dp has in common with f and f'.
    dp = expr.paramDerivativeAsts.map((d) => g.fromExpr(d, memo));
  } catch (e) {
    return { fallback: `the expression could not be compiled: ${(e as Error).message}` };
  }
  const training = needed(g, [f, df]).length;
  const unshared = needed(g, [f]).length + needed(g, [df]).length;
  const largest = Math.max(training, needed(g, dp).length);
  if (largest > MAX_VECTOR_VALUES) {
    return { fallback: `the expression and its derivatives need ${largest} vector values per step; the compiler takes at most ${MAX_VECTOR_VALUES}` };
  }

  const module = new ModuleBuilder();
  const emitter = new Emitter(g, module);
  emitter.declareImports(needed(g, [f, df, ...dp]));
  emitter.addLoop({
    name: 'forward', pointers: ['a'], roots: [f],
    store: (code, tail, ctx) => storeValue(code, ctx, 'a', f, tail),
  });
  emitter.addLoop({
    name: 'forwardDerivative', pointers: ['a', 'd'], roots: [f, df],
    store: (code, tail, ctx) => {
      storeValue(code, ctx, 'a', f, tail);
      storeValue(code, ctx, 'd', df, tail);
    },
  });
  emitter.addLoop({
    name: 'backward', pointers: ['grad'], roots: [df],
    store: (code, tail, ctx) => multiplyInto(code, ctx, 'grad', df, tail),
  });
  if (dp.length) {
    // a temporary for g * df/dp, then per parameter two f64x2 accumulators (vector loop) and one f64 (tail)
    const extraLocals: ValueType[] = [V128, ...dp.flatMap((): ValueType[] => [V128, V128, F64])];
    emitter.addLoop({
      name: 'paramGradients', pointers: ['grad', 'out'], roots: dp, extraLocals,
      store: (code, tail, ctx) => {
        const product = ctx.extra;
        dp.forEach((id, k) => {
          const lo = ctx.extra + 1 + 3 * k;
          if (tail) at(code, ctx, 'grad').f32Load().simd(SIMD.f32x4Splat);
          else at(code, ctx, 'grad').v128Load();
          code.localGet(ctx.local(id)).simd(SIMD.f32x4Mul);
          if (tail) {
            code.lane(SIMD.f32x4ExtractLane, 0).f64PromoteF32().localGet(lo + 2).f64Add().localSet(lo + 2);
            return;
          }
          // lanes 0, 1 of the product into lo; lanes 2, 3 (moved down by a byte shuffle) into hi
          code.localTee(product).simd(SIMD.f64x2PromoteLow).localGet(lo).simd(SIMD.f64x2Add).localSet(lo);
          code.localGet(product).localGet(product).simd(SIMD.i8x16Shuffle);
          code.bytes.push(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
          code.simd(SIMD.f64x2PromoteLow).localGet(lo + 1).simd(SIMD.f64x2Add).localSet(lo + 1);
        });
      },
      finish: (code, ctx) => {
        dp.forEach((_, k) => {
          const lo = ctx.extra + 1 + 3 * k;
          code.localGet(ctx.pointer('out'));
          code.localGet(lo).localGet(lo + 1).simd(SIMD.f64x2Add).localTee(lo);
          code.lane(SIMD.f64x2ExtractLane, 0).localGet(lo).lane(SIMD.f64x2ExtractLane, 1).f64Add();
          code.localGet(lo + 2).f64Add().f64Store(8 * k);
        });
      },
    });
  }

  const bytes = module.toBytes();
  let exports: Record<string, (...args: number[]) => void>;
  try {
    const vmath: Record<string, unknown> = {};
    for (const name of Object.values(CALL_EXPORT)) vmath[name] = host.exports[name];
    const instance = new webAssembly.Instance(new webAssembly.Module(bytes), { env: { memory: host.memory }, vmath });
    exports = instance.exports as typeof exports;
  } catch (e) {
    return { fallback: `the compiled module was rejected: ${(e as Error).message}` };
  }
  const ex = exports;
  return {
    paramNames: expr.paramNames,
    moduleBytes: bytes.length,
    sharedValues: training,
    unsharedValues: unshared,
    forward(count, z, a, d, params) {
      if (d) ex.forwardDerivative(count, z, a, d, params);
      else ex.forward(count, z, a, params);
    },
    backward(count, z, grad, params) {
      ex.backward(count, z, grad, params);
    },
    paramGradients(count, z, grad, params, out) {
      if (ex.paramGradients) ex.paramGradients(count, z, grad, out, params);
    },
  };
}
