// Exponential units and softplus: ELU, SELU, CELU (exp on the negative side, identity on the
// positive one) and softplus, the smooth ReLU log(1 + eˣ).
import { elementwise, t } from './define';
import { sigmoid, softplus as softplusFn } from './numerics';

const ELU_ALPHA = 1;

export const elu = elementwise({
  id: 'elu',
  displayName: 'ELU',
  tutorial: true,
  aliases: {
    pytorch: ['nn.ELU', 'F.elu'],
    keras: ['keras.activations.elu', 'keras.layers.ELU', "'elu'"],
    tensorflow: ['tf.nn.elu'],
    jax: ['jax.nn.elu'],
    onnx: ['Elu'],
    tfjs: ['tf.elu', 'tf.layers.elu', "'elu'"],
  },
  params: [{ name: 'alpha', default: ELU_ALPHA, min: 0, doc: t('Saturation value −α for x → −∞.', 'x → −∞ 时趋于的饱和值 −α。') }],
  formula: {
    unicode: 'ELU(x) = x if x > 0, else α(eˣ − 1)',
    latex: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    'zh-cn': 'ELU(x)：x > 0 时为 x，否则为 α(eˣ − 1)',
  },
  derivative: {
    unicode: 'ELU′(x) = 1 if x > 0, else αeˣ',
    latex: "\\mathrm{ELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}",
    'zh-cn': 'ELU′(x)：x > 0 时为 1，否则为 αeˣ',
  },
  range: { min: -1, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Exponential linear unit: identity for x > 0, a smooth curve saturating at −α for x < 0.',
    '指数线性单元：x > 0 时为恒等，x < 0 时是一条平滑曲线，饱和于 −α。',
  ),
  pros: [
    t('Negative outputs push the mean activation towards 0, speeding up learning.', '负输出使平均激活值接近 0，加快学习。'),
    t('Smooth at 0 for α = 1; no dead units.', 'α = 1 时在 0 处平滑；不会出现死亡神经元。'),
  ],
  cons: [t('exp on the negative side costs more than ReLU.', '负半轴要计算指数，计算效率不如 ReLU。'), t('Saturates for very negative inputs.', '输入为很大的负数时饱和。')],
  paper: {
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    authors: 'D.-A. Clevert, T. Unterthiner, S. Hochreiter',
    year: 2016,
    venue: 'ICLR',
    url: 'https://arxiv.org/abs/1511.07289',
  },
  onnx: { native: { op: 'Elu', sinceOpset: 1, attributes: { alpha: { param: 'alpha' } } } },
  expression: 'where(x > 0, x, alpha*(exp(x) - 1))',
  f: (x, p) => (x > 0 ? x : (p.alpha ?? ELU_ALPHA) * Math.expm1(x)),
  // PyTorch's convention: the x <= 0 branch at 0, so ELU'(0) = α.
  df: (x, p) => (x > 0 ? 1 : (p.alpha ?? ELU_ALPHA) * Math.exp(x)),
  dparams: { alpha: (x) => (x > 0 ? 0 : Math.expm1(x)) },
});

/** SELU's fixed constants (Klambauer et al. 2017, eq. 14), as PyTorch and Keras use them. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

export const selu = elementwise({
  id: 'selu',
  displayName: 'SELU',
  aliases: {
    pytorch: ['nn.SELU', 'F.selu', 'torch.selu'],
    keras: ['keras.activations.selu', "'selu'"],
    tensorflow: ['tf.nn.selu'],
    jax: ['jax.nn.selu'],
    onnx: ['Selu'],
    tfjs: ['tf.selu', "'selu'"],
  },
  params: [],
  formula: {
    unicode: 'SELU(x) = λ·(x if x > 0, else α(eˣ − 1)), λ ≈ 1.0507, α ≈ 1.6733',
    latex: '\\mathrm{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    'zh-cn': 'SELU(x)：x > 0 时为 λx，否则为 λα(eˣ − 1)；λ ≈ 1.0507，α ≈ 1.6733',
  },
  derivative: {
    unicode: 'SELU′(x) = λ if x > 0, else λαeˣ',
    latex: "\\mathrm{SELU}'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}",
    'zh-cn': 'SELU′(x)：x > 0 时为 λ，否则为 λαeˣ',
  },
  range: { min: -SELU_SCALE * SELU_ALPHA, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: true },
  doc: t(
    'Scaled ELU whose constants keep activations at mean 0, variance 1 through layers (self-normalizing).',
    '缩放的 ELU，其固定常数使激活值逐层保持均值 0、方差 1（自归一化）。',
  ),
  pros: [
    t('Self-normalizing: with LeCun-normal init, deep MLPs keep mean 0 and variance 1 without batch norm.', '自归一化：配合 LeCun 正态初始化，深层 MLP 不用批归一化也能保持均值 0、方差 1。'),
    t('No dead units: the gradient never vanishes exactly.', '不会出现死亡神经元：梯度不会恰好为零。'),
  ],
  cons: [
    t('The guarantee needs LeCun-normal init and alpha-dropout; other setups lose it.', '这一性质依赖 LeCun 正态初始化和 Alpha Dropout，换了设置就不再成立。'),
    t('Derivative jumps at 0 (λα ≈ 1.758 vs λ ≈ 1.051).', '导数在 0 处跳变（λα ≈ 1.758 与 λ ≈ 1.051）。'),
  ],
  paper: {
    title: 'Self-Normalizing Neural Networks',
    authors: 'G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter',
    year: 2017,
    venue: 'NeurIPS',
    url: 'https://arxiv.org/abs/1706.02515',
  },
  onnx: { native: { op: 'Selu', sinceOpset: 1, attributes: { alpha: SELU_ALPHA, gamma: SELU_SCALE } } },
  expression: '1.0507009873554805*where(x > 0, x, 1.6732632423543772*(exp(x) - 1))',
  f: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
  df: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
});

const CELU_ALPHA = 1;

export const celu = elementwise({
  id: 'celu',
  displayName: 'CELU',
  aliases: {
    pytorch: ['nn.CELU', 'F.celu', 'torch.celu'],
    keras: ['keras.activations.celu', "'celu'"],
    jax: ['jax.nn.celu'],
    onnx: ['Celu'],
  },
  params: [{ name: 'alpha', default: CELU_ALPHA, min: 0, minExclusive: true, doc: t('Saturation value −α and scale of the curve.', '饱和值 −α，同时也是曲线的尺度。') }],
  formula: {
    unicode: 'CELU(x) = max(0, x) + min(0, α(e^(x/α) − 1))',
    latex: '\\mathrm{CELU}(x) = \\max(0, x) + \\min\\bigl(0, \\alpha (e^{x/\\alpha} - 1)\\bigr)',
  },
  derivative: {
    unicode: 'CELU′(x) = 1 if x > 0, else e^(x/α)',
    latex: "\\mathrm{CELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}",
    'zh-cn': 'CELU′(x)：x > 0 时为 1，否则为 e^(x/α)',
  },
  range: { min: -1, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Continuously differentiable ELU: ELU rescaled so the derivative is continuous at 0 for every α.',
    '连续可微的 ELU：经过缩放，任意 α 下导数在 0 处都连续。',
  ),
  pros: [t('C¹ for any α (ELU is only for α = 1).', '任意 α 下都连续可微（ELU 只有 α = 1 时才是）。'), t('Negative saturation like ELU.', '与 ELU 一样在负半轴饱和。')],
  cons: [
    t('exp on the negative side; seldom used.', '负半轴要计算指数；使用较少。'),
    t('At the default α = 1 it is exactly ELU: it only differs once α is tuned.', '默认 α = 1 时与 ELU 完全相同：只有调整 α 后才有区别。'),
  ],
  paper: {
    title: 'Continuously Differentiable Exponential Linear Units',
    authors: 'J. T. Barron',
    year: 2017,
    venue: 'arXiv',
    url: 'https://arxiv.org/abs/1704.07483',
  },
  onnx: { native: { op: 'Celu', sinceOpset: 12, attributes: { alpha: { param: 'alpha' } } } },
  expression: 'max(x, 0) + min(0, alpha*(exp(x/alpha) - 1))',
  f(x, p) {
    const a = p.alpha ?? CELU_ALPHA;
    return x > 0 ? x : a * Math.expm1(x / a);
  },
  df: (x, p) => (x > 0 ? 1 : Math.exp(x / (p.alpha ?? CELU_ALPHA))),
  dparams: {
    // d/da [a (e^(x/a) - 1)] = (e^w - 1) - w e^w, w = x/a
    alpha(x, p) {
      if (x > 0) return 0;
      const w = x / (p.alpha ?? CELU_ALPHA);
      return Math.expm1(w) - w * Math.exp(w);
    },
  },
});

const SP_BETA = 1;
const SP_THRESHOLD = 20;

export const softplus = elementwise({
  id: 'softplus',
  displayName: 'Softplus',
  aliases: {
    pytorch: ['nn.Softplus', 'F.softplus'],
    keras: ['keras.activations.softplus', "'softplus'"],
    tensorflow: ['tf.nn.softplus', 'tf.math.softplus'],
    jax: ['jax.nn.softplus'],
    onnx: ['Softplus'],
    tfjs: ['tf.softplus', "'softplus'"],
  },
  params: [
    { name: 'beta', default: SP_BETA, min: 0, minExclusive: true, doc: t('Sharpness: softplus(βx)/β tends to ReLU as β grows.', '锐度：β 越大，softplus(βx)/β 越接近 ReLU。') },
    {
      name: 'threshold',
      default: SP_THRESHOLD,
      min: 0,
      minExclusive: true,
      doc: t(
        "PyTorch's switch to the identity where βx > threshold (changes values by < 2.1e-9 at the default 20); other frameworks have none.",
        'PyTorch 在 βx > threshold 时直接返回 x（默认 20 时数值变化 < 2.1e-9）；其他框架没有这个参数。',
      ),
    },
  ],
  formula: { unicode: 'softplus(x) = (1/β)·log(1 + e^(βx))', latex: '\\mathrm{softplus}(x) = \\frac{1}{\\beta} \\log\\bigl(1 + e^{\\beta x}\\bigr)' },
  derivative: { unicode: 'softplus′(x) = σ(βx)', latex: "\\mathrm{softplus}'(x) = \\sigma(\\beta x)" },
  range: { min: 0, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t('A smooth ReLU, log(1 + eˣ); its derivative is the sigmoid.', '平滑版的 ReLU：log(1 + eˣ)；它的导数就是 Sigmoid。'),
  pros: [t('Smooth everywhere with a strictly positive gradient: no dead units.', '处处平滑，梯度严格为正：不会出现死亡神经元。'), t('Output always positive (useful for scales and rates).', '输出恒为正（适合表示尺度、速率等量）。')],
  cons: [t('Costlier than ReLU (exp and log).', '计算效率不如 ReLU（要算指数和对数）。'), t('Not zero-centred; softplus(0) = log 2.', '输出不以零为中心；softplus(0) = log 2。')],
  paper: {
    title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
    authors: 'C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia',
    year: 2000,
    venue: 'NeurIPS 13',
    url: 'https://www.cirano.qc.ca/en/summaries/2002s-46',
  },
  onnx: {
    native: { op: 'Softplus', sinceOpset: 1, when: { beta: 1, threshold: 20 } },
    note: 'ONNX Softplus has no beta and no threshold; export the expression for other values.',
  },
  expression: 'where(beta*x > threshold, x, softplus(beta*x)/beta)',
  f(x, p) {
    const b = p.beta ?? SP_BETA;
    return b * x > (p.threshold ?? SP_THRESHOLD) ? x : softplusFn(b * x) / b;
  },
  df(x, p) {
    const b = p.beta ?? SP_BETA;
    return b * x > (p.threshold ?? SP_THRESHOLD) ? 1 : sigmoid(b * x);
  },
  dparams: {
    // d/db [softplus(bx)/b] = x sigma(bx)/b - softplus(bx)/b^2 below the threshold
    beta(x, p) {
      const b = p.beta ?? SP_BETA;
      return b * x > (p.threshold ?? SP_THRESHOLD) ? 0 : (x * sigmoid(b * x)) / b - softplusFn(b * x) / (b * b);
    },
    threshold: () => 0,
  },
});
