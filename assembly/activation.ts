// Activation passes for dense layers, forward and backward side by side: the generic loops here
// specialise to one loop per activation of activationFunctions.ts (one class per registry
// activation). The trainer keeps z (pre-activation), a = f(z) and, when training, d = f'(z)
// per layer. Codes match ACTIVATION_CODES in src/core/kernels/wasm.ts; p0, p1 are the
// activation's parameters in the registry record's order.

import {
  Celu, Elu, Gelu, GeluTanh, Hardshrink, HardSigmoid, HardSwish, Hardtanh, LeakyRelu, Linear, LogSigmoid, Mish,
  Relu, Relu6, Selu, Sigmoid, Silu, Softplus, Softshrink, Softsign, Tanh, Tanhshrink, ThresholdedRelu,
} from './activationFunctions';
import { expV } from './vmath';

export const LINEAR: i32 = 0;
export const RELU: i32 = 1;
export const SIGMOID: i32 = 2;
export const TANH: i32 = 3;
export const LEAKY_RELU: i32 = 4; // and prelu
export const ELU: i32 = 5;
export const SELU: i32 = 6;
export const CELU: i32 = 7;
export const GELU: i32 = 8;
export const GELU_TANH: i32 = 9;
export const SILU: i32 = 10;
export const MISH: i32 = 11;
export const SOFTPLUS: i32 = 12;
export const SOFTSIGN: i32 = 13;
export const HARD_SIGMOID: i32 = 14;
export const HARD_SWISH: i32 = 15;
export const RELU6: i32 = 16;
export const HARDTANH: i32 = 17;
export const THRESHOLDED_RELU: i32 = 18;
export const LOG_SIGMOID: i32 = 19;
export const TANHSHRINK: i32 = 20;
export const SOFTSHRINK: i32 = 21;
export const HARDSHRINK: i32 = 22;

// Ragged tails go through the same lane formulas, one lane used, via this scratch (a, then d).
const TAIL: usize = memory.data(32, 16);

/** z(m,n) += bias(n) per row, then a = f(z), and with `withDerivative` d = f'(z) too. */
// @ts-ignore: decorator
@inline function forwardRows<T>(
  m: i32, n: i32, z: usize, bias: usize, a: usize, d: usize, withDerivative: bool, p0: v128, p1: v128,
): void {
  const k = changetype<T>(0);
  const n4 = n & ~3;
  for (let i = 0; i < m; i++) {
    const row = (<usize>i * <usize>n) << 2;
    const zr = z + row;
    const ar = a + row;
    const dr = d + row;
    let j = 0;
    for (; j < n4; j += 4) {
      const o = <usize>j << 2;
      const zv = f32x4.add(v128.load(zr + o), v128.load(bias + o));
      v128.store(zr + o, zv);
      // @ts-ignore: T's methods
      if (withDerivative) k.fd(zv, p0, p1, ar + o, dr + o);
      // @ts-ignore: T's methods
      else v128.store(ar + o, k.f(zv, p0, p1));
    }
    for (; j < n; j++) {
      const o = <usize>j << 2;
      const zs = load<f32>(zr + o) + load<f32>(bias + o);
      store<f32>(zr + o, zs);
      // @ts-ignore: T's methods
      if (withDerivative) k.fd(f32x4.splat(zs), p0, p1, TAIL, TAIL + 16);
      // @ts-ignore: T's methods
      else v128.store(TAIL, k.f(f32x4.splat(zs), p0, p1));
      store<f32>(ar + o, load<f32>(TAIL));
      if (withDerivative) store<f32>(dr + o, load<f32>(TAIL, 16));
    }
  }
}

// @ts-ignore: decorator
@inline function forwardFor<T>(m: i32, n: i32, z: usize, bias: usize, a: usize, d: usize, p0: v128, p1: v128): void {
  if (d != 0) forwardRows<T>(m, n, z, bias, a, d, true, p0, p1);
  else forwardRows<T>(m, n, z, bias, a, d, false, p0, p1);
}

/** grad[i] *= f'(z[i]) for `count` elements, f' from z. */
// @ts-ignore: decorator
@inline function backwardFor<T>(count: i32, z: usize, grad: usize, p0: v128, p1: v128): void {
  const k = changetype<T>(0);
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    // @ts-ignore: T's methods
    k.fd(v128.load(z + o), p0, p1, TAIL, TAIL + 16);
    v128.store(grad + o, f32x4.mul(v128.load(grad + o), v128.load(TAIL, 16)));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    // @ts-ignore: T's methods
    k.fd(f32x4.splat(load<f32>(z + o)), p0, p1, TAIL, TAIL + 16);
    store<f32>(grad + o, load<f32>(grad + o) * load<f32>(TAIL, 16));
  }
}

/** sum_i grad[i] * df/dp_which(z[i]), the products in float32 and their sum in float64. */
// @ts-ignore: decorator
@inline function paramGradientFor<T>(count: i32, which: i32, z: usize, grad: usize, p0: v128, p1: v128): f64 {
  const k = changetype<T>(0);
  const c4 = count & ~3;
  let lo = f64x2.splat(0);
  let hi = f64x2.splat(0);
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    // @ts-ignore: T's methods
    const t = f32x4.mul(v128.load(grad + o), k.dp(v128.load(z + o), which, p0, p1));
    lo = f64x2.add(lo, f64x2.promote_low_f32x4(t));
    hi = f64x2.add(hi, f64x2.promote_low_f32x4(v128.shuffle<f32>(t, t, 2, 3, 0, 1)));
  }
  const s = f64x2.add(lo, hi);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < count; i++) {
    const o = <usize>i << 2;
    // @ts-ignore: T's methods
    const t = f32x4.mul(f32x4.splat(load<f32>(grad + o)), k.dp(f32x4.splat(load<f32>(z + o)), which, p0, p1));
    total += <f64>f32x4.extract_lane(t, 0);
  }
  return total;
}

/**
 * Dense-layer epilogue: z(m,n) += bias(n) per row, then a(m,n) = f(z) and, when d is not 0,
 * d(m,n) = f'(z) (the training pass: backward is then one multiply). `a` may equal `z` (then
 * only f(z) is kept). Byte addresses; p0, p1 the activation's parameters.
 */
export function biasActivation(m: i32, n: i32, z: usize, bias: usize, act: i32, p0: f32, p1: f32, a: usize, d: usize): void {
  const P0 = f32x4.splat(p0);
  const P1 = f32x4.splat(p1);
  switch (act) {
    case RELU: forwardFor<Relu>(m, n, z, bias, a, d, P0, P1); break;
    case SIGMOID: forwardFor<Sigmoid>(m, n, z, bias, a, d, P0, P1); break;
    case TANH: forwardFor<Tanh>(m, n, z, bias, a, d, P0, P1); break;
    case LEAKY_RELU: forwardFor<LeakyRelu>(m, n, z, bias, a, d, P0, P1); break;
    case ELU: forwardFor<Elu>(m, n, z, bias, a, d, P0, P1); break;
    case SELU: forwardFor<Selu>(m, n, z, bias, a, d, P0, P1); break;
    case CELU: forwardFor<Celu>(m, n, z, bias, a, d, P0, P1); break;
    case GELU: forwardFor<Gelu>(m, n, z, bias, a, d, P0, P1); break;
    case GELU_TANH: forwardFor<GeluTanh>(m, n, z, bias, a, d, P0, P1); break;
    case SILU: forwardFor<Silu>(m, n, z, bias, a, d, P0, P1); break;
    case MISH: forwardFor<Mish>(m, n, z, bias, a, d, P0, P1); break;
    case SOFTPLUS: forwardFor<Softplus>(m, n, z, bias, a, d, P0, P1); break;
    case SOFTSIGN: forwardFor<Softsign>(m, n, z, bias, a, d, P0, P1); break;
    case HARD_SIGMOID: forwardFor<HardSigmoid>(m, n, z, bias, a, d, P0, P1); break;
    case HARD_SWISH: forwardFor<HardSwish>(m, n, z, bias, a, d, P0, P1); break;
    case RELU6: forwardFor<Relu6>(m, n, z, bias, a, d, P0, P1); break;
    case HARDTANH: forwardFor<Hardtanh>(m, n, z, bias, a, d, P0, P1); break;
    case THRESHOLDED_RELU: forwardFor<ThresholdedRelu>(m, n, z, bias, a, d, P0, P1); break;
    case LOG_SIGMOID: forwardFor<LogSigmoid>(m, n, z, bias, a, d, P0, P1); break;
    case TANHSHRINK: forwardFor<Tanhshrink>(m, n, z, bias, a, d, P0, P1); break;
    case SOFTSHRINK: forwardFor<Softshrink>(m, n, z, bias, a, d, P0, P1); break;
    case HARDSHRINK: forwardFor<Hardshrink>(m, n, z, bias, a, d, P0, P1); break;
    default: forwardFor<Linear>(m, n, z, bias, a, d, P0, P1); break;
  }
}

/** grad[i] *= f'(z[i]) for `count` elements (from z alone; the training pass stores d instead). */
export function activationBackward(count: i32, act: i32, p0: f32, p1: f32, z: usize, grad: usize): void {
  const P0 = f32x4.splat(p0);
  const P1 = f32x4.splat(p1);
  switch (act) {
    case RELU: backwardFor<Relu>(count, z, grad, P0, P1); break;
    case SIGMOID: backwardFor<Sigmoid>(count, z, grad, P0, P1); break;
    case TANH: backwardFor<Tanh>(count, z, grad, P0, P1); break;
    case LEAKY_RELU: backwardFor<LeakyRelu>(count, z, grad, P0, P1); break;
    case ELU: backwardFor<Elu>(count, z, grad, P0, P1); break;
    case SELU: backwardFor<Selu>(count, z, grad, P0, P1); break;
    case CELU: backwardFor<Celu>(count, z, grad, P0, P1); break;
    case GELU: backwardFor<Gelu>(count, z, grad, P0, P1); break;
    case GELU_TANH: backwardFor<GeluTanh>(count, z, grad, P0, P1); break;
    case SILU: backwardFor<Silu>(count, z, grad, P0, P1); break;
    case MISH: backwardFor<Mish>(count, z, grad, P0, P1); break;
    case SOFTPLUS: backwardFor<Softplus>(count, z, grad, P0, P1); break;
    case SOFTSIGN: backwardFor<Softsign>(count, z, grad, P0, P1); break;
    case HARD_SIGMOID: backwardFor<HardSigmoid>(count, z, grad, P0, P1); break;
    case HARD_SWISH: backwardFor<HardSwish>(count, z, grad, P0, P1); break;
    case RELU6: backwardFor<Relu6>(count, z, grad, P0, P1); break;
    case HARDTANH: backwardFor<Hardtanh>(count, z, grad, P0, P1); break;
    case THRESHOLDED_RELU: backwardFor<ThresholdedRelu>(count, z, grad, P0, P1); break;
    case LOG_SIGMOID: backwardFor<LogSigmoid>(count, z, grad, P0, P1); break;
    case TANHSHRINK: backwardFor<Tanhshrink>(count, z, grad, P0, P1); break;
    case SOFTSHRINK: backwardFor<Softshrink>(count, z, grad, P0, P1); break;
    case HARDSHRINK: backwardFor<Hardshrink>(count, z, grad, P0, P1); break;
    default: backwardFor<Linear>(count, z, grad, P0, P1); break;
  }
}

/**
 * sum_i grad[i] * df/dp_which(z[i]): a learned parameter's gradient, given dL/da in grad.
 * which = 0 or 1 (p0 or p1); activations without that parameter give 0.
 */
export function activationParamGradient(count: i32, act: i32, which: i32, p0: f32, p1: f32, z: usize, grad: usize): f64 {
  const P0 = f32x4.splat(p0);
  const P1 = f32x4.splat(p1);
  switch (act) {
    case LEAKY_RELU: return paramGradientFor<LeakyRelu>(count, which, z, grad, P0, P1);
    case ELU: return paramGradientFor<Elu>(count, which, z, grad, P0, P1);
    case CELU: return paramGradientFor<Celu>(count, which, z, grad, P0, P1);
    case SILU: return paramGradientFor<Silu>(count, which, z, grad, P0, P1);
    case SOFTPLUS: return paramGradientFor<Softplus>(count, which, z, grad, P0, P1);
    case HARD_SIGMOID: return paramGradientFor<HardSigmoid>(count, which, z, grad, P0, P1);
    case HARDTANH: return paramGradientFor<Hardtanh>(count, which, z, grad, P0, P1);
    case SOFTSHRINK: return paramGradientFor<Softshrink>(count, which, z, grad, P0, P1);
    default: return 0; // no parameter, or one whose derivative is 0 almost everywhere
  }
}

/** x[i] *= y[i] for `count` elements: dL/dz = dL/da * f'(z) from the stored derivative. */
export function multiplyInPlace(count: i32, x: usize, y: usize): void {
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    v128.store(x + o, f32x4.mul(v128.load(x + o), v128.load(y + o)));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    store<f32>(x + o, load<f32>(x + o) * load<f32>(y + o));
  }
}

/** z(m,n) += bias(n) on every row (the epilogue before a compiled activation). */
export function addBias(m: i32, n: i32, z: usize, bias: usize): void {
  const n4 = n & ~3;
  for (let i = 0; i < m; i++) {
    const zr = z + ((<usize>i * <usize>n) << 2);
    let j = 0;
    for (; j < n4; j += 4) {
      const o = <usize>j << 2;
      v128.store(zr + o, f32x4.add(v128.load(zr + o), v128.load(bias + o)));
    }
    for (; j < n; j++) {
      const o = <usize>j << 2;
      store<f32>(zr + o, load<f32>(zr + o) + load<f32>(bias + o));
    }
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
