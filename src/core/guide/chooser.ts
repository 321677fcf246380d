// The interactive chooser: from a few answers (layer role, task, depth, constraints) to a ranked
// list of activations with the reasons, each reason linking to the plot that shows it. Where the
// user has runs, their measured test accuracy is evidence too. Pure: the webview runs it.
import { getActivation } from '../activations/registry';
import type { LocalizedText } from '../activations/types';
import type { SweepComparison } from '../stats/sweep';
import { comparisonSentence } from '../stats/sweepText';
import { LAYER_ROLES, TASKS, type GuideLink, type LayerRole, type Task } from './content';
import type { EvidenceSource } from './evidence';

export type Constraint = 'speed' | 'avoidDeadUnits' | 'smooth' | 'zeroCentred' | 'noNormalization';
export const CONSTRAINTS: readonly Constraint[] = ['speed', 'avoidDeadUnits', 'smooth', 'zeroCentred', 'noNormalization'];

export interface ChooserInput {
  role: LayerRole;
  /** What the network predicts (decides the output layer). */
  task: Task;
  /** Number of hidden layers. */
  depth: number;
  constraints: readonly Constraint[];
  /** Measured test accuracy by activation id, from the user's own runs (one experiment: evidence.ts). */
  evidence?: Readonly<Record<string, number>>;
  /** Where those figures come from; the reasons say it. */
  evidenceFrom?: EvidenceSource;
  /** The user's newest sweep: hidden-layer activations compared at each depth over seeds. */
  sweep?: SweepEvidence;
}

/** What the chooser cites of a sweep (results.json's `sweep`). */
export interface SweepEvidence {
  depths: readonly number[];
  seeds: readonly number[];
  comparisons: readonly SweepComparison[];
}

/**
 * What a reason is, as the page marks it: the candidate's base score for this layer and task, a
 * point for it, a point against it (a drawback, whatever the number it adds), or the user's runs.
 */
export type ReasonKind = 'base' | 'pro' | 'con' | 'evidence';

export interface Reason {
  text: LocalizedText;
  /** Score it adds (negative: counts against); a candidate's score is the sum of its reasons' weights. */
  weight: number;
  link?: GuideLink;
  /** The user's own sweep: shown first, whatever its weight. */
  fromSweep?: boolean;
  /** Absent: a pro when the weight is positive, a con when negative. */
  kind?: ReasonKind;
}

export interface Recommendation {
  activation: string;
  score: number;
  reasons: Reason[];
}

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });
/** A network this deep or deeper is "deep" for the vanishing-gradient argument. */
export const DEEP = 5;

const HIDDEN_BASE: Readonly<Record<string, number>> = {
  relu: 8, leaky_relu: 7.5, elu: 7, gelu: 7, silu: 7, mish: 6.5, selu: 6, tanh: 5.5, sigmoid: 3.5,
};
const CHEAP = new Set(['relu', 'leaky_relu', 'relu6']);
const EXPENSIVE = new Set(['gelu', 'silu', 'mish', 'selu', 'elu']);
const SATURATING = new Set(['sigmoid', 'tanh']);

function rangeText(id: string): string {
  const r = getActivation(id).range;
  const end = (v: number) => (v === Infinity ? '∞' : v === -Infinity ? '−∞' : String(v));
  return `${r.minIncluded ? '[' : '('}${end(r.min)}, ${end(r.max)}${r.maxIncluded ? ']' : ')'}`;
}

function checkInput(i: ChooserInput): void {
  if (!LAYER_ROLES.includes(i.role)) throw new Error(`layer role must be one of ${LAYER_ROLES.join(', ')}, got ${String(i.role)}`);
  if (!TASKS.includes(i.task)) throw new Error(`task must be one of ${TASKS.join(', ')}, got ${String(i.task)}`);
  if (!Number.isInteger(i.depth) || i.depth < 1 || i.depth > 1000) throw new Error(`depth must be an integer from 1 to 1000, got ${i.depth}`);
  for (const c of i.constraints) if (!CONSTRAINTS.includes(c)) throw new Error(`unknown constraint ${String(c)}; known: ${CONSTRAINTS.join(', ')}`);
}

function outputCandidates(task: Task): Map<string, Reason[]> {
  const m = new Map<string, Reason[]>();
  const add = (id: string, r: Reason): void => void m.set(id, [...(m.get(id) ?? []), r]);
  const plot = (ids: string[]): GuideLink => ({ view: 'plot', activations: ids });
  switch (task) {
    case 'binary':
      add('sigmoid', { weight: 10, kind: 'pro', text: t(`One unit whose output in ${rangeText('sigmoid')} is the probability of the positive class.`, `一个神经元，输出落在 ${rangeText('sigmoid')} 内，表示正类的概率。`), link: plot(['sigmoid']) });
      add('softmax', { weight: 6, kind: 'pro', text: t('Two units with softmax is equivalent to one sigmoid, with twice the weights.', '两个神经元加 Softmax 与一个 Sigmoid 神经元等价，但权重多一倍。'), link: plot(['softmax', 'sigmoid']) });
      add('tanh', { weight: 2, kind: 'con', text: t('Range (−1, 1): would need rescaling to a probability.', '输出范围是 (−1, 1)，要重新缩放才能表示概率。'), link: plot(['tanh', 'sigmoid']) });
      break;
    case 'multiclass':
      add('softmax', { weight: 10, kind: 'pro', text: t('Outputs are positive and sum to 1: a probability for each class (the tutorial\'s output layer).', '输出全为正且和为 1，即每个类别的概率（教程中的输出层）。'), link: plot(['softmax']) });
      add('sigmoid', { weight: 4, kind: 'con', text: t('Independent per-class probabilities that need not sum to 1: only right if the classes can overlap.', '各类别的概率相互独立，和不必为 1：只适合多个类别可以同时成立的情况。'), link: plot(['sigmoid']) });
      add('log_softmax', { weight: 7, kind: 'pro', text: t('Softmax in log space: pair it with a negative log-likelihood loss for numerical stability.', '对数空间中的 Softmax：与负对数似然损失搭配，数值更稳定。'), link: plot(['log_softmax']) });
      break;
    case 'multilabel':
      add('sigmoid', { weight: 10, kind: 'pro', text: t('One independent yes/no probability per label.', '每个标签各有一个独立的概率，表示该标签是否成立。'), link: plot(['sigmoid']) });
      add('softmax', { weight: 2, kind: 'con', text: t('Forces the labels to compete (sum to 1): wrong when several can be true.', '迫使各标签相互竞争（和为 1）：多个标签可能同时成立时不适用。'), link: plot(['softmax']) });
      break;
    case 'regression':
      add('identity', { weight: 10, kind: 'pro', text: t(`Linear output with range ${rangeText('identity')}: any target value can be reached.`, `线性输出，输出范围为 ${rangeText('identity')}：任何目标值都能取到。`), link: plot(['identity']) });
      add('softplus', { weight: 6, kind: 'pro', text: t(`Range ${rangeText('softplus')}: for targets that must be positive.`, `输出范围为 ${rangeText('softplus')}：适合必须为正的目标。`), link: plot(['softplus', 'identity']) });
      add('relu', { weight: 3, kind: 'con', text: t('Non-negative but with zero gradient below 0: a prediction stuck there cannot recover.', '输出非负，但输入小于 0 时梯度为零：预测一旦落到那里就回不来了。'), link: plot(['relu', 'softplus']) });
      break;
  }
  return m;
}

function hiddenCandidates(i: ChooserInput): Map<string, Reason[]> {
  const m = new Map<string, Reason[]>();
  const add = (id: string, r: Reason): void => void m.set(id, [...(m.get(id) ?? []), r]);
  for (const [id, base] of Object.entries(HIDDEN_BASE)) {
    add(id, { weight: base, kind: 'base', text: t(getActivation(id).doc.en, getActivation(id).doc['zh-cn']), link: { view: 'plot', activations: [id] } });
  }
  const deep = i.depth >= DEEP;
  for (const id of SATURATING) {
    add(id, deep
      ? { weight: id === 'sigmoid' ? -4 : -2.5, text: t(`Saturates: with ${i.depth} layers its small f' multiplies into vanishing gradients in the first layers.`, `容易饱和：在 ${i.depth} 层的网络中，各层较小的 f′ 连乘起来，前几层的梯度就消失了。`), link: { view: 'gradientFlow', activations: [id, 'relu'] } }
      : { weight: -1, text: t("Saturates for large |x| (f' → 0): fine in a shallow network, watch the learning rate.", '|x| 较大时会饱和（f′ → 0）：浅层网络中可以使用，但要注意学习率。'), link: { view: 'saturation', activations: [id, 'relu'] } });
  }
  if (deep) {
    add('relu', { weight: 1, text: t("f' = 1 for x > 0: gradients pass through deep stacks undiminished.", 'x > 0 时 f′ = 1：梯度穿过深层网络也不会衰减。'), link: { view: 'gradientFlow', activations: ['sigmoid', 'tanh', 'relu'] } });
  }
  const cs = new Set(i.constraints);
  if (cs.has('speed')) {
    for (const id of CHEAP) if (id in HIDDEN_BASE) add(id, { weight: 2, text: t('Cheap: a comparison, no exponential.', '计算效率高：一次比较，不需要指数运算。'), link: { view: 'compare', activations: ['relu', 'gelu'] } });
    for (const id of EXPENSIVE) add(id, { weight: -1.5, text: t('Needs an exponential (or erf) per unit: slower on large layers.', '每个神经元都要计算指数（或 erf）：层很大时明显更慢。'), link: { view: 'compare', activations: [id, 'relu'] } });
  }
  if (cs.has('avoidDeadUnits')) {
    add('relu', { weight: -3, text: t("f' = 0 for every x < 0: units whose input stays negative die.", 'x < 0 时 f′ = 0：输入始终为负的神经元不再更新（死亡 ReLU 问题）。'), link: { view: 'plot', activations: ['relu'] } });
    for (const id of ['leaky_relu', 'elu', 'gelu', 'silu', 'mish']) {
      add(id, { weight: 1.5, text: t("Keeps a non-zero gradient for x < 0: units cannot die.", 'x < 0 时仍保留非零梯度，不会出现死亡神经元。'), link: { view: 'compare', activations: ['relu', id] } });
    }
  }
  if (cs.has('smooth')) {
    for (const [id, rec] of Object.keys(HIDDEN_BASE).map((id) => [id, getActivation(id)] as const)) {
      add(id, rec.properties.smooth
        ? { weight: 1, text: t('Smooth: no kink, its derivative is continuous.', '平滑：没有折点，导数连续。'), link: { view: 'plot', activations: [id] } }
        : { weight: -1.5, text: t("Has a kink: f' jumps at 0.", '有折点：f′ 在 0 处跳变。'), link: { view: 'plot', activations: [id] } });
    }
  }
  if (cs.has('zeroCentred')) {
    for (const id of Object.keys(HIDDEN_BASE)) {
      if (getActivation(id).properties.zeroCentred) add(id, { weight: 1.5, text: t('Zero-centred output: the next layer\'s updates are not all pushed the same way.', '输出以零为中心：下一层权重的更新不会全都朝同一个方向。'), link: { view: 'compare', activations: [id, 'relu'] } });
    }
  }
  if (cs.has('noNormalization')) {
    add('selu', { weight: 3, text: t('Self-normalizing (with LeCun-normal init): activations keep mean 0 and variance 1 without batch normalization.', '自归一化（配合 LeCun 正态初始化）：不用批归一化，激活值也能保持均值 0、方差 1。'), link: { view: 'gradientFlow', activations: ['selu', 'relu'] } });
  } else {
    add('selu', { weight: -1, text: t('Its self-normalizing property is lost with batch normalization and dropout.', '与批归一化、Dropout 一起使用时，会失去自归一化的性质。') });
  }
  return m;
}

/** Where the evidence comes from, in words: ", quick run of 6,000 images, tested on 1,200". */
function evidenceText(from: EvidenceSource | undefined): LocalizedText {
  if (!from) return t('', '');
  // Chinese text writes counts without a group separator (a comma there would read as punctuation).
  const n = (v: number) => v.toLocaleString('en');
  const tested = from.testImages !== undefined ? { en: `, tested on ${n(from.testImages)} images`, zh: `，在 ${from.testImages} 张测试图像上` } : { en: '', zh: '' };
  return from.quick
    ? t(` in your quick run (${from.trainImages !== undefined ? `${n(from.trainImages)} training images, ` : ''}${from.epochs} epochs${tested.en})`, `（快速训练：${from.trainImages !== undefined ? `${from.trainImages} 张训练图像，` : ''}${from.epochs} 轮${tested.zh}）`)
    : t(` in your full run (${from.epochs} epochs${tested.en})`, `（完整训练：${from.epochs} 轮${tested.zh}）`);
}

/** Activations ranked best first, each with its reasons (strongest first). */
export function recommend(input: ChooserInput): Recommendation[] {
  checkInput(input);
  let candidates: Map<string, Reason[]>;
  if (input.role === 'input') {
    candidates = new Map([['identity', [{ weight: 10, kind: 'pro' as const, text: t('The input layer passes the features on unchanged; normalize the data instead.', '输入层把特征原样传下去；应当对数据本身做归一化。'), link: { view: 'plot' as const, activations: ['identity'] } }]]]);
  } else if (input.role === 'output') {
    candidates = outputCandidates(input.task);
  } else {
    candidates = hiddenCandidates(input);
  }
  // Runs and sweeps train hidden layers: they are evidence for a hidden-layer choice only.
  const hidden = input.role === 'hidden';
  if (hidden && input.sweep) addSweepReasons(candidates, input.sweep, input.depth);
  const evidence = hidden ? Object.entries(input.evidence ?? {}).filter(([id, acc]) => candidates.has(id) && Number.isFinite(acc)) : [];
  if (evidence.length >= 2) {
    const mean = evidence.reduce((s, [, a]) => s + a, 0) / evidence.length;
    const from = evidenceText(input.evidenceFrom);
    for (const [id, acc] of evidence) {
      // one point of accuracy above the mean of your runs is worth half a point of score
      const weight = Math.round(Math.max(-3, Math.min(3, (acc - mean) * 50)) * 100) / 100;
      const pct = (acc * 100).toFixed(2);
      candidates.get(id)!.push({ weight, kind: 'evidence', text: t(`Your runs: ${pct}% test accuracy${from.en} (mean of compared: ${(mean * 100).toFixed(2)}%).`, `你的训练结果：测试准确率 ${pct}%${from['zh-cn']}（参与比较的平均值为 ${(mean * 100).toFixed(2)}%）。`) });
    }
  }
  return [...candidates.entries()]
    .map(([activation, reasons]) => ({
      activation,
      score: Math.round(reasons.reduce((s, r) => s + r.weight, 0) * 100) / 100,
      reasons: [...reasons].sort((a, b) => Number(b.fromSweep ?? false) - Number(a.fromSweep ?? false) || Math.abs(b.weight) - Math.abs(a.weight)),
    }))
    .sort((a, b) => b.score - a.score || a.activation.localeCompare(b.activation));
}

/** The sweep's depth that answers a question about `depth` hidden layers: the same, else the nearest (the deeper on a tie). */
export function sweepDepthFor(depths: readonly number[], depth: number): number | undefined {
  return [...depths].sort((a, b) => Math.abs(a - depth) - Math.abs(b - depth) || b - a)[0];
}

/**
 * One reason per activation the sweep compared at the depth asked (or the nearest): each of its
 * comparisons in words, "beats", "trails" or "not distinguishable", citing the Holm-adjusted
 * p-value; a point of score per real win, minus one per real loss.
 */
function addSweepReasons(candidates: Map<string, Reason[]>, sweep: SweepEvidence, depth: number): void {
  const at = sweepDepthFor(sweep.depths, depth);
  if (at === undefined) return;
  const here = sweep.comparisons.filter((c) => c.depth === at);
  const seeds = sweep.seeds.length;
  const nearest = at === depth ? undefined : t(`; depth ${at} is the nearest it has to ${depth}`, `；深度 ${at} 是其中离 ${depth} 最近的`);
  for (const [id, reasons] of candidates) {
    const mine = here.filter((c) => c.a === id || c.b === id);
    if (mine.length === 0) continue;
    const wins = mine.filter((c) => (c.verdict === 'a-better' && c.a === id) || (c.verdict === 'b-better' && c.b === id)).length;
    const losses = mine.filter((c) => (c.verdict === 'a-better' && c.b === id) || (c.verdict === 'b-better' && c.a === id)).length;
    const words = (lang: 'en' | 'zh-cn') => mine.map((c) => comparisonSentence(c, lang)).join(lang === 'en' ? '; ' : '；');
    reasons.push({
      weight: Math.max(-3, Math.min(3, wins - losses)),
      fromSweep: true,
      kind: 'evidence',
      text: t(`Your sweep (${seeds} seeds${nearest?.en ?? ''}): ${words('en')}.`, `你的扫描实验（${seeds} 个种子${nearest?.['zh-cn'] ?? ''}）：${words('zh-cn')}。`),
      link: { view: 'gradientFlow', activations: [id, ...mine.map((c) => (c.a === id ? c.b : c.a))].slice(0, 4) },
    });
  }
}
