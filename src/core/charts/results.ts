// Vega-Lite specs for a finished (or running) experiment beyond the curves in training.ts:
// test accuracy per run, the confusion matrix heatmap, and per-layer gradient and dead-unit charts.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartLabels } from './labels';
import { chartConfig, dashLegend, DEFAULT_CHART_THEME, epochLinesSpec, exprString, seriesEncoding, type ChartTheme, type SeriesOptions } from './training';

export const CONFUSION_DATASET = 'confusion';
export const LAYERS_DATASET = 'layers';
export const TEST_DATASET = 'test';

export interface ConfusionRow {
  label: number;
  predicted: number;
  count: number;
}

/** confusion[label][predicted] to one row per cell. */
export function confusionRows(confusion: number[][]): ConfusionRow[] {
  return confusion.flatMap((row, label) => row.map((count, predicted) => ({ label, predicted, count })));
}

export function confusionSpec(rows: ConfusionRow[], opts: { labels: ChartLabels; theme?: ChartTheme; title?: string; size?: number }) {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const size = opts.size ?? 300;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title ?? labels.confusion,
    width: size,
    height: size,
    data: { name: CONFUSION_DATASET, values: rows },
    encoding: {
      x: { field: 'predicted', type: 'ordinal', title: labels.predicted },
      y: { field: 'label', type: 'ordinal', title: labels.trueLabel },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          // log scale so the few errors show next to the large diagonal
          color: { field: 'count', type: 'quantitative', title: labels.count, scale: { type: 'symlog', scheme: 'blues' } },
          tooltip: [
            { field: 'label', type: 'ordinal', title: labels.trueLabel },
            { field: 'predicted', type: 'ordinal', title: labels.predicted },
            { field: 'count', type: 'quantitative', title: labels.count },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: 'datum.label === datum.predicted', value: '#ffffff' }, value: theme.foreground },
        },
      },
    ],
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}

export interface TestRow {
  run: string;
  accuracy: number;
}

export function testAccuracySpec(rows: TestRow[], opts: { labels: ChartLabels; theme?: ChartTheme; width?: number; title?: string } & SeriesOptions) {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const domain = [...new Set(rows.map((r) => r.run))];
  const series = seriesEncoding('run', opts.series ?? domain, opts, theme, labels.activation, 'none');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title ?? labels.testAccuracy,
    width: opts.width ?? 300,
    height: { step: 22 },
    data: { name: TEST_DATASET, values: rows },
    transform: [series.transform],
    mark: { type: 'bar' },
    encoding: {
      y: { field: series.label, type: 'nominal', title: null, sort: null },
      x: { field: 'accuracy', type: 'quantitative', title: labels.accuracy, axis: { format: '.1%' }, scale: { zero: false, nice: true } },
      color: { ...(series.encoding.color as object), legend: null },
      tooltip: [{ field: series.label, type: 'nominal', title: labels.activation }, { field: 'accuracy', type: 'quantitative', title: labels.accuracy, format: '.2%' }],
    },
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}

/** One layer's health at the end of one epoch of one run. */
export interface LayerRow {
  run: string;
  epoch: number;
  layer: string;
  meanAbsGradient: number;
  deadUnitFraction: number | null;
}

interface RunLayers {
  id: string;
  history: { epoch: number; layers: { meanAbsGradient: number; deadUnitFraction?: number }[] }[];
}

/** Layers are named 'dense 1' (input side) ... 'output'. */
export function layerRows(runs: RunLayers[]): LayerRow[] {
  return runs.flatMap((r) => r.history.flatMap((h) => h.layers.map((l, i) => ({
    run: r.id,
    epoch: h.epoch,
    layer: i === h.layers.length - 1 ? 'output' : `dense ${i + 1}`,
    meanAbsGradient: l.meanAbsGradient,
    deadUnitFraction: l.deadUnitFraction ?? null,
  }))));
}

/** Mean |dL/dW| per layer per epoch (vanishing gradients show as the first layers falling behind). */
/** What a per-layer chart's caller chooses. */
export type LayerSpecOptions = { labels: ChartLabels; theme?: ChartTheme; title?: string; width?: number } & SeriesOptions;

export function layerGradientSpec(rows: LayerRow[], opts: LayerSpecOptions) {
  return layerSpec(rows, 'meanAbsGradient', opts.labels.meanGradient, opts.title ?? opts.labels.gradientPerLayer, opts, 'log');
}

/** Share of hidden units with f'(z) = 0 on every validation example ("dying ReLU"). */
export function deadUnitSpec(rows: LayerRow[], opts: LayerSpecOptions) {
  return layerSpec(rows.filter((r) => r.deadUnitFraction !== null), 'deadUnitFraction', opts.labels.deadUnits, opts.title ?? opts.labels.deadUnitsPerLayer, opts, 'linear');
}

/** Dashes per layer, input side first (solid) to the output layer. */
const LAYER_DASHES = [[1, 0], [7, 3], [2, 2], [10, 3, 2, 3]];

function layerSpec(rows: LayerRow[], field: 'meanAbsGradient' | 'deadUnitFraction', axis: string, title: string, opts: LayerSpecOptions, scale: 'log' | 'linear') {
  const { labels } = opts;
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const [before, after] = labels.hiddenLayer.split('{0}') as [string, string?];
  return epochLinesSpec({
    title, height: 200, dataset: LAYERS_DATASET, rows, theme, labels, series: opts.series, names: opts.names, width: opts.width,
    // the layer's name in the UI language; the rows keep 'dense 1' ... 'output'
    transform: [
      {
        calculate: `datum.layer === 'output' ? ${exprString(labels.outputLayer)} : ${exprString(before)} + replace(datum.layer, 'dense ', '') + ${exprString(after ?? '')}`,
        as: 'layerLabel',
      },
      // input side first, output last, whatever the names sort to
      { calculate: "datum.layer === 'output' ? 1e9 : toNumber(replace(datum.layer, 'dense ', ''))", as: 'layerOrder' },
    ],
    y: { field, title: axis, scale: scale === 'log' ? { type: 'log' } : { domain: [0, 1] }, ...(scale === 'linear' ? { axis: { format: '%' } } : {}) },
    encoding: {
      // each layer its dash; the legend draws the dash itself (a dot would hide it)
      strokeDash: {
        field: 'layerLabel', type: 'nominal', title: labels.layer, sort: { field: 'layerOrder', op: 'min' },
        scale: { range: LAYER_DASHES },
        legend: dashLegend(theme, 500),
      },
      tooltip: [
        { field: 'runLabel', type: 'nominal', title: labels.activation },
        { field: 'layerLabel', type: 'nominal', title: labels.layer },
        { field: 'epoch', type: 'quantitative', title: labels.epoch },
        { field, type: 'quantitative', title: axis, format: '.3g' },
      ],
    },
  });
}
