// The tutorial's guide to choosing activations, as structured content in English and
// Simplified Chinese: advice per layer (input, hidden, output by task) and the considerations
// behind it. Each item links to the Functions plot or analysis that shows it. The tutorial's
// other parts live beside it: nonLinearity.ts, experiment.ts, trends.ts, questions.ts, reading.ts.
import type { LocalizedText } from '../activations/types';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export type LayerRole = 'input' | 'hidden' | 'output';
export type Task = 'binary' | 'multiclass' | 'multilabel' | 'regression';
export const LAYER_ROLES: readonly LayerRole[] = ['input', 'hidden', 'output'];
export const TASKS: readonly Task[] = ['binary', 'multiclass', 'multilabel', 'regression'];

/** Where the lab shows the evidence: a Functions view with these activations. */
export interface GuideLink {
  view: 'plot' | 'compare' | 'saturation' | 'gradientFlow';
  activations: string[];
}

/** One part of the tutorial in the guide: a title, its text, the plot that shows it. */
export interface GuideSection {
  id: string;
  title: LocalizedText;
  text: LocalizedText;
  link?: GuideLink;
}

/** The tutorial's own activations (the registry's `tutorial` records), each a link to its plot. */
export const TUTORIAL_FUNCTIONS: GuideSection = {
  id: 'functions',
  title: t("The tutorial's six activations", '教程介绍的六个激活函数'),
  text: t(
    'Formula, derivative, plot, output range, pros and cons of each are in the Functions section:',
    '每个函数的公式、导数、图像、输出范围和优缺点都在“函数”分区：',
  ),
};

export interface LayerAdvice {
  role: LayerRole;
  task?: Task;
  title: LocalizedText;
  /** Registry ids, best first. */
  activations: string[];
  text: LocalizedText;
  link: GuideLink;
}

export const LAYER_ADVICE: readonly LayerAdvice[] = [
  {
    role: 'input',
    title: t('Input layer', '输入层'),
    activations: ['identity'],
    text: t(
      'The input layer applies no activation: it passes the (normalized) features on unchanged. Scale inputs (e.g. pixels to [0, 1]) instead of squashing them.',
      '输入层不使用激活函数，只把（归一化后的）特征原样传给下一层。应当对输入做缩放（例如把像素值缩放到 [0, 1]），而不是用激活函数去压缩它。',
    ),
    link: { view: 'plot', activations: ['identity'] },
  },
  {
    role: 'hidden',
    title: t('Hidden layers', '隐藏层'),
    activations: ['relu', 'leaky_relu', 'elu', 'gelu', 'tanh'],
    text: t(
      'Start with ReLU: cheap, and its gradient is 1 for positive inputs, so deep networks train fast. If many units die (always-negative inputs, zero gradient: the dying ReLU problem), use Leaky ReLU or ELU. Tanh is zero-centred and suits small or recurrent networks; avoid sigmoid in deep hidden stacks, its gradient (at most 0.25) vanishes layer by layer.',
      '首选 ReLU：计算效率高，正输入的梯度恒为 1，深层网络训练得快。如果出现大量死亡神经元（输入总为负，梯度为零，即死亡 ReLU 问题），改用 Leaky ReLU 或 ELU。Tanh 以零为中心，适合较浅的网络或循环网络；深层网络的隐藏层应避免使用 Sigmoid，它的导数最大只有 0.25，梯度会逐层消失。',
    ),
    link: { view: 'compare', activations: ['sigmoid', 'tanh', 'relu', 'leaky_relu'] },
  },
  {
    role: 'output',
    task: 'binary',
    title: t('Output layer: binary classification', '输出层：二分类'),
    activations: ['sigmoid'],
    text: t(
      'One unit with sigmoid: its output in (0, 1) is the probability of the positive class; train with binary cross-entropy.',
      '一个神经元加 Sigmoid：输出落在 (0, 1) 内，表示正类的概率；损失函数用二元交叉熵。',
    ),
    link: { view: 'plot', activations: ['sigmoid'] },
  },
  {
    role: 'output',
    task: 'multiclass',
    title: t('Output layer: multi-class classification', '输出层：多分类'),
    activations: ['softmax'],
    text: t(
      'One unit per class with softmax: the outputs are positive and sum to 1, a probability distribution over the classes (the tutorial\'s MNIST network ends this way); train with categorical cross-entropy.',
      '每个类别一个神经元，加 Softmax：输出全为正且和为 1，构成各类别上的概率分布（教程中的 MNIST 网络正是这样的输出层）；损失函数用分类交叉熵。',
    ),
    link: { view: 'plot', activations: ['softmax'] },
  },
  {
    role: 'output',
    task: 'multilabel',
    title: t('Output layer: multi-label classification', '输出层：多标签分类'),
    activations: ['sigmoid'],
    text: t(
      'One sigmoid unit per label: each label is an independent yes/no, so the outputs need not sum to 1.',
      '每个标签一个 Sigmoid 神经元：各标签独立判断是或否，输出之和不必为 1。',
    ),
    link: { view: 'plot', activations: ['sigmoid'] },
  },
  {
    role: 'output',
    task: 'regression',
    title: t('Output layer: regression', '输出层：回归'),
    activations: ['identity', 'softplus'],
    text: t(
      'A linear (identity) output: any real value can come out; train with mean squared error. For targets that must be positive, softplus keeps the output above 0.',
      '线性（恒等）输出：可以输出任意实数；损失函数用均方误差。如果目标值必须为正，用 Softplus 让输出始终大于 0。',
    ),
    link: { view: 'plot', activations: ['identity', 'softplus'] },
  },
];

export type ConsiderationId = 'computeCost' | 'vanishingGradients' | 'sparsity' | 'outputRange' | 'trainingStability';

export interface Consideration {
  id: ConsiderationId;
  title: LocalizedText;
  text: LocalizedText;
  link: GuideLink;
}

export const CONSIDERATIONS: readonly Consideration[] = [
  {
    id: 'computeCost',
    title: t('Computational efficiency', '计算效率'),
    text: t(
      'ReLU and its variants are a comparison or a multiply; sigmoid, tanh, ELU, GELU and Swish need exponentials (or erf). On large layers and small devices the difference shows.',
      'ReLU 及其变体只需一次比较或乘法；Sigmoid、Tanh、ELU、GELU 和 Swish 都要计算指数（或 erf）。层越大、设备越小，差别越明显。',
    ),
    link: { view: 'compare', activations: ['relu', 'gelu', 'silu'] },
  },
  {
    id: 'vanishingGradients',
    title: t('Vanishing gradients', '梯度消失'),
    text: t(
      'Backpropagation multiplies one f\' per layer. Sigmoid\'s f\' is at most 0.25 and tanh\'s falls to 0 for large |x|, so the first layers of a deep stack get tiny gradients; ReLU\'s f\' is exactly 1 for x > 0.',
      '反向传播时，梯度每经过一层就要乘上该层的 f′。Sigmoid 的 f′ 最大只有 0.25，Tanh 的 f′ 在 |x| 较大时趋于 0，连乘下来，深层网络前几层的梯度变得极小，这就是梯度消失；而 ReLU 在 x > 0 时 f′ 恰好为 1。',
    ),
    link: { view: 'gradientFlow', activations: ['sigmoid', 'tanh', 'relu'] },
  },
  {
    id: 'sparsity',
    title: t('Sparsity and dying ReLU', '稀疏性与死亡 ReLU 问题'),
    text: t(
      'ReLU outputs exact zeros for negative inputs: sparse, efficient representations, and sparsity may also help the network generalise. But a unit whose input stays negative gets zero gradient and never updates again ("dying ReLU"). Leaky ReLU and ELU keep a small gradient there.',
      'ReLU 对负输入输出精确的 0，使表示变得稀疏、高效，稀疏性还可能提高模型的泛化能力。但如果某个神经元的输入始终为负，它的梯度恒为零，再也不会更新，这就是死亡 ReLU 问题。Leaky ReLU 和 ELU 在负半轴保留了一个小梯度。',
    ),
    link: { view: 'compare', activations: ['relu', 'leaky_relu', 'elu'] },
  },
  {
    id: 'outputRange',
    title: t('Output range', '输出范围'),
    text: t(
      'Match the last layer\'s range to the target: (0, 1) probabilities (sigmoid), a distribution (softmax), any real number (identity). In hidden layers, zero-centred outputs (tanh, ELU) help the next layer\'s updates. The tutorial writes the ranges of sigmoid and tanh as [0, 1] and [−1, 1]; the lab writes the open intervals (0, 1) and (−1, 1) because no finite input reaches the ends, it only comes ever closer.',
      '让最后一层的输出范围与目标一致：概率用 Sigmoid，范围 (0, 1)；概率分布用 Softmax；任意实数用恒等函数。在隐藏层中，以零为中心的输出（Tanh、ELU）有利于下一层的参数更新。教程把 Sigmoid 和 Tanh 的输出范围写作 [0, 1] 和 [−1, 1]，本实验室写成开区间 (0, 1) 和 (−1, 1)：任何有限的输入都只能让函数值无限接近端点，而永远取不到。',
    ),
    link: { view: 'compare', activations: ['sigmoid', 'tanh', 'identity'] },
  },
  {
    id: 'trainingStability',
    title: t('Training stability', '训练稳定性'),
    text: t(
      'Saturating functions (sigmoid, tanh) stall when inputs grow; unbounded ones (ReLU) can blow up with a large learning rate. ELU, smooth and with negative outputs that pull the mean activation towards 0, may train more stably than ReLU. Good initialisation (Glorot for tanh, He for ReLU) and normalization keep pre-activations in the useful range.',
      '饱和型函数（Sigmoid、Tanh）在输入变大时学习停滞；无界函数（ReLU）在学习率过大时可能发散。ELU 平滑，负输出又把平均激活值拉向 0，训练可能比 ReLU 更稳定。合适的初始化（Tanh 用 Glorot，ReLU 用 He）加上归一化，能让预激活值保持在有效范围内。',
    ),
    link: { view: 'saturation', activations: ['sigmoid', 'tanh', 'relu', 'elu'] },
  },
];
