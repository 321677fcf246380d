// Student's t distribution from the stdlib library (its quantile inverts the regularized
// incomplete beta function, as Boost and Cephes do): never hand-written here.
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The p-quantile of Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** P(T <= x) for Student's t with `df` degrees of freedom. */
export function studentTCdf(x: number, df: number): number {
  return tCdf(x, df);
}
