// TF Playground's datasets, seeded: the same seed gives the same points, the classes are balanced
// as TF Playground's are, and noise moves points and labels as its definitions say (checked
// against the geometry of each set, not against the generator's own output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CLASSIFICATION_DATASETS, DOMAIN, REGRESSION_DATASETS, SAMPLES, gaussLabel, generateDataset, planeLabel, splitTrainTest, type Point,
} from '../../../src/core/playground/data';

const count = (points: Point[], label: number) => points.filter((p) => p.label === label).length;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => { const m = mean(xs); return mean(xs.map((x) => (x - m) ** 2)); };

test('every dataset is deterministic per seed and changes with it', () => {
  for (const name of [...CLASSIFICATION_DATASETS, ...REGRESSION_DATASETS]) {
    const a = generateDataset(name, { noise: 20, seed: 7 });
    assert.deepEqual(generateDataset(name, { noise: 20, seed: 7 }), a, `${name}: same seed, same points`);
    assert.notDeepEqual(generateDataset(name, { noise: 20, seed: 8 }), a, `${name}: another seed, other points`);
  }
});

test("sizes are TF Playground's: 500 points to classify, 1200 to regress, all inside the plane", () => {
  for (const name of CLASSIFICATION_DATASETS) assert.equal(generateDataset(name, { noise: 50, seed: 1 }).length, SAMPLES.classification);
  for (const name of REGRESSION_DATASETS) assert.equal(generateDataset(name, { noise: 50, seed: 1 }).length, SAMPLES.regression);
  for (const name of [...CLASSIFICATION_DATASETS, ...REGRESSION_DATASETS]) {
    for (const p of generateDataset(name, { noise: 0, seed: 3 })) {
      assert.ok(Math.abs(p.x) <= DOMAIN && Math.abs(p.y) <= DOMAIN, `${name}: (${p.x}, ${p.y}) in the plane`);
    }
  }
});

test('circle, gauss and spiral are balanced exactly without noise; XOR within binomial bounds', () => {
  for (const name of ['circle', 'gauss', 'spiral'] as const) {
    const points = generateDataset(name, { noise: 0, seed: 11 });
    assert.equal(count(points, 1), 250, `${name} class 1`);
    assert.equal(count(points, 0), 250, `${name} class 0`);
  }
  // XOR's classes are the quadrant signs of uniform points: Binomial(500, 1/2), sd 11.2; 5 sd.
  for (const seed of [1, 2, 3]) {
    const ones = count(generateDataset('xor', { noise: 0, seed }), 1);
    assert.ok(Math.abs(ones - 250) < 56, `xor seed ${seed}: ${ones} of class 1`);
  }
});

test('circle: without noise class 1 is inside radius 2.5 and class 0 between 3.5 and 5; noise flips some labels', () => {
  for (const p of generateDataset('circle', { noise: 0, seed: 5 })) {
    const r = Math.hypot(p.x, p.y);
    if (p.label === 1) assert.ok(r <= 2.5, `class 1 at radius ${r}`);
    else assert.ok(r >= 3.5 - 1e-9 && r <= 5 + 1e-9, `class 0 at radius ${r}`);
  }
  const noisy = generateDataset('circle', { noise: 50, seed: 5 });
  const flipped = noisy.filter((p) => (Math.hypot(p.x, p.y) < 2.5 ? 1 : 0) !== p.label).length;
  assert.ok(flipped > 25, `${flipped} labels disagree with the radius at 50% noise`);
});

test('xor: without noise the label is the sign of x·y, points keep 0.3 off the axes; noise flips some', () => {
  for (const p of generateDataset('xor', { noise: 0, seed: 5 })) {
    assert.equal(p.label, p.x * p.y >= 0 ? 1 : 0);
    assert.ok(Math.abs(p.x) >= 0.3 && Math.abs(p.y) >= 0.3);
  }
  const flipped = generateDataset('xor', { noise: 30, seed: 5 }).filter((p) => p.label !== (p.x * p.y >= 0 ? 1 : 0)).length;
  assert.ok(flipped > 10, `${flipped} labels flipped at 30% noise`);
});

test('gauss: centres (2, 2) and (-2, -2); variance 0.5 without noise, 4 at 50%', () => {
  for (const [noise, want] of [[0, 0.5], [50, 4]] as const) {
    const points = generateDataset('gauss', { noise, seed: 9, samples: 20_000 });
    for (const [label, c] of [[1, 2], [0, -2]] as const) {
      const xs = points.filter((p) => p.label === label).map((p) => p.x);
      // 10,000 samples: the mean's sd is sqrt(var/1e4), the variance's about var*sqrt(2/1e4).
      assert.ok(Math.abs(mean(xs) - c) < 5 * Math.sqrt(want / 1e4), `noise ${noise} class ${label}: mean ${mean(xs)}`);
      assert.ok(Math.abs(variance(xs) - want) < 5 * want * Math.sqrt(2 / 1e4), `noise ${noise} class ${label}: variance ${variance(xs)}`);
    }
  }
});

test('spiral: without noise every point lies on its arm (radius i/n·5, angle 1.75 turns · i/n); noise jitters each coordinate by at most the noise', () => {
  const n = 250;
  const clean = generateDataset('spiral', { noise: 0, seed: 2 });
  clean.forEach((p, k) => {
    const i = k % n;
    const r = (i / n) * 5;
    const t = 1.75 * (i / n) * 2 * Math.PI + (k < n ? 0 : Math.PI);
    assert.ok(Math.abs(p.x - r * Math.sin(t)) < 1e-12 && Math.abs(p.y - r * Math.cos(t)) < 1e-12, `point ${k}`);
    assert.equal(p.label, k < n ? 1 : 0);
  });
  const noisy = generateDataset('spiral', { noise: 30, seed: 2 });
  const offsets = noisy.flatMap((p, k) => [p.x - clean[k].x, p.y - clean[k].y]);
  assert.ok(offsets.every((d) => Math.abs(d) <= 0.3 + 1e-12), 'jitter within ±0.3');
  // uniform on [-0.3, 0.3]: mean |d| = 0.15
  assert.ok(Math.abs(mean(offsets.map(Math.abs)) - 0.15) < 0.01, `mean |jitter| ${mean(offsets.map(Math.abs))}`);
});

test('regression: the plane is (x + y) / 10 and the gaussians peak at ±1 at their centres, without noise', () => {
  for (const p of generateDataset('reg-plane', { noise: 0, seed: 4 })) assert.ok(Math.abs(p.label - (p.x + p.y) / 10) < 1e-12);
  assert.equal(planeLabel(6, 4), 1);
  assert.equal(gaussLabel(-4, 2.5), 1);
  assert.equal(gaussLabel(0, 2.5), -1);
  assert.equal(Math.abs(gaussLabel(0, 0.5)), 0, 'zero at distance 2 from every centre it is near');
  assert.ok(Math.abs(gaussLabel(4, -1.5) - -0.5) < 1e-12, 'halfway down the bump at (4, -2.5)');
  const labels = generateDataset('reg-gauss', { noise: 0, seed: 4 }).map((p) => p.label);
  assert.ok(labels.every((l) => l >= -1 && l <= 1) && labels.some((l) => l > 0.5) && labels.some((l) => l < -0.5));
  const noisy = generateDataset('reg-plane', { noise: 20, seed: 4 });
  assert.ok(noisy.some((p) => Math.abs(p.label - (p.x + p.y) / 10) > 0.05), 'noise moves the labels off the plane');
});

test('bad noise is refused with its range', () => {
  assert.throws(() => generateDataset('circle', { noise: 60, seed: 1 }), /noise must be 0 to 50 percent, got 60/);
});

test('the train/test split keeps every point once, cuts at the ratio and is deterministic per seed', () => {
  const points = generateDataset('spiral', { noise: 10, seed: 1 });
  for (const percent of [10, 50, 90]) {
    const { train, test: held } = splitTrainTest(points, percent, 3);
    assert.equal(train.length, Math.floor(500 * percent / 100));
    assert.equal(train.length + held.length, 500);
    const key = (p: Point) => `${p.x},${p.y},${p.label}`;
    assert.deepEqual(new Set([...train, ...held].map(key)), new Set(points.map(key)));
    assert.deepEqual(splitTrainTest(points, percent, 3), { train, test: held });
  }
  assert.notDeepEqual(splitTrainTest(points, 50, 3).train, splitTrainTest(points, 50, 4).train);
});
