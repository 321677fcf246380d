// f and f' of an activation, sampled and drawn as a small SVG (the hover's plot). A vector
// activation (softmax) is drawn on its two-class slice: s(x) = softmax([x, 0])₀ and ∂s/∂x.
import type { ActivationRecord, Params } from '../activations/types';
import type { UiLanguage } from '../locale';
import { PLOT_COLORS, linePlotSvg } from './svgPlot';

export interface ActivationSamples {
  xs: Float64Array;
  f: Float64Array;
  df: Float64Array;
  /** Whether this is the two-class slice of a vector activation. */
  slice: boolean;
}

/** f and f' at n evenly spaced points of [xMin, xMax] (both ends included). */
export function sampleActivation(record: ActivationRecord, params: Params, xMin = -4, xMax = 4, n = 161): ActivationSamples {
  const xs = Float64Array.from({ length: n }, (_, i) => xMin + ((xMax - xMin) * i) / (n - 1));
  const f = new Float64Array(n);
  const df = new Float64Array(n);
  if (record.kind === 'elementwise') {
    xs.forEach((x, i) => {
      f[i] = record.f(x, params);
      df[i] = record.df(x, params);
    });
    return { xs, f, df, slice: false };
  }
  xs.forEach((x, i) => {
    f[i] = record.apply([x, 0], params)[0]!;
    df[i] = record.jacobian([x, 0], params)[0]!; // J[0][0] = ∂y₀/∂x₀
  });
  return { xs, f, df, slice: true };
}

/** The hover's plot of f (solid) and f' (dashed) on [-4, 4]. */
export function activationPlotSvg(record: ActivationRecord, params: Params, size: { width?: number; height?: number } = {}, lang: UiLanguage = 'en'): string {
  const s = sampleActivation(record, params);
  return linePlotSvg({
    xs: s.xs,
    series: [
      { label: s.slice ? 'f(x, 0)[0]' : 'f(x)', ys: s.f, color: PLOT_COLORS.f },
      // Chinese text writes the derivative's prime as ′ (l10n/terms.md)
      { label: s.slice ? 'df/dx' : lang === 'en' ? "f'(x)" : 'f′(x)', ys: s.df, color: PLOT_COLORS.df, dashed: true },
    ],
    ...size,
  });
}
