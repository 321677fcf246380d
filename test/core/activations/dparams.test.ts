// The records' derivatives by parameter (`dparams`, the learned-parameter gradients) against
// central differences of f in float64, away from the kinks and jumps where f is not
// differentiable in the parameter; and every parameter of every elementwise record has one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';
import type { ElementwiseActivation } from '../../../src/core/activations/types';
import { createRng } from '../../../src/core/random';

const elementwise = ACTIVATIONS.filter((r): r is ElementwiseActivation => r.kind === 'elementwise');

/** Parameter sets per record: the defaults and one other in range. */
const OTHER: Record<string, Record<string, number>> = {
  leaky_relu: { alpha: 0.2 }, prelu: { alpha: -0.3 }, elu: { alpha: 0.7 }, celu: { alpha: 1.8 },
  softplus: { beta: 2.5, threshold: 15 }, silu: { beta: 1.7 }, hard_sigmoid: { alpha: 0.2, beta: 0.4 },
  hardtanh: { min_val: -2, max_val: 0.5 }, thresholded_relu: { theta: 0.3 }, softshrink: { lambd: 0.8 }, hardshrink: { lambd: 1.2 },
};

test('every parameter of every elementwise activation has its derivative by that parameter', () => {
  for (const r of elementwise) {
    for (const spec of r.params) assert.equal(typeof r.dparams?.[spec.name], 'function', `${r.id} has no dparams.${spec.name}`);
  }
});

test('dparams agree with central differences of f in float64', () => {
  const rng = createRng(11);
  const xs = [...Array.from({ length: 400 }, () => 6 * rng.normal()), -1000, 1000, -30, 30, 1e-3, -1e-3];
  for (const r of elementwise) {
    for (const given of [{}, OTHER[r.id] ?? {}]) {
      const p = resolveParams(r, given);
      for (const spec of r.params) {
        let checked = 0;
        const exact = r.dparams![spec.name];
        const v = p[spec.name];
        const h = 1e-6 * Math.max(1, Math.abs(v));
        for (const x of xs) {
          const at = (pv: number): number => r.f(x, { ...p, [spec.name]: pv });
          // skip x where f or its slope in p jumps inside [v - 4h, v + 4h] (a kink crosses x)
          const d1 = (at(v + h) - at(v - h)) / (2 * h);
          const d2 = (at(v + 4 * h) - at(v - 4 * h)) / (8 * h);
          if (Math.abs(d1 - d2) > 1e-5 * (1 + Math.abs(d1))) continue;
          const want = exact(x, p);
          assert.ok(Math.abs(d1 - want) <= 1e-6 * (1 + Math.abs(want)), `${r.id} d/d${spec.name} at x=${x}, ${JSON.stringify(p)}: ${want}, central difference ${d1}`);
          checked++;
        }
        assert.ok(checked > 300, `${r.id} d/d${spec.name}: only ${checked} of ${xs.length} points away from kinks`);
      }
    }
  }
});

test('dparams of a parameter at which f jumps are 0 away from the jump, NaN for NaN', () => {
  for (const id of ['thresholded_relu', 'hardshrink']) {
    const r = elementwise.find((x) => x.id === id)!;
    const p = resolveParams(r);
    const name = r.params[0].name;
    for (const x of [-5, -0.2, 0.1, 3, 1000]) assert.equal(r.dparams![name](x, p), 0);
    assert.ok(Number.isNaN(r.dparams![name](NaN, p)));
  }
});
