// The trainer on the WebAssembly kernels against the plain TypeScript reference: one full training
// step (forward, backward, Adam) must agree within 1e-5, and a short run's metrics closely.
// The reference path is everything the JS provider lacks: the registry's activation loops, the JS
// softmax, the JS Adam and byte-to-float batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMnist } from '../../../src/core/data/datasets';
import { availableKernels, createKernels, type KernelName } from '../../../src/core/kernels/index';
import { createJsKernels } from '../../../src/core/kernels/js';
import { adamUpdate, M_FLUSH } from '../../../src/core/train/adam';
import { makeConfig, type TrainConfig } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { MlpTrainer } from '../../../src/core/train/trainer';

const mnist = loadMnist();
const fast = availableKernels().filter((k): k is Exclude<KernelName, 'js'> => k !== 'js');
const skip = fast.length === 0 && 'no WebAssembly SIMD here';

function trainerOn(config: TrainConfig, kernels: KernelName): MlpTrainer {
  return new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation), kernels === 'js' ? createJsKernels() : createKernels(kernels));
}

/** Largest |got - want| over the two buffers, with where it is. */
function maxDiff(got: Float32Array, want: Float32Array): { diff: number; at: number } {
  assert.equal(got.length, want.length);
  let diff = 0, at = -1;
  for (let i = 0; i < got.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    if (!(d <= diff)) { diff = d; at = i; } // NaN counts as worst
  }
  return { diff, at };
}

for (const name of fast) {
  for (const id of ['relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu']) {
    test(`${name}: one training step of a ${id} MLP matches the TypeScript kernels within 1e-5`, { skip }, () => {
      // 40 images: 32 train (one batch of 32, so one Adam step) and 8 validate, evaluated too
      const config = makeConfig({ epochs: 1, limitTrain: 40, limitTest: 64, activations: [{ id }] });
      const ref = trainerOn(config, 'js');
      const got = trainerOn(config, name);
      assert.deepEqual(Array.from(got.params), Array.from(ref.params), 'the same initial weights');
      const a = ref.run(mnist);
      const b = got.run(mnist);
      assert.equal(a.kernels, 'js');
      assert.equal(b.kernels, name);
      assert.equal(ref.step, 1);
      assert.equal(got.step, 1);
      for (const buf of ['grads', 'm', 'v', 'params'] as const) {
        const { diff, at } = maxDiff(got[buf], ref[buf]);
        assert.ok(diff <= 1e-5, `${buf}[${at}]: ${got[buf][at]} vs js ${ref[buf][at]} (|d| ${diff})`);
      }
      // the step really moved the weights (not a comparison of two untouched buffers)
      assert.ok(maxDiff(got.params, trainerOn(config, 'js').params).diff > 5e-4);
      const [ea, eb] = [a.history[0], b.history[0]];
      assert.ok(Math.abs(ea.loss - eb.loss) <= 1e-5 * ea.loss, `train loss ${eb.loss} vs js ${ea.loss}`);
      assert.ok(Math.abs(ea.val_loss! - eb.val_loss!) <= 1e-5 * ea.val_loss!, `val loss ${eb.val_loss} vs js ${ea.val_loss}`);
      assert.ok(Math.abs(a.test!.loss - b.test!.loss) <= 1e-5 * a.test!.loss, `test loss ${b.test!.loss} vs js ${a.test!.loss}`);
      for (const [la, lb] of ea.layers.map((l, i) => [l, eb.layers[i]] as const)) {
        assert.ok(Math.abs(la.meanAbsGradient - lb.meanAbsGradient) <= 1e-5 * la.meanAbsGradient, 'mean |dL/dW|');
        assert.equal(lb.deadUnitFraction, la.deadUnitFraction);
      }
    });
  }

  test(`${name}: a 2-epoch run on 3000 images ends with nearly the same metrics as the TypeScript kernels`, { skip }, () => {
    const config = makeConfig({ epochs: 2, limitTrain: 3000, limitTest: 1000, activations: [{ id: 'relu' }] });
    const a = trainerOn(config, 'js').run(mnist);
    const b = trainerOn(config, name).run(mnist);
    assert.equal(b.status, 'completed');
    a.history.forEach((ea, i) => {
      const eb = b.history[i];
      assert.ok(Math.abs(ea.loss - eb.loss) <= 1e-4 * ea.loss, `epoch ${i + 1} loss ${eb.loss} vs js ${ea.loss}`);
      assert.ok(Math.abs(ea.val_loss! - eb.val_loss!) <= 1e-4 * ea.val_loss!, `epoch ${i + 1} val_loss ${eb.val_loss} vs js ${ea.val_loss}`);
      assert.ok(Math.abs(ea.val_accuracy! - eb.val_accuracy!) <= 2 / 600, `epoch ${i + 1} val_accuracy ${eb.val_accuracy} vs js ${ea.val_accuracy}`);
    });
    assert.ok(Math.abs(a.test!.accuracy - b.test!.accuracy) <= 3 / 1000, `test accuracy ${b.test!.accuracy} vs js ${a.test!.accuracy}`);
    assert.ok(b.test!.accuracy > 0.85, `test accuracy ${b.test!.accuracy}`);
  });
}

test('the TypeScript Adam flushes decaying moments to zero before they turn subnormal, as the WebAssembly one does', () => {
  const settings = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
  const n = 3;
  const p = new Float32Array(n).fill(0.5), g = new Float32Array(n).fill(1e-3), m = new Float32Array(n), v = new Float32Array(n);
  adamUpdate(p, g, m, v, 0, n, 1e-3, settings);
  g.fill(0);
  g[2] = Number.NaN;
  let smallestM = Infinity, smallestV = Infinity;
  for (let t = 0; t < 45000; t++) {
    const before = Float64Array.from(p);
    adamUpdate(p, g, m, v, 0, n, 1e-3, settings);
    for (let i = 0; i < 2; i++) {
      if (m[i] !== 0) smallestM = Math.min(smallestM, Math.abs(m[i]));
      if (v[i] !== 0) smallestV = Math.min(smallestV, v[i]);
      const want = before[i] - (1e-3 * m[i]) / (Math.sqrt(v[i]) + 1e-7); // the textbook move
      assert.ok(Math.abs(p[i] - want) <= 1e-7, `p[${i}] at step ${t}: ${p[i]} want ${want}`);
    }
  }
  // unflushed, m = 0.9^t 1e-4 turns subnormal near step 800, v = 0.999^t 1e-9 near step 67000
  assert.deepEqual(Array.from(m.subarray(0, 2)), [0, 0]);
  assert.deepEqual(Array.from(v.subarray(0, 2)), [0, 0]);
  assert.ok(smallestM >= M_FLUSH * 0.9, `m reached ${smallestM}`);
  assert.ok(smallestV >= (1e-6 * 1e-7) ** 2 * 0.998, `v reached ${smallestV}`);
  assert.ok(Number.isNaN(m[2]) && Number.isNaN(v[2]) && Number.isNaN(p[2]), 'NaN must stay NaN');
});
