// Vector activations over the last axis: softmax and log-softmax, with their Jacobians and
// Jacobian-vector products. Both subtract the row max first, so [1000, 1001] stays finite.
import { t, vector } from './define';
import type { FloatArray } from './types';

/**
 * The row max m and Σ exp(x_j − m) over x[off .. off+n): softmax = exp(x − m)/sum and
 * log_softmax = (x − m) − log(sum), never adding m back (that would round away ~1e-13 at 1000).
 * NaN anywhere gives m = NaN.
 */
function rowStats(x: ArrayLike<number>, off: number, n: number): { m: number; sum: number } {
  let m = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = x[off + j];
    if (v !== v) return { m: NaN, sum: NaN };
    if (v > m) m = v;
  }
  if (m === -Infinity || m === Infinity) return { m, sum: NaN }; // no finite mass, or a +∞ entry
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(x[off + j] - m);
  return { m, sum };
}

/** s = softmax(x) for one vector. */
function softmaxVec(x: ArrayLike<number>): Float64Array {
  const { m, sum } = rowStats(x, 0, x.length);
  return Float64Array.from(x, (v) => Math.exp(v - m) / sum);
}

function checkSameLength(x: ArrayLike<number>, v: ArrayLike<number>, what: string): void {
  if (v.length !== x.length) throw new Error(`${what} has length ${v.length}, but x has length ${x.length}`);
}

function checkRows(z: FloatArray, n: number): void {
  if (!(Number.isInteger(n) && n >= 1) || z.length % n !== 0) {
    throw new Error(`row length n = ${n} does not divide the array length ${z.length}`);
  }
}

export const softmax = vector({
  id: 'softmax',
  displayName: 'Softmax',
  tutorial: true,
  aliases: {
    pytorch: ['nn.Softmax', 'F.softmax', 'torch.softmax'],
    keras: ['keras.activations.softmax', 'keras.layers.Softmax', "'softmax'"],
    tensorflow: ['tf.nn.softmax', 'tf.math.softmax'],
    jax: ['jax.nn.softmax'],
    onnx: ['Softmax'],
    tfjs: ['tf.softmax', 'tf.layers.softmax', "'softmax'"],
  },
  params: [],
  formula: { unicode: 'softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)', latex: '\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}' },
  derivative: {
    unicode: '∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ);  J·v = s ⊙ (v − ⟨s, v⟩)',
    latex: '\\frac{\\partial s_i}{\\partial x_j} = s_i (\\delta_{ij} - s_j), \\quad J v = s \\odot \\bigl(v - \\langle s, v \\rangle\\bigr)',
  },
  range: { min: 0, max: 1, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Turns a vector of scores (logits) into probabilities that sum to 1; the output layer for classification.',
    '把一组得分（logits）变成和为 1 的概率；用于多分类的输出层。',
  ),
  pros: [
    t('Outputs form a probability distribution (positive, sum 1).', '输出构成概率分布（全为正且和为 1）。'),
    t('With cross-entropy, the gradient is simply s − y.', '与交叉熵搭配时，梯度就是 s − y。'),
  ],
  cons: [
    t('Not elementwise: every output depends on every input.', '不是逐元素运算：每个输出都依赖所有输入。'),
    t(
      'Sensitive to small input changes, and saturated once one score dominates: the exponentials amplify score differences (a lead of 5 takes over 99% of a two-way split), so near a tie a small change can flip the prediction.',
      '对输入的微小变化敏感，某个得分占主导时又会饱和：指数运算会放大得分之间的差距（两类之间领先 5 就能拿走 99% 以上的概率），得分接近时，细微的变化就可能改变预测结果。',
    ),
    t('Overflows if computed naively; subtract the max first.', '直接计算会溢出：要先减去最大值。'),
  ],
  paper: {
    title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
    authors: 'J. S. Bridle',
    year: 1990,
    venue: 'Neurocomputing (NATO ASI Series F68)',
    url: 'https://doi.org/10.1007/978-3-642-76153-9_28',
  },
  onnx: {
    native: { op: 'Softmax', sinceOpset: 1, attributes: { axis: 1 } },
    note: 'Opset 13 made Softmax act on one axis; for (B, n) input with axis 1 every opset agrees.',
  },
  apply: (x) => softmaxVec(x),
  jacobian(x) {
    const n = x.length;
    const s = softmaxVec(x);
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) jac[i * n + j] = s[i] * ((i === j ? 1 : 0) - s[j]);
    return jac;
  },
  jvp(x, v) {
    checkSameLength(x, v, 'v');
    const s = softmaxVec(x);
    let sv = 0;
    for (let i = 0; i < s.length; i++) sv += s[i] * v[i];
    return s.map((si, i) => si * (v[i] - sv));
  },
  vjp(x, g) {
    // The softmax Jacobian is symmetric, so Jᵀg = Jg.
    checkSameLength(x, g, 'g');
    const s = softmaxVec(x);
    let sg = 0;
    for (let i = 0; i < s.length; i++) sg += s[i] * g[i];
    return s.map((si, i) => si * (g[i] - sg));
  },
  forward(z, out, n) {
    checkRows(z, n);
    for (let off = 0; off < z.length; off += n) {
      const { m, sum } = rowStats(z, off, n);
      for (let j = 0; j < n; j++) out[off + j] = Math.exp(z[off + j] - m) / sum;
    }
  },
  backward(_z, a, grad, n) {
    checkRows(a, n);
    for (let off = 0; off < a.length; off += n) {
      let sg = 0;
      for (let j = 0; j < n; j++) sg += a[off + j] * grad[off + j];
      for (let j = 0; j < n; j++) grad[off + j] = a[off + j] * (grad[off + j] - sg);
    }
  },
});

export const logSoftmax = vector({
  id: 'log_softmax',
  displayName: 'LogSoftmax',
  aliases: {
    pytorch: ['nn.LogSoftmax', 'F.log_softmax', 'torch.log_softmax'],
    keras: ['keras.activations.log_softmax', "'log_softmax'"],
    tensorflow: ['tf.nn.log_softmax', 'tf.math.log_softmax'],
    jax: ['jax.nn.log_softmax'],
    onnx: ['LogSoftmax'],
    tfjs: ['tf.logSoftmax', "'logSoftmax'"],
  },
  params: [],
  formula: { unicode: 'log_softmax(x)ᵢ = xᵢ − log Σⱼ e^(xⱼ)', latex: '\\mathrm{log\\_softmax}(x)_i = x_i - \\log \\sum_j e^{x_j}' },
  derivative: {
    unicode: '∂yᵢ/∂xⱼ = δᵢⱼ − sⱼ (s = softmax(x));  J·v = v − ⟨s, v⟩;  Jᵀg = g − s·Σg',
    latex: '\\frac{\\partial y_i}{\\partial x_j} = \\delta_{ij} - s_j, \\quad J v = v - \\langle s, v \\rangle, \\quad J^\\top g = g - s \\sum_i g_i',
  },
  range: { min: -Infinity, max: 0, minIncluded: false, maxIncluded: false },
  properties: { monotonic: true, smooth: true, zeroCentred: false },
  doc: t(
    'Log of softmax, computed stably as x − logsumexp(x); pairs with the negative log-likelihood loss.',
    'Softmax 的对数，按 x − logsumexp(x) 稳定地计算；与负对数似然损失搭配使用。',
  ),
  pros: [
    t('Stable log-probabilities: no log(0) for very negative scores.', '数值稳定的对数概率：得分为很大的负数时也不会出现 log(0)。'),
    t('Cheaper and more accurate than log(softmax(x)).', '比 log(softmax(x)) 更快更准。'),
  ],
  cons: [
    t('Not elementwise; outputs are log-probabilities, not probabilities.', '不是逐元素运算；输出是对数概率而非概率。'),
    t('Output layer only: never positive and unbounded below.', '只用于输出层：输出恒不为正，且没有下界。'),
  ],
  onnx: {
    native: { op: 'LogSoftmax', sinceOpset: 1, attributes: { axis: 1 } },
    note: 'Opset 13 made LogSoftmax act on one axis; for (B, n) input with axis 1 every opset agrees.',
  },
  apply(x) {
    const { m, sum } = rowStats(x, 0, x.length);
    const logSum = Math.log(sum);
    return Float64Array.from(x, (v) => v - m - logSum);
  },
  jacobian(x) {
    const n = x.length;
    const s = softmaxVec(x);
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) jac[i * n + j] = (i === j ? 1 : 0) - s[j];
    return jac;
  },
  jvp(x, v) {
    checkSameLength(x, v, 'v');
    const s = softmaxVec(x);
    let sv = 0;
    for (let i = 0; i < s.length; i++) sv += s[i] * v[i];
    return Float64Array.from(v, (vi) => vi - sv);
  },
  vjp(x, g) {
    checkSameLength(x, g, 'g');
    const s = softmaxVec(x);
    let sumG = 0;
    for (let i = 0; i < g.length; i++) sumG += g[i];
    return s.map((sj, j) => g[j] - sj * sumG);
  },
  forward(z, out, n) {
    checkRows(z, n);
    for (let off = 0; off < z.length; off += n) {
      const { m, sum } = rowStats(z, off, n);
      const logSum = Math.log(sum);
      for (let j = 0; j < n; j++) out[off + j] = z[off + j] - m - logSum;
    }
  },
  backward(_z, a, grad, n) {
    checkRows(a, n);
    for (let off = 0; off < a.length; off += n) {
      let sumG = 0;
      for (let j = 0; j < n; j++) sumG += grad[off + j];
      for (let j = 0; j < n; j++) grad[off + j] -= Math.exp(a[off + j]) * sumG;
    }
  },
});
