// The logistic sigmoid and its relatives: log-sigmoid and the piecewise-linear hard sigmoid.
import { elementwise, nanOr, t } from './define';
import { logSigmoid, sigmoid as sigma, sigmoidPrime } from './numerics';

export const sigmoid = elementwise({
  id: 'sigmoid',
  displayName: 'Sigmoid',
  tutorial: true,
  aliases: {
    pytorch: ['nn.Sigmoid', 'F.sigmoid', 'torch.sigmoid', 'torch.special.expit'],
    keras: ['keras.activations.sigmoid', "'sigmoid'"],
    tensorflow: ['tf.sigmoid', 'tf.math.sigmoid', 'tf.nn.sigmoid'],
    jax: ['jax.nn.sigmoid', 'jax.nn.expit'],
    onnx: ['Sigmoid'],
    tfjs: ['tf.sigmoid', "'sigmoid'"],
  },
  params: [],
  formula: { unicode: 'σ(x) = 1 / (1 + e⁻ˣ)', latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}' },
  derivative: { unicode: 'σ′(x) = σ(x)·(1 − σ(x))', latex: "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)" },
  range: { min: 0, max: 1, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Logistic sigmoid: squashes any input into (0, 1); the classic unit and the binary-classification output.',
    'Sigmoid（Logistic 函数）：把任意输入压缩到 (0, 1) 内；经典的激活函数，也用作二分类的输出层。',
  ),
  pros: [
    t('Output in (0, 1) reads as a probability.', '输出在 (0, 1) 内，可以直接解释为概率。'),
    t('Smooth, with the simple derivative σ(1 − σ).', '处处平滑，导数 σ(1 − σ) 形式简单。'),
  ],
  cons: [
    t(
      "Saturates: f' is at most 0.25 and nearly 0 for |x| > 5, so gradients vanish through deep stacks.",
      '容易饱和：导数最大只有 0.25，|x| > 5 时几乎为 0，深层网络中会出现梯度消失。',
    ),
    t('Not zero-centred (mean output 0.5), which slows learning in the next layer.', '输出不以零为中心（均值 0.5），会拖慢下一层的学习。'),
    t('exp costs more than a comparison.', '要计算指数，计算效率不如只做比较的 ReLU。'),
  ],
  paper: {
    title: 'Learning representations by back-propagating errors',
    authors: 'D. E. Rumelhart, G. E. Hinton, R. J. Williams',
    year: 1986,
    venue: 'Nature 323',
    url: 'https://doi.org/10.1038/323533a0',
  },
  onnx: { native: { op: 'Sigmoid', sinceOpset: 1 } },
  expression: 'sigmoid(x)',
  f: (x) => sigma(x),
  df: (x) => sigmoidPrime(x),
  forward(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = sigma(z[i]);
  },
  backward(_z, a, grad) {
    // σ' = a(1 − a) from the saved output: one multiply-add per element.
    for (let i = 0; i < grad.length; i++) grad[i] *= a[i] * (1 - a[i]);
  },
});

export const logSigmoidRecord = elementwise({
  id: 'log_sigmoid',
  displayName: 'LogSigmoid',
  aliases: {
    pytorch: ['nn.LogSigmoid', 'F.logsigmoid'],
    keras: ['keras.activations.log_sigmoid', "'log_sigmoid'"],
    tensorflow: ['tf.math.log_sigmoid'],
    jax: ['jax.nn.log_sigmoid'],
    tfjs: ['tf.logSigmoid'],
  },
  params: [],
  formula: { unicode: 'log σ(x) = −softplus(−x) = −log(1 + e⁻ˣ)', latex: '\\log\\sigma(x) = -\\log\\bigl(1 + e^{-x}\\bigr)' },
  derivative: { unicode: '(log σ)′(x) = 1 − σ(x) = σ(−x)', latex: "(\\log\\sigma)'(x) = 1 - \\sigma(x) = \\sigma(-x)" },
  range: { min: -Infinity, max: 0, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Logarithm of the sigmoid, computed without overflow; the building block of binary cross-entropy.',
    'Sigmoid 的对数，计算时不会溢出；是二元交叉熵的基本组成部分。',
  ),
  pros: [
    t('Numerically stable log-probability (no log(0) for large negative x).', '数值稳定的对数概率（x 为很大的负数时也不会出现 log(0)）。'),
    t('Smooth and monotonic.', '平滑且单调。'),
  ],
  cons: [
    t('Unbounded below and never positive: rarely a hidden-layer activation.', '没有下界且恒为负：很少用在隐藏层。'),
    t('Saturates for large positive x (gradient tends to 0).', 'x 很大时饱和（梯度趋于 0）。'),
  ],
  onnx: { note: 'No native op: export as -Softplus(-x).' },
  expression: '-softplus(-x)',
  f: (x) => logSigmoid(x),
  df: (x) => sigma(-x),
});

const HS_ALPHA = 1 / 6;
const HS_BETA = 0.5;

export const hardSigmoid = elementwise({
  id: 'hard_sigmoid',
  displayName: 'Hardsigmoid',
  aliases: {
    pytorch: ['nn.Hardsigmoid', 'F.hardsigmoid'],
    keras: ['keras.activations.hard_sigmoid', "'hard_sigmoid'"],
    tensorflow: ['tf.keras.activations.hard_sigmoid'],
    jax: ['jax.nn.hard_sigmoid'],
    onnx: ['HardSigmoid'],
    tfjs: ["'hardSigmoid'"],
  },
  params: [
    {
      name: 'alpha',
      default: HS_ALPHA,
      // Keras 2 (tf.keras up to TF 2.15), TF.js and ONNX use 0.2x + 0.5; PyTorch, JAX and Keras 3 use x/6 + 1/2.
      frameworkDefaults: { tensorflow: 0.2, onnx: 0.2, tfjs: 0.2 },
      min: 0,
      minExclusive: true,
      doc: t(
        'Slope of the linear part: 1/6 in PyTorch, JAX and Keras 3; 0.2 in Keras 2 (tf.keras up to TF 2.15), TF.js and ONNX.',
        '线性部分的斜率：PyTorch、JAX 和 Keras 3 为 1/6；Keras 2（TF 2.15 及以前的 tf.keras）、TF.js 和 ONNX 为 0.2。',
      ),
    },
    { name: 'beta', default: HS_BETA, doc: t('Offset: the value at x = 0.', '偏移量：x = 0 处的函数值。') },
  ],
  formula: {
    unicode: 'hard_sigmoid(x) = max(0, min(1, αx + β)), α = 1/6, β = 1/2',
    latex: '\\mathrm{hard\\_sigmoid}(x) = \\max\\bigl(0, \\min(1, \\alpha x + \\beta)\\bigr)',
  },
  derivative: {
    unicode: 'hard_sigmoid′(x) = α if 0 < αx + β < 1, else 0',
    latex: "\\mathrm{hard\\_sigmoid}'(x) = \\begin{cases} \\alpha & 0 < \\alpha x + \\beta < 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
    'zh-cn': 'hard_sigmoid′(x)：0 < αx + β < 1 时为 α，否则为 0',
  },
  range: { min: 0, max: 1, minIncluded: true, maxIncluded: true },
  properties: { monotonic: true, smooth: false, zeroCentred: false },
  doc: t(
    'Piecewise-linear sigmoid: x/6 + 1/2 clipped to [0, 1] (PyTorch, Keras 3); Keras 2 used 0.2x + 0.5.',
    '分段线性的 Sigmoid：把 x/6 + 1/2 截断到 [0, 1]（PyTorch、Keras 3）；Keras 2 用的是 0.2x + 0.5。',
  ),
  pros: [
    t('Only a multiply-add and a clip: cheap on mobile and quantized hardware.', '只需一次乘加和一次截断：在移动端和量化硬件上计算效率很高。'),
    t('Exactly 0 and 1 outside the linear part.', '线性段之外输出恰好为 0 或 1。'),
  ],
  cons: [
    t('Zero gradient outside the linear part (saturates hard).', '线性段之外梯度为零（硬饱和）。'),
    t('Frameworks disagree on the slope (1/6 vs 0.2): check before porting a model.', '各框架的斜率不同（1/6 与 0.2）：迁移模型前要先核对。'),
  ],
  paper: {
    title: 'BinaryConnect: Training Deep Neural Networks with binary weights during propagations',
    authors: 'M. Courbariaux, Y. Bengio, J.-P. David',
    year: 2015,
    venue: 'NeurIPS',
    url: 'https://arxiv.org/abs/1511.00363',
  },
  onnx: { native: { op: 'HardSigmoid', sinceOpset: 1, attributes: { alpha: { param: 'alpha' }, beta: { param: 'beta' } } } },
  expression: 'min(max(alpha*x + beta, 0), 1)',
  f(x, p) {
    const y = (p.alpha ?? HS_ALPHA) * x + (p.beta ?? HS_BETA);
    return y <= 0 ? 0 : y >= 1 ? 1 : y;
  },
  df(x, p) {
    const a = p.alpha ?? HS_ALPHA;
    const y = a * x + (p.beta ?? HS_BETA);
    // PyTorch's convention: 0 at the two kinks (strict inequalities).
    return y > 0 && y < 1 ? a : nanOr(y, 0);
  },
  dparams: {
    alpha(x, p) {
      const y = (p.alpha ?? HS_ALPHA) * x + (p.beta ?? HS_BETA);
      return y > 0 && y < 1 ? x : nanOr(y, 0);
    },
    beta(x, p) {
      const y = (p.alpha ?? HS_ALPHA) * x + (p.beta ?? HS_BETA);
      return y > 0 && y < 1 ? 1 : nanOr(y, 0);
    },
  },
});
