// The sample points the analyses share: a dense uniform grid around 0 and logarithmic tails,
// and helpers to evaluate f or f' on them, over the whole array at once when the record can
// (a compiled expression runs its tape block by block), else point by point.
import type { ElementwiseKernel, FloatArray, Params } from '../activations/types';

/** Dense grid: −20 to 20 in steps of 1e-3 (0 and every multiple of 1e-3 included). */
export const DENSE_STEP = 1e-3;
export const DENSE_GRID: Float64Array = Float64Array.from({ length: 40_001 }, (_, i) => (i - 20_000) / 1000);

/** Tail points ±10^k for k = 1.5, 1.75, ..., 12: how f behaves far out. */
export const TAIL_POINTS: Float64Array = (() => {
  const out: number[] = [];
  for (let k = 1.5; k <= 12 + 1e-9; k += 0.25) out.push(Math.pow(10, k), -Math.pow(10, k));
  return Float64Array.from(out);
})();

/** A record that evaluates f and f' over many points at once, value for value what f and df give (compiled expressions). */
export interface BatchEvaluation {
  fMany: (xs: ArrayLike<number>, out: FloatArray, p: Params) => void;
  dfMany: (xs: ArrayLike<number>, out: FloatArray, p: Params) => void;
  /** Both in one pass, when the record shares work between them. */
  valuesMany?: (xs: ArrayLike<number>, fOut: FloatArray, dfOut: FloatArray, p: Params) => void;
}

function batched(k: ElementwiseKernel): (ElementwiseKernel & BatchEvaluation) | undefined {
  const b = k as Partial<BatchEvaluation>;
  return typeof b.fMany === 'function' && typeof b.dfMany === 'function' ? (k as ElementwiseKernel & BatchEvaluation) : undefined;
}

export function evalAll(fn: (x: number, p: Params) => number, xs: ArrayLike<number>, p: Params): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = fn(xs[i], p);
  return out;
}

/** f at every point. */
export function evalF(k: ElementwiseKernel, xs: ArrayLike<number>, p: Params): Float64Array {
  const b = batched(k);
  if (!b) return evalAll(k.f, xs, p);
  const out = new Float64Array(xs.length);
  b.fMany(xs, out, p);
  return out;
}

/** f' at every point. */
export function evalDf(k: ElementwiseKernel, xs: ArrayLike<number>, p: Params): Float64Array {
  const b = batched(k);
  if (!b) return evalAll(k.df, xs, p);
  const out = new Float64Array(xs.length);
  b.dfMany(xs, out, p);
  return out;
}

/** f and f' on the dense grid. */
export function denseValues(k: ElementwiseKernel, p: Params): { f: Float64Array; df: Float64Array } {
  const both = batched(k)?.valuesMany;
  if (!both) return { f: evalF(k, DENSE_GRID, p), df: evalDf(k, DENSE_GRID, p) };
  const f = new Float64Array(DENSE_GRID.length);
  const df = new Float64Array(DENSE_GRID.length);
  both(DENSE_GRID, f, df, p);
  return { f, df };
}
