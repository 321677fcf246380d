// Rectifiers: ReLU, its leaky and learnable-slope variants, the capped ReLU6 and the
// thresholded ReLU. Derivatives at the kink follow PyTorch (relu'(0) = 0, leaky'(0) = alpha).
import { elementwise, nanOr, t } from './define';

export const relu = elementwise({
  id: 'relu',
  displayName: 'ReLU',
  tutorial: true,
  aliases: {
    pytorch: ['nn.ReLU', 'F.relu', 'torch.relu'],
    keras: ['keras.activations.relu', 'keras.layers.ReLU', "'relu'"],
    tensorflow: ['tf.nn.relu'],
    jax: ['jax.nn.relu'],
    onnx: ['Relu'],
    tfjs: ['tf.relu', 'tf.layers.reLU', "'relu'"],
  },
  params: [],
  formula: { unicode: 'ReLU(x) = max(0, x)', latex: '\\mathrm{ReLU}(x) = \\max(0, x)' },
  derivative: {
    unicode: 'ReLU′(x) = 1 if x > 0, else 0',
    latex: "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
    'zh-cn': 'ReLU′(x)：x > 0 时为 1，否则为 0',
  },
  range: { min: 0, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t(
    'Rectified linear unit: passes positive inputs, zeroes negative ones; the default hidden-layer activation.',
    '修正线性单元：正输入原样通过，负输入置为 0；隐藏层默认的激活函数。',
  ),
  pros: [
    t('Cheap: one comparison.', '计算效率高：只需一次比较。'),
    t('Gradient exactly 1 for x > 0: no saturation, so deep networks train fast.', 'x > 0 时梯度恰为 1：不会饱和，深层网络训练得快。'),
    t('Sparse activations (about half the units are 0).', '激活稀疏（约一半神经元输出为 0）。'),
  ],
  cons: [
    t('"Dying ReLU": a unit whose input stays negative gets zero gradient and never recovers.', '死亡 ReLU 问题：输入始终为负的神经元梯度为零，再也无法恢复。'),
    t('Not zero-centred and unbounded above.', '输出不以零为中心，且没有上界。'),
  ],
  paper: {
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    authors: 'V. Nair, G. E. Hinton',
    year: 2010,
    venue: 'ICML',
    url: 'https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf',
  },
  onnx: { native: { op: 'Relu', sinceOpset: 1 } },
  expression: 'max(x, 0)',
  f: (x) => (x > 0 || x !== x ? x : 0),
  df: (x) => (x > 0 ? 1 : nanOr(x, 0)),
  forward(z, out) {
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      out[i] = v > 0 || v !== v ? v : 0;
    }
  },
  backward(z, _a, grad) {
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      if (!(v > 0)) grad[i] *= v === v ? 0 : NaN;
    }
  },
});

const LEAKY_ALPHA = 0.01;

export const leakyRelu = elementwise({
  id: 'leaky_relu',
  displayName: 'Leaky ReLU',
  tutorial: true,
  aliases: {
    pytorch: ['nn.LeakyReLU', 'F.leaky_relu'],
    keras: ['keras.layers.LeakyReLU', 'keras.activations.leaky_relu', "'leaky_relu'"],
    tensorflow: ['tf.nn.leaky_relu', 'tf.keras.layers.LeakyReLU'],
    jax: ['jax.nn.leaky_relu'],
    onnx: ['LeakyRelu'],
    tfjs: ['tf.leakyRelu', 'tf.layers.leakyReLU'],
  },
  params: [
    {
      name: 'alpha',
      default: LEAKY_ALPHA,
      // The Keras layer defaults to 0.3, Keras 3's function and tf.nn to 0.2; PyTorch, JAX, ONNX and the tutorial text to 0.01.
      frameworkDefaults: { keras: 0.3, tensorflow: 0.2, tfjs: 0.2 },
      aliasDefaults: {
        'keras.activations.leaky_relu': 0.2,
        "'leaky_relu'": 0.2,
        'tf.keras.layers.LeakyReLU': 0.3,
        'tf.layers.leakyReLU': 0.3,
      },
      frameworkNames: { pytorch: 'negative_slope', keras: 'negative_slope', jax: 'negative_slope' },
      min: 0,
      max: 1,
      doc: t(
        'Slope for x < 0: 0.01 in PyTorch, JAX, ONNX and the tutorial; 0.3 for the Keras LeakyReLU layer; 0.2 for keras.activations.leaky_relu, tf.nn.leaky_relu and tf.leakyRelu.',
        'x < 0 时的斜率：PyTorch、JAX、ONNX 和教程中为 0.01；Keras 的 LeakyReLU 层为 0.3；keras.activations.leaky_relu、tf.nn.leaky_relu 和 tf.leakyRelu 为 0.2。',
      ),
    },
  ],
  formula: { unicode: 'LeakyReLU(x) = x if x > 0, else αx', latex: '\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}', 'zh-cn': 'LeakyReLU(x)：x > 0 时为 x，否则为 αx' },
  derivative: {
    unicode: 'LeakyReLU′(x) = 1 if x > 0, else α',
    latex: "\\mathrm{LeakyReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}",
    'zh-cn': 'LeakyReLU′(x)：x > 0 时为 1，否则为 α',
  },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t(
    'ReLU with a small slope α for negative inputs (0.01 by default; 0.3 for the Keras layer), so no unit dies.',
    '在负半轴保留小斜率 α 的 ReLU（默认 0.01，Keras 的层默认 0.3），不会出现死亡神经元。',
  ),
  pros: [
    t('Negative inputs still get gradient α: no dead units.', '负输入仍有梯度 α：不会出现死亡神经元。'),
    t('As cheap as ReLU.', '计算效率与 ReLU 相同。'),
  ],
  cons: [
    t('α is one more hyperparameter, and frameworks disagree on its default.', 'α 是额外的超参数，而且各框架的默认值不一样。'),
    t('Not zero-centred; gains over ReLU are often small.', '输出不以零为中心；相比 ReLU，效果提升往往不大。'),
  ],
  paper: {
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    authors: 'A. L. Maas, A. Y. Hannun, A. Y. Ng',
    year: 2013,
    venue: 'ICML Workshop on Deep Learning for Audio, Speech and Language Processing',
    url: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
  },
  onnx: { native: { op: 'LeakyRelu', sinceOpset: 1, attributes: { alpha: { param: 'alpha' } } } },
  expression: 'where(x > 0, x, alpha*x)',
  f: (x, p) => (x > 0 ? x : (p.alpha ?? LEAKY_ALPHA) * x),
  df: (x, p) => (x > 0 ? 1 : nanOr(x, p.alpha ?? LEAKY_ALPHA)),
  dparams: { alpha: (x) => (x > 0 ? 0 : x) },
  forward(z, out, p) {
    const alpha = p.alpha ?? LEAKY_ALPHA;
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      out[i] = v > 0 ? v : alpha * v;
    }
  },
  backward(z, _a, grad, p) {
    const alpha = p.alpha ?? LEAKY_ALPHA;
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      if (!(v > 0)) grad[i] *= v === v ? alpha : NaN;
    }
  },
});

const PRELU_ALPHA = 0.25;

export const prelu = elementwise({
  id: 'prelu',
  displayName: 'PReLU',
  aliases: {
    pytorch: ['nn.PReLU', 'F.prelu'],
    keras: ['keras.layers.PReLU'],
    tensorflow: ['tf.keras.layers.PReLU'],
    onnx: ['PRelu'],
    tfjs: ['tf.prelu', 'tf.layers.prelu'],
  },
  params: [
    {
      name: 'alpha',
      default: PRELU_ALPHA,
      // Keras and TF.js initialise the slope with zeros; PyTorch with 0.25.
      frameworkDefaults: { keras: 0, tensorflow: 0, tfjs: 0 },
      frameworkNames: { pytorch: 'init', keras: 'alpha_initializer', tensorflow: 'alpha_initializer', tfjs: 'alphaInitializer', onnx: 'slope' },
      learnable: true,
      doc: t(
        'Initial negative-side slope, learned during training (0.25 in PyTorch; Keras and TF.js start from 0).',
        '负半轴斜率的初始值，训练中不断学习（PyTorch 为 0.25，Keras 和 TF.js 从 0 开始）。',
      ),
    },
  ],
  formula: { unicode: 'PReLU(x) = x if x > 0, else a·x (a learned)', latex: '\\mathrm{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}', 'zh-cn': 'PReLU(x)：x > 0 时为 x，否则为 a·x（a 为可学习参数）' },
  derivative: {
    unicode: 'PReLU′(x) = 1 if x > 0, else a;  ∂PReLU/∂a = min(0, x)',
    latex: "\\mathrm{PReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}, \\quad \\frac{\\partial}{\\partial a} = \\min(0, x)",
    'zh-cn': 'PReLU′(x)：x > 0 时为 1，否则为 a；∂PReLU/∂a = min(0, x)',
  },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t(
    'Leaky ReLU whose negative slope a is a learned parameter (initialised to 0.25 in PyTorch).',
    '负半轴斜率 a 可以学习的 Leaky ReLU（PyTorch 中初始值为 0.25）。',
  ),
  pros: [
    t('The network picks the negative slope itself.', '负半轴斜率由网络自己学习。'),
    t('Helped very deep CNNs (first to pass human-level ImageNet error).', '帮助训练很深的卷积网络（首次在 ImageNet 上超越人类水平）。'),
  ],
  cons: [t('Extra parameters that can overfit small data.', '额外的参数在小数据集上可能过拟合。'), t('Not zero-centred.', '输出不以零为中心。')],
  paper: {
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    authors: 'K. He, X. Zhang, S. Ren, J. Sun',
    year: 2015,
    venue: 'ICCV',
    url: 'https://arxiv.org/abs/1502.01852',
  },
  onnx: { native: { op: 'PRelu', sinceOpset: 1, extraInputs: [{ name: 'slope', value: { param: 'alpha' } }] } },
  expression: 'where(x > 0, x, alpha*x)',
  f: (x, p) => (x > 0 ? x : (p.alpha ?? PRELU_ALPHA) * x),
  df: (x, p) => (x > 0 ? 1 : nanOr(x, p.alpha ?? PRELU_ALPHA)),
  dparams: { alpha: (x) => (x > 0 ? 0 : x) },
});

export const relu6 = elementwise({
  id: 'relu6',
  displayName: 'ReLU6',
  aliases: {
    pytorch: ['nn.ReLU6', 'F.relu6'],
    keras: ['keras.activations.relu6', "'relu6'"],
    tensorflow: ['tf.nn.relu6'],
    jax: ['jax.nn.relu6'],
    tfjs: ['tf.relu6', "'relu6'"],
  },
  params: [],
  formula: { unicode: 'ReLU6(x) = min(max(0, x), 6)', latex: '\\mathrm{ReLU6}(x) = \\min\\bigl(\\max(0, x), 6\\bigr)' },
  derivative: {
    unicode: 'ReLU6′(x) = 1 if 0 < x < 6, else 0',
    latex: "\\mathrm{ReLU6}'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
    'zh-cn': 'ReLU6′(x)：0 < x < 6 时为 1，否则为 0',
  },
  range: { min: 0, max: 6, minIncluded: true, maxIncluded: true },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t('ReLU capped at 6: bounded activations that survive low-precision (quantized) arithmetic.', '上限为 6 的 ReLU：输出有界，适合低精度（量化）计算。'),
  pros: [t('Bounded output suits fixed-point and quantized inference (MobileNet).', '输出有界，适合定点和量化推理（MobileNet）。'), t('Cheap: two comparisons.', '计算效率高：只需两次比较。')],
  cons: [
    t('Zero gradient above 6 as well as below 0.', '大于 6 和小于 0 时梯度都为零。'),
    t('Not zero-centred, like ReLU.', '与 ReLU 一样，输出不以零为中心。'),
    t('The cap of 6 is fixed: large activations are clipped whatever their scale.', '上限 6 是固定的：无论输入的尺度如何，较大的激活值都会被截断。'),
  ],
  paper: {
    title: 'Convolutional Deep Belief Networks on CIFAR-10',
    authors: 'A. Krizhevsky',
    year: 2010,
    venue: 'Technical report, University of Toronto',
    url: 'https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf',
  },
  onnx: {
    native: { op: 'Clip', sinceOpset: 11, extraInputs: [{ name: 'min', value: 0 }, { name: 'max', value: 6 }] },
    note: 'Clip takes min and max as inputs from opset 11 (as attributes before).',
  },
  expression: 'min(max(x, 0), 6)',
  f: (x) => (x <= 0 ? 0 : x >= 6 ? 6 : x),
  df: (x) => (x > 0 && x < 6 ? 1 : nanOr(x, 0)),
});

const THETA = 1;

export const thresholdedRelu = elementwise({
  id: 'thresholded_relu',
  displayName: 'Thresholded ReLU',
  displayNames: { 'zh-cn': '阈值 ReLU' },
  aliases: {
    pytorch: ['nn.Threshold', 'F.threshold'],
    keras: ['keras.activations.threshold'],
    tensorflow: ['tf.keras.layers.ThresholdedReLU'],
    onnx: ['ThresholdedRelu'],
    tfjs: ['tf.layers.thresholdedReLU'],
  },
  params: [
    {
      name: 'theta',
      default: THETA,
      frameworkNames: { pytorch: 'threshold', keras: 'threshold', onnx: 'alpha' },
      doc: t(
        'Inputs at or below theta give 0 (PyTorch nn.Threshold(theta, 0); Keras 2 and ONNX default to 1).',
        '输入小于等于 theta 时输出 0（PyTorch 用 nn.Threshold(theta, 0)；Keras 2 和 ONNX 默认为 1）。',
      ),
    },
  ],
  formula: { unicode: 'f(x) = x if x > θ, else 0', latex: 'f(x) = \\begin{cases} x & x > \\theta \\\\ 0 & x \\le \\theta \\end{cases}', 'zh-cn': 'f(x)：x > θ 时为 x，否则为 0' },
  derivative: { unicode: 'f′(x) = 1 if x > θ, else 0', latex: "f'(x) = \\begin{cases} 1 & x > \\theta \\\\ 0 & x \\le \\theta \\end{cases}", 'zh-cn': 'f′(x)：x > θ 时为 1，否则为 0' },
  range: { min: 0, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t(
    'Zero up to the threshold θ, then the identity: a ReLU with a jump, used in zero-bias autoencoders.',
    '阈值 θ 以下为 0，以上为恒等：一种带跳变的 ReLU，用于零偏置自编码器。',
  ),
  pros: [
    t('Sparse codes without a learned bias.', '无需学习偏置即可得到稀疏编码。'),
    t('Active units pass x unchanged (a ReLU with bias −θ would give x − θ).', '被激活的神经元原样输出 x（偏置为 −θ 的 ReLU 输出的则是 x − θ）。'),
    t('Cheap: one comparison with θ.', '计算效率高：只需与 θ 比较一次。'),
  ],
  cons: [
    t('Discontinuous at θ (for θ ≠ 0): the output jumps from 0 to θ.', 'θ ≠ 0 时在 θ 处不连续：输出从 0 跳到 θ。'),
    t('Dead units: inputs at or below θ get zero gradient and may never recover.', '死亡神经元：输入小于等于 θ 时梯度为零，可能再也无法恢复。'),
    t('θ is set by hand, not learned (1 by default in Keras 2 and ONNX).', 'θ 需要手动设定，不能学习（Keras 2 和 ONNX 默认为 1）。'),
  ],
  paper: {
    title: 'Zero-bias autoencoders and the benefits of co-adapting features',
    authors: 'K. Konda, R. Memisevic, D. Krueger',
    year: 2015,
    venue: 'ICLR',
    url: 'https://arxiv.org/abs/1402.3337',
  },
  onnx: { native: { op: 'ThresholdedRelu', sinceOpset: 10, attributes: { alpha: { param: 'theta' } } } },
  expression: 'where(x > theta, x, 0)',
  f: (x, p) => (x > (p.theta ?? THETA) || x !== x ? x : 0),
  df: (x, p) => (x > (p.theta ?? THETA) ? 1 : nanOr(x, 0)),
  dparams: { theta: (x) => nanOr(x, 0) },
});
