// Expectations under a normal distribution by composite Simpson's rule on a fine fixed grid:
// deterministic (no Monte Carlo noise) and exact to ~1e-12 for the piecewise-smooth integrands
// here (kinks at 0 fall on a grid node). E[g(z)], z ~ N(0, s²) = ∫ g(s·u) φ(u) du, u ∈ [−10, 10].
import { normalPdf } from '../activations/numerics';

const HALF_WIDTH = 10; // P(|u| > 10) ≈ 1.5e-23
const STEPS = 20_000; // even, so Simpson applies; h = 1e-3

/** Standard-normal nodes u_i, from −10 to 10. */
export const GAUSS_NODES: Float64Array = Float64Array.from({ length: STEPS + 1 }, (_, i) => -HALF_WIDTH + (2 * HALF_WIDTH * i) / STEPS);

/** Simpson weights times φ(u_i): Σ w_i g(u_i) ≈ E[g(u)]. */
export const GAUSS_WEIGHTS: Float64Array = (() => {
  const h = (2 * HALF_WIDTH) / STEPS;
  return GAUSS_NODES.map((u, i) => ((i === 0 || i === STEPS ? 1 : i % 2 ? 4 : 2) * h * normalPdf(u)) / 3);
})();

/** The nodes scaled to N(0, s²): z_i = s·u_i. */
export function gaussianNodes(s: number): Float64Array {
  return GAUSS_NODES.map((u) => s * u);
}

/** Σ w_i v_i: the expectation of the values v_i taken at the (scaled) nodes. */
export function expectation(values: ArrayLike<number>): number {
  let acc = 0;
  for (let i = 0; i < GAUSS_WEIGHTS.length; i++) acc += GAUSS_WEIGHTS[i]! * values[i]!;
  return acc;
}
