// report.html for a sweep: the method in English and Chinese, the grid, which differences are
// real, and the four sweep charts drawn in chromium with no network and no CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../../src/core/report/html';
import { loadVegaLibraries } from '../../../src/core/report/vendor';
import { openReport } from './reportPage';
import { sweepResults } from './sweepFixture';

test("a sweep's report holds the method in both languages, the grid and the verdicts", () => {
  const html = renderReport(sweepResults(), { vega: '', vegaLite: '', vegaEmbed: '' });
  assert.match(html, /<h2>Sweep: 2 activations × 2 depths × 3 seeds<\/h2>/);
  assert.match(html, /Holm&#39;s method over all of them/);
  assert.match(html, /MLPs 784-16-16-10, 784-16-16-16-16-16-16-16-16-10 · .* · seeds 1, 2, 3 · 2 workers/);
  assert.match(html, /<p lang="zh-CN">每个格子/);
  assert.match(html, /<td>sigmoid<\/td><td class="num">95\.40 ± [\d.]+ \(3\/3\)<\/td><td class="num">46\.00 ± [\d.]+ \(3\/3\)<\/td>/);
  assert.match(html, /<tr class="real"><td class="num">8<\/td><td>sigmoid − relu<\/td><td class="num">−49\.40 ± [\d.]+<\/td>.*<td>relu better<\/td><\/tr>/);
  assert.match(html, /<td class="num">2<\/td><td>sigmoid − relu<\/td><td class="num">0\.00 ± [\d.]+<\/td>.*<td>not distinguishable<\/td>/);
});

test("a sweep's report draws its four charts in chromium with no network and no CSP violation", { timeout: 60_000 }, async () => {
  const r = await openReport(renderReport(sweepResults(), loadVegaLibraries()));
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
