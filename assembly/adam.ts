// One Adam step over a flat parameter buffer (Kingma & Ba 2015, Algorithm 1):
//   m = beta1 m + (1-beta1) g;  v = beta2 v + (1-beta2) g^2;  p -= stepSize m / (sqrt(v) vScale + epsilon)
// Keras: stepSize = lr sqrt(1-beta2^t)/(1-beta1^t), vScale = 1.
// PyTorch: stepSize = lr/(1-beta1^t), vScale = 1/sqrt(1-beta2^t).
// The same per-element arithmetic serves the plain pass (adamUpdate) and the GEMM epilogue that
// updates a weight tile as soon as its gradient is complete (gemm.ts, gemmAdam): a parameter
// gets bit-identical values either way.
//
// Moments of weights whose gradient stays 0 (dead ReLU units, border pixels) decay geometrically
// into the subnormal range, where x86 arithmetic takes a slow microcode path (measured: 13% of m
// subnormal after one relu epoch made this step 2.4x slower). So m is set to 0 once
// |m| < M_FLUSH, which moves p by at most stepSize*M_FLUSH/epsilon (1e-26 with Keras's defaults),
// and v once sqrt(v) < 1e-6 epsilon, which changes the denominator by under 1e-6 of itself.
// NaN is never flushed.

const M_FLUSH: f32 = 1e-30;

// The step's settings, set once per step by `adamConfigure`; m and v sit at fixed byte offsets
// from the parameter they belong to (the three buffers share one layout).
export let stepSize: f32 = 0;
export let beta1f: f32 = 0;
export let oneMinusBeta1: f32 = 0;
export let beta2f: f32 = 0;
export let oneMinusBeta2: f32 = 0;
export let epsilon: f32 = 0;
export let vScale: f32 = 0;
export let vFlush: f32 = 0;
let mOffset: usize = 0;
let vOffset: usize = 0;

/** Sets the step's settings; `mOff` and `vOff` are the byte distances from a parameter to its m and v. */
export function adamConfigure(step: f32, beta1: f64, beta2: f64, eps: f32, vs: f32, mOff: usize, vOff: usize): void {
  stepSize = step;
  // 1 - beta in double, then rounded: 1 - f32(0.999) would be off by 1.3e-5 relative
  beta1f = <f32>beta1;
  oneMinusBeta1 = <f32>(1 - beta1);
  beta2f = <f32>beta2;
  oneMinusBeta2 = <f32>(1 - beta2);
  epsilon = eps;
  vScale = vs;
  const vRoot = <f64>eps * 1e-6;
  vFlush = <f32>(vRoot * vRoot); // 0 when it underflows: then no flushing
  mOffset = mOff;
  vOffset = vOff;
}

/** Adam on the four parameters at byte address p with gradients g, given the settings splatted. */
// @ts-ignore: decorator
@inline export function adamVector(p: usize, g: v128, b1: v128, c1: v128, b2: v128, c2: v128, step: v128, eps: v128, vs: v128, vFlushV: v128): void {
  const m = p + mOffset;
  const v = p + vOffset;
  const m0 = v128.load(m);
  const v0 = v128.load(v);
  // g, m and v all +0 (a pixel that stayed 0 for hundreds of steps): Adam leaves all three as they are
  if (!v128.any_true(v128.or(v128.or(g, m0), v0))) return;
  let mv = f32x4.add(f32x4.mul(b1, m0), f32x4.mul(c1, g));
  let vv = f32x4.add(f32x4.mul(b2, v0), f32x4.mul(c2, f32x4.mul(g, g)));
  mv = v128.andnot(mv, f32x4.lt(f32x4.abs(mv), f32x4.splat(M_FLUSH))); // NaN compares false: kept
  vv = v128.andnot(vv, f32x4.lt(vv, vFlushV));
  v128.store(m, mv);
  v128.store(v, vv);
  const denom = f32x4.add(f32x4.mul(f32x4.sqrt(vv), vs), eps);
  v128.store(p, f32x4.sub(v128.load(p), f32x4.div(f32x4.mul(step, mv), denom)));
}

/** Adam on the one parameter at byte address p: the same arithmetic as one lane of adamVector. */
// @ts-ignore: decorator
@inline export function adamScalar(p: usize, g: f32): void {
  const m = p + mOffset;
  const v = p + vOffset;
  let mv = beta1f * load<f32>(m) + oneMinusBeta1 * g;
  let vv = beta2f * load<f32>(v) + oneMinusBeta2 * (g * g);
  if (Mathf.abs(mv) < M_FLUSH) mv = 0;
  if (vv < vFlush) vv = 0;
  store<f32>(m, mv);
  store<f32>(v, vv);
  store<f32>(p, load<f32>(p) - (stepSize * mv) / (Mathf.sqrt(vv) * vScale + epsilon));
}

/** Adam on `count` parameters at byte address p with gradients at g (count a multiple of 4 or not). */
// @ts-ignore: decorator
@inline export function adamRange(count: i32, p: usize, g: usize): void {
  const b1 = f32x4.splat(beta1f), c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2f), c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(stepSize), eps = f32x4.splat(epsilon), vs = f32x4.splat(vScale), vf = f32x4.splat(vFlush);
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    adamVector(p + o, v128.load(g + o), b1, c1, b2, c2, step, eps, vs, vf);
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    adamScalar(p + o, load<f32>(g + o));
  }
}

/** One Adam step over `count` parameters at `params` with gradients at `grads` (after adamConfigure). */
export function adamUpdate(count: i32, params: usize, grads: usize): void {
  adamRange(count, params, grads);
}
