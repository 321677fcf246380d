// ProcessPool: a WorkerPool in a forked Node process (src/training/poolProcess.ts under tsx here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RESULTS_FILE, type ResultsFile } from '../../src/core/runs/resultsFile';
import { loadRunRecord } from '../../src/core/runs/runStore';
import { makeConfig } from '../../src/core/train/config';
import type { RunOutcome } from '../../src/core/train/results';
import type { RunEvent } from '../../src/protocol/training';
import { defaultPoolProcessEntry } from '../../src/training/entries';
import { runJob } from '../../src/training/jobs/job';
import { trainJob } from '../../src/training/jobs/trainJob';
import { ProcessPool } from '../../src/training/processPool';

const quick = makeConfig({ epochs: 1, limitTrain: 500, limitTest: 200 });
const long = makeConfig({ epochs: 200, limitTrain: 500, limitTest: 200 });

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'actlab-remote-'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves at the first event of `runId` that `pick` accepts. */
function when(pool: ProcessPool, runId: string, pick: (e: RunEvent) => boolean): Promise<RunEvent> {
  return new Promise((resolve) => {
    const off = pool.onEvent((e) => {
      if (e.runId === runId && pick(e)) {
        off();
        resolve(e);
      }
    });
  });
}

test('a quick run trains in the child process from the dataset spec, with the usual events and run folder', async () => {
  const dir = tmp();
  const pool = new ProcessPool({ maxWorkers: 1 });
  const events: RunEvent[] = [];
  pool.onEvent((e) => events.push(e));
  try {
    const runDir = path.join(dir, 'relu');
    const handle = pool.start({ runId: 'relu', config: quick, runDir });
    assert.ok(pool.pid && pool.pid !== process.pid, 'a separate process');
    const r = (await handle.done).outcome;
    assert.equal(r.status, 'completed', r.error);
    assert.equal(r.history.length, 1);
    assert.ok(r.test!.accuracy > 0.5, `accuracy ${r.test!.accuracy}`);
    assert.deepEqual(r.sizes, { train: 400, validation: 100, test: 200 });
    assert.match(r.kernels!, /^(js|wasm-simd|wasm-relaxed-simd)$/);
    const types = events.map((e) => e.type).filter((t) => t !== 'run/progress');
    assert.deepEqual(types, ['run/queued', 'run/started', 'run/epoch', 'run/end']);
    assert.equal(loadRunRecord(runDir).status, 'completed');
  } finally {
    const pid = pool.pid;
    await pool.dispose();
    assert.ok(pid === undefined || !alive(pid), 'dispose ends the training process');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cancel stops a run in the child, keeping its finished epochs; a duplicate id is refused', async () => {
  const dir = tmp();
  const pool = new ProcessPool({ maxWorkers: 2, kernels: 'js' });
  try {
    const runDir = path.join(dir, 'long');
    const handle = pool.start({ runId: 'long', config: long, runDir });
    assert.throws(() => pool.start({ runId: 'long', config: quick }), /already queued or running/);
    await when(pool, 'long', (e) => e.type === 'run/epoch' && e.metrics.epoch === 2);
    handle.cancel();
    const r = (await handle.done).outcome;
    assert.equal(r.status, 'cancelled');
    assert.ok(r.history.length >= 2 && r.history.length < 200, `${r.history.length} epochs`);
    assert.equal(loadRunRecord(runDir).status, 'cancelled');
    // the pool goes on after a cancel
    assert.equal((await pool.start({ runId: 'after', config: quick }).done).outcome.status, 'completed');
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the child dying fails every run it held, with the reason; the next start forks a new child', async () => {
  const dir = tmp();
  const pool = new ProcessPool({ maxWorkers: 2, kernels: 'js' });
  try {
    const a = pool.start({ runId: 'a', config: long, runDir: path.join(dir, 'a') });
    const b = pool.start({ runId: 'b', config: long });
    await Promise.all([when(pool, 'a', (e) => e.type === 'run/epoch'), when(pool, 'b', (e) => e.type === 'run/started')]);
    const first = pool.pid!;
    process.kill(first, 'SIGKILL');
    const [ra, rb] = (await Promise.all([a.done, b.done])).map((e) => e.outcome) as [RunOutcome, RunOutcome];
    for (const r of [ra, rb]) {
      assert.equal(r.status, 'failed');
      assert.match(r.error!, /the training process stopped unexpectedly \(killed by SIGKILL\)/);
    }
    assert.ok(ra.history.length >= 1, 'the epochs heard before the crash are kept');
    // the host recorded the failure in the run's folder (the child could not)
    const record = loadRunRecord(path.join(dir, 'a'));
    assert.equal(record.status, 'failed');
    assert.match(record.error!, /killed by SIGKILL/);
    assert.equal(pool.pid, undefined);
    const again = pool.start({ runId: 'again', config: quick });
    assert.ok(pool.pid && pool.pid !== first, 'a new child');
    assert.equal((await again.done).outcome.status, 'completed');
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed messages from the child are ignored; a dataset that does not load fails its run with the reason', async () => {
  const entry = { ...defaultPoolProcessEntry(), file: path.join(__dirname, 'fixtures', 'noisyPoolProcess.ts') };
  const pool = new ProcessPool({ maxWorkers: 1, kernels: 'js', entry });
  try {
    const r = (await pool.start({ runId: 'quick', config: quick }).done).outcome;
    assert.equal(r.status, 'completed', r.error);
    assert.equal(r.history.length, 1);
    assert.ok(pool.ignoredMessages >= 6 + 3, `ignored ${pool.ignoredMessages}`);
    const bad = (await pool.start({ runId: 'bad', config: { ...quick, dataset: '/nonexistent/idx' } }).done).outcome;
    assert.equal(bad.status, 'failed');
    assert.match(bad.error!, /could not load the dataset: unknown dataset '\/nonexistent\/idx'/);
  } finally {
    await pool.dispose();
  }
});

test('a train job runs through a ProcessPool given only the dataset spec', async () => {
  const dir = tmp();
  const pool = new ProcessPool({ maxWorkers: 1, kernels: 'js' });
  try {
    const end = await runJob(trainJob, {
      runs: [{ runId: 'tanh', activations: [{ id: 'tanh' }, { id: 'tanh' }] }],
      settings: { epochs: 1, limitTrain: 500, limitTest: 200, dataset: 'mnist' },
      outDir: dir, libraries: null,
    }, pool);
    const results = end.result!;
    assert.equal(end.status, 'completed', end.error);
    assert.equal(results.runs[0].status, 'completed');
    assert.deepEqual(results.dataset, { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 400, validation: 100, test: 200 });
    const saved = JSON.parse(readFileSync(path.join(dir, RESULTS_FILE), 'utf8')) as ResultsFile;
    assert.equal(saved.runs[0].id, 'tanh');
    assert.ok(existsSync(path.join(dir, 'runs', 'tanh', 'run.json')));
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
