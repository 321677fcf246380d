// The vector functions of vmath.ts as exports: one (v128) -> v128 function each, which the
// expression modules compiled at run time (src/core/kernels/exprWasm) import instead of carrying
// their own copies, and `mathMap` over arrays for the accuracy tests. Codes match MATH_FUNCTIONS
// in src/core/kernels/wasm.ts.

import { cosV, erfcV, erfV, expm1V, expV, gaussV, log1pV, logV, normalCdfFromGaussV, powV, sigmoidV, sinV, softplusV, tanhV } from './vmath';

export function vexp(x: v128): v128 { return expV(x); }
export function vexpm1(x: v128): v128 { return expm1V(x); }
export function vlog(x: v128): v128 { return logV(x); }
export function vlog1p(x: v128): v128 { return log1pV(x); }
export function vtanh(x: v128): v128 { return tanhV(x); }
export function vsigmoid(x: v128): v128 { return sigmoidV(x); }
export function vsoftplus(x: v128): v128 { return softplusV(x); }
export function verf(x: v128): v128 { return erfV(x); }
export function verfc(x: v128): v128 { return erfcV(x); }
export function vsin(x: v128): v128 { return sinV(x); }
export function vcos(x: v128): v128 { return cosV(x); }
export function vpow(a: v128, b: v128): v128 { return powV(a, b); }

const EXP = 0, EXPM1 = 1, LOG = 2, LOG1P = 3, TANH = 4, SIGMOID = 5, SOFTPLUS = 6, ERF = 7, ERFC = 8;
const SIN = 9, COS = 10, POW = 11, NORMAL_CDF = 12, GAUSS = 13;

// @ts-ignore: decorator
@inline function apply(fn: i32, x: v128, y: v128): v128 {
  switch (fn) {
    case EXP: return expV(x);
    case EXPM1: return expm1V(x);
    case LOG: return logV(x);
    case LOG1P: return log1pV(x);
    case TANH: return tanhV(x);
    case SIGMOID: return sigmoidV(x);
    case SOFTPLUS: return softplusV(x);
    case ERF: return erfV(x);
    case ERFC: return erfcV(x);
    case SIN: return sinV(x);
    case COS: return cosV(x);
    case POW: return powV(x, y);
    case NORMAL_CDF: return normalCdfFromGaussV(x, gaussV(x));
    case GAUSS: return gaussV(x);
    default: return f32x4.splat(NaN);
  }
}

/** out[i] = fn(x[i]) (pow: fn(x[i], y[i])) for i < count; byte addresses. */
export function mathMap(fn: i32, count: i32, x: usize, y: usize, out: usize): void {
  const c4 = count & ~3;
  let i = 0;
  for (; i < c4; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, apply(fn, v128.load(x + o), v128.load(y + o)));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, f32x4.extract_lane(apply(fn, f32x4.splat(load<f32>(x + o)), f32x4.splat(load<f32>(y + o))), 0));
  }
}
