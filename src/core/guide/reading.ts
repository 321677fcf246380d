// Further reading: the papers behind the tutorial's activations (from the registry, so a title
// or link is written once), a few more, a textbook chapter in each language, and the frameworks' docs.
import { getActivation } from '../activations/registry';
import type { LocalizedText } from '../activations/types';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export interface Reading {
  title: string;
  /** Authors and year, where it is a paper or a book. */
  byline?: string;
  url: string;
  note: LocalizedText;
}

export const READING_TITLE = t('Further reading', '延伸阅读');

/** A registry activation's paper, with why to read it. */
function paperOf(id: string, note: LocalizedText): Reading {
  const p = getActivation(id).paper;
  if (!p) throw new Error(`${id} has no paper in the registry`);
  return { title: p.title, byline: `${p.authors}, ${p.year}`, url: p.url, note };
}

export const READING: readonly Reading[] = [
  paperOf('softsign', t('Why deep sigmoid and tanh networks are hard to train; where Glorot initialisation comes from.', '为什么深层 Sigmoid、Tanh 网络难以训练；Glorot 初始化的出处。')),
  paperOf('relu', t('Rectified linear units, first in restricted Boltzmann machines.', '修正线性单元，最早用于受限玻尔兹曼机。')),
  {
    title: 'Deep Sparse Rectifier Neural Networks',
    byline: 'X. Glorot, A. Bordes, Y. Bengio, 2011',
    url: 'https://proceedings.mlr.press/v15/glorot11a.html',
    note: t('ReLU in deep networks, and why its sparsity can help.', 'ReLU 在深层网络中的表现，以及稀疏性为何有益。'),
  },
  paperOf('leaky_relu', t('Leaky ReLU: a small slope for negative inputs.', 'Leaky ReLU：给负输入一个小斜率。')),
  paperOf('prelu', t('PReLU (a learned slope) and He initialisation.', 'PReLU（可学习的斜率）与 He 初始化。')),
  paperOf('elu', t('ELU: negative outputs that push the mean activation towards 0.', 'ELU：用负输出把平均激活值推向 0。')),
  paperOf('selu', t('SELU and self-normalizing networks: where its fixed constants come from.', 'SELU 与自归一化网络：固定常数的由来。')),
  paperOf('gelu', t('GELU, the activation of BERT and GPT.', 'GELU，BERT 和 GPT 使用的激活函数。')),
  paperOf('silu', t('Swish, found by automated search, with a trainable β.', 'Swish：通过自动搜索发现，β 可以参与训练。')),
  {
    title: 'GLU Variants Improve Transformer',
    byline: 'N. Shazeer, 2020',
    url: 'https://arxiv.org/abs/2002.05202',
    note: t('Gated units (GLU, SwiGLU) in Transformer feed-forward layers.', '门控线性单元（GLU）及其变体（如 SwiGLU）在 Transformer 前馈层中的效果。'),
  },
  {
    title: 'Deep Learning, 6.3 Hidden Units',
    byline: 'I. Goodfellow, Y. Bengio, A. Courville, 2016',
    url: 'https://www.deeplearningbook.org/contents/mlp.html',
    note: t('The textbook chapter on choosing hidden-layer activations.', '教科书中讲隐藏层激活函数选择的一节（英文）。'),
  },
  {
    title: '动手学深度学习：多层感知机',
    byline: '阿斯顿·张、李沐、扎卡里·C. 立顿、亚历山大·J. 斯莫拉',
    url: 'https://zh.d2l.ai/chapter_multilayer-perceptrons/mlp.html',
    note: t('Dive into Deep Learning in Chinese: the chapter on MLPs and activation functions.', '《动手学深度学习》中文版：多层感知机与激活函数一节，附可运行的代码。'),
  },
  {
    title: 'Keras: layer activation functions',
    url: 'https://keras.io/api/layers/activations/',
    note: t("Keras's built-in activations and their defaults.", 'Keras 内置的激活函数及其默认参数。'),
  },
  {
    title: 'PyTorch: non-linear activations',
    url: 'https://pytorch.org/docs/stable/nn.html#non-linear-activations-weighted-sum-nonlinearity',
    note: t("PyTorch's activation modules and their parameters.", 'PyTorch 的激活函数模块及其参数。'),
  },
];
