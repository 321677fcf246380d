// What verify reads back: NaN or infinite scores fail the check naming how many images and which
// (instead of counting as a quiet "wrong answer"), and the input layout is reported with the
// dataset's own image size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeIdx } from '../../../src/core/data/idx';
import { GraphBuilder } from '../../../src/core/onnx/graph';
import { encodeModel, verifyModel, type MlpNetwork } from '../../../src/core/onnx/index';
import { nonFiniteRows } from '../../../src/core/onnx/verify';
import { DATA_TYPE, type ModelProto } from '../../../src/core/onnx/proto';
import { verifyCommand } from '../../../src/cli/commands/verify';
import { mnistTest, tinyNetwork } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'actlab-onnx-outputs-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A classifier of rows×cols images; with `pixel`, its logits are NaN for every image with ink
 * there: logits + sqrt(−x[pixel]) (sqrt of a negative is NaN; of −0 it is −0).
 */
function classifier(net: MlpNetwork, rows: number, cols: number, pixel?: number): ModelProto {
  const b = new GraphBuilder(17);
  b.claim('x');
  const flat = b.node('Flatten', ['x'], 'in', { axis: { int: 1 } });
  let t = flat;
  net.dense.forEach((d, l) => {
    t = b.node('Gemm', [t, b.initializer(`fc${l}.w`, [d.inputs, d.units], d.W), b.initializer(`fc${l}.b`, [d.units], d.b)], `fc${l}`);
    if (l < net.dense.length - 1) t = b.node('Relu', [t], `act${l}`);
  });
  if (pixel !== undefined) {
    const select = new Float32Array(rows * cols);
    select[pixel] = 1;
    const inked = b.node('MatMul', [flat, b.initializer('select', [rows * cols, 1], select)], 'probe'); // (N, 1)
    const poison = b.node('Sqrt', [b.node('Neg', [inked], 'probe')], 'probe');
    t = b.node('Add', [t, poison], 'out');
  }
  const value = (name: string, dims: (number | string)[]) => ({
    name, type: { tensor_type: { elem_type: DATA_TYPE.FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) } } },
  });
  return {
    ir_version: 8, producer_name: 'pytorch', producer_version: '2.1', opset_import: [{ domain: '', version: 17 }],
    graph: { name: 'g', node: b.nodes, initializer: b.initializers, input: [value('x', ['N', rows, cols])], output: [value(t, ['N', 10])] },
  };
}

test('NaN scores fail the check with how many images and which; they are not in the confusion matrix', async () => {
  const limit = 500;
  const centre = 14 * 28 + 14;
  const file = path.join(dir, 'nan.onnx');
  writeFileSync(file, encodeModel(classifier(tinyNetwork({ id: 'relu' }, 3), 28, 28, centre)));
  const ds = mnistTest();
  const inked: number[] = [];
  for (let r = 0; r < limit; r++) if (ds.test.images[r * 784 + centre] > 0) inked.push(r);
  assert.ok(inked.length > 10 && inked.length < limit, `${inked.length} inked images`);
  const report = await verifyModel(file, { limit, dataset: ds });
  assert.equal(report.passed, false);
  assert.deepEqual(report.nonFinite, { count: inked.length, first: inked.slice(0, 10) });
  assert.match(report.failures[0], new RegExp(`nan\\.onnx gave NaN or infinite scores for ${inked.length} of ${limit} test images \\(#${inked[0]}, #${inked[1]}, .*, \\.\\.\\.\\): they count as wrong`));
  assert.equal(report.confusion.flat().reduce((a, b) => a + b, 0), limit - inked.length);
  // The CLI says FAILED and exits 1.
  let out = '';
  const code = await verifyCommand.run([file, '--limit', String(limit)], { out: (t) => { out += `${t}\n`; }, err: () => {} });
  assert.equal(code, 1);
  assert.match(out, /check FAILED: nan\.onnx gave NaN or infinite scores for \d+ of 500 test images/);
});

test('rows that give no prediction: NaN, +Infinity, or all −Infinity; a lone −Infinity log-probability is fine', () => {
  const scores = Float32Array.from([
    0, 1, 2, // fine
    NaN, 1, 2,
    Infinity, 0, 0,
    -Infinity, -Infinity, -Infinity,
    -Infinity, -0.1, -3, // log-probabilities with one class underflowed
  ]);
  assert.deepEqual(nonFiniteRows(scores, 3), { count: 3, first: [1, 2, 3] });
});

test('a 10×10 model on a 10×10 dataset is reported as fed [N,10,10], not [N,28,28]', async () => {
  const data = path.join(dir, 'small');
  mkdirSync(data);
  const n = 40;
  const pixels = Uint8Array.from({ length: n * 100 }, (_, i) => (i * 37) % 256);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  for (const split of ['train', 't10k']) {
    writeFileSync(path.join(data, `${split}-images-idx3-ubyte`), encodeIdx([n, 10, 10], pixels));
    writeFileSync(path.join(data, `${split}-labels-idx1-ubyte`), encodeIdx([n], labels));
  }
  const file = path.join(dir, 'small.onnx');
  writeFileSync(file, encodeModel(classifier(tinyNetwork({ id: 'relu' }, 5, [100, 8, 10]), 10, 10)));
  const report = await verifyModel(file, { dataset: data });
  assert.equal(report.input.fed, '[N,10,10]');
  assert.equal(report.input.layout, '[N,28,28]', 'the layout kind keeps its name');
  assert.equal(report.passed, true);
  let out = '';
  await verifyCommand.run([file, '--dataset', data], { out: (t) => { out += `${t}\n`; }, err: () => {} });
  assert.match(out, /fed as \[N,10,10\]/);
  assert.doesNotMatch(out, /\[N,28,28\]/);
});
