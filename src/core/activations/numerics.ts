// Numerically stable building blocks shared by the records: finite for every finite input
// (±1000, ±1e-30, -0), NaN in gives NaN out. erf/erfc come from stdlib, not a hand-rolled fit.
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';

export const erf: (x: number) => number = stdlibErf;
export const erfc: (x: number) => number = stdlibErfc;

export const SQRT2 = Math.SQRT2;
/** 1 / sqrt(2π), the standard normal density at 0. */
export const INV_SQRT_2PI = 0.3989422804014327;
/** sqrt(2 / π), the tanh-GELU constant. */
export const SQRT_2_OVER_PI = 0.7978845608028654;

/** σ(x) = 1 / (1 + e^-x), never exponentiating a positive number. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // also the NaN path
  return e / (1 + e);
}

/** σ'(x) = σ(x) σ(-x) = e^-|x| / (1 + e^-|x|)^2, exact in the tails where σ(1 - σ) cancels. */
export function sigmoidPrime(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|), no overflow at x = 1000. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log σ(x) = -softplus(-x) = min(x, 0) - log1p(e^-|x|). */
export function logSigmoid(x: number): number {
  return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
}

/** sech²(x) = 1 - tanh²(x) = 4 e^-2|x| / (1 + e^-2|x|)^2, exact where 1 - tanh² cancels. */
export function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** Φ(x), the standard normal CDF: erfc(-x/√2)/2 keeps the left tail's relative accuracy. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT2);
}

/** φ(x), the standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
