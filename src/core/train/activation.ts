// A hidden layer's activation as the trainer uses it: the registry record's vectorized kernel,
// its current parameter values, and which of them are learned (PReLU's slope).

import type { ElementwiseKernel } from '../activations/types';

export interface LayerActivation {
  /** Display name, e.g. 'relu' or 'leaky_relu(alpha=0.01)'. */
  name: string;
  /** The registry id of a built-in activation (kernel providers may have fused passes for it). */
  id?: string;
  kernel: ElementwiseKernel;
  /** Current values of every parameter; the trainer writes learned ones here before each pass. */
  params: Record<string, number>;
  /** Names of the learned parameters, in the order they sit in the parameter buffer. */
  learnable: string[];
}

/**
 * d f(z; p) / d p for one learned parameter: the record's exact `dparams` where it has one, else
 * a central difference in double precision, with fresh parameter objects (a custom expression's
 * record caches the vector of the last parameter object it saw).
 */
export function paramDerivative(act: LayerActivation, name: string, z: number): number {
  const exact = act.kernel.dparams?.[name];
  if (exact) return exact(z, act.params);
  const p = act.params[name];
  const h = 1e-4 * Math.max(1, Math.abs(p));
  const up = act.kernel.f(z, { ...act.params, [name]: p + h });
  const down = act.kernel.f(z, { ...act.params, [name]: p - h });
  return (up - down) / (2 * h);
}
