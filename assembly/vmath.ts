// Four-lane float32 elementary functions for the activation passes and the compiled expressions,
// each accurate to a few ulp over the whole float32 range (subnormals, tails, overflow to
// infinity included); test/core/kernels/vmath.test.ts measures every one against a float64
// reference and states its maximum ulp error. NaN in gives NaN out.
// Sources: exp, log, tanh, sin, cos from Cephes (S. L. Moshier, "Methods and Programs for
// Mathematical Functions": expf.c, logf.c, tanhf.c, sinf.c), with Cody & Waite's split of ln 2
// and pi/4; log1p by Kahan's x log(1+x)/((1+x)-1) (Goldberg, "What every computer scientist should
// know about floating-point arithmetic", theorem 4); erfc as t Q(t) e^(-u^2) with Numerical
// Recipes' t = 1/(1 + u/2) and Q fitted here (least squares towards minimax, relative error 2e-8
// in float64) to erfcx(u)/t on u in [0, 10.1], where erfc(u) leaves the float32 range.

import { madd } from './simd';

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375; // ln 2 split in two so n*LN2_HI is exact (Cody & Waite)
const LN2_LO: f32 = -2.12194440e-4;
const ROUND_MAGIC: f32 = 12582912.0; // 1.5 * 2^23
const ROUND_MAGIC_BITS: i32 = 0x4b400000;
const SIGN_BIT: i32 = 0x80000000;

/** p 2^n for integer n in [-150, 128] held in t's low bits (t = n + 1.5 2^23): two exact factors, so subnormal results and overflow to infinity come out right. */
// @ts-ignore: decorator
@inline function scaleByTwoTo(p: v128, t: v128): v128 {
  const n = i32x4.sub(t, i32x4.splat(ROUND_MAGIC_BITS));
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

/** e^(x + lo), where lo is a small correction to the argument x (0 for plain e^x). */
// @ts-ignore: decorator
@inline function expWithLow(x: v128, lo: v128, withLow: bool): v128 {
  // pmin/pmax are one instruction each (min/max add NaN and -0 fix-ups on x64) and keep NaN;
  // outside [-104, 89] the result is 0 or infinity anyway
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-104.0)), f32x4.splat(89.0));
  // n = round(x log2 e) by the 1.5*2^23 trick: the integer lands in t's low mantissa bits
  const t = madd(x, f32x4.splat(LOG2E), f32x4.splat(ROUND_MAGIC));
  const n = f32x4.sub(t, f32x4.splat(ROUND_MAGIC));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  if (withLow) r = f32x4.add(r, lo);
  // e^r on |r| <= ln2/2: 1 + r + r^2 P(r)
  let p = f32x4.splat(1.9875691500e-4);
  p = madd(p, r, f32x4.splat(1.3981999507e-3));
  p = madd(p, r, f32x4.splat(8.3334519073e-3));
  p = madd(p, r, f32x4.splat(4.1665795894e-2));
  p = madd(p, r, f32x4.splat(1.6666665459e-1));
  p = madd(p, r, f32x4.splat(5.0000001201e-1));
  p = f32x4.add(madd(f32x4.mul(p, r), r, r), f32x4.splat(1));
  return scaleByTwoTo(p, t);
}

/** e^x per lane. */
// @ts-ignore: decorator
@inline export function expV(x: v128): v128 {
  return expWithLow(x, x, false);
}

/** e^(hi + lo) per lane, |lo| small: for e^(-u^2), whose argument float32 cannot hold exactly. */
// @ts-ignore: decorator
@inline export function expHiLoV(hi: v128, lo: v128): v128 {
  return expWithLow(hi, lo, true);
}

/** u with its low 12 mantissa bits cleared: 12 significant bits, so its square is exact. */
// @ts-ignore: decorator
@inline function highHalf(u: v128): v128 {
  return v128.and(u, i32x4.splat(0xfffff000));
}

/** e^x - 1 per lane, accurate near 0 (no cancellation). */
// @ts-ignore: decorator
@inline export function expm1V(x: v128): v128 {
  // below -30, e^x - 1 rounds to -1; above 89 it is infinity
  const xc = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-30.0)), f32x4.splat(89.0));
  const t = madd(xc, f32x4.splat(LOG2E), f32x4.splat(ROUND_MAGIC));
  const k = f32x4.sub(t, f32x4.splat(ROUND_MAGIC));
  let r = f32x4.sub(xc, f32x4.mul(k, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(k, f32x4.splat(LN2_LO)));
  const em1 = expm1SmallV(r); // |r| <= 0.347
  // k <= 29 (x <= 20): 2^k (e^r - 1) + (2^k - 1); the product is exact, so one rounding
  const s = i32x4.shl(i32x4.add(i32x4.sub(t, i32x4.splat(ROUND_MAGIC_BITS)), i32x4.splat(127)), 23);
  const small = f32x4.add(f32x4.mul(s, em1), f32x4.sub(s, f32x4.splat(1)));
  // beyond, the -1 is below half an ulp: 2^k e^r, in two factors up to overflow
  const large = scaleByTwoTo(f32x4.add(em1, f32x4.splat(1)), t);
  return v128.bitselect(large, small, f32x4.gt(x, f32x4.splat(20.0)));
}

/** Natural logarithm per lane: NaN below 0, -infinity at 0. */
// @ts-ignore: decorator
@inline export function logV(x: v128): v128 {
  // subnormals: scale by 2^23 first so the exponent field is a plain binade
  const sub = f32x4.lt(x, f32x4.splat(1.17549435e-38));
  const xs = v128.bitselect(f32x4.mul(x, f32x4.splat(8388608.0)), x, sub);
  // x = m 2^e with m in [0.5, 1)
  let e = i32x4.sub(i32x4.shr_u(v128.and(xs, i32x4.splat(0x7f800000)), 23), i32x4.splat(126));
  e = i32x4.sub(e, v128.and(sub, i32x4.splat(23)));
  let m = v128.or(v128.and(xs, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  // m < sqrt(1/2): use 2m - 1 and e - 1, so the polynomial sees [sqrt(1/2) - 1, sqrt(2) - 1]
  const lowHalf = f32x4.lt(m, f32x4.splat(0.707106781186547524));
  e = i32x4.add(e, lowHalf); // true lanes are -1
  m = f32x4.sub(v128.bitselect(f32x4.add(m, m), m, lowHalf), f32x4.splat(1));
  const fe = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  let p = f32x4.splat(7.0376836292e-2);
  p = madd(p, m, f32x4.splat(-1.1514610310e-1));
  p = madd(p, m, f32x4.splat(1.1676998740e-1));
  p = madd(p, m, f32x4.splat(-1.2420140846e-1));
  p = madd(p, m, f32x4.splat(1.4249322787e-1));
  p = madd(p, m, f32x4.splat(-1.6668057665e-1));
  p = madd(p, m, f32x4.splat(2.0000714765e-1));
  p = madd(p, m, f32x4.splat(-2.4999993993e-1));
  p = madd(p, m, f32x4.splat(3.3333331174e-1));
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = madd(fe, f32x4.splat(LN2_LO), y);
  y = madd(z, f32x4.splat(-0.5), y);
  let r = f32x4.add(m, y);
  r = madd(fe, f32x4.splat(LN2_HI), r);
  // the special values: 0 -> -inf, negative -> NaN, +inf -> +inf, NaN -> NaN
  r = v128.bitselect(f32x4.splat(-Infinity), r, f32x4.eq(x, f32x4.splat(0)));
  r = v128.bitselect(f32x4.splat(NaN), r, f32x4.lt(x, f32x4.splat(0)));
  r = v128.bitselect(x, r, v128.or(f32x4.eq(x, f32x4.splat(Infinity)), f32x4.ne(x, x)));
  return r;
}

/** log(1 + x) per lane, accurate near 0: log(u) x / (u - 1) with u = 1 + x (Kahan). */
// @ts-ignore: decorator
@inline export function log1pV(x: v128): v128 {
  const u = f32x4.add(x, f32x4.splat(1));
  let r = f32x4.mul(logV(u), f32x4.div(x, f32x4.sub(u, f32x4.splat(1))));
  // u = 1: x is below half an ulp of 1 and log1p(x) = x to float precision; x = inf: inf
  r = v128.bitselect(x, r, v128.or(f32x4.eq(u, f32x4.splat(1)), f32x4.eq(x, f32x4.splat(Infinity))));
  return r;
}

/** 1 / (1 + e^-x) per lane, from e = e^-|x| so nothing overflows and the left tail keeps its relative accuracy. */
// @ts-ignore: decorator
@inline export function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const r = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  return v128.bitselect(r, f32x4.mul(e, r), f32x4.ge(x, f32x4.splat(0)));
}

/**
 * log(1 + e) for e in [0, 1] (softplus's e^-|x|): 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...) with
 * s = e/(2 + e) <= 1/3, to s^17/17 (truncation below 2e-9 relative): one division, no logarithm.
 */
// @ts-ignore: decorator
@inline export function log1pUnitV(e: v128): v128 {
  const s = f32x4.div(e, f32x4.add(e, f32x4.splat(2)));
  const s2 = f32x4.mul(s, s);
  let p = f32x4.splat(<f32>(2.0 / 17.0));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 15.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 13.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 11.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 9.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 7.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 5.0)));
  p = madd(p, s2, f32x4.splat(<f32>(2.0 / 3.0)));
  // 2s + s (s2 p): the leading term added last keeps its full precision
  return madd(f32x4.mul(s, s2), p, f32x4.add(s, s));
}

/** log(1 + e^x) per lane: max(x, 0) + log1p(e^-|x|), no overflow and no cancellation. */
// @ts-ignore: decorator
@inline export function softplusV(x: v128): v128 {
  const l = log1pUnitV(expV(f32x4.neg(f32x4.abs(x))));
  // max(x, 0) as pmax keeps NaN (pmax(NaN, 0) is NaN)
  return f32x4.add(f32x4.pmax(x, f32x4.splat(0)), l);
}

/** tanh x per lane: an odd polynomial below |x| = 0.625, else (1 - e)/(1 + e), e = e^(-2|x|), with x's sign. */
// @ts-ignore: decorator
@inline export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const small = madd(tanhSmallTerm(x), x, x);
  const e = tanhExp(ax);
  const large = tanhLarge(x, e, f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e)));
  return v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(TANH_SMALL)));
}

/** Below this |x|, tanh takes its polynomial. */
export const TANH_SMALL: f32 = 0.625;

/** x^2 P(x^2), where tanh x = x + x (x^2 P(x^2)) for |x| < 0.625 (Cephes tanhf). */
// @ts-ignore: decorator
@inline export function tanhSmallTerm(x: v128): v128 {
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = madd(p, z, f32x4.splat(2.06390887954e-2));
  p = madd(p, z, f32x4.splat(-5.37397155531e-2));
  p = madd(p, z, f32x4.splat(1.33314422036e-1));
  p = madd(p, z, f32x4.splat(-3.33332819422e-1));
  return f32x4.mul(p, z);
}

/** e^(-2|x|), from which tanh |x| = (1 - e)/(1 + e) and sech^2 x = 4e/(1 + e)^2 without cancellation. */
// @ts-ignore: decorator
@inline export function tanhExp(ax: v128): v128 {
  return expV(f32x4.neg(f32x4.add(ax, ax)));
}

/** tanh x for |x| >= 0.625 from e = e^(-2|x|) and r = 1/(1 + e): (1 - e) r with x's sign. */
// @ts-ignore: decorator
@inline export function tanhLarge(x: v128, e: v128, r: v128): v128 {
  const t = f32x4.mul(f32x4.sub(f32x4.splat(1), e), r);
  return v128.or(t, v128.and(x, i32x4.splat(SIGN_BIT))); // copy x's sign
}

// erfc(u) = t Q(t) e^(-u^2) for u >= 0, t = 1/(1 + u/2); Q is a degree-9 polynomial in
// y = (t - ERFC_T_MID) ERFC_T_SCALE, which maps t in [1/6.05, 1] to [-1, 1].
const ERFC_T_MID: f32 = 0.58264464;
const ERFC_T_SCALE: f32 = 2.3960395;

/** erfcx(u) = e^(u^2) erfc(u) per lane, u >= 0 (u = +inf gives 0). */
// @ts-ignore: decorator
@inline function erfcxPositive(u: v128): v128 {
  const t = f32x4.div(f32x4.splat(1), madd(u, f32x4.splat(0.5), f32x4.splat(1)));
  const y = f32x4.mul(f32x4.sub(t, f32x4.splat(ERFC_T_MID)), f32x4.splat(ERFC_T_SCALE));
  let q = f32x4.splat(4.60469346e-06);
  q = madd(q, y, f32x4.splat(-5.41457412e-05));
  q = madd(q, y, f32x4.splat(1.0257575e-05));
  q = madd(q, y, f32x4.splat(0.000591280463));
  q = madd(q, y, f32x4.splat(-0.0006341759));
  q = madd(q, y, f32x4.splat(-0.00618614908));
  q = madd(q, y, f32x4.splat(0.0060342364));
  q = madd(q, y, f32x4.splat(0.102337174));
  q = madd(q, y, f32x4.splat(0.326423854));
  q = madd(q, y, f32x4.splat(0.571473062));
  return f32x4.mul(t, q);
}

/**
 * e^(-u^2) (or e^(-u^2/2) when `half`) for u >= 0, with u^2 = uh^2 + (u - uh)(u + uh): the first
 * term exact, the second small (error about 2^-35 u^2), so the exponential keeps its relative
 * accuracy at large u. 0 once the result is below float32's range (where u^2 may overflow).
 */
// @ts-ignore: decorator
@inline function expNegSquare(u: v128, half: bool): v128 {
  const uh = highHalf(u);
  let hi = f32x4.mul(uh, uh); // exact: 12 significant bits squared
  let lo = f32x4.mul(f32x4.sub(u, uh), f32x4.add(u, uh));
  if (half) {
    hi = f32x4.mul(hi, f32x4.splat(0.5)); // exact
    lo = f32x4.mul(lo, f32x4.splat(0.5));
  }
  const r = expHiLoV(f32x4.neg(hi), f32x4.neg(lo));
  return v128.andnot(r, f32x4.gt(u, f32x4.splat(half ? 14.5 : 10.3)));
}

/** erfc(u) for u >= 0 (NaN stays NaN). */
// @ts-ignore: decorator
@inline function erfcPositive(u: v128): v128 {
  return f32x4.mul(erfcxPositive(u), expNegSquare(u, false));
}

/** Below this |x|, erf takes its Taylor series (and erfc is 1 minus it). */
const ERF_SMALL: f32 = 0.6;

/** erf x for |x| < 0.6: 2/sqrt(pi) sum_n (-1)^n x^(2n+1) / (n! (2n+1)) to n = 9 (truncation below 1e-11 relative). */
// @ts-ignore: decorator
@inline function erfSmallV(x: v128): v128 {
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(<f32>(-1.1283791670955126 / (362880.0 * 19.0)));
  p = madd(p, z, f32x4.splat(<f32>(1.1283791670955126 / (40320.0 * 17.0))));
  p = madd(p, z, f32x4.splat(<f32>(-1.1283791670955126 / (5040.0 * 15.0))));
  p = madd(p, z, f32x4.splat(<f32>(1.1283791670955126 / (720.0 * 13.0))));
  p = madd(p, z, f32x4.splat(<f32>(-1.1283791670955126 / (120.0 * 11.0))));
  p = madd(p, z, f32x4.splat(<f32>(1.1283791670955126 / (24.0 * 9.0))));
  p = madd(p, z, f32x4.splat(<f32>(-1.1283791670955126 / (6.0 * 7.0))));
  p = madd(p, z, f32x4.splat(<f32>(1.1283791670955126 / (2.0 * 5.0))));
  p = madd(p, z, f32x4.splat(<f32>(-1.1283791670955126 / 3.0)));
  // x (2/sqrt(pi) + z p): the leading constant added last keeps its full precision
  return f32x4.mul(x, madd(z, p, f32x4.splat(<f32>1.1283791670955126)));
}

/** erfc x per lane: 1 - erf x near 0, else erfc(|x|) or 2 - erfc(|x|). */
// @ts-ignore: decorator
@inline export function erfcV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const e = erfcPositive(ax);
  const large = v128.bitselect(e, f32x4.sub(f32x4.splat(2), e), f32x4.ge(x, f32x4.splat(0)));
  return v128.bitselect(f32x4.sub(f32x4.splat(1), erfSmallV(x)), large, f32x4.lt(ax, f32x4.splat(ERF_SMALL)));
}

/** erf x per lane: its Taylor series below |x| = 0.6, else +-(1 - erfc|x|). */
// @ts-ignore: decorator
@inline export function erfV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const large = v128.or(f32x4.sub(f32x4.splat(1), erfcPositive(ax)), v128.and(x, i32x4.splat(SIGN_BIT)));
  return v128.bitselect(erfSmallV(x), large, f32x4.lt(ax, f32x4.splat(ERF_SMALL)));
}

const SQRT1_2: f32 = 0.7071067811865476;

/** e^(-x^2/2) per lane, with the argument split as in `expNegSquare`. */
// @ts-ignore: decorator
@inline export function gaussV(x: v128): v128 {
  return expNegSquare(f32x4.abs(x), true);
}

/**
 * Phi(x), the standard normal CDF, per lane from `gauss` = e^(-x^2/2): (1 + erf(x/sqrt 2))/2 near
 * 0, else erfc(|x|/sqrt 2)/2 or 1 minus it (the left tail keeps its relative accuracy).
 */
// @ts-ignore: decorator
@inline export function normalCdfFromGaussV(x: v128, gauss: v128): v128 {
  const u = f32x4.mul(x, f32x4.splat(SQRT1_2));
  const au = f32x4.abs(u);
  const half = f32x4.mul(f32x4.mul(erfcxPositive(au), gauss), f32x4.splat(0.5));
  const large = v128.bitselect(f32x4.sub(f32x4.splat(1), half), half, f32x4.ge(x, f32x4.splat(0)));
  const small = madd(erfSmallV(u), f32x4.splat(0.5), f32x4.splat(0.5));
  return v128.bitselect(small, large, f32x4.lt(au, f32x4.splat(ERF_SMALL)));
}

// sin and cos: Cephes sinf/cosf, x reduced by pi/4 in three parts (exact for |x| <= 8192);
// lanes beyond go through the float64 library sine with its full (Payne-Hanek) reduction.
const FOUR_OVER_PI: f32 = 1.27323954473516;
const PIO4_1: f32 = 0.78515625;
const PIO4_2: f32 = 2.4187564849853515625e-4;
const PIO4_3: f32 = 3.77489497744594108e-8;
const TRIG_REDUCTION_LIMIT: f32 = 8192.0;

/** sin (cos = false) or cos (cos = true) per lane. */
// @ts-ignore: decorator
@inline function sinCos(x: v128, cos: bool): v128 {
  const ax = f32x4.abs(x);
  // j = the even integer nearest to trunc(|x| 4/pi), its octant
  let j = i32x4.trunc_sat_f32x4_s(f32x4.mul(ax, f32x4.splat(FOUR_OVER_PI)));
  j = v128.and(i32x4.add(j, i32x4.splat(1)), i32x4.splat(~1));
  const y = f32x4.convert_i32x4_s(j);
  let r = f32x4.sub(ax, f32x4.mul(y, f32x4.splat(PIO4_1)));
  r = f32x4.sub(r, f32x4.mul(y, f32x4.splat(PIO4_2)));
  r = f32x4.sub(r, f32x4.mul(y, f32x4.splat(PIO4_3)));
  const z = f32x4.mul(r, r);
  let s = f32x4.splat(-1.9515295891e-4);
  s = madd(s, z, f32x4.splat(8.3321608736e-3));
  s = madd(s, z, f32x4.splat(-1.6666654611e-1));
  s = madd(f32x4.mul(s, z), r, r);
  let c = f32x4.splat(2.443315711809948e-5);
  c = madd(c, z, f32x4.splat(-1.388731625493765e-3));
  c = madd(c, z, f32x4.splat(4.166664568298827e-2));
  c = f32x4.add(madd(f32x4.mul(c, z), z, f32x4.mul(z, f32x4.splat(-0.5))), f32x4.splat(1));
  const octant2 = i32x4.ne(v128.and(j, i32x4.splat(2)), i32x4.splat(0));
  const octant4 = i32x4.shl(v128.and(j, i32x4.splat(4)), 29); // sign bit when set
  let result: v128;
  if (cos) {
    // cos: the sine polynomial in octants 2 and 6, negated in octants 2 and 4
    result = v128.bitselect(s, c, octant2);
    result = v128.xor(result, v128.xor(octant4, v128.and(octant2, i32x4.splat(SIGN_BIT))));
  } else {
    result = v128.bitselect(c, s, octant2);
    result = v128.xor(result, v128.xor(octant4, v128.and(x, i32x4.splat(SIGN_BIT))));
  }
  const far = f32x4.gt(ax, f32x4.splat(TRIG_REDUCTION_LIMIT));
  if (v128.any_true(far)) result = trigFar(x, result, far, cos);
  return result;
}

/** The lanes of `far` from the float64 library sine/cosine (rare: |x| > 8192 or infinite). */
function trigFar(x: v128, result: v128, far: v128, cos: bool): v128 {
  if (i32x4.extract_lane(far, 0) != 0) result = f32x4.replace_lane(result, 0, trig64(f32x4.extract_lane(x, 0), cos));
  if (i32x4.extract_lane(far, 1) != 0) result = f32x4.replace_lane(result, 1, trig64(f32x4.extract_lane(x, 1), cos));
  if (i32x4.extract_lane(far, 2) != 0) result = f32x4.replace_lane(result, 2, trig64(f32x4.extract_lane(x, 2), cos));
  if (i32x4.extract_lane(far, 3) != 0) result = f32x4.replace_lane(result, 3, trig64(f32x4.extract_lane(x, 3), cos));
  return result;
}

function trig64(x: f32, cos: bool): f32 {
  return <f32>(cos ? Math.cos(<f64>x) : Math.sin(<f64>x));
}

// @ts-ignore: decorator
@inline export function sinV(x: v128): v128 {
  return sinCos(x, false);
}

// @ts-ignore: decorator
@inline export function cosV(x: v128): v128 {
  return sinCos(x, true);
}

/** a^b per lane in float64 (then rounded): JavaScript's Math.pow, whose special cases differ from C's only at |a| = 1, b infinite. */
export function powV(a: v128, b: v128): v128 {
  let r = f32x4.splat(0);
  r = f32x4.replace_lane(r, 0, pow64(f32x4.extract_lane(a, 0), f32x4.extract_lane(b, 0)));
  r = f32x4.replace_lane(r, 1, pow64(f32x4.extract_lane(a, 1), f32x4.extract_lane(b, 1)));
  r = f32x4.replace_lane(r, 2, pow64(f32x4.extract_lane(a, 2), f32x4.extract_lane(b, 2)));
  r = f32x4.replace_lane(r, 3, pow64(f32x4.extract_lane(a, 3), f32x4.extract_lane(b, 3)));
  return r;
}

function pow64(a: f32, b: f32): f32 {
  // JavaScript: (+-1)^(+-inf) and 1^NaN are NaN (C says 1)
  if (Mathf.abs(a) == 1 && !isFinite(b)) return NaN;
  return <f32>Math.pow(<f64>a, <f64>b);
}

/** e^x - 1 for |x| < 0.35 by its Taylor series to x^9/9! (truncation below 1e-10 relative). */
// @ts-ignore: decorator
@inline export function expm1SmallV(x: v128): v128 {
  let q = f32x4.splat(1.0 / 362880.0);
  q = madd(q, x, f32x4.splat(1.0 / 40320.0));
  q = madd(q, x, f32x4.splat(1.0 / 5040.0));
  q = madd(q, x, f32x4.splat(1.0 / 720.0));
  q = madd(q, x, f32x4.splat(1.0 / 120.0));
  q = madd(q, x, f32x4.splat(1.0 / 24.0));
  q = madd(q, x, f32x4.splat(1.0 / 6.0));
  q = madd(q, x, f32x4.splat(0.5));
  return madd(f32x4.mul(x, x), q, x);
}

/** e^x - 1 given e = e^x, for x <= 0: the series near 0, else e - 1 (no cancellation below -0.35). */
// @ts-ignore: decorator
@inline export function expm1FromExpV(x: v128, e: v128): v128 {
  return v128.bitselect(expm1SmallV(x), f32x4.sub(e, f32x4.splat(1)), f32x4.lt(f32x4.abs(x), f32x4.splat(0.35)));
}
