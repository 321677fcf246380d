// Two samples with possibly different spreads (Welch, 1947):
//   se = √(s₁²/n₁ + s₂²/n₂),  t = (m₁ − m₂) / se,
//   df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))   (Satterthwaite, 1946),
//   two-sided p = 2 · P(T_df ≤ −|t|), and the difference's 95% interval m₁ − m₂ ± t(0.975, df) · se.
// SciPy's ttest_ind(a, b, equal_var=False) computes the same test.
import padjust from '@stdlib/stats-padjust';
import { halfWidth, mean, sampleVariance } from './summary';
import { studentTCdf } from './tDistribution';

export interface WelchTest {
  /** m₁ − m₂. */
  diff: number;
  se: number;
  t: number;
  df: number;
  p: number;
  ci95: [number, number];
}

/** Why two samples cannot be compared: fewer than two values in one, or no spread in either (t is 0/0 or ±∞). */
export type WelchProblem = 'not-enough-seeds' | 'no-spread';

export function welchTest(a: readonly number[], b: readonly number[]): WelchTest | WelchProblem {
  if (a.length < 2 || b.length < 2) return 'not-enough-seeds';
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return 'no-spread';
  const diff = mean(a) - mean(b);
  const t = diff / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const h = halfWidth(se, df);
  return { diff, se, t, df, p, ci95: [diff - h, diff + h] };
}

/**
 * Holm's step-down adjustment (Holm, 1979) of p-values tested together: the k-th smallest is
 * multiplied by (m − k + 1), kept monotone, capped at 1. Controls the chance of any false "real".
 */
export function holmAdjust(p: readonly number[]): number[] {
  return p.length ? padjust([...p], 'holm') : [];
}
