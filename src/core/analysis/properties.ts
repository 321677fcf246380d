// Properties of any elementwise activation (built-in or custom), measured numerically from its
// f and f': range, zero-centredness, monotonicity, smoothness, f'(0), max |f'|, saturation,
// dead zone and the variance-preserving init gain.
import { resolveParams } from '../activations/params';
import type { ElementwiseActivation, OutputRange, Params } from '../activations/types';
import { expectation, gaussianNodes } from './quadrature';
import { measureRange } from './range';
import { DENSE_GRID, denseValues, evalAll, TAIL_POINTS } from './sampling';
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
    const lo = i === 0 && staysDead(-1) ? -Infinity : DENSE_GRID[i]!;
    const hi = j === n - 1 && staysDead(1) ? Infinity : DENSE_GRID[j]!;
    if (hi > lo) out.push([lo, hi]); // a single zero of f' is a stationary point, not a dead zone
    i = j + 1;
  }
  return out;
}

/** Measures every property of `record` at the given parameters (defaults where missing). */
export function analyzeActivation(record: ElementwiseActivation, given?: Params): ActivationAnalysis {
  const params = resolveParams(record, given);
  const { f, df } = denseValues(record, params);

  const negTail = Array.from(TAIL_POINTS).filter((x) => x < 0).sort((a, b) => a - b);
  const posTail = Array.from(TAIL_POINTS).filter((x) => x > 0).sort((a, b) => a - b);
  const ordered = [...evalAll(record.f, negTail, params), ...f, ...evalAll(record.f, posTail, params)];

  let maxD = { value: -Infinity, at: NaN };
  const consider = (x: number, d: number): void => {
    if (Math.abs(d) > maxD.value) maxD = { value: Math.abs(d), at: x };
  };
  DENSE_GRID.forEach((x, i) => consider(x, df[i]!));
  TAIL_POINTS.forEach((x) => consider(x, record.df(x, params)));

  const z1 = gaussianNodes(1);
  const fz = evalAll(record.f, z1, params);
  const dfz = evalAll(record.df, z1, params);
  const mean = expectation(fz);
  const secondMoment = expectation(fz.map((v) => v * v));
  const smoothness = measureSmoothness(record, params, f, df);

  return {
    activation: record.id,
    params,
    range: measureRange(record, params),
    mean,
    zeroCentred: Math.abs(mean) < ZERO_CENTRED_TOLERANCE,
    monotonic: measureMonotonicity(ordered),
    smooth: smoothness.smooth,
    kinks: smoothness.kinks,
    jumps: smoothness.jumps,
    derivativeAtZero: record.df(0, params),
    maxAbsDerivative: maxD,
    saturation: SATURATION_SPREADS.map((s) => {
      const d = s === 1 ? dfz : evalAll(record.df, gaussianNodes(s), params);
      return { s, share: expectation(d.map((v) => (Math.abs(v) < SATURATION_THRESHOLD ? 1 : 0))) };
    }),
    deadZone: {
      share: expectation(dfz.map((v) => (v === 0 ? 1 : 0))),
      intervals: deadIntervals(record, params, df),
    },
    secondMoment,
    initGain: 1 / Math.sqrt(secondMoment),
  };
}
