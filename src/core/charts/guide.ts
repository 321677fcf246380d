// Vega-Lite spec for the guide's plot of why a network needs a non-linearity: the same three
// dense layers with no activation (a straight line), ReLU (bends) and tanh (a curve).
import type { TopLevelSpec } from 'vega-lite';
import type { StackRow } from '../guide/nonLinearity';
import type { ChartLabels } from './labels';
import { chartConfig, DEFAULT_CHART_THEME, seriesEncoding, type ChartTheme } from './training';

export const STACK_DATASET = 'stack';

export function stackSpec(rows: StackRow[], opts: { labels: ChartLabels; theme?: ChartTheme; width?: number; height?: number }) {
  const { labels } = opts;
  const domain = [...new Set(rows.map((r) => r.activation))];
  const theme = opts.theme ?? DEFAULT_CHART_THEME;
  const series = seriesEncoding('activation', domain, {}, theme, labels.activation, 'strokeDash');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.stackTitle,
    width: opts.width ?? 420,
    height: opts.height ?? 220,
    data: { name: STACK_DATASET, values: rows },
    transform: [series.transform],
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: labels.x },
      y: { field: 'y', type: 'quantitative', title: labels.stackOutput },
      ...series.encoding,
      tooltip: [
        { field: series.label, type: 'nominal', title: labels.activation },
        { field: 'x', type: 'quantitative', title: labels.x, format: '.2f' },
        { field: 'y', type: 'quantitative', title: labels.stackOutput, format: '.3f' },
      ],
    },
    config: chartConfig(theme),
  } satisfies TopLevelSpec;
}
