// A sweep's cells and comparisons from its runs: which runs count, the Holm family (every tested
// comparison of the sweep), the verdicts and the words they are said in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sweepStatistics, type SweepGrid, type SweepRunResult } from '../../../src/core/stats/sweep';
import { cellText, comparisonSentence, diffText, verdictText } from '../../../src/core/stats/sweepText';
import { summarize } from '../../../src/core/stats/summary';
import { holmAdjust, welchTest } from '../../../src/core/stats/welch';

/** A 2 x 2 grid with three seeds; accuracies chosen so sigmoid falls far behind at depth 8 only. */
const ACC: Record<string, number[]> = {
  'relu-2': [0.975, 0.976, 0.974], 'sigmoid-2': [0.973, 0.975, 0.976],
  'relu-8': [0.970, 0.968, 0.971], 'sigmoid-8': [0.60, 0.55, 0.62],
};

function sweep(drop: (id: string) => boolean = () => false): { grid: SweepGrid; runs: SweepRunResult[] } {
  const grid: SweepGrid = { activations: ['relu', 'sigmoid'], depths: [2, 8], seeds: [1, 2, 3], runs: [] };
  const runs: SweepRunResult[] = [];
  for (const seed of grid.seeds) for (const depth of grid.depths) for (const activation of grid.activations) {
    const runId = `${activation}-d${depth}-s${seed}`;
    grid.runs.push({ runId, activation, depth, seed });
    if (drop(runId)) continue;
    const layers = Array.from({ length: depth + 1 }, (_, i) => ({ meanAbsGradient: (i + 1) * seed * 1e-3 }));
    runs.push({ id: runId, status: 'completed', test: { accuracy: ACC[`${activation}-${depth}`][seed - 1] }, history: [{ loss: 1 + seed, layers }, { loss: seed / 10, layers }] });
  }
  return { grid, runs };
}

test('cells: the completed seeds in seed order, their summary, the last loss and the epoch-1 gradients averaged over seeds', () => {
  const { grid, runs } = sweep();
  const s = sweepStatistics(grid, runs);
  assert.deepEqual(s.cells.map((c) => `${c.activation}@${c.depth}`), ['relu@2', 'sigmoid@2', 'relu@8', 'sigmoid@8']);
  const c = s.cells[3];
  assert.deepEqual(c.seeds, [1, 2, 3]);
  assert.deepEqual(c.accuracies, ACC['sigmoid-8']);
  assert.equal(c.planned, 3);
  assert.deepEqual({ n: c.n, mean: c.mean, sd: c.sd, ci95: c.ci95 }, summarize(ACC['sigmoid-8']));
  assert.ok(Math.abs(c.finalLoss.mean! - 0.2) < 1e-12, 'last epoch losses 0.1, 0.2, 0.3');
  assert.equal(c.gradients.length, 9);
  assert.ok(Math.abs(c.gradients[0] - 2e-3) < 1e-15, 'layer 1: seeds give 1e-3, 2e-3, 3e-3');
});

test('comparisons: every pair at every depth, Welch per pair, Holm over the whole sweep, a verdict at 0.05', () => {
  const { grid, runs } = sweep();
  const s = sweepStatistics(grid, runs);
  assert.equal(s.comparisons.length, 2);
  assert.equal(s.tests, 2);
  const raw = [welchTest(ACC['relu-2'], ACC['sigmoid-2']), welchTest(ACC['relu-8'], ACC['sigmoid-8'])];
  const adjusted = holmAdjust(raw.map((w) => (typeof w === 'object' ? w.p : NaN)));
  s.comparisons.forEach((c, i) => {
    const w = raw[i];
    assert.ok(typeof w === 'object');
    assert.equal(c.p, w.p);
    assert.equal(c.pAdjusted, adjusted[i]);
    assert.deepEqual(c.ci95, w.ci95);
  });
  const [shallow, deep] = s.comparisons;
  assert.equal(shallow.verdict, 'not-distinguishable');
  assert.equal(shallow.significant, false);
  assert.equal(deep.verdict, 'a-better');
  assert.equal(deep.significant, true);
  assert.match(comparisonSentence(deep), /^at depth 8, relu beats sigmoid by 37\.97 ± \d+\.\d\d points, p = 0\.0\d+$/);
  assert.match(comparisonSentence(shallow), /^at depth 2, relu and sigmoid are not distinguishable \(difference 0\.\d\d ± \d\.\d\d points, p = 0\.\d+\)$/);
  assert.match(comparisonSentence(deep, 'zh-cn'), /^深度为 8 时，relu 比 sigmoid 高 37\.97 ± \d+\.\d\d 个百分点，p = 0\.0\d+$/);
  assert.equal(verdictText(deep), 'relu better');
  assert.match(diffText(deep), /^\+37\.97 ± /);
  assert.match(s.method, /Holm's method over all of them/);
  assert.match(s.method, /\(2 here\)/);
  assert.match(s.methodZh, /这里是 2 次/);
});

test('unfinished, failed and single-seed cells say "not enough seeds" and stay out of the Holm family', () => {
  // sigmoid at depth 2 keeps one seed; relu at depth 8 has one failed run (not counted) and one missing
  const { grid, runs } = sweep((id) => id === 'sigmoid-d2-s2' || id === 'sigmoid-d2-s3' || id === 'relu-d8-s3');
  runs.find((r) => r.id === 'relu-d8-s2')!.status = 'failed';
  const s = sweepStatistics(grid, runs);
  const one = s.cells.find((c) => c.activation === 'sigmoid' && c.depth === 2)!;
  assert.deepEqual([one.n, one.sd, one.ci95], [1, null, null]);
  assert.equal(cellText(one), '97.30 (not enough seeds) (1/3)');
  assert.equal(cellText(one, 'zh-cn'), '97.30（种子不够） (1/3)');
  assert.equal(s.tests, 0);
  for (const c of s.comparisons) {
    assert.equal(c.verdict, 'not-enough-seeds');
    assert.equal(c.p, null);
    assert.equal(c.pAdjusted, null);
    assert.equal(c.significant, false);
  }
  assert.ok(!JSON.stringify(s).includes('NaN') && !JSON.stringify(s).includes('null,null,null,null'), 'no NaN in the results');
  assert.match(comparisonSentence(s.comparisons[0]), /not enough seeds to compare/);
});
