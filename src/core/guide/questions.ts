// The tutorial's four thinking questions, each a short check: the question, then an answer that
// points at the plot or analysis in the lab that shows it.
import type { LocalizedText } from '../activations/types';
import type { GuideLink } from './content';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export interface ThinkingQuestion {
  id: string;
  question: LocalizedText;
  answer: LocalizedText;
  link: GuideLink;
}

export const QUESTIONS_TITLE = t('Questions to think about', '思考题');
export const QUESTIONS_INTRO = t('Answer each one in your head first, then open it: the answer links to the plot that shows it.', '先自己想一想，再展开看答案：每个答案都链接到能说明它的图。');

export const QUESTIONS: readonly ThinkingQuestion[] = [
  {
    id: 'whyActivations',
    question: t('Why does a neural network need activation functions?', '为什么神经网络需要激活函数？'),
    answer: t(
      'Without them every layer is Wx + b and the whole stack collapses into one linear map, however deep; the non-linearity is what lets depth add expressive power. See the plot of stacked layers above, and compare the identity with ReLU and tanh.',
      '没有激活函数，每一层都只是 Wx + b，无论网络多深，整体都会退化成一个线性映射；正是激活函数的非线性让加深网络有了意义。参见上面的多层网络图，并对比恒等函数与 ReLU、Tanh。',
    ),
    link: { view: 'compare', activations: ['identity', 'relu', 'tanh'] },
  },
  {
    id: 'vanishingGradients',
    question: t('How do vanishing gradients arise?', '梯度消失是怎样产生的？'),
    answer: t(
      "Backpropagation multiplies the layers' derivatives. Sigmoid's f' is at most 0.25, so through 10 layers the gradient can shrink to 0.25¹⁰ ≈ 10⁻⁶ of its size (before the weights' effect); tanh's f' falls to 0 where it saturates. The gradient-flow analysis shows the first layers' gradients falling off with depth.",
      '反向传播时，梯度要连乘各层的导数。Sigmoid 的 f′ 最大只有 0.25，经过 10 层，梯度最多只剩原来的 0.25¹⁰ ≈ 10⁻⁶（未计权重的影响）；Tanh 饱和时 f′ 也趋于 0。梯度流分析显示了前几层的梯度如何随深度衰减。',
    ),
    link: { view: 'gradientFlow', activations: ['sigmoid', 'tanh', 'relu'] },
  },
  {
    id: 'reluProsCons',
    question: t("What are ReLU's strengths and weaknesses?", 'ReLU 有哪些优点和缺点？'),
    answer: t(
      'Strengths: one comparison to compute; gradient exactly 1 for x > 0, so no saturation on that side; sparse outputs. Weaknesses: zero gradient for x < 0, so a unit whose input stays negative never updates again (the dying ReLU problem); outputs are not zero-centred and unbounded above. Compare it with Leaky ReLU and ELU, which keep a gradient for x < 0.',
      '优点：只需一次比较，计算效率高；x > 0 时梯度恰为 1，这一侧不会饱和；输出稀疏。缺点：x < 0 时梯度为零，输入始终为负的神经元再也不会更新（死亡 ReLU 问题）；输出不以零为中心，也没有上界。可以与 Leaky ReLU、ELU 对比：它们在 x < 0 时仍保留梯度。',
    ),
    link: { view: 'compare', activations: ['relu', 'leaky_relu', 'elu'] },
  },
  {
    id: 'howToChoose',
    question: t('How do you choose an activation for a given problem?', '面对具体问题，该如何选择激活函数？'),
    answer: t(
      'The output layer follows the task: sigmoid for binary classification, softmax for multi-class, the identity for regression. Hidden layers: start with ReLU; switch to Leaky ReLU or ELU if units die, GELU or Swish in Transformer-style models; avoid sigmoid and tanh in deep stacks. Then measure: train the candidates in the Train section, and the chooser above weighs your runs.',
      '输出层按任务选：二分类用 Sigmoid，多分类用 Softmax，回归用恒等函数。隐藏层先用 ReLU；出现大量死亡神经元时换成 Leaky ReLU 或 ELU，Transformer 一类的模型用 GELU 或 Swish；深层网络避免使用 Sigmoid 和 Tanh。最后用数据说话：在“训练”分区训练几个候选，上面的选择器会把你的结果一并考虑。',
    ),
    link: { view: 'compare', activations: ['relu', 'leaky_relu', 'elu', 'gelu'] },
  },
];
