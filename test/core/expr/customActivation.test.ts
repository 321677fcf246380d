// Custom activations compiled from data behave like built-ins: checked against the PyTorch
// fixture (SiLU with beta, ReLU with its kink convention), vectorized forms, measured properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCustomActivation, parseExpression } from '../../../src/core/expr/index';
import { fixture, matchesTorch } from '../activations/torchFixture';

test('x*sigmoid(beta*x) as a custom activation matches PyTorch SiLU at beta 1, 0.5 and 2', () => {
  const swish = compileCustomActivation({ name: 'my_swish', expression: 'x*sigmoid(beta*x)', params: { beta: 1 } });
  assert.equal(swish.origin, 'custom');
  assert.deepEqual(swish.params.map((p) => [p.name, p.default]), [['beta', 1]]);
  let n = 0;
  for (const c of fixture.elementwise.filter((e) => e.id === 'silu')) {
    c.x.forEach((x, i) => {
      if (Math.abs(x) > 100) return; // the expression's σ(1 − σ) form underflows differently far out
      assert.ok(matchesTorch(swish.f(x, c.params), c.y[i], c.exact_y[i], x), `f(${x}) beta ${c.params.beta}`);
      assert.ok(matchesTorch(swish.df(x, c.params), c.dy[i], c.exact_dy[i], x), `f'(${x}) beta ${c.params.beta}: ${swish.df(x, c.params)} vs ${c.dy[i]}`);
      n++;
    });
  }
  assert.ok(n > 100);
});

test("max(x, 0) as a custom activation follows PyTorch's relu, kink included", () => {
  const r = compileCustomActivation({ name: 'my_relu', expression: 'max(x, 0)' });
  const c = fixture.elementwise.find((e) => e.id === 'relu')!;
  c.x.forEach((x, i) => {
    assert.ok(matchesTorch(r.f(x, {}), c.y[i], c.exact_y[i], x), `f(${x})`);
    assert.ok(matchesTorch(r.df(x, {}), c.dy[i], c.exact_dy[i], x), `f'(${x})`);
  });
  assert.equal(r.derivativeExpression, 'where(x > 0, 1, 0)');
  assert.doesNotThrow(() => parseExpression(r.derivativeExpression));
});

test('a custom record has vectorized forms, parameters by call, and measured properties', () => {
  const r = compileCustomActivation({ name: 'scaled_tanh', expression: 'k*tanh(x/k)', params: { k: 2 } });
  const z = Float32Array.from([-3, -0.5, 0, 0.5, 3]);
  const out = new Float32Array(5);
  r.forward(z, out, { k: 2 });
  const grad = Float32Array.from([1, 1, 1, 1, 1]);
  r.backward(z, out, grad, { k: 2 });
  z.forEach((x, i) => {
    assert.ok(Math.abs(out[i] - 2 * Math.tanh(x / 2)) < 1e-6);
    assert.ok(Math.abs(grad[i] - 1 / Math.cosh(x / 2) ** 2) < 1e-6);
  });
  assert.ok(Math.abs(r.f(3, { k: 1 }) - Math.tanh(3)) < 1e-15, 'parameters given per call');
  assert.ok(Math.abs(r.f(3, {}) - 2 * Math.tanh(1.5)) < 1e-15, 'missing parameters take the defaults');
  assert.deepEqual(r.properties, { monotonic: true, smooth: true, zeroCentred: true });
  assert.ok(Math.abs(r.range.min + 2) < 1e-9 && Math.abs(r.range.max - 2) < 1e-9 && !r.range.maxIncluded, JSON.stringify(r.range));
  const kinked = compileCustomActivation({ name: 'k', expression: 'max(x, 0)' });
  assert.deepEqual(kinked.properties, { monotonic: true, smooth: false, zeroCentred: false });
  assert.equal(kinked.range.min, 0);
  assert.equal(kinked.range.max, Infinity);
  assert.match(r.formula.latex, /\\tanh/);
});
