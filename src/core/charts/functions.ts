// Vega-Lite specs for activation functions, as pure functions: each activation and its
// derivative side by side (the tutorial's figure), several overlaid, saturation and gradient
// flow. Values come from the registry's own f/df (sampleCurve); the webview swaps rows in
// through the named datasets with view.change(...) when a slider moves.
import type { TopLevelSpec } from 'vega-lite';
import type { ActivationRecord, Params } from '../activations/types';
import type { ChartLabels } from './labels';
import { chartConfig, DEFAULT_CHART_THEME, seriesEncoding, type ChartTheme, type SeriesOptions } from './training';

export const CURVE_DATASET = 'curve';
export const SATURATION_DATASET = 'saturation';
export const FLOW_DATASET = 'flow';

/** One sample of an activation: f(x) and f'(x); null where the value is not finite (a gap in the line). */
export interface CurveRow {
  activation: string;
  x: number;
  f: number | null;
  df: number | null;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * f and f' of a record on n points over [lo, hi]. A vector activation (softmax) is drawn as its
 * first output over the 2-vector [x, 0] and the diagonal of its Jacobian there: softmax([x,0])_0 = sigmoid(x).
 */
export function sampleCurve(record: ActivationRecord, params: Params, lo: number, hi: number, n = 201, label = record.id): CurveRow[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`the x range must be finite with lo < hi, got [${lo}, ${hi}]`);
  const rows: CurveRow[] = [];
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    let f: number;
    let df: number;
    if (record.kind === 'elementwise') {
      f = record.f(x, params);
      df = record.df(x, params);
    } else {
      f = record.apply([x, 0], params)[0]!;
      df = record.jacobian([x, 0], params)[0]!;
    }
    rows.push({ activation: label, x, f: finiteOrNull(f), df: finiteOrNull(df) });
  }
  return rows;
}

/** The words a curve chart draws: a whole ChartLabels table fits. */
export type CurveChartText = Pick<ChartLabels, 'f' | 'df' | 'x' | 'activation'>;

function order(rows: { activation: string }[]): string[] {
  return [...new Set(rows.map((r) => r.activation))];
}

function curveLayer(field: 'f' | 'df', title: string, text: CurveChartText, width: number, height: number, series: Record<string, unknown>, legend: boolean) {
  const noLegend = (e: unknown) => ({ ...(e as object), ...(legend ? {} : { legend: null }) });
  return {
    width,
    height,
    title,
    mark: { type: 'line' as const, strokeWidth: 2, clip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative' as const, title: text.x },
      y: { field, type: 'quantitative' as const, title },
      color: noLegend(series.color),
      strokeDash: noLegend(series.strokeDash),
      tooltip: [
        { field: 'activationLabel', type: 'nominal' as const, title: text.activation },
        { field: 'x', type: 'quantitative' as const, title: text.x, format: '.3f' },
        { field, type: 'quantitative' as const, title, format: '.4f' },
      ],
    },
  };
}

/**
 * f (left) and f' (right) side by side, one colour per activation: one activation is the
 * tutorial's figure, several are the overlay comparison. Widths are per plot, in pixels.
 */
export function curvesSpec(rows: CurveRow[], opts: { text: CurveChartText; theme?: ChartTheme; width?: number; height?: number; legend?: boolean } & SeriesOptions) {
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const text = opts.text;
  const width = opts.width ?? 300;
  const height = opts.height ?? 220;
  const domain = opts.series ? [...opts.series] : order(rows);
  const legend = opts.legend ?? domain.length > 1;
  // Activations that share a colour (rarely used ones hashed to one slot) get different dashes.
  const series = seriesEncoding('activation', domain, opts, theme, text.activation, 'strokeDash');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // resize: axes grow with the labels when a slider changes the y range
    autosize: { type: 'pad', resize: true },
    data: { name: CURVE_DATASET, values: rows },
    transform: [series.transform],
    hconcat: [curveLayer('f', text.f, text, width, height, series.encoding, legend), curveLayer('df', text.df, text, width, height, series.encoding, legend)],
    resolve: { scale: { y: 'independent' } },
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}

/** Share of pre-activations z ~ N(0, s²) where |f'(z)| < 0.01 (analysis/properties.ts). */
export interface SaturationRow {
  activation: string;
  s: number;
  share: number;
}

export function saturationSpec(rows: SaturationRow[], opts: { labels: ChartLabels; theme?: ChartTheme; width?: number; title?: string } & SeriesOptions) {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const domain = opts.series ? [...opts.series] : order(rows);
  const series = seriesEncoding('activation', domain, opts, theme, labels.activation, 'none');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title ?? labels.saturation,
    width: opts.width ?? 480,
    height: 200,
    data: { name: SATURATION_DATASET, values: rows },
    transform: [series.transform],
    mark: { type: 'bar' },
    encoding: {
      x: { field: 's', type: 'ordinal', title: labels.spread },
      xOffset: { field: series.label, type: 'nominal', scale: { domain: (series.encoding.color as { scale: { domain: string[] } }).scale.domain } },
      y: { field: 'share', type: 'quantitative', title: labels.saturatedShare, axis: { format: '%' }, scale: { domain: [0, 1] } },
      ...series.encoding,
      tooltip: [
        { field: series.label, type: 'nominal', title: labels.activation },
        { field: 's', type: 'quantitative', title: 's' },
        { field: 'share', type: 'quantitative', title: labels.saturatedShare, format: '.1%' },
      ],
    },
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}

/** Gradient norm of layer l relative to the last layer's, at initialisation (analysis/gradientFlow.ts). */
export interface FlowRow {
  activation: string;
  layer: number;
  relative: number;
}

export function gradientFlowSpec(rows: FlowRow[], opts: { labels: ChartLabels; theme?: ChartTheme; width?: number; title?: string } & SeriesOptions) {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const domain = opts.series ? [...opts.series] : order(rows);
  const series = seriesEncoding('activation', domain, opts, theme, labels.activation, 'shape');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title ?? labels.gradientFlow,
    width: opts.width ?? 480,
    height: 220,
    autosize: { type: 'pad', resize: true },
    data: { name: FLOW_DATASET, values: rows },
    transform: [series.transform],
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'layer', type: 'quantitative', title: labels.layerFromInput, axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'relative', type: 'quantitative', title: labels.relativeNorm, scale: { type: 'log' }, axis: { format: '~g' } },
      ...series.encoding,
      tooltip: [
        { field: series.label, type: 'nominal', title: labels.activation },
        { field: 'layer', type: 'quantitative', title: labels.layer },
        { field: 'relative', type: 'quantitative', title: labels.relativeNorm, format: '.3g' },
      ],
    },
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}
