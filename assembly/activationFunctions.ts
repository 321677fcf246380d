// Every elementwise activation of the registry (src/core/activations) as four-lane functions,
// forward and derivative side by side. Each is a final class of inline methods, so the generic
// loops in activation.ts specialise to one straight loop per activation:
//   f(z)           the forward value (evaluation passes);
//   fd(z, a, d)    f(z) into a and f'(z) into d together, sharing their exponentials (training);
//   dp(z, k)       df/dp_k, the derivative by the k-th parameter (learned parameters).
// Parameters come at run time, splatted: p0, p1 in the record's parameter order. Conventions at
// the kinks follow the registry (PyTorch's): relu'(0) = 0, leaky_relu'(0) = alpha, elu'(0) =
// alpha, hardtanh' and relu6' are 0 at both ends, hard_swish'(-3) = -1/2, hard_swish'(3) = 1.
// f keeps NaN; f' of NaN is not specified (the loss is NaN already). Jumps (thresholded_relu,
// hardshrink) have a derivative by their threshold of 0 almost everywhere.

import {
  expm1FromExpV, expV, gaussV, log1pUnitV, normalCdfFromGaussV, tanhExp, tanhLarge, tanhSmallTerm, TANH_SMALL,
} from './vmath';

// @ts-ignore: decorator
@inline function splat(x: f32): v128 {
  return f32x4.splat(x);
}

/** 1 where the mask is set, else 0. */
// @ts-ignore: decorator
@inline function oneWhere(mask: v128): v128 {
  return v128.and(splat(1), mask);
}

/** 0 for finite x, NaN for NaN: the registry's "0, but NaN stays NaN" branches. */
// @ts-ignore: decorator
@inline function zeroOrNaN(x: v128): v128 {
  return f32x4.sub(x, x);
}

/** The logistic pieces of x from e = e^-|x| and r = 1/(1 + e): sigma(x) = r or e r, sigma'(x) = e r^2. */
// @ts-ignore: decorator
@inline function sigmoidFrom(x: v128, e: v128, r: v128): v128 {
  return v128.bitselect(r, f32x4.mul(e, r), f32x4.ge(x, splat(0)));
}

// @ts-ignore: decorator
@inline function expNegAbs(x: v128): v128 {
  return expV(f32x4.neg(f32x4.abs(x)));
}

// @ts-ignore: decorator
@inline function reciprocalOnePlus(e: v128): v128 {
  return f32x4.div(splat(1), f32x4.add(splat(1), e));
}

/** identity: f = z, f' = 1. */
@final export class Linear {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return z;
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    v128.store(a, z);
    v128.store(d, splat(1));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** relu: max(0, z); f' = [z > 0]. */
@final export class Relu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.pmax(z, splat(0)); // z < 0 ? 0 : z, one instruction, NaN kept
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    v128.store(a, f32x4.pmax(z, splat(0)));
    v128.store(d, oneWhere(f32x4.gt(z, splat(0))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** sigmoid: 1/(1 + e^-z); f' = sigma(z) sigma(-z) = e^-|z| / (1 + e^-|z|)^2. */
@final export class Sigmoid {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const e = expNegAbs(z);
    return sigmoidFrom(z, e, reciprocalOnePlus(e));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const e = expNegAbs(z);
    const r = reciprocalOnePlus(e);
    v128.store(a, sigmoidFrom(z, e, r));
    v128.store(d, f32x4.mul(f32x4.mul(e, r), r));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** tanh; f' = 1 - tanh^2 below |z| = 0.625, else 4e/(1 + e)^2 with e = e^(-2|z|). */
@final export class Tanh {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const ax = f32x4.abs(z);
    const e = tanhExp(ax);
    const large = tanhLarge(z, e, reciprocalOnePlus(e));
    return v128.bitselect(f32x4.add(z, f32x4.mul(tanhSmallTerm(z), z)), large, f32x4.lt(ax, splat(TANH_SMALL)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const ax = f32x4.abs(z);
    const smallMask = f32x4.lt(ax, splat(TANH_SMALL));
    const e = tanhExp(ax);
    const r = reciprocalOnePlus(e);
    const small = f32x4.add(z, f32x4.mul(tanhSmallTerm(z), z));
    const t = v128.bitselect(small, tanhLarge(z, e, r), smallMask);
    v128.store(a, t);
    const sech2Large = f32x4.mul(f32x4.mul(f32x4.mul(e, splat(4)), r), r);
    v128.store(d, v128.bitselect(f32x4.sub(splat(1), f32x4.mul(small, small)), sech2Large, smallMask));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** leaky_relu and prelu (p0 = alpha): z > 0 ? z : alpha z; f' = z > 0 ? 1 : alpha; df/dalpha = z > 0 ? 0 : z. */
@final export class LeakyRelu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return v128.bitselect(z, f32x4.mul(z, p0), f32x4.gt(z, splat(0)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const positive = f32x4.gt(z, splat(0));
    v128.store(a, v128.bitselect(z, f32x4.mul(z, p0), positive));
    v128.store(d, v128.bitselect(splat(1), p0, positive));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return v128.andnot(z, f32x4.gt(z, splat(0)));
  }
}

/** elu (p0 = alpha): z > 0 ? z : alpha (e^z - 1); f' = z > 0 ? 1 : alpha e^z; df/dalpha = z > 0 ? 0 : e^z - 1. */
@final export class Elu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const e = expV(z);
    return v128.bitselect(z, f32x4.mul(p0, expm1FromExpV(z, e)), f32x4.gt(z, splat(0)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const positive = f32x4.gt(z, splat(0));
    const e = expV(z);
    v128.store(a, v128.bitselect(z, f32x4.mul(p0, expm1FromExpV(z, e)), positive));
    v128.store(d, v128.bitselect(splat(1), f32x4.mul(p0, e), positive));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return v128.andnot(expm1FromExpV(z, expV(z)), f32x4.gt(z, splat(0)));
  }
}

/** SELU's constants (Klambauer et al. 2017, eq. 14), as the registry has them. */
const SELU_ALPHA: f32 = 1.6732632423543772;
const SELU_SCALE: f32 = 1.0507009873554805;

/** selu: lambda (z > 0 ? z : alpha (e^z - 1)); f' = lambda (z > 0 ? 1 : alpha e^z). */
@final export class Selu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const e = expV(z);
    return f32x4.mul(splat(SELU_SCALE), v128.bitselect(z, f32x4.mul(splat(SELU_ALPHA), expm1FromExpV(z, e)), f32x4.gt(z, splat(0))));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const positive = f32x4.gt(z, splat(0));
    const e = expV(z);
    v128.store(a, f32x4.mul(splat(SELU_SCALE), v128.bitselect(z, f32x4.mul(splat(SELU_ALPHA), expm1FromExpV(z, e)), positive)));
    v128.store(d, f32x4.mul(splat(SELU_SCALE), v128.bitselect(splat(1), f32x4.mul(splat(SELU_ALPHA), e), positive)));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/**
 * celu (p0 = alpha): z > 0 ? z : alpha (e^(z/alpha) - 1); f' = z > 0 ? 1 : e^(z/alpha);
 * df/dalpha = z > 0 ? 0 : (e^w - 1) - w e^w with w = z/alpha.
 */
@final export class Celu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const w = f32x4.div(z, p0);
    return v128.bitselect(z, f32x4.mul(p0, expm1FromExpV(w, expV(w))), f32x4.gt(z, splat(0)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const positive = f32x4.gt(z, splat(0));
    const w = f32x4.div(z, p0);
    const e = expV(w);
    v128.store(a, v128.bitselect(z, f32x4.mul(p0, expm1FromExpV(w, e)), positive));
    v128.store(d, v128.bitselect(splat(1), e, positive));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    const w = f32x4.div(z, p0);
    const e = expV(w);
    return v128.andnot(f32x4.sub(expm1FromExpV(w, e), f32x4.mul(w, e)), f32x4.gt(z, splat(0)));
  }
}

const INV_SQRT_2PI: f32 = 0.3989422804014327;

/** gelu: z Phi(z); f' = Phi(z) + z phi(z), phi(z) = e^(-z^2/2)/sqrt(2 pi), one exponential for both. */
@final export class Gelu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.mul(z, normalCdfFromGaussV(z, gaussV(z)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const gauss = gaussV(z);
    const cdf = normalCdfFromGaussV(z, gauss);
    v128.store(a, f32x4.mul(z, cdf));
    v128.store(d, f32x4.add(cdf, f32x4.mul(z, f32x4.mul(gauss, splat(INV_SQRT_2PI)))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

const TWO_SQRT_2_OVER_PI: f32 = 1.5957691216057308; // 2 sqrt(2/pi)
const GELU_C: f32 = 0.044715;

/** 2u = 2 sqrt(2/pi) (z + 0.044715 z^3) of the tanh GELU, z^2 given. */
// @ts-ignore: decorator
@inline function geluTanhArgument(z: v128, z2: v128): v128 {
  return f32x4.mul(splat(TWO_SQRT_2_OVER_PI), f32x4.add(z, f32x4.mul(f32x4.mul(splat(GELU_C), z2), z)));
}

/** gelu_tanh: z sigma(2u) (= z (1 + tanh u)/2); f' = sigma(2u) + z sigma'(2u) d(2u)/dz. */
@final export class GeluTanh {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const u2 = geluTanhArgument(z, f32x4.mul(z, z));
    const e = expNegAbs(u2);
    return f32x4.mul(z, sigmoidFrom(u2, e, reciprocalOnePlus(e)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const z2 = f32x4.mul(z, z);
    const u2 = geluTanhArgument(z, z2);
    const e = expNegAbs(u2);
    const r = reciprocalOnePlus(e);
    const s = sigmoidFrom(u2, e, r);
    v128.store(a, f32x4.mul(z, s));
    const sp = f32x4.mul(f32x4.mul(e, r), r);
    const du2 = f32x4.mul(splat(TWO_SQRT_2_OVER_PI), f32x4.add(splat(1), f32x4.mul(splat(3 * GELU_C), z2)));
    // sigma' = 0 where z^3 overflows: no inf * 0
    v128.store(d, f32x4.add(s, v128.andnot(f32x4.mul(f32x4.mul(z, sp), du2), f32x4.eq(sp, splat(0)))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** silu (p0 = beta): z sigma(beta z); f' = sigma(bz) + bz sigma'(bz); df/dbeta = z^2 sigma'(bz). */
@final export class Silu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const bz = f32x4.mul(p0, z);
    const e = expNegAbs(bz);
    return f32x4.mul(z, sigmoidFrom(bz, e, reciprocalOnePlus(e)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const bz = f32x4.mul(p0, z);
    const e = expNegAbs(bz);
    const r = reciprocalOnePlus(e);
    const s = sigmoidFrom(bz, e, r);
    v128.store(a, f32x4.mul(z, s));
    const sp = f32x4.mul(f32x4.mul(e, r), r);
    v128.store(d, f32x4.add(s, v128.andnot(f32x4.mul(bz, sp), f32x4.eq(sp, splat(0)))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    const bz = f32x4.mul(p0, z);
    const e = expNegAbs(bz);
    const r = reciprocalOnePlus(e);
    const sp = f32x4.mul(f32x4.mul(e, r), r);
    return v128.andnot(f32x4.mul(f32x4.mul(z, z), sp), f32x4.eq(sp, splat(0)));
  }
}

/** Above this z, mish(z) = z and mish'(z) = 1 to float precision (z sech^2 < 4z e^(-2z) < 2^-40). */
const MISH_LINEAR_FROM: f32 = 20;

/**
 * mish: z tanh(softplus z). With e = e^z and n = e(e + 2): tanh(softplus z) = n/(n + 2),
 * sech^2(softplus z) = 4(n + 1)/(n + 2)^2, so f' = tanh(sp) + z sigma(z) sech^2(sp) needs one
 * exponential and no cancellation.
 */
@final export class Mish {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const e = expV(f32x4.pmin(z, splat(MISH_LINEAR_FROM)));
    const n = f32x4.mul(e, f32x4.add(e, splat(2)));
    const t = f32x4.mul(n, f32x4.div(splat(1), f32x4.add(n, splat(2)))); // as fd rounds it
    return v128.bitselect(z, f32x4.mul(z, t), f32x4.gt(z, splat(MISH_LINEAR_FROM)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const linear = f32x4.gt(z, splat(MISH_LINEAR_FROM));
    const e = expV(f32x4.pmin(z, splat(MISH_LINEAR_FROM)));
    const n = f32x4.mul(e, f32x4.add(e, splat(2)));
    const inv = f32x4.div(splat(1), f32x4.add(n, splat(2)));
    const t = f32x4.mul(n, inv);
    v128.store(a, v128.bitselect(z, f32x4.mul(z, t), linear));
    const sigma = f32x4.div(e, f32x4.add(e, splat(1)));
    const sech2 = f32x4.mul(f32x4.mul(f32x4.mul(splat(4), f32x4.add(n, splat(1))), inv), inv);
    v128.store(d, v128.bitselect(splat(1), f32x4.add(t, f32x4.mul(f32x4.mul(z, sigma), sech2)), linear));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/**
 * softplus (p0 = beta, p1 = threshold): beta z > threshold ? z : softplus(beta z)/beta;
 * f' = sigma(beta z) (1 beyond); df/dbeta = z sigma(bz)/beta - softplus(bz)/beta^2 (0 beyond);
 * df/dthreshold = 0 almost everywhere.
 */
@final export class Softplus {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const bz = f32x4.mul(p0, z);
    const sp = f32x4.add(f32x4.pmax(bz, splat(0)), log1pUnitV(expNegAbs(bz)));
    return v128.bitselect(z, f32x4.div(sp, p0), f32x4.gt(bz, p1));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const bz = f32x4.mul(p0, z);
    const beyond = f32x4.gt(bz, p1);
    const e = expNegAbs(bz);
    const sp = f32x4.add(f32x4.pmax(bz, splat(0)), log1pUnitV(e));
    v128.store(a, v128.bitselect(z, f32x4.div(sp, p0), beyond));
    v128.store(d, v128.bitselect(splat(1), sigmoidFrom(bz, e, reciprocalOnePlus(e)), beyond));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    if (k != 0) return splat(0);
    const bz = f32x4.mul(p0, z);
    const e = expNegAbs(bz);
    const sp = f32x4.add(f32x4.pmax(bz, splat(0)), log1pUnitV(e));
    const s = sigmoidFrom(bz, e, reciprocalOnePlus(e));
    const g = f32x4.div(f32x4.sub(f32x4.mul(z, s), f32x4.div(sp, p0)), p0);
    return v128.andnot(g, f32x4.gt(bz, p1));
  }
}

/** softsign: z/(1 + |z|); f' = 1/(1 + |z|)^2. */
@final export class Softsign {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.div(z, f32x4.add(splat(1), f32x4.abs(z)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const den = f32x4.add(splat(1), f32x4.abs(z));
    v128.store(a, f32x4.div(z, den));
    v128.store(d, f32x4.div(splat(1), f32x4.mul(den, den)));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/**
 * hard_sigmoid (p0 = alpha, p1 = beta): clip(alpha z + beta, 0, 1); inside the linear part
 * (strictly) f' = alpha, df/dalpha = z, df/dbeta = 1; else all 0.
 */
@final export class HardSigmoid {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    // a multiply then an add (no FMA), as the registry rounds alpha z + beta
    const y = f32x4.add(f32x4.mul(p0, z), p1);
    return f32x4.pmin(f32x4.pmax(y, splat(0)), splat(1));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const y = f32x4.add(f32x4.mul(p0, z), p1);
    v128.store(a, f32x4.pmin(f32x4.pmax(y, splat(0)), splat(1)));
    v128.store(d, v128.and(p0, v128.and(f32x4.gt(y, splat(0)), f32x4.lt(y, splat(1)))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    const y = f32x4.add(f32x4.mul(p0, z), p1);
    const inside = v128.and(f32x4.gt(y, splat(0)), f32x4.lt(y, splat(1)));
    return v128.and(k == 0 ? z : splat(1), inside);
  }
}

/** hard_swish: z relu6(z + 3)/6; f' = 0 below -3, z/3 + 1/2 on [-3, 3), 1 from 3. */
@final export class HardSwish {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const r = f32x4.pmin(f32x4.pmax(f32x4.add(z, splat(3)), splat(0)), splat(6));
    return f32x4.mul(z, f32x4.div(r, splat(6)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const r = f32x4.pmin(f32x4.pmax(f32x4.add(z, splat(3)), splat(0)), splat(6));
    v128.store(a, f32x4.mul(z, f32x4.div(r, splat(6))));
    const middle = f32x4.add(f32x4.div(z, splat(3)), splat(0.5));
    const slope = v128.bitselect(middle, splat(1), f32x4.lt(z, splat(3)));
    v128.store(d, v128.andnot(slope, f32x4.lt(z, splat(-3))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** relu6: min(max(0, z), 6); f' = [0 < z < 6]. */
@final export class Relu6 {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.pmin(f32x4.pmax(z, splat(0)), splat(6));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    v128.store(a, f32x4.pmin(f32x4.pmax(z, splat(0)), splat(6)));
    v128.store(d, oneWhere(v128.and(f32x4.gt(z, splat(0)), f32x4.lt(z, splat(6)))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/**
 * hardtanh (p0 = min_val, p1 = max_val): min(max(z, min_val), max_val); f' = [min_val < z < max_val];
 * df/dmin_val = [z <= min_val], df/dmax_val = [z >= max_val].
 */
@final export class Hardtanh {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.pmin(f32x4.pmax(z, p0), p1);
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    v128.store(a, f32x4.pmin(f32x4.pmax(z, p0), p1));
    v128.store(d, oneWhere(v128.and(f32x4.gt(z, p0), f32x4.lt(z, p1))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return oneWhere(k == 0 ? f32x4.le(z, p0) : f32x4.ge(z, p1));
  }
}

/** thresholded_relu (p0 = theta): z > theta ? z : 0 (NaN kept); f' = [z > theta]. */
@final export class ThresholdedRelu {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return v128.andnot(z, f32x4.le(z, p0));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    v128.store(a, v128.andnot(z, f32x4.le(z, p0)));
    v128.store(d, oneWhere(f32x4.gt(z, p0)));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** log_sigmoid: min(z, 0) - log1p(e^-|z|); f' = sigma(-z). */
@final export class LogSigmoid {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    return f32x4.sub(f32x4.pmin(z, splat(0)), log1pUnitV(expNegAbs(z)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const e = expNegAbs(z);
    v128.store(a, f32x4.sub(f32x4.pmin(z, splat(0)), log1pUnitV(e)));
    const r = reciprocalOnePlus(e);
    v128.store(d, v128.bitselect(f32x4.mul(e, r), r, f32x4.ge(z, splat(0))));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/** Below this |z|, tanhshrink takes its polynomial. */
const TANHSHRINK_SMALL: f32 = 1.0;

/**
 * z - tanh z for |z| < 1 without cancellation: z^3 Q(z^2), Q a degree-7 polynomial fitted here
 * (least squares towards minimax) to (z - tanh z)/z^3 on [0, 1], relative error 5e-9 in float64.
 */
// @ts-ignore: decorator
@inline function tanhshrinkSmall(z: v128): v128 {
  const z2 = f32x4.mul(z, z);
  let q = splat(-0.000142820543);
  q = f32x4.add(f32x4.mul(q, z2), splat(0.000923597254));
  q = f32x4.add(f32x4.mul(q, z2), splat(-0.00320693711));
  q = f32x4.add(f32x4.mul(q, z2), splat(0.00869794004));
  q = f32x4.add(f32x4.mul(q, z2), splat(-0.0218295809));
  q = f32x4.add(f32x4.mul(q, z2), splat(0.053963419));
  q = f32x4.add(f32x4.mul(q, z2), splat(-0.133333102));
  q = f32x4.add(f32x4.mul(q, z2), splat(0.333333343));
  return f32x4.mul(f32x4.mul(z, z2), q);
}

/** tanhshrink: z - tanh z (a polynomial below |z| = 1, no cancellation); f' = tanh^2 z. */
@final export class Tanhshrink {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const ax = f32x4.abs(z);
    const e = tanhExp(ax);
    const large = f32x4.sub(z, tanhLarge(z, e, reciprocalOnePlus(e)));
    return v128.bitselect(tanhshrinkSmall(z), large, f32x4.lt(ax, splat(TANHSHRINK_SMALL)));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const ax = f32x4.abs(z);
    const e = tanhExp(ax);
    const large = tanhLarge(z, e, reciprocalOnePlus(e));
    const t = v128.bitselect(f32x4.add(z, f32x4.mul(tanhSmallTerm(z), z)), large, f32x4.lt(ax, splat(TANH_SMALL)));
    v128.store(a, v128.bitselect(tanhshrinkSmall(z), f32x4.sub(z, large), f32x4.lt(ax, splat(TANHSHRINK_SMALL))));
    v128.store(d, f32x4.mul(t, t));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}

/**
 * softshrink (p0 = lambda): z - lambda above lambda, z + lambda below -lambda, else 0 (NaN kept);
 * f' = [|z| > lambda]; df/dlambda = -1 above, +1 below, 0 between.
 */
@final export class Softshrink {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const below = v128.bitselect(f32x4.add(z, p0), zeroOrNaN(z), f32x4.lt(z, f32x4.neg(p0)));
    return v128.bitselect(f32x4.sub(z, p0), below, f32x4.gt(z, p0));
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const above = f32x4.gt(z, p0);
    const under = f32x4.lt(z, f32x4.neg(p0));
    v128.store(a, v128.bitselect(f32x4.sub(z, p0), v128.bitselect(f32x4.add(z, p0), zeroOrNaN(z), under), above));
    v128.store(d, oneWhere(v128.or(above, under)));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    const above = f32x4.gt(z, p0);
    const under = f32x4.lt(z, f32x4.neg(p0));
    return v128.or(v128.and(splat(-1), above), oneWhere(under));
  }
}

/** hardshrink (p0 = lambda): |z| > lambda ? z : 0 (NaN kept); f' = [|z| > lambda]. */
@final export class Hardshrink {
  // @ts-ignore: decorator
  @inline f(z: v128, p0: v128, p1: v128): v128 {
    const outside = v128.or(f32x4.gt(z, p0), f32x4.lt(z, f32x4.neg(p0)));
    return v128.bitselect(z, zeroOrNaN(z), outside);
  }
  // @ts-ignore: decorator
  @inline fd(z: v128, p0: v128, p1: v128, a: usize, d: usize): void {
    const outside = v128.or(f32x4.gt(z, p0), f32x4.lt(z, f32x4.neg(p0)));
    v128.store(a, v128.bitselect(z, zeroOrNaN(z), outside));
    v128.store(d, oneWhere(outside));
  }
  // @ts-ignore: decorator
  @inline dp(z: v128, k: i32, p0: v128, p1: v128): v128 {
    return splat(0);
  }
}
