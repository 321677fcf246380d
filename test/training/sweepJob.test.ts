// The sweep as a job: its plan (a run per activation x depth x seed, ids one path segment, seed
// by seed), what it keeps to resume, and results.json's sweep object, on a pool that ends each
// run at once with a made-up accuracy (the statistics themselves are checked against SciPy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PATH_SEGMENT } from '../../src/core/runs/pathSegment';
import type { ResultsFile } from '../../src/core/runs/resultsFile';
import { summarize } from '../../src/core/stats/summary';
import type { RunOutcome } from '../../src/core/train/results';
import { parseJobInfo, parseTrainingEvent, type RunEnd, type RunEvent, type RunSpec, type TrainingEvent } from '../../src/protocol/training';
import { parseResultsView } from '../../src/protocol/validate';
import { interruptedExperiments, isSweepExperiment, listExperiments, unfinishedSweeps } from '../../src/training/experiments';
import { runJob } from '../../src/training/jobs/job';
import { resumeSweepSpec, SWEEP_PLAN_FILE, sweepArchitectures, sweepJob, type SweepJobSpec } from '../../src/training/jobs/sweepJob';
import type { RunHandle, RunPool } from '../../src/training/runPool';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'actlab-sweep-'));

function spec(outDir: string, over: Partial<SweepJobSpec> = {}): SweepJobSpec {
  return {
    activations: [[{ id: 'sigmoid' }], [{ id: 'relu' }], [{ id: 'leaky_relu', params: { alpha: 0.3 } }]],
    architectures: sweepArchitectures([2, 4], 16), seeds: [7, 8], settings: { epochs: 1, limitTrain: 500 },
    outDir, libraries: null, ...over,
  };
}

/** A pool that ends every run at once: completed with an accuracy from `accuracy(spec)`, or as `status` says. */
class InstantPool implements RunPool {
  readonly maxWorkers = 2;
  readonly started: RunSpec[] = [];
  private readonly listeners = new Set<(e: RunEvent) => void>();
  constructor(private readonly outcome: (s: RunSpec) => Partial<RunOutcome> & Pick<RunOutcome, 'status'>) {}
  start(s: RunSpec): RunHandle {
    this.started.push(s);
    const o = this.outcome(s);
    const history = o.status === 'completed' ? [{ epoch: 1, loss: 0.3, accuracy: 0.9, seconds: 0.1, layers: s.config.hidden.concat([10]).map((_, i) => ({ meanAbsGradient: 1e-3 * (i + 1) })) }] : [];
    const end: RunEnd = { type: 'run/end', runId: s.runId, outcome: { history, wallSeconds: 0.1, sizes: { train: 400, validation: 100, test: 100 }, ...o } };
    const done = Promise.resolve().then(() => {
      for (const l of this.listeners) { l({ type: 'run/queued', runId: s.runId }); l(end); }
      return end;
    });
    return { runId: s.runId, done, cancel: () => undefined };
  }
  cancel(): void {}
  cancelAll(): void {}
  onEvent(l: (e: RunEvent) => void) { this.listeners.add(l); return () => this.listeners.delete(l); }
  async dispose(): Promise<void> {}
}

const accuracyOf = (s: RunSpec) => {
  const a = JSON.stringify(s.config.activations[0]);
  return 0.95 - (a.includes('sigmoid') ? 0.05 * s.config.hidden.length : 0) + s.config.seed * 1e-3;
};
const test_ = (accuracy: number) => ({ loss: 0.2, accuracy, count: 100, confusion: [], misclassified: [] });

test('the plan: one run per activation x depth x seed, seed by seed, ids that are one path segment, the grid in the announcement', () => {
  const p = sweepJob.plan(spec('/x/2026-01-01T00-00-00-000Z'));
  assert.equal(p.runs.length, 3 * 2 * 2);
  assert.deepEqual(p.runs.slice(0, 6).map((r) => r.runId), [
    'sigmoid-d2-s7', 'relu-d2-s7', 'leaky_relu-alpha0.3-d2-s7', 'sigmoid-d4-s7', 'relu-d4-s7', 'leaky_relu-alpha0.3-d4-s7',
  ]);
  for (const r of p.runs) {
    assert.match(r.runId, PATH_SEGMENT);
    assert.equal(path.basename(r.runDir!), r.runId);
    assert.equal(r.config.hidden.length, r.config.activations.length);
  }
  const deep = p.runs.find((r) => r.runId === 'relu-d4-s8')!;
  assert.deepEqual([deep.config.hidden, deep.config.seed, deep.config.epochs, deep.config.limitTrain], [[16, 16, 16, 16], 8, 1, 500]);
  assert.equal(p.info.kind, 'sweep');
  assert.deepEqual(p.info.sweep!.activations, ['sigmoid', 'relu', 'leaky_relu(alpha=0.3)']);
  assert.deepEqual(p.info.sweep!.depths, [2, 4]);
  assert.deepEqual(p.info.sweep!.runs.find((r) => r.runId === 'relu-d4-s8'), { runId: 'relu-d4-s8', activation: 'relu', depth: 4, seed: 8 });
  // the announcement crosses to the page: its parser takes it as it is
  assert.deepEqual(parseJobInfo(JSON.parse(JSON.stringify(p.info))), p.info);
  // one architecture (actlab train --seeds): no depth in the names
  const one = sweepJob.plan(spec('/x/y', { architectures: [[128, 64]], activations: [[{ id: 'relu' }, { id: 'tanh' }]] }));
  assert.deepEqual(one.runs.map((r) => r.runId), ['relu+tanh-s7', 'relu+tanh-s8']);
});

test('plans that cannot be trained are refused before anything starts, saying why', () => {
  const cases: [Partial<SweepJobSpec>, RegExp][] = [
    [{ activations: [] }, /no activations/],
    [{ seeds: [] }, /no seeds/],
    [{ seeds: [1, 1] }, /seed 1 is listed twice/],
    [{ architectures: [[8, 8], [4, 4]] }, /depth 2 is listed twice/],
    [{ activations: [[{ id: 'relu' }], [{ id: 'relu' }]] }, /relu is listed twice/],
    [{ activations: [[{ id: 'relu' }, { id: 'tanh' }]] }, /2 activations for 4 hidden layers/],
    [{ architectures: [Array.from({ length: 40 }, () => 4)] }, /depths go up to 32/],
    [{ seeds: Array.from({ length: 400 }, (_, i) => i) }, /at most 20 seeds/],
    [{ settings: { epochs: 0 } }, /epochs must be an integer/],
  ];
  for (const [over, message] of cases) assert.throws(() => sweepJob.plan(spec('/x/y', over)), message, JSON.stringify(over));
});

test("runJob writes results.json with the sweep object, and a sweep cut off resumes from its plan", async () => {
  const dir = tmp();
  try {
    const outDir = path.join(dir, '2026-01-01T00-00-00-000Z');
    const events: TrainingEvent[] = [];
    // relu at depth 4, seed 8 fails: its cell keeps one seed and cannot be compared
    const pool = new InstantPool((s) => (s.runId === 'relu-d4-s8' ? { status: 'failed', error: 'boom' } : { status: 'completed', test: test_(accuracyOf(s)) }));
    const end = await runJob(sweepJob, spec(outDir), pool, { emit: (e) => events.push(e) });
    assert.equal(end.status, 'completed', end.error);
    for (const e of events) assert.equal(typeof parseTrainingEvent(JSON.parse(JSON.stringify(e))), 'object');
    const file = JSON.parse(readFileSync(path.join(outDir, 'results.json'), 'utf8')) as ResultsFile;
    assert.deepEqual(file.runs.map((r) => r.id), pool.started.map((r) => r.runId));
    const sweep = file.sweep!;
    assert.deepEqual(sweep.architectures, [[16, 16], [16, 16, 16, 16]]);
    assert.deepEqual([sweep.activations, sweep.depths, sweep.seeds, sweep.alpha], [['sigmoid', 'relu', 'leaky_relu(alpha=0.3)'], [2, 4], [7, 8], 0.05]);
    const cell = sweep.cells.find((c) => c.activation === 'sigmoid' && c.depth === 4)!;
    assert.deepEqual(cell.accuracies, [0.95 - 0.2 + 0.007, 0.95 - 0.2 + 0.008]);
    assert.deepEqual({ n: cell.n, mean: cell.mean, sd: cell.sd, ci95: cell.ci95 }, summarize(cell.accuracies));
    assert.deepEqual(cell.gradients, [1e-3, 2e-3, 3e-3, 4e-3, 5e-3]);
    const failed = sweep.cells.find((c) => c.activation === 'relu' && c.depth === 4)!;
    assert.deepEqual([failed.n, failed.planned, failed.seeds, failed.sd], [1, 2, [7], null]);
    assert.equal(sweep.comparisons.length, 6);
    assert.deepEqual(sweep.comparisons.filter((c) => c.verdict === 'not-enough-seeds').map((c) => `${c.a}/${c.b}`), ['sigmoid/relu', 'relu/leaky_relu(alpha=0.3)']);
    assert.equal(sweep.tests, 4);
    assert.match(sweep.method, /\(4 here\)/);
    // the page reads it back whole
    const view = parseResultsView({ ...file, epochs: 1 });
    assert.ok(typeof view === 'object' && view.sweep?.cells.length === 6, JSON.stringify(view).slice(0, 200));
    assert.equal(listExperiments(dir).experiments[0].sweep?.tests, 4);
    // it kept its plan; a run left undone makes it unfinished, and resuming plans the same runs again
    assert.ok(isSweepExperiment(outDir) && existsSync(path.join(outDir, SWEEP_PLAN_FILE)));
    assert.deepEqual(unfinishedSweeps(dir), [outDir]);
    const resumed = resumeSweepSpec(outDir);
    assert.equal(resumed.resume, true);
    const again = sweepJob.plan({ ...resumed, libraries: null });
    assert.deepEqual(again.runs.map((r) => r.runId), pool.started.map((r) => r.runId));
    assert.ok(again.runs.every((r) => r.resume));
    // cut off before results.json: still found, as interrupted and as unfinished
    rmSync(path.join(outDir, 'results.json'));
    assert.deepEqual(interruptedExperiments(dir), [outDir]);
    writeFileSync(path.join(outDir, SWEEP_PLAN_FILE), '{"format":"activation-lab/sweep-plan","version":1,"activations":[[{"id":"relu"}]],"architectures":[[4,4],[2,2]],"seeds":[1],"settings":{}}');
    assert.throws(() => resumeSweepSpec(outDir), /sweep\.json is damaged: depth 2 is listed twice/);
    writeFileSync(path.join(outDir, SWEEP_PLAN_FILE), '{ nope');
    assert.throws(() => resumeSweepSpec(outDir), /cannot read .*sweep\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
