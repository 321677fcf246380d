// Continuity of f and f', and monotonicity, measured on the dense grid. A suspected jump is
// zoomed in on by bisection (40 halvings, to ~1e-15): a real jump keeps its size, a steep but
// smooth stretch shrinks to nothing.
import type { ElementwiseKernel, Params } from '../activations/types';
import { DENSE_GRID, DENSE_STEP } from './sampling';

const ZOOM_STEPS = 40;
const MAX_CANDIDATES = 64;
/** A jump in f or f' smaller than this is treated as numerical noise (softplus's threshold: 2e-9). */
export const JUMP_TOLERANCE = 1e-6;

/** Bisects [a, b] towards the larger change of g; returns the point and the remaining change. */
function zoom(g: (x: number) => number, a: number, b: number): { at: number; jump: number } {
  let ga = g(a);
  let gb = g(b);
  for (let i = 0; i < ZOOM_STEPS; i++) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    const gm = g(m);
    if (Math.abs(gm - ga) >= Math.abs(gb - gm)) [b, gb] = [m, gm];
    else [a, ga] = [m, gm];
  }
  return { at: 0.5 * (a + b), jump: Math.abs(gb - ga) };
}

/** Points where g (sampled as `values` on the dense grid) jumps, by at least JUMP_TOLERANCE. */
function findJumps(g: (x: number) => number, values: Float64Array, slopeBound: Float64Array | undefined): number[] {
  const candidates: { i: number; size: number }[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    const change = Math.abs(values[i + 1]! - values[i]!);
    // For f, a continuous stretch changes by about h·|f'|; anything well beyond that is suspect.
    const expected = slopeBound ? 2 * DENSE_STEP * Math.max(Math.abs(slopeBound[i]!), Math.abs(slopeBound[i + 1]!)) : 0;
    if (change > expected + JUMP_TOLERANCE || change !== change) candidates.push({ i, size: change - expected });
  }
  candidates.sort((a, b) => b.size - a.size);
  const found: number[] = [];
  for (const { i } of candidates.slice(0, MAX_CANDIDATES)) {
    const { at, jump } = zoom(g, DENSE_GRID[i]!, DENSE_GRID[i + 1]!);
    if (jump > JUMP_TOLERANCE && !found.some((x) => Math.abs(x - at) < 2 * DENSE_STEP)) found.push(at);
  }
  return found.sort((a, b) => a - b);
}

/** Round a located point to what the zoom resolves (kinks at 0 come out as 0, not 1e-16). */
const tidy = (x: number): number => (Math.abs(x) < 1e-9 ? 0 : Number(x.toPrecision(9)));

export interface Smoothness {
  /** Points where f itself jumps (hardshrink at ±λ). */
  jumps: number[];
  /** Points where f is continuous but f' jumps (relu at 0). */
  kinks: number[];
  /** No jumps and no kinks on [−20, 20]. */
  smooth: boolean;
}

export function measureSmoothness(k: ElementwiseKernel, p: Params, f: Float64Array, df: Float64Array): Smoothness {
  const jumps = findJumps((x) => k.f(x, p), f, df).map(tidy);
  const kinks = findJumps((x) => k.df(x, p), df, undefined)
    .map(tidy)
    .filter((x) => !jumps.some((j) => Math.abs(j - x) < 2 * DENSE_STEP));
  return { jumps, kinks, smooth: jumps.length === 0 && kinks.length === 0 };
}

export type Monotonicity = 'increasing' | 'decreasing' | 'constant' | false;

/**
 * Non-decreasing ('increasing') or non-increasing ('decreasing') over the dense grid and the
 * tails, allowing rounding noise of 1e-12 relative; false when f goes both ways.
 */
export function measureMonotonicity(values: ArrayLike<number>): Monotonicity {
  let up = false;
  let down = false;
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i]!;
    const b = values[i + 1]!;
    const noise = 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
    if (b > a + noise) up = true;
    else if (b < a - noise) down = true;
  }
  return up && down ? false : up ? 'increasing' : down ? 'decreasing' : 'constant';
}
