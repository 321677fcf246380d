// The playground network: gradients of both losses (and regression's) against central differences
// of an independent double-precision forward pass built from the registry's scalar f; SGD with
// L1 and L2 against their formulas; the same seed starts every activation from the same weights;
// and the spiral with tanh learns (test loss below 0.1 within a fixed number of epochs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/core/random';
import { generateDataset, splitTrainTest } from '../../../src/core/playground/data';
import { FEATURES, type FeatureId } from '../../../src/core/playground/features';
import { PlaygroundNetwork, type LossKind, type NetworkSpec } from '../../../src/core/playground/network';
import { PlaygroundTrainer } from '../../../src/core/playground/trainer';
import type { ActivationSpec } from '../../../src/core/train/config';

const ROWS = 5;

/** Mean loss in double precision from the flat parameters, the records' f and the loss formulas. */
function referenceLoss(net: PlaygroundNetwork, p: Float64Array, x: Float32Array, y: number[], loss: LossKind): number {
  const k = net.layout.sizes[0];
  const params = net.acts.map((a) => ({ ...a.params }));
  for (const slot of net.layout.activationParams) params[slot.layer][slot.name] = p[slot.offset]!;
  const last = net.layout.dense.length - 1;
  let total = 0;
  for (let r = 0; r < ROWS; r++) {
    let h = Array.from(x.subarray(r * k, (r + 1) * k), Number);
    let z = 0;
    net.layout.dense.forEach((d, l) => {
      const out = Array.from({ length: d.units }, (_, j) => {
        let s = p[d.biasOffset + j];
        for (let i = 0; i < d.inputs; i++) s += h[i] * p[d.weightOffset + i * d.units + j];
        return s;
      });
      if (l < last) h = out.map((v) => net.acts[l].kernel.f(v, params[l]));
      else z = out[0]!;
    });
    const t = y[r];
    if (net.spec.task === 'regression') total += 0.5 * (z - t) ** 2;
    else if (loss === 'cross_entropy') total += Math.log(1 + Math.exp(z)) - t * z;
    else total += 0.5 * (1 / (1 + Math.exp(-z)) - t) ** 2;
  }
  return total / ROWS;
}

function checkGradients(spec: NetworkSpec, loss: LossKind, seed: number): void {
  const net = new PlaygroundNetwork(spec, seed);
  const rng = createRng(seed + 100);
  // Non-zero biases so no unit sits exactly at a kink.
  for (const d of net.layout.dense) for (let j = 0; j < d.units; j++) net.params[d.biasOffset + j] = rng.uniform(-0.5, 0.5);
  const k = spec.features.length;
  const x = Float32Array.from({ length: ROWS * k }, () => rng.uniform(-2, 2));
  const y = Array.from({ length: ROWS }, () => (spec.task === 'classification' ? rng.int(2) : rng.uniform(-1, 1)));
  const got = net.lossAndGradients(x, y, ROWS, loss);
  const p = Float64Array.from(net.params);
  const label = `${spec.activations.map((a) => ('id' in a ? a.id : a.custom.name)).join('+') || 'linear'} ${spec.task} ${loss}`;
  const ref = referenceLoss(net, p, x, y, loss);
  assert.ok(Math.abs(got - ref) <= 1e-5 * Math.max(1, Math.abs(ref)), `${label}: loss ${got}, reference ${ref}`);
  const h = 1e-6;
  for (let i = 0; i < p.length; i++) {
    const keep = p[i];
    p[i] = keep + h;
    const up = referenceLoss(net, p, x, y, loss);
    p[i] = keep - h;
    const down = referenceLoss(net, p, x, y, loss);
    p[i] = keep;
    const fd = (up - down) / (2 * h);
    assert.ok(Math.abs(net.grads[i] - fd) <= 2e-5 + 2e-3 * Math.abs(fd), `${label} param ${i}: analytic ${net.grads[i]}, finite difference ${fd}`);
  }
}

const spec = (activations: ActivationSpec[], hidden: number[], task: NetworkSpec['task'] = 'classification', features: FeatureId[] = [...FEATURES]): NetworkSpec =>
  ({ task, features, hidden, activations });

test('gradients match finite differences: cross-entropy and squared error on the sigmoid output, squared error for regression', () => {
  const stacks: [ActivationSpec[], number[]][] = [
    [[{ id: 'tanh' }, { id: 'tanh' }], [4, 3]],
    [[{ id: 'sigmoid' }, { id: 'relu' }, { id: 'elu' }], [5, 4, 3]],
    [[{ id: 'gelu' }], [6]],
    [[{ id: 'prelu' }, { id: 'mish' }], [3, 3]], // PReLU's learned slope
    [[{ custom: { name: 'swish2', expression: 'x * sigmoid(beta * x)', params: { beta: 2 } } }, { id: 'softsign' }], [4, 2]],
    [[], []], // no hidden layer: logistic (or linear) regression on the features
  ];
  for (const [acts, hidden] of stacks) {
    for (const loss of ['cross_entropy', 'squared_error'] as const) checkGradients(spec(acts, hidden), loss, 3);
    checkGradients(spec(acts, hidden, 'regression', ['x1', 'x2', 'sinX1']), 'squared_error', 4);
  }
});

test('SGD: p -= lr g; L2 adds rate·w to the weights\' gradient; L1 shrinks weights by lr·rate to exactly zero; biases are not regularised', () => {
  const base = new PlaygroundNetwork(spec([{ id: 'tanh' }], [3], 'classification', ['x1', 'x2']), 5);
  const x = Float32Array.of(0.5, -1, 2, 0.25);
  const y = [1, 0];
  const step = (regularization: 'none' | 'l1' | 'l2', rate: number) => {
    const net = new PlaygroundNetwork(base.spec, 5);
    const before = Float64Array.from(net.params);
    net.lossAndGradients(x, y, 2, 'cross_entropy');
    const g = Float64Array.from(net.grads);
    net.update({ learningRate: 0.1, regularization, regularizationRate: rate });
    return { net, before, g };
  };
  const plain = step('none', 0);
  plain.before.forEach((w, i) => assert.ok(Math.abs(plain.net.params[i] - (w - 0.1 * plain.g[i])) < 1e-6));
  const l2 = step('l2', 0.5);
  for (const d of l2.net.layout.dense) {
    for (let i = d.weightOffset; i < d.biasOffset; i++) assert.ok(Math.abs(l2.net.params[i] - (l2.before[i] - 0.1 * (l2.g[i] + 0.5 * l2.before[i]))) < 1e-6, `L2 weight ${i}`);
    for (let j = 0; j < d.units; j++) assert.ok(Math.abs(l2.net.params[d.biasOffset + j] - (l2.before[d.biasOffset + j] - 0.1 * l2.g[d.biasOffset + j])) < 1e-6, 'bias unregularised');
  }
  const l1 = step('l1', 3); // shrink 0.3: small weights reach exactly 0
  let zeros = 0;
  for (const d of l1.net.layout.dense) {
    for (let i = d.weightOffset; i < d.biasOffset; i++) {
      const wPrime = l1.before[i] - 0.1 * l1.g[i];
      const want = Math.sign(wPrime) * Math.max(0, Math.abs(wPrime) - 0.3);
      assert.ok(Math.abs(l1.net.params[i] - want) < 1e-6, `L1 weight ${i}: ${l1.net.params[i]} vs ${want}`);
      if (l1.net.params[i] === 0) zeros++;
    }
  }
  assert.ok(zeros > 0, 'some weights are exactly zero');
});

test('the same seed gives the same initial weights whatever the activations (a fair race), and the same batches', () => {
  const points = splitTrainTest(generateDataset('xor', { noise: 0, seed: 2 }), 50, 2);
  const settings = { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy' as const, regularization: 'none' as const, regularizationRate: 0 };
  const a = new PlaygroundTrainer(spec([{ id: 'sigmoid' }, { id: 'sigmoid' }], [4, 2], 'classification', ['x1', 'x2']), settings, points, 9);
  const b = new PlaygroundTrainer(spec([{ id: 'relu' }, { id: 'relu' }], [4, 2], 'classification', ['x1', 'x2']), settings, points, 9);
  assert.deepEqual(a.network.params, b.network.params);
  const c = new PlaygroundTrainer(spec([{ id: 'sigmoid' }, { id: 'sigmoid' }], [4, 2], 'classification', ['x1', 'x2']), settings, points, 9);
  for (let i = 0; i < 60; i++) { a.step(); c.step(); }
  assert.deepEqual(a.network.params, c.network.params, 'two trainers with one seed train alike');
  assert.equal(a.epoch, 2, '60 batches of 10 over 250 points: 2 whole epochs');
  assert.notDeepEqual(new PlaygroundTrainer(a.spec, settings, points, 10).network.params, b.network.params, 'another seed, other weights');
});

test('spiral with tanh: test loss (cross-entropy) below 0.1 within 400 epochs on x1, x2, sin x1, sin x2 and two layers of 8', () => {
  const data = splitTrainTest(generateDataset('spiral', { noise: 0, seed: 1 }), 50, 1);
  const trainer = new PlaygroundTrainer(spec([{ id: 'tanh' }, { id: 'tanh' }], [8, 8], 'classification', ['x1', 'x2', 'sinX1', 'sinX2']),
    { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', regularization: 'none', regularizationRate: 0 }, data, 1);
  const first = trainer.losses().test;
  let epochs = 0;
  while (trainer.losses().test >= 0.1 && epochs < 400) { trainer.trainEpoch(); epochs++; }
  const { train, test: held } = trainer.losses();
  assert.ok(held < 0.1, `test loss ${held} after ${epochs} epochs (started at ${first})`);
  assert.ok(train < 0.1 && first > 0.5, `train loss ${train}, initial test loss ${first}`);
});

test('neuron maps: the output map equals the forward pass at the grid points, and each hidden map is its unit', () => {
  const data = splitTrainTest(generateDataset('circle', { noise: 0, seed: 1 }), 50, 1);
  const t = new PlaygroundTrainer(spec([{ id: 'relu' }], [3], 'classification', ['x1', 'x2']), { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', regularization: 'none', regularizationRate: 0 }, data, 1);
  for (let i = 0; i < 5; i++) t.trainEpoch();
  const maps = t.neuronMaps(3);
  assert.equal(maps.length, 4 * 9);
  // cell (row 0, col 2) is (4, 4); compute it directly
  const out = t.network.forward(Float32Array.of(4, 4), 1)[0];
  assert.ok(Math.abs(maps[3 * 9 + 2] - out) < 1e-7);
  const hidden1 = t.network.layerOutput(0)[1];
  assert.ok(Math.abs(maps[1 * 9 + 2] - hidden1) < 1e-7);
  assert.deepEqual(t.neuronMap(1, 0, 3), maps.subarray(27, 36));
});

test('a bad network is refused naming the problem', () => {
  assert.throws(() => new PlaygroundNetwork(spec([{ id: 'tanh' }], [9]), 1), /hidden layer 1 needs 1 to 8 neurons, got 9/);
  assert.throws(() => new PlaygroundNetwork(spec([{ id: 'softmax' }], [2]), 1), /hidden layer 1: softmax is not an elementwise activation/);
  assert.throws(() => new PlaygroundNetwork(spec([], [], 'classification', []), 1), /choose at least one input feature/);
  assert.throws(() => new PlaygroundNetwork(spec([{ custom: { name: 'bad', expression: 'x +' } }], [2]), 1), /hidden layer 1: /);
});
