// Four-lane float32 elementary functions for the activation passes. Constants and polynomials
// from Cephes (S. L. Moshier, "Methods and Programs for Mathematical Functions", expf.c, tanhf.c);
// about 2 ulp over the range the trainer sees.

import { madd } from './simd';

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375; // ln 2 split in two so n*LN2_HI is exact (Cody & Waite)
const LN2_LO: f32 = -2.12194440e-4;
const ROUND_MAGIC: f32 = 12582912.0; // 1.5 * 2^23
const ROUND_MAGIC_BITS: i32 = 0x4b400000;

/** e^x per lane; inputs are clamped to [-87.3, 88], so the result is finite and normal. NaN stays NaN. */
// @ts-ignore: decorator
@inline export function expV(x: v128): v128 {
  // pmin/pmax are one instruction each (min/max add NaN and -0 fix-ups on x64) and keep NaN
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.3)), f32x4.splat(88.0));
  // n = round(x log2 e) by the 1.5*2^23 trick: the integer lands in t's low mantissa bits
  const t = madd(x, f32x4.splat(LOG2E), f32x4.splat(ROUND_MAGIC));
  const n = f32x4.sub(t, f32x4.splat(ROUND_MAGIC));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  // e^r on |r| <= ln2/2: 1 + r + r^2 P(r)
  let p = f32x4.splat(1.9875691500e-4);
  p = madd(p, r, f32x4.splat(1.3981999507e-3));
  p = madd(p, r, f32x4.splat(8.3334519073e-3));
  p = madd(p, r, f32x4.splat(4.1665795894e-2));
  p = madd(p, r, f32x4.splat(1.6666665459e-1));
  p = madd(p, r, f32x4.splat(5.0000001201e-1));
  p = f32x4.add(madd(f32x4.mul(p, r), r, r), f32x4.splat(1));
  // times 2^n, built in the exponent bits
  const scale = i32x4.shl(i32x4.add(i32x4.sub(t, i32x4.splat(ROUND_MAGIC_BITS)), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

/** e^x - 1 per lane, without the cancellation of expV(x) - 1 near 0. */
// @ts-ignore: decorator
@inline export function expm1V(x: v128): v128 {
  // |x| < 0.35: Taylor series to x^8/8! (truncation below 1e-9 relative)
  let t = f32x4.splat(1.0 / 40320.0);
  t = madd(t, x, f32x4.splat(1.0 / 5040.0));
  t = madd(t, x, f32x4.splat(1.0 / 720.0));
  t = madd(t, x, f32x4.splat(1.0 / 120.0));
  t = madd(t, x, f32x4.splat(1.0 / 24.0));
  t = madd(t, x, f32x4.splat(1.0 / 6.0));
  t = madd(t, x, f32x4.splat(0.5));
  t = madd(f32x4.mul(t, x), x, x);
  const big = f32x4.sub(expV(x), f32x4.splat(1));
  return v128.bitselect(t, big, f32x4.lt(f32x4.abs(x), f32x4.splat(0.35)));
}

/** 1 / (1 + e^-x) per lane. */
// @ts-ignore: decorator
@inline export function sigmoidV(x: v128): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), expV(f32x4.neg(x))));
}

/** tanh x per lane: an odd polynomial below |x| = 0.625, else 1 - 2/(e^{2|x|} + 1) with x's sign. */
// @ts-ignore: decorator
@inline export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = madd(p, z, f32x4.splat(2.06390887954e-2));
  p = madd(p, z, f32x4.splat(-5.37397155531e-2));
  p = madd(p, z, f32x4.splat(1.33314422036e-1));
  p = madd(p, z, f32x4.splat(-3.33332819422e-1));
  const small = madd(f32x4.mul(p, z), x, x);
  const e = expV(f32x4.add(ax, ax));
  const t = f32x4.sub(f32x4.splat(1), f32x4.div(f32x4.splat(2), f32x4.add(e, f32x4.splat(1))));
  const large = v128.or(t, v128.and(x, i32x4.splat(0x80000000))); // copy x's sign
  return v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(0.625)));
}
