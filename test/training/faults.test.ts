// The fault layer: the training process and its workers killed at seeded random points, a full
// disk at a checkpoint, every stored file kind truncated and bit-flipped, two writers of one
// experiment at once. After each, the experiment is listed and resumed: nothing that had finished
// is lost, and every error names the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMnist } from '../../src/core/data/datasets';
import { exportRun, verifyModel } from '../../src/core/onnx/index';
import { RESULTS_FILE, RUNS_DIR, type ResultsFile } from '../../src/core/runs/resultsFile';
import { CHECKPOINT_FILE, loadCheckpoint, loadRunRecord, RUN_FILE, WEIGHTS_FILE } from '../../src/core/runs/runStore';
import { createRng } from '../../src/core/random';
import type { RunEvent, RunSpec } from '../../src/protocol/training';
import { listExperiments, resumeJobSpec, storedRuns } from '../../src/training/experiments';
import { runJob } from '../../src/training/jobs/job';
import { trainJob, type TrainJobSpec } from '../../src/training/jobs/trainJob';
import { ProcessPool } from '../../src/training/processPool';
import type { RunPool } from '../../src/training/runPool';
import { WorkerPool } from '../../src/training/workerPool';
import { ACTLAB } from '../cli/actlabBundle';

const mnist = loadMnist();
const settings = { hidden: [16], epochs: 3, limitTrain: 600, limitTest: 200, dataset: 'mnist' };
const runs = [{ runId: 'relu', activations: [{ id: 'relu' }] }, { runId: 'tanh', activations: [{ id: 'tanh' }] }];

function workerPool(): WorkerPool {
  const pool = new WorkerPool({ maxWorkers: 2 });
  pool.provideDataset('mnist', mnist);
  return pool;
}

function experimentDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'actlab-faults-')), '2026-01-01T00-00-00-000Z');
}

async function train(spec: Omit<TrainJobSpec, 'libraries'>, pool: RunPool, onEvent?: (e: RunEvent) => void): Promise<ResultsFile> {
  const end = await runJob(trainJob, { ...spec, libraries: null }, pool, { emit: (e) => { if (e.type.startsWith('run/')) onEvent?.(e as RunEvent); } });
  assert.ok(end.result, `the job wrote no results: ${end.error}`);
  return end.result;
}

/** Resumes the experiment until every run completed (a finished run is kept as it is). */
async function resume(outDir: string, pool: RunPool): Promise<ResultsFile> {
  return train({ ...resumeJobSpec(outDir) }, pool);
}

/** The pool with a fault injected into the runs `which` accepts (what a test's RunSpec.fault does). */
function withFault(pool: RunPool, fault: NonNullable<RunSpec['fault']>, which: (runId: string) => boolean = () => true): RunPool {
  return {
    maxWorkers: pool.maxWorkers,
    start: (s) => pool.start(which(s.runId) ? { ...s, fault } : s),
    cancel: (id) => pool.cancel(id),
    cancelAll: () => pool.cancelAll(),
    onEvent: (l) => pool.onEvent(l),
    dispose: () => pool.dispose(),
  };
}

const bytes = (dir: string, runId: string, file: string) => readFileSync(path.join(dir, RUNS_DIR, runId, file));

test('the training process killed at seeded random points: resumed, every run completes and finished runs are kept byte for byte', { timeout: 180_000 }, async () => {
  const rng = createRng(20261130);
  for (let round = 0; round < 3; round++) {
    const outDir = experimentDir();
    const pool = new ProcessPool({ maxWorkers: 2 });
    // The point: after the k-th progress or epoch event of the job (both runs together).
    const k = 1 + Math.floor(rng.next() * 40);
    let seen = 0;
    try {
      const first = await train({ runs, settings, outDir }, pool, (e) => {
        if ((e.type === 'run/progress' || e.type === 'run/epoch') && ++seen === k && pool.pid) process.kill(pool.pid, 'SIGKILL');
      });
      const finished = first.runs.filter((r) => r.status === 'completed').map((r) => ({ id: r.id, weights: bytes(outDir, r.id, WEIGHTS_FILE), test: r.test }));
      for (const r of first.runs.filter((x) => x.status === 'failed')) assert.match(r.error!, /the training process stopped unexpectedly \(killed by SIGKILL\)/);
      const again = await resume(outDir, pool);
      for (const r of again.runs) {
        assert.equal(r.status, 'completed', `round ${round} (killed after event ${k} of ${seen}): ${r.id} ${r.error}`);
        assert.deepEqual(r.history.map((h) => h.epoch), [1, 2, 3]);
      }
      for (const f of finished) {
        assert.deepEqual(bytes(outDir, f.id, WEIGHTS_FILE), f.weights, `${f.id} finished before the kill: its weights are untouched`);
        assert.deepEqual(again.runs.find((r) => r.id === f.id)!.test, f.test);
      }
    } finally {
      await pool.dispose();
      rmSync(path.dirname(outDir), { recursive: true, force: true });
    }
  }
});

test('a worker that exits at a seeded random batch fails its run with the reason; resuming continues from its last checkpoint', { timeout: 120_000 }, async () => {
  const rng = createRng(7);
  const epoch = 1 + Math.floor(rng.next() * 3);
  const batch = 1 + Math.floor(rng.next() * 15);
  const outDir = experimentDir();
  const pool = workerPool();
  try {
    const end = await runJob(trainJob, { runs, settings, outDir, libraries: null }, withFault(pool, { kind: 'exit', epoch, batch }, (id) => id === 'relu'));
    const relu = end.result!.runs.find((r) => r.id === 'relu')!;
    assert.equal(relu.status, 'failed');
    assert.match(relu.error!, /the training worker stopped unexpectedly \(exit code 3\)/);
    assert.equal(relu.history.length, epoch - 1, `epochs finished before the exit at epoch ${epoch}, batch ${batch}`);
    assert.equal(loadRunRecord(path.join(outDir, RUNS_DIR, 'relu')).status, 'failed');
    const again = await resume(outDir, pool);
    const resumed = again.runs.find((r) => r.id === 'relu')!;
    assert.equal(resumed.status, 'completed', resumed.error);
    assert.deepEqual(resumed.history.map((h) => h.epoch), [1, 2, 3]);
    assert.equal(resumed.resumedFromEpoch ?? 0, epoch - 1);
  } finally {
    await pool.dispose();
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  }
});

test('a full disk while saving epoch 2 fails the run naming ENOSPC and the folder; epoch 1\'s checkpoint is intact and resuming finishes', { timeout: 120_000 }, async () => {
  const outDir = experimentDir();
  const pool = workerPool();
  try {
    const end = await runJob(trainJob, { runs: [runs[0]], settings, outDir, libraries: null }, withFault(pool, { kind: 'enospc', epoch: 2, batch: 0 }));
    const run = end.result!.runs[0];
    const dir = path.join(outDir, RUNS_DIR, 'relu');
    assert.equal(run.status, 'failed');
    assert.match(run.error!, new RegExp(`could not save epoch 2 of relu in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOSPC: no space left on device`));
    assert.equal(loadCheckpoint(dir).epoch, 1, 'the checkpoint of epoch 1 was not touched');
    assert.ok(readdirSync(dir).every((f) => !f.endsWith('.tmp')), 'no half-written file left');
    const again = await resume(outDir, pool);
    assert.equal(again.runs[0].status, 'completed', again.runs[0].error);
    assert.deepEqual(again.runs[0].history.map((h) => h.epoch), [1, 2, 3]);
  } finally {
    await pool.dispose();
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  }
});

test('every stored file kind truncated or bit-flipped: listing names the damage, resuming recovers what can be, nothing finished is lost', { timeout: 180_000 }, async () => {
  const pristine = experimentDir();
  const pool = workerPool();
  try {
    const original = await train({ runs: [runs[0]], settings, outDir: pristine }, pool);
    const relu = path.join(RUNS_DIR, 'relu');
    exportRun(path.join(pristine, relu), {});
    const damages: [string, (b: Buffer) => Buffer][] = [
      ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
      ['bit-flipped', (b) => { const c = Buffer.from(b); c[Math.floor(c.length * 0.6)] ^= 0x10; return c; }],
    ];
    for (const file of [RESULTS_FILE, path.join(relu, RUN_FILE), path.join(relu, CHECKPOINT_FILE), path.join(relu, WEIGHTS_FILE), path.join(relu, 'model.onnx')]) {
      for (const [how, damage] of damages) {
        const what = `${file} ${how}`;
        const outDir = experimentDir();
        cpSync(pristine, outDir, { recursive: true });
        const target = path.join(outDir, file);
        writeFileSync(target, damage(readFileSync(target)));
        // Listing never throws; a damaged record is named with its file.
        const listed = listExperiments(path.dirname(outDir));
        const stored = storedRuns(path.dirname(outDir));
        if (file === RESULTS_FILE && how === 'truncated') assert.match(listed.damaged[0]?.problem ?? '', /results\.json/, what);
        if (file.endsWith(RUN_FILE)) assert.match(stored[0].error ?? (how === 'bit-flipped' ? 'tolerated: the flip landed in a value' : ''), /run\.json|tolerated/, what);
        if (file.endsWith('model.onnx')) {
          // Unreadable, or readable with other weights: either way the check fails and says why.
          const checked = await verifyModel(target, { dataset: mnist, limit: 200 }).catch((e: Error) => e);
          if (checked instanceof Error) assert.match(checked.message, /model\.onnx/, what);
          else assert.ok(!checked.passed && checked.failures.some((f) => /parity|differ|mismatch|agree/i.test(f)), `${what}: ${checked.failures.join('; ')}`);
          continue;
        }
        // Resuming: the run ends completed with the original's epochs and test result (recovered or kept).
        const again = await resume(outDir, pool);
        const run = again.runs[0];
        assert.equal(run.status, 'completed', `${what}: ${run.error}`);
        assert.deepEqual(run.history.map((h) => h.epoch), [1, 2, 3], what);
        assert.equal(run.test!.accuracy, original.runs[0].test!.accuracy, `${what}: the same weights give the same test accuracy`);
        rmSync(path.dirname(outDir), { recursive: true, force: true });
      }
    }
  } finally {
    await pool.dispose();
    rmSync(path.dirname(pristine), { recursive: true, force: true });
  }
});

test('two processes resuming one experiment at once: one writes it, the other is refused naming the first one\'s pid', { timeout: 180_000 }, async () => {
  const outDir = experimentDir();
  const pool = workerPool();
  const root = path.resolve(__dirname, '..', '..');
  try {
    await train({ runs: [runs[0]], settings, outDir }, pool);
    // Make it look cut off: the run "running", no results.json.
    const runFile = path.join(outDir, RUNS_DIR, 'relu', RUN_FILE);
    writeFileSync(runFile, JSON.stringify({ ...JSON.parse(readFileSync(runFile, 'utf8')), status: 'running' }));
    rmSync(path.join(outDir, RESULTS_FILE));
    const resumeOnce = () => new Promise<{ pid: number; code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [ACTLAB, 'train', '--resume', '--epochs', '6', '--no-onnx', '--out', path.dirname(outDir)], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += String(d); });
      child.on('close', (code) => resolve({ pid: child.pid!, code, stderr }));
    });
    const [a, b] = await Promise.all([resumeOnce(), resumeOnce()]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    assert.equal(won.code, 0, won.stderr);
    assert.equal(lost.code, 1, lost.stderr);
    assert.match(lost.stderr, new RegExp(`is being written by process ${won.pid}, since `));
    assert.equal(loadRunRecord(path.join(outDir, RUNS_DIR, 'relu')).history.length, 6, 'the winner\'s run is whole');
    assert.ok(existsSync(path.join(outDir, RESULTS_FILE)));
  } finally {
    await pool.dispose();
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  }
});
