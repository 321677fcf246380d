// Continuity of f and f', and monotonicity, measured on the dense grid. A suspected jump is
// zoomed in on by bisection (40 halvings, to ~1e-15): a real jump keeps its size, a steep but
// smooth stretch shrinks to nothing.
import type { ElementwiseKernel, Params } from '../activations/types';
import { DENSE_GRID, DENSE_STEP } from './sampling';

const ZOOM_STEPS = 40;
const MAX_CANDIDATES = 64;
/** A jump in f or f' smaller than this is treated as numerical noise (softplus's threshold: 2e-9). */
export const JUMP_TOLERANCE = 1e-6;

/** Bisects [a, b] towards the larger change of g; returns the point, the remaining change and the final width. */
function zoom(g: (x: number) => number, a: number, b: number): { at: number; jump: number; width: number } {
  let ga = g(a);
  let gb = g(b);
  for (let i = 0; i < ZOOM_STEPS; i++) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    const gm = g(m);
    if (Math.abs(gm - ga) >= Math.abs(gb - gm)) [b, gb] = [m, gm];
    else [a, ga] = [m, gm];
  }
  return { at: 0.5 * (a + b), jump: Math.abs(gb - ga), width: b - a };
}

/**
 * Points where g (sampled as `values` on the dense grid) jumps, by at least JUMP_TOLERANCE.
 * A step is suspect when it changes g by more than a continuous g could: with `slopes` (f' for
 * f), more than 2h·|f'|; without (for f' itself), more than the straight line through the
 * changes two steps either side predicts, which a smooth g meets to O(h²) however large it is
 * (exp near 20), while a jump does not. A suspect is zoomed in on and kept when what is left
 * of its change is still far above what the local slope gives over the final width.
 */
function findJumps(g: (x: number) => number, values: Float64Array, slopes: Float64Array | undefined): number[] {
  const n = values.length - 1; // steps
  const step = (i: number): number => (i >= 0 && i < n ? values[i + 1] - values[i] : NaN);
  const candidates: { i: number; size: number; slope: number }[] = [];
  for (let i = 0; i < n; i++) {
    const change = step(i);
    if (change !== change) {
      candidates.push({ i, size: Infinity, slope: 0 });
      continue;
    }
    let excess: number;
    let slope: number;
    if (slopes) {
      slope = Math.max(Math.abs(slopes[i]), Math.abs(slopes[i + 1]));
      excess = Math.abs(change) - 2 * DENSE_STEP * slope;
    } else {
      const before = step(i - 2);
      const after = step(i + 2);
      const hasBefore = before === before;
      const hasAfter = after === after;
      const predicted = hasBefore && hasAfter ? 0.5 * (before + after) : hasBefore ? before : hasAfter ? after : 0;
      const near = Math.max(hasBefore ? Math.abs(before) : 0, hasAfter ? Math.abs(after) : 0);
      excess = Math.abs(change - predicted) - 1e-4 * near;
      slope = near / DENSE_STEP;
    }
    if (excess > JUMP_TOLERANCE) candidates.push({ i, size: excess, slope });
  }
  candidates.sort((a, b) => b.size - a.size);
  const found: number[] = [];
  for (const { i, slope } of candidates.slice(0, MAX_CANDIDATES)) {
    const { at, jump, width } = zoom(g, DENSE_GRID[i], DENSE_GRID[i + 1]);
    const smoothPart = 4 * slope * width; // what a continuous stretch changes by over the final width
    if (jump > JUMP_TOLERANCE + smoothPart && !found.some((x) => Math.abs(x - at) < 2 * DENSE_STEP)) found.push(at);
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
    const a = values[i];
    const b = values[i + 1];
    const noise = 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
    if (b > a + noise) up = true;
    else if (b < a - noise) down = true;
  }
  return up && down ? false : up ? 'increasing' : down ? 'decreasing' : 'constant';
}
