// Whole-network gradients against finite differences of an independent double-precision forward
// pass, for every elementwise activation in the registry (and mixed stacks, PReLU's learned
// slope, a user expression, and the fused WebAssembly path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { createKernels, availableKernels } from '../../../src/core/kernels/index';
import type { KernelProvider } from '../../../src/core/kernels/index';
import { createRng } from '../../../src/core/random';
import type { LayerActivation } from '../../../src/core/train/activation';
import { makeConfig, type ActivationSpec } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { MlpTrainer } from '../../../src/core/train/trainer';

const INPUTS = 6;
const HIDDEN = [5, 4];
const CLASSES = 3;
const ROWS = 4;

/** Mean cross-entropy of the MLP in double precision, from the records' scalar f. */
function referenceLoss(trainer: MlpTrainer, params: Float64Array, acts: LayerActivation[], x: Float32Array, y: number[]): number {
  const sizes = trainer.layout.sizes;
  const actParams = acts.map((a) => ({ ...a.params }));
  for (const slot of trainer.layout.activationParams) actParams[slot.layer][slot.name] = params[slot.offset]!;
  let total = 0;
  for (let r = 0; r < ROWS; r++) {
    let h = Array.from(x.subarray(r * INPUTS, (r + 1) * INPUTS));
    trainer.layout.dense.forEach((d, l) => {
      const z = new Array<number>(d.units).fill(0);
      for (let j = 0; j < d.units; j++) {
        let s = params[d.biasOffset + j];
        for (let i = 0; i < d.inputs; i++) s += h[i] * params[d.weightOffset + i * d.units + j];
        z[j] = s;
      }
      h = l < sizes.length - 2 ? z.map((v) => acts[l].kernel.f(v, actParams[l])) : z;
    });
    const max = Math.max(...h);
    const lse = max + Math.log(h.reduce((a, v) => a + Math.exp(v - max), 0));
    total += lse - h[y[r]];
  }
  return total / ROWS;
}

/** Checks every gradient of a small network against central differences; returns the worst error. */
function checkGradients(stack: ActivationSpec[], seed: number, kernels?: KernelProvider): number {
  const acts = stack.map(resolveLayerActivation);
  const config = makeConfig({ hidden: HIDDEN, activations: stack, batchSize: ROWS, evalBatchSize: ROWS, seed });
  const trainer = new MlpTrainer(config, INPUTS, CLASSES, acts, kernels);
  const rng = createRng(seed + 1);
  // Non-zero biases so no unit sits exactly at a kink.
  for (const d of trainer.layout.dense) for (let j = 0; j < d.units; j++) trainer.params[d.biasOffset + j] = rng.uniform(-0.5, 0.5);
  const x = Float32Array.from({ length: ROWS * INPUTS }, () => rng.uniform(-1, 1.5));
  const y = Array.from({ length: ROWS }, () => rng.int(CLASSES));
  const loss = trainer.lossAndGradients(x, y, ROWS);

  const p = Float64Array.from(trainer.params);
  const ref = referenceLoss(trainer, p, acts, x, y);
  assert.ok(Math.abs(loss - ref) <= 1e-5 * Math.max(1, Math.abs(ref)), `${stack.map((s) => ('id' in s ? s.id : s.custom.name)).join(', ')}: loss ${loss}, reference ${ref}`);

  let worst = 0;
  const h = 1e-6;
  for (let i = 0; i < p.length; i++) {
    const keep = p[i];
    p[i] = keep + h;
    const up = referenceLoss(trainer, p, acts, x, y);
    p[i] = keep - h;
    const down = referenceLoss(trainer, p, acts, x, y);
    p[i] = keep;
    const fd = (up - down) / (2 * h);
    const g = trainer.grads[i];
    const err = Math.abs(g - fd) / (1e-4 + Math.abs(fd));
    worst = Math.max(worst, err);
    assert.ok(Math.abs(g - fd) <= 2e-5 + 2e-3 * Math.abs(fd),
      `${stack.map((s) => ('id' in s ? s.id : s.custom.name)).join('+')} param ${i}: analytic ${g}, finite difference ${fd}`);
  }
  return worst;
}

const elementwise = ACTIVATIONS.filter((r) => r.kind === 'elementwise');

test('there are elementwise activations to check, the tutorial\'s among them', () => {
  const ids = elementwise.map((r) => r.id);
  for (const id of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'prelu']) assert.ok(ids.includes(id), id);
});

for (const record of elementwise) {
  test(`gradients of a whole ${record.id} network agree with finite differences`, () => {
    checkGradients([{ id: record.id }, { id: record.id }], 11);
  });
}

test('mixed stacks: each layer differentiates through its own activation', () => {
  checkGradients([{ id: 'relu' }, { id: 'tanh' }], 5);
  checkGradients([{ id: 'sigmoid' }, { id: 'leaky_relu', params: { alpha: 0.3 } }], 6);
});

test("PReLU's slope gets its gradient (the activation-parameter entries are checked too)", () => {
  const acts = [resolveLayerActivation({ id: 'prelu' })];
  assert.deepEqual(acts[0].learnable, ['alpha']);
  checkGradients([{ id: 'prelu' }, { id: 'prelu', params: { alpha: 0.1 } }], 9);
});

test('a user expression trains like a built-in', () => {
  checkGradients([{ custom: { name: 'swish2', expression: 'x * sigmoid(2 * x)' } }, { id: 'tanh' }], 3);
});

const fast = availableKernels().filter((k) => k !== 'js');
test('the fused WebAssembly passes give the same gradients (tutorial activations)', { skip: fast.length === 0 && 'no WebAssembly SIMD here' }, () => {
  for (const id of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu']) {
    const kernels = createKernels(fast[0]);
    assert.ok(kernels.biasActivation, 'the provider offers fused passes');
    checkGradients([{ id }, { id }], 13, kernels);
  }
});
