// report.html for a sweep: the method in English and Chinese, the grid, which differences are
// real, and the four sweep charts drawn in chromium with no network and no CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../../src/core/report/html';
import { loadVegaLibraries } from '../../../src/core/report/vendor';
import { openReport } from './reportPage';
import type { ResultsFile, ResultsRun } from '../../../src/core/runs/resultsFile';
import { sweepStatistics, type SweepGrid } from '../../../src/core/stats/sweep';
import { makeConfig } from '../../../src/core/train/config';

function results(): ResultsFile {
  const { activations: _a, dataset: _d, ...settings } = makeConfig({ epochs: 1 });
  const grid: SweepGrid = { activations: ['sigmoid', 'relu'], depths: [2, 8], seeds: [1, 2, 3], runs: [] };
  const runs: ResultsRun[] = [];
  for (const seed of grid.seeds) for (const depth of grid.depths) for (const activation of grid.activations) {
    const id = `${activation}-d${depth}-s${seed}`;
    grid.runs.push({ runId: id, activation, depth, seed });
    const accuracy = activation === 'sigmoid' && depth === 8 ? 0.4 + seed * 0.03 : 0.95 + seed * 0.002;
    const layers = Array.from({ length: depth + 1 }, (_, l) => ({ meanAbsGradient: (activation === 'sigmoid' ? 1e-5 : 1e-3) * (l + 1) }));
    runs.push({
      id, activations: Array.from({ length: depth }, () => activation), status: 'completed', dir: `runs/${id}`,
      history: [{ epoch: 1, loss: 1 - accuracy, accuracy, seconds: 1, layers }],
      test: { loss: 0.2, accuracy, count: 500, confusion: [], misclassified: [] }, secondsPerEpoch: 1, wallSeconds: 1,
    });
  }
  return {
    format: 'activation-lab/results', version: 1, createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', wallSeconds: 60,
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 400, validation: 100, test: 500 },
    settings: { ...settings, workers: 2 }, runs,
    sweep: { ...sweepStatistics(grid, runs), architectures: [[16, 16], Array.from({ length: 8 }, () => 16)] },
  };
}

test("a sweep's report holds the method in both languages, the grid and the verdicts", () => {
  const html = renderReport(results(), { vega: '', vegaLite: '', vegaEmbed: '' });
  assert.match(html, /<h2>Sweep: 2 activations × 2 depths × 3 seeds<\/h2>/);
  assert.match(html, /Holm&#39;s method over all of them/);
  assert.match(html, /MLPs 784-16-16-10, 784-16-16-16-16-16-16-16-16-10 · .* · seeds 1, 2, 3 · 2 workers/);
  assert.match(html, /<p lang="zh-CN">每个格子/);
  assert.match(html, /<td>sigmoid<\/td><td class="num">95\.40 ± [\d.]+ \(3\/3\)<\/td><td class="num">46\.00 ± [\d.]+ \(3\/3\)<\/td>/);
  assert.match(html, /<tr class="real"><td class="num">8<\/td><td>sigmoid − relu<\/td><td class="num">−49\.40 ± [\d.]+<\/td>.*<td>relu better<\/td><\/tr>/);
  assert.match(html, /<td class="num">2<\/td><td>sigmoid − relu<\/td><td class="num">0\.00 ± [\d.]+<\/td>.*<td>not distinguishable<\/td>/);
});

test("a sweep's report draws its four charts in chromium with no network and no CSP violation", { timeout: 60_000 }, async () => {
  const r = await openReport(renderReport(results(), loadVegaLibraries()));
  try {
    await r.page.evaluate('window.sweepChartsRendered.then(() => true)');
    const marks = await r.page.evaluate<number[]>(`['accuracy', 'differences', 'loss', 'gradients'].map((n) => document.querySelectorAll('#sweep-chart-' + n + ' svg g.role-mark path, #sweep-chart-' + n + ' svg g.role-mark line').length)`);
    for (const n of marks) assert.ok(n >= 4, `data marks per sweep chart: ${marks.join(', ')}`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.blocked, [], 'the page asked for nothing from the network');
    assert.deepEqual(await r.violations(), []);
  } finally {
    await r.close();
  }
});
