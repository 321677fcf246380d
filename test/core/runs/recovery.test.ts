// Resuming trusts nothing unchecked: a finished run whose weights.bin is truncated or bit-flipped
// is not "completed"; a truncated run.json of a finished run is rebuilt from the checkpoint; the
// notes say what was recovered and what was lost. End to end through trainRun, the recovered run
// has the same weights and test result as the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMnist } from '../../../src/core/data/datasets';
import {
  CHECKPOINT_FILE, RUN_FILE, WEIGHTS_FILE, finishedRun, loadCheckpoint, loadRunRecord, loadWeights, resumeMismatch, settingDifferences, storedRunState,
} from '../../../src/core/runs/runStore';
import { loadTensorFile } from '../../../src/core/runs/tensorFile';
import { makeConfig, type TrainConfig } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { trainRun } from '../../../src/training/trainRun';
import type { RunOutcome } from '../../../src/core/train/results';

const mnist = loadMnist();
const config = makeConfig({ hidden: [8], activations: [{ id: 'tanh' }], epochs: 2, limitTrain: 600, limitTest: 200 });

async function train(runDir: string, resume: boolean, c: TrainConfig = config): Promise<RunOutcome> {
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  return trainRun({ runId: 'tanh', config: c, runDir, resume }, mnist, cancelFlag, () => {}, { resolveActivation: resolveLayerActivation });
}

function withRun(fn: (dir: string, original: { weights: Buffer; run: ReturnType<typeof loadRunRecord> }) => void | Promise<void>) {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actlab-recover-'));
    try {
      const outcome = await train(dir, false);
      assert.equal(outcome.status, 'completed');
      await fn(dir, { weights: readFileSync(path.join(dir, WEIGHTS_FILE)), run: loadRunRecord(dir) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('a truncated weights.bin is not finished; resuming writes it again from the checkpoint, byte for byte', { timeout: 60_000 }, withRun(async (dir, original) => {
  assert.ok(finishedRun(dir, config), 'intact: finished');
  writeFileSync(path.join(dir, WEIGHTS_FILE), original.weights.subarray(0, original.weights.length - 1000));
  assert.equal(finishedRun(dir, config), undefined, 'truncated weights: not finished');
  const state = storedRunState(dir, config);
  assert.equal(state.action, 'resume');
  assert.equal(state.checkpoint!.epoch, 2);
  assert.match(state.notes.join('\n'), /weights\.bin is damaged: the header declares \d+ data bytes, the file has \d+ \(truncated\); it is written again from checkpoint\.bin, which holds the weights after epoch 2/);
  const outcome = await train(dir, true);
  assert.equal(outcome.status, 'completed');
  assert.ok(readFileSync(path.join(dir, WEIGHTS_FILE)).equals(original.weights), 'the same weights as the original run wrote');
  assert.deepEqual(loadRunRecord(dir).test, original.run.test, 'the test result measured again is the same');
  assert.ok(finishedRun(dir, config));
}));

test('a bit flip in weights.bin names the damaged tensor and is recovered the same way', { timeout: 60_000 }, withRun(async (dir, original) => {
  const flipped = Buffer.from(original.weights);
  flipped[flipped.length - 20] ^= 0x10; // inside the last tensor, dense_2/bias
  writeFileSync(path.join(dir, WEIGHTS_FILE), flipped);
  assert.throws(() => loadWeights(dir), /weights\.bin is damaged: its data does not match its checksum \(damaged: dense_2\/bias\)/);
  assert.equal(finishedRun(dir, config), undefined);
  await train(dir, true);
  assert.ok(readFileSync(path.join(dir, WEIGHTS_FILE)).equals(original.weights));
}));

test('a truncated run.json of a finished run is rebuilt from the checkpoint, not marked failed', { timeout: 60_000 }, withRun(async (dir, original) => {
  const text = readFileSync(path.join(dir, RUN_FILE), 'utf8');
  writeFileSync(path.join(dir, RUN_FILE), text.slice(0, text.length >> 1));
  const state = storedRunState(dir, config);
  assert.equal(state.action, 'resume');
  assert.match(state.notes.join('\n'), /run\.json is damaged: not valid JSON .*; its settings and 2 epochs of history are recovered from checkpoint\.bin and its test result is measured again from the final weights; its start time and kernel name are lost/);
  const outcome = await train(dir, true);
  assert.equal(outcome.status, 'completed');
  const run = loadRunRecord(dir);
  assert.equal(run.status, 'completed');
  assert.deepEqual(run.history.map((h) => ({ ...h, seconds: 0 })), original.run.history.map((h) => ({ ...h, seconds: 0 })));
  assert.deepEqual(run.test, original.run.test);
  assert.ok(readFileSync(path.join(dir, WEIGHTS_FILE)).equals(original.weights));
}));

test('what cannot be recovered is said: a damaged checkpoint, or weights with no last-epoch checkpoint', { timeout: 60_000 }, withRun((dir, original) => {
  const checkpoint = readFileSync(path.join(dir, CHECKPOINT_FILE));
  writeFileSync(path.join(dir, WEIGHTS_FILE), original.weights.subarray(0, 100));
  writeFileSync(path.join(dir, CHECKPOINT_FILE), checkpoint.subarray(0, checkpoint.length - 8));
  const state = storedRunState(dir, config);
  assert.equal(state.action, 'restart');
  const notes = state.notes.join('\n');
  assert.match(notes, /weights\.bin is damaged.*checkpoint\.bin is damaged too, so the run is trained again/);
  assert.match(notes, /checkpoint\.bin is damaged: .*\(truncated\); the 2 epochs run\.json lists cannot be continued; the run starts again from epoch 1/);
  // A longer run asked of a finished one resumes from its checkpoint (more epochs extend it).
  writeFileSync(path.join(dir, CHECKPOINT_FILE), checkpoint);
  const longer = storedRunState(dir, { ...config, epochs: 3 });
  assert.equal(longer.action, 'resume');
}));

test('resume says which settings differ; a checkpoint with every epoch may continue, one with more may not', () => {
  const c = { epoch: 2, step: 10, history: [], config, params: new Float32Array(1), m: new Float32Array(1), v: new Float32Array(1) };
  assert.equal(resumeMismatch(c, config), null, 'every epoch done: only the test pass is left');
  assert.equal(resumeMismatch(c, { ...config, epochs: 5 }), null);
  assert.match(resumeMismatch(c, { ...config, epochs: 1 })!, /already has 2 epochs, more than the 1 asked for/);
  const other = { ...config, seed: 7, learningRate: 0.01, activations: [{ id: 'relu' }] };
  assert.equal(resumeMismatch(c, other), 'the run was started with different settings: activations [{"id":"tanh"}] then, [{"id":"relu"}] now; learningRate 0.001 then, 0.01 now; seed 42 then, 7 now');
  assert.deepEqual(settingDifferences(config, { ...config, limitTest: undefined }), ['limitTest 200 then, unset now']);
  assert.deepEqual(settingDifferences(config, { ...config, epochs: 9 }), [], 'the epoch count may grow');
});

test('checkpoint and weights carry a checksum per tensor, checked on load', { timeout: 60_000 }, withRun((dir) => {
  const checkpoint = loadTensorFile(path.join(dir, CHECKPOINT_FILE), 'checkpoint');
  assert.deepEqual([...checkpoint.tensors.keys()], ['params', 'adam/m', 'adam/v']);
  const bytes = readFileSync(path.join(dir, CHECKPOINT_FILE));
  const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(12)).toString('utf8')) as { tensors: { name: string; sha256: string }[] };
  assert.ok(header.tensors.every((t) => /^[0-9a-f]{64}$/.test(t.sha256)), 'every tensor has its sha256');
  bytes[bytes.length - 4] ^= 1; // in adam/v
  writeFileSync(path.join(dir, CHECKPOINT_FILE), bytes);
  assert.throws(() => loadCheckpoint(dir), /checkpoint\.bin is damaged: its data does not match its checksum \(damaged: adam\/v\)/);
}));
