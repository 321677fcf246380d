// Reading and checking models that are not the lab's: foreign image classifiers in every
// accepted layout (checked against the lab's forward pass over the same weights), and every
// way a file can be unusable, each with its own clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphBuilder } from '../../../src/core/onnx/graph';
import {
  buildOnnxModel, encodeModel, inspectOnnxBytes, labProbabilities, OnnxCheckError, readOnnxFile, verifyModel,
  type MlpNetwork, type OnnxProblem,
} from '../../../src/core/onnx/index';
import { DATA_TYPE, type ModelProto } from '../../../src/core/onnx/proto';
import { createRng } from '../../../src/core/random';
import { mnistTest, tinyNetwork } from './fixtures';

const LIMIT = 300;
const dir = mkdtempSync(path.join(tmpdir(), 'actlab-onnx-bad-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

type Dims = (number | string)[];
interface Foreign {
  input: Dims;
  inputType?: number;
  output?: 'logits' | 'log-probabilities' | 'probabilities' | 'argmax' | 'wide';
  extraInput?: boolean;
  op?: string;
}

/** A classifier as another framework would export it: the same MLP, another input layout and output. */
function foreignModel(net: MlpNetwork, f: Foreign): ModelProto {
  const b = new GraphBuilder(17);
  b.claim('x');
  let t = f.inputType && f.inputType !== DATA_TYPE.FLOAT ? b.node('Cast', ['x'], 'in', { to: { int: DATA_TYPE.FLOAT } }) : 'x';
  t = b.node('Flatten', [t], 'in', { axis: { int: 1 } });
  net.dense.forEach((d, l) => {
    t = b.node('Gemm', [t, b.initializer(`fc${l}.w`, [d.inputs, d.units], d.W), b.initializer(`fc${l}.b`, [d.units], d.b)], `fc${l}`);
    if (l < net.dense.length - 1) t = b.node(f.op ?? 'Relu', [t], `act${l}`);
  });
  let outType: number = DATA_TYPE.FLOAT;
  let outDims: Dims = ['N', 10];
  switch (f.output ?? 'logits') {
    case 'log-probabilities': t = b.node('LogSoftmax', [t], 'out', { axis: { int: 1 } }); break;
    case 'probabilities': t = b.node('Softmax', [t], 'out', { axis: { int: 1 } }); break;
    case 'argmax': t = b.node('ArgMax', [t], 'out', { axis: { int: 1 }, keepdims: { int: 0 } }); outType = DATA_TYPE.INT64; outDims = ['N']; break;
    case 'wide': t = b.node('Concat', [t, t], 'out', { axis: { int: 1 } }); outDims = ['N', 20]; break;
    default: break;
  }
  const value = (name: string, type: number, dims: Dims) => ({
    name, type: { tensor_type: { elem_type: type, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) } } },
  });
  return {
    ir_version: 8, producer_name: 'pytorch', producer_version: '2.1', opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'main_graph', node: b.nodes, initializer: b.initializers,
      input: [value('x', f.inputType ?? DATA_TYPE.FLOAT, f.input), ...(f.extraInput ? [value('mask', DATA_TYPE.FLOAT, ['N', 1])] : [])],
      output: [value(t, outType, outDims)],
    },
  };
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const net = tinyNetwork({ id: 'relu' }, 11);
function labAccuracy(count: number): number {
  const ds = mnistTest();
  const p = labProbabilities(net, ds.test.images, ds.test.labels, 0, count);
  let correct = 0;
  for (let r = 0; r < count; r++) {
    let best = 0;
    for (let j = 1; j < 10; j++) if (p[r * 10 + j] > p[r * 10 + best]) best = j;
    if (best === ds.test.labels[r]) correct++;
  }
  return correct / count;
}

test('foreign classifiers in each accepted layout run, with accuracy equal to the lab forward pass over the same weights', { timeout: 60_000 }, async () => {
  const want = labAccuracy(LIMIT);
  const cases: [string, Foreign, string, string][] = [
    ['nchw', { input: ['N', 1, 28, 28] }, '[N,1,28,28]', 'logits'],
    ['nhwc', { input: ['batch', 28, 28, 1], output: 'probabilities' }, '[N,28,28,1]', 'probabilities'],
    ['flat', { input: ['N', 784], output: 'log-probabilities' }, '[N,784]', 'log-probabilities'],
    ['square', { input: ['N', 28, 28] }, '[N,28,28]', 'logits'],
    ['batch1', { input: [1, 784] }, '[N,784]', 'logits'],
    ['unknown-dims', { input: ['N', 'H', 'W'] }, '[N,28,28]', 'logits'],
  ];
  for (const [name, f, layout, kind] of cases) {
    const file = save(`${name}.onnx`, encodeModel(foreignModel(net, f)));
    const r = await verifyModel(file, { limit: LIMIT, dataset: mnistTest() });
    assert.equal(r.input.layout, layout, name);
    assert.equal(r.output.kind, kind, name);
    assert.equal(r.count, LIMIT);
    assert.equal(r.accuracy, want, name);
    assert.equal(r.confusion.flat().reduce((a, b) => a + b, 0), LIMIT);
    assert.equal(r.confusion.reduce((s, row, i) => s + row[i], 0) / LIMIT, want);
    assert.equal(r.parity, null);
    assert.match(r.parityNote!, /not an Activation Lab model/);
    assert.equal(r.passed, true);
    if (name === 'batch1') assert.equal(r.input.batch, 1);
  }
});

async function rejects(file: string, problem: OnnxProblem, message: RegExp): Promise<void> {
  await assert.rejects(verifyModel(file, { limit: 20, dataset: mnistTest() }), (e: unknown) => {
    assert.ok(e instanceof OnnxCheckError, `${path.basename(file)}: ${String(e)}`);
    assert.equal(e.problem, problem, `${path.basename(file)}: ${e.message}`);
    assert.match(e.message, message);
    return true;
  });
}

test('incompatible classifiers: each error names what the model has and what the check needs', async () => {
  await rejects(save('cifar.onnx', encodeModel(foreignModel(tinyNetwork({ id: 'relu' }, 1, [3072, 8, 10]), { input: ['N', 3, 32, 32] }))), 'input-shape',
    /cifar\.onnx's input 'x' is float32 \[N, 3, 32, 32\]; mnist's 28×28 grayscale test images fit an input of float32 \[N,784\], \[N,28,28\], \[N,1,28,28\] or \[N,28,28,1\]/);
  await rejects(save('uint8.onnx', encodeModel(foreignModel(net, { input: ['N', 28, 28], inputType: DATA_TYPE.UINT8 }))), 'input-dtype',
    /uint8\.onnx's input 'x' is uint8 \[N, 28, 28\]; the check needs float32 pixels in \[0, 1\]/);
  await rejects(save('double.onnx', encodeModel(foreignModel(net, { input: ['N', 784], inputType: DATA_TYPE.DOUBLE }))), 'input-dtype', /is float64 \[N, 784\]; the check needs float32/);
  await rejects(save('argmax.onnx', encodeModel(foreignModel(net, { input: ['N', 784], output: 'argmax' }))), 'output-dtype',
    /output '.*' is int64 \[N\] \(class indices\?\); the check needs float scores, one per class: \[N,10\] logits or probabilities/);
  await rejects(save('wide.onnx', encodeModel(foreignModel(net, { input: ['N', 784], output: 'wide' }))), 'output-shape', /is float32 \[N, 20\]; the check needs float scores, one per class/);
  await rejects(save('two-inputs.onnx', encodeModel(foreignModel(net, { input: ['N', 784], extraInput: true }))), 'input-shape', /has 2 inputs \('x' float32 \[N, 784\], 'mask' float32 \[N, 1\]\); the check feeds one image batch/);
  await rejects(save('unknown-op.onnx', encodeModel(foreignModel(net, { input: ['N', 784], op: 'NoSuchActivation' }))), 'runtime', /onnxruntime cannot load unknown-op\.onnx: .*NoSuchActivation/);
});

test('files that are not usable ONNX models: empty, random bytes, truncated, other formats, missing', async () => {
  const good = encodeModel(buildOnnxModel(net, { opset: 17 }).model);
  const rng = createRng(2024);
  const random = Uint8Array.from({ length: 4096 }, () => rng.int(256));
  await rejects(save('empty.onnx', new Uint8Array(0)), 'empty', /empty\.onnx is empty \(0 bytes\): not an ONNX model/);
  await rejects(save('random.onnx', random), 'not-onnx', /random\.onnx is not an ONNX model: it does not start with an ONNX header \(first bytes [0-9a-f ]+;/);
  await rejects(save('half.onnx', good.subarray(0, good.length >> 1)), 'truncated', /half\.onnx is truncated: its graph needs \d+ more bytes than the file's \d+ \(an interrupted download or copy\?\)/);
  await rejects(save('short.onnx', good.subarray(0, good.length - 3)), 'truncated', /short\.onnx is truncated/);
  await rejects(save('header-only.onnx', good.subarray(0, 2)), 'not-onnx', /no graph|not an ONNX model/);
  await rejects(save('model.pt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random.subarray(0, 60)])), 'not-onnx', /model\.pt is a ZIP archive \(a PyTorch \.pt\/\.pth checkpoint or a Keras \.keras file\?\), not an ONNX model/);
  await rejects(save('model.h5', Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'not-onnx', /HDF5 file \(a Keras \.h5 model\?\)/);
  await rejects(save('model.json', new TextEncoder().encode('{"format": "layers-model"}')), 'not-onnx', /text \(JSON\?\) file, not an ONNX model/);
  await rejects(path.join(dir, 'missing.onnx'), 'unreadable', /cannot read .*missing\.onnx: no such file/);
  await rejects(dir, 'unreadable', /cannot read .*: it is a folder/);
  // overwritten bytes inside the graph's first node: the file starts like ONNX but does not decode
  const flipped = Uint8Array.from(good);
  const at = Buffer.from(good).indexOf('Flatten');
  assert.ok(at > 0);
  flipped.fill(0xff, at - 12, at - 2);
  await rejects(save('flipped.onnx', flipped), 'damaged', /flipped\.onnx is damaged: it cannot be decoded as ONNX \(/);
});

test('the reader gives inputs, outputs, shapes, element types, opsets and metadata of any model', () => {
  const built = buildOnnxModel(net, { opset: 13, metadata: { dataset: 'mnist', seed: '42' } });
  const info = inspectOnnxBytes(encodeModel(built.model), 'm.onnx');
  assert.equal(info.irVersion, 7);
  assert.deepEqual(info.opsets, [{ domain: 'ai.onnx', version: 13 }]);
  assert.equal(info.producerName, 'Activation Lab');
  assert.deepEqual(info.inputs, [{ name: 'image', dtype: 'float32', shape: ['batch', 28, 28] }]);
  assert.deepEqual(info.outputs, [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 10] }]);
  assert.deepEqual(info.metadata, { dataset: 'mnist', seed: '42' });
  assert.deepEqual(info.ops, ['Flatten', 'Gemm', 'Relu', 'Softmax']);
  const file = save('foreign.onnx', encodeModel(foreignModel(net, { input: ['N', 1, 28, 28], inputType: DATA_TYPE.UINT8 })));
  const foreign = readOnnxFile(file).info;
  assert.deepEqual(foreign.inputs, [{ name: 'x', dtype: 'uint8', shape: ['N', 1, 28, 28] }]);
  assert.equal(foreign.producerName, 'pytorch');
});
