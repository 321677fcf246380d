// From a layer's activation spec (plain data, as it crosses to a worker) to the trainer's form,
// through the one activation registry; user expressions through the expression compiler.

import { getActivation, resolveParams } from '../activations/registry';
import type { ActivationRecord } from '../activations/types';
import { compileCustomActivation } from '../expr/index';
import type { LayerActivation } from './activation';
import { activationSpecName, type ActivationSpec } from './config';

export function resolveLayerActivation(spec: ActivationSpec): LayerActivation {
  const record: ActivationRecord = 'custom' in spec
    ? compileCustomActivation({ name: spec.custom.name, expression: spec.custom.expression, params: spec.custom.params })
    : getActivation(spec.id);
  const name = activationSpecName(spec);
  if (record.kind !== 'elementwise') {
    throw new Error(`${record.id} is not an elementwise activation: a hidden layer needs one (softmax belongs to the output layer)`);
  }
  const given = 'custom' in spec ? spec.custom.params : spec.params;
  const params = { ...resolveParams(record, given) };
  const unknown = (spec.learn ?? []).filter((n) => !record.params.some((p) => p.name === n));
  if (unknown.length) {
    const have = record.params.map((p) => p.name);
    throw new Error(`${name} has no parameter ${unknown.join(', ')} to learn (${have.length ? `its parameters: ${have.join(', ')}` : 'it has no parameters'})`);
  }
  // Learned: what the spec asks for, and what the activation always learns (PReLU's slope), in the record's order.
  const learnable = record.params.filter((p) => p.learnable || spec.learn?.includes(p.name)).map((p) => p.name);
  return { name, id: 'custom' in spec ? undefined : record.id, kernel: record, params, learnable };
}
