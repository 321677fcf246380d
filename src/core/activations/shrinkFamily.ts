// Shrinkage (thresholding) functions from sparse coding and wavelet denoising, and the identity.
import { elementwise, nanOr, t } from './define';

const LAMBD = 0.5;

const lambdParam = {
  name: 'lambd',
  default: LAMBD,
  frameworkNames: { keras: 'threshold', onnx: 'lambd' },
  min: 0,
  doc: t('Half-width λ of the band around 0 that maps to 0.', '0 附近被映射为 0 的区间的半宽 λ。'),
} as const;

export const softshrink = elementwise({
  id: 'softshrink',
  displayName: 'Softshrink',
  aliases: {
    pytorch: ['nn.Softshrink', 'F.softshrink'],
    keras: ['keras.activations.soft_shrink', "'soft_shrink'"],
    tensorflow: ['tfa.activations.softshrink'],
    onnx: ['Shrink'],
  },
  params: [lambdParam],
  formula: {
    unicode: 'softshrink(x) = x − λ if x > λ; x + λ if x < −λ; else 0',
    latex: '\\mathrm{softshrink}(x) = \\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    'zh-cn': 'softshrink(x)：x > λ 时为 x − λ；x < −λ 时为 x + λ；否则为 0',
  },
  derivative: {
    unicode: 'softshrink′(x) = 1 if |x| > λ, else 0',
    latex: "\\mathrm{softshrink}'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
    'zh-cn': 'softshrink′(x)：|x| > λ 时为 1，否则为 0',
  },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: true },
  doc: t('Soft thresholding: zero inside [−λ, λ], shifted towards 0 by λ outside (the proximal map of λ|x|).', '软阈值：[−λ, λ] 内为 0，区间外向 0 平移 λ（即 λ|x| 的近端映射）。'),
  pros: [t('Produces exact zeros: sparse codes (ISTA, LISTA).', '产生精确的 0：用于稀疏编码（ISTA、LISTA）。'), t('Continuous and monotonic.', '连续且单调。')],
  cons: [
    t('Zero gradient inside the band; kinks at ±λ.', '区间内梯度为零；在 ±λ 处有折点。'),
    t('Biased: every surviving value is pulled towards 0 by λ.', '有偏：保留下来的每个值都被向 0 拉近 λ。'),
    t('λ must be tuned to the scale of the inputs.', 'λ 需要按输入的尺度调整。'),
  ],
  paper: {
    title: 'De-noising by soft-thresholding',
    authors: 'D. L. Donoho',
    year: 1995,
    venue: 'IEEE Transactions on Information Theory 41(3)',
    url: 'https://doi.org/10.1109/18.382009',
  },
  onnx: { native: { op: 'Shrink', sinceOpset: 9, attributes: { bias: { param: 'lambd' }, lambd: { param: 'lambd' } } } },
  expression: 'where(x > lambd, x - lambd, where(x < -lambd, x + lambd, 0))',
  f(x, p) {
    const l = p.lambd ?? LAMBD;
    return x > l ? x - l : x < -l ? x + l : nanOr(x, 0);
  },
  df(x, p) {
    const l = p.lambd ?? LAMBD;
    return x > l || x < -l ? 1 : nanOr(x, 0);
  },
  dparams: {
    lambd(x, p) {
      const l = p.lambd ?? LAMBD;
      return x > l ? -1 : x < -l ? 1 : nanOr(x, 0);
    },
  },
});

export const hardshrink = elementwise({
  id: 'hardshrink',
  displayName: 'Hardshrink',
  aliases: {
    pytorch: ['nn.Hardshrink', 'F.hardshrink'],
    keras: ['keras.activations.hard_shrink', "'hard_shrink'"],
    tensorflow: ['tfa.activations.hardshrink'],
    onnx: ['Shrink'],
  },
  params: [lambdParam],
  formula: {
    unicode: 'hardshrink(x) = x if |x| > λ, else 0',
    latex: '\\mathrm{hardshrink}(x) = \\begin{cases} x & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    'zh-cn': 'hardshrink(x)：|x| > λ 时为 x，否则为 0',
  },
  derivative: {
    unicode: 'hardshrink′(x) = 1 if |x| > λ, else 0',
    latex: "\\mathrm{hardshrink}'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
    'zh-cn': 'hardshrink′(x)：|x| > λ 时为 1，否则为 0',
  },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: false, zeroCentred: true },
  doc: t('Hard thresholding: keeps x where |x| > λ, zero elsewhere (jumps at ±λ).', '硬阈值：|x| > λ 时保留 x，否则为 0（在 ±λ 处跳变）。'),
  pros: [
    t('Exact zeros without shrinking the large values.', '产生精确的 0，且不会缩小较大的值。'),
    t('Gradient exactly 1 outside the band: large inputs never saturate.', '区间外梯度恰为 1：大输入不会饱和。'),
    t('Cheap: one comparison of |x| with λ.', '计算效率高：只需比较一次 |x| 与 λ。'),
  ],
  cons: [
    t('Discontinuous at ±λ; zero gradient inside the band.', '在 ±λ 处不连续；区间内梯度为零。'),
    t('Unstable near ±λ: a tiny change flips the output between 0 and about ±λ.', '在 ±λ 附近不稳定：输入的微小变化就能让输出在 0 与约 ±λ 之间跳变。'),
    t('λ must be tuned to the scale of the inputs.', 'λ 需要按输入的尺度调整。'),
  ],
  paper: {
    title: 'Ideal spatial adaptation by wavelet shrinkage',
    authors: 'D. L. Donoho, I. M. Johnstone',
    year: 1994,
    venue: 'Biometrika 81(3)',
    url: 'https://doi.org/10.1093/biomet/81.3.425',
  },
  onnx: { native: { op: 'Shrink', sinceOpset: 9, attributes: { bias: 0, lambd: { param: 'lambd' } } } },
  expression: 'where(abs(x) > lambd, x, 0)',
  f(x, p) {
    const l = p.lambd ?? LAMBD;
    return x > l || x < -l ? x : nanOr(x, 0);
  },
  df(x, p) {
    const l = p.lambd ?? LAMBD;
    return x > l || x < -l ? 1 : nanOr(x, 0);
  },
  dparams: { lambd: (x) => nanOr(x, 0) },
});

export const identity = elementwise({
  id: 'identity',
  displayName: 'Identity (linear)',
  displayNames: { 'zh-cn': '恒等（线性）' },
  aliases: {
    pytorch: ['nn.Identity'],
    keras: ['keras.activations.linear', "'linear'", 'None'],
    tensorflow: ['tf.identity'],
    jax: ['jax.nn.identity'],
    onnx: ['Identity'],
    tfjs: ["'linear'"],
  },
  params: [],
  formula: { unicode: 'f(x) = x', latex: 'f(x) = x' },
  derivative: { unicode: 'f′(x) = 1', latex: "f'(x) = 1" },
  range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: true },
  doc: t("No activation ('linear'): a stack of such layers collapses into one linear map.", '不使用激活函数（Keras 中的 linear）：这样的层无论叠多少层，都等价于一个线性映射。'),
  pros: [
    t('The output layer for regression: any real value, with an MSE loss.', '回归任务的输出层：可以输出任意实数，配合均方误差（MSE）损失。'),
    t('Loses no information: linear bottlenecks (MobileNetV2) and residual paths.', '不丢失信息：用于线性瓶颈层（MobileNetV2）和残差通路。'),
    t('Derivative exactly 1: no saturation, no dead units, no cost.', '导数恒为 1：不会饱和，没有死亡神经元，也不需要任何计算。'),
  ],
  cons: [
    t('No non-linearity: stacked linear layers collapse into one linear map (W₂W₁x).', '没有非线性：线性层的堆叠等价于一个线性映射（W₂W₁x）。'),
    t('Unbounded: a poor output for positive or bounded targets (use softplus or sigmoid).', '无界：不适合作为必须为正或有界的目标的输出（应改用 Softplus 或 Sigmoid）。'),
  ],
  onnx: { native: { op: 'Identity', sinceOpset: 1 } },
  expression: 'x',
  f: (x) => x,
  df: (x) => nanOr(x, 1),
  forward(z, out) {
    if (out !== z) out.set(z);
  },
  backward(z, _a, grad) {
    for (let i = 0; i < z.length; i++) if (z[i] !== z[i]) grad[i] = NaN;
  },
});
