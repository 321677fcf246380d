// The output range of f over the real line, measured: min and max over the dense grid and the
// logarithmic tails, with an end declared infinite when f keeps growing decade after decade.
import type { ElementwiseKernel, OutputRange, Params } from '../activations/types';
import { DENSE_GRID, evalF } from './sampling';

/** Points where "attained" is judged: an extreme reached only at |x| > 15 counts as a limit. */
const ATTAIN_RADIUS = 15;

/** 10^k for k = 1.5 .. 12 in quarter decades, and the same negated. */
const DECADES = Array.from({ length: 43 }, (_, i) => Math.pow(10, 1.5 + i / 4));

/**
 * Whether f grows without bound towards +∞·sign: over the last three decades the increments
 * shrink by less than half (log, sqrt, linear growth) rather than geometrically (1/x approach).
 */
function unbounded(k: ElementwiseKernel, p: Params, sign: 1 | -1, dir: 1 | -1): boolean {
  const v = (x: number): number => dir * k.f(sign * x, p);
  const [a, b, c] = [v(1e9), v(1e10), v(1e11)];
  const d = v(1e12);
  if (!Number.isFinite(d)) return d === Infinity;
  const d1 = b - a;
  const d2 = c - b;
  const d3 = d - c;
  return d3 > 0 && d2 > 0 && d3 > 0.5 * d2 && d2 > 0.5 * d1 && d3 > 1e-12 * Math.max(1, Math.abs(d));
}

export interface MeasuredRange extends OutputRange {
  /** Where the minimum and maximum were found (the first such point). */
  argMin: number;
  argMax: number;
}

/** The range of f; `dense` may give f on DENSE_GRID already (the analysis has it). */
export function measureRange(k: ElementwiseKernel, p: Params, dense?: Float64Array): MeasuredRange {
  const far = Float64Array.from([...DECADES, ...DECADES.map((x) => -x)]);
  const xs = new Float64Array(DENSE_GRID.length + far.length);
  xs.set(DENSE_GRID);
  xs.set(far, DENSE_GRID.length);
  const ys = new Float64Array(xs.length);
  ys.set(dense ?? evalF(k, DENSE_GRID, p));
  ys.set(evalF(k, far, p), DENSE_GRID.length);
  let min = Infinity;
  let max = -Infinity;
  let argMin = NaN;
  let argMax = NaN;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y < min) [min, argMin] = [y, xs[i]];
    if (y > max) [max, argMax] = [y, xs[i]];
  }
  let minIncluded = false;
  let maxIncluded = false;
  for (let i = 0; i < xs.length; i++) {
    if (Math.abs(xs[i]) > ATTAIN_RADIUS) continue;
    if (ys[i] === min) minIncluded = true;
    if (ys[i] === max) maxIncluded = true;
  }
  if (unbounded(k, p, 1, 1) || unbounded(k, p, -1, 1)) [max, maxIncluded] = [Infinity, false];
  if (unbounded(k, p, 1, -1) || unbounded(k, p, -1, -1)) [min, minIncluded] = [-Infinity, false];
  return { min, max, minIncluded, maxIncluded, argMin, argMax };
}
