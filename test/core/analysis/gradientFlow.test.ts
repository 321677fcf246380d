// Gradient flow at initialisation: backpropagation checked against finite differences of the
// loss, determinism per seed, and the vanishing-gradient picture it exists to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation } from '../../../src/core/activations/registry';
import type { ElementwiseActivation } from '../../../src/core/activations/types';
import { gradientFlow, networkGradients } from '../../../src/core/analysis/gradientFlow';
import { createRng } from '../../../src/core/random';

const el = (id: string): ElementwiseActivation => getActivation(id) as ElementwiseActivation;

test('weight gradients equal finite differences of loss = Σ outGrad ⊙ h_L', () => {
  const rng = createRng(11);
  const [L, w, B] = [3, 4, 2];
  for (const id of ['tanh', 'softplus', 'sigmoid', 'gelu']) {
    const r = el(id);
    const weights = Array.from({ length: L }, () => Float64Array.from({ length: w * w }, () => rng.normal() * 0.8));
    const x = Float64Array.from({ length: B * w }, () => rng.normal());
    const outGrad = Float64Array.from({ length: B * w }, () => rng.normal());
    const loss = (): number => {
      const { h } = networkGradients(r, {}, weights, x, outGrad, B, w);
      return h[L - 1].reduce((s, v, i) => s + v * outGrad[i], 0);
    };
    const { dW } = networkGradients(r, {}, weights, x, outGrad, B, w);
    for (let l = 0; l < L; l++) {
      for (let k = 0; k < w * w; k += 3) {
        const keep = weights[l][k];
        const eps = 1e-6;
        weights[l][k] = keep + eps;
        const up = loss();
        weights[l][k] = keep - eps;
        const down = loss();
        weights[l][k] = keep;
        const central = (up - down) / (2 * eps);
        assert.ok(Math.abs(dW[l][k] - central) < 1e-7 * Math.max(1, Math.abs(central)), `${id} dW[${l}][${k}] ${dW[l][k]} vs ${central}`);
      }
    }
  }
});

test('deterministic for a given seed; another seed gives other numbers; the last layer is 1', () => {
  const a = gradientFlow(el('tanh'), { depth: 6, width: 16, seed: 3 });
  const b = gradientFlow(el('tanh'), { depth: 6, width: 16, seed: 3 });
  const c = gradientFlow(el('tanh'), { depth: 6, width: 16, seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.relativeGradNorm, c.relativeGradNorm);
  assert.equal(a.relativeGradNorm[5], 1);
  assert.equal(a.relativeGradNorm.length, 6);
});

test('sigmoid gradients vanish with depth under Glorot init; ReLU with He init keeps them within 10x', () => {
  const sig = gradientFlow(el('sigmoid'), { depth: 20, width: 64 });
  assert.ok(sig.relativeGradNorm[0] < 1e-6, `sigmoid layer 1: ${sig.relativeGradNorm[0]}`);
  for (let l = 1; l < 20; l++) assert.ok(sig.relativeGradNorm[l - 1] < sig.relativeGradNorm[l], `sigmoid decays monotonically toward the input (layer ${l})`);
  const relu = gradientFlow(el('relu'), { depth: 20, width: 64, init: 'he_normal' });
  assert.ok(relu.relativeGradNorm.every((v) => v > 0.1 && v < 10), `relu: ${relu.relativeGradNorm.join(', ')}`);
  // With the activation's own variance-preserving gain, activations keep their scale through depth.
  const tanh = gradientFlow(el('tanh'), { depth: 20, width: 64, init: 'gain' });
  assert.ok(tanh.activationRms[19] > 0.3 * tanh.activationRms[0], `tanh rms ${tanh.activationRms.join(', ')}`);
});

test('bad options are rejected with the reason', () => {
  assert.throws(() => gradientFlow(el('relu'), { depth: 0, width: 8 }), /depth must be an integer from 1 to 50, got 0/);
  assert.throws(() => gradientFlow(el('relu'), { depth: 51, width: 8 }), /depth must be an integer from 1 to 50/);
  assert.throws(() => gradientFlow(el('relu'), { depth: 2, width: 2.5 }), /width must be an integer/);
  assert.throws(() => gradientFlow(el('relu'), { depth: 2, width: 8, seeds: 0 }), /seeds/);
  assert.throws(() => gradientFlow(el('relu'), { depth: 2, width: 8, init: 'zeros' as never }), /init must be one of/);
  assert.throws(() => gradientFlow(el('leaky_relu'), { depth: 2, width: 8, params: { alpha: 5 } }), /alpha of leaky_relu must be in/);
});
