// Self-gated units, x·gate(x): GELU (exact and tanh form), SiLU/Swish, Mish and hard-swish.
// Smooth ReLU look-alikes with a small negative dip, so none of them is monotonic.
import { elementwise, nanOr, t } from './define';
import { normalCdf, normalPdf, sech2, sigmoid, sigmoidPrime, softplus, SQRT_2_OVER_PI } from './numerics';

const GELU_PAPER = {
  title: 'Gaussian Error Linear Units (GELUs)',
  authors: 'D. Hendrycks, K. Gimpel',
  year: 2016,
  venue: 'arXiv',
  url: 'https://arxiv.org/abs/1606.08415',
};

export const gelu = elementwise({
  id: 'gelu',
  displayName: 'GELU',
  aliases: {
    pytorch: ['nn.GELU', 'F.gelu'],
    keras: ['keras.activations.gelu', "'gelu'"],
    tensorflow: ['tf.nn.gelu'],
    jax: ['jax.nn.gelu(approximate=False)'],
    onnx: ['Gelu'],
    tfjs: ["'gelu'"],
  },
  params: [],
  formula: { unicode: 'GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2))', latex: '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\tfrac{1}{2} x \\bigl(1 + \\mathrm{erf}(x/\\sqrt{2})\\bigr)' },
  derivative: { unicode: 'GELU′(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π)', latex: "\\mathrm{GELU}'(x) = \\Phi(x) + x\\,\\varphi(x)" },
  range: { min: -0.16997120747990366, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: false, smooth: true, zeroCentred: false },
  doc: t(
    'Gaussian error linear unit: x weighted by the normal CDF Φ(x); the activation of BERT and GPT.',
    '高斯误差线性单元：用标准正态分布函数 Φ(x) 给 x 加权；BERT 和 GPT 使用的激活函数。',
  ),
  pros: [
    t('Smooth ReLU-like curve; strong results in Transformers.', '形似 ReLU 的平滑曲线；在 Transformer 中效果很好。'),
    t('Non-zero gradient for negative inputs near 0.', '0 附近的负输入也有非零梯度。'),
  ],
  cons: [
    t('erf is costlier than max; the tanh form is a common approximation.', 'erf 的计算效率不如 max；常用 tanh 近似形式代替。'),
    t('Not monotonic (minimum ≈ −0.170 at x ≈ −0.752).', '非单调（在 x ≈ −0.752 处取最小值 ≈ −0.170）。'),
  ],
  paper: GELU_PAPER,
  onnx: {
    native: { op: 'Gelu', sinceOpset: 20, attributes: { approximate: 'none' } },
    note: 'Before opset 20, export the erf expression (Erf exists since opset 9).',
  },
  expression: '0.5*x*(1 + erf(x/sqrt(2)))',
  f: (x) => x * normalCdf(x),
  df: (x) => normalCdf(x) + x * normalPdf(x),
});

const GELU_C = 0.044715;

export const geluTanh = elementwise({
  id: 'gelu_tanh',
  displayName: 'GELU (tanh approximation)',
  displayNames: { 'zh-cn': 'GELU（tanh 近似）' },
  aliases: {
    pytorch: ["nn.GELU(approximate='tanh')", "F.gelu(approximate='tanh')"],
    keras: ['keras.activations.gelu(approximate=True)'],
    tensorflow: ['tf.nn.gelu(approximate=True)'],
    jax: ['jax.nn.gelu'],
    tfjs: ["'gelu_new'"],
  },
  params: [],
  formula: {
    unicode: 'GELU_tanh(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))',
    latex: '\\mathrm{GELU}_{\\tanh}(x) = \\tfrac{1}{2} x \\Bigl(1 + \\tanh\\bigl(\\sqrt{2/\\pi}\\,(x + 0.044715 x^3)\\bigr)\\Bigr)',
  },
  derivative: {
    unicode: 'GELU_tanh′(x) = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 0.134145x²), u = √(2/π)(x + 0.044715x³)',
    latex: "\\mathrm{GELU}_{\\tanh}'(x) = \\tfrac{1}{2}(1 + \\tanh u) + \\tfrac{1}{2} x (1 - \\tanh^2 u) \\sqrt{2/\\pi}\\,(1 + 0.134145 x^2)",
  },
  range: { min: -0.17004075057125406, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: false, smooth: true, zeroCentred: false },
  doc: t(
    "GELU's tanh approximation (GPT-2's 'gelu_new'); the default of jax.nn.gelu.",
    'GELU 的 tanh 近似（即 GPT-2 中的 gelu_new）；jax.nn.gelu 的默认形式。',
  ),
  pros: [t('No erf: only tanh and a cubic.', '不需要 erf：只用 tanh 和一个三次多项式。'), t('Within 5e-4 of exact GELU everywhere.', '与精确 GELU 的差处处小于 5e-4。')],
  cons: [
    t('Not exactly GELU: exporting between frameworks must keep the same form.', '并非精确的 GELU：在框架之间迁移模型时必须保持同一形式。'),
    t('Still a tanh per unit: costlier than ReLU.', '每个神经元仍要计算一次 tanh：计算效率不如 ReLU。'),
    t('Not monotonic, like GELU (minimum ≈ −0.170 at x ≈ −0.752).', '与 GELU 一样非单调（在 x ≈ −0.752 处取最小值 ≈ −0.170）。'),
  ],
  paper: GELU_PAPER,
  onnx: {
    native: { op: 'Gelu', sinceOpset: 20, attributes: { approximate: 'tanh' } },
    note: 'Before opset 20, export the tanh expression.',
  },
  expression: '0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))',
  // ½(1 + tanh u) = σ(2u): no cancellation in the left tail.
  f: (x) => x * sigmoid(2 * SQRT_2_OVER_PI * (x + GELU_C * x * x * x)),
  df(x) {
    const u2 = 2 * SQRT_2_OVER_PI * (x + GELU_C * x * x * x);
    const du2 = 2 * SQRT_2_OVER_PI * (1 + 3 * GELU_C * x * x);
    const sp = sigmoidPrime(u2);
    return sigmoid(u2) + (sp === 0 ? 0 : x * sp * du2); // sp = 0 where x³ overflows: no ∞·0
  },
});

const SILU_BETA = 1;

export const silu = elementwise({
  id: 'silu',
  displayName: 'SiLU / Swish',
  aliases: {
    pytorch: ['nn.SiLU', 'F.silu'],
    keras: ['keras.activations.silu', 'keras.activations.swish', "'silu'", "'swish'"],
    tensorflow: ['tf.nn.silu', 'tf.nn.swish'],
    jax: ['jax.nn.silu', 'jax.nn.swish'],
    onnx: ['Swish'],
    tfjs: ["'swish'"],
  },
  params: [
    {
      name: 'beta',
      default: SILU_BETA,
      frameworkNames: { onnx: 'alpha', tfjs: 'alpha' },
      min: 0,
      doc: t(
        'Gate sharpness: β = 1 is SiLU (all frameworks), β → ∞ tends to ReLU, β = 0 is x/2 (tf.nn.silu beta, ONNX Swish alpha).',
        '门控的锐度：β = 1 即 SiLU（各框架的默认值），β → ∞ 时趋于 ReLU，β = 0 时为 x/2（即 tf.nn.silu 的 beta、ONNX Swish 的 alpha）。',
      ),
    },
  ],
  formula: { unicode: 'SiLU(x) = x·σ(βx)', latex: '\\mathrm{SiLU}(x) = x\\,\\sigma(\\beta x)' },
  derivative: { unicode: 'SiLU′(x) = σ(βx) + βx·σ(βx)(1 − σ(βx))', latex: "\\mathrm{SiLU}'(x) = \\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)\\bigl(1 - \\sigma(\\beta x)\\bigr)" },
  range: { min: -0.2784645427610738, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: false, smooth: true, zeroCentred: false },
  doc: t(
    'Sigmoid-weighted linear unit x·σ(βx), a.k.a. Swish (found by automated search); smooth and non-monotonic.',
    'Sigmoid 加权线性单元 x·σ(βx)，又称 Swish（通过自动搜索发现）；平滑且非单调。',
  ),
  pros: [
    t('Smooth, non-monotonic dip helps optimisation in deep nets (EfficientNet, LLaMA-style MLPs).', '平滑，并带有一个非单调的小凹陷，有助于深层网络的优化（EfficientNet、LLaMA 一类模型的 MLP）。'),
    t('No dead units: negative inputs keep a gradient.', '不会出现死亡神经元：负输入仍有梯度。'),
  ],
  cons: [t('A sigmoid per unit: costlier than ReLU.', '每个神经元要算一次 Sigmoid：计算效率不如 ReLU。'), t('Unbounded above, not zero-centred.', '没有上界，输出不以零为中心。')],
  paper: {
    title: 'Searching for Activation Functions',
    authors: 'P. Ramachandran, B. Zoph, Q. V. Le',
    year: 2017,
    venue: 'arXiv',
    url: 'https://arxiv.org/abs/1710.05941',
  },
  onnx: {
    native: { op: 'Swish', sinceOpset: 24, attributes: { alpha: { param: 'beta' } } },
    note: 'Before opset 24, export x * Sigmoid(beta * x).',
  },
  expression: 'x*sigmoid(beta*x)',
  f: (x, p) => x * sigmoid((p.beta ?? SILU_BETA) * x),
  df(x, p) {
    const bx = (p.beta ?? SILU_BETA) * x;
    return sigmoid(bx) + bx * sigmoidPrime(bx);
  },
  dparams: { beta: (x, p) => x * x * sigmoidPrime((p.beta ?? SILU_BETA) * x) },
});

export const mish = elementwise({
  id: 'mish',
  displayName: 'Mish',
  aliases: {
    pytorch: ['nn.Mish', 'F.mish'],
    keras: ['keras.activations.mish', "'mish'"],
    tensorflow: ['tfa.activations.mish'],
    jax: ['jax.nn.mish'],
    onnx: ['Mish'],
    tfjs: ["'mish'"],
  },
  params: [],
  formula: { unicode: 'Mish(x) = x·tanh(softplus(x))', latex: '\\mathrm{Mish}(x) = x \\tanh\\bigl(\\mathrm{softplus}(x)\\bigr)' },
  derivative: {
    unicode: 'Mish′(x) = tanh(sp) + x·σ(x)·(1 − tanh²(sp)), sp = softplus(x)',
    latex: "\\mathrm{Mish}'(x) = \\tanh(s) + x\\,\\sigma(x)\\,\\bigl(1 - \\tanh^2(s)\\bigr),\\ s = \\mathrm{softplus}(x)",
  },
  range: { min: -0.30884341301725043, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: false, smooth: true, zeroCentred: false },
  doc: t('x·tanh(softplus(x)): a smooth, self-regularizing cousin of Swish (used in YOLOv4).', 'x·tanh(softplus(x))：与 Swish 相近的平滑函数，论文称其有“自正则化”作用（用于 YOLOv4）。'),
  pros: [t('Smooth, with a small negative dip; strong results in vision models.', '平滑，带有一个小的负凹陷；在视觉模型中效果好。'), t('No dead units: negative inputs keep a gradient.', '不会出现死亡神经元：负输入仍有梯度。')],
  cons: [
    t('Three transcendental functions per unit: the costliest here.', '每个神经元要做三次超越函数运算：计算效率是这里所有函数中最低的。'),
    t('Not monotonic (minimum ≈ −0.309 at x ≈ −1.19).', '非单调（在 x ≈ −1.19 处取最小值 ≈ −0.309）。'),
    t('Unbounded above, not zero-centred.', '没有上界，输出不以零为中心。'),
  ],
  paper: {
    title: 'Mish: A Self Regularized Non-Monotonic Activation Function',
    authors: 'D. Misra',
    year: 2019,
    venue: 'BMVC 2020',
    url: 'https://arxiv.org/abs/1908.08681',
  },
  onnx: { native: { op: 'Mish', sinceOpset: 18 }, note: 'Before opset 18, export x * Tanh(Softplus(x)).' },
  expression: 'x*tanh(softplus(x))',
  f: (x) => x * Math.tanh(softplus(x)),
  df(x) {
    const sp = softplus(x);
    return Math.tanh(sp) + x * sigmoid(x) * sech2(sp);
  },
});

export const hardSwish = elementwise({
  id: 'hard_swish',
  displayName: 'Hardswish',
  aliases: {
    pytorch: ['nn.Hardswish', 'F.hardswish'],
    keras: ['keras.activations.hard_silu', 'keras.activations.hard_swish', "'hard_silu'", "'hard_swish'"],
    jax: ['jax.nn.hard_swish', 'jax.nn.hard_silu'],
    onnx: ['HardSwish'],
  },
  params: [],
  formula: { unicode: 'hard_swish(x) = x·ReLU6(x + 3)/6', latex: '\\mathrm{hard\\_swish}(x) = x\\,\\frac{\\mathrm{ReLU6}(x + 3)}{6}' },
  derivative: {
    unicode: 'hard_swish′(x) = 0 if x < −3; x/3 + 1/2 if −3 ≤ x < 3; 1 if x ≥ 3',
    latex: "\\mathrm{hard\\_swish}'(x) = \\begin{cases} 0 & x < -3 \\\\ x/3 + 1/2 & -3 \\le x < 3 \\\\ 1 & x \\ge 3 \\end{cases}",
    'zh-cn': 'hard_swish′(x)：x < −3 时为 0；−3 ≤ x < 3 时为 x/3 + 1/2；x ≥ 3 时为 1',
  },
  range: { min: -0.375, max: Infinity, minIncluded: true, maxIncluded: false },
  properties: { monotonic: false, smooth: false, zeroCentred: false },
  doc: t('Piecewise-quadratic Swish built from ReLU6, designed for mobile (MobileNetV3).', '用 ReLU6 构造的分段二次 Swish，为移动端设计（MobileNetV3）。'),
  pros: [
    t('Swish-like accuracy at ReLU-like cost; quantizes well.', '准确率接近 Swish，计算效率接近 ReLU；易于量化。'),
    t('No exp or sigmoid: ReLU6(x + 3), one multiply and a scale by 1/6.', '不需要指数或 Sigmoid：只有 ReLU6(x + 3)、一次乘法和一次乘以 1/6。'),
    t('Negative inputs in (−3, 0) still get a gradient, unlike ReLU.', '与 ReLU 不同，(−3, 0) 内的负输入仍有梯度。'),
  ],
  cons: [t('Kinks at ±3 (derivative jumps).', '在 ±3 处有折点（导数跳变）。'), t('Not monotonic (minimum −0.375 at x = −1.5).', '非单调（在 x = −1.5 处取最小值 −0.375）。')],
  paper: {
    title: 'Searching for MobileNetV3',
    authors: 'A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, R. Pang, V. Vasudevan, Q. V. Le, H. Adam',
    year: 2019,
    venue: 'ICCV',
    url: 'https://arxiv.org/abs/1905.02244',
  },
  onnx: { native: { op: 'HardSwish', sinceOpset: 14 } },
  expression: 'x*min(max(x + 3, 0), 6)/6',
  f(x) {
    const r = x + 3;
    return x * ((r <= 0 ? 0 : r >= 6 ? 6 : r) / 6);
  },
  // PyTorch's convention at the kinks: −1/2 at x = −3 (middle piece), 1 at x = 3 (right piece).
  df: (x) => (x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : nanOr(x, 1)),
});
