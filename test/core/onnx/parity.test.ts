// Every built-in elementwise activation, parameter variants and custom expressions: a tiny MLP
// exported at opsets 13, 17 and 21 runs in onnxruntime-node and matches the lab's forward pass
// (the trainer's dense layers, the records' own forward loops, softmax) within 1e-5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-node';
import { buildOnnxModel, encodeModel, labProbabilities, PARITY_TOLERANCE, hiddenActivation } from '../../../src/core/onnx/index';
import { ACTIVATION_CASES, maxAbsDiff, mnistTest, testPixels, tinyNetwork } from './fixtures';

const N = 256;
const OPSETS = [13, 17, 21];

async function onnxProbabilities(bytes: Uint8Array, x: Float32Array, n: number): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const out = await session.run({ image: new ort.Tensor('float32', x, [n, 28, 28]) });
    assert.deepEqual(out.probabilities.dims, [n, 10]);
    return out.probabilities.data as Float32Array;
  } finally {
    await session.release();
  }
}

test('every activation exports and matches the lab forward pass within 1e-5 at opsets 13, 17 and 21', { timeout: 120_000 }, async () => {
  const ds = mnistTest();
  const x = testPixels(N);
  const rows: string[] = [];
  for (const c of ACTIVATION_CASES) {
    const net = tinyNetwork(c.spec);
    const lab = labProbabilities(net, ds.test.images, ds.test.labels, 0, N);
    for (const opset of OPSETS) {
      const built = buildOnnxModel(net, { opset });
      const probs = await onnxProbabilities(encodeModel(built.model), x, N);
      const diff = maxAbsDiff(probs, lab);
      rows.push(`${c.label.padEnd(34)} opset ${opset}: max |Δp| ${diff.toExponential(2)} via ${built.layers[0].native ?? built.layers[0].ops.join(',')}`);
      assert.ok(diff <= PARITY_TOLERANCE, `${c.label} at opset ${opset}: max |Δp| ${diff} > ${PARITY_TOLERANCE} (exported via ${built.layers[0].native ?? built.layers[0].ops.join(', ')})`);
    }
  }
  if (process.env.ACTLAB_PRINT_PARITY) console.log(rows.join('\n'));
});

test('the parity check is sensitive: a wrong slope, a wrong learned PReLU value, a wrong expression constant each exceed 1e-5', async () => {
  const ds = mnistTest();
  const x = testPixels(N);
  const pairs: [string, Parameters<typeof tinyNetwork>[0], Parameters<typeof tinyNetwork>[0]][] = [
    ['leaky_relu 0.01 vs 0.02', { id: 'leaky_relu' }, { id: 'leaky_relu', params: { alpha: 0.02 } }],
    ['prelu 0.1 vs 0.11', { id: 'prelu', params: { alpha: 0.1 } }, { id: 'prelu', params: { alpha: 0.11 } }],
    ['swish b 2 vs 2.05', { custom: { name: 's2', expression: 'x*sigmoid(b*x)', params: { b: 2 } } }, { custom: { name: 's2', expression: 'x*sigmoid(b*x)', params: { b: 2.05 } } }],
  ];
  for (const [what, exported, reference] of pairs) {
    const net = tinyNetwork(exported);
    const ref = tinyNetwork(reference);
    const probs = await onnxProbabilities(encodeModel(buildOnnxModel(net, { opset: 17 }).model), x, N);
    const diff = maxAbsDiff(probs, labProbabilities(ref, ds.test.images, ds.test.labels, 0, N));
    assert.ok(diff > 1e-4, `${what}: max |Δp| only ${diff}`);
  }
});

test('native operators where the opset has them, primitive subgraphs where it has none', () => {
  const via = (id: string, opset: number, params?: Record<string, number>) => {
    const b = buildOnnxModel(tinyNetwork({ id, ...(params ? { params } : {}) }), { opset });
    return { native: b.layers[0].native, ops: b.layers[0].ops, all: b.ops };
  };
  assert.deepEqual(via('relu', 17).all, ['Flatten', 'Gemm', 'Relu', 'Softmax']);
  assert.equal(via('gelu', 20).native, 'Gelu');
  assert.equal(via('gelu', 19).native, null);
  assert.ok(via('gelu', 17).ops.includes('Erf'));
  assert.equal(via('gelu_tanh', 21).native, 'Gelu');
  assert.ok(via('gelu_tanh', 13).ops.includes('Tanh'));
  assert.equal(via('mish', 18).native, 'Mish');
  assert.deepEqual(via('mish', 17).ops, ['Softplus', 'Tanh', 'Mul']);
  assert.deepEqual(via('silu', 21).ops, ['Sigmoid', 'Mul'], 'x*Sigmoid(x): beta 1 folds away');
  assert.deepEqual(via('silu', 21, { beta: 2 }).ops, ['Mul', 'Sigmoid'], 'x*Sigmoid(2x)');
  assert.equal(via('hard_swish', 14).native, 'HardSwish');
  assert.equal(via('hard_swish', 13).native, null);
  assert.equal(via('celu', 13).native, 'Celu');
  assert.equal(via('softplus', 13).native, 'Softplus');
  assert.equal(via('softplus', 13, { beta: 2 }).native, null, 'ONNX Softplus has no beta');
  assert.ok(via('softplus', 13, { beta: 2 }).ops.includes('Where'));
  assert.equal(via('prelu', 17).native, 'PRelu');
  assert.equal(via('hardtanh', 13).native, 'Clip');
  assert.equal(via('log_sigmoid', 21).native, null);
});

test('weights keep their names and the learned PReLU slope is an initializer of its layer', () => {
  const net = tinyNetwork({ id: 'prelu', params: { alpha: 0.1 } });
  const { model } = buildOnnxModel(net, { opset: 17 });
  const inits = new Map(model.graph!.initializer!.map((t) => [t.name, t]));
  for (const n of ['dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_3/bias', 'activation_1/alpha', 'activation_2/alpha']) assert.ok(inits.has(n), n);
  assert.deepEqual(inits.get('dense_1/kernel')!.dims, [784, 16]);
  const slope = inits.get('activation_2/alpha')!;
  assert.equal(new DataView(slope.raw_data!.buffer, slope.raw_data!.byteOffset).getFloat32(0, true), Math.fround(0.1));
  const prelu = model.graph!.node!.find((n) => n.op_type === 'PRelu')!;
  assert.deepEqual(prelu.input, ['dense_1', 'activation_1/alpha']);
});

test('an unsupported opset is refused with the supported range', () => {
  for (const opset of [12, 22, 17.5]) {
    assert.throws(() => buildOnnxModel(tinyNetwork({ id: 'relu' }), { opset }), /opset .* is not supported: choose an integer from 13 to 21/);
  }
  assert.throws(() => hiddenActivation({ id: 'softmax' }), /not an elementwise activation/);
});
