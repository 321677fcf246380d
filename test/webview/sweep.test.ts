// The Sweep section in chromium, driven by a fake host: Start posts the sweep the form describes
// (a bad depth list is named instead); as run/end events arrive the grid fills cell by cell, an
// interval appears at the second seed and narrows with more, the charts' datasets grow without
// a re-embed, the verdicts appear; Stop and Resume post what the host needs. Runs draws a saved sweep.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebview, startHarness, stopHarness, typeInto, waitForPosted, waitInPage, type WebviewPage } from './harness';
import { sweepStatistics, type SweepGrid } from '../../src/core/stats/sweep';
import type { LabReport, LabState } from '../../src/protocol/messages';
import type { JobInfo, TrainingEvent } from '../../src/protocol/training';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };
before(startHarness);
after(stopHarness);

const grid: SweepGrid = { activations: ['sigmoid', 'relu'], depths: [2, 8], seeds: [1, 2, 3], runs: [] };
for (const seed of grid.seeds) for (const depth of grid.depths) for (const activation of grid.activations) grid.runs.push({ runId: `${activation}-d${depth}-s${seed}`, activation, depth, seed });
const job: JobInfo = {
  id: '2026-01-01T00-00-00-000Z', kind: 'sweep', epochs: 1, startedAt: '2026-01-01T00:00:00.000Z', sweep: grid,
  runs: grid.runs.map((r) => ({ runId: r.runId, activations: Array.from({ length: r.depth }, () => r.activation) })),
};
const accuracy = (a: string, d: number, seed: number) => (a === 'sigmoid' && d === 8 ? 0.5 : 0.95) + seed * 0.004;
const end = (runId: string): TrainingEvent => {
  const r = grid.runs.find((x) => x.runId === runId)!;
  const layers = Array.from({ length: r.depth + 1 }, (_, i) => ({ meanAbsGradient: 1e-3 * (i + 1) }));
  return {
    type: 'run/end', runId, outcome: {
      status: 'completed', wallSeconds: 1,
      history: [{ epoch: 1, loss: 0.3, accuracy: 0.9, seconds: 1, layers }],
      test: { loss: 0.2, accuracy: accuracy(r.activation, r.depth, r.seed), count: 100, confusion: [], misclassified: [] },
    },
  };
};

async function report(w: WebviewPage): Promise<LabReport> {
  await w.send({ type: 'lab/query', requestId: 'q' });
  const msg = await waitForPosted(w, "the page's lab/report", (m) => m.type === 'lab/report');
  await w.page.evaluate(`window.__posted = window.__posted.filter((m) => m.type !== 'lab/report')`);
  return (msg as { report: LabReport }).report;
}
const cell = (w: WebviewPage, key: string) => w.page.$eval(`[data-cell="${key}"]`, (td) => ({ n: td.getAttribute('data-n'), ci: td.getAttribute('data-ci'), text: td.textContent }));
const half = (ci: string | null) => { const [lo, hi] = ci!.split(',').map(Number); return (hi - lo) / 2; };

test('Sweep: Start posts the form; a bad depth list is named and nothing is posted', async () => {
  const w = await openWebview('panel', { section: 'sweep', sweep: { activations: ['relu', 'tanh'], depths: '2, 4', width: 32, seeds: 2, epochs: 1, quick: true } });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-sweep');
  await w.page.click('[data-action=sweep]');
  const posted = await waitForPosted(w, 'sweep/start', (m) => m.type === 'sweep/start');
  assert.deepEqual(posted, { type: 'sweep/start', activations: ['relu', 'tanh'], depths: [2, 4], width: 32, seeds: 2, epochs: 1, limitTrain: 6000 });
  await typeInto(w, '[data-sweep-depths]', '2,2');
  await w.page.click('[data-action=sweep]');
  await waitInPage(w, `document.querySelector('#section-sweep [role=alert]').textContent.includes('none twice')`, 'the depth problem in words');
  assert.equal((await w.posted()).filter((m) => m.type === 'sweep/start').length, 1);
  assert.equal(await w.page.getAttribute('[data-sweep-depths]', 'aria-invalid'), 'true');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('Sweep: the grid fills cell by cell as runs end, intervals appear at two seeds and narrow, verdicts come; charts grow without a re-embed', async () => {
  const w = await openWebview('panel', { section: 'sweep' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-sweep');
  await w.send({ type: 'train/event', event: { type: 'job/started', job } });
  await waitInPage(w, `document.querySelectorAll('[data-cell]').length === 4`, 'a 2 x 2 grid');
  assert.equal((await cell(w, 'relu@8')).text, '– (0/3)');
  // seed 1 of every cell: a mean, no interval yet
  for (const r of grid.runs.filter((x) => x.seed === 1)) await w.send({ type: 'train/event', event: end(r.runId) });
  await waitInPage(w, `document.querySelector('[data-cell="relu@8"]').getAttribute('data-n') === '1'`, 'the first seed in every cell');
  assert.deepEqual(await cell(w, 'sigmoid@8'), { n: '1', ci: null, text: '50.40 (not enough seeds) (1/3)' });
  assert.match(await w.page.textContent('[data-sweep-status]') ?? '', /4\/12 runs, 0\/4 cells done/);
  const first = await report(w);
  const embeds = first.charts.find((c) => c.id === 'sweep-sweep-accuracy')!.embeds;
  // seed 2: an interval; seed 3: narrower (the spread per seed is the same, n grows)
  for (const r of grid.runs.filter((x) => x.seed === 2)) await w.send({ type: 'train/event', event: end(r.runId) });
  await waitInPage(w, `document.querySelector('[data-cell="sigmoid@8"]').getAttribute('data-n') === '2'`, 'two seeds');
  const two = await cell(w, 'sigmoid@8');
  assert.ok(two.ci, 'an interval at two seeds');
  for (const r of grid.runs.filter((x) => x.seed === 3)) await w.send({ type: 'train/event', event: end(r.runId) });
  await waitInPage(w, `document.querySelector('[data-cell="sigmoid@8"]').getAttribute('data-n') === '3'`, 'three seeds');
  const three = await cell(w, 'sigmoid@8');
  assert.ok(half(three.ci) < half(two.ci), `the interval narrows: ${half(two.ci)} -> ${half(three.ci)}`);
  assert.match(three.text ?? '', /^50\.80 ± \d+\.\d\d \(3\/3\)$/);
  // the verdicts: the statistics are core's, so the page says what sweepStatistics says
  const want = sweepStatistics(grid, grid.runs.map((r) => ({ id: r.runId, status: 'completed', test: { accuracy: accuracy(r.activation, r.depth, r.seed) }, history: [] })));
  const verdicts = await w.page.$$eval('[data-comparison]', (rows) => rows.map((r) => [r.getAttribute('data-comparison'), r.getAttribute('data-verdict')]));
  assert.deepEqual(verdicts, want.comparisons.map((c) => [`${c.depth}:${c.a}:${c.b}`, c.verdict]));
  assert.ok(verdicts.some(([, v]) => v === 'b-better'), 'relu beats sigmoid at depth 8');
  const last = await report(w);
  const acc = last.charts.find((c) => c.id === 'sweep-sweep-accuracy')!;
  assert.equal(acc.embeds, embeds, 'no re-embed as seeds finished');
  assert.equal(acc.rows, 4);
  assert.ok(acc.marks >= 4, `points drawn: ${acc.marks}`);
  assert.equal(last.charts.find((c) => c.id === 'sweep-sweep-differences')!.rows, 2);
  // stopped: Resume asks the host to continue this sweep
  await w.send({ type: 'train/event', event: { type: 'job/ended', jobId: job.id, status: 'cancelled', hasResults: true } });
  await waitInPage(w, `!document.querySelector('[data-action=resume]').hidden`, 'the Resume button');
  await w.page.click('[data-action=resume]');
  assert.deepEqual(await waitForPosted(w, 'train/resume', (m) => m.type === 'train/resume'), { type: 'train/resume', id: job.id });
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('Runs: a saved sweep shows its grid and verdicts; an unfinished one offers Resume', async () => {
  const runs = grid.runs.filter((r) => r.seed < 3).map((r) => ({ id: r.runId, status: 'completed', test: { accuracy: accuracy(r.activation, r.depth, r.seed) }, history: [] }));
  const sweep = { ...sweepStatistics(grid, runs), architectures: [[8, 8], Array.from({ length: 8 }, () => 8)] };
  const w = await openWebview('panel', { section: 'runs' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-runs');
  await w.send({ type: 'runs/list', experiments: [{ id: job.id, createdAt: job.startedAt, dataset: 'mnist', epochs: 1, runs: runs.map((r) => ({ id: r.id, status: 'completed', testAccuracy: r.test.accuracy, valAccuracy: null })), sweep }] });
  await waitInPage(w, `document.querySelector('[data-experiment]')?.textContent.includes('sweep: 2 activations × 2 depths × 3 seeds')`, 'the sweep in the list');
  assert.ok(await w.page.$(`[data-resume="${job.id}"]`), 'eight of twelve runs: Resume is offered');
  await w.send({
    type: 'runs/results', id: job.id,
    results: { createdAt: job.startedAt, dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 400, validation: 100, test: 100 }, epochs: 1, runs: runs.map((r) => ({ ...r, activations: [], secondsPerEpoch: null, test: { ...r.test, loss: 0.2, count: 100, confusion: [], misclassified: [] } })), sweep },
  });
  await waitInPage(w, `document.querySelectorAll('#section-runs [data-cell]').length === 4`, 'the saved grid');
  assert.equal((await cell(w, 'relu@2')).n, '2');
  assert.ok((await w.page.textContent('[data-sweep-method]'))?.startsWith('Each cell'));
  assert.deepEqual(w.errors, []);
  await w.close();
});
