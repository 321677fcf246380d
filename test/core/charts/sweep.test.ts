// The sweep's charts compile with vega-lite and draw, in vega, one error bar per cell with two
// or more seeds, one point per cell with one, a panel per depth of gradients and a row per
// tested difference; the same words in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_LABELS } from '../../../src/core/charts/labels';
import {
  sweepAccuracySpec, sweepCellRows, sweepDifferenceRows, sweepDifferencesSpec, sweepGradientRows, sweepGradientSpec, sweepLossSpec,
} from '../../../src/core/charts/sweep';
import { sweepStatistics, type SweepGrid, type SweepRunResult } from '../../../src/core/stats/sweep';

function results(seedsDone: (seed: number, activation: string, depth: number) => boolean) {
  const grid: SweepGrid = { activations: ['sigmoid', 'relu', 'tanh'], depths: [2, 4, 8], seeds: [1, 2, 3], runs: [] };
  const runs: SweepRunResult[] = [];
  for (const seed of grid.seeds) for (const depth of grid.depths) grid.activations.forEach((activation, i) => {
    const runId = `${activation}-d${depth}-s${seed}`;
    grid.runs.push({ runId, activation, depth, seed });
    if (!seedsDone(seed, activation, depth)) return;
    const accuracy = 0.97 - (activation === 'sigmoid' ? depth * 0.02 : 0) + seed * 0.001 + i * 0.0003;
    const layers = Array.from({ length: depth + 1 }, (_, l) => ({ meanAbsGradient: 1e-3 * (l + 1) }));
    runs.push({ id: runId, status: 'completed', test: { accuracy }, history: [{ loss: 0.5 + seed / 100, layers }] });
  });
  return sweepStatistics(grid, runs);
}

interface SceneNode { marktype?: string; role?: string; items?: SceneNode[] }

/** Renders a spec in vega: its SVG, and the data marks drawn by type (rules, symbols, lines...) with their item counts. */
async function draw(spec: object): Promise<{ svg: string; marks: Map<string, number[]> }> {
  const { compile } = await import('vega-lite');
  const vega = await import('vega');
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  const marks = new Map<string, number[]>();
  const walk = (node: SceneNode): void => {
    if (node.marktype && node.role === 'mark') marks.set(node.marktype, [...(marks.get(node.marktype) ?? []), node.items?.length ?? 0]);
    for (const child of node.items ?? []) walk(child);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  return { svg, marks };
}

test('accuracy and loss by depth: an error bar per cell with two seeds or more, a point per cell with a seed', async () => {
  // seed 1 everywhere, seeds 2 and 3 for sigmoid and relu only: tanh's cells have no interval yet
  const r = results((seed, a) => seed === 1 || a !== 'tanh');
  const rows = sweepCellRows(r);
  assert.equal(rows.length, 9);
  assert.equal(rows.filter((x) => x.lo !== null).length, 6);
  // two seeds far apart: the t interval passes 0 and 1, the bar stops at the ends an accuracy can reach
  const wide = sweepCellRows({ cells: [{ ...r.cells[0], mean: 0.5, ci95: [-0.6, 1.6] }] })[0];
  assert.deepEqual([wide.lo, wide.hi, wide.barLo, wide.barHi], [-0.6, 1.6, 0, 1]);
  const opts = { labels: CHART_LABELS.en, activations: r.activations };
  for (const spec of [sweepAccuracySpec(rows, opts), sweepLossSpec(rows, opts)]) {
    const { svg, marks } = await draw(spec);
    assert.deepEqual(marks.get('rule'), [6], 'six error bars');
    assert.deepEqual(marks.get('symbol'), [9], 'nine points');
    assert.ok(svg.includes('Hidden layers (depth)'));
  }
});

test('gradients after epoch 1: one panel per depth, one line per activation with a point per layer', async () => {
  const r = results(() => true);
  const rows = sweepGradientRows(r);
  assert.equal(rows.length, 3 * (3 + 5 + 9));
  const { svg, marks } = await draw(sweepGradientSpec(rows, { labels: CHART_LABELS['zh-cn'], activations: r.activations }));
  assert.ok(svg.includes('隐藏层数（深度）'), 'the facet header in Chinese');
  assert.equal(marks.get('line')!.length, 9, 'three lines in each of the three panels');
  assert.equal(marks.get('symbol')!.reduce((s, n) => s + n, 0), rows.length, 'a point per layer');
});

test('differences: a row per tested pair, real ones apart from the rest', async () => {
  const r = results(() => true);
  const rows = sweepDifferenceRows(r);
  assert.equal(rows.length, 9, 'three pairs at three depths');
  assert.ok(rows.some((x) => x.significant) && rows.some((x) => !x.significant), 'both kinds present');
  const deep = rows.find((x) => x.key === '8: sigmoid − relu')!;
  assert.ok(deep.diff < -15 && deep.hi < 0 && deep.significant, JSON.stringify(deep));
  const { svg, marks } = await draw(sweepDifferencesSpec(rows, { labels: CHART_LABELS.en }));
  assert.deepEqual(marks.get('symbol'), [9]);
  assert.deepEqual(marks.get('rule'), [1, 9], 'the zero line and an interval per pair');
  assert.ok(svg.includes('not distinguishable') && svg.includes('>real<'), 'the legend names both verdicts');
});
