// Expectations under a normal distribution by composite Simpson's rule on the analyses' dense
// grid (z from −20 to 20 in steps of 1e-3, where f and f' are sampled anyway): deterministic (no
// Monte Carlo noise) and exact to ~1e-12 for the piecewise-smooth integrands here (kinks at 0
// fall on a grid node). E[g(z)], z ~ N(0, s²) = ∫ g(z) φ(z/s)/s dz; the mass past ±20 (5σ at
// s = 4: 5.7e-7) is left out, or added with the end values where asked (tailMass).
import { normalPdf } from '../activations/numerics';
import { DENSE_GRID, DENSE_STEP } from './sampling';

const weights = new Map<number, Float64Array>();

/** Simpson weights times the N(0, s²) density on the dense grid: Σ w_i g(z_i) ≈ E[g(z)]. */
export function gaussWeights(s: number): Float64Array {
  let w = weights.get(s);
  if (!w) {
    const last = DENSE_GRID.length - 1; // 40000 intervals: even, so Simpson applies
    w = DENSE_GRID.map((z, i) => ((i === 0 || i === last ? 1 : i % 2 ? 4 : 2) * DENSE_STEP * normalPdf(z / s)) / (3 * s));
    weights.set(s, w);
  }
  return w;
}

/** Σ w_i v_i over the dense grid: the expectation of the values v_i (taken at DENSE_GRID) under N(0, s²). */
export function expectation(values: ArrayLike<number>, s = 1): number {
  const w = gaussWeights(s);
  let acc = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    if (wi !== 0) acc += wi * values[i];
  }
  return acc;
}

/** P(z > 20) for z ~ N(0, s²): the mass past one end of the grid. */
export function tailMass(s: number): number {
  // Mills' ratio bound φ(t)/t (t = 20/s ≥ 5 here) is within 4% of the tail: ample for a share reported to 0.1%.
  const t = DENSE_GRID[DENSE_GRID.length - 1] / s;
  return normalPdf(t) / t;
}
