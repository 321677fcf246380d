// The statistics of a sweep (activations x depths x seeds): per cell the seeds' test accuracies
// with mean, sd and 95% interval; per depth every pair of activations compared by Welch's t-test,
// the p-values Holm-adjusted over all comparisons of the sweep, and a verdict at alpha = 0.05.
// Pure: the sweep job writes it to results.json, the page recomputes it live as seeds finish.
import { summarize, type SampleSummary } from './summary';
import { holmAdjust, welchTest } from './welch';

/** A difference is called real when its Holm-adjusted p-value is below this. */
export const ALPHA = 0.05;

/** One planned run of a sweep: which cell and which seed. */
export interface SweepRunPlan {
  runId: string;
  /** The row: an activation on every hidden layer ('relu'), or a stack per layer ('relu+tanh'). */
  activation: string;
  /** Hidden layers. */
  depth: number;
  seed: number;
}

/** A sweep's axes, in the order asked, and its runs. */
export interface SweepGrid {
  activations: string[];
  depths: number[];
  seeds: number[];
  runs: SweepRunPlan[];
}

/** What the statistics read of a run (results.json's runs, the page's live runs). */
export interface SweepRunResult {
  id: string;
  status: string;
  test: { accuracy: number } | null;
  history: readonly { loss: number; layers: readonly { meanAbsGradient: number }[] }[];
}

export interface SweepCell extends SampleSummary {
  activation: string;
  depth: number;
  /** Seeds planned for this cell. */
  planned: number;
  /** The seeds whose runs completed, and their test accuracies (fractions of 1), in the same order. */
  seeds: number[];
  accuracies: number[];
  /** The last epoch's training loss over the same seeds. */
  finalLoss: SampleSummary;
  /** Mean |dL/dW| per dense layer (input side first, output last) after epoch 1, averaged over the seeds. */
  gradients: number[];
}

export type SweepVerdict = 'a-better' | 'b-better' | 'not-distinguishable' | 'not-enough-seeds' | 'no-spread';

export interface SweepComparison {
  depth: number;
  a: string;
  b: string;
  nA: number;
  nB: number;
  /** mean(a) − mean(b) in accuracy (fractions of 1); null when a side has no completed run. */
  diff: number | null;
  /** The difference's 95% interval (Welch–Satterthwaite); null when it cannot be tested. */
  ci95: [number, number] | null;
  t: number | null;
  df: number | null;
  /** Welch's two-sided p-value, and Holm's adjustment over every tested comparison of the sweep. */
  p: number | null;
  pAdjusted: number | null;
  /** pAdjusted < alpha. */
  significant: boolean;
  verdict: SweepVerdict;
}

export interface SweepResults {
  activations: string[];
  depths: number[];
  seeds: number[];
  alpha: number;
  cells: SweepCell[];
  comparisons: SweepComparison[];
  /** Comparisons that could be tested: Holm's m. */
  tests: number;
  /** How the numbers were made, in one paragraph: English and Simplified Chinese. */
  method: string;
  methodZh: string;
}

function cellOf(grid: SweepGrid, byId: Map<string, SweepRunResult>, activation: string, depth: number): SweepCell {
  const planned = grid.runs.filter((r) => r.activation === activation && r.depth === depth).sort((x, y) => x.seed - y.seed);
  const done = planned.flatMap((plan) => {
    const run = byId.get(plan.runId);
    return run && run.status === 'completed' && run.test && Number.isFinite(run.test.accuracy) ? [{ plan, run, accuracy: run.test.accuracy }] : [];
  });
  const accuracies = done.map((d) => d.accuracy);
  const losses = done.map((d) => d.run.history.at(-1)?.loss).filter((l): l is number => l !== undefined && Number.isFinite(l));
  const firstEpochs = done.map((d) => d.run.history[0]?.layers ?? []).filter((layers) => layers.length > 0);
  const layerCount = Math.min(...firstEpochs.map((l) => l.length));
  const gradients = firstEpochs.length === 0 ? [] : Array.from({ length: layerCount }, (_, i) =>
    firstEpochs.reduce((s, layers) => s + layers[i].meanAbsGradient, 0) / firstEpochs.length);
  return {
    activation, depth, planned: planned.length,
    seeds: done.map((d) => d.plan.seed), accuracies, ...summarize(accuracies),
    finalLoss: summarize(losses), gradients,
  };
}

/** Every cell and comparison of a sweep from the runs as far as they went (unfinished runs are left out). */
export function sweepStatistics(grid: SweepGrid, runs: readonly SweepRunResult[]): SweepResults {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const cells = grid.depths.flatMap((depth) => grid.activations.map((activation) => cellOf(grid, byId, activation, depth)));
  const cell = (activation: string, depth: number) => cells.find((c) => c.activation === activation && c.depth === depth)!;
  const comparisons: SweepComparison[] = [];
  const tested: { index: number; p: number }[] = [];
  for (const depth of grid.depths) {
    grid.activations.forEach((a, i) => grid.activations.slice(i + 1).forEach((b) => {
      const ca = cell(a, depth);
      const cb = cell(b, depth);
      const base = { depth, a, b, nA: ca.n, nB: cb.n, diff: ca.mean !== null && cb.mean !== null ? ca.mean - cb.mean : null };
      const w = welchTest(ca.accuracies, cb.accuracies);
      if (typeof w === 'string') {
        comparisons.push({ ...base, ci95: null, t: null, df: null, p: null, pAdjusted: null, significant: false, verdict: w });
        return;
      }
      tested.push({ index: comparisons.length, p: w.p });
      comparisons.push({ ...base, diff: w.diff, ci95: w.ci95, t: w.t, df: w.df, p: w.p, pAdjusted: null, significant: false, verdict: 'not-distinguishable' });
    }));
  }
  holmAdjust(tested.map((x) => x.p)).forEach((pAdjusted, k) => {
    const c = comparisons[tested[k].index];
    c.pAdjusted = pAdjusted;
    c.significant = pAdjusted < ALPHA;
    if (c.significant) c.verdict = c.diff! > 0 ? 'a-better' : 'b-better';
  });
  const method = sweepMethod(tested.length);
  return {
    activations: [...grid.activations], depths: [...grid.depths], seeds: [...grid.seeds], alpha: ALPHA,
    cells, comparisons, tests: tested.length, method: method.en, methodZh: method['zh-cn'],
  };
}

/** The method, in one paragraph a student can follow; `tests` is how many comparisons Holm's adjustment covers. */
export function sweepMethod(tests: number): { en: string; 'zh-cn': string } {
  return {
    en: 'Each cell (one activation at one depth) was trained once per seed; the seed changes only the initial weights ' +
      'and the order of the training images. For each cell we give the mean test accuracy over its seeds, the sample ' +
      'standard deviation (dividing by n − 1) and a 95% confidence interval for the mean, mean ± t(0.975, n − 1) · sd / √n, ' +
      "from Student's t distribution. Two activations at the same depth are compared by the difference of their means, " +
      "with its 95% confidence interval, and by Welch's t-test, which does not assume the two spreads are equal: " +
      't = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of freedom. Because a sweep makes many ' +
      `comparisons at once (${tests} here), the p-values are adjusted with Holm's method over all of them; a difference ` +
      `is called real when its adjusted p-value is below ${ALPHA}. Otherwise the two are not distinguishable, which does ` +
      'not mean they are equal: more seeds may tell them apart. A cell with fewer than two seeds cannot be tested. ' +
      "The t distribution's quantiles and probabilities come from the stdlib library.",
    'zh-cn': '每个格子（一个激活函数在一个深度下）对每个种子各训练一次；种子只改变初始权重和训练图像的顺序。' +
      '对每个格子，我们给出各种子测试准确率的均值、样本标准差（除以 n − 1）和均值的 95% 置信区间：' +
      '均值 ± t(0.975, n − 1) · sd / √n，t 取自 Student t 分布。同一深度下的两个激活函数，用均值之差及其 95% 置信区间比较，' +
      '并做 Welch t 检验（不假设两组的离散程度相同）：t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)，自由度按 Welch–Satterthwaite 公式计算。' +
      `一次扫描实验同时做了许多次比较（这里是 ${tests} 次），所以 p 值用 Holm 方法在全部比较上校正；` +
      `校正后的 p 值小于 ${ALPHA} 时，才认为差异真实存在。否则两者无法区分，但这不等于两者相同：更多的种子也许能把它们分开。` +
      '少于两个种子的格子无法检验。t 分布的分位数和概率由 stdlib 库计算。',
  };
}
