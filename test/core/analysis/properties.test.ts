// Measured properties against closed forms (Gaussian integrals known exactly), against the
// PyTorch fixture (f'(0)), and against what each record declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import erfc from '@stdlib/math-base-special-erfc';
import { ACTIVATIONS, getActivation } from '../../../src/core/activations/registry';
import type { ElementwiseActivation } from '../../../src/core/activations/types';
import { analyzeActivation } from '../../../src/core/analysis/properties';
import { compileCustomActivation } from '../../../src/core/expr/index';
import { fixture, within } from '../activations/torchFixture';

const el = (id: string): ElementwiseActivation => getActivation(id) as ElementwiseActivation;
/** P(Z > t) for Z ~ N(0, 1), from stdlib's erfc. */
const tail = (t: number): number => 0.5 * erfc(t / Math.SQRT2);

test('relu: init gain sqrt(2) within 1e-3 (measured 1e-9), mean 1/sqrt(2π), half the mass dead', () => {
  const a = analyzeActivation(el('relu'));
  assert.ok(Math.abs(a.initGain - Math.SQRT2) < 1e-9, `gain ${a.initGain}`);
  assert.ok(Math.abs(a.mean - 1 / Math.sqrt(2 * Math.PI)) < 1e-9, `mean ${a.mean}`);
  assert.ok(Math.abs(a.deadZone.share - 0.5) < 1e-3, `dead ${a.deadZone.share}`);
  assert.deepEqual(a.deadZone.intervals, [[-Infinity, 0]]);
  assert.ok(a.saturation.every((s) => Math.abs(s.share - 0.5) < 1e-3));
  assert.deepEqual(a.kinks, [0]);
  assert.equal(a.smooth, false);
  assert.equal(a.monotonic, 'increasing');
});

test('closed forms: leaky gain sqrt(2/(1+α²)), GELU mean 1/(2√π), SELU mean 0 and gain 1, tanh saturation', () => {
  const leaky = analyzeActivation(el('leaky_relu'), { alpha: 0.3 });
  assert.ok(Math.abs(leaky.initGain - Math.sqrt(2 / (1 + 0.09))) < 1e-9);
  const gelu = analyzeActivation(el('gelu'));
  assert.ok(Math.abs(gelu.mean - 1 / (2 * Math.sqrt(Math.PI))) < 1e-9, `${gelu.mean}`);
  // SELU's constants are chosen so that N(0, 1) in gives mean 0 and variance 1 out (Klambauer et al. 2017).
  const selu = analyzeActivation(el('selu'));
  assert.ok(Math.abs(selu.mean) < 1e-6 && Math.abs(selu.initGain - 1) < 1e-6, `${selu.mean} ${selu.initGain}`);
  // sech²(z) < 0.01 ⟺ |z| > acosh(10): share 2·P(Z > acosh(10)/s).
  const tanh = analyzeActivation(el('tanh'));
  for (const { s, share } of tanh.saturation) assert.ok(Math.abs(share - 2 * tail(Math.acosh(10) / s)) < 2e-4, `s=${s}: ${share}`);
  // σ'(z) ≤ 1/4 at 0; max |f'| is there.
  const sig = analyzeActivation(el('sigmoid'));
  assert.ok(Math.abs(sig.maxAbsDerivative.value - 0.25) < 1e-12 && sig.maxAbsDerivative.at === 0);
  assert.ok(Math.abs(sig.mean - 0.5) < 1e-12);
  // hardtanh: f' = 0 for |z| ≥ 1, so the dead share is 2·P(Z > 1).
  const ht = analyzeActivation(el('hardtanh'));
  assert.ok(Math.abs(ht.deadZone.share - 2 * tail(1)) < 1e-3, `${ht.deadZone.share}`);
});

test("f'(0) reported by the analysis is PyTorch's f'(0)", () => {
  for (const c of fixture.elementwise) {
    const i = c.x.findIndex((x) => Object.is(x, 0));
    const a = analyzeActivation(el(c.id), c.params);
    // Within 1e-6 relative: PyTorch's Hardsigmoid backward uses a float32 1/6.
    assert.ok(within(a.derivativeAtZero, c.dy[i], 1), `${c.id} ${JSON.stringify(c.params)}: ${a.derivativeAtZero} vs ${c.dy[i]}`);
  }
});

test('what every record declares (range, monotonic, smooth, zero-centred) is what the analysis measures', () => {
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const a = analyzeActivation(r);
    const near = (x: number, y: number): boolean => x === y || Math.abs(x - y) < 1e-6 * Math.max(1, Math.abs(y));
    assert.ok(near(a.range.min, r.range.min), `${r.id} min ${a.range.min} vs ${r.range.min}`);
    assert.ok(near(a.range.max, r.range.max), `${r.id} max ${a.range.max} vs ${r.range.max}`);
    assert.equal(a.range.minIncluded, r.range.minIncluded, `${r.id} minIncluded`);
    assert.equal(a.range.maxIncluded, r.range.maxIncluded, `${r.id} maxIncluded`);
    assert.equal(a.monotonic !== false, r.properties.monotonic, `${r.id} monotonic`);
    assert.equal(a.smooth, r.properties.smooth, `${r.id} smooth (kinks ${a.kinks.join(', ')}, jumps ${a.jumps.join(', ')})`);
    assert.equal(a.zeroCentred, r.properties.zeroCentred, `${r.id} zero-centred (mean ${a.mean})`);
  }
});

test('kinks and jumps are located: hard_swish ±3, hardshrink jumps at ±λ, thresholded relu at θ', () => {
  assert.deepEqual(analyzeActivation(el('hard_swish')).kinks, [-3, 3]);
  assert.deepEqual(analyzeActivation(el('hardshrink'), { lambd: 1 }).jumps, [-1, 1]);
  assert.deepEqual(analyzeActivation(el('thresholded_relu'), { theta: 0.5 }).jumps, [0.5]);
  assert.deepEqual(analyzeActivation(el('elu'), { alpha: 2 }).kinks, [0]);
  assert.deepEqual(analyzeActivation(el('elu')).kinks, []);
});

test('custom expressions are analysed the same way', () => {
  const sq = analyzeActivation(compileCustomActivation({ name: 'square', expression: 'x^2' }));
  assert.equal(sq.monotonic, false);
  assert.equal(sq.range.min, 0);
  assert.equal(sq.range.max, Infinity);
  assert.ok(Math.abs(sq.mean - 1) < 1e-9 && Math.abs(sq.initGain - 1 / Math.sqrt(3)) < 1e-9, 'E z² = 1, E z⁴ = 3');
  const step = analyzeActivation(compileCustomActivation({ name: 'steep', expression: 'where(x > 1, x, 0.5*x)' }));
  assert.deepEqual(step.jumps, [1]);
});

test('kinks are the function\'s, not the sampler\'s: none for exp(x) up to 20; a kink beside a huge smooth part is found', () => {
  const analyse = (expression: string) => analyzeActivation(compileCustomActivation({ name: 'k', expression }));
  for (const smooth of ['exp(x)', 'exp(x/2)*x^3', 'sin(30*x)', 'x*abs(x)', 'softplus(5*x)']) {
    const a = analyse(smooth);
    assert.deepEqual([a.kinks, a.jumps], [[], []], smooth);
    assert.equal(a.smooth, true, smooth);
  }
  assert.deepEqual(analyse('exp(x) + max(x - 15, 0)').kinks, [15], 'f\' jumps by 1 where f\' is 3.3e6');
  assert.deepEqual(analyse('exp(x/2) + abs(x - 19)').kinks, [19]);
  assert.deepEqual(analyse('abs(x)').kinks, [0], 'a jump of f\' across two grid steps (sign(0) = 0)');
  assert.deepEqual(analyse('where(x > 3, x^2, 0)').jumps, [3]);
});
