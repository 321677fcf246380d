// tanh and its relatives: the clipped hardtanh, the algebraic softsign and tanhshrink.
import { elementwise, nanOr, t } from './define';
import { sech2 } from './numerics';
import { paramMessage } from './paramMessages';

export const tanh = elementwise({
  id: 'tanh',
  displayName: 'Tanh',
  tutorial: true,
  aliases: {
    pytorch: ['nn.Tanh', 'F.tanh', 'torch.tanh'],
    keras: ['keras.activations.tanh', "'tanh'"],
    tensorflow: ['tf.tanh', 'tf.math.tanh', 'tf.nn.tanh'],
    jax: ['jax.numpy.tanh', 'jnp.tanh'],
    onnx: ['Tanh'],
    tfjs: ['tf.tanh', "'tanh'"],
  },
  params: [],
  formula: { unicode: 'tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)', latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}' },
  derivative: { unicode: 'tanh′(x) = 1 − tanh²(x)', latex: "\\tanh'(x) = 1 - \\tanh^2(x)" },
  range: { min: -1, max: 1, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: true },
  doc: t(
    'Hyperbolic tangent: squashes inputs into (−1, 1), zero-centred; a rescaled sigmoid, 2σ(2x) − 1.',
    '双曲正切：把输入压缩到 (−1, 1) 内，以零为中心；它是缩放平移后的 Sigmoid，即 2σ(2x) − 1。',
  ),
  pros: [
    t('Zero-centred output, so the next layer sees inputs of both signs.', '输出以零为中心，下一层的输入有正有负。'),
    t("Steeper than sigmoid (f'(0) = 1), so gradients are 4 times larger near 0.", '比 Sigmoid 更陡（f′(0) = 1），0 附近的梯度是 Sigmoid 的 4 倍。'),
  ],
  cons: [
    t('Still saturates for |x| > 3: gradients vanish in deep networks.', '|x| > 3 时仍会饱和：深层网络中依然会梯度消失。'),
    t('exp costs more than ReLU.', '要计算指数，计算效率不如 ReLU。'),
  ],
  paper: {
    title: 'Efficient BackProp',
    authors: 'Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller',
    year: 1998,
    venue: 'Neural Networks: Tricks of the Trade',
    url: 'https://doi.org/10.1007/3-540-49430-8_2',
  },
  onnx: { native: { op: 'Tanh', sinceOpset: 1 } },
  expression: 'tanh(x)',
  f: (x) => Math.tanh(x),
  df: (x) => sech2(x),
  forward(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = Math.tanh(z[i]);
  },
  backward(_z, a, grad) {
    // tanh' = 1 − a² from the saved output.
    for (let i = 0; i < grad.length; i++) grad[i] *= 1 - a[i] * a[i];
  },
});

export const hardtanh = elementwise({
  id: 'hardtanh',
  displayName: 'Hardtanh',
  aliases: {
    pytorch: ['nn.Hardtanh', 'F.hardtanh'],
    keras: ['keras.activations.hard_tanh', "'hard_tanh'"],
    jax: ['jax.nn.hard_tanh'],
  },
  params: [
    { name: 'min_val', default: -1, doc: t('Lower clip value.', '下截断值。') },
    { name: 'max_val', default: 1, doc: t('Upper clip value.', '上截断值。') },
  ],
  checkParams: (p) => (p.min_val < p.max_val ? undefined : paramMessage('minBelowMax', { min: 'min_val', minValue: p.min_val, max: 'max_val', maxValue: p.max_val })),
  formula: { unicode: 'hardtanh(x) = min(max(x, min_val), max_val)', latex: '\\mathrm{hardtanh}(x) = \\min\\bigl(\\max(x, a), b\\bigr)' },
  derivative: {
    unicode: 'hardtanh′(x) = 1 if min_val < x < max_val, else 0',
    latex: "\\mathrm{hardtanh}'(x) = \\begin{cases} 1 & a < x < b \\\\ 0 & \\text{otherwise} \\end{cases}",
    'zh-cn': 'hardtanh′(x)：min_val < x < max_val 时为 1，否则为 0',
  },
  range: { min: -1, max: 1, minIncluded: true, maxIncluded: true },
  properties: { monotonic: true, smooth: false, zeroCentred: true },
  doc: t('tanh made piecewise linear: the identity clipped to [−1, 1].', '分段线性版的 Tanh：把恒等函数截断到 [−1, 1]。'),
  pros: [
    t('Cheap: a clip; bounded and zero-centred.', '计算效率高（只是一次截断）；有界且以零为中心。'),
    t('Gradient exactly 1 inside the linear part.', '线性段内梯度恰好为 1。'),
  ],
  cons: [
    t('Zero gradient outside [min_val, max_val]: units can saturate and stop learning.', '[min_val, max_val] 之外梯度为零：神经元可能饱和而停止学习。'),
    t('Kinks at min_val and max_val: the derivative jumps between 1 and 0.', '在 min_val 和 max_val 处有折点：导数在 1 与 0 之间跳变。'),
  ],
  paper: {
    title: 'Large Scale Machine Learning (PhD thesis)',
    authors: 'R. Collobert',
    year: 2004,
    venue: 'Université Paris VI',
    url: 'https://ronan.collobert.com/pub/matos/2004_phdthesis_lip6.pdf',
  },
  onnx: {
    native: { op: 'Clip', sinceOpset: 11, extraInputs: [{ name: 'min', value: { param: 'min_val' } }, { name: 'max', value: { param: 'max_val' } }] },
    note: 'Clip takes min and max as inputs from opset 11 (as attributes before).',
  },
  expression: 'min(max(x, min_val), max_val)',
  f(x, p) {
    const lo = p.min_val ?? -1;
    const hi = p.max_val ?? 1;
    return x <= lo ? lo : x >= hi ? hi : x;
  },
  df(x, p) {
    // PyTorch: 0 at both ends.
    return x > (p.min_val ?? -1) && x < (p.max_val ?? 1) ? 1 : nanOr(x, 0);
  },
  dparams: {
    min_val: (x, p) => (x <= (p.min_val ?? -1) ? 1 : nanOr(x, 0)),
    max_val: (x, p) => (x > (p.min_val ?? -1) && x >= (p.max_val ?? 1) ? 1 : nanOr(x, 0)),
  },
});

export const softsign = elementwise({
  id: 'softsign',
  displayName: 'Softsign',
  aliases: {
    pytorch: ['nn.Softsign', 'F.softsign'],
    keras: ['keras.activations.softsign', "'softsign'"],
    tensorflow: ['tf.nn.softsign', 'tf.math.softsign'],
    jax: ['jax.nn.soft_sign'],
    onnx: ['Softsign'],
    tfjs: ["'softsign'"],
  },
  params: [],
  formula: { unicode: 'softsign(x) = x / (1 + |x|)', latex: '\\mathrm{softsign}(x) = \\frac{x}{1 + |x|}' },
  derivative: { unicode: 'softsign′(x) = 1 / (1 + |x|)²', latex: "\\mathrm{softsign}'(x) = \\frac{1}{(1 + |x|)^2}" },
  range: { min: -1, max: 1, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: true },
  doc: t(
    'Like tanh but approaches ±1 polynomially (as 1/|x|), not exponentially, so it saturates more gently.',
    '与 Tanh 类似，但以多项式速度（按 1/|x|）而非指数速度逼近 ±1，饱和得更平缓。',
  ),
  pros: [
    t('Saturates slowly: gradients decay as 1/x², not exponentially.', '饱和缓慢：梯度按 1/x² 衰减，而不是指数衰减。'),
    t('No exp: a division and an absolute value.', '不需要指数运算：只有一次除法和一次取绝对值。'),
  ],
  cons: [t('Still bounded, so it still saturates in deep stacks.', '仍然有界，深层网络中仍会饱和。'), t('Rarely used; few tuned recipes.', '较少使用，可参考的调参经验不多。')],
  paper: {
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    authors: 'X. Glorot, Y. Bengio',
    year: 2010,
    venue: 'AISTATS',
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
  },
  onnx: { native: { op: 'Softsign', sinceOpset: 1 } },
  expression: 'x/(1 + abs(x))',
  f: (x) => x / (1 + Math.abs(x)),
  df(x) {
    const d = 1 + Math.abs(x);
    return 1 / (d * d);
  },
});

export const tanhshrink = elementwise({
  id: 'tanhshrink',
  displayName: 'Tanhshrink',
  aliases: {
    pytorch: ['nn.Tanhshrink', 'F.tanhshrink'],
    keras: ['keras.activations.tanh_shrink', "'tanh_shrink'"],
    tensorflow: ['tfa.activations.tanhshrink'],
  },
  params: [],
  formula: { unicode: 'tanhshrink(x) = x − tanh(x)', latex: '\\mathrm{tanhshrink}(x) = x - \\tanh(x)' },
  derivative: { unicode: 'tanhshrink′(x) = tanh²(x)', latex: "\\mathrm{tanhshrink}'(x) = \\tanh^2(x)" },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: true },
  doc: t(
    'x − tanh(x): nearly flat (≈ x³/3) around 0 and ≈ x ∓ 1 far out; a smooth shrinkage.',
    'x − tanh(x)：0 附近几乎平坦（≈ x³/3），远处 ≈ x ∓ 1；一种平滑的收缩函数。',
  ),
  pros: [
    t('Smooth shrinkage: small inputs are suppressed, large ones pass.', '平滑的收缩：小输入被抑制，大输入基本原样通过。'),
    t('Parameter-free: no λ to tune, unlike softshrink.', '没有参数：不像 Softshrink 那样需要调 λ。'),
    t('Odd, so zero-centred; monotonic, with gradient → 1 for large |x|.', '奇函数，因而以零为中心；单调，|x| 很大时梯度趋于 1。'),
  ],
  cons: [
    t("f'(0) = 0: near-zero inputs get almost no gradient.", 'f′(0) = 0：接近 0 的输入几乎得不到梯度。'),
    t('Rarely used outside sparse coding.', '除稀疏编码外很少使用。'),
  ],
  onnx: { note: 'No native op: export as x - Tanh(x).' },
  expression: 'x - tanh(x)',
  f(x) {
    if (Math.abs(x) >= 0.05) return x - Math.tanh(x);
    // x − tanh x cancels near 0: its Taylor series x³/3 − 2x⁵/15 + 17x⁷/315 − ... instead.
    const x2 = x * x;
    return x * x2 * (1 / 3 - x2 * (2 / 15 - x2 * (17 / 315 - x2 * (62 / 2835 - x2 * (1382 / 155925 - x2 * (21844 / 6081075))))));
  },
  df(x) {
    const th = Math.tanh(x);
    return th * th;
  },
});
