// The Playground section in chromium under the panel's exact CSP (worker-src blob: and nothing
// else relaxed), driven like a user: Play trains in the Web Worker and the views follow, Pause,
// Step and Reset, the controls change the network and are saved; own points by click and
// shift-click; CSV with a bad line refused naming it; a race of two networks; the export request
// to the host; no CSP violation and no page error anywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, openWebview, startHarness, stopHarness, waitForPosted, waitInPage, waitUntil, type WebviewPage } from './harness';
import type { LabReport, LabState, PlaygroundReport } from '../../src/protocol/messages';
import { DEFAULT_PLAYGROUND, mergePlaygroundSettings, type PlaygroundSettings } from '../../src/core/playground/settings';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

let queries = 0;
async function report(w: WebviewPage): Promise<PlaygroundReport> {
  const requestId = `pg-${++queries}`;
  await w.send({ type: 'lab/query', requestId });
  const msg = await waitForPosted(w, `lab/report ${requestId}`, (m) => m.type === 'lab/report' && m.requestId === requestId);
  await w.page.evaluate(`window.__posted = window.__posted.filter((m) => m.type !== 'lab/report')`);
  const r = (msg as { report: LabReport }).report;
  assert.equal(r.section, 'playground');
  assert.ok(r.playground, 'the report has the playground');
  return r.playground;
}

async function open(saved: Partial<PlaygroundSettings> = {}): Promise<WebviewPage> {
  const w = await openWebview('panel', { section: 'playground', playground: saved });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-playground [data-pg=play]');
  return w;
}

/** What the page saved (the defaults where it has saved nothing yet). */
const saved = async (w: WebviewPage): Promise<PlaygroundSettings> =>
  mergePlaygroundSettings(DEFAULT_PLAYGROUND, (await w.page.evaluate<{ playground?: unknown }>('window.__state')).playground).settings;

async function clean(w: WebviewPage): Promise<void> {
  assert.deepEqual(await w.violations(), [], 'no CSP violations');
  assert.deepEqual(w.errors, [], 'no page errors');
  await w.close();
}

test('the panel allows a blob: worker and nothing more; the sidebar not even that', async () => {
  const w = await open();
  const csp = (await w.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content')) ?? '';
  assert.match(csp, /worker-src blob:/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
  await clean(w);
  const side = await openWebview('sidebar');
  assert.doesNotMatch((await side.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content')) ?? '', /worker-src/);
  await side.close();
});

test('Play trains in the worker and every view follows; Pause stops; Step is one epoch; Reset starts again from the same weights', async () => {
  const w = await open({ dataset: 'xor', hidden: [4, 2], activations: ['tanh', 'tanh'] });
  const first = await waitUntil('the first frame', async () => { const r = await report(w); return r.nets[0]?.boundaryFrames ? r : undefined; });
  assert.equal(first.dataset, 'xor');
  assert.deepEqual(first.nets[0].activations, ['tanh', 'tanh']);
  const initialLoss = first.nets[0].testLoss!;
  await w.page.click('[data-pg=play]');
  assert.equal(await w.page.getAttribute('[data-pg=play]', 'aria-pressed'), 'true');
  const trained = await waitUntil('30 epochs', async () => { const r = await report(w); return r.nets[0].epoch >= 30 ? r : undefined; });
  assert.ok(trained.running);
  assert.ok(trained.nets[0].testLoss! < initialLoss, `test loss fell from ${initialLoss} to ${trained.nets[0].testLoss}`);
  assert.ok(trained.nets[0].positive > 0 && trained.nets[0].negative > 0, 'the boundary has both classes');
  // A neuron per hidden unit and the output, each painted; a line per weight.
  assert.equal(await w.page.$$eval('.pg-net [data-neuron]', (n) => n.length), 4 + 2 + 1);
  const { positive, negative, zero } = trained.links;
  assert.equal(positive + negative + zero, 2 * 4 + 4 * 2 + 2 * 1, 'a line per weight');
  assert.ok(positive > 0 && negative > 0, `weights of both signs drawn (${positive} positive, ${negative} negative)`);
  assert.match((await w.page.textContent('[data-pg-loss="0"]')) ?? '', /Training loss \d\.\d{3} · test loss \d\.\d{3}/);

  await w.page.click('[data-pg=play]'); // pause
  const paused = await waitUntil('the pause', async () => { const r = await report(w); return r.running ? undefined : r; });
  await new Promise((r) => setTimeout(r, 300));
  const still = await report(w);
  assert.ok(still.nets[0].epoch - paused.nets[0].epoch <= 1, 'no training after pause (at most the frame in flight)');
  const before = still.nets[0].epoch;
  await w.page.click('[data-pg=step]');
  await waitUntil('one more epoch', async () => (await report(w)).nets[0].epoch === before + 1);

  await w.page.click('[data-pg=reset]');
  const reset = await waitUntil('epoch 0 again', async () => { const r = await report(w); return r.nets[0].epoch === 0 && r.nets[0].boundaryFrames > 0 ? r : undefined; });
  assert.equal(reset.nets[0].testLoss, initialLoss, 'the same seed gives the same initial weights');
  await clean(w);
});

test('controls change the network and the data, and are saved with the page', async () => {
  const w = await open();
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  await w.page.click('[data-dataset=spiral]');
  await w.page.click('[data-pg=add-layer]');
  await w.page.click('[data-pg=add-neuron-0]');
  await w.page.click('[data-feature=sinX1]');
  await chooseOption(w, '[data-pg-activation="2"]', 'gelu');
  await chooseOption(w, '[data-pg=learningRate]', '0.1');
  await chooseOption(w, '[data-pg=loss]', 'squared_error');
  await chooseOption(w, '[data-pg=regularization]', 'l2');
  await w.page.$eval('[data-pg=noise]', (e) => { (e as HTMLInputElement).value = '25'; e.dispatchEvent(new Event('change')); });
  const s = await saved(w);
  assert.equal(s.dataset, 'spiral');
  assert.deepEqual(s.hidden, [5, 2, 2]);
  assert.deepEqual(s.activations, ['tanh', 'tanh', 'gelu']);
  assert.deepEqual(s.features, ['x1', 'x2', 'sinX1']);
  assert.equal(s.learningRate, 0.1);
  assert.equal(s.loss, 'squared_error');
  assert.equal(s.regularization, 'l2');
  assert.equal(s.noise, 25);
  const r = await waitUntil('the new network drawn', async () => { const x = await report(w); return x.nets[0].activations.join() === 'tanh,tanh,gelu' && x.nets[0].boundaryFrames > 0 ? x : undefined; });
  assert.equal(r.dataset, 'spiral');
  assert.equal(await w.page.$$eval('.pg-net [data-neuron]', (n) => n.length), 5 + 2 + 2 + 1);
  // beside every activation choice its f and f' plot, and its formula on hover
  assert.equal(await w.page.$$eval('.pg-activation svg.spark', (p) => p.length), 3);
  assert.equal(await w.page.$$eval('.pg-activation svg.spark path', (p) => p.length), 3 * 2, 'f and f\' each');
  assert.match((await w.page.getAttribute('[data-pg-activation="2"]', 'title')) ?? '', /GELU|Φ|erf/);
  // regression: plane data, the loss is squared error only
  await chooseOption(w, '[data-pg=task]', 'regression');
  await waitUntil('the plane', async () => (await report(w)).dataset === 'reg-plane');
  assert.equal(await w.page.$eval('[data-pg=loss]', (e) => (e as HTMLSelectElement).disabled), true);
  await clean(w);
});

test('own points: a click adds the selected class where it lands, Shift+click the other', async () => {
  const w = await open({ dataset: 'gauss' });
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  const box = (await (await w.page.$('[data-pg-boundary="0"]'))!.boundingBox())!;
  // (x, y) = (3, -3) of the plane [-6, 6]² is 3/4 across and 3/4 down
  await w.page.click('[data-pg-boundary="0"]', { position: { x: box.width * 0.75, y: box.height * 0.75 } });
  await w.page.click('[data-pg-boundary="0"]', { position: { x: box.width * 0.25, y: box.height * 0.25 }, modifiers: ['Shift'] });
  const s = await saved(w);
  assert.equal(s.dataset, 'own', 'the data became the user\'s');
  assert.equal(s.own.classification.length, 502, 'the 500 shown points and two clicks');
  const [a, b] = s.own.classification.slice(-2);
  assert.ok(Math.abs(a[0] - 3) < 0.1 && Math.abs(a[1] + 3) < 0.1 && a[2] === 1, `click: ${a.join(', ')}`);
  assert.ok(Math.abs(b[0] + 3) < 0.1 && Math.abs(b[1] - 3) < 0.1 && b[2] === 0, `shift-click: ${b.join(', ')}`);
  await waitUntil('the own data drawn', async () => (await report(w)).dataset === 'own');
  assert.match((await w.page.textContent('[data-pg=own-count]')) ?? '', /502/);
  // the brush picks class 0: now a plain click adds class 0
  await chooseOption(w, '[data-pg=brush]', '0');
  await w.page.click('[data-pg-boundary="0"]', { position: { x: box.width / 2, y: box.height / 2 } });
  assert.equal((await saved(w)).own.classification.at(-1)![2], 0);
  await clean(w);
});

test('CSV: a bad line is refused with its line number and nothing changes; a good text loads', async () => {
  const w = await open();
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  await w.page.fill('[data-pg=csv]', 'x,y,label\n1,1,1\n2,oops,0\n');
  await w.page.click('[data-pg=load-csv]');
  assert.equal(await w.page.textContent('[data-pg=csv-status]'), 'line 3: y is not a number: "oops"');
  assert.deepEqual((await saved(w)).own.classification, []);
  assert.equal((await saved(w)).dataset, 'circle');
  await w.page.fill('[data-pg=csv]', 'x,y,label\n1,1,1\n-2,-2,0\n3,-1,1\n-1,4,0\n');
  await w.page.click('[data-pg=load-csv]');
  await waitUntil('the points loaded', async () => (await report(w)).dataset === 'own');
  assert.deepEqual((await saved(w)).own.classification, [[1, 1, 1], [-2, -2, 0], [3, -1, 1], [-1, 4, 0]]);
  assert.equal(await w.page.textContent('[data-pg=csv-status]'), 'Loaded 4 points.');
  // a file goes through the same check
  await w.page.setInputFiles('[data-pg=csv-file]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,1\n9,0,1\n') });
  await waitInPage(w, `document.querySelector('[data-pg=csv-status]')?.textContent.startsWith('line 2')`, 'the file refused at line 2');
  assert.equal(await w.page.textContent('[data-pg=csv-status]'), 'line 2: the point (9, 0) lies outside the plane [-6, 6]²; rescale the data');
  assert.equal((await saved(w)).own.classification.length, 4, 'the loaded points stay');
  await clean(w);
});

test('race: two networks on the same data from the same weights; the same activations train identically, different ones do not', async () => {
  const w = await open({ dataset: 'xor', race: true, activations: ['tanh', 'tanh'], raceActivations: ['tanh', 'tanh'], speed: 'fast' });
  await w.page.click('[data-pg=play]');
  const same = await waitUntil('40 epochs of both', async () => { const r = await report(w); return r.nets.length === 2 && r.nets[1].epoch >= 40 ? r : undefined; });
  await w.page.click('[data-pg=play]');
  const [a, b] = (await waitUntil('the pause', async () => { const r = await report(w); return r.running ? undefined : r; })).nets;
  assert.ok(same.race);
  assert.equal(a.epoch, b.epoch);
  assert.equal(a.testLoss, b.testLoss, 'identical twins');
  assert.equal(await w.page.$$eval('canvas.pg-boundary', (c) => c.length), 2);
  // sigmoid against relu
  await chooseOption(w, '[data-pg-activation="0"]', 'sigmoid');
  await chooseOption(w, '[data-pg-activation="1"]', 'sigmoid');
  await chooseOption(w, '[data-pg-race-activation="0"]', 'relu');
  await chooseOption(w, '[data-pg-race-activation="1"]', 'relu');
  await w.page.click('[data-pg=play]');
  const raced = await waitUntil('both boundaries drawn after 20 epochs', async () => {
    const r = await report(w);
    return r.nets.length === 2 && r.nets.every((n) => n.epoch >= 20 && n.boundaryFrames > 1) ? r : undefined;
  });
  assert.deepEqual(raced.nets.map((n) => n.activations), [['sigmoid', 'sigmoid'], ['relu', 'relu']]);
  assert.notEqual(raced.nets[0].testLoss, raced.nets[1].testLoss);
  assert.ok(raced.nets.every((n) => n.positive + n.negative === 100 * 100), 'each boundary is a 100×100 map');
  await clean(w);
});

test('export: the page sends the trained model and its own outputs on a grid to the host', async () => {
  const w = await open({ features: ['x1', 'x2', 'sinX1'], hidden: [3], activations: ['elu'] });
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  await w.page.click('[data-pg=step]');
  await w.page.click('[data-pg=export-0]');
  const m = await waitForPosted(w, 'playground/export', (x) => x.type === 'playground/export');
  if (m.type !== 'playground/export') throw new Error('unreachable');
  assert.deepEqual(m.model.features, ['x1', 'x2', 'sinX1']);
  assert.deepEqual(m.model.activations, [{ id: 'elu' }]);
  assert.equal(m.model.params.length, 3 * 3 + 3 + 3 + 1);
  assert.equal(m.check.outputs.length, 21 * 21);
  assert.ok(m.check.outputs.every((p) => p > 0 && p < 1), 'probabilities');
  await clean(w);
});

test('a neuron clicked (or chosen with the keyboard) becomes the big view; the MNIST link opens the trainer on the activations', async () => {
  const w = await open({ hidden: [2], activations: ['relu'] });
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  await w.page.focus('[data-neuron="0-1"]');
  await w.page.keyboard.press('Enter');
  assert.equal(await w.page.getAttribute('[data-neuron="0-1"]', 'aria-pressed'), 'true');
  assert.match((await w.page.textContent('[data-pg=focus-note]')) ?? '', /layer 1, neuron 2/);
  await w.page.click('[data-neuron=output]');
  assert.equal(await w.page.getAttribute('[data-neuron=output]', 'aria-pressed'), 'true');
  await w.page.click('[data-pg=mnist]');
  await w.page.waitForSelector('#section-train');
  assert.deepEqual((await w.page.evaluate<{ train: { activations: string[] } }>('window.__state')).train.activations, ['relu']);
  await clean(w);
});

test('the host opens the playground on settings and starts it; invalid settings are dropped', async () => {
  const w = await openWebview('panel', { section: 'functions' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-functions');
  await w.send({ type: 'lab/show', section: 'playground', playground: { settings: { dataset: 'spiral', activations: ['sigmoid'], noise: 999 }, play: true } });
  const r = await waitUntil('training on the spiral', async () => {
    if (!(await w.page.$('#section-playground'))) return undefined;
    const x = await report(w);
    return x.running && x.nets[0].epoch > 2 ? x : undefined;
  });
  assert.equal(r.dataset, 'spiral');
  assert.deepEqual(r.nets[0].activations, ['sigmoid', 'sigmoid']);
  assert.equal((await saved(w)).noise, 0, 'noise 999 was dropped');
  await clean(w);
});

test('keyboard: a control that redraws the section keeps the focus (Enter on "+" adds neurons one after another)', async () => {
  const w = await open({ hidden: [2], activations: ['tanh'] });
  await waitUntil('the first frame', async () => (await report(w)).nets[0]?.boundaryFrames);
  await w.page.focus('[data-pg=add-neuron-0]');
  await w.page.keyboard.press('Enter');
  await w.page.keyboard.press('Enter');
  assert.deepEqual((await saved(w)).hidden, [4]);
  assert.equal(await w.page.evaluate(`document.activeElement?.getAttribute('data-pg')`), 'add-neuron-0');
  await w.page.focus('[data-feature=x1Squared]');
  await w.page.keyboard.press('Space');
  assert.deepEqual((await saved(w)).features, ['x1', 'x2', 'x1Squared']);
  assert.equal(await w.page.evaluate(`document.activeElement?.getAttribute('data-feature')`), 'x1Squared');
  assert.equal(await w.page.getAttribute('[data-feature=x1Squared]', 'aria-pressed'), 'true');
  await clean(w);
});
