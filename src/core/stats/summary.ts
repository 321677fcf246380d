// What a handful of seeds says about one setting: mean, sample standard deviation and the 95%
// confidence interval of the mean, mean ± t(0.975, n − 1) · sd / √n (Student, 1908).
import { studentTQuantile } from './tDistribution';

/** The confidence level of every interval the lab reports. */
export const CONFIDENCE = 0.95;

export interface SampleSummary {
  n: number;
  /** null for an empty sample. */
  mean: number | null;
  /** Sample standard deviation (divides by n − 1); null below two values: one seed has no spread to measure. */
  sd: number | null;
  /** 95% interval of the mean; null below two values. */
  ci95: [number, number] | null;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample variance, two-pass (the mean first) so near-equal values do not cancel. */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}

/** Half the width of the 95% interval: t(0.975, df) times the standard error. */
export function halfWidth(standardError: number, df: number): number {
  return studentTQuantile(1 - (1 - CONFIDENCE) / 2, df) * standardError;
}

export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ci95: null };
  const m = mean(values);
  if (n < 2) return { n, mean: m, sd: null, ci95: null };
  const sd = Math.sqrt(sampleVariance(values));
  const h = halfWidth(sd / Math.sqrt(n), n - 1);
  return { n, mean: m, sd, ci95: [m - h, m + h] };
}
