// Learnable activation parameters in the lab, in chromium under the host's exact CSP: the Train
// section offers a "Learn" checkbox per parameter of the ticked activations (built-in or custom),
// keeps the choice in the page state and sends it with train/start; the results board draws the
// learned values per epoch for live jobs and saved results alike.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isTicked, openWebview, startHarness, stopHarness, waitForPosted, waitInPage, waitUntil, type WebviewPage } from './harness';
import type { EpochMetrics } from '../../src/core/train/results';
import type { LabReport, LabState, ResultsView } from '../../src/protocol/messages';
import type { JobInfo } from '../../src/protocol/training';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

/** A Train state saved before learning existed: it has no `learn`. */
const OLD_TRAIN = { activations: ['relu'], epochs: 2, quick: true, hidden: '128, 64', learningRate: '0.001', batchSize: 32, seeds: 1 };

async function open(saved: object, locale = 'en'): Promise<WebviewPage> {
  const w = await openWebview('panel', saved);
  await w.send({ type: 'lab/state', state: { ...state, locale } });
  return w;
}

async function report(w: WebviewPage, requestId: string): Promise<LabReport> {
  await w.send({ type: 'lab/query', requestId });
  return ((await waitForPosted(w, `lab/report ${requestId}`, (m) => m.type === 'lab/report' && m.requestId === requestId)) as { report: LabReport }).report;
}

const chart = (r: LabReport, id: string) => {
  const c = r.charts.find((x) => x.id === id);
  assert.ok(c, `chart ${id} is on the page (have: ${r.charts.map((x) => x.id).join(', ')})`);
  return c;
};

const learnLabels = (w: WebviewPage) => w.page.$$eval('[data-learn]', (boxes) => boxes.map((b) => `${b.getAttribute('data-learn')}: ${b.textContent}`));
const savedTrain = async (w: WebviewPage) => (await w.page.evaluate<{ train: { learn: string[] } }>('window.__state')).train;

test('Train: a "Learn" checkbox per parameter of the ticked activations; train/start carries the ticked names', async () => {
  const w = await open({ section: 'train', train: OLD_TRAIN });
  await w.page.waitForSelector('[data-train=elu]');
  assert.equal(await w.page.$eval('[data-learn-picks]', (f) => (f as HTMLElement).hidden), true, 'relu alone has nothing to learn: no box');
  await w.page.click('[data-train=elu]');
  await w.page.waitForSelector('[data-learn=alpha]');
  assert.deepEqual(await learnLabels(w), ['alpha: Learn alpha (ELU)']);
  assert.equal(await isTicked(w, '[data-learn=alpha]'), false, 'an old saved state learns nothing');
  await w.page.click('[data-learn=alpha]');
  await waitUntil('the learn box ticked', () => isTicked(w, '[data-learn=alpha]'));
  assert.deepEqual((await savedTrain(w)).learn, ['alpha'], 'the choice is kept in the page state');
  // Another activation with alpha joins the same box: the host learns a name wherever it is.
  await w.page.click('[data-train=leaky_relu]');
  await waitInPage(w, `document.querySelector('[data-learn=alpha]')?.textContent === 'Learn alpha (ELU, Leaky ReLU)'`);
  assert.equal(await isTicked(w, '[data-learn=alpha]'), true, 'redrawn, still ticked');
  await w.page.click('[data-action=train]');
  const start = await waitForPosted(w, 'train/start', (m) => m.type === 'train/start');
  assert.deepEqual(start, { type: 'train/start', activations: ['relu', 'elu', 'leaky_relu'], epochs: 2, limitTrain: 6000, learn: ['alpha'] });
  // Without the activations that have it, the ticked name stays in the page but is not sent.
  await w.page.evaluate('window.__posted = []');
  await w.page.click('[data-train=elu]');
  await w.page.click('[data-train=leaky_relu]');
  await waitInPage(w, `document.querySelector('[data-learn-picks]').hidden`);
  await w.page.click('[data-action=train]');
  const plain = await waitForPosted(w, 'train/start without learn', (m) => m.type === 'train/start');
  assert.deepEqual(plain, { type: 'train/start', activations: ['relu'], epochs: 2, limitTrain: 6000 });
  assert.deepEqual((await savedTrain(w)).learn, ['alpha']);
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('Train: saved custom activations offer their parameters; PReLU says it always learns its slope; a reload keeps the ticks', async () => {
  const saved = { section: 'train', train: { ...OLD_TRAIN, activations: ['silu', 'prelu'], learn: ['beta', 7] } };
  const w = await open(saved);
  await w.send({ type: 'lab/custom', defs: [{ name: 'swish2', expression: 'x*sigmoid(beta*x)', params: { beta: 2 } }, { name: 'scaled', expression: 'gain*tanh(x)', params: { gain: 1.5 } }] });
  await w.page.waitForSelector('[data-train=swish2][data-custom-activation]');
  await w.page.click('[data-train=swish2]');
  await w.page.click('[data-train=scaled]');
  await waitInPage(w, `document.querySelector('[data-learn=gain]')`);
  assert.deepEqual(await learnLabels(w), ['beta: Learn beta (SiLU / Swish, swish2)', 'gain: Learn gain (scaled)']);
  assert.equal(await isTicked(w, '[data-learn=beta]'), true, 'the saved tick (a damaged entry dropped)');
  assert.equal(await isTicked(w, '[data-learn=gain]'), false);
  assert.equal(await w.page.$('[data-learn=alpha]'), null, 'PReLU\'s slope is learned anyway: no box');
  assert.equal(await w.page.textContent('[data-learn-always=prelu]'), 'PReLU always learns its alpha.');
  await w.page.click('[data-learn=gain]');
  await waitUntil('gain ticked', () => isTicked(w, '[data-learn=gain]'));
  await w.page.click('[data-action=train]');
  const start = await waitForPosted(w, 'train/start', (m) => m.type === 'train/start');
  assert.deepEqual(start, { type: 'train/start', activations: ['silu', 'prelu', 'swish2', 'scaled'], epochs: 2, limitTrain: 6000, learn: ['beta', 'gain'] });
  const state2 = await w.page.evaluate('window.__state');
  await w.close();
  // The page comes back from its saved state (a reload), in Chinese this time.
  const again = await open(state2 as object, 'zh-CN');
  await again.send({ type: 'lab/custom', defs: [{ name: 'swish2', expression: 'x*sigmoid(beta*x)', params: { beta: 2 } }, { name: 'scaled', expression: 'gain*tanh(x)', params: { gain: 1.5 } }] });
  await again.page.waitForSelector('[data-learn=gain]');
  assert.equal(await isTicked(again, '[data-learn=beta]'), true);
  assert.equal(await isTicked(again, '[data-learn=gain]'), true);
  assert.equal(await again.page.textContent('[data-learn=gain]'), '学习 gain（scaled）');
  assert.deepEqual(await again.violations(), []);
  assert.deepEqual(again.errors, []);
  await again.close();
});

const epoch = (e: number, learned?: Record<string, number>[]): EpochMetrics => ({
  epoch: e, loss: 1 - 0.8 - e / 100, accuracy: 0.8 + e / 100, val_loss: 0.3, val_accuracy: 0.8, seconds: 2,
  layers: [{ meanAbsGradient: 0.01 }, { meanAbsGradient: 0.02 }, { meanAbsGradient: 0.05 }],
  ...(learned ? { learnedParams: learned } : {}),
});
const confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 90 : 1)));

test('Runs: saved results with learned values draw the learned-parameters chart; results without any keep it hidden', async () => {
  const id = '2026-02-01T10-00-00-000Z';
  const results: ResultsView = {
    createdAt: '2026-02-01T10:00:00.000Z',
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 1000 },
    epochs: 3,
    runs: [
      { id: 'silu-learnbeta', activations: ['silu(learn=beta)', 'silu(learn=beta)'], status: 'completed', history: [1, 2, 3].map((e) => epoch(e, [{ beta: 1 + e / 10 }, { beta: 1 - e / 20 }])), test: { loss: 0.2, accuracy: 0.95, count: 1000, confusion, misclassified: [] }, secondsPerEpoch: 2 },
      { id: 'relu', activations: ['relu', 'relu'], status: 'completed', history: [1, 2, 3].map((e) => epoch(e)), test: { loss: 0.2, accuracy: 0.94, count: 1000, confusion, misclassified: [] }, secondsPerEpoch: 2 },
    ],
  };
  const plainId = '2026-01-15T10-00-00-000Z';
  const plain: ResultsView = { ...results, createdAt: '2026-01-15T10:00:00.000Z', runs: [results.runs[1]] };
  const w = await open({ section: 'runs' });
  await w.send({ type: 'runs/list', experiments: [
    { id, createdAt: results.createdAt, dataset: 'mnist', epochs: 3, runs: [{ id: 'silu-learnbeta', status: 'completed', testAccuracy: 0.95, valAccuracy: 0.93 }, { id: 'relu', status: 'completed', testAccuracy: 0.94, valAccuracy: 0.92 }] },
    { id: plainId, createdAt: plain.createdAt, dataset: 'mnist', epochs: 3, runs: [{ id: 'relu', status: 'completed', testAccuracy: 0.94, valAccuracy: 0.92 }] },
  ] });
  // The newest experiment is shown first.
  await waitForPosted(w, 'runs/open', (m) => m.type === 'runs/open' && m.id === id);
  await w.send({ type: 'runs/results', id, results });
  await w.page.waitForSelector('[data-chart=runs-learned] svg');
  const r = await report(w, 'q1');
  const learned = chart(r, 'runs-learned');
  assert.equal(learned.rows, 6, '3 epochs x 2 hidden layers of beta; relu learns nothing');
  assert.ok(learned.marks >= 2, `lines drawn (${learned.marks})`);
  assert.equal(await w.page.$eval('[data-chart=runs-learned]', (c) => (c as HTMLElement).hidden), false);
  const words = (await w.page.textContent('[data-chart=runs-learned] svg')) ?? '';
  assert.match(words, /Learned activation parameters per epoch/, 'the chart\'s title');
  assert.match(words, /dense 1 · beta/, 'a legend entry per layer and parameter');
  // Both overlaid: the learned values stay; then the one that learned nothing alone: the same board hides the chart.
  await w.page.click(`[data-open="${plainId}"]`);
  await waitForPosted(w, 'runs/open plain', (m) => m.type === 'runs/open' && m.id === plainId);
  await w.send({ type: 'runs/results', id: plainId, results: plain });
  await waitInPage(w, `document.querySelectorAll('#section-runs tr[data-run]').length === 3`, 'three runs overlaid');
  assert.equal(await w.page.$eval('[data-chart=runs-learned]', (c) => (c as HTMLElement).hidden), false);
  await w.page.click(`[data-open="${id}"]`);
  await waitInPage(w, `document.querySelectorAll('#section-runs tr[data-run]').length === 1`, 'the plain experiment alone');
  await waitInPage(w, `document.querySelector('[data-chart=runs-learned]').hidden`, 'the learned chart hidden for an experiment without learned values');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('Train: a live job\'s learned values are charted epoch by epoch, appended without a re-embed', async () => {
  const w = await open({ section: 'train', train: OLD_TRAIN });
  const job: JobInfo = {
    id: '2026-03-01T00-00-00-000Z', kind: 'train', epochs: 3, startedAt: '2026-03-01T00:00:00.000Z',
    runs: [{ runId: 'elu-learnalpha', activations: ['elu(learn=alpha)', 'elu(learn=alpha)'] }, { runId: 'relu', activations: ['relu', 'relu'] }],
  };
  await w.send({ type: 'train/event', event: { type: 'job/started', job } });
  await w.send({ type: 'train/event', event: { type: 'run/started', runId: 'relu', kernels: 'js', paramCount: 100 } });
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: epoch(1) } });
  const r0 = await report(w, 'q0');
  assert.equal(chart(r0, 'train-accuracy').rows, 2, 'the relu epoch is drawn');
  assert.equal(await w.page.$eval('[data-chart=train-learned]', (c) => (c as HTMLElement).hidden), true, 'nothing learned yet: no chart');
  await w.send({ type: 'train/event', event: { type: 'run/started', runId: 'elu-learnalpha', kernels: 'js', paramCount: 100 } });
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'elu-learnalpha', metrics: epoch(1, [{ alpha: 1.02 }, { alpha: 0.97 }]) } });
  await w.page.waitForSelector('[data-chart=train-learned] svg');
  const r1 = await report(w, 'q1');
  const first = chart(r1, 'train-learned');
  assert.equal(first.rows, 2);
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'elu-learnalpha', metrics: epoch(2, [{ alpha: 1.05 }, { alpha: 0.93 }]) } });
  const r2 = await waitUntil('the second learned epoch appended', async () => {
    const r = await report(w, `q2-${Date.now()}`);
    return chart(r, 'train-learned').rows === 4 ? r : undefined;
  });
  const second = chart(r2, 'train-learned');
  assert.equal(second.embeds, first.embeds, 'appended, not re-embedded');
  assert.ok(second.marks > 0);
  assert.equal(await w.page.$eval('[data-chart=train-learned]', (c) => (c as HTMLElement).hidden), false);
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});
