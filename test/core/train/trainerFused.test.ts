// The trainer with every activation on its fused WebAssembly pass (built-ins) or its compiled
// module (custom expressions) against the plain TypeScript path (the registry's loops, the
// expression closures): one training step's gradients and weights, and the test accuracy after
// two epochs on a subset (2000 test images: one is 0.05 point), which must stay within 0.3 points
// of the TypeScript run's on the same seed. That run uses 64-32 hidden units: the activation passes
// are what is compared, and the TypeScript path's matrix products at the tutorial's 128-64 cost
// most of the unit layer's time. Learned parameters (PReLU's slope, a custom expression's) train through the fused
// gradient reductions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { loadMnist } from '../../../src/core/data/datasets';
import { compileCustomActivation, differentiate, parseExpression, simplify } from '../../../src/core/expr/index';
import { availableKernels, createKernels, type KernelName } from '../../../src/core/kernels/index';
import { createJsKernels } from '../../../src/core/kernels/js';
import type { LayerActivation } from '../../../src/core/train/activation';
import { makeConfig, type ActivationSpec, type TrainConfig } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { MlpTrainer } from '../../../src/core/train/trainer';

const mnist = loadMnist();
const fast = availableKernels().find((k): k is Exclude<KernelName, 'js'> => k !== 'js');
const skip = !fast && 'no WebAssembly SIMD here';

const SPECS: ActivationSpec[] = [
  ...ACTIVATIONS.filter((r) => r.kind === 'elementwise').map((r) => ({ id: r.id })),
  { id: 'leaky_relu', params: { alpha: 0.2 } },
  { id: 'hardtanh', params: { min_val: -2, max_val: 0.5 } },
  { custom: { name: 'swish2', expression: 'x*sigmoid(2*x)' } },
  { custom: { name: 'mish_expr', expression: 'x*tanh(softplus(x))' } },
];

function trainer(config: TrainConfig, kernels: 'js' | 'fast', layers?: LayerActivation[]): MlpTrainer {
  const acts = layers ?? config.activations.map(resolveLayerActivation);
  return new MlpTrainer(config, 784, 10, acts, kernels === 'js' ? createJsKernels() : createKernels(fast));
}

function maxDiff(got: Float32Array, want: Float32Array): { diff: number; at: number } {
  let diff = 0, at = -1;
  for (let i = 0; i < got.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    if (!(d <= diff)) { diff = d; at = i; }
  }
  return { diff, at };
}

/** A custom expression with a learned parameter (the language has none yet: the layer marks it learned). */
function learnedSwish(): LayerActivation {
  const record = compileCustomActivation({ name: 'learned_swish', expression: 'x*sigmoid(beta*x)', params: { beta: 1 } });
  return { name: 'learned_swish', kernel: record, params: { beta: 1 }, learnable: ['beta'] };
}

test('every activation runs fused or compiled on the WebAssembly kernels', { skip }, () => {
  for (const spec of SPECS) {
    const config = makeConfig({ epochs: 1, limitTrain: 40, activations: [spec] });
    const t = trainer(config, 'fast');
    assert.deepEqual(t.activationPaths, 'custom' in spec ? ['compiled', 'compiled'] : ['fused', 'fused'], JSON.stringify(spec));
    assert.deepEqual(t.kernelNotes, []);
    assert.deepEqual(trainer(config, 'js').activationPaths, ['js', 'js']);
  }
});

test('an expression the compiler declines trains on the JavaScript path, and the trainer says why', { skip }, () => {
  // the compiler sees 300 distinct terms; the JavaScript path runs the small record's closures
  // (the full record of the large expression takes long to analyse, and only the wiring is tested here)
  const small = compileCustomActivation({ name: 'wide', expression: 'x*sigmoid(x)' });
  const ast = parseExpression(`(${Array.from({ length: 300 }, (_, i) => `sigmoid(x - ${(i + 1) / 50})`).join('+')})/300`);
  const wide = { ...small, ast, derivativeAst: simplify(differentiate(ast)) };
  const layer = (): LayerActivation => ({ name: 'wide', kernel: wide, params: {}, learnable: [] });
  const config = makeConfig({ epochs: 1, limitTrain: 64, limitTest: 32, activations: [{ id: 'relu' }] });
  const t = trainer(config, 'fast', [layer(), { ...resolveLayerActivation({ id: 'tanh' }) }]);
  assert.deepEqual(t.activationPaths, ['js', 'fused']);
  assert.equal(t.kernelNotes.length, 1);
  assert.match(t.kernelNotes[0], /^wide: the expression and its derivatives need \d+ vector values per step; the compiler takes at most \d+; it runs on the JavaScript path$/);
  assert.equal(t.run(mnist).status, 'completed');
});

test('one training step matches the TypeScript path within 1e-5 for every activation, learned parameters included', { skip }, () => {
  const cases: { label: string; config: TrainConfig; layers?: () => LayerActivation[] }[] = SPECS.map((spec) => ({
    label: JSON.stringify(spec), config: makeConfig({ epochs: 1, limitTrain: 40, limitTest: 64, activations: [spec] }),
  }));
  const learned = makeConfig({ epochs: 1, limitTrain: 40, limitTest: 64, activations: [{ id: 'relu' }] });
  cases.push({ label: 'learned custom beta', config: learned, layers: () => [learnedSwish(), learnedSwish()] });
  for (const { label, config, layers } of cases) {
    const ref = trainer(config, 'js', layers?.());
    const got = trainer(config, 'fast', layers?.());
    ref.run(mnist);
    got.run(mnist);
    for (const buf of ['grads', 'params', 'm', 'v'] as const) {
      const { diff, at } = maxDiff(got[buf], ref[buf]);
      assert.ok(diff <= 1e-5, `${label} ${buf}[${at}]: ${got[buf][at]} vs js ${ref[buf][at]} (|d| ${diff})`);
    }
    // learned parameters: their gradients were really computed (not left at 0)
    for (const slot of got.layout.activationParams) {
      assert.notEqual(got.grads[slot.offset], 0, `${label}: gradient of ${slot.name} in layer ${slot.layer}`);
    }
  }
});

test('test accuracy (2000 images) of a 64-32 network after 2 epochs on 1000 images stays within 0.3 points of the TypeScript path for every activation', { skip }, () => {
  const rows: string[] = [];
  const bad: string[] = [];
  for (const spec of SPECS) {
    const config = makeConfig({ epochs: 2, limitTrain: 1000, limitTest: 2000, hidden: [64, 32], activations: [spec] }); // 1 test image = 0.05 point
    const a = trainer(config, 'js').run(mnist);
    const b = trainer(config, 'fast').run(mnist);
    assert.equal(b.status, 'completed');
    const accA = a.test!.accuracy, accB = b.test!.accuracy;
    rows.push(`${'custom' in spec ? spec.custom.name : spec.id} ${accB.toFixed(4)} (js ${accA.toFixed(4)})`);
    if (Math.abs(accA - accB) > 0.003) bad.push(`${JSON.stringify(spec)}: test accuracy ${accB} vs js ${accA}`);
  }
  console.log(rows.join('; '));
  assert.deepEqual(bad, []);
});
