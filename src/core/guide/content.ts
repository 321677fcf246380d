// The tutorial's guide to choosing activations, as structured content in English and
// Simplified Chinese: advice per layer (input, hidden, output by task) and the considerations
// behind it. Each item links to the Functions plot or analysis that shows it.
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
      '输入层不使用激活函数:把(归一化后的)特征原样传给下一层。应对输入做缩放(如把像素缩放到 [0, 1]),而不是用激活函数压缩它们。',
    ),
    link: { view: 'plot', activations: ['identity'] },
  },
  {
    role: 'hidden',
    title: t('Hidden layers', '隐藏层'),
    activations: ['relu', 'leaky_relu', 'elu', 'gelu', 'tanh'],
    text: t(
      'Start with ReLU: cheap, and its gradient is 1 for positive inputs, so deep networks train fast. If many units die (always-negative inputs, zero gradient), use Leaky ReLU or ELU. Tanh is zero-centred and suits small or recurrent networks; avoid sigmoid in deep hidden stacks, its gradient (at most 0.25) vanishes layer by layer.',
      '先用 ReLU:计算便宜,正输入时梯度为 1,深层网络训练快。若大量神经元"死亡"(输入总为负、梯度为零),改用 Leaky ReLU 或 ELU。Tanh 以零为中心,适合较小的网络或循环网络;深层隐藏层避免使用 sigmoid,其梯度(最大 0.25)会逐层消失。',
    ),
    link: { view: 'compare', activations: ['sigmoid', 'tanh', 'relu', 'leaky_relu'] },
  },
  {
    role: 'output',
    task: 'binary',
    title: t('Output layer: binary classification', '输出层:二分类'),
    activations: ['sigmoid'],
    text: t(
      'One unit with sigmoid: its output in (0, 1) is the probability of the positive class; train with binary cross-entropy.',
      '一个单元加 sigmoid:输出在 (0, 1) 之间,即正类的概率;用二元交叉熵训练。',
    ),
    link: { view: 'plot', activations: ['sigmoid'] },
  },
  {
    role: 'output',
    task: 'multiclass',
    title: t('Output layer: multi-class classification', '输出层:多分类'),
    activations: ['softmax'],
    text: t(
      'One unit per class with softmax: the outputs are positive and sum to 1, a probability distribution over the classes (the tutorial\'s MNIST network ends this way); train with categorical cross-entropy.',
      '每个类别一个单元加 softmax:输出为正且和为 1,即各类别上的概率分布(教程中的 MNIST 网络就是这样结尾的);用分类交叉熵训练。',
    ),
    link: { view: 'plot', activations: ['softmax'] },
  },
  {
    role: 'output',
    task: 'multilabel',
    title: t('Output layer: multi-label classification', '输出层:多标签分类'),
    activations: ['sigmoid'],
    text: t(
      'One sigmoid unit per label: each label is an independent yes/no, so the outputs need not sum to 1.',
      '每个标签一个 sigmoid 单元:每个标签是独立的是/否判断,输出之和不必为 1。',
    ),
    link: { view: 'plot', activations: ['sigmoid'] },
  },
  {
    role: 'output',
    task: 'regression',
    title: t('Output layer: regression', '输出层:回归'),
    activations: ['identity', 'softplus'],
    text: t(
      'A linear (identity) output: any real value can come out; train with mean squared error. For targets that must be positive, softplus keeps the output above 0.',
      '线性(恒等)输出:可以输出任意实数;用均方误差训练。若目标必须为正,softplus 让输出保持大于 0。',
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
    title: t('Compute cost', '计算开销'),
    text: t(
      'ReLU and its variants are a comparison or a multiply; sigmoid, tanh, ELU, GELU and Swish need exponentials (or erf). On large layers and small devices the difference shows.',
      'ReLU 及其变体只需一次比较或乘法;sigmoid、tanh、ELU、GELU 和 Swish 需要计算指数(或 erf)。在大层和小设备上差别明显。',
    ),
    link: { view: 'compare', activations: ['relu', 'gelu', 'silu'] },
  },
  {
    id: 'vanishingGradients',
    title: t('Vanishing gradients', '梯度消失'),
    text: t(
      'Backpropagation multiplies one f\' per layer. Sigmoid\'s f\' is at most 0.25 and tanh\'s falls to 0 for large |x|, so the first layers of a deep stack get tiny gradients; ReLU\'s f\' is exactly 1 for x > 0.',
      '反向传播每经过一层就乘一次 f\'。sigmoid 的 f\' 最大只有 0.25,tanh 的 f\' 在 |x| 较大时趋于 0,所以深层网络前几层的梯度极小;ReLU 在 x > 0 时 f\' 恰为 1。',
    ),
    link: { view: 'gradientFlow', activations: ['sigmoid', 'tanh', 'relu'] },
  },
  {
    id: 'sparsity',
    title: t('Sparsity and dead units', '稀疏性与神经元死亡'),
    text: t(
      'ReLU outputs exact zeros for negative inputs: sparse, efficient representations, but a unit whose input stays negative never updates again ("dying ReLU"). Leaky ReLU and ELU keep a small gradient there.',
      'ReLU 对负输入输出精确的零:表示稀疏、高效,但输入一直为负的单元再也不会更新("神经元死亡")。Leaky ReLU 和 ELU 在负区间保留一个小梯度。',
    ),
    link: { view: 'compare', activations: ['relu', 'leaky_relu', 'elu'] },
  },
  {
    id: 'outputRange',
    title: t('Output range', '输出范围'),
    text: t(
      'Match the last layer\'s range to the target: (0, 1) probabilities (sigmoid), a distribution (softmax), any real number (identity). In hidden layers, zero-centred outputs (tanh, ELU) help the next layer\'s updates.',
      '让最后一层的值域与目标匹配:(0, 1) 的概率(sigmoid)、概率分布(softmax)、任意实数(恒等)。在隐藏层中,以零为中心的输出(tanh、ELU)有助于下一层的更新。',
    ),
    link: { view: 'compare', activations: ['sigmoid', 'tanh', 'identity'] },
  },
  {
    id: 'trainingStability',
    title: t('Training stability', '训练稳定性'),
    text: t(
      'Saturating functions (sigmoid, tanh) stall when inputs grow; unbounded ones (ReLU) can blow up with a large learning rate. Good initialisation (Glorot for tanh, He for ReLU) and normalization keep pre-activations in the useful range.',
      '饱和函数(sigmoid、tanh)在输入变大时停滞;无界函数(ReLU)在学习率过大时可能发散。良好的初始化(tanh 用 Glorot,ReLU 用 He)和归一化能让预激活值保持在有效范围内。',
    ),
    link: { view: 'saturation', activations: ['sigmoid', 'tanh', 'relu', 'elu'] },
  },
];
