// What a first-time user meets, in chromium under the host's exact CSP: each section keeps its own
// scroll position; the tab bar is opaque (nothing shows through it); an activation has one colour
// in the lab, the sidebar and the report; the chooser's evidence follows its rules; accuracies
// say on how many images they were measured; notices do not follow the user around; a guide link
// keeps the comparison it replaced; names are display names; VS Code's controls need no CSP relaxation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, isTicked, openWebview, startHarness, stopHarness, waitForPosted, waitInPage, waitUntil, type WebviewPage } from './harness';
import { seriesColour } from '../../src/core/charts/colours';
import type { EpochMetrics } from '../../src/core/train/results';
import type { ExperimentSummary, LabState, ResultsView, Surface } from '../../src/protocol/messages';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

/** Light Modern's values for the variables the checks read (VS Code sets them on the page). */
const LIGHT: Record<string, string> = {
  '--vscode-editor-background': '#ffffff', '--vscode-sideBar-background': '#f8f8f8', '--vscode-foreground': '#3b3b3b', '--vscode-focusBorder': '#0078d4',
};

async function open(surface: Surface, saved: object = {}, extra: Partial<LabState> = {}): Promise<WebviewPage> {
  const w = await openWebview(surface, saved);
  await w.page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(LIGHT)})) document.documentElement.style.setProperty(k, v); document.body.classList.add('vscode-light'); })()`);
  await w.send({ type: 'lab/state', state: { ...state, surface, ...extra } });
  return w;
}

async function drawn(w: WebviewPage, id: string): Promise<void> {
  await w.send({ type: 'lab/query', requestId: id });
  await waitForPosted(w, `every chart drawn (${id})`, (m) => m.type === 'lab/report' && m.requestId === id);
}

const epoch = (e: number, acc: number): EpochMetrics => ({
  epoch: e, loss: 1 - acc, accuracy: acc, val_loss: 1.1 - acc, val_accuracy: acc - 0.01, seconds: 2,
  layers: [{ meanAbsGradient: 0.01, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.02, deadUnitFraction: 0 }, { meanAbsGradient: 0.05 }],
});
const confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 100 : 2)));
const run = (id: string, acc: number, testCount: number, activations = [id, id]) => ({
  id, activations, status: 'completed' as const, history: [epoch(1, acc - 0.02), epoch(2, acc)],
  test: { loss: 0.2, accuracy: acc, count: testCount, confusion, misclassified: [] }, secondsPerEpoch: 2,
});
const QUICK: ResultsView = {
  createdAt: '2026-03-01T10:00:00.000Z', dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 1200 },
  epochs: 2, limitTrain: 6000,
  runs: [run('relu', 0.9167, 1200), run('tanh', 0.91, 1200), run('leaky_relu', 0.92, 1200, ['leaky_relu', 'leaky_relu'])],
};
const FULL: ResultsView = {
  createdAt: '2026-02-01T10:00:00.000Z', dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 48000, validation: 12000, test: 10000 },
  epochs: 2, runs: [run('relu', 0.9751, 10000), run('sigmoid', 0.9702, 10000)],
};
const summary = (id: string, v: ResultsView): ExperimentSummary => ({
  id, createdAt: v.createdAt, dataset: v.dataset.name, epochs: v.epochs, ...(v.limitTrain ? { limitTrain: v.limitTrain } : {}),
  runs: v.runs.map((r) => ({ id: r.id, status: r.status, testAccuracy: r.test!.accuracy, valAccuracy: 0.9, activations: r.activations, epochsDone: r.history.length, testCount: r.test!.count })),
});
const QUICK_ID = '2026-03-01T10-00-00-000Z';
const FULL_ID = '2026-02-01T10-00-00-000Z';
const EXPERIMENTS = [summary(QUICK_ID, QUICK), summary(FULL_ID, FULL)];

test('each section keeps its own scroll position: a scrolled Runs does not scroll the Guide', async () => {
  const w = await open('panel', { section: 'guide' });
  await w.page.waitForSelector('#section-guide [data-ranking] li');
  await drawn(w, 'g');
  const scrollOf = (sel: string) => w.page.$eval(sel, (e) => e.scrollTop);
  assert.equal(await scrollOf('#section-guide'), 0);
  await w.page.$eval('#section-guide', (e) => { e.scrollTop = 900; e.dispatchEvent(new Event('scroll')); });
  await w.page.click('#tab-functions');
  await w.page.waitForSelector('#section-functions');
  assert.equal(await scrollOf('#section-functions'), 0, 'Functions opens at its own position (the top)');
  await drawn(w, 'f');
  await w.page.$eval('#section-functions', (e) => { e.scrollTop = 300; e.dispatchEvent(new Event('scroll')); });
  await w.page.click('#tab-guide');
  await w.page.waitForSelector('#section-guide');
  await waitUntil('the Guide back where it was left', async () => Math.abs((await scrollOf('#section-guide')) - 900) < 2);
  await w.page.click('#tab-functions');
  await waitUntil('Functions back where it was left', async () => Math.abs((await scrollOf('#section-functions')) - 300) < 2);
  const saved = await w.page.evaluate<{ scroll: Record<string, number> }>('window.__state');
  assert.ok(Math.abs(saved.scroll.guide - 900) < 2 && Math.abs(saved.scroll.functions - 300) < 2, `saved with the page's state: ${JSON.stringify(saved.scroll)}`);
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('the tab bar is opaque: after scrolling, what lies under it is the bar, not the section', async () => {
  for (const section of ['functions', 'guide'] as const) {
    const w = await open('panel', { section });
    await drawn(w, section);
    const bg = await w.page.$eval('nav[role=tablist]', (n) => getComputedStyle(n).backgroundColor);
    assert.equal(bg, 'rgb(255, 255, 255)', `${section}: the bar has the editor's opaque background (${bg})`);
    await w.page.$eval(`#section-${section}`, (e) => { e.scrollTop = 600; });
    // Every point of the bar's area: the topmost element there belongs to the header, never to the section.
    const under = await w.page.evaluate<string[]>(`(() => {
      const r = document.querySelector('nav[role=tablist]').getBoundingClientRect();
      const out = [];
      for (let x = r.left + 5; x < r.right; x += 40) for (let y = r.top + 1; y < r.bottom; y += 6) {
        const e = document.elementFromPoint(x, y);
        if (!e || !e.closest('.lab-header')) out.push((e && e.tagName) + ' at ' + Math.round(x) + ',' + Math.round(y));
      }
      return out;
    })()`);
    assert.deepEqual(under, [], `${section}: section content under the tab bar`);
    // And the pixels: the bar's own row, sampled from a screenshot, is the background or the tab text, never a chart's colours.
    const box = (await w.page.$eval('nav[role=tablist]', (n) => { const r = n.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    const shot = await w.page.screenshot({ clip: { x: box.x + box.width - 200, y: box.y + 2, width: 190, height: box.height - 6 } });
    const colours = await pngColours(w, shot);
    assert.deepEqual([...colours].filter((c) => c !== 'ffffff'), [], `${section}: the empty end of the bar is all background`);
    await w.close();
  }
});

test('one colour per activation: the lab\'s charts and table, the sidebar\'s plot and the report agree', async () => {
  const relu = seriesColour('relu', 'light');
  const tanh = seriesColour('tanh', 'light');
  // The lab: Functions compares tanh and relu (relu second); Runs shows relu first.
  const lab = await open('panel', { section: 'functions', fn: { compare: ['tanh', 'relu'] } });
  await drawn(lab, 'c');
  const strokeOf = (w: WebviewPage, chart: string, name: string) => w.page.$$eval(`[data-chart=${chart}] g.mark-line path`, (ps, n) => ps.filter((p) => (p.getAttribute('aria-label') ?? '').includes(n)).map((p) => p.getAttribute('stroke')), name);
  const compareRelu = await strokeOf(lab, 'compare', 'ReLU');
  assert.ok(compareRelu.length > 0 && compareRelu.every((c) => c === relu), `compare: ReLU drawn ${compareRelu.join(', ')}, wanted ${relu}`);
  assert.ok((await strokeOf(lab, 'compare', 'Tanh')).every((c) => c === tanh));
  await lab.send({ type: 'runs/list', experiments: [summary(FULL_ID, { ...FULL, runs: [FULL.runs[1], FULL.runs[0]] })] });
  await lab.page.click('#tab-runs');
  await waitForPosted(lab, 'runs/open', (m) => m.type === 'runs/open' && m.id === FULL_ID);
  await lab.send({ type: 'runs/results', id: FULL_ID, results: { ...FULL, runs: [FULL.runs[1], FULL.runs[0]] } });
  await lab.page.waitForSelector('[data-chart=runs-accuracy] g.mark-line path');
  await drawn(lab, 'r');
  const accRelu = await strokeOf(lab, 'runs-accuracy', 'ReLU');
  assert.ok(accRelu.length > 0 && accRelu.every((c) => c === relu), `accuracy: ReLU drawn ${accRelu.join(', ')} though listed second`);
  const swatch = await lab.page.$eval('tr[data-run=relu] .swatch', (s) => getComputedStyle(s).backgroundColor);
  assert.equal(swatch, hexToRgb(relu), 'the results table\'s swatch');
  await lab.close();
  // The sidebar: relu's small plot.
  const side = await open('sidebar');
  await side.page.waitForSelector('svg.spark');
  const spark = await side.page.$eval('.spark-f[data-series=relu]', (p) => getComputedStyle(p).stroke);
  assert.equal(spark, hexToRgb(relu), 'the sidebar draws relu in its colour');
  await side.close();
  // The report panel: the same experiment.
  const report = await open('report', {}, { experiment: FULL_ID });
  await waitForPosted(report, 'the report asks for its experiment', (m) => m.type === 'runs/open' && m.id === FULL_ID);
  await report.send({ type: 'runs/results', id: FULL_ID, results: FULL });
  await report.page.waitForSelector('[data-chart=report-accuracy] g.mark-line path');
  await drawn(report, 'rep');
  const reportRelu = await strokeOf(report, 'report-accuracy', 'ReLU');
  assert.ok(reportRelu.length > 0 && reportRelu.every((c) => c === relu), `report: ReLU drawn ${reportRelu.join(', ')}`);
  assert.deepEqual(await report.violations(), []);
  await report.close();
});

test('the chooser: runs are evidence for hidden layers only, from one experiment, full runs first, quick ones said to be quick', async () => {
  const w = await open('panel', { section: 'guide' });
  await w.send({ type: 'runs/list', experiments: EXPERIMENTS });
  await w.page.waitForSelector('[data-evidence] [data-kind]');
  // Hidden layer: the older full run is preferred to the newer quick one, and only its figures count.
  assert.equal(await w.page.getAttribute('[data-evidence] [data-kind]', 'data-kind'), 'full');
  const reasons = await w.page.$$eval('[data-ranking] li[data-kind=evidence]', (ls) => ls.map((l) => l.textContent ?? ''));
  assert.ok(reasons.length >= 1, `evidence reasons: ${reasons.join(' | ')}`);
  assert.ok(reasons.every((r) => /full run/.test(r) && /tested on 10,000 images/.test(r)), reasons.join(' | '));
  assert.ok(reasons.some((r) => r.includes('97.51%')) && !reasons.some((r) => r.includes('91.67%')), 'the quick run\'s relu figure is not mixed in');
  // Output layer: no evidence from hidden-layer runs, and a note says why.
  await chooseOption(w, '[data-guide=role]', 'output');
  await chooseOption(w, '[data-guide=task]', 'binary');
  assert.equal(await w.page.$$eval('[data-ranking] li[data-kind=evidence]', (ls) => ls.length), 0);
  assert.match((await w.page.textContent('[data-evidence]')) ?? '', /hidden layers only/);
  // A drawback is marked as one whatever its points: tanh "would need rescaling" is a con.
  const tanh = await w.page.$eval('[data-ranking] > li[data-activation=tanh] li', (l) => ({ kind: l.getAttribute('data-kind'), sign: l.querySelector('.sign')?.textContent, text: l.textContent }));
  assert.equal(tanh.kind, 'con');
  assert.equal(tanh.sign, '−');
  assert.match(tanh.text ?? '', /rescaling.*\(\+2\)/);
  // A score is the sum of the points shown after its reasons.
  for (const item of await w.page.$$('[data-ranking] > li')) {
    const score = Number(await item.$eval('[data-score]', (s) => s.getAttribute('data-score')));
    const points = await item.$$eval('.points', (ps) => ps.map((p) => Number((p.textContent ?? '').replace(/[()]/g, '').replace('−', '-'))));
    assert.ok(Math.abs(points.reduce((a, b) => a + b, 0) - score) < 0.02, `score ${score} vs points ${points.join(' ')}`);
  }
  // Only quick runs: they count, and are said to be quick, with their image counts.
  await w.send({ type: 'runs/list', experiments: [EXPERIMENTS[0]] });
  await chooseOption(w, '[data-guide=role]', 'hidden');
  await w.page.waitForSelector('[data-evidence] [data-kind=quick]');
  assert.match((await w.page.textContent('[data-evidence]')) ?? '', /quick run.*6,000 training images, tested on 1,200/);
  const quick = await w.page.$$eval('[data-ranking] li[data-kind=evidence]', (ls) => ls.map((l) => l.textContent ?? ''));
  assert.ok(quick.length >= 2 && quick.every((r) => /quick run \(6,000 training images, 2 epochs, tested on 1,200 images\)/.test(r)), quick.join(' | '));
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('every accuracy says on how many images; quick and full runs look different; runs have display names and dates', async () => {
  const w = await open('panel', { section: 'runs', runs: { shown: [QUICK_ID] } });
  await w.send({ type: 'runs/list', experiments: EXPERIMENTS });
  await waitForPosted(w, 'runs/open quick', (m) => m.type === 'runs/open' && m.id === QUICK_ID);
  await w.send({ type: 'runs/results', id: QUICK_ID, results: QUICK });
  await w.page.waitForSelector('[data-run-kind=quick]');
  assert.match((await w.page.textContent('[data-run-kind]')) ?? '', /Quick run: 6,000 training images, tested on 1,200 images/);
  assert.equal(await w.page.getAttribute('tr[data-run=relu] [data-test-count]', 'data-test-count'), '1200');
  assert.match((await w.page.textContent('tr[data-run=relu] [data-test-count]')) ?? '', /91\.67% on 1,200/);
  assert.match((await w.page.textContent('tr[data-run=leaky_relu] th')) ?? '', /Leaky ReLU \(alpha 0\.01\)/);
  // The list: a badge per kind, dates in words, runs by name with their image counts.
  assert.deepEqual(await w.page.$$eval('.runs-table [data-kind]', (bs) => bs.map((b) => b.getAttribute('data-kind'))), ['quick', 'full']);
  const row = (await w.page.textContent(`tr[data-experiment="${QUICK_ID}"]`)) ?? '';
  assert.match(row, /1 Mar 2026/);
  assert.doesNotMatch(row, /2026-03-01T/);
  assert.match(row, /Leaky ReLU \(alpha 0\.01\) 92\.0% on 1,200/);
  // Overlaying a quick and a full experiment says so and names each run's kind.
  await w.page.click(`[data-open="${FULL_ID}"]`);
  await waitForPosted(w, 'runs/open full', (m) => m.type === 'runs/open' && m.id === FULL_ID);
  await w.send({ type: 'runs/results', id: FULL_ID, results: FULL });
  await w.page.waitForSelector('[data-run-kind=mixed]');
  const names = await w.page.$$eval('.board tbody th', (ths) => ths.map((t) => t.textContent ?? ''));
  assert.ok(names.some((n) => /ReLU · 1 Mar 2026.* · quick/.test(n)) && names.some((n) => /ReLU · 1 Feb 2026.* · full/.test(n)), names.join(' | '));
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('exported PNG and SVG files are named for what they show', async () => {
  const w = await open('panel', { section: 'runs', runs: { shown: [FULL_ID] } });
  await w.send({ type: 'runs/list', experiments: [EXPERIMENTS[1]] });
  await waitForPosted(w, 'runs/open', (m) => m.type === 'runs/open');
  await w.send({ type: 'runs/results', id: FULL_ID, results: FULL });
  await w.page.waitForSelector('[data-chart=runs-accuracy] svg');
  await drawn(w, 'x');
  await w.page.click('[data-chart=runs-accuracy] [data-export=png]');
  const exported = await waitForPosted(w, 'chart/export', (m) => m.type === 'chart/export');
  assert.match((exported as { name: string }).name, /^accuracy-relu-sigmoid-2026-02-01-\d{4}$/);
  await w.close();
});

test('a notice stays where it was given: a new section or a new job clears it, and it can be closed', async () => {
  const w = await open('panel', { section: 'functions' });
  await w.page.waitForSelector('#section-functions');
  await w.send({ type: 'lab/notice', level: 'info', text: "Saved 'softclip' to the setting activationLab.customActivations." });
  await w.page.waitForSelector('[data-notice=info]');
  await w.page.click('#tab-train');
  await w.page.waitForSelector('#section-train');
  assert.equal(await w.page.$('[data-notice]'), null, 'gone on another tab');
  await w.send({ type: 'lab/notice', level: 'info', text: 'Saved /tmp/gelu.png' });
  await w.page.waitForSelector('[data-notice=info]');
  await w.send({ type: 'train/event', event: { type: 'job/started', job: { id: 'j', kind: 'train', epochs: 1, startedAt: '2026-01-01T00:00:00.000Z', runs: [{ runId: 'relu', activations: ['relu', 'relu'] }] } } });
  await waitInPage(w, `document.querySelector('[data-notice]') === null`, 'the notice gone when a job starts');
  await w.send({ type: 'lab/notice', level: 'error', text: 'x' });
  await w.page.click('[data-action=close-notice]');
  assert.equal(await w.page.$('[data-notice]'), null, 'closed');
  await w.close();
});

test('saving a custom activation keeps the Functions section where it was scrolled', async () => {
  const w = await open('panel', { section: 'functions' });
  await drawn(w, 'f');
  await w.page.$eval('#section-functions', (e) => { e.scrollTop = e.scrollHeight; e.dispatchEvent(new Event('scroll')); });
  const before = await w.page.$eval('#section-functions', (e) => e.scrollTop);
  assert.ok(before > 500, `scrolled to the custom box (${before})`);
  await w.page.click('[data-custom=save]');
  await waitForPosted(w, 'custom/save', (m) => m.type === 'custom/save');
  // The host saves it and sends the new list: the page redraws, at the same place.
  await w.send({ type: 'lab/custom', defs: [{ name: 'swish_beta', expression: 'x * sigmoid(beta * x)', params: { beta: 1 } }] });
  await w.page.waitForSelector('[role=option][data-id=swish_beta]');
  await drawn(w, 'f2');
  const after = await w.page.$eval('#section-functions', (e) => e.scrollTop);
  assert.ok(Math.abs(after - before) < 2, `scroll ${before} -> ${after}`);
  await w.close();
});

test('a guide link that replaces a 7-item comparison keeps it, and one click brings it back', async () => {
  const seven = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'silu'];
  const w = await open('panel', { section: 'guide', fn: { compare: seven } });
  await w.page.waitForSelector('[data-link^="compare:"]');
  await w.page.click('[data-link^="compare:"]');
  await w.page.waitForSelector('#section-functions [data-action=restore-compare]');
  assert.match((await w.page.textContent('.restore-compare')) ?? '', /comparison of 7 activations/);
  await w.page.click('[data-action=restore-compare]');
  await w.page.waitForSelector('#section-functions');
  await waitUntil('the seven ticked again', async () => (await Promise.all(seven.map((id) => isTicked(w, `[data-compare=${id}]`)))).every(Boolean));
  assert.equal(await w.page.$('[data-action=restore-compare]'), null);
  await w.close();
});

test('the activation list shows every name whole and never scrolls sideways', async () => {
  const w = await open('panel', { section: 'functions' });
  await w.page.waitForSelector('[role=option][data-id=gelu_tanh]');
  const clipped = await w.page.$$eval('[role=listbox] [role=option]', (os) => os.filter((o) => o.scrollWidth > o.clientWidth + 1).map((o) => o.textContent));
  assert.deepEqual(clipped, []);
  const list = await w.page.$eval('[role=listbox]', (l) => ({ scroll: l.scrollWidth, client: l.clientWidth }));
  assert.ok(list.scroll <= list.client + 1, `the list scrolls sideways: ${JSON.stringify(list)}`);
  await w.close();
});

test('empty charts have readable ticks (no 0.000000); a stopped run that never started shows no progress', async () => {
  const w = await open('panel', { section: 'train' });
  await w.send({ type: 'train/event', event: { type: 'job/started', job: { id: 'j', kind: 'train', epochs: 5, startedAt: '2026-01-01T00:00:00.000Z', runs: [{ runId: 'relu', activations: ['relu', 'relu'] }, { runId: 'tanh', activations: ['tanh', 'tanh'] }] } } });
  await w.page.waitForSelector('[data-chart=train-accuracy] svg');
  await drawn(w, 'e');
  const ticks = await w.page.$$eval('.chart svg text', (ts) => ts.map((t) => t.textContent ?? ''));
  assert.deepEqual(ticks.filter((t) => /\d\.0{4,}/.test(t)), [], 'no tick with a run of zeros');
  await w.send({ type: 'train/event', event: { type: 'run/started', runId: 'relu', kernels: 'js', paramCount: 100 } });
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: epoch(1, 0.9) } });
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: epoch(2, 0.92) } });
  await w.send({ type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'cancelled', history: [epoch(1, 0.9), epoch(2, 0.92)] } } });
  await w.send({ type: 'train/event', event: { type: 'run/end', runId: 'tanh', outcome: { status: 'cancelled', history: [] } } });
  await w.send({ type: 'train/event', event: { type: 'job/ended', jobId: 'j', status: 'cancelled', hasResults: true } });
  await waitInPage(w, `document.querySelector('.progress-list li[data-run=tanh] progress')?.value === 0`, 'tanh\'s bar empty');
  assert.equal(await w.page.$eval('.progress-list li[data-run=relu] progress', (p) => (p as HTMLProgressElement).value), 0.4, 'relu did 2 of 5 epochs');
  assert.match((await w.page.textContent('.progress-list li[data-run=tanh]')) ?? '', /stopped before it started/);
  assert.match((await w.page.textContent('.progress-list li[data-run=relu]')) ?? '', /stopped after 2\/5 epochs/);
  // The status line counts every run, not only the last.
  assert.equal(await w.page.textContent('[data-train-status]'), 'Stopped. 2 of 2 runs ended, 20% of all epochs done: ReLU stopped after 2/5 epochs, Tanh stopped before it started');
  await w.close();
});

test('after a reload (no job in this session) the Train section shows the newest experiment\'s results', async () => {
  const w = await open('panel', { section: 'train' });
  await w.send({ type: 'train/snapshot', snapshot: null });
  await w.send({ type: 'runs/list', experiments: EXPERIMENTS });
  await waitForPosted(w, 'the newest experiment asked for', (m) => m.type === 'runs/open' && m.id === QUICK_ID);
  await w.send({ type: 'runs/results', id: QUICK_ID, results: QUICK });
  await w.page.waitForSelector('[data-chart=train-accuracy] g.mark-line path');
  assert.match((await w.page.textContent('[data-train-heading]')) ?? '', /Your newest experiment \(1 Mar 2026/);
  assert.doesNotMatch((await w.page.textContent('#section-train')) ?? '', /No training yet/);
  await w.close();
});

test('the Train section offers saved custom activations and the network\'s settings; train/start carries them', async () => {
  const w = await open('panel', { section: 'train', train: { activations: ['relu'], epochs: 2, quick: true, hidden: '128, 64', learningRate: '0.001', batchSize: 32 } });
  await w.send({ type: 'lab/custom', defs: [{ name: 'swish2', expression: 'x*sigmoid(beta*x)', params: { beta: 2 } }] });
  await w.page.waitForSelector('[data-train=swish2][data-custom-activation]');
  await w.page.click('[data-train=swish2]');
  await w.page.fill('[data-setting=hidden] input', '256, 128, 64');
  await w.page.press('[data-setting=hidden] input', 'Enter');
  await w.page.fill('[data-setting=learningRate] input', '0.0005');
  await w.page.press('[data-setting=learningRate] input', 'Enter');
  await w.page.fill('[data-setting=batchSize] input', '64');
  await w.page.press('[data-setting=batchSize] input', 'Enter');
  assert.match((await w.page.textContent('[data-setting=optimizer]')) ?? '', /^Adam/);
  await w.page.click('[data-action=train]');
  const start = await waitForPosted(w, 'train/start', (m) => m.type === 'train/start');
  assert.deepEqual(start, { type: 'train/start', activations: ['relu', 'swish2'], epochs: 2, limitTrain: 6000, hidden: [256, 128, 64], learningRate: 0.0005, batchSize: 64 });
  // A bad width is refused with a reason and nothing is sent.
  await w.page.evaluate(`window.__posted = []`);
  await w.page.fill('[data-setting=hidden] input', '128, 0');
  await w.page.press('[data-setting=hidden] input', 'Enter');
  assert.equal(await w.page.$eval('[data-setting=hidden]', (f) => (f as unknown as { invalid: boolean }).invalid), true);
  await w.close();
});

test('VS Code\'s controls run under the strict CSP with no relaxation: constructed stylesheets, zero violations', async () => {
  for (const [surface, section] of [['panel', 'functions'], ['panel', 'train'], ['panel', 'guide'], ['sidebar', undefined]] as const) {
    const w = await open(surface, section ? { section } : {});
    await w.page.waitForSelector('vscode-checkbox');
    await drawn(w, 'csp');
    const used = await w.page.evaluate<string[]>(`[...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('vscode-')))]`);
    for (const name of used) {
      assert.equal(await w.page.evaluate(`customElements.get(${JSON.stringify(name)}) !== undefined`), true, `${name} is registered by the bundle`);
    }
    // Lit gives each shadow root its styles as constructed stylesheets, which style-src does not govern.
    const adopted = await w.page.evaluate<boolean>(`[...document.querySelectorAll('vscode-checkbox, vscode-button, vscode-textfield')].every((e) => e.shadowRoot && e.shadowRoot.adoptedStyleSheets.length > 0)`);
    assert.equal(adopted, true);
    // The codicon font comes from the page's own resources.
    await waitInPage(w, `document.fonts.check('16px codicon')`, 'the codicon font loaded');
    assert.deepEqual(await w.violations(), [], `${surface} ${section ?? ''}`);
    assert.deepEqual(w.errors, []);
    await w.close();
  }
});

/** The distinct colours of a PNG screenshot, as hex: the page decodes it on a canvas (img-src allows data: URLs). */
async function pngColours(w: WebviewPage, png: Buffer): Promise<Set<string>> {
  const hex = await w.page.evaluate<string[]>(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const out = new Set();
    for (let i = 0; i < d.length; i += 4) out.add([d[i], d[i + 1], d[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join(''));
    return [...out];
  })()`);
  return new Set(hex);
}

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
