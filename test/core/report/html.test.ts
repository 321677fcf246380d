// report.html is self-contained: it renders its three charts in headless chromium with every
// network request refused, and no script error or CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderReport } from '../../../src/core/report/html';
import { loadVegaLibraries } from '../../../src/core/report/vendor';
import { openReport } from './reportPage';
import { assertSplitLegend, dashLegendsExpr, type DrawnDashLegend } from '../charts/drawnLegends';
import { DEFAULT_CHART_THEME } from '../../../src/core/charts/training';
import type { ResultsFile } from '../../../src/core/runs/resultsFile';
import { makeConfig } from '../../../src/core/train/config';

function results(): ResultsFile {
  const { activations: _a, dataset: _d, ...settings } = makeConfig({ epochs: 2 });
  const history = (acc: number) => [1, 2].map((epoch) => ({
    epoch, loss: 0.5 / epoch, accuracy: acc + 0.01 * epoch, val_loss: 0.4 / epoch, val_accuracy: acc + 0.02 * epoch, seconds: 10 + epoch, layers: [],
  }));
  return {
    format: 'activation-lab/results', version: 1, createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', wallSeconds: 60,
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 48000, validation: 12000, test: 10000 },
    settings: { ...settings, workers: 2 },
    runs: [
      { id: 'relu', activations: ['relu', 'relu'], status: 'completed', dir: 'runs/relu', history: history(0.9),
        test: { loss: 0.1, accuracy: 0.97, count: 10000, confusion: [], misclassified: [{ index: 8, label: 5, predicted: 6, probabilities: [0, 0, 0, 0, 0, 0.3, 0.7, 0, 0, 0], pixelsBase64: Buffer.alloc(784, 200).toString('base64') }] },
        secondsPerEpoch: 11.5, wallSeconds: 23 },
      { id: 'sig<moid>', activations: ['sig<moid>', 'sig<moid>'], status: 'diverged', dir: 'runs/sigmoid', history: history(0.8), test: null,
        secondsPerEpoch: 12, wallSeconds: 24, divergence: { epoch: 3, batch: 17, loss: NaN } },
    ],
  };
}

test('the page inlines the libraries, escapes names and lists the results', () => {
  const libs = { vega: 'var vega = 1; "</script>"', vegaLite: 'var vegaLite = 2;', vegaEmbed: 'var vegaEmbed = 3;' };
  const html = renderReport(results(), libs);
  assert.ok(!/<script[^>]+src=/i.test(html) && !/<link/i.test(html), 'no external scripts or stylesheets');
  assert.ok(html.includes('"<\\/script>"'), 'a </script> inside a library is escaped');
  assert.ok(html.includes('sig&lt;moid&gt;') && !html.includes('<moid>'), 'run names are escaped');
  assert.match(html, /diverged at epoch 3, batch 17/);
  assert.match(html, /<td class="num">0\.9700 <span class="meta">on 10,000<\/span><\/td>/);
  assert.match(html, /default-src 'none'/);
  // Scripts and styles run by hash only: the CSP lists each inline element's sha256, and nothing inline else.
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|nonce-/);
  const hashes = (directive: string) => new Set(/'sha256-[^']+'/g[Symbol.match](new RegExp(`${directive} ([^;]+)`).exec(csp)![1]) ?? []);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 4, 'three libraries and the page script');
  assert.deepEqual(hashes('script-src'), new Set(scripts.map(sha256Source)));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.deepEqual(hashes('style-src'), new Set(styles.map(sha256Source)));
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

/** A CSP hash source computed here with node:crypto, from the element's text as the browser hashes it. */
function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

test('a script injected through a run name does not run: the hash list admits only the page\'s own', { timeout: 60_000 }, async () => {
  const r = results();
  r.runs[0].id = '</td><script>window.__pwned = 1</script><td>';
  r.runs[0].activations = ['<img src=x onerror="window.__pwned = 2">'];
  const html = renderReport(r, loadVegaLibraries());
  // Even if escaping failed somewhere, an injected inline script has no listed hash: prove the CSP alone blocks one.
  const end = html.lastIndexOf('</body>');
  const unescaped = `${html.slice(0, end)}<script>window.__pwned = 3</script>${html.slice(end)}`;
  for (const [name, text] of [['report.html', html], ['with a raw script', unescaped]]) {
    const r = await openReport(text);
    try {
      await r.page.evaluate('window.chartsRendered.then(() => true)');
      assert.equal(await r.page.evaluate('window.__pwned ?? null'), null, name);
    } finally {
      await r.close();
    }
  }
});

test('report.html renders its three charts in chromium with no network', { timeout: 60_000 }, async () => {
  const r = await openReport(renderReport(results(), loadVegaLibraries()));
  try {
    await r.page.evaluate('window.chartsRendered.then(() => true)');
    const marks = await r.page.evaluate<number[]>(`['accuracy', 'loss', 'seconds'].map((n) => document.querySelectorAll('#chart-' + n + ' svg path').length)`);
    for (const n of marks) assert.ok(n > 2, `marks per chart: ${marks.join(', ')}`);
    assert.equal(await r.page.evaluate('document.querySelectorAll("#misclassified canvas").length'), 1);
    assert.deepEqual([...r.errors, ...r.warnings], []);
    assert.deepEqual(r.blocked, [], 'the page asked for nothing from the network');
    assert.deepEqual(await r.violations(), []);
  } finally {
    await r.close();
  }
});

test('learned activation parameters get their own chart, drawn from each epoch\'s values', { timeout: 60_000 }, async () => {
  const r = results();
  r.runs[0].history = r.runs[0].history.map((h, i) => ({ ...h, learnedParams: [{ beta: 1 + 0.1 * i }, { beta: 1 - 0.05 * i }] }));
  const html = renderReport(r, loadVegaLibraries());
  assert.match(html, /<h2>Learned activation parameters<\/h2>/);
  assert.doesNotMatch(renderReport(results(), loadVegaLibraries()), /Learned activation parameters/, 'no chart when nothing was learned');
  const report = await openReport(html);
  try {
    await report.page.evaluate('window.chartsRendered.then(() => true)');
    // two layers' beta for one run: two lines of two points
    const lines = await report.page.evaluate<number>(`document.querySelectorAll('#chart-learned g.mark-line path').length`);
    assert.equal(lines, 2);
    const points = await report.page.evaluate<number>(`document.querySelectorAll('#chart-learned g.mark-symbol.role-mark path').length`);
    assert.equal(points, 4);
  } finally {
    await report.close();
  }
});

test('what the report says: runs by name with their parameters, every accuracy with its images, quick or full, a readable time; tables fit a 600 px window', { timeout: 60_000 }, async () => {
  const r = results();
  r.runs[0] = { ...r.runs[0], id: 'leaky_relu', activations: ['leaky_relu', 'leaky_relu'] };
  r.settings = { ...r.settings, limitTrain: 6000 };
  const html = renderReport(r, loadVegaLibraries());
  assert.match(html, /<td>Leaky ReLU \(alpha 0\.01\)<\/td>/, 'the activation once, with its parameter');
  assert.doesNotMatch(html, /leaky_relu, leaky_relu/);
  assert.match(html, /0\.9700 <span class="meta">on 10,000<\/span>/);
  assert.match(html, /<strong>Quick run<\/strong>: the first 6,000 training images; every test accuracy below is measured on 10,000 test images/);
  assert.match(html, /<time datetime="2025-01-01T00:01:00.000Z">1 Jan 2025, 00:01 UTC<\/time>/);
  const report = await openReport(html, { viewport: { width: 600, height: 800 }, locale: 'en-GB', timezoneId: 'Asia/Shanghai' });
  const page = report.page;
  try {
    await page.evaluate('window.chartsRendered.then(() => true)');
    // Nothing is cut off: the page itself does not overflow; a wide table scrolls inside its own box.
    assert.ok(await page.evaluate<number>('document.documentElement.scrollWidth') <= 600);
    const wraps = await page.evaluate<string[]>(`[...document.querySelectorAll('.table-wrap')].map((w) => getComputedStyle(w).overflowX)`);
    assert.ok(wraps.length >= 1 && wraps.every((o) => o === 'auto'), wraps.join());
    // A header never breaks inside a symbol.
    assert.ok(await page.evaluate<boolean>(`[...document.querySelectorAll('th')].every((t) => getComputedStyle(t).whiteSpace === 'nowrap')`));
    // The finish time in the reader's time zone (UTC+8 here).
    assert.equal(await page.textContent('time'), '1 Jan 2025, 08:01');
    // The chart legends name the runs as the table does.
    assert.ok((await page.evaluate<string[]>(`[...document.querySelectorAll('#chart-accuracy svg text')].map((t) => t.textContent)`)).includes('Leaky ReLU (alpha 0.01)'));
  } finally {
    await report.close();
  }
});

test('the Data legend of the accuracy and loss charts shows a solid and a dashed line sample in the report\'s text colour', { timeout: 60_000 }, async () => {
  const report = await openReport(renderReport(results(), loadVegaLibraries()));
  try {
    await report.page.evaluate('window.chartsRendered.then(() => true)');
    for (const chart of ['accuracy', 'loss']) {
      const legends = await report.page.evaluate<DrawnDashLegend[]>(dashLegendsExpr(`#chart-${chart}`));
      assertSplitLegend(legends, DEFAULT_CHART_THEME.foreground, `report ${chart}`);
    }
  } finally {
    await report.close();
  }
});
