// Numerical safety: finite outputs for every finite input (±1000, ±1e-30, -0, the float
// extremes), NaN in gives NaN out and never a throw, for scalar, vectorized and vector forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';

// Up to ±1e300: SELU(1.8e308) exceeds the largest double itself, so the float limit is left out.
const EXTREMES = [1000, -1000, 1e-30, -1e-30, 0, -0, 709.8, -745.2, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE, 37, -37];

test('every elementwise f and df is finite at extreme finite inputs', () => {
  const bad: string[] = [];
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const p = resolveParams(r);
    for (const x of EXTREMES) {
      const y = r.f(x, p);
      const d = r.df(x, p);
      if (!Number.isFinite(y) || !Number.isFinite(d)) bad.push(`${r.id}(${x}) = ${y}, f' = ${d}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('NaN in gives NaN out for f, df, forward and backward, without throwing', () => {
  for (const r of ACTIVATIONS) {
    const p = resolveParams(r);
    if (r.kind === 'elementwise') {
      assert.ok(Number.isNaN(r.f(NaN, p)), `${r.id} f(NaN)`);
      assert.ok(Number.isNaN(r.df(NaN, p)), `${r.id} df(NaN)`);
      const z = Float32Array.from([1, NaN, -1]);
      const out = new Float32Array(3);
      r.forward(z, out, p);
      assert.ok(Number.isNaN(out[1]) && !Number.isNaN(out[0]) && !Number.isNaN(out[2]), `${r.id} forward`);
      const grad = Float32Array.from([1, 1, 1]);
      r.backward(z, out, grad, p);
      assert.ok(Number.isNaN(grad[1]) && !Number.isNaN(grad[0]), `${r.id} backward`);
    } else {
      const y = r.apply([1, NaN, 2], p);
      assert.ok(y.every((v) => Number.isNaN(v)), `${r.id}(NaN row)`);
      assert.ok(r.jacobian([NaN, 1], p).every((v) => Number.isNaN(v)), `${r.id} Jacobian`);
      const z = Float64Array.from([1, 2, NaN, 0]);
      const out = new Float64Array(4);
      r.forward(z, out, 2, p);
      assert.ok(!Number.isNaN(out[0]) && Number.isNaN(out[2]), `${r.id} forward rows stay separate`);
    }
  }
});

test('softmax and log_softmax stay finite and normalised at ±1000 and 1e-30', () => {
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'vector') continue;
    for (const row of [[1000, 1001], [-1000, 0, 1000], [-1000, -1001, -999], [1e-30, -0, 0, -1e-30], [1e300, -1e300]]) {
      const y = r.apply(row, {});
      assert.ok(y.every(Number.isFinite), `${r.id}(${row.join(', ')}) = ${y.join(', ')}`);
      const total = r.id === 'softmax' ? y.reduce((s, v) => s + v, 0) : y.reduce((s, v) => s + Math.exp(v), 0);
      assert.ok(Math.abs(total - 1) < 1e-12, `${r.id}(${row.join(', ')}) sums to ${total}`);
      assert.ok(r.jacobian(row, {}).every(Number.isFinite), `${r.id} Jacobian at ${row.join(', ')}`);
    }
  }
});
