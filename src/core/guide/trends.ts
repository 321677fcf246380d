// Where activations are heading (the tutorial's trends), each with the plot that shows it. The
// tutorial lists SELU among the adaptive ones; its constants are fixed, so the text says so.
import type { LocalizedText } from '../activations/types';
import type { GuideSection } from './content';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export const TRENDS_TITLE = t('Trends', '发展趋势');

export const TRENDS: readonly GuideSection[] = [
  {
    id: 'nonSaturating',
    title: t('From saturating to non-saturating', '从饱和到非饱和'),
    text: t(
      'Sigmoid and tanh flatten out at both ends, so their gradients vanish; ReLU and its successors (Leaky ReLU, ELU, GELU, Swish) keep a slope of about 1 for large positive inputs, and that is much of what made very deep networks trainable.',
      'Sigmoid 和 Tanh 两端都趋于平坦，梯度容易消失；ReLU 及其后继者（Leaky ReLU、ELU、GELU、Swish）在正输入很大时斜率仍约为 1，很深的网络能够训练起来，很大程度上靠的就是这一点。',
    ),
    link: { view: 'saturation', activations: ['sigmoid', 'tanh', 'relu', 'gelu'] },
  },
  {
    id: 'adaptive',
    title: t('From fixed to adaptive parameters', '从固定参数到自适应参数'),
    text: t(
      "PReLU learns its negative slope a, and Swish's β can be learned too (the Swish paper's trainable variant), so the network shapes its own activation. SELU is not one of them: its λ ≈ 1.0507 and α ≈ 1.6733 are fixed constants, derived so that activations keep mean 0 and variance 1 from layer to layer.",
      'PReLU 的负半轴斜率 a 是可学习参数，Swish 的 β 也可以参与训练（Swish 论文中的可训练版本），网络因此能自己调整激活函数的形状。SELU 不属于这一类：它的 λ ≈ 1.0507 和 α ≈ 1.6733 是固定常数，是为了让激活值逐层保持均值 0、方差 1 而推导出来的。',
    ),
    link: { view: 'compare', activations: ['prelu', 'silu', 'selu'] },
  },
  {
    id: 'mixed',
    title: t('From one activation to mixed ones', '从单一激活函数到混合使用'),
    text: t(
      'Different layers may use different functions (ReLU in convolutional networks, GELU in Transformers, sigmoid gates in LSTMs), and gated units such as GLU multiply two paths. In the lab, `actlab train --activations relu+tanh` trains a network with ReLU in the first hidden layer and tanh in the second.',
      '不同的层可以使用不同的函数（卷积网络常用 ReLU，Transformer 常用 GELU，LSTM 的门用 Sigmoid），门控线性单元（GLU）一类的结构则把两条通路逐元素相乘。在本实验室中，`actlab train --activations relu+tanh` 训练的网络第一个隐藏层用 ReLU，第二个隐藏层用 Tanh。',
    ),
    link: { view: 'compare', activations: ['relu', 'gelu', 'sigmoid'] },
  },
];
