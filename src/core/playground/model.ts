// A trained playground network as plain data (what crosses from the page's worker to the host
// for export) and back to a network whose forward pass the exporter's check compares with.

import type { ActivationSpec } from '../train/config';
import type { Task } from './data';
import type { FeatureId } from './features';
import { PlaygroundNetwork } from './network';

export interface PlaygroundModel {
  task: Task;
  features: FeatureId[];
  hidden: number[];
  activations: ActivationSpec[];
  /** The flat parameters, laid out as the network's ParamLayout (W1 b1 ... Wn bn, learned activation parameters). */
  params: number[];
}

export function modelOf(network: PlaygroundNetwork): PlaygroundModel {
  const { task, features, hidden, activations } = network.spec;
  return { task, features: [...features], hidden: [...hidden], activations: activations.map((a) => structuredClone(a)), params: Array.from(network.params) };
}

/** The network a model describes, its weights loaded; throws an Error naming a mismatch. */
export function networkFromModel(model: PlaygroundModel): PlaygroundNetwork {
  const network = new PlaygroundNetwork({ task: model.task, features: model.features, hidden: model.hidden, activations: model.activations }, 0);
  if (model.params.length !== network.params.length) {
    throw new Error(`the model has ${model.params.length} parameters; a ${network.layout.sizes.join('-')} network with these activations has ${network.params.length}`);
  }
  network.params.set(model.params);
  return network;
}
