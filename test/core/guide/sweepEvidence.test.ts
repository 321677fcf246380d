// The chooser cites the user's own sweep for hidden-layer choices: at the depth asked (or the
// nearest one the sweep has), "beats", "trails" or "not distinguishable", with the interval and
// the Holm-adjusted p-value; never for an output layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend, sweepDepthFor, type SweepEvidence } from '../../../src/core/guide/chooser';
import type { SweepComparison } from '../../../src/core/stats/sweep';

function comparison(depth: number, a: string, b: string, diff: number, pAdjusted: number): SweepComparison {
  const significant = pAdjusted < 0.05;
  return {
    depth, a, b, nA: 5, nB: 5, diff, ci95: [diff - 0.013, diff + 0.013], t: 10, df: 7.5, p: pAdjusted / 3, pAdjusted, significant,
    verdict: significant ? (diff > 0 ? 'a-better' : 'b-better') : 'not-distinguishable',
  };
}

const sweep: SweepEvidence = {
  depths: [2, 8], seeds: [1, 2, 3, 4, 5],
  comparisons: [
    comparison(2, 'sigmoid', 'relu', -0.002, 0.6),
    comparison(8, 'sigmoid', 'relu', -0.121, 0.0004),
    comparison(8, 'tanh', 'relu', 0.001, 0.62),
  ],
};

const reasonsOf = (id: string, depth: number, role: 'hidden' | 'output' = 'hidden') =>
  recommend({ role, task: 'multiclass', depth, constraints: [], sweep }).find((r) => r.activation === id)?.reasons ?? [];

test('at depth 8 the chooser cites the sweep first: relu beats sigmoid, relu and tanh are not distinguishable', () => {
  const [first] = reasonsOf('relu', 8);
  assert.ok(first?.fromSweep, 'the sweep reason comes first');
  assert.equal(first.text.en, 'Your sweep (5 seeds): at depth 8, relu beats sigmoid by 12.10 ± 1.30 points, p < 0.001; at depth 8, tanh and relu are not distinguishable (difference 0.10 ± 1.30 points, p = 0.62).');
  assert.equal(first.weight, 1);
  const sigmoid = reasonsOf('sigmoid', 8)[0];
  assert.ok(sigmoid.fromSweep && sigmoid.weight === -1 && sigmoid.text.en.includes('relu beats sigmoid'));
  assert.match(sigmoid.text['zh-cn'], /^你的扫描实验（5 个种子）：深度为 8 时，relu 比 sigmoid 高 12\.10 ± 1\.30 个百分点，p < 0\.001。$/);
  const tanh = reasonsOf('tanh', 8)[0];
  assert.ok(tanh.fromSweep && tanh.weight === 0 && tanh.text.en.includes('not distinguishable'));
});

test('a shallow question gets the shallow answer: not distinguishable at depth 2', () => {
  const [first] = reasonsOf('sigmoid', 2);
  assert.ok(first?.fromSweep);
  assert.match(first.text.en, /at depth 2, sigmoid and relu are not distinguishable \(difference −0\.20 ± 1\.30 points, p = 0\.60\)/);
  assert.equal(first.weight, 0);
});

test('another depth: the nearest the sweep has, and said so', () => {
  assert.equal(sweepDepthFor([2, 8], 6), 8);
  assert.equal(sweepDepthFor([2, 8], 5), 8, 'a tie goes to the deeper');
  assert.equal(sweepDepthFor([2, 8], 3), 2);
  const [first] = reasonsOf('relu', 10);
  assert.match(first.text.en, /^Your sweep \(5 seeds; depth 8 is the nearest it has to 10\): at depth 8, relu beats sigmoid/);
});

test('hidden-layer evidence stays out of output-layer choices, the runs\' accuracies too', () => {
  const out = recommend({ role: 'output', task: 'binary', depth: 2, constraints: [], sweep, evidence: { sigmoid: 0.5, softmax: 0.99, tanh: 0.98 } });
  assert.ok(out.every((r) => r.reasons.every((x) => !x.fromSweep && !x.text.en.startsWith('Your'))), 'no "Your sweep" or "Your runs" for an output layer');
});
