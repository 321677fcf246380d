// The lab's sections in chromium under the host's exact CSP, driven by a fake host: every chart
// type draws SVG marks, sliders change curves, live epochs extend the accuracy chart without a
// re-embed, bad messages are ignored, nothing violates the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, isTicked, openWebview, startHarness, stopHarness, typeInto, waitForPosted, waitInPage, type WebviewPage } from './harness';
import { DEFAULT_CONFIG, QUICK_LIMIT_TRAIN } from '../../src/core/train/config';
import type { LabReport, LabSection, LabState, ResultsView } from '../../src/protocol/messages';
import type { JobInfo, RunEvent } from '../../src/protocol/training';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

async function report(w: WebviewPage, requestId = 'q'): Promise<LabReport> {
  await w.send({ type: 'lab/query', requestId });
  const msg = await waitForPosted(w, `the page's lab/report ${requestId}`, (m) => m.type === 'lab/report' && m.requestId === requestId);
  await w.page.evaluate(`window.__posted = window.__posted.filter((m) => m.type !== 'lab/report')`);
  return (msg as { report: LabReport }).report;
}

const job = (runs: string[], epochs: number): JobInfo => ({
  id: '2026-01-01T00-00-00-000Z', kind: 'train', epochs, startedAt: '2026-01-01T00:00:00.000Z',
  runs: runs.map((runId) => ({ runId, activations: [runId, runId] })),
});

const chart = (r: LabReport, id: string) => {
  const c = r.charts.find((x) => x.id === id);
  assert.ok(c, `chart ${id} is on the page (have: ${r.charts.map((x) => x.id).join(', ')})`);
  return c;
};

async function open(section: LabSection, saved: object = {}): Promise<WebviewPage> {
  const w = await openWebview('panel', { section, ...saved });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector(`#section-${section}`);
  return w;
}

/** The y pixel of the f-curve's path, as drawn: it changes when a parameter does. */
const plotPath = (w: WebviewPage) => w.page.$eval('[data-chart=plot] g.mark-line.role-mark path', (p) => p.getAttribute('d'));

test('Functions: the plot, comparison, saturation, gradient flow and custom charts draw SVG marks', async () => {
  const w = await open('functions');
  const r = await report(w);
  for (const id of ['plot', 'compare', 'saturation', 'gradientFlow', 'custom']) assert.ok(chart(r, id).marks > 0, `${id} has marks`);
  assert.ok(await w.page.$('[data-chart=plot] svg'), 'the plot is an SVG');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('Functions: moving a parameter slider changes the curve without a re-embed', async () => {
  const w = await open('functions', { fn: { selected: 'elu', lo: -5, hi: 5 } });
  await report(w);
  const before = await plotPath(w);
  const embeds = chart(await report(w), 'plot').embeds;
  // alpha 1 -> 2: ELU(-5) = alpha (e^-5 - 1) doubles.
  await w.page.$eval('[data-param=alpha]', (el) => {
    const i = el as HTMLInputElement;
    i.value = '2';
    i.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const r = await report(w, 'q2');
  const after = await plotPath(w);
  assert.notEqual(after, before, 'the path changed');
  assert.equal(chart(r, 'plot').embeds, embeds, 'no re-embed');
  const saved = await w.page.evaluate<{ fn: { params: Record<string, Record<string, number>> } }>('window.__state');
  assert.equal(saved.fn.params.elu?.alpha, 2, 'the slider value is saved in the page state');
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('Functions: a bad custom expression shows the parse error with its column; a good one draws f and f\'', async () => {
  const w = await open('functions');
  await typeInto(w, '[data-custom=expression]', 'x * sigmoid(beta * x');
  await w.page.waitForSelector('#custom-status [data-error]');
  const message = await w.page.textContent('#custom-status [data-error]');
  assert.match(message ?? '', /column \d+/);
  assert.ok(await w.page.$('#custom-status pre.caret'), 'a caret points at the column');
  assert.equal(await w.page.$eval('[data-custom=save]', (b) => (b as HTMLButtonElement).disabled), true);
  await typeInto(w, '[data-custom=expression]', 'x * tanh(beta * x)');
  await w.page.waitForSelector('#custom-status.ok');
  assert.match((await w.page.textContent('#custom-status')) ?? '', /f'\(x\)/);
  await w.page.click('[data-custom=save]');
  const posted = await w.posted();
  const save = posted.find((m) => m.type === 'custom/save');
  assert.deepEqual(save, { type: 'custom/save', def: { name: 'swish_beta', expression: 'x * tanh(beta * x)', params: { beta: 1 } } });
  await w.close();
});

test('Functions in Chinese: the custom box shows the expression error in Chinese, with its column and the caret', async () => {
  const w = await openWebview('panel', { section: 'functions' });
  await w.send({ type: 'lab/state', state: { ...state, locale: 'zh-CN' } });
  await w.page.waitForSelector('#section-functions');
  await typeInto(w, '[data-custom=expression]', 'x + expp(x)');
  await w.page.waitForSelector('#custom-status [data-error]');
  const message = await w.page.textContent('#custom-status [data-error]');
  assert.match(message ?? '', /^未知函数“expp”（第 5 列；已知函数：exp, log, .*）$/);
  assert.equal(await w.page.textContent('#custom-status pre.caret'), 'x + expp(x)\n    ^');
  await typeInto(w, '[data-custom=expression]', 'x*sigmoid(beta*x)');
  await typeInto(w, '[data-custom=params]', 'beta=1, alpha');
  await w.page.waitForFunction(() => (document.querySelector('#custom-status [data-error]')?.textContent ?? '').includes('alpha'));
  assert.equal(await w.page.textContent('#custom-status [data-error]'), '参数格式示例：beta=1, alpha=0.1（“alpha”不是 name=number 的形式）');
  await typeInto(w, '[data-custom=params]', 'beta=1');
  await typeInto(w, '[data-custom=name]', 'relu');
  await w.page.waitForFunction(() => (document.querySelector('#custom-status [data-error]')?.textContent ?? '').includes('relu'));
  assert.equal(await w.page.textContent('#custom-status [data-error]'), '自定义激活函数的名称“relu”已被内置的 relu 占用，请换一个名称');
  assert.deepEqual(w.errors, []);
  await w.close();
});

const epoch = (run: string, e: number, acc: number): Extract<RunEvent, { type: 'run/epoch' }> => ({
  type: 'run/epoch', runId: run,
  metrics: { epoch: e, loss: 1 - acc, accuracy: acc, val_loss: 1.1 - acc, val_accuracy: acc - 0.01, seconds: 2 + e / 10, layers: [{ meanAbsGradient: 0.01, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.02, deadUnitFraction: 0 }, { meanAbsGradient: 0.05 }] },
});
const pixels = Buffer.from(Uint8Array.from({ length: 784 }, (_, i) => (i * 7) % 256)).toString('base64');
const confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 90 : 1)));

test('Train: the page starts a job; live epochs extend the accuracy chart without re-embedding; the end draws the test results', async () => {
  const w = await open('train');
  await w.page.click('[data-action=train]');
  const start = await waitForPosted(w, 'train/start', (m) => m.type === 'train/start');
  assert.deepEqual(start, { type: 'train/start', activations: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], epochs: DEFAULT_CONFIG.epochs, limitTrain: QUICK_LIMIT_TRAIN });
  await w.send({ type: 'train/event', event: { type: 'job/started', job: job(['relu', 'tanh'], 3) } });
  await w.send({ type: 'train/event', event: { type: 'run/started', runId: 'relu', kernels: 'js', paramCount: 100 } });
  await w.send({ type: 'train/event', event: epoch('relu', 1, 0.9) });
  const r1 = await report(w);
  const acc1 = chart(r1, 'train-accuracy');
  for (const e of [epoch('tanh', 1, 0.88), epoch('relu', 2, 0.93), epoch('tanh', 2, 0.9)]) await w.send({ type: 'train/event', event: e });
  const r2 = await report(w, 'q2');
  const acc2 = chart(r2, 'train-accuracy');
  assert.equal(acc2.embeds, acc1.embeds, 'not re-embedded');
  assert.equal(acc2.rows, acc1.rows + 6, 'three epochs of train + validation rows were appended');
  assert.ok(acc2.marks > acc1.marks, `more marks drawn (${acc1.marks} -> ${acc2.marks})`);
  for (const id of ['train-loss', 'train-seconds', 'train-layers', 'train-dead']) assert.ok(chart(r2, id).marks > 0, `${id} has marks`);
  await w.send({ type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [epoch('relu', 1, 0.9).metrics, epoch('relu', 2, 0.93).metrics], test: { loss: 0.1, accuracy: 0.9512, count: 1000, confusion, misclassified: [{ index: 3, label: 5, predicted: 3, probabilities: [0, 0, 0, 0.6, 0, 0.4, 0, 0, 0, 0], pixelsBase64: pixels }] }, wallSeconds: 5 } } });
  await w.page.waitForSelector('.digit img');
  const r3 = await report(w, 'q3');
  assert.ok(chart(r3, 'train-confusion').marks >= 100, 'a 10x10 heatmap');
  assert.equal(await w.page.getAttribute('tr[data-run=relu] [data-test-accuracy]', 'data-test-accuracy'), '0.9512');
  assert.match((await w.page.textContent('tr[data-run=relu]')) ?? '', /95\.12%/);
  const natural = await w.page.$eval('.digit img', (i) => (i as HTMLImageElement).naturalWidth);
  assert.equal(natural, 28, 'the digit is drawn from its 784 bytes');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

const results: ResultsView = {
  createdAt: '2025-01-01T12:00:00.000Z',
  dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 1000 },
  epochs: 2,
  runs: [
    { id: 'sigmoid', activations: ['sigmoid', 'sigmoid'], status: 'completed', history: [epoch('sigmoid', 1, 0.8), epoch('sigmoid', 2, 0.86)].map((e) => e.metrics), test: { loss: 0.4, accuracy: 0.87, count: 1000, confusion, misclassified: [] }, secondsPerEpoch: 2 },
    { id: 'relu', activations: ['relu', 'relu'], status: 'completed', history: [epoch('relu', 1, 0.9), epoch('relu', 2, 0.94)].map((e) => e.metrics), test: { loss: 0.2, accuracy: 0.95, count: 1000, confusion, misclassified: [] }, secondsPerEpoch: 2 },
  ],
};

test('Runs: lists experiments, opens one and draws its charts', async () => {
  const w = await open('runs');
  await w.send({ type: 'runs/list', experiments: [{ id: '2025-01-01T12-00-00-000Z', createdAt: results.createdAt, dataset: 'mnist', epochs: 2, runs: [{ id: 'sigmoid', status: 'completed', testAccuracy: 0.87, valAccuracy: 0.85 }, { id: 'relu', status: 'completed', testAccuracy: 0.95, valAccuracy: 0.93 }] }] });
  await w.page.click('[data-open="2025-01-01T12-00-00-000Z"]');
  await waitForPosted(w, 'runs/open', (m) => m.type === 'runs/open' && m.id === '2025-01-01T12-00-00-000Z');
  await w.send({ type: 'runs/results', id: '2025-01-01T12-00-00-000Z', results });
  await w.page.waitForSelector('[data-chart=runs-confusion] svg');
  const r = await report(w);
  assert.ok(chart(r, 'runs-accuracy').marks > 0);
  assert.equal(chart(r, 'runs-accuracy').rows, 8);
  assert.ok(chart(r, 'runs-confusion').marks >= 100);
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('Guide: the chooser ranks, reacts to answers, and a reason links to the Functions plot', async () => {
  const w = await open('guide');
  await chooseOption(w, '[data-guide=role]', 'output');
  await chooseOption(w, '[data-guide=task]', 'binary');
  assert.equal(await w.page.getAttribute('[data-ranking] > li:first-child', 'data-activation'), 'sigmoid');
  await chooseOption(w, '[data-guide=task]', 'regression');
  assert.equal(await w.page.getAttribute('[data-ranking] > li:first-child', 'data-activation'), 'identity');
  await chooseOption(w, '[data-guide=role]', 'hidden');
  await typeInto(w, '[data-guide=depth]', '20');
  await w.page.press('[data-guide=depth] input', 'Enter');
  await w.page.dispatchEvent('[data-guide=depth]', 'change');
  const link = await w.page.$('[data-link^="gradientFlow:"]');
  assert.ok(link, 'a vanishing-gradient reason links to the gradient-flow analysis');
  await link.click();
  await w.page.waitForSelector('#section-functions [data-chart=gradientFlow] svg');
  assert.equal(await w.page.getAttribute('#tab-functions', 'aria-selected'), 'true');
  assert.equal((await w.page.evaluate<{ section: string }>('window.__state')).section, 'functions', 'the page keeps its own section');
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('Sidebar: small plots for every activation, compare selected, guide link, train launcher with progress', async () => {
  const w = await openWebview('sidebar');
  await w.send({ type: 'lab/state', state: { ...state, surface: 'sidebar' } });
  await w.page.waitForSelector('svg.spark');
  const r = await report(w);
  assert.ok(chart(r, 'sparklines').rows >= 26, 'a small plot per built-in activation');
  await w.page.click('[data-compare=sigmoid]');
  await w.page.click('[data-compare=elu]');
  assert.equal(await isTicked(w, '[data-compare=sigmoid]'), false);
  assert.equal(await isTicked(w, '[data-compare=elu]'), true);
  await w.page.click('[data-action=compare]');
  const open = await waitForPosted(w, 'lab/open', (m) => m.type === 'lab/open');
  assert.deepEqual(open, { type: 'lab/open', section: 'functions', focus: { activations: ['tanh', 'relu', 'leaky_relu', 'elu'], view: 'compare' } });
  await w.page.click('[data-action=guide]');
  await waitForPosted(w, 'lab/open guide', (m) => m.type === 'lab/open' && m.section === 'guide');
  await w.send({ type: 'train/event', event: { type: 'job/started', job: job(['relu'], 2) } });
  await w.send({ type: 'train/event', event: { type: 'run/progress', runId: 'relu', progress: { epoch: 1, epochs: 2, batch: 50, batches: 100, loss: 0.5, accuracy: 0.8, examplesPerSecond: 1000 } } });
  await waitInPage(w, `document.querySelector('.progress-list li[data-run=relu] progress')?.value === 0.25`, 'relu\'s progress bar at 25%');
  assert.equal(await w.page.$eval('[data-action=train]', (b) => (b as HTMLButtonElement).disabled), true, 'one job at a time');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('the host can focus the Functions section on a comparison (Compare Activations)', async () => {
  const w = await openWebview('panel', { section: 'guide' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-guide');
  await w.send({ type: 'lab/show', section: 'functions', focus: { activations: ['gelu', 'silu'], view: 'compare' } });
  await w.page.waitForSelector('#section-functions');
  assert.equal(await isTicked(w, '[data-compare=gelu]'), true);
  assert.equal(await isTicked(w, '[data-compare=relu]'), false);
  await w.close();
});

test('malformed lab messages are ignored; the page keeps working', async () => {
  const w = await open('train');
  const bad: unknown[] = [
    { type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { epoch: 'one' } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'exploded', history: [] } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [], test: { loss: 0, accuracy: 1, count: 1, confusion: [[1, 2]], misclassified: [] } } } },
    { type: 'train/snapshot', snapshot: { job: 'yes' } },
    { type: 'train/event', event: { type: 'job/started', job: { id: '../x' } } },
    { type: 'runs/list', experiments: [{ id: 1 }] },
    { type: 'runs/results', id: 'x', results: { createdAt: 1 } },
    { type: 'lab/custom', defs: [{ name: '1bad', expression: 'x' }] },
    { type: 'lab/notice', level: 'shout', text: 'x' },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [], test: { loss: 0, accuracy: 1, count: 1, confusion: [[1]], misclassified: [{ index: 0, label: 0, predicted: 1, pixelsBase64: '<img src=x onerror=alert(1)>' }] } } } },
  ];
  for (const m of bad) await w.send(m);
  await w.send({ type: 'train/event', event: { type: 'job/started', job: job(['relu'], 1) } });
  await w.send({ type: 'train/event', event: epoch('relu', 1, 0.9) });
  const r = await report(w);
  assert.equal(chart(r, 'train-accuracy').rows, 2, 'only the valid epoch was drawn');
  assert.equal(await w.page.$('img[src=x]'), null);
  assert.deepEqual(w.errors, []);
  assert.deepEqual(await w.violations(), []);
  await w.close();
});
