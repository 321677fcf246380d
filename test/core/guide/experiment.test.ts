// The tutorial's expected order set beside the user's runs: the newest experiment with two or more
// of the tutorial's activations, ranked, and every pair that departs from the tutorial named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithTutorial, TUTORIAL_TIERS, type ExperimentRuns } from '../../../src/core/guide/experiment';

const run = (id: string, testAccuracy: number | null) => ({ id, testAccuracy });

test("the tutorial's order: ReLU and Leaky ReLU, then tanh, then sigmoid", () => {
  assert.deepEqual(TUTORIAL_TIERS, [['relu', 'leaky_relu'], ['tanh'], ['sigmoid']]);
});

test('the lab\'s 10-epoch run with seed 42 departs from it, and the comparison names each inverted pair', () => {
  // test accuracies of `actlab train --epochs 10` (seed 42) on MNIST
  const x: ExperimentRuns = { createdAt: '2026-01-02T10:00:00.000Z', dataset: 'mnist', epochs: 10,
    runs: [run('sigmoid', 0.974), run('tanh', 0.975), run('relu', 0.9747), run('leaky_relu', 0.9704)] };
  const c = compareWithTutorial([x])!;
  assert.deepEqual(c.rows.map((r) => [r.activation, r.expectedRank]), [['tanh', 2], ['relu', 1], ['sigmoid', 3], ['leaky_relu', 1]]);
  const pairs = c.inversions.map((i) => `${i.expectedWorse.activation}>${i.expectedBetter.activation}`).sort();
  assert.deepEqual(pairs, ['sigmoid>leaky_relu', 'tanh>leaky_relu', 'tanh>relu']);
});

test('runs in the expected order agree; ties between ReLU and Leaky ReLU are no departure', () => {
  const x: ExperimentRuns = { createdAt: '2026-01-01T00:00:00.000Z', dataset: 'mnist', epochs: 1,
    runs: [run('sigmoid', 0.9363), run('tanh', 0.9533), run('relu', 0.9603), run('leaky_relu', 0.9608)] };
  const c = compareWithTutorial([x])!;
  assert.deepEqual(c.rows.map((r) => r.activation), ['leaky_relu', 'relu', 'tanh', 'sigmoid']);
  assert.deepEqual(c.inversions, []);
  const reversed = compareWithTutorial([{ ...x, runs: [run('relu', 0.96), run('leaky_relu', 0.97)] }])!;
  assert.deepEqual(reversed.inversions, [], 'one tier: either order is expected');
});

test('the newest experiment with two tutorial activations is the one compared; others are passed over', () => {
  const old: ExperimentRuns = { createdAt: '2026-01-01T00:00:00.000Z', dataset: 'mnist', epochs: 3, runs: [run('relu', 0.97), run('sigmoid', 0.96)] };
  const newestButOne: ExperimentRuns = { createdAt: '2026-02-01T00:00:00.000Z', dataset: 'mnist', epochs: 2, runs: [run('relu', 0.95), run('gelu', 0.97)] };
  const failed: ExperimentRuns = { createdAt: '2026-03-01T00:00:00.000Z', dataset: 'mnist', epochs: 2, runs: [run('relu', null), run('tanh', Number.NaN), run('sigmoid', 0.9)] };
  assert.equal(compareWithTutorial([old, newestButOne, failed])!.experiment, old);
  assert.equal(compareWithTutorial([newestButOne]), undefined);
  assert.equal(compareWithTutorial([]), undefined);
});
