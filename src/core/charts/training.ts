// Vega-Lite specs for training results, as pure functions: the CLI's report.html and the lab's
// webview draw the same charts. Live data goes in through the named dataset `history` (the
// webview updates it with view.change('history', ...) each epoch instead of re-embedding).
// Every spec takes its words in one language (labels.ts).

import type { TopLevelSpec } from 'vega-lite';
import type { Transform } from 'vega-lite/types_unstable/transform.js';
import { paletteFor, seriesStyles, type ThemeKind } from './colours';
import type { ChartLabels } from './labels';

/** One point of a training curve: a run's metric on one split at the end of one epoch. */
export interface HistoryRow {
  run: string;
  epoch: number;
  split: 'train' | 'validation';
  accuracy: number;
  loss: number;
}

export interface SecondsRow {
  run: string;
  epoch: number;
  seconds: number;
}

export interface ChartTheme {
  foreground: string;
  background: string;
  grid: string;
  font: string;
  /** Which series palette the background needs (colours.ts): each activation keeps its colour in every chart. */
  kind: ThemeKind;
}

export const DEFAULT_CHART_THEME: ChartTheme = {
  foreground: '#333333',
  background: '#ffffff',
  grid: '#e6e6e6',
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
  kind: 'light',
};

export const HISTORY_DATASET = 'history';
export const SECONDS_DATASET = 'seconds';

interface RunHistory {
  id: string;
  history: { epoch: number; loss: number; accuracy: number; val_loss?: number; val_accuracy?: number; seconds: number }[];
}

/** Curve points from runs' histories: train and (when there is one) validation, per epoch. */
export function historyRows(runs: RunHistory[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const r of runs) {
    for (const h of r.history) {
      rows.push({ run: r.id, epoch: h.epoch, split: 'train', accuracy: h.accuracy, loss: h.loss });
      if (h.val_accuracy !== undefined && h.val_loss !== undefined) {
        rows.push({ run: r.id, epoch: h.epoch, split: 'validation', accuracy: h.val_accuracy, loss: h.val_loss });
      }
    }
  }
  return rows;
}

export function secondsRows(runs: RunHistory[]): SecondsRow[] {
  return runs.flatMap((r) => r.history.map((h) => ({ run: r.id, epoch: h.epoch, seconds: h.seconds })));
}

/** Runs in the order they first appear (the tutorial's order), not alphabetical. */
function runOrder(rows: { run: string }[]): string[] {
  return [...new Set(rows.map((r) => r.run))];
}

export function chartConfig(theme: ChartTheme) {
  return {
    background: theme.background,
    font: theme.font,
    view: { stroke: 'transparent' },
    axis: { labelColor: theme.foreground, titleColor: theme.foreground, gridColor: theme.grid, domainColor: theme.grid, tickColor: theme.grid },
    legend: { labelColor: theme.foreground, titleColor: theme.foreground, labelLimit: 260 },
    title: { color: theme.foreground, anchor: 'start' as const },
    range: { category: [...paletteFor(theme.kind)] },
  };
}

const DASH_SAMPLE_WIDTH = 2;

/**
 * The legend of a dash channel: each label beside a line sample in its dash, in the theme's
 * foreground colour. Vega-Lite gives a line-with-points chart's dash legend the points' look
 * (filled, stroke transparent), which hides the dash: the symbols' own encoding wins over that.
 */
export function dashLegend(theme: ChartTheme, symbolSize = 400) {
  return {
    symbolType: 'stroke',
    symbolSize,
    symbolStrokeWidth: DASH_SAMPLE_WIDTH,
    symbolStrokeColor: theme.foreground,
    // every property Vega-Lite sets for the line's legend and the points' legend, so the two agree
    encoding: {
      symbols: {
        stroke: { value: theme.foreground }, strokeWidth: { value: DASH_SAMPLE_WIDTH }, fill: { value: 'transparent' }, fillOpacity: { value: 1 }, opacity: { value: 1 },
      },
    },
  } as const;
}

/** Which series a chart draws and what they are called: ids in the chart's order, display names by id. */
export interface SeriesOptions {
  /** Every series the chart will draw, in order (a live chart knows its runs before their first point). */
  series?: readonly string[];
  /** Display names by id ("Leaky ReLU (alpha 0.01)"); an id without one is shown as it is. */
  names?: Readonly<Record<string, string>>;
}

/** A Vega expression giving the display name of `datum[field]` from a table of names. */
export function nameExpr(field: string, names: Readonly<Record<string, string>>, ids: readonly string[]): string {
  const known = ids.filter((id) => names[id] !== undefined && names[id] !== id);
  return known.reduceRight((rest, id) => `datum[${exprString(field)}] === ${exprString(id)} ? ${exprString(names[id])} : ${rest}`, `datum[${exprString(field)}]`);
}

/**
 * The encodings that tell a chart's series apart: a colour per series (the activation's own,
 * colours.ts), named by display name, and a second channel (point shape or dash) for series
 * that share a colour. `field` holds the id; the chart shows `${field}Label`.
 */
export function seriesEncoding(field: string, ids: readonly string[], opts: SeriesOptions, theme: ChartTheme, title: string, second: 'shape' | 'strokeDash' | 'none') {
  const names = opts.names ?? {};
  const styles = seriesStyles(ids, theme.kind);
  const as = `${field}Label`;
  const domain = styles.domain.map((id) => names[id] ?? id);
  const scaleOf = (range: unknown[]) => ({ domain, range });
  const encoding: Record<string, unknown> = { color: { field: as, type: 'nominal', title, scale: scaleOf(styles.colours) } };
  if (second === 'shape') encoding.shape = { field: as, type: 'nominal', title, scale: scaleOf(styles.shapes) };
  if (second === 'strokeDash') encoding.strokeDash = { field: as, type: 'nominal', title, scale: scaleOf(styles.dashes) };
  const transform: Transform = { calculate: nameExpr(field, names, ids), as };
  return { transform, encoding, label: as };
}

/** The tutorial's chart: train (solid) and validation (dashed) accuracy per activation per epoch. */
export function accuracyCurvesSpec(rows: HistoryRow[], opts: CurveSpecOptions) {
  return curvesSpec(rows, 'accuracy', opts.labels.accuracy, opts.title ?? opts.labels.accuracyPerEpoch, opts);
}

/** Cross-entropy loss per epoch, train and validation. */
export function lossCurvesSpec(rows: HistoryRow[], opts: CurveSpecOptions) {
  return curvesSpec(rows, 'loss', opts.labels.loss, opts.title ?? opts.labels.lossPerEpoch, opts);
}

/** What a per-epoch chart's caller chooses: the words (one language), the theme, a title other than the default, its series and their names. */
export interface CurveSpecOptions extends SeriesOptions {
  labels: ChartLabels;
  theme?: ChartTheme;
  title?: string;
  /** Plot width in pixels (default: the container's). */
  width?: number;
}

/** The signal a page sets to smooth the accuracy and loss curves (a mean over the last SMOOTH_EPOCHS epochs). */
export const SMOOTH_SIGNAL = 'smooth';
export const SMOOTH_EPOCHS = 3;

/** What a per-epoch line chart (one line per run) adds to the common frame. */
export interface EpochLinesOptions extends SeriesOptions {
  title: string;
  height: number;
  width?: number;
  dataset: string;
  rows: { run: string }[];
  /** The y encoding (field, title, scale, ...). */
  y: Record<string, unknown>;
  /** More encodings (strokeDash, ...) and the tooltip. */
  encoding: Record<string, unknown>;
  /** Fields computed from the rows (a localised name for a data value), before the encodings read them. */
  transform?: Transform[];
  /** Named parameters (signals) the page may set, e.g. smoothing. */
  params?: { name: string; value: unknown }[];
  /** The channel that tells apart runs of one colour: point shape (default) or none when dash and shape are taken. */
  second?: 'shape' | 'none';
  theme: ChartTheme;
  labels: ChartLabels;
}

/** A Vega expression string literal (labels may hold quotes). */
export const exprString = (s: string): string => JSON.stringify(s);

/**
 * The frame shared by every per-epoch chart (accuracy, loss, seconds, per-layer health): epochs
 * on x, one coloured line per run in the runs' own order, data from a named dataset so live
 * epochs stream in with view.change.
 */
export function epochLinesSpec(o: EpochLinesOptions) {
  const runs = o.series ? [...o.series] : runOrder(o.rows);
  const series = seriesEncoding('run', runs, o, o.theme, o.labels.activation, o.second ?? 'shape');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    width: o.width ?? 'container',
    height: o.height,
    autosize: o.width ? { type: 'pad', resize: true } : { type: 'fit-x', contains: 'padding' },
    ...(o.params ? { params: o.params } : {}),
    data: { name: o.dataset, values: o.rows },
    transform: [series.transform, ...(o.transform ?? [])],
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: o.labels.epoch, axis: { tickMinStep: 1, format: 'd' } },
      // '~' trims trailing zeros, so a chart with no points yet reads 0, not 0.000000
      y: { type: 'quantitative', ...o.y, axis: { format: '~g', ...(o.y.axis as object | undefined) } },
      ...series.encoding,
      ...o.encoding,
    },
    config: chartConfig(o.theme),
  } satisfies TopLevelSpec;
}

function curvesSpec(rows: HistoryRow[], field: 'accuracy' | 'loss', axisTitle: string, title: string, opts: CurveSpecOptions) {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  return epochLinesSpec({
    title, height: 260, dataset: HISTORY_DATASET, rows, theme, labels, series: opts.series, names: opts.names, width: opts.width,
    params: [{ name: SMOOTH_SIGNAL, value: false }],
    transform: [
      // the split's name in the UI language; the rows keep 'train' / 'validation'
      { calculate: `datum.split === 'train' ? ${exprString(labels.train)} : ${exprString(labels.validation)}`, as: 'splitLabel' },
      // smoothing: the mean of this epoch and the ones before it, per run and split
      { window: [{ op: 'mean', field, as: 'smoothed' }], frame: [-(SMOOTH_EPOCHS - 1), 0], groupby: ['run', 'split'], sort: [{ field: 'epoch' }] },
      { calculate: `${SMOOTH_SIGNAL} ? datum.smoothed : datum[${exprString(field)}]`, as: 'shown' },
    ],
    y: { field: 'shown', title: axisTitle, scale: { zero: false } },
    encoding: {
      strokeDash: {
        field: 'splitLabel', type: 'nominal', title: labels.split,
        scale: { domain: [labels.train, labels.validation], range: [[1, 0], [6, 4]] },
        legend: dashLegend(theme),
      },
      tooltip: [
        { field: 'runLabel', type: 'nominal', title: labels.activation },
        { field: 'splitLabel', type: 'nominal', title: labels.split },
        { field: 'epoch', type: 'quantitative', title: labels.epoch },
        { field, type: 'quantitative', title: axisTitle, format: '.4f' },
      ],
    },
  });
}

/** Seconds each epoch took, per run. */
export function secondsPerEpochSpec(rows: SecondsRow[], opts: CurveSpecOptions) {
  const labels = opts.labels;
  return epochLinesSpec({
    title: opts.title ?? labels.secondsPerEpoch, height: 220, dataset: SECONDS_DATASET, rows, theme: opts.theme ?? DEFAULT_CHART_THEME, labels,
    series: opts.series, names: opts.names, width: opts.width,
    y: { field: 'seconds', title: labels.seconds, scale: { zero: true } },
    encoding: {
      tooltip: [
        { field: 'runLabel', type: 'nominal', title: labels.activation },
        { field: 'epoch', type: 'quantitative', title: labels.epoch },
        { field: 'seconds', type: 'quantitative', title: labels.seconds, format: '.2f' },
      ],
    },
  });
}

/** One learned activation parameter's value at the end of one epoch. */
export interface LearnedRow {
  run: string;
  epoch: number;
  /** 1-based hidden layer. */
  layer: number;
  param: string;
  value: number;
}

export const LEARNED_DATASET = 'learned';

/** The learned parameters of runs that have any (PReLU's slope, a --learn parameter), per epoch. */
export function learnedRows(runs: { id: string; history: { epoch: number; learnedParams?: Record<string, number>[] }[] }[]): LearnedRow[] {
  return runs.flatMap((r) => r.history.flatMap((h) => (h.learnedParams ?? []).flatMap((params, l) =>
    Object.entries(params).map(([param, value]) => ({ run: r.id, epoch: h.epoch, layer: l + 1, param, value })))));
}

/** How each learned parameter moved while training: one line per run, dashes by layer and parameter. */
export function learnedParamsSpec(rows: LearnedRow[], opts: CurveSpecOptions) {
  const labels = opts.labels;
  return epochLinesSpec({
    title: opts.title ?? labels.learnedPerEpoch, height: 220, dataset: LEARNED_DATASET, rows, labels, theme: opts.theme ?? DEFAULT_CHART_THEME,
    series: opts.series, names: opts.names, width: opts.width,
    transform: [{ calculate: `replace(${exprString(labels.hiddenLayer)}, '{0}', datum.layer) + ' · ' + datum.param`, as: 'series' }],
    y: { field: 'value', title: labels.learnedValue, scale: { zero: false } },
    encoding: {
      strokeDash: { field: 'series', type: 'nominal', title: labels.parameter, legend: dashLegend(opts.theme ?? DEFAULT_CHART_THEME) },
      tooltip: [
        { field: 'runLabel', type: 'nominal', title: labels.activation },
        { field: 'series', type: 'nominal', title: labels.parameter },
        { field: 'epoch', type: 'quantitative', title: labels.epoch },
        { field: 'value', type: 'quantitative', title: labels.learnedValue, format: '.4f' },
      ],
    },
  });
}
