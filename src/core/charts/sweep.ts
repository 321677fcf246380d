// Vega-Lite specs for a sweep (activations x depths x seeds), pure functions shared by
// report.html and the page: test accuracy by depth with 95% error bars, the final training loss
// by depth, each layer's mean |gradient| after epoch 1 at each depth (vanishing gradients seen in
// training), and the differences between activations with their intervals. Live data goes in
// through the named datasets, replaced as seeds finish.
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResults } from '../stats/sweep';
import type { ChartLabels } from './labels';
import { paletteFor, seriesStyles } from './colours';
import { chartConfig, DEFAULT_CHART_THEME, exprString, type ChartTheme } from './training';

/** Each activation in its own colour, the one it has in every chart of the lab (colours.ts). */
function activationScale(activations: readonly string[], theme: ChartTheme) {
  const styles = seriesStyles(activations, theme.kind);
  return { domain: [...styles.domain], range: [...styles.colours] };
}

export const SWEEP_CELLS_DATASET = 'sweepCells';
export const SWEEP_GRADIENTS_DATASET = 'sweepGradients';
export const SWEEP_DIFFERENCES_DATASET = 'sweepDifferences';

/** Padding recomputed when the data changes: the axis labels widen as seeds arrive ('0%' to '100%'). */
const AUTOSIZE = { type: 'pad', resize: true } as const;

/** One cell with a completed seed: its means and intervals (null below two seeds). */
export interface SweepCellRow {
  activation: string;
  depth: number;
  n: number;
  mean: number;
  lo: number | null;
  hi: number | null;
  /** The interval as drawn: an accuracy stays within [0, 1], a loss above 0 (two seeds' t interval can pass both). */
  barLo: number | null;
  barHi: number | null;
  loss: number | null;
  lossLo: number | null;
  lossHi: number | null;
  lossBarLo: number | null;
}

export function sweepCellRows(r: Pick<SweepResults, 'cells'>): SweepCellRow[] {
  return r.cells.filter((c) => c.mean !== null).map((c) => ({
    activation: c.activation, depth: c.depth, n: c.n, mean: c.mean!, lo: c.ci95?.[0] ?? null, hi: c.ci95?.[1] ?? null,
    barLo: c.ci95 ? Math.max(0, c.ci95[0]) : null, barHi: c.ci95 ? Math.min(1, c.ci95[1]) : null,
    loss: c.finalLoss.mean, lossLo: c.finalLoss.ci95?.[0] ?? null, lossHi: c.finalLoss.ci95?.[1] ?? null,
    lossBarLo: c.finalLoss.ci95 ? Math.max(0, c.finalLoss.ci95[0]) : null,
  }));
}

/** One dense layer of one cell: mean |dL/dW| after epoch 1 (layer 1 is the input side; the last is the output layer). */
export interface SweepGradientRow {
  activation: string;
  depth: number;
  layer: number;
  output: boolean;
  meanAbsGradient: number;
}

export function sweepGradientRows(r: Pick<SweepResults, 'cells'>): SweepGradientRow[] {
  return r.cells.flatMap((c) => c.gradients.map((g, i) => ({
    activation: c.activation, depth: c.depth, layer: i + 1, output: i === c.gradients.length - 1, meanAbsGradient: g,
  }))).filter((row) => row.meanAbsGradient > 0 && Number.isFinite(row.meanAbsGradient));
}

/** One tested comparison: the difference in points with its interval, and whether it is real. */
export interface SweepDifferenceRow {
  depth: number;
  /** 'sigmoid − relu'. */
  pair: string;
  /** 'depth 8: sigmoid − relu', the row's place on the chart. */
  key: string;
  diff: number;
  lo: number;
  hi: number;
  pAdjusted: number;
  significant: boolean;
}

export function sweepDifferenceRows(r: Pick<SweepResults, 'comparisons'>): SweepDifferenceRow[] {
  return r.comparisons.filter((c) => c.ci95 !== null && c.pAdjusted !== null && c.diff !== null).map((c) => ({
    depth: c.depth, pair: `${c.a} − ${c.b}`, key: `${c.depth}: ${c.a} − ${c.b}`,
    diff: c.diff! * 100, lo: c.ci95![0] * 100, hi: c.ci95![1] * 100, pAdjusted: c.pAdjusted!, significant: c.significant,
  }));
}

export interface SweepSpecOptions {
  labels: ChartLabels;
  theme?: ChartTheme;
  title?: string;
  /** Rows in the sweep's order (colours stay with an activation as cells arrive). */
  activations: string[];
  width?: number;
}

/** Mean over seeds with its 95% interval as an error bar, per activation, at each depth. */
function byDepthSpec(rows: SweepCellRow[], o: SweepSpecOptions, field: 'mean' | 'loss', title: string, axis: string, format: string) {
  const [lo, hi] = field === 'mean' ? ['lo', 'hi'] : ['lossLo', 'lossHi'];
  const [barLo, barHi] = field === 'mean' ? ['barLo', 'barHi'] : ['lossBarLo', 'lossHi'];
  const { labels } = o;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: o.width ?? 360,
    height: 240,
    autosize: AUTOSIZE,
    data: { name: SWEEP_CELLS_DATASET, values: rows },
    encoding: {
      x: { field: 'depth', type: 'ordinal', title: labels.depth, axis: { labelAngle: 0 } },
      xOffset: { field: 'activation', type: 'nominal', scale: { domain: o.activations } },
      color: { field: 'activation', type: 'nominal', title: labels.activation, scale: activationScale(o.activations, o.theme ?? DEFAULT_CHART_THEME) },
    },
    layer: [
      {
        transform: [{ filter: `isValid(datum.${barLo}) && isValid(datum.${barHi})` }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: { field: barLo, type: 'quantitative' }, y2: { field: barHi } },
      },
      {
        transform: [{ filter: `isValid(datum.${field})` }],
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          y: { field, type: 'quantitative', title: axis, scale: { zero: false }, axis: { format } },
          tooltip: [
            { field: 'activation', type: 'nominal', title: labels.activation },
            { field: 'depth', type: 'ordinal', title: labels.depth },
            { field: 'n', type: 'quantitative', title: labels.seeds },
            { field, type: 'quantitative', title: axis, format: field === 'mean' ? '.2%' : '.4f' },
            { field: lo, type: 'quantitative', title: `${labels.interval} −`, format: field === 'mean' ? '.2%' : '.4f' },
            { field: hi, type: 'quantitative', title: `${labels.interval} +`, format: field === 'mean' ? '.2%' : '.4f' },
          ],
        },
      },
    ],
    config: chartConfig(o.theme ?? DEFAULT_CHART_THEME),
  } satisfies TopLevelSpec;
}

/** Test accuracy against depth, one colour per activation, 95% error bars (none below two seeds). */
export function sweepAccuracySpec(rows: SweepCellRow[], o: SweepSpecOptions) {
  return byDepthSpec(rows, o, 'mean', o.title ?? o.labels.accuracyByDepth, o.labels.meanAccuracy, '.0%');
}

/** The last epoch's training loss against depth. */
export function sweepLossSpec(rows: SweepCellRow[], o: SweepSpecOptions) {
  return byDepthSpec(rows, o, 'loss', o.title ?? o.labels.finalLossByDepth, o.labels.finalLoss, '.2f');
}

/** Each layer's mean |dL/dW| after epoch 1, one panel per depth: the first layers fall behind where gradients vanish. */
export function sweepGradientSpec(rows: SweepGradientRow[], o: SweepSpecOptions) {
  const { labels } = o;
  const [before, after] = labels.hiddenLayer.split('{0}') as [string, string?];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title ?? labels.gradientByDepth,
    autosize: AUTOSIZE,
    data: { name: SWEEP_GRADIENTS_DATASET, values: rows },
    transform: [{ calculate: `datum.output ? ${exprString(labels.outputLayer)} : ${exprString(before)} + datum.layer + ${exprString(after ?? '')}`, as: 'layerLabel' }],
    facet: { column: { field: 'depth', type: 'ordinal', title: labels.depth } },
    spec: {
      width: o.width ?? 150,
      height: 200,
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x: { field: 'layer', type: 'ordinal', title: labels.layerFromInput, axis: { labelAngle: 0 } },
        y: { field: 'meanAbsGradient', type: 'quantitative', title: labels.meanGradient, scale: { type: 'log' } },
        color: { field: 'activation', type: 'nominal', title: labels.activation, scale: activationScale(o.activations, o.theme ?? DEFAULT_CHART_THEME) },
        tooltip: [
          { field: 'activation', type: 'nominal', title: labels.activation },
          { field: 'depth', type: 'ordinal', title: labels.depth },
          { field: 'layerLabel', type: 'nominal', title: labels.layer },
          { field: 'meanAbsGradient', type: 'quantitative', title: labels.meanGradient, format: '.3g' },
        ],
      },
    },
    resolve: { scale: { x: 'independent' } },
    config: chartConfig(o.theme ?? DEFAULT_CHART_THEME),
  } satisfies TopLevelSpec;
}

/** Every tested difference with its 95% interval, coloured by whether it is real after Holm's adjustment. */
export function sweepDifferencesSpec(rows: SweepDifferenceRow[], o: Omit<SweepSpecOptions, 'activations'>) {
  const { labels } = o;
  const theme = o.theme ?? DEFAULT_CHART_THEME;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title ?? labels.differences,
    autosize: AUTOSIZE,
    width: o.width ?? 360,
    height: { step: 18 },
    data: { name: SWEEP_DIFFERENCES_DATASET, values: rows },
    transform: [{ calculate: `datum.significant ? ${exprString(labels.real)} : ${exprString(labels.notDistinguishable)}`, as: 'verdictLabel' }],
    layer: [
      // no difference: one dashed line across every row
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [3, 3], color: theme.foreground, opacity: 0.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'key', type: 'nominal', title: labels.pair, sort: null }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, color: { field: 'verdictLabel', type: 'nominal', title: labels.verdict, scale: { domain: [labels.real, labels.notDistinguishable], range: [paletteFor(theme.kind)[0], '#999999'] } } } },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          y: { field: 'key', type: 'nominal', title: labels.pair, sort: null },
          x: { field: 'diff', type: 'quantitative', title: labels.difference },
          color: { field: 'verdictLabel', type: 'nominal', title: labels.verdict },
          tooltip: [
            { field: 'pair', type: 'nominal', title: labels.pair },
            { field: 'depth', type: 'ordinal', title: labels.depth },
            { field: 'diff', type: 'quantitative', title: labels.difference, format: '+.2f' },
            { field: 'lo', type: 'quantitative', title: `${labels.interval} −`, format: '+.2f' },
            { field: 'hi', type: 'quantitative', title: `${labels.interval} +`, format: '+.2f' },
            { field: 'pAdjusted', type: 'quantitative', title: 'Holm p', format: '.2g' },
            { field: 'verdictLabel', type: 'nominal', title: labels.verdict },
          ],
        },
      },
    ],
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}
