// Learned activation parameters against PyTorch autograd (test/fixtures/learnable-grads.json,
// made by scripts/fixtures/gen_learnable_grads.py): a 6-5-4-3 network whose two hidden layers
// each learn their own value of the parameter; the loss and d loss / d parameter per layer, with
// the plain TypeScript kernels and with the WebAssembly ones (built-ins fused, the custom
// expression compiled). The derivative by the parameter is exact in both: the records' dparams
// for built-ins, the expression language's symbolic d/dp for the custom one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableKernels, createKernels } from '../../../src/core/kernels/index';
import { createJsKernels } from '../../../src/core/kernels/js';
import { makeConfig, type ActivationSpec } from '../../../src/core/train/config';
import { resolveLayerActivation } from '../../../src/core/train/resolveActivation';
import { MlpTrainer } from '../../../src/core/train/trainer';

interface Fixture {
  sizes: number[];
  x: number[][];
  y: number[];
  weights: { W: number[][]; b: number[] }[];
  cases: { name: string; id: string | null; param: string; values: number[]; expression: string | null; loss: number; grads: number[] }[];
}

const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'learnable-grads.json'), 'utf8')) as Fixture;
const providers = availableKernels();

function layerSpec(c: Fixture['cases'][number], value: number): ActivationSpec {
  const params = { [c.param]: value };
  return c.id === null ? { custom: { name: 'learned', expression: c.expression!, params }, learn: [c.param] } : { id: c.id, params, learn: [c.param] };
}

for (const c of fixture.cases) {
  for (const kernels of providers) {
    test(`${c.name}: loss and d loss / d ${c.param} per layer match PyTorch autograd (${kernels} kernels)`, () => {
      const [inputs, h1, h2, classes] = fixture.sizes as [number, number, number, number];
      const config = makeConfig({ hidden: [h1, h2], activations: c.values.map((v) => layerSpec(c, v)), batchSize: fixture.x.length });
      const layers = config.activations.map(resolveLayerActivation);
      assert.deepEqual(layers.map((l) => l.learnable), [[c.param], [c.param]]);
      const trainer = new MlpTrainer(config, inputs, classes, layers, kernels === 'js' ? createJsKernels() : createKernels(kernels));
      fixture.weights.forEach(({ W, b }, l) => {
        trainer.layers[l].W.set(W.flat());
        trainer.layers[l].b.set(b);
      });
      const slots = trainer.layout.activationParams;
      assert.deepEqual(slots.map((s) => [s.layer, s.name]), [[0, c.param], [1, c.param]]);
      slots.forEach((s, i) => { trainer.params[s.offset] = c.values[i]!; });
      const loss = trainer.lossAndGradients(Float32Array.from(fixture.x.flat()), fixture.y, fixture.x.length);
      assert.ok(Math.abs(loss - c.loss) <= 1e-5 * Math.abs(c.loss), `loss ${loss} vs PyTorch ${c.loss}`);
      slots.forEach((s, i) => {
        const got = trainer.grads[s.offset];
        const want = c.grads[i];
        // float32 arithmetic through two layers: a few ulp of the terms summed
        assert.ok(Math.abs(got - want) <= 2e-4 * Math.abs(want) + 1e-6, `layer ${i + 1}: d loss / d ${c.param} = ${got}, PyTorch ${want}`);
      });
    });
  }
}

test('a learned parameter must be one the activation has; PReLU\'s slope is learned without asking', () => {
  assert.throws(() => resolveLayerActivation({ id: 'relu', learn: ['beta'] }), /relu\(learn=beta\) has no parameter beta to learn \(it has no parameters\)/);
  assert.throws(() => resolveLayerActivation({ id: 'silu', learn: ['alpha'] }), /has no parameter alpha to learn \(its parameters: beta\)/);
  assert.throws(() => resolveLayerActivation({ custom: { name: 'c', expression: 'a*x', params: { a: 1 } }, learn: ['b'] }), /has no parameter b to learn \(its parameters: a\)/);
  assert.deepEqual(resolveLayerActivation({ id: 'prelu' }).learnable, ['alpha']);
  assert.deepEqual(resolveLayerActivation({ id: 'leaky_relu' }).learnable, []);
  assert.throws(() => makeConfig({ activations: [{ id: 'silu', learn: ['be ta'] }] }), /learn must list parameter names/);
});
