// Fused activation passes for dense layers, forward and backward side by side. The trainer keeps
// z (pre-activation) and a = f(z) per layer; codes match ACTIVATION_CODES in
// src/core/kernels/wasm.ts.

import { expV, expm1V, sigmoidV, tanhV } from './vmath';

export const LINEAR: i32 = 0;
export const RELU: i32 = 1;
export const SIGMOID: i32 = 2;
export const TANH: i32 = 3;
export const LEAKY_RELU: i32 = 4;
export const ELU: i32 = 5;

/** f(z) per lane. relu max(0,z); leaky_relu z>0 ? z : alpha z; elu z>0 ? z : alpha (e^z - 1). */
// @ts-ignore: decorator
@inline function forwardV(act: i32, z: v128, alpha: v128): v128 {
  switch (act) {
    case RELU: return f32x4.pmax(z, f32x4.splat(0)); // z < 0 ? 0 : z, one instruction, NaN kept
    case SIGMOID: return sigmoidV(z);
    case TANH: return tanhV(z);
    case LEAKY_RELU: return v128.bitselect(z, f32x4.mul(z, alpha), f32x4.gt(z, f32x4.splat(0)));
    case ELU: return v128.bitselect(z, f32x4.mul(alpha, expm1V(z)), f32x4.gt(z, f32x4.splat(0)));
    default: return z;
  }
}

/** f'(z) per lane, from z or from a = f(z): sigmoid a(1-a), tanh 1-a^2, elu (z<=0) a + alpha. */
// @ts-ignore: decorator
@inline function derivativeV(act: i32, z: v128, a: v128, alpha: v128): v128 {
  const one = f32x4.splat(1);
  const positive = f32x4.gt(z, f32x4.splat(0));
  switch (act) {
    case RELU: return v128.and(one, positive);
    case SIGMOID: return f32x4.mul(a, f32x4.sub(one, a));
    case TANH: return f32x4.sub(one, f32x4.mul(a, a));
    case LEAKY_RELU: return v128.bitselect(one, alpha, positive);
    case ELU: return v128.bitselect(one, f32x4.add(a, alpha), positive);
    default: return one;
  }
}

/**
 * Dense-layer epilogue: z(m,n) += bias(n) per row, then a(m,n) = f(z). `a` may equal `z` (then
 * only f(z) is kept). Byte addresses.
 */
export function biasActivation(m: i32, n: i32, z: usize, bias: usize, act: i32, alpha: f32, a: usize): void {
  const alphaV = f32x4.splat(alpha);
  const n4 = n & ~3;
  for (let i = 0; i < m; i++) {
    const zr = z + ((<usize>i * <usize>n) << 2);
    const ar = a + ((<usize>i * <usize>n) << 2);
    let j = 0;
    for (; j < n4; j += 4) {
      const o = <usize>j << 2;
      const zv = f32x4.add(v128.load(zr + o), v128.load(bias + o));
      v128.store(zr + o, zv);
      v128.store(ar + o, forwardV(act, zv, alphaV));
    }
    for (; j < n; j++) {
      // the ragged columns go through the same lane formulas, one lane used
      const o = <usize>j << 2;
      const zs = load<f32>(zr + o) + load<f32>(bias + o);
      store<f32>(zr + o, zs);
      store<f32>(ar + o, f32x4.extract_lane(forwardV(act, f32x4.splat(zs), alphaV), 0));
    }
  }
}

/** grad[i] *= f'(z[i]) for `count` elements, f' from z or a = f(z) as derivativeV says. */
export function activationBackward(count: i32, act: i32, alpha: f32, z: usize, a: usize, grad: usize): void {
  const alphaV = f32x4.splat(alpha);
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    const d = derivativeV(act, v128.load(z + o), v128.load(a + o), alphaV);
    v128.store(grad + o, f32x4.mul(v128.load(grad + o), d));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const d = derivativeV(act, f32x4.splat(load<f32>(z + o)), f32x4.splat(load<f32>(a + o)), alphaV);
    store<f32>(grad + o, load<f32>(grad + o) * f32x4.extract_lane(d, 0));
  }
}

/** db(n) = beta*db + sum over rows of dz(m,n): the bias gradient of a dense layer. */
export function biasGradient(m: i32, n: i32, dz: usize, beta: i32, db: usize): void {
  const n4 = n & ~3;
  const ld = <usize>n << 2;
  let j = 0;
  for (; j < n4; j += 4) {
    const o = <usize>j << 2;
    let s = beta != 0 ? v128.load(db + o) : f32x4.splat(0);
    let p = dz + o;
    for (let i = 0; i < m; i++) {
      s = f32x4.add(s, v128.load(p));
      p += ld;
    }
    v128.store(db + o, s);
  }
  for (; j < n; j++) {
    const o = <usize>j << 2;
    let s: f32 = beta != 0 ? load<f32>(db + o) : 0;
    for (let i = 0; i < m; i++) s += load<f32>(dz + <usize>i * ld + o);
    store<f32>(db + o, s);
  }
}

/**
 * Softmax + categorical cross-entropy on logits(m,n) with integer labels(m) (i32): writes
 * dlogits = scale * (softmax(logits) - onehot(label)) and returns the summed loss
 * sum_i [logsumexp(logits_i) - logits_i[label_i]]. dlogits may equal logits.
 */
export function softmaxCrossEntropy(m: i32, n: i32, logits: usize, labels: usize, scale: f32, dlogits: usize): f64 {
  let loss: f64 = 0;
  const n4 = n & ~3;
  for (let i = 0; i < m; i++) {
    const x = logits + ((<usize>i * <usize>n) << 2);
    const d = dlogits + ((<usize>i * <usize>n) << 2);
    let mx = load<f32>(x);
    for (let j = 1; j < n; j++) mx = max(mx, load<f32>(x + (<usize>j << 2)));
    const label = load<i32>(labels + (<usize>i << 2));
    const target = load<f32>(x + (<usize>label << 2));
    // e^(x - max) into d, summed
    const mxV = f32x4.splat(mx);
    let sV = f32x4.splat(0);
    let j = 0;
    for (; j < n4; j += 4) {
      const e = expV(f32x4.sub(v128.load(x + (<usize>j << 2)), mxV));
      v128.store(d + (<usize>j << 2), e);
      sV = f32x4.add(sV, e);
    }
    let sum: f32 = f32x4.extract_lane(sV, 0) + f32x4.extract_lane(sV, 1) + f32x4.extract_lane(sV, 2) + f32x4.extract_lane(sV, 3);
    for (; j < n; j++) {
      const e = f32x4.extract_lane(expV(f32x4.splat(load<f32>(x + (<usize>j << 2)) - mx)), 0);
      store<f32>(d + (<usize>j << 2), e);
      sum += e;
    }
    loss += Math.log(<f64>sum) - <f64>(target - mx);
    const k = scale / sum;
    for (j = 0; j < n; j++) store<f32>(d + (<usize>j << 2), load<f32>(d + (<usize>j << 2)) * k);
    store<f32>(d + (<usize>label << 2), load<f32>(d + (<usize>label << 2)) - scale);
  }
  return loss;
}
