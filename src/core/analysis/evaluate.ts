// An activation evaluated at given inputs: f(x) and f'(x), or for a vector activation (softmax)
// its outputs, the Jacobian's diagonal and, for small vectors, the whole Jacobian. The one
// evaluate-at-x of the CLI's `eval` and VS Code's "Evaluate Activation at x".

import type { ActivationRecord, Params } from '../activations/types';
import { jacobianDiagonal } from './jacobian';

/** The longest vector whose n×n Jacobian is given whole; beyond, its diagonal and a note (an n×n grows fast). */
export const JACOBIAN_MAX = 16;

export interface Evaluation {
  /** For a vector activation, dy is ∂fᵢ/∂xᵢ. */
  points: { x: number; y: number; dy: number }[];
  /** Row i: ∂fᵢ/∂xⱼ, for vectors of at most JACOBIAN_MAX values. */
  jacobian?: number[][];
  /** Why the Jacobian is not given whole. */
  jacobianNote?: string;
}

/** Throws the activation's own error when its values cannot be computed (e.g. overflow in the diagonal). */
export function evaluateAt(record: ActivationRecord, xs: readonly number[], params: Params): Evaluation {
  if (record.kind !== 'vector') return { points: xs.map((x) => ({ x, y: record.f(x, params), dy: record.df(x, params) })) };
  const n = xs.length;
  const y = record.apply(xs, params);
  const diagonal = jacobianDiagonal(record, xs, params);
  const points = xs.map((x, i) => ({ x, y: y[i], dy: diagonal[i] }));
  if (n > JACOBIAN_MAX) {
    return { points, jacobianNote: `the ${n}×${n} Jacobian is not printed (only up to ${JACOBIAN_MAX} values); ∂fᵢ/∂xᵢ is its diagonal` };
  }
  const jac = record.jacobian(xs, params); // (n, n)
  return { points, jacobian: Array.from({ length: n }, (_, i) => Array.from(jac.subarray(i * n, (i + 1) * n))) };
}
