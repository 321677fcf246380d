// The parity bound follows from float32 arithmetic: models trained here with the lab's own
// trainer (ordinary ones, an x^4 activation, tanh at learning rate 1000: the last two failed a
// fixed 1e-5 on probabilities) pass when exported correctly, and the same models with one
// weight or bias off by 1e-3 fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-node';
import { buildOnnxModel, encodeModel, hiddenActivation, type MlpNetwork } from '../../../src/core/onnx/index';
import { labForward } from '../../../src/core/onnx/labModel';
import { compareWithLab, PARITY_TOLERANCE, parityBound } from '../../../src/core/onnx/verify';
import { makeConfig, type ActivationSpec } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { MlpTrainer } from '../../../src/core/train/trainer';
import { mnistTest, testPixels } from './fixtures';

const N = 1000;
const HIDDEN = [32, 16];

/** A small MLP trained by the lab's trainer on the first 3000 training images for one epoch. */
function trained(spec: ActivationSpec, learningRate: number): MlpNetwork {
  const config = makeConfig({ hidden: HIDDEN, activations: [spec], epochs: 1, limitTrain: 3000, limitTest: 100, learningRate });
  const trainer = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation));
  trainer.run(mnistTest());
  const dense = trainer.layout.dense.map((d) => ({
    inputs: d.inputs, units: d.units,
    W: trainer.params.slice(d.weightOffset, d.weightOffset + d.inputs * d.units),
    b: trainer.params.slice(d.biasOffset, d.biasOffset + d.units),
  }));
  return { rows: 28, cols: 28, dense, hidden: HIDDEN.map(() => hiddenActivation(spec)) };
}

async function onnxProbabilities(net: MlpNetwork): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(encodeModel(buildOnnxModel(net, { opset: 17 }).model), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const out = await session.run({ image: new ort.Tensor('float32', testPixels(N), [N, 28, 28]) });
    return out.probabilities.data as Float32Array;
  } finally {
    await session.release();
  }
}

/** onnxruntime on `exported` against the lab's forward pass over `reference`. */
async function compare(exported: MlpNetwork, reference: MlpNetwork) {
  const ds = mnistTest();
  return compareWithLab(await onnxProbabilities(exported), labForward(reference, ds.test.images, ds.test.labels, 0, N), ds.test.labels, 10);
}

/** Mean activation of each unit of hidden layer `layer` over the N images, in float64 (independent of the lab's code). */
function meanActivations(net: MlpNetwork, layer: number): Float64Array {
  const ds = mnistTest();
  const mean = new Float64Array(net.dense[layer].units);
  for (let r = 0; r < N; r++) {
    let a = Array.from(ds.test.images.subarray(r * 784, (r + 1) * 784), (b) => b / 255);
    for (let l = 0; l <= layer; l++) {
      const d = net.dense[l];
      const h = net.hidden[l].layer;
      a = Array.from({ length: d.units }, (_, j) => h.kernel.f(a.reduce((s, v, i) => s + v * d.W[i * d.units + j], d.b[j]), h.params));
    }
    a.forEach((v, j) => { mean[j] += v / N; });
  }
  return mean;
}

const argmaxAbs = (v: Float64Array): number => v.reduce((best, x, i) => (Math.abs(x) > Math.abs(v[best]) ? i : best), 0);

function perturbed(net: MlpNetwork, edit: (n: MlpNetwork) => void): MlpNetwork {
  const copy = { ...net, dense: net.dense.map((d) => ({ ...d, W: d.W.slice(), b: d.b.slice() })) };
  edit(copy);
  return copy;
}

test('correct exports of trained models pass, x^4 and tanh at learning rate 1000 included', { timeout: 180_000 }, async () => {
  const cases: [string, ActivationSpec, number][] = [
    ['relu', { id: 'relu' }, 1e-3],
    ['gelu', { id: 'gelu' }, 1e-3],
    ['x^4', { custom: { name: 'q', expression: 'x^4' } }, 1e-3],
    ['tanh at lr 1000', { id: 'tanh' }, 1000],
    ['sigmoid at lr 10', { id: 'sigmoid' }, 10],
  ];
  for (const [what, spec, lr] of cases) {
    const net = trained(spec, lr);
    const stats = await compare(net, net);
    assert.equal(stats.passed, true, `${what}: ${stats.maxRatio} of the bound, max |Δp| ${stats.maxAbsDiff}, first ${JSON.stringify(stats.mismatches[0])}`);
    // a tenfold margin: measured at most 7% of the bound on every case
    assert.ok(stats.maxRatio < 0.1, `${what}: ${stats.maxRatio} of the bound`);
    if (what === 'tanh at lr 1000') {
      // the fixed 1e-5 on probabilities failed this legitimate model
      assert.ok(stats.maxAbsDiff > PARITY_TOLERANCE, `${what}: max |Δp| ${stats.maxAbsDiff}`);
    }
  }
});

test('one weight or bias off by 1e-3 in a used unit fails the check; the bound stays tight for ordinary models', { timeout: 180_000 }, async () => {
  for (const spec of [{ id: 'relu' }, { id: 'tanh' }]) {
    const net = trained(spec, 1e-3);
    const ok = await compare(net, net);
    assert.ok(ok.maxLogitTolerance < 1e-2, `${JSON.stringify(spec)}: logits allowed ${ok.maxLogitTolerance} apart`);
    const busy2 = argmaxAbs(meanActivations(net, 1)); // the second hidden layer's most active unit
    const busy1 = argmaxAbs(meanActivations(net, 0));
    const centre = 14 * 28 + 14;
    const edits: [string, (n: MlpNetwork) => void][] = [
      [`dense_3/kernel[${busy2}, 3]`, (n) => { n.dense[2].W[busy2 * 10 + 3] += 1e-3; }],
      [`dense_2/kernel[${busy1}, ${busy2}]`, (n) => { n.dense[1].W[busy1 * HIDDEN[1] + busy2] += 1e-3; }],
      [`dense_1/kernel[centre pixel, ${busy1}]`, (n) => { n.dense[0].W[centre * HIDDEN[0] + busy1] += 1e-3; }],
      ['dense_3/bias[1]', (n) => { n.dense[2].b[1] += 1e-3; }],
      [`dense_2/bias[${busy2}]`, (n) => { n.dense[1].b[busy2] -= 1e-3; }],
    ];
    for (const [what, edit] of edits) {
      const stats = await compare(perturbed(net, edit), net);
      assert.equal(stats.passed, false, `${spec.id} ${what} + 1e-3 passed (${stats.maxRatio} of the bound)`);
      assert.ok(stats.maxRatio > 2, `${spec.id} ${what}: only ${stats.maxRatio} of the bound`);
      assert.ok(stats.mismatches.some((m) => m.ratio > 1), 'the images beyond the bound are listed');
    }
  }
});

test('the probability bound: relative to p through e^{2Δ} − 1, with float32 underflow allowed, NaN never passes', () => {
  // p·(e^{2Δ} − 1) plus 16 roundings of the softmax, relative to p
  assert.ok(Math.abs(parityBound(0.5, 1e-4) - 0.5 * (Math.expm1(2e-4) + 16 * 2 ** -24)) < 1e-15);
  assert.ok(parityBound(0, 1) > 0 && parityBound(0, 1) < 1e-37, 'a zero probability may come back as a float32 denormal');
  assert.ok(parityBound(1e-20, 1e-4) < 1e-23, 'tiny probabilities are compared relatively, not waved through');
  const lab = { probs: Float32Array.from([0.25, 0.75]), logitTolerance: Float64Array.from([1e-6]) };
  assert.equal(compareWithLab(Float32Array.from([NaN, 0.75]), lab, [1], 2).passed, false);
  assert.equal(compareWithLab(Float32Array.from([0.25, 0.75]), lab, [1], 2).passed, true);
  assert.equal(compareWithLab(Float32Array.from([0.2501, 0.7499]), lab, [1], 2).passed, false);
});
