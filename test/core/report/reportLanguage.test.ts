// report.html in the language of the run that made it: a Chinese page has lang="zh-CN" and no
// English word outside formulas, code and ids (every text node scanned, the drawn charts too);
// the English page keeps its words; both run only their own constant scripts, allowed by hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../../src/core/report/html';
import { REPORT_TEXT } from '../../../src/core/report/text';
import { loadVegaLibraries } from '../../../src/core/report/vendor';
import { openReport } from './reportPage';
import { runName } from '../../../src/core/charts/names';
import type { ResultsFile, ResultsRun } from '../../../src/core/runs/resultsFile';
import { makeConfig } from '../../../src/core/train/config';
import { sweepResults } from './sweepFixture';

const NO_LIBS = { vega: '', vegaLite: '', vegaEmbed: '' };

/** Runs that end every way a run can: completed (with an ONNX check), diverged, failed, stopped, and one that learned a parameter. */
function trainResults(): ResultsFile {
  const { activations: _a, dataset: _d, ...settings } = makeConfig({ epochs: 3 });
  const history = (acc: number, epochs: number, learned = false) => Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1, loss: 0.5 / (i + 1), accuracy: acc + 0.01 * i, val_loss: 0.4 / (i + 1), val_accuracy: acc + 0.02 * i, seconds: 10 + i, layers: [],
    ...(learned ? { learnedParams: [{ beta: 1 + 0.1 * i }, { beta: 1 - 0.05 * i }] } : {}),
  }));
  const misclassified = [{ index: 8, label: 5, predicted: 6, probabilities: [0, 0, 0, 0, 0, 0.3, 0.7, 0, 0, 0], pixelsBase64: Buffer.alloc(784, 200).toString('base64') }];
  const run = (id: string, activation: string, rest: Partial<ResultsRun>): ResultsRun => ({
    id, activations: [activation, activation], status: 'completed', dir: `runs/${id}`, history: history(0.9, 3), test: null, secondsPerEpoch: 11, wallSeconds: 33, ...rest,
  });
  return {
    format: 'activation-lab/results', version: 1, createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', wallSeconds: 60,
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 10000 },
    settings: { ...settings, limitTrain: 6000, workers: 2 },
    runs: [
      run('leaky_relu', 'leaky_relu', {
        test: { loss: 0.1, accuracy: 0.97, count: 10000, confusion: [], misclassified },
        onnx: { file: 'runs/leaky_relu/model.onnx', opset: 17, bytes: 440_000, ops: ['Flatten', 'Gemm', 'LeakyRelu', 'Softmax'], passed: true, maxAbsDiff: 3e-7, argmaxAgreement: 1, onnxAccuracy: 0.97, labAccuracy: 0.97, count: 10000, ms: 12 },
      }),
      run('silu-learnbeta', 'silu', { history: history(0.88, 3, true), test: { loss: 0.12, accuracy: 0.96, count: 10000, confusion: [], misclassified: [] } }),
      run('sigmoid', 'sigmoid', { status: 'diverged', divergence: { epoch: 2, batch: 17, loss: NaN } }),
      run('tanh', 'tanh', { status: 'failed', error: 'worker exited with code 1' }),
      run('elu', 'elu', { status: 'cancelled', history: history(0.9, 1) }),
    ],
  };
}

/**
 * Words a Chinese page may show in Latin letters: names of methods, people, tools and formats
 * (Adam, Keras, ONNX, Welch, Holm, Student, Satterthwaite, stdlib, KB), and the symbols of formulas
 * (dL/dW, sd). Everything else in Latin letters must be data: the results' ids, names, files,
 * operators and settings (`dataWords`).
 */
const ALLOWED = new Set(['Adam', 'Keras', 'ONNX', 'Opset', 'KB', 'Welch', 'Holm', 'Student', 'Satterthwaite', 'stdlib', 'dL', 'dW', 'sd', 'alpha']);

/** The Latin words of the results' own data: run ids and display names, the dataset, the initializer, ONNX files and operators. */
function dataWords(r: ResultsFile): Set<string> {
  const texts = [r.dataset.name, r.settings.init, ...r.runs.flatMap((run) => [run.id, runName(run.id, run.activations, 'en'), runName(run.id, run.activations, 'zh-cn'), run.error ?? '', run.onnx?.file ?? '', ...(run.onnx?.ops ?? [])])];
  return new Set(texts.flatMap((t) => t.match(/[A-Za-z]{2,}/g) ?? []));
}

/** The text a reader sees in the static page: tags, scripts, styles and <code> spans taken out, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The English words (two or more Latin letters) of `text` that are neither allowed nor data. */
function englishWords(text: string, data: Set<string>): string[] {
  return [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !ALLOWED.has(w) && !data.has(w));
}

test('the check finds English: an English page is full of it, and one stray word in a Chinese page is caught', () => {
  const r = trainResults();
  const en = englishWords(visibleText(renderReport(r, NO_LIBS)), dataWords(r));
  for (const w of ['Training', 'report', 'Results', 'Accuracy', 'completed', 'diverged', 'stopped']) assert.ok(en.includes(w), w);
  const zh = renderReport(r, NO_LIBS, 'zh-cn');
  assert.deepEqual(englishWords(visibleText(zh.replace('<h2>结果</h2>', '<h2>Results</h2>')), dataWords(r)), ['Results']);
});

test('a report in Chinese: lang="zh-CN", every text in Chinese (statuses, tables, meta lines, a sweep\'s section), the method in Chinese only', () => {
  for (const r of [trainResults(), sweepResults()]) {
    const html = renderReport(r, NO_LIBS, 'zh-cn');
    assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
    assert.deepEqual(englishWords(visibleText(html), dataWords(r)), [], r.sweep ? 'sweep' : 'train');
    assert.match(html, /<title>激活函数实验室：训练报告<\/title>/);
  }
  const train = renderReport(trainResults(), NO_LIBS, 'zh-cn');
  assert.match(train, /<strong>快速训练<\/strong>：只用前 6000 张训练图像；下面的每个测试准确率都是在 10000 张测试图像上测得的。/);
  assert.match(train, /<td>在第 2 轮第 17 批发散<\/td>/);
  assert.match(train, /<td>失败：worker exited with code 1<\/td>/, 'the error itself is data, as the trainer wrote it');
  assert.match(train, /<td>第 1\/3 轮后停止<\/td>/);
  assert.match(train, /0\.9700 <span class="meta">10000 张<\/span>/);
  assert.match(train, /<time datetime="2025-01-01T00:01:00.000Z">协调世界时 2025 年 1 月 1 日 00:01<\/time> 完成，用时 60\.0 秒。/);
  assert.match(train, /<h2>学到的激活函数参数<\/h2>/);
  assert.match(train, /<td>通过<\/td>/);
  const sweep = renderReport(sweepResults(), NO_LIBS, 'zh-cn');
  assert.match(sweep, /<h2>扫描实验：2 个激活函数 × 2 个深度 × 3 个种子<\/h2>/);
  assert.match(sweep, /<p>每个格子/);
  assert.doesNotMatch(sweep, /Holm&#39;s method/, 'the English method is left out of a Chinese page');
  assert.match(sweep, /<td>relu 更好<\/td>/);
  assert.match(sweep, /<td>无法区分<\/td>/);
});

test('the English report keeps its words: lang="en", no Chinese but the sweep method\'s own paragraph', () => {
  const train = renderReport(trainResults(), NO_LIBS);
  assert.equal(train, renderReport(trainResults(), NO_LIBS, 'en'));
  assert.match(train, /^<!doctype html>\n<html lang="en">/);
  assert.doesNotMatch(visibleText(train), /\p{Script=Han}/u);
  assert.match(train, /<td>diverged at epoch 2, batch 17<\/td>/);
  assert.match(train, /<td>failed: worker exited with code 1<\/td>/);
  assert.match(train, /<td>stopped after 1\/3 epochs<\/td>/);
  assert.match(train, /<th class="num">Val\. accuracy \(1,200 images\)<\/th>/);
  assert.match(train, /Finished <time datetime="2025-01-01T00:01:00.000Z">1 Jan 2025, 00:01 UTC<\/time> in 60\.0 s\./);
  const sweep = renderReport(sweepResults(), NO_LIBS);
  assert.match(sweep, /<p lang="zh-CN">每个格子/);
  assert.equal(visibleText(sweep).match(/\p{Script=Han}+/gu)!.join('').length, sweepResults().sweep!.methodZh.match(/\p{Script=Han}+/gu)!.join('').length);
});

test('both languages\' words have the same keys and values named; the scripts are the same, only their data differs', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, en] of Object.entries(REPORT_TEXT.en)) {
    const zh = REPORT_TEXT['zh-cn'][key as keyof typeof REPORT_TEXT.en];
    assert.deepEqual(names(zh), names(en), key);
  }
  const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const csp = (html: string) => /content="([^"]+)"/.exec(html)![1];
  for (const r of [trainResults(), sweepResults()]) {
    const en = renderReport(r, NO_LIBS);
    const zh = renderReport(r, NO_LIBS, 'zh-cn');
    assert.deepEqual(scripts(zh), scripts(en));
    assert.equal(csp(zh), csp(en), 'one hash list for every language');
  }
});

test('a Chinese report in chromium: the charts\' words and the finish time are Chinese, no CSP violation', { timeout: 90_000 }, async () => {
  for (const r of [trainResults(), sweepResults()]) {
    // an English browser: the page's words are its own, not the browser's
    const report = await openReport(renderReport(r, loadVegaLibraries(), 'zh-cn'), { locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const page = report.page;
    try {
      await page.evaluate(r.sweep ? 'Promise.all([window.chartsRendered, window.sweepChartsRendered]).then(() => true)' : 'window.chartsRendered.then(() => true)');
      assert.equal(await page.textContent('time'), '2025 年 1 月 1 日 08:01');
      const svgText = await page.evaluate<string>(`[...document.querySelectorAll('svg text')].map((t) => t.textContent).join(' ')`);
      assert.ok(svgText.length > 100, 'the charts drew their words');
      assert.match(svgText, /轮次/);
      assert.deepEqual(englishWords(svgText, dataWords(r)), [], r.sweep ? 'sweep charts' : 'train charts');
      const drawn = await page.evaluate<string>(`(() => { const b = document.body.cloneNode(true); b.querySelectorAll('code, script, svg').forEach((e) => e.remove()); return b.textContent; })()`);
      assert.deepEqual(englishWords(drawn, dataWords(r)), [], 'the page as drawn, code and charts aside');
      assert.deepEqual(report.errors, []);
      assert.deepEqual(await report.violations(), []);
    } finally {
      await report.close();
    }
  }
});
