// One Adam step over a flat parameter buffer (Kingma & Ba 2015, Algorithm 1):
//   m = beta1 m + (1-beta1) g;  v = beta2 v + (1-beta2) g^2;  p -= stepSize m / (sqrt(v) vScale + epsilon)
// Keras: stepSize = lr sqrt(1-beta2^t)/(1-beta1^t), vScale = 1.
// PyTorch: stepSize = lr/(1-beta1^t), vScale = 1/sqrt(1-beta2^t).
//
// Moments of weights whose gradient stays 0 (dead ReLU units, border pixels) decay geometrically
// into the subnormal range, where x86 arithmetic takes a slow microcode path (measured: 13% of m
// subnormal after one relu epoch made this step 2.4x slower). So m is set to 0 once
// |m| < M_FLUSH, which moves p by at most stepSize*M_FLUSH/epsilon (1e-26 with Keras's defaults),
// and v once sqrt(v) < 1e-6 epsilon, which changes the denominator by under 1e-6 of itself.
// NaN is never flushed.

const M_FLUSH: f32 = 1e-30;

export function adamUpdate(
  count: i32, params: usize, grads: usize, m: usize, v: usize,
  stepSize: f32, beta1: f64, beta2: f64, epsilon: f32, vScale: f32,
): void {
  // 1 - beta in double, then rounded: 1 - f32(0.999) would be off by 1.3e-5 relative
  const beta1f = <f32>beta1, oneMinusBeta1 = <f32>(1 - beta1);
  const beta2f = <f32>beta2, oneMinusBeta2 = <f32>(1 - beta2);
  const vRoot = <f64>epsilon * 1e-6;
  const vFlush = <f32>(vRoot * vRoot); // 0 when it underflows: then no flushing
  const b1 = f32x4.splat(beta1f), c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2f), c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(stepSize), eps = f32x4.splat(epsilon), vs = f32x4.splat(vScale);
  const mFlushV = f32x4.splat(M_FLUSH), vFlushV = f32x4.splat(vFlush);
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    const g = v128.load(grads + o);
    let mv = f32x4.add(f32x4.mul(b1, v128.load(m + o)), f32x4.mul(c1, g));
    let vv = f32x4.add(f32x4.mul(b2, v128.load(v + o)), f32x4.mul(c2, f32x4.mul(g, g)));
    mv = v128.andnot(mv, f32x4.lt(f32x4.abs(mv), mFlushV)); // NaN compares false: kept
    vv = v128.andnot(vv, f32x4.lt(vv, vFlushV));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const denom = f32x4.add(f32x4.mul(f32x4.sqrt(vv), vs), eps);
    v128.store(params + o, f32x4.sub(v128.load(params + o), f32x4.div(f32x4.mul(step, mv), denom)));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const g = load<f32>(grads + o);
    let mv = beta1f * load<f32>(m + o) + oneMinusBeta1 * g;
    let vv = beta2f * load<f32>(v + o) + oneMinusBeta2 * (g * g);
    if (Mathf.abs(mv) < M_FLUSH) mv = 0;
    if (vv < vFlush) vv = 0;
    store<f32>(m + o, mv);
    store<f32>(v + o, vv);
    store<f32>(params + o, load<f32>(params + o) - (stepSize * mv) / (Mathf.sqrt(vv) * vScale + epsilon));
  }
}
