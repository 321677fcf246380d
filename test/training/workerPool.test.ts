// WorkerPool with real worker_threads (the TypeScript worker entry, loaded through tsx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMnist } from '../../src/core/data/datasets';
import { availableKernels } from '../../src/core/kernels/index';
import { CHECKPOINT_FILE, loadRunRecord } from '../../src/core/runs/runStore';
import { makeConfig } from '../../src/core/train/config';
import type { RunOutcome } from '../../src/core/train/results';
import type { RunEvent } from '../../src/protocol/training';
import { WorkerPool, type WorkerPoolOptions } from '../../src/training/workerPool';

const mnist = loadMnist();

/** A pool whose runs read the already loaded MNIST (config.dataset 'mnist'). */
function mnistPool(options: WorkerPoolOptions): WorkerPool {
  const pool = new WorkerPool(options);
  pool.provideDataset('mnist', mnist);
  return pool;
}
const quick = makeConfig({ epochs: 1, limitTrain: 500, limitTest: 200 });

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'actlab-pool-'));
}

test('runs train in parallel workers on the shared dataset and report events in order', async () => {
  const pool = mnistPool({ maxWorkers: 2, kernels: 'js' });
  const events: RunEvent[] = [];
  pool.onEvent((e) => events.push(e));
  try {
    const a = pool.start({ runId: 'relu', config: quick });
    const b = pool.start({ runId: 'tanh', config: makeConfig({ ...quick, activations: [{ id: 'tanh' }] }) });
    assert.deepEqual(pool.active.sort(), ['relu', 'tanh'], 'two workers at once');
    const [ra, rb] = (await Promise.all([a.done, b.done])).map((e) => e.outcome) as [RunOutcome, RunOutcome];
    for (const r of [ra, rb]) {
      assert.equal(r.status, 'completed', r.error);
      assert.equal(r.history.length, 1);
      assert.ok(r.test!.accuracy > 0.5, `accuracy ${r.test!.accuracy}`);
      assert.equal(r.kernels, 'js');
    }
    for (const id of ['relu', 'tanh']) {
      const types = events.filter((e) => e.runId === id).map((e) => e.type).filter((t) => t !== 'run/progress');
      assert.deepEqual(types, ['run/queued', 'run/started', 'run/epoch', 'run/end']);
    }
  } finally {
    await pool.dispose();
  }
});

test('a worker that throws or dies fails its run with the reason; the others go on', async () => {
  const dir = tmp();
  const pool = mnistPool({ maxWorkers: 3, kernels: 'js' });
  try {
    const thrower = pool.start({ runId: 'throws', config: quick, fault: { kind: 'throw', epoch: 1, batch: 3 }, runDir: path.join(dir, 'throws') });
    const dier = pool.start({ runId: 'dies', config: quick, fault: { kind: 'exit', epoch: 1, batch: 3 }, runDir: path.join(dir, 'dies') });
    const fine = pool.start({ runId: 'fine', config: quick });
    const [t, d, f] = (await Promise.all([thrower.done, dier.done, fine.done])).map((e) => e.outcome) as [RunOutcome, RunOutcome, RunOutcome];
    assert.equal(t.status, 'failed');
    assert.match(t.error!, /injected fault at epoch 1, batch 3/);
    assert.equal(d.status, 'failed');
    assert.match(d.error!, /the training worker stopped unexpectedly \(exit code 3\)/);
    assert.equal(f.status, 'completed');
    // the failure is recorded in the run's folder too
    assert.equal(loadRunRecord(path.join(dir, 'dies')).status, 'failed');
    assert.match(loadRunRecord(path.join(dir, 'throws')).error!, /injected fault/);
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown activation fails its run with the registry\'s message', async () => {
  const pool = mnistPool({ maxWorkers: 1, kernels: 'js' });
  try {
    const r = (await pool.start({ runId: 'bad', config: makeConfig({ ...quick, activations: [{ id: 'nope' }] }) }).done).outcome;
    assert.equal(r.status, 'failed');
    assert.match(r.error!, /unknown activation 'nope'/);
  } finally {
    await pool.dispose();
  }
});

test('cancel stops a run mid-run and keeps its finished epochs and checkpoint', async () => {
  const dir = tmp();
  const pool = mnistPool({ maxWorkers: 2, kernels: 'js' });
  try {
    const runDir = path.join(dir, 'long');
    const handle = pool.start({ runId: 'long', config: makeConfig({ ...quick, epochs: 200 }), runDir });
    await new Promise<void>((resolve) => {
      const off = pool.onEvent((e) => {
        if (e.type === 'run/epoch' && e.runId === 'long' && e.metrics.epoch === 2) {
          off();
          handle.cancel();
          resolve();
        }
      });
    });
    const r = (await handle.done).outcome;
    assert.equal(r.status, 'cancelled');
    // stopped mid-run, not at the end of its 200 epochs (counted in epochs, not milliseconds: a busy machine is slow)
    assert.ok(r.history.length >= 2 && r.history.length < 50, `${r.history.length} epochs kept`);
    const record = loadRunRecord(runDir);
    assert.equal(record.status, 'cancelled');
    assert.ok(record.history.length >= 2);
    assert.ok(existsSync(path.join(runDir, CHECKPOINT_FILE)));
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run cancelled while queued ends at once without starting a worker', async () => {
  const pool = mnistPool({ maxWorkers: 1, kernels: 'js' });
  try {
    const first = pool.start({ runId: 'first', config: quick });
    const second = pool.start({ runId: 'second', config: quick });
    assert.deepEqual(pool.queued, ['second']);
    assert.throws(() => pool.start({ runId: 'first', config: quick }), /a run named first is already queued or running/);
    second.cancel();
    const r = (await second.done).outcome;
    assert.equal(r.status, 'cancelled');
    assert.equal(r.wallSeconds, 0);
    assert.equal(((await first.done).outcome).status, 'completed');
  } finally {
    await pool.dispose();
  }
});

test('a run resumes in a worker from the checkpoint an interrupted run left', async () => {
  const dir = tmp();
  const pool = mnistPool({ maxWorkers: 1, kernels: 'js' });
  try {
    const runDir = path.join(dir, 'r');
    const config = makeConfig({ ...quick, epochs: 3, limitTrain: 300 });
    const first = pool.start({ runId: 'r', config, runDir });
    await new Promise<void>((resolve) => pool.onEvent((e) => {
      if (e.type === 'run/epoch' && e.metrics.epoch === 1) {
        first.cancel();
        resolve();
      }
    }));
    const partial = (await first.done).outcome;
    assert.equal(partial.status, 'cancelled');
    const resumed = (await pool.start({ runId: 'r', config, runDir, resume: true }).done).outcome;
    assert.equal(resumed.status, 'completed');
    assert.ok((resumed.resumedFromEpoch ?? 0) >= 1);
    assert.equal(resumed.history.length, 3);
    assert.deepEqual(resumed.history.map((h) => h.epoch), [1, 2, 3]);
    assert.equal(loadRunRecord(runDir).status, 'completed');
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('resuming a run that had already finished keeps it as it was, without training it again', async () => {
  const dir = tmp();
  const pool = mnistPool({ maxWorkers: 1, kernels: 'js' });
  try {
    const runDir = path.join(dir, 'r');
    const config = makeConfig({ ...quick, epochs: 1, limitTrain: 300 });
    const done = (await pool.start({ runId: 'r', config, runDir }).done).outcome;
    assert.equal(done.status, 'completed');
    const progress: RunEvent[] = [];
    const off = pool.onEvent((e) => { if (e.type === 'run/progress' || e.type === 'run/epoch') progress.push(e); });
    const again = (await pool.start({ runId: 'r', config, runDir, resume: true }).done).outcome;
    off();
    assert.equal(again.status, 'completed');
    assert.deepEqual(again.history, done.history);
    assert.deepEqual(again.test, done.test);
    assert.equal(again.resumedFromEpoch, 1);
    assert.deepEqual(progress, [], 'a finished run was trained again');
    // Other settings are another run: it is not taken as finished, and the checkpoint check says why.
    const other = (await pool.start({ runId: 'r', config: makeConfig({ ...config, seed: config.seed + 1 }), runDir, resume: true }).done).outcome;
    assert.equal(other.status, 'failed');
    assert.match(other.error ?? '', /different settings/);
  } finally {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('given only a dataset spec, the pool loads it once and runs share it; one that does not load fails its run', async () => {
  const pool = new WorkerPool({ maxWorkers: 2 });
  try {
    const [a, b] = (await Promise.all([
      pool.start({ runId: 'a', config: quick }).done,
      pool.start({ runId: 'b', config: quick }).done,
    ])).map((e) => e.outcome) as [RunOutcome, RunOutcome];
    for (const r of [a, b]) assert.equal(r.status, 'completed', r.error);
    assert.equal(a.kernels, availableKernels()[0], 'the default kernels are the fastest available');
    const bad = (await pool.start({ runId: 'bad', config: { ...quick, dataset: 'no-such-set' } }).done).outcome;
    assert.equal(bad.status, 'failed');
    assert.match(bad.error!, /could not load the dataset: unknown dataset 'no-such-set'/);
  } finally {
    await pool.dispose();
  }
});
