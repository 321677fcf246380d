// A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/),
// its state filled by splitmix32. Same seed, same stream on every platform: the trainer's
// bit-identical reruns depend on it. Math.random is never used for anything reproducible.

export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A uniform integer in [0, n), n <= 2^32, without modulo bias. */
  int(n: number): number;
  /** A standard normal sample (Box-Muller). */
  normal(): number;
  /** Fisher-Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
}

/** splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix): one step of seed mixing. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * A seed derived from a base seed and labels (e.g. `deriveSeed(seed, 'shuffle', epoch)`), so a
 * stream can be recreated on its own: a run resumed at epoch 7 shuffles as the uninterrupted run did.
 */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = seed >>> 0;
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0; // FNV-1a step
    }
    h = splitmix32(h ^ 0x2f)[1];
  }
  return h;
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const [sm1, s0] = splitmix32(Math.trunc(seed) >>> 0);
  const [sm2, s1] = splitmix32(sm1);
  const [sm3, s2] = splitmix32(sm2);
  const [, s3] = splitmix32(sm3);
  return rngFromState(s0, s1, s2, s3);
}

/** The generator from an explicit xoshiro128** state (exported for the reference-vector test). */
export function rngFromState(s0: number, s1: number, s2: number, s3: number): Rng {
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = (): number => {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992; // (hi * 2^26 + lo) / 2^53
  };
  const int = (n: number): number => {
    if (!(n >= 1 && n <= 4294967296 && Number.isInteger(n))) throw new Error(`int(n) needs an integer 1 <= n <= 2^32, got ${n}`);
    // Rejection sampling: draw below the largest multiple of n that fits in 2^32.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };
  let spareNormal: number | undefined;
  const normal = (): number => {
    if (spareNormal !== undefined) {
      const s = spareNormal;
      spareNormal = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    nextUint32,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int,
    normal,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
