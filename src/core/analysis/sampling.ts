// The sample points the analyses share: a dense uniform grid around 0 and logarithmic tails,
// and a helper to evaluate f or f' on them through the record's own functions.
import type { ElementwiseKernel, Params } from '../activations/types';

/** Dense grid: −20 to 20 in steps of 1e-3 (0 and every multiple of 1e-3 included). */
export const DENSE_STEP = 1e-3;
export const DENSE_GRID: Float64Array = Float64Array.from({ length: 40_001 }, (_, i) => (i - 20_000) / 1000);

/** Tail points ±10^k for k = 1.5, 1.75, ..., 12: how f behaves far out. */
export const TAIL_POINTS: Float64Array = (() => {
  const out: number[] = [];
  for (let k = 1.5; k <= 12 + 1e-9; k += 0.25) out.push(Math.pow(10, k), -Math.pow(10, k));
  return Float64Array.from(out);
})();

export function evalAll(fn: (x: number, p: Params) => number, xs: ArrayLike<number>, p: Params): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = fn(xs[i]!, p);
  return out;
}

/** f and f' on the dense grid. */
export function denseValues(k: ElementwiseKernel, p: Params): { f: Float64Array; df: Float64Array } {
  return { f: evalAll(k.f, DENSE_GRID, p), df: evalAll(k.df, DENSE_GRID, p) };
}
