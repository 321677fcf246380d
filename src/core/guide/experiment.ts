// The tutorial's experiment and what it expects (ReLU and Leaky ReLU best and fastest, then tanh,
// then sigmoid), set beside the user's own runs: the newest experiment that trained at least two
// of the tutorial's four activations, ranked by test accuracy, and where it departs from the order.
import type { LocalizedText } from '../activations/types';
import type { GuideSection } from './content';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

/** The tutorial's expected order, best first; activations in one tier are expected to tie. */
export const TUTORIAL_TIERS: readonly (readonly string[])[] = [['relu', 'leaky_relu'], ['tanh'], ['sigmoid']];

export const EXPECTED_RESULT: GuideSection = {
  id: 'experiment',
  title: t("The tutorial's experiment: what to expect", '教程的实验：预期结果'),
  text: t(
    "The tutorial trains the same 784-128-64-10 network on MNIST with sigmoid, tanh, ReLU and Leaky ReLU in the hidden layers (Adam, batch 32, 10 epochs) and expects ReLU and Leaky ReLU to learn fastest and end best, then tanh, then sigmoid. In the lab's own run (seed 42) that order holds after the first epoch (validation accuracy: Leaky ReLU 96.1%, ReLU 96.0%, tanh 95.3%, sigmoid 93.6%); after 10 epochs all four end within about half a point of each other (97.0% to 97.8% test accuracy with seeds 42 and 1) and their order changes with the seed (with seed 1, sigmoid ends best). On a network this shallow the difference is how fast they learn; it grows with depth (the gradient-flow analysis).",
    '教程用同一个 784-128-64-10 网络在 MNIST 上做实验，隐藏层分别用 Sigmoid、Tanh、ReLU 和 Leaky ReLU（Adam 优化器，批大小 32，训练 10 轮），预期 ReLU 和 Leaky ReLU 学得最快、结果最好，其次是 Tanh，最后是 Sigmoid。在本实验室自己的一次训练中（随机种子 42），第 1 轮结束时正是这个顺序（验证准确率：Leaky ReLU 96.1%，ReLU 96.0%，Tanh 95.3%，Sigmoid 93.6%）；训练 10 轮后，四者的测试准确率相差不到半个百分点（随机种子 42 和 1 下都在 97.0% 到 97.8% 之间），先后顺序随种子而变（种子为 1 时，Sigmoid 最终反而最好）。网络这么浅时，差别主要在学习速度上；网络越深，差别越大（见梯度流分析）。',
  ),
  link: { view: 'gradientFlow', activations: ['sigmoid', 'tanh', 'relu', 'leaky_relu'] },
};

export const YOUR_RUNS = {
  title: t('Your runs beside it', '你的训练结果'),
  from: t('From your experiment of {0} ({1} epochs, {2}), by test accuracy:', '来自你在 {0} 的实验（{1} 轮，{2}），按测试准确率排序：'),
  agrees: t("Your runs follow the tutorial's order.", '你的结果与教程预期的顺序一致。'),
  differs: t("Your runs depart from the tutorial's order: {0}.", '你的结果与教程预期的顺序不同：{0}。'),
  none: t(
    "No experiment with at least two of the tutorial's activations yet: train sigmoid, tanh, ReLU and Leaky ReLU in the Train section, then come back.",
    '还没有包含教程中至少两个激活函数的实验：先在“训练”分区训练 Sigmoid、Tanh、ReLU 和 Leaky ReLU，再回到这里。',
  ),
};

/** What the guide needs of one experiment (the protocol's ExperimentSummary has it). */
export interface ExperimentRuns {
  createdAt: string;
  dataset: string;
  epochs: number;
  runs: readonly { id: string; testAccuracy: number | null }[];
}

export interface TutorialRow {
  activation: string;
  testAccuracy: number;
  /** 1 for the tier expected best. */
  expectedRank: number;
}

/** A pair the tutorial orders one way and the runs the other. */
export interface Inversion {
  expectedBetter: TutorialRow;
  expectedWorse: TutorialRow;
}

export interface TutorialComparison {
  experiment: ExperimentRuns;
  /** Best test accuracy first. */
  rows: TutorialRow[];
  inversions: Inversion[];
}

const expectedRank = (id: string): number => TUTORIAL_TIERS.findIndex((tier) => tier.includes(id)) + 1;

/** The newest experiment with a test accuracy for at least two of the tutorial's activations, ranked; undefined when there is none. */
export function compareWithTutorial(experiments: readonly ExperimentRuns[]): TutorialComparison | undefined {
  const newestFirst = [...experiments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const experiment of newestFirst) {
    const rows = experiment.runs
      .filter((r) => expectedRank(r.id) > 0 && r.testAccuracy !== null && Number.isFinite(r.testAccuracy))
      .map((r) => ({ activation: r.id, testAccuracy: r.testAccuracy!, expectedRank: expectedRank(r.id) }))
      .sort((a, b) => b.testAccuracy - a.testAccuracy || a.expectedRank - b.expectedRank);
    if (rows.length < 2) continue;
    const inversions: Inversion[] = [];
    for (const better of rows) for (const worse of rows) {
      if (better.expectedRank < worse.expectedRank && better.testAccuracy < worse.testAccuracy) inversions.push({ expectedBetter: better, expectedWorse: worse });
    }
    return { experiment, rows, inversions };
  }
  return undefined;
}
