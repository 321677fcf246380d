// The trainer's vectorized forms against the scalar ones: forward/backward over Float32Array
// and Float64Array (also in place), and the vector kinds' row-wise forward/backward against
// apply/vjp, with Jacobians checked against central differences of apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';
import { createRng } from '../../../src/core/random';

const rng = createRng(3);
const Z = Float64Array.from({ length: 257 }, (_, i) => (i < 7 ? [0, -0, 1000, -1000, 3, -3, 6][i] : 8 * rng.normal()));

test('elementwise forward/backward equal f and df elementwise (float64 exactly, float32 to rounding)', () => {
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const p = resolveParams(r);
    for (const Arr of [Float64Array, Float32Array]) {
      const z = Arr.from(Z);
      const a = new Arr(z.length);
      r.forward(z, a, p);
      const g0 = Arr.from(Array.from(z, (_v, i) => 1 + (i % 5)));
      const grad = Arr.from(g0);
      r.backward(z, a, grad, p);
      for (let i = 0; i < z.length; i++) {
        const wantY = r.f(z[i], p);
        const wantG = g0[i] * r.df(z[i], p);
        const tol = Arr === Float64Array ? 1e-12 : 1e-5;
        assert.ok(Math.abs(a[i] - wantY) <= tol * Math.max(1, Math.abs(wantY)), `${r.id} forward(${z[i]}) ${Arr.name}: ${a[i]} vs ${wantY}`);
        assert.ok(Math.abs(grad[i] - wantG) <= tol * Math.max(1, Math.abs(wantG)), `${r.id} backward(${z[i]}) ${Arr.name}: ${grad[i]} vs ${wantG}`);
      }
      const inPlace = Arr.from(z);
      r.forward(inPlace, inPlace, p);
      assert.deepEqual(Array.from(inPlace), Array.from(a), `${r.id} in place`);
    }
  }
});

test('vector forward/backward over (B, n) rows equal apply and vjp per row; Jacobians match central differences', () => {
  const B = 4;
  const n = 5;
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'vector') continue;
    const z = Float64Array.from({ length: B * n }, () => 3 * rng.normal());
    const a = new Float64Array(B * n);
    r.forward(z, a, n, {});
    const g = Float64Array.from({ length: B * n }, () => rng.normal());
    const grad = Float64Array.from(g);
    r.backward(z, a, grad, n, {});
    for (let b = 0; b < B; b++) {
      const row = Array.from(z.subarray(b * n, (b + 1) * n));
      const y = r.apply(row, {});
      const vjp = r.vjp(row, g.subarray(b * n, (b + 1) * n), {});
      const jac = r.jacobian(row, {});
      for (let i = 0; i < n; i++) {
        assert.ok(Math.abs(a[b * n + i] - y[i]) < 1e-14, `${r.id} forward row ${b}`);
        assert.ok(Math.abs(grad[b * n + i] - vjp[i]) < 1e-12, `${r.id} backward row ${b}`);
        for (let j = 0; j < n; j++) {
          const h = 1e-6;
          const up = r.apply(row.map((v, k) => (k === j ? v + h : v)), {});
          const down = r.apply(row.map((v, k) => (k === j ? v - h : v)), {});
          const central = (up[i] - down[i]) / (2 * h);
          assert.ok(Math.abs(jac[i * n + j] - central) < 1e-7, `${r.id} J[${i}][${j}] = ${jac[i * n + j]}, central ${central}`);
        }
      }
    }
    assert.throws(() => r.forward(new Float64Array(7), new Float64Array(7), 3, {}), /row length/);
    assert.throws(() => r.jvp([1, 2], [1], {}), /length/);
  }
});
