// Why a network needs a non-linearity: three dense layers with no activation are one affine map
// (checked against W = W₃W₂W₁, b = W₃(W₂b₁ + b₂) + b₃ computed here), and with ReLU or tanh they are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { denseStack, stackOutput, stackRows, STACK_ACTIVATIONS, type DenseLayer } from '../../../src/core/guide/nonLinearity';

/** y = W x + b for one layer, in float64. */
function affine(layer: DenseLayer, x: number[]): number[] {
  return Array.from({ length: layer.units }, (_, i) => x.reduce((s, xj, j) => s + layer.W[i * layer.inputs + j] * xj, layer.b[i]));
}

/** The collapsed map of a linear stack: slope and intercept of the 1 -> 1 network. */
function collapse(layers: DenseLayer[]): { slope: number; intercept: number } {
  // the image of 0 is the intercept; the image of e minus it is the slope (exact for an affine map)
  const intercept = layers.reduce((h, layer) => affine(layer, h), [0])[0];
  const one = layers.reduce((h, layer) => affine(layer, h), [1])[0];
  return { slope: one - intercept, intercept };
}

test('with no activation the three layers are one straight line: W₃(W₂(W₁x + b₁) + b₂) + b₃ = Wx + b', () => {
  const layers = denseStack();
  assert.deepEqual(layers.map((l) => [l.inputs, l.units]), [[1, 8], [8, 8], [8, 1]]);
  // W₃W₂W₁ by explicit products, independent of affine()
  const [l1, l2, l3] = layers as [DenseLayer, DenseLayer, DenseLayer];
  const w21 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, k) => l2.W[i * 8 + k] * l1.W[k]).reduce((a, b) => a + b, 0));
  const slope = Array.from({ length: 8 }, (_, i) => l3.W[i] * w21[i]).reduce((a, b) => a + b, 0);
  const b2 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, k) => l2.W[i * 8 + k] * l1.b[k]).reduce((a, b) => a + b, l2.b[i]));
  const intercept = Array.from({ length: 8 }, (_, i) => l3.W[i] * b2[i]).reduce((a, b) => a + b, l3.b[0]);
  assert.ok(Math.abs(collapse(layers).slope - slope) < 1e-12 && Math.abs(collapse(layers).intercept - intercept) < 1e-12);
  for (const x of [-3, -1.25, 0, 0.5, 2.75]) {
    const y = stackOutput(layers, 'identity', x);
    assert.ok(Math.abs(y - (slope * x + intercept)) < 1e-12, `x=${x}: ${y} vs ${slope * x + intercept}`);
  }
});

test('with ReLU or tanh between the layers the output bends; the plotted rows show it', () => {
  const rows = stackRows();
  assert.deepEqual([...new Set(rows.map((r) => r.activation))], [...STACK_ACTIVATIONS]);
  const secondDifferences = (id: string): number[] => {
    const ys = rows.filter((r) => r.activation === id).map((r) => r.y);
    return ys.slice(2).map((y, i) => Math.abs(y - 2 * ys[i + 1] + ys[i]));
  };
  assert.ok(Math.max(...secondDifferences('identity')) < 1e-12, 'a straight line has no second difference');
  // how far the curve strays from the chord between its ends, as a share of its own range
  const bend = (id: string): number => {
    const ys = rows.filter((r) => r.activation === id).map((r) => r.y);
    const n = ys.length;
    const off = Math.max(...ys.map((y, i) => Math.abs(y - (ys[0] + ((ys[n - 1] - ys[0]) * i) / (n - 1)))));
    return off / (Math.max(...ys) - Math.min(...ys));
  };
  assert.ok(bend('identity') < 1e-12);
  for (const id of ['relu', 'tanh']) assert.ok(bend(id) > 0.2, `${id} bends the map visibly: ${bend(id)}`);
  // ReLU's stack is piecewise linear: most second differences are zero, a few (the kinks) are not
  const relu = secondDifferences('relu');
  assert.ok(relu.filter((d) => d > 1e-9).length >= 1 && relu.filter((d) => d < 1e-12).length > relu.length / 2);
});

test('the network is fixed by its seed; a vector activation is refused', () => {
  assert.deepEqual(Array.from(denseStack(4)[0].W), Array.from(denseStack()[0].W));
  assert.notDeepEqual(Array.from(denseStack(5)[0].W), Array.from(denseStack()[0].W));
  assert.throws(() => stackOutput(denseStack(), 'softmax', 0), /not an elementwise activation/);
  assert.throws(() => stackOutput(denseStack(), 'no_such_thing', 0), /no_such_thing/);
});
