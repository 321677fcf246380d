import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../src/core/runs/atomic';
import { RunFormatError } from '../../../src/core/runs/errors';
import {
  CHECKPOINT_FILE, RUN_FILE, WEIGHTS_FILE, listRuns, loadCheckpoint, loadRunRecord, loadWeights, resumeMismatch,
  runId, saveCheckpoint, saveRunRecord, saveWeights,
} from '../../../src/core/runs/runStore';
import { loadTensorFile, saveTensorFile } from '../../../src/core/runs/tensorFile';
import { makeConfig } from '../../../src/core/train/config';
import { paramLayout } from '../../../src/core/train/mlp';
import { newRunRecord } from '../../../src/core/runs/runRecord';

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'actlab-runs-'));
}

function throwsFormat(fn: () => unknown, problem: RunFormatError['problem'], message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RunFormatError, String(e));
    assert.equal(e.problem, problem, e.message);
    assert.match(e.message, message);
    return true;
  });
}

const dataset = { name: 'mnist', rows: 28, cols: 28, classes: 10, classNames: [] as string[] };
const config = makeConfig({ hidden: [4, 3], activations: [{ id: 'prelu' }] });
const layout = paramLayout([784, 4, 3, 10], [['alpha'], ['alpha']]);

function filledParams(): Float32Array {
  return Float32Array.from({ length: layout.total }, (_, i) => Math.sin(i) * 0.1);
}

test('run.json, weights and checkpoint round-trip', () => {
  const dir = tmp();
  try {
    const record = { ...newRunRecord('prelu', config, dataset), status: 'completed' as const, history: [{ epoch: 1, loss: 0.5, accuracy: 0.9, seconds: 1, layers: [] }] };
    saveRunRecord(dir, record);
    assert.deepEqual(loadRunRecord(dir), record);

    const params = filledParams();
    saveWeights(dir, params, layout, ['prelu', 'prelu']);
    const w = loadWeights(dir);
    assert.deepEqual(w.sizes, [784, 4, 3, 10]);
    assert.deepEqual(w.tensors.get('dense_1/kernel')!.shape, [784, 4]);
    assert.deepEqual(Array.from(w.tensors.get('dense_2/bias')!.data), Array.from(params.subarray(layout.dense[1].biasOffset, layout.dense[1].biasOffset + 3)));
    assert.equal(w.tensors.get('activation_2/alpha')!.data[0], params[layout.activationParams[1].offset]);

    const m = params.map((v) => v * 2);
    const v = params.map((x) => x * x);
    saveCheckpoint(dir, { epoch: 3, step: 4500, params, m, v, history: record.history }, config);
    const c = loadCheckpoint(dir);
    assert.equal(c.epoch, 3);
    assert.equal(c.step, 4500);
    assert.deepEqual(c.params, params);
    assert.deepEqual(c.m, m);
    assert.deepEqual(c.v, v);
    assert.deepEqual(c.config, config);
    assert.equal(resumeMismatch(c, { ...config, epochs: 10 }), null);
    assert.match(resumeMismatch(c, { ...config, seed: 1 })!, /different settings: seed 42 then, 1 now/);
    assert.equal(resumeMismatch(c, { ...config, epochs: 3 }), null, 'every epoch done: only the test pass is left');
    assert.match(resumeMismatch(c, { ...config, epochs: 2 })!, /already has 3 epochs, more than the 2 asked for/);
    assert.deepEqual(readdirSync(dir).sort(), [CHECKPOINT_FILE, RUN_FILE, WEIGHTS_FILE].sort(), 'no temp files left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run file from a newer format version says to update', () => {
  const dir = tmp();
  try {
    saveRunRecord(dir, { ...newRunRecord('x', config, dataset), version: 99 });
    throwsFormat(() => loadRunRecord(dir), 'newer-version', /written by a newer Activation Lab \(run format 99; this version reads up to 1\): update/);
    saveTensorFile(path.join(dir, 'w.bin'), 'weights', []);
    const bytes = readFileSync(path.join(dir, 'w.bin'));
    bytes.writeUInt32LE(7, 8);
    writeFileSync(path.join(dir, 'w.bin'), bytes);
    throwsFormat(() => loadTensorFile(path.join(dir, 'w.bin')), 'newer-version', /w\.bin was written by a newer Activation Lab \(tensor format 7/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('damaged run files say what is wrong', () => {
  const dir = tmp();
  try {
    writeFileSync(path.join(dir, RUN_FILE), '{"format": "activation-lab/run", "vers');
    throwsFormat(() => loadRunRecord(dir), 'damaged', /run\.json is damaged: not valid JSON/);
    writeFileSync(path.join(dir, RUN_FILE), '{"hello": 1}');
    throwsFormat(() => loadRunRecord(dir), 'damaged', /not an Activation Lab run file/);
    writeFileSync(path.join(dir, RUN_FILE), '{"format": "activation-lab/run", "version": 1, "id": "a"}');
    throwsFormat(() => loadRunRecord(dir), 'damaged', /it lacks status, config, history, activations/);
    throwsFormat(() => loadRunRecord(path.join(dir, 'nope')), 'missing', /cannot read .*nope\/run\.json/);

    const params = filledParams();
    saveWeights(dir, params, layout, []);
    const file = path.join(dir, WEIGHTS_FILE);
    const good = readFileSync(file);
    writeFileSync(file, good.subarray(0, good.length - 100));
    throwsFormat(() => loadWeights(dir), 'damaged', /weights\.bin is damaged: the header declares \d+ data bytes, the file has \d+ \(truncated\)/);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5] ^= 0x40;
    writeFileSync(file, flipped);
    throwsFormat(() => loadWeights(dir), 'damaged', /weights\.bin is damaged: its data does not match its checksum/);
    writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04'), good.subarray(4)]));
    throwsFormat(() => loadWeights(dir), 'damaged', /does not start with ACTLABT1/);
    writeFileSync(file, good.subarray(0, 10));
    throwsFormat(() => loadWeights(dir), 'damaged', /10 bytes is shorter than the 16-byte preamble/);
    saveWeights(dir, params, layout, []);
    throwsFormat(() => loadTensorFile(file, 'checkpoint'), 'damaged', /it holds weights, expected checkpoint/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('atomic writes replace the whole file or nothing, leaving no temp files', () => {
  const dir = tmp();
  try {
    const file = path.join(dir, 'sub', 'a.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, [Buffer.from('tw'), Buffer.from('o')]);
    assert.equal(readFileSync(file, 'utf8'), 'two');
    assert.deepEqual(readdirSync(path.dirname(file)), ['a.json']);
    // A target that cannot be replaced (a folder) fails without leaving the temp file behind.
    assert.throws(() => writeFileAtomic(path.join(dir, 'sub'), 'x'));
    assert.deepEqual(readdirSync(dir), ['sub']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('run ids are folder-safe; listRuns reports unreadable runs instead of hiding them', () => {
  assert.equal(runId('leaky_relu(alpha=0.3)'), 'leaky_relu-alpha0.3');
  assert.equal(runId('../etc'), '__etc');
  const dir = tmp();
  try {
    saveRunRecord(path.join(dir, 'a'), newRunRecord('a', config, dataset));
    saveRunRecord(path.join(dir, 'b'), { ...newRunRecord('b', config, dataset), version: 5 });
    const runs = listRuns(dir).sort((x, y) => x.dir.localeCompare(y.dir));
    assert.equal(runs[0].record!.id, 'a');
    assert.match(runs[1].error!, /newer Activation Lab/);
    assert.ok(!existsSync(path.join(dir, 'c')));
    assert.deepEqual(listRuns(path.join(dir, 'missing')), []);
    // A dangling link and an unreadable entry are listed with the reason; listing does not throw.
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a run');
    const withLink = listRuns(dir);
    assert.deepEqual(withLink.map((r) => path.basename(r.dir)), ['a', 'b', 'dangling']);
    assert.equal(withLink[2].error, 'dangling is a link to a missing folder');
    symlinkSync(path.join(dir, 'dangling'), path.join(dir, 'loop'));
    rmSync(path.join(dir, 'dangling'));
    symlinkSync(path.join(dir, 'loop'), path.join(dir, 'dangling'));
    assert.match(listRuns(dir).find((r) => r.dir.endsWith('loop'))!.error!, /loop cannot be read \(ELOOP\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
