import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMnist, imagePixels } from '../../../src/core/data/datasets';
import { loadCheckpoint, saveCheckpoint } from '../../../src/core/runs/runStore';
import { makeConfig, type TrainConfig } from '../../../src/core/train/config';
import type { EpochMetrics, RunOutcome } from '../../../src/core/train/results';
import { MlpTrainer } from '../../../src/core/train/trainer';
import { testActivation } from './testActivations';

const mnist = loadMnist();

function trainer(config: TrainConfig, id = 'relu'): MlpTrainer {
  return new MlpTrainer(config, 784, 10, config.hidden.map(() => testActivation(id)));
}

/** Everything but the wall-clock times. */
function metricsOnly(history: EpochMetrics[]): unknown {
  return history.map(({ seconds: _s, ...rest }) => rest);
}

test('2000 images, 1 epoch: Keras split sizes, sane accuracy, consistent test figures', () => {
  const config = makeConfig({ epochs: 1, limitTrain: 2000, limitTest: 1000 });
  const out = trainer(config).run(mnist);
  assert.equal(out.status, 'completed');
  assert.deepEqual(out.sizes, { train: 1600, validation: 400, test: 1000 });
  assert.equal(out.history.length, 1);
  const [e] = out.history;
  assert.ok(e.val_accuracy! > 0.7, `val_accuracy ${e.val_accuracy}`);
  assert.ok(e.loss < 1.6 && e.val_loss! < 0.8, `loss ${e.loss}, val_loss ${e.val_loss}`);
  const t = out.test!;
  assert.ok(t.accuracy > 0.7, `test accuracy ${t.accuracy}`);
  // the confusion matrix adds up to the test set and its diagonal is the accuracy
  const all = t.confusion.flat().reduce((a, b) => a + b, 0);
  const diag = t.confusion.reduce((a, row, i) => a + row[i], 0);
  assert.equal(all, 1000);
  assert.equal(diag / all, t.accuracy);
  // per-layer statistics
  assert.equal(e.layers.length, 3);
  for (const l of e.layers) assert.ok(l.meanAbsGradient > 0 && Number.isFinite(l.meanAbsGradient));
  for (const l of e.layers.slice(0, 2)) assert.ok(l.deadUnitFraction! >= 0 && l.deadUnitFraction! < 0.5);
  assert.equal(e.layers[2].deadUnitFraction, undefined);
  // misclassified images: really misclassified, probabilities a distribution with its argmax, pixels the dataset's
  assert.equal(t.misclassified.length, 16);
  for (const m of t.misclassified) {
    assert.notEqual(m.label, m.predicted);
    assert.equal(m.label, mnist.test.labels[m.index]);
    assert.ok(Math.abs(m.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    assert.equal(m.probabilities.indexOf(Math.max(...m.probabilities)), m.predicted);
    assert.deepEqual(Buffer.from(m.pixelsBase64, 'base64'), Buffer.from(imagePixels(mnist, 'test', m.index)));
  }
  assert.deepEqual(t.misclassified.map((m) => m.index), [...t.misclassified.map((m) => m.index)].sort((a, b) => a - b));
});

test('the same seed and settings give bit-identical metrics; another seed differs', () => {
  const config = makeConfig({ epochs: 2, limitTrain: 600, limitTest: 200 });
  const a = trainer(config).run(mnist);
  const b = trainer(config).run(mnist);
  const c = trainer(makeConfig({ ...config, seed: 7 })).run(mnist);
  assert.deepEqual(metricsOnly(a.history), metricsOnly(b.history));
  assert.deepEqual(a.test, b.test);
  assert.notDeepEqual(metricsOnly(a.history), metricsOnly(c.history));
});

test('a run resumed from its epoch-1 checkpoint ends bit-identical to the uninterrupted run', () => {
  const config = makeConfig({ epochs: 2, limitTrain: 600, limitTest: 200, activations: [{ id: 'tanh' }] });
  const whole = trainer(config, 'tanh');
  const straight = whole.run(mnist);
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-resume-'));
  try {
    const first = trainer(config, 'tanh');
    let cancelled = false;
    const partial = first.run(mnist, {
      onEpoch: (_m, state) => {
        saveCheckpoint(dir, state, config);
        cancelled = true; // stop after epoch 1, as if VS Code closed
      },
      isCancelled: () => cancelled,
    });
    assert.equal(partial.status, 'cancelled');
    assert.equal(partial.history.length, 1);
    const checkpoint = loadCheckpoint(dir);
    assert.equal(checkpoint.epoch, 1);
    const resumed = trainer(config, 'tanh').run(mnist, { resume: checkpoint });
    assert.equal(resumed.resumedFromEpoch, 1);
    assert.deepEqual(metricsOnly(resumed.history), metricsOnly(straight.history));
    assert.deepEqual(resumed.test, straight.test);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cancelling keeps the finished epochs and skips the test', () => {
  const config = makeConfig({ epochs: 5, limitTrain: 400, limitTest: 100 });
  let epochs = 0;
  const out = trainer(config).run(mnist, { onEpoch: () => { epochs++; }, isCancelled: () => epochs >= 2 });
  assert.equal(out.status, 'cancelled');
  assert.equal(out.history.length, 2);
  assert.equal(out.test, undefined);
});

test('a loss that becomes NaN or Infinity ends the run as diverged, with the epoch and batch', () => {
  // A learning rate of 1e20 blows the weights up within a few steps: float32 overflows to Infinity.
  const config = makeConfig({ epochs: 3, limitTrain: 2000, learningRate: 1e20 });
  const out: RunOutcome = trainer(config).run(mnist);
  assert.equal(out.status, 'diverged');
  assert.equal(out.divergence!.epoch, 1);
  assert.ok(out.divergence!.batch >= 2 && out.divergence!.batch <= 50, `batch ${out.divergence!.batch}`);
  assert.ok(!Number.isFinite(out.divergence!.loss));
  assert.deepEqual(out.history, []);
  assert.equal(out.test, undefined);
});

test('progress events are throttled and end each epoch at its last batch', () => {
  const config = makeConfig({ epochs: 1, limitTrain: 1000, limitTest: 10 });
  const events: { batch: number; batches: number }[] = [];
  trainer(config).run(mnist, { onProgress: (p) => events.push(p), progressIntervalMs: 1e9 });
  assert.deepEqual(events.map((e) => e.batch), [25], 'only the epoch-end event passes an interval of 1e9 ms');
  const every: number[] = [];
  trainer(config).run(mnist, { onProgress: (p) => every.push(p.batch), progressIntervalMs: 0 });
  assert.equal(every.length, 25);
});

test('PReLU learns its slope; the learned value is reported per epoch', () => {
  const config = makeConfig({ epochs: 1, limitTrain: 500, limitTest: 10 });
  const out = trainer(config, 'prelu').run(mnist);
  const learned = out.history[0].learnedParams!;
  assert.equal(learned.length, 2);
  for (const l of learned) assert.ok(l.alpha !== 0.25 && Number.isFinite(l.alpha), `alpha ${l.alpha}`);
});

test('Glorot, He and LeCun initial weights stay within their limits', () => {
  for (const [init, limit] of [['glorot_uniform', Math.sqrt(6 / (784 + 128))], ['he_uniform', Math.sqrt(6 / 784)], ['lecun_uniform', Math.sqrt(3 / 784)]] as const) {
    const t = trainer(makeConfig({ init }));
    const W = t.layers[0].W;
    let max = 0;
    for (const w of W) max = Math.max(max, Math.abs(w));
    assert.ok(max <= limit && max > 0.95 * limit, `${init}: max |w| ${max}, limit ${limit}`);
    assert.ok(t.layers.every((l) => l.b.every((b) => b === 0)), 'biases start at zero');
  }
});

test('bad settings are refused with every problem named', () => {
  assert.throws(() => makeConfig({ epochs: 0, batchSize: 1.5, validationSplit: 1, hidden: [] }),
    /epochs must be an integer from 1 to 1000, got 0.*batch size must be an integer.*validation split must be in \[0, 1\)/s);
  assert.throws(() => makeConfig({ hidden: [128, 64], activations: [{ id: 'relu' }, { id: 'relu' }, { id: 'relu' }] }), /one activation per hidden layer \(2\), got 3/);
});
