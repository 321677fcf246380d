// exportRun on run folders written by the run store (run.json + weights.bin): the file, its
// metadata, the learned PReLU slope from the weights, parity through verifyModel, and every way
// a run folder can be unusable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportRun, LAB_VERSION, OnnxCheckError, readOnnxFile, verifyModel, type OnnxProblem } from '../../../src/core/onnx/index';
import { saveRunRecord, saveWeights, type RunRecord } from '../../../src/core/runs/runStore';
import { makeConfig, type ActivationSpec } from '../../../src/core/train/config';
import { paramLayout } from '../../../src/core/train/mlp';
import { newRunRecord } from '../../../src/core/runs/runRecord';
import { mnistTest, tinyNetwork } from './fixtures';

const root = mkdtempSync(path.join(tmpdir(), 'actlab-onnx-export-'));
test.after(() => rmSync(root, { recursive: true, force: true }));

/** A completed run folder as the trainer leaves it, with tinyNetwork's weights (PReLU slopes at 0.1 and 0.2). */
function makeRun(name: string, spec: ActivationSpec, edit: (r: RunRecord) => RunRecord = (r) => r): string {
  const dir = path.join(root, name);
  const config = makeConfig({ hidden: [16, 8], activations: [spec, spec], epochs: 3, seed: 5 });
  const net = tinyNetwork(spec);
  const learnable = net.hidden.map((h) => h.layer.learnable);
  const layout = paramLayout([784, 16, 8, 10], learnable);
  const params = new Float32Array(layout.total);
  layout.dense.forEach((d, l) => {
    params.set(net.dense[l].W, d.weightOffset);
    params.set(net.dense[l].b, d.biasOffset);
  });
  layout.activationParams.forEach((slot) => { params[slot.offset] = 0.1 * (slot.layer + 1); });
  const ds = mnistTest();
  const record: RunRecord = {
    ...newRunRecord(name, config, ds),
    status: 'completed',
    history: [1, 2, 3].map((epoch) => ({ epoch, loss: 1, accuracy: 0.5, seconds: 1, layers: [] })),
    test: { loss: 1, accuracy: 0.1234, count: 10000, confusion: [], misclassified: [] },
  };
  saveRunRecord(dir, edit(record));
  saveWeights(dir, params, layout, record.activations);
  return dir;
}

test('exportRun writes <run>/model.onnx with the run in metadata_props, and verify finds parity with it', async () => {
  const dir = makeRun('prelu', { id: 'prelu' });
  const result = exportRun(dir);
  assert.equal(result.path, path.join(dir, 'model.onnx'));
  assert.equal(result.bytes, readFileSync(result.path).length);
  assert.deepEqual([result.opset, result.irVersion], [17, 8]);
  assert.deepEqual(result.ops, ['Flatten', 'Gemm', 'PRelu', 'Softmax']);
  assert.deepEqual(result.layers.map((l) => l.native), ['PRelu', 'PRelu']);
  const { info } = readOnnxFile(result.path);
  assert.equal(info.producerName, 'Activation Lab');
  assert.equal(info.producerVersion, LAB_VERSION);
  const m = info.metadata;
  assert.deepEqual(JSON.parse(m.activations), ['prelu', 'prelu']);
  assert.deepEqual(JSON.parse(m.activation_specs), [{ id: 'prelu' }, { id: 'prelu' }]);
  assert.deepEqual(JSON.parse(m.hidden_widths), [16, 8]);
  assert.deepEqual([m.dataset, m.epochs, m.seed, m.test_accuracy, m.lab_version, m.run_id, m.run_dir], ['mnist', '3', '5', '0.1234', LAB_VERSION, 'prelu', dir]);
  assert.match(m.weights_sha256, /^[0-9a-f]{64}$/);
  // the learned slopes come from weights.bin, not from the record's 0.25 default
  const slopes = info.model.graph!.initializer!.filter((t) => t.name!.startsWith('activation_'))
    .map((t) => [t.name, new DataView(t.raw_data!.buffer, t.raw_data!.byteOffset).getFloat32(0, true)]);
  assert.deepEqual(slopes, [['activation_1/alpha', Math.fround(0.1)], ['activation_2/alpha', Math.fround(0.2)]]);
  const report = await verifyModel(result.path, { limit: 300, dataset: mnistTest() });
  assert.equal(report.parity!.runDir, dir);
  assert.ok(report.parity!.maxAbsDiff <= 1e-5, String(report.parity!.maxAbsDiff));
  assert.equal(report.parity!.runAccuracy, 0.1234);
  assert.equal(report.passed, true);
});

test('a custom-expression run exports as a subgraph and passes the check; opset 21 and --out work', async () => {
  const dir = makeRun('custom', { custom: { name: 'swish2', expression: 'x*sigmoid(b*x)', params: { b: 2 } } });
  const out = path.join(root, 'elsewhere', 'swish2.onnx');
  const result = exportRun(dir, { opset: 21, out });
  assert.equal(result.path, out);
  assert.equal(result.irVersion, 10);
  assert.deepEqual(result.layers[0], { activation: 'swish2', native: null, ops: ['Mul', 'Sigmoid'] });
  const report = await verifyModel(out, { limit: 300, dataset: mnistTest() });
  assert.equal(report.parity!.runDir, dir, 'found through the metadata run_dir');
  assert.ok(report.parity!.maxAbsDiff <= 1e-5);
});

test('weights changed since export: the report says parity was not checked instead of failing', async () => {
  const dir = makeRun('changed', { id: 'tanh' });
  const { path: file } = exportRun(dir);
  saveWeights(dir, new Float32Array(paramLayout([784, 16, 8, 10]).total), paramLayout([784, 16, 8, 10]), ['tanh', 'tanh']);
  const report = await verifyModel(file, { limit: 50, dataset: mnistTest() });
  assert.equal(report.parity, null);
  assert.match(report.parityNote!, /not the ones this model was exported from/);
});

function refuses(dir: string, problem: OnnxProblem, message: RegExp, options = {}): void {
  assert.throws(() => exportRun(dir, options), (e: unknown) => {
    assert.ok(e instanceof OnnxCheckError, String(e));
    assert.equal(e.problem, problem, e.message);
    assert.match(e.message, message);
    return true;
  });
}

test('unusable run folders and outputs each get a clear error', () => {
  refuses(path.join(root, 'nowhere'), 'run', /nowhere is not a usable training run: cannot read .*run\.json/);
  refuses(makeRun('cancelled', { id: 'relu' }, (r) => ({ ...r, status: 'cancelled' })), 'run', /run cancelled is cancelled: only a completed run has final weights to export/);
  const noWeights = makeRun('no-weights', { id: 'relu' });
  rmSync(path.join(noWeights, 'weights.bin'));
  refuses(noWeights, 'run', /run no-weights has no usable weights\.bin: cannot read/);
  const cut = makeRun('cut', { id: 'relu' });
  const bytes = readFileSync(path.join(cut, 'weights.bin'));
  writeFileSync(path.join(cut, 'weights.bin'), bytes.subarray(0, bytes.length - 100));
  refuses(cut, 'run', /run cut has no usable weights\.bin: weights\.bin is damaged: .*truncated/);
  const damaged = makeRun('damaged', { id: 'relu' });
  writeFileSync(path.join(damaged, 'run.json'), '{"format": "activation-lab/run", ');
  refuses(damaged, 'run', /is not a usable training run: .*run\.json is damaged: not valid JSON/);
  const wrongSizes = makeRun('sizes', { id: 'relu' }, (r) => ({ ...r, sizes: [784, 32, 8, 10] }));
  refuses(wrongSizes, 'run', /weights\.bin does not match run\.json: dense_1\/kernel has shape 784x16, expected 784x32/);
  const ok = makeRun('ok', { id: 'relu' });
  refuses(ok, 'export', /opset 11 is not supported/, { opset: 11 });
  const file = path.join(root, 'a-file');
  writeFileSync(file, 'x');
  refuses(ok, 'write', /cannot write .*a-file\/m\.onnx/, { out: path.join(file, 'm.onnx') });
  mkdirSync(path.join(root, 'empty-dir'));
  refuses(path.join(root, 'empty-dir'), 'run', /cannot read .*empty-dir\/run\.json/);
});
