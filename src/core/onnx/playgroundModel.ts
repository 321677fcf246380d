// A trained playground network as an ONNX model: input `point` float32 (batch, 2) holding x1, x2;
// the feature transform as graph nodes (x1 = point·[1, 0]ᵀ, x2 = point·[0, 1]ᵀ, then Mul for
// x1², x2², x1·x2, Sin for sin x1, sin x2, Concat in the network's feature order); Gemm +
// activation per hidden layer (lowered as the MNIST exporter lowers them, custom expressions
// included); then the output `probability` (batch, 1), the sigmoid of the last Gemm, for
// classification, or `value` (batch, 1), the last Gemm itself, for regression.

import { getActivation, resolveParams } from '../activations/registry';
import type { ElementwiseActivation } from '../activations/types';
import { compileCustomActivation } from '../expr/index';
import type { FeatureId } from '../playground/features';
import { networkFromModel, type PlaygroundModel } from '../playground/model';
import { activationSpecName, type ActivationSpec } from '../train/config';
import { LAB_VERSION, PRODUCER_NAME } from './export';
import { OnnxCheckError } from './errors';
import { GraphBuilder } from './graph';
import { lowerActivation } from './lowerActivation';
import { DEFAULT_OPSET, irVersionFor, opsetProblem } from './opsets';
import { DATA_TYPE, encodeModel, type ModelProto, type ValueInfoProto } from './proto';
import { createSession, loadOnnxRuntime } from './runtime';

export const PLAYGROUND_INPUT = 'point';
export const PLAYGROUND_FORMAT = 'activation-lab/playground-1';

export function playgroundOutputName(task: PlaygroundModel['task']): string {
  return task === 'classification' ? 'probability' : 'value';
}

function tensorValue(name: string, dims: (number | string)[]): ValueInfoProto {
  return {
    name,
    type: { tensor_type: { elem_type: DATA_TYPE.FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) } } },
  };
}

function elementwiseRecord(spec: ActivationSpec): ElementwiseActivation {
  const record = 'custom' in spec ? compileCustomActivation(spec.custom) : getActivation(spec.id);
  if (record.kind !== 'elementwise') throw new OnnxCheckError('export', `${record.id} is not an elementwise activation`);
  return record;
}

/** The feature columns as nodes; returns the (batch, features) tensor's name. */
function featureNodes(b: GraphBuilder, features: readonly FeatureId[]): string {
  const column = (j: number, name: string): string => {
    const selector = b.initializer(`features/select_${name}`, [2, 1], Float32Array.of(j === 0 ? 1 : 0, j === 1 ? 1 : 0));
    return b.node('MatMul', [PLAYGROUND_INPUT, selector], 'features', {}, `features/${name}`); // (batch, 1)
  };
  let x1: string | undefined;
  let x2: string | undefined;
  const first = () => (x1 ??= column(0, 'x1'));
  const second = () => (x2 ??= column(1, 'x2'));
  const columns = features.map((f) => {
    switch (f) {
      case 'x1': return first();
      case 'x2': return second();
      case 'x1Squared': return b.node('Mul', [first(), first()], 'features', {}, 'features/x1_squared');
      case 'x2Squared': return b.node('Mul', [second(), second()], 'features', {}, 'features/x2_squared');
      case 'x1TimesX2': return b.node('Mul', [first(), second()], 'features', {}, 'features/x1_times_x2');
      case 'sinX1': return b.node('Sin', [first()], 'features', {}, 'features/sin_x1');
      case 'sinX2': return b.node('Sin', [second()], 'features', {}, 'features/sin_x2');
    }
  });
  return b.node('Concat', columns, 'features', { axis: { int: 1 } }, 'features'); // (batch, features)
}

export interface BuiltPlaygroundModel {
  model: ModelProto;
  bytes: Uint8Array;
  opset: number;
  ops: string[];
}

/** The model as ONNX at `opset` (default 17). Throws OnnxCheckError naming what cannot be exported. */
export function buildPlaygroundOnnx(m: PlaygroundModel, opset = DEFAULT_OPSET): BuiltPlaygroundModel {
  const problem = opsetProblem(opset);
  if (problem) throw new OnnxCheckError('export', problem);
  let network;
  try {
    network = networkFromModel(m);
  } catch (e) {
    throw new OnnxCheckError('export', (e as Error).message);
  }
  const learned = network.acts.map((a) => ({ ...a.params }));
  for (const slot of network.layout.activationParams) learned[slot.layer][slot.name] = network.params[slot.offset]!;
  const b = new GraphBuilder(opset);
  b.claim(PLAYGROUND_INPUT);
  let x = featureNodes(b, m.features);
  const output = playgroundOutputName(m.task);
  const last = network.layout.dense.length - 1;
  network.layout.dense.forEach((d, l) => {
    const scope = `dense_${l + 1}`;
    const W = b.initializer(`${scope}/kernel`, [d.inputs, d.units], network.params.slice(d.weightOffset, d.weightOffset + d.inputs * d.units));
    const bias = b.initializer(`${scope}/bias`, [d.units], network.params.slice(d.biasOffset, d.biasOffset + d.units));
    const z = b.node('Gemm', [x, W, bias], scope, {}, l === last && m.task === 'regression' ? output : scope); // (batch, units) = x W + b
    if (l === last) {
      if (m.task === 'classification') lowerActivation(b, elementwiseRecord({ id: 'sigmoid' }), {}, z, 'output', output);
      return;
    }
    const spec = m.activations[l];
    const record = elementwiseRecord(spec);
    const params = { ...resolveParams(record, 'custom' in spec ? spec.custom.params : spec.params), ...learned[l] };
    try {
      x = lowerActivation(b, record, params, z, `activation_${l + 1}`, `activation_${l + 1}`).output;
    } catch (e) {
      throw new OnnxCheckError('export', `hidden layer ${l + 1} (${activationSpecName(spec)}): ${(e as Error).message}`);
    }
  });
  const sizes = network.layout.sizes;
  const model: ModelProto = {
    ir_version: irVersionFor(opset),
    producer_name: PRODUCER_NAME,
    producer_version: LAB_VERSION,
    model_version: 1,
    doc_string: `Playground ${m.task} network ${sizes.join('-')} on features ${m.features.join(', ')} (${m.activations.map(activationSpecName).join(', ') || 'no hidden layer'}), exported by ${PRODUCER_NAME} ${LAB_VERSION}`,
    graph: {
      name: 'activation_lab_playground',
      node: b.nodes,
      initializer: b.initializers,
      input: [tensorValue(PLAYGROUND_INPUT, ['batch', 2])],
      output: [tensorValue(output, ['batch', 1])],
    },
    opset_import: [{ domain: '', version: opset }],
    metadata_props: Object.entries({
      'activation_lab.format': PLAYGROUND_FORMAT,
      task: m.task,
      features: JSON.stringify(m.features),
      hidden_widths: JSON.stringify(m.hidden),
      activation_specs: JSON.stringify(m.activations),
      lab_version: LAB_VERSION,
    }).map(([key, value]) => ({ key, value })),
  };
  return { model, bytes: encodeModel(model), opset, ops: b.ops() };
}

/** How far onnxruntime's outputs are from the expected ones at the checked points. */
export interface PlaygroundParity {
  points: number;
  maxAbsDiff: number;
  /** The first point where they differ by more than the tolerance, if any. */
  worst?: { x1: number; x2: number; expected: number; onnx: number };
}

/** Outputs and expectations agree within this (float32 forward passes in different orders). */
export const PLAYGROUND_TOLERANCE = 1e-4;

/** Runs the model in onnxruntime on points (n, 2) and compares with `expected` (n). Throws OnnxCheckError if it cannot run. */
export async function checkPlaygroundOnnx(bytes: Uint8Array, task: PlaygroundModel['task'], points: ArrayLike<number>, expected: ArrayLike<number>): Promise<PlaygroundParity> {
  const n = expected.length;
  const session = await createSession(bytes, 'the playground model');
  const { Tensor } = loadOnnxRuntime();
  let out: Float32Array;
  try {
    const result = await session.run({ [PLAYGROUND_INPUT]: new Tensor('float32', Float32Array.from(points), [n, 2]) });
    out = result[playgroundOutputName(task)].data as Float32Array;
  } catch (e) {
    throw new OnnxCheckError('runtime', `onnxruntime failed running the playground model: ${(e as Error).message}`);
  } finally {
    await session.release();
  }
  let maxAbsDiff = 0;
  let worst: PlaygroundParity['worst'];
  for (let i = 0; i < n; i++) {
    const diff = Math.abs(out[i] - expected[i]);
    if (!(diff <= maxAbsDiff)) maxAbsDiff = diff; // NaN wins
    if (!worst && !(diff <= PLAYGROUND_TOLERANCE)) worst = { x1: points[2 * i], x2: points[2 * i + 1], expected: expected[i], onnx: out[i] };
  }
  return { points: n, maxAbsDiff, ...(worst ? { worst } : {}) };
}
