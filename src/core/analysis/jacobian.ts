// The diagonal ∂yᵢ/∂xᵢ of a vector activation's Jacobian without building the n×n matrix, so a
// long input vector (100000 values) costs O(n) memory.
import { getActivation } from '../activations/registry';
import type { Params, VectorActivation } from '../activations/types';

/** Up to this many inputs the diagonal is read off Jacobian-vector products with unit vectors (O(n²) time, O(n) memory). */
export const PROBED_DIAGONAL_MAX = 2048;

/**
 * ∂yᵢ/∂xᵢ for each i. The registry's softmax and log_softmax have closed forms, O(n):
 * softmax sᵢ(1 − sᵢ), log_softmax 1 − sᵢ with s = softmax(x) (Bridle 1990); any other vector
 * activation is probed with J·eᵢ up to PROBED_DIAGONAL_MAX inputs. Throws beyond that.
 */
export function jacobianDiagonal(record: VectorActivation, x: ArrayLike<number>, p: Params): Float64Array {
  const n = x.length;
  if (record.id === 'softmax' || record.id === 'log_softmax') {
    const s = (getActivation('softmax') as VectorActivation).apply(x, p);
    return record.id === 'softmax' ? s.map((si) => si * (1 - si)) : s.map((si) => 1 - si);
  }
  if (n > PROBED_DIAGONAL_MAX) {
    throw new Error(`${record.id}: the Jacobian's diagonal is only available for up to ${PROBED_DIAGONAL_MAX} inputs, got ${n}`);
  }
  const out = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    e[i] = 1;
    out[i] = record.jvp(x, e, p)[i]!;
    e[i] = 0;
  }
  return out;
}
