// Loads test/fixtures/torch-activations.json (written by scripts/fixtures/gen_torch_activations.py)
// and holds the comparison rule the fixture tests share.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ElementwiseCase {
  id: string;
  params: Record<string, number>;
  torch: string;
  native: boolean;
  kinks: number[];
  x: number[];
  y: number[];
  dy: number[];
  exact_y: number[];
  exact_dy: number[];
}

export interface VectorRow {
  x: number[];
  y: number[];
  jacobian: number[][];
  exact_y: number[];
  exact_jacobian: number[][];
}

export interface TorchFixture {
  torch: string;
  dtype: string;
  elementwise: ElementwiseCase[];
  vector: { id: string; torch: string; rows: VectorRow[] }[];
}

export const fixture = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'torch-activations.json'), 'utf8'),
) as TorchFixture;

export const RTOL = 1e-6;

/**
 * The float64 tolerance: 1e-6 relative, plus 1e-15·min(1, |x|) absolute, which absorbs float64
 * rounding near 0 (values of 1e-17 where the true value is 7e-17) but still tells 1e-30 from 0
 * at x = 1e-30.
 */
export function tolerance(want: number, x: number): number {
  return RTOL * Math.abs(want) + 1e-15 * Math.min(1, Math.abs(x));
}

export const within = (got: number, want: number, x: number): boolean => Math.abs(got - want) <= tolerance(want, x);

/**
 * got matches PyTorch; or PyTorch's own float64 value is off the 120-digit reference (it
 * computes exp(x) − 1 at x = −1e-30 as 0, say) and got matches the reference instead.
 */
export function matchesTorch(got: number, torch: number, exact: number, x: number): 'torch' | 'exact' | false {
  if (within(got, torch, x)) return 'torch';
  if (!within(torch, exact, x) && within(got, exact, x)) return 'exact';
  return false;
}
