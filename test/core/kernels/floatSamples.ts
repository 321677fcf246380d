// Float32 inputs over the whole range and ulp distances to a float64 reference, shared by the
// accuracy tests of the WebAssembly vector functions and activation kernels.

const SMALLEST_NORMAL = 2 ** -126;

/** Deterministic uniform [0, 1) (mulberry32), so a failure reproduces. */
export function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every finite float32 sampled densely: one bit pattern in every `stride` of the 2^32 (a random
 * one within each stride, so all exponents, both signs, subnormals and the largest values come
 * in equal numbers), then `extra` uniform values in [-range, range] where the functions curve.
 */
export function float32Samples(stride: number, extra: number, range: number, seed = 1): Float32Array {
  const next = uniform(seed);
  const bits = new Uint32Array(1);
  const f = new Float32Array(bits.buffer);
  const out: number[] = [];
  for (let base = 0; base < 2 ** 32; base += stride) {
    bits[0] = base + Math.floor(next() * stride);
    if (Number.isFinite(f[0])) out.push(f[0]);
  }
  for (let i = 0; i < extra; i++) out.push(Math.fround((2 * next() - 1) * range));
  return Float32Array.from(out);
}

/** The spacing of float32 values at |y| (y a float32 value): 2^(e - 23), or 2^-149 among subnormals. */
export function ulpOf(y: number): number {
  const a = Math.abs(y);
  if (a < SMALLEST_NORMAL) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23) * (2 ** Math.floor(Math.log2(a)) > a ? 0.5 : 1);
}

/**
 * |got - want| in float32 ulps of the correctly rounded result: 0 when both are NaN or both the
 * same infinity (float64 results beyond float32's range count as infinity), Infinity for a NaN or
 * infinity where the other has a number.
 */
export function ulpError(got: number, want: number): number {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got) ? 0 : Infinity;
  const rounded = Math.fround(want);
  if (!Number.isFinite(rounded) || !Number.isFinite(got)) return got === rounded ? 0 : Infinity;
  return Math.abs(got - want) / ulpOf(rounded);
}
