// Properties of any elementwise activation (built-in or custom), measured numerically from its
// f and f': range, zero-centredness, monotonicity, smoothness, f'(0), max |f'|, saturation,
// dead zone and the variance-preserving init gain.
import { resolveParams } from '../activations/params';
import type { ElementwiseActivation, OutputRange, Params } from '../activations/types';
import { expectation, tailMass } from './quadrature';
import { measureRange } from './range';
import { DENSE_GRID, denseValues, evalDf, evalF, TAIL_POINTS } from './sampling';
import { measureMonotonicity, measureSmoothness, type Monotonicity } from './smoothness';

/** The spreads s of z ~ N(0, s²) at which saturation is reported. */
export const SATURATION_SPREADS: readonly number[] = [0.5, 1, 2, 4];
/** |f'| below this counts as saturated. */
export const SATURATION_THRESHOLD = 0.01;
/** |E f(z)| below this counts as zero-centred. */
export const ZERO_CENTRED_TOLERANCE = 0.05;

export interface ActivationAnalysis {
  activation: string;
  params: Record<string, number>;
  range: OutputRange & { argMin: number; argMax: number };
  /** E[f(z)], z ~ N(0, 1). */
  mean: number;
  zeroCentred: boolean;
  monotonic: Monotonicity;
  smooth: boolean;
  /** Where f' jumps (f continuous) and where f itself jumps, on [−20, 20]. */
  kinks: number[];
  jumps: number[];
  /** f'(0) by the record's convention (PyTorch's at kinks). */
  derivativeAtZero: number;
  maxAbsDerivative: { value: number; at: number };
  /** Share of z ~ N(0, s²) with |f'(z)| < 0.01, for each s. */
  saturation: { s: number; share: number }[];
  deadZone: {
    /** Share of z ~ N(0, 1) with f'(z) = 0 exactly. */
    share: number;
    /** Intervals where f' = 0 (ends at ±Infinity when it stays 0 out to ±1e12). */
    intervals: [number, number][];
  };
  /** E[f(z)²], z ~ N(0, 1). */
  secondMoment: number;
  /** 1/sqrt(E[f(z)²]): scales weights so a layer keeps unit second moment (relu: √2). */
  initGain: number;
}

function deadIntervals(k: ElementwiseActivation, p: Params, df: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  const n = DENSE_GRID.length;
  for (let i = 0; i < n; ) {
    if (df[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && df[j + 1] === 0) j++;
    const staysDead = (sign: 1 | -1): boolean => [1e3, 1e6, 1e12].every((x) => k.df(sign * x, p) === 0);
    const lo = i === 0 && staysDead(-1) ? -Infinity : DENSE_GRID[i];
    const hi = j === n - 1 && staysDead(1) ? Infinity : DENSE_GRID[j];
    if (hi > lo) out.push([lo, hi]); // a single zero of f' is a stationary point, not a dead zone
    i = j + 1;
  }
  return out;
}

/** Measures every property of `record` at the given parameters (defaults where missing). */
export function analyzeActivation(record: ElementwiseActivation, given?: Params): ActivationAnalysis {
  const params = resolveParams(record, given);
  const { f, df } = denseValues(record, params);

  const negTail = Float64Array.from(Array.from(TAIL_POINTS).filter((x) => x < 0).sort((a, b) => a - b));
  const posTail = Float64Array.from(Array.from(TAIL_POINTS).filter((x) => x > 0).sort((a, b) => a - b));
  const ordered = new Float64Array(negTail.length + f.length + posTail.length);
  ordered.set(evalF(record, negTail, params));
  ordered.set(f, negTail.length);
  ordered.set(evalF(record, posTail, params), negTail.length + f.length);

  let maxD = { value: -Infinity, at: NaN };
  const consider = (xs: ArrayLike<number>, ds: ArrayLike<number>): void => {
    for (let i = 0; i < xs.length; i++) {
      const d = Math.abs(ds[i]);
      if (d > maxD.value) maxD = { value: d, at: xs[i] };
    }
  };
  consider(DENSE_GRID, df);
  consider(TAIL_POINTS, evalDf(record, TAIL_POINTS, params));

  // Every expectation is over the dense grid, where f and f' are already known.
  const mean = expectation(f);
  const secondMoment = expectation(f.map((v) => v * v));
  const smoothness = measureSmoothness(record, params, f, df);
  const saturated = df.map((v) => (Math.abs(v) < SATURATION_THRESHOLD ? 1 : 0));
  const ends = [df[0], df[df.length - 1]].filter((v) => Math.abs(v) < SATURATION_THRESHOLD).length;

  return {
    activation: record.id,
    params,
    range: measureRange(record, params, f),
    mean,
    zeroCentred: Math.abs(mean) < ZERO_CENTRED_TOLERANCE,
    monotonic: measureMonotonicity(ordered),
    smooth: smoothness.smooth,
    kinks: smoothness.kinks,
    jumps: smoothness.jumps,
    derivativeAtZero: record.df(0, params),
    maxAbsDerivative: maxD,
    // past ±20 a saturated end stays saturated (the share there is the normal's tail mass)
    saturation: SATURATION_SPREADS.map((s) => ({ s, share: expectation(saturated, s) + ends * tailMass(s) })),
    deadZone: {
      share: expectation(df.map((v) => (v === 0 ? 1 : 0))),
      intervals: deadIntervals(record, params, df),
    },
    secondMoment,
    initGain: 1 / Math.sqrt(secondMoment),
  };
}
