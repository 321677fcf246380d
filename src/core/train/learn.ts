// Which layers learn which activation parameters: one rule for `actlab train --learn` and the
// lab's "Learn" checkboxes. A name is learned wherever a layer's activation has that parameter.

import { findActivation } from '../activations/registry';
import type { ActivationSpec } from './config';

/** A layer activation's parameter names: a built-in's from the registry, a custom one's as declared. */
export function specParamNames(spec: ActivationSpec): string[] {
  return 'custom' in spec ? Object.keys(spec.custom.params ?? {}) : findActivation(spec.id)?.params.map((p) => p.name) ?? [];
}

/**
 * The stacks (one per run, one spec per hidden layer) with `names` learned wherever a layer's
 * activation has the parameter, and the names no layer of any run has (they would learn nothing:
 * the caller says so, in its own words).
 */
export function learnWherever(stacks: readonly (readonly ActivationSpec[])[], names: readonly string[]): { stacks: ActivationSpec[][]; lacking: string[] } {
  const wanted = [...new Set(names)];
  const lacking = wanted.filter((n) => !stacks.some((stack) => stack.some((spec) => specParamNames(spec).includes(n))));
  return {
    lacking,
    stacks: stacks.map((stack) => stack.map((spec) => {
      const has = specParamNames(spec);
      const learn = wanted.filter((n) => has.includes(n));
      return learn.length ? { ...spec, learn } : spec;
    })),
  };
}
