// f and f' of every built-in against PyTorch (float64, autograd), including ±1000, ±1e-30, -0
// and the kinks, where PyTorch's derivative convention is the one to follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, getActivation } from '../../../src/core/activations/registry';
import type { VectorActivation } from '../../../src/core/activations/types';
import { fixture, matchesTorch, within } from './torchFixture';

test('the fixture covers every built-in activation', () => {
  const covered = new Set([...fixture.elementwise.map((c) => c.id), ...fixture.vector.map((v) => v.id)]);
  assert.deepEqual(ACTIVATIONS.map((r) => r.id).filter((id) => !covered.has(id)), []);
  assert.equal(fixture.dtype, 'float64');
});

test('every elementwise f and df matches PyTorch within 1e-6 relative', (t) => {
  let points = 0;
  let viaExact = 0;
  let maxRel = 0;
  const failures: string[] = [];
  for (const c of fixture.elementwise) {
    const r = getActivation(c.id);
    assert.equal(r.kind, 'elementwise', c.id);
    if (r.kind !== 'elementwise') continue;
    c.x.forEach((x, i) => {
      for (const [what, got, want, exact] of [
        ['f', r.f(x, c.params), c.y[i], c.exact_y[i]],
        ["f'", r.df(x, c.params), c.dy[i], c.exact_dy[i]],
      ] as const) {
        points++;
        const how = matchesTorch(got, want, exact, x);
        if (how === 'exact') viaExact++;
        if (!how) failures.push(`${c.id} ${JSON.stringify(c.params)} ${what}(${x}): got ${got}, PyTorch ${want}, exact ${exact}`);
        if (how === 'torch' && Math.abs(want) >= 1e-10) maxRel = Math.max(maxRel, Math.abs(got - want) / Math.abs(want));
      }
    });
  }
  t.diagnostic(`${points} values from ${fixture.elementwise.length} cases; max relative error vs PyTorch ${maxRel.toExponential(2)} (values ≥ 1e-10); ${viaExact} values where PyTorch's float64 is off the 120-digit reference and ours matches the reference`);
  assert.deepEqual(failures.slice(0, 10), []);
  assert.ok(maxRel < 1e-6);
});

test('away from kinks, every f and df is within 1e-12 relative of the 120-digit reference', () => {
  let worst = 0;
  let where = '';
  for (const c of fixture.elementwise) {
    const r = getActivation(c.id);
    if (r.kind !== 'elementwise') continue;
    c.x.forEach((x, i) => {
      if (c.kinks.some((k) => Math.abs(x - k) < 1e-6)) return;
      for (const [what, got, exact] of [['f', r.f(x, c.params), c.exact_y[i]], ["f'", r.df(x, c.params), c.exact_dy[i]]] as const) {
        const rel = Math.abs(got - exact) / Math.max(Math.abs(exact), Number.MIN_VALUE);
        if (rel > worst) [worst, where] = [rel, `${c.id} ${what}(${x})`];
      }
    });
  }
  assert.ok(worst < 1e-12, `worst ${worst} at ${where}`);
});

test("PyTorch's kink conventions: relu'(0) = 0, leaky'(0) = alpha, elu'(0) = alpha, hardswish'(±3), relu6'(6) = 0", () => {
  // Read from the fixture (PyTorch's autograd), compared with the registry at the exact kink.
  const at = (id: string, params: Record<string, number>, x: number): number => {
    const c = fixture.elementwise.find((e) => e.id === id && JSON.stringify(e.params) === JSON.stringify(params));
    assert.ok(c, `${id} ${JSON.stringify(params)} in fixture`);
    const i = c.x.findIndex((v) => Object.is(v, x));
    assert.ok(i >= 0, `x = ${x} in the ${id} grid`);
    return c.dy[i];
  };
  const cases: [string, Record<string, number>, number][] = [
    ['relu', {}, 0], ['relu', {}, -0], ['leaky_relu', { alpha: 0.2 }, 0], ['elu', { alpha: 2 }, 0], ['selu', {}, 0],
    ['hard_swish', {}, -3], ['hard_swish', {}, 3], ['relu6', {}, 0], ['relu6', {}, 6],
    ['hard_sigmoid', { alpha: 1 / 6, beta: 0.5 }, 3], ['softshrink', { lambd: 0.5 }, 0.5], ['thresholded_relu', { theta: 1 }, 1],
  ];
  for (const [id, params, x] of cases) {
    const r = getActivation(id);
    assert.equal(r.kind, 'elementwise');
    if (r.kind === 'elementwise') assert.equal(r.df(x, params), at(id, params, x), `${id}'(${x})`);
  }
});

test('softmax and log_softmax rows match PyTorch: values, Jacobian, and J·v / Jᵀ·g from it', () => {
  for (const v of fixture.vector) {
    const r = getActivation(v.id) as VectorActivation;
    assert.equal(r.kind, 'vector');
    for (const row of v.rows) {
      const n = row.x.length;
      const y = r.apply(row.x, {});
      const jac = r.jacobian(row.x, {});
      row.x.forEach((_, i) => {
        assert.ok(matchesTorch(y[i], row.y[i], row.exact_y[i], 1), `${v.id}(${row.x.join(', ')})[${i}] = ${y[i]}, PyTorch ${row.y[i]}`);
        for (let j = 0; j < n; j++) {
          const got = jac[i * n + j];
          assert.ok(matchesTorch(got, row.jacobian[i][j], row.exact_jacobian[i][j], 1), `${v.id} J[${i}][${j}] at ${row.x.join(', ')}: ${got} vs ${row.jacobian[i][j]}`);
        }
      });
      // J v and Jᵀ g against products with PyTorch's Jacobian.
      const vec = row.x.map((_, i) => Math.sin(i + 1));
      const jv = r.jvp(row.x, vec, {});
      const jtg = r.vjp(row.x, vec, {});
      for (let i = 0; i < n; i++) {
        const wantJv = row.jacobian[i].reduce((s, a, j) => s + a * vec[j], 0);
        const wantJtg = row.jacobian.reduce((s, jr, k) => s + jr[i] * vec[k], 0);
        assert.ok(Math.abs(jv[i] - wantJv) <= 1e-12 + 1e-9 * Math.abs(wantJv), `${v.id} jvp[${i}]`);
        assert.ok(Math.abs(jtg[i] - wantJtg) <= 1e-12 + 1e-9 * Math.abs(wantJtg), `${v.id} vjp[${i}]`);
      }
    }
  }
});

test('softmax([1000, 1001]) is finite and right: [1/(1+e), e/(1+e)]', () => {
  const s = (getActivation('softmax') as VectorActivation).apply([1000, 1001], {});
  assert.ok(within(s[0], 1 / (1 + Math.E), 1) && within(s[1], Math.E / (1 + Math.E), 1), s.join(', '));
  const ls = (getActivation('log_softmax') as VectorActivation).apply([1000, 1001], {});
  assert.ok(within(ls[1], -Math.log1p(Math.exp(-1)), 1), ls.join(', '));
});
