// A trained MLP as an ONNX model: input `image` float32 (batch, rows, cols) with pixels in
// [0, 1] as the tutorial feeds them, Flatten, then Gemm + activation per hidden layer, Gemm to
// the logits and Softmax to the output `probabilities` (batch, classes). Weights keep the
// lab's (Keras's) names: dense_1/kernel, dense_1/bias, activation_1/alpha.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { getActivation } from '../activations/registry';
import { writeFileAtomic } from '../runs/atomic';
import { activationSpecName } from '../train/config';
import { version as packageVersion } from '../../../package.json';
import { OnnxCheckError } from './errors';
import { GraphBuilder } from './graph';
import { layerSizes, loadLabModel, type LabModel, type MlpNetwork } from './labModel';
import { lowerActivation } from './lowerActivation';
import { DEFAULT_OPSET, irVersionFor, opsetProblem } from './opsets';
import { DATA_TYPE, encodeModel, type ModelProto, type ValueInfoProto } from './proto';

export const PRODUCER_NAME = 'Activation Lab';
export const LAB_VERSION: string = packageVersion;
/** Where `exportRun` writes by default, inside the run folder. */
export const MODEL_FILE = 'model.onnx';
export const INPUT_NAME = 'image';
export const OUTPUT_NAME = 'probabilities';

/** metadata_props keys the exporter writes (values are strings; lists and objects as JSON). */
export const META = {
  format: 'activation_lab.format',
  activations: 'activations',
  activationSpecs: 'activation_specs',
  hiddenWidths: 'hidden_widths',
  dataset: 'dataset',
  epochs: 'epochs',
  seed: 'seed',
  testAccuracy: 'test_accuracy',
  labVersion: 'lab_version',
  runId: 'run_id',
  runDir: 'run_dir',
  weightsSha256: 'weights_sha256',
  inputScaling: 'input_scaling',
} as const;
export const FORMAT_VALUE = 'activation-lab/mlp-1';

/** How one hidden layer's activation was exported. */
export interface ExportedLayer {
  activation: string;
  /** The native operator, or null when its expression was compiled to primitive ops. */
  native: string | null;
  ops: string[];
}

export interface BuiltModel {
  model: ModelProto;
  opset: number;
  /** Operator types in the graph, in first-use order. */
  ops: string[];
  layers: ExportedLayer[];
}

function tensorValue(name: string, dims: (number | string)[]): ValueInfoProto {
  return {
    name,
    type: { tensor_type: { elem_type: DATA_TYPE.FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) } } },
  };
}

/** The network as a ModelProto at `opset` (default 17). Throws OnnxCheckError for an unsupported opset. */
export function buildOnnxModel(net: MlpNetwork, options: { opset?: number; metadata?: Record<string, string>; docString?: string } = {}): BuiltModel {
  const opset = options.opset ?? DEFAULT_OPSET;
  const problem = opsetProblem(opset);
  if (problem) throw new OnnxCheckError('export', problem);
  const sizes = layerSizes(net);
  if (net.rows * net.cols !== sizes[0]) throw new OnnxCheckError('export', `${net.rows}×${net.cols} images do not fit ${sizes[0]} inputs`);
  if (net.hidden.length !== net.dense.length - 1) throw new OnnxCheckError('export', `${net.hidden.length} activations for ${net.dense.length - 1} hidden layers`);
  const b = new GraphBuilder(opset);
  b.claim(INPUT_NAME);
  let x = b.node('Flatten', [INPUT_NAME], 'flatten', { axis: { int: 1 } }, 'flatten'); // (batch, rows*cols)
  const last = net.dense.length - 1;
  const layers: ExportedLayer[] = [];
  net.dense.forEach((d, l) => {
    const scope = `dense_${l + 1}`;
    const W = b.initializer(`${scope}/kernel`, [d.inputs, d.units], d.W);
    const bias = b.initializer(`${scope}/bias`, [d.units], d.b);
    const z = b.node('Gemm', [x, W, bias], scope, {}, l < last ? scope : 'logits'); // (batch, units) = x W + b
    if (l === last) return;
    const h = net.hidden[l];
    const scopeA = `activation_${l + 1}`;
    let lowered;
    try {
      lowered = lowerActivation(b, h.record, h.layer.params, z, scopeA, scopeA);
    } catch (e) {
      throw new OnnxCheckError('export', `hidden layer ${l + 1} (${h.layer.name}): ${(e as Error).message}`);
    }
    layers.push({ activation: h.layer.name, native: lowered.native, ops: lowered.ops });
    x = lowered.output;
  });
  // The output layer is the registry's softmax: Softmax over axis 1 of the (batch, classes) logits.
  const softmax = getActivation('softmax').onnx.native!;
  b.node(softmax.op, ['logits'], 'softmax', { axis: { int: Number(softmax.attributes?.axis ?? 1) } }, OUTPUT_NAME);
  const classes = sizes[sizes.length - 1];
  const model: ModelProto = {
    ir_version: irVersionFor(opset),
    producer_name: PRODUCER_NAME,
    producer_version: LAB_VERSION,
    model_version: 1,
    doc_string: options.docString ?? `${sizes.join('-')} MLP (${net.hidden.map((h) => h.layer.name).join(', ')}) exported by ${PRODUCER_NAME} ${LAB_VERSION}`,
    graph: {
      name: 'activation_lab_mlp',
      node: b.nodes,
      initializer: b.initializers,
      input: [tensorValue(INPUT_NAME, ['batch', net.rows, net.cols])],
      output: [tensorValue(OUTPUT_NAME, ['batch', classes])],
    },
    opset_import: [{ domain: '', version: opset }],
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  };
  return { model, opset, ops: b.ops(), layers };
}

/** What the exporter records about a run in metadata_props. */
export function runMetadata(m: LabModel): Record<string, string> {
  const run = m.run;
  return {
    [META.format]: FORMAT_VALUE,
    [META.activations]: JSON.stringify(run.config.activations.map(activationSpecName)),
    [META.activationSpecs]: JSON.stringify(run.config.activations),
    [META.hiddenWidths]: JSON.stringify(run.config.hidden),
    // The name or folder the run was trained from, as loadDataset takes it ('mnist', 'fashion-mnist', a path).
    [META.dataset]: run.config.dataset || run.dataset?.name || 'mnist',
    [META.epochs]: String(run.history.length),
    [META.seed]: String(run.config.seed),
    ...(run.test ? { [META.testAccuracy]: String(run.test.accuracy) } : {}),
    [META.labVersion]: LAB_VERSION,
    [META.runId]: run.id,
    [META.runDir]: m.runDir,
    [META.weightsSha256]: m.weightsSha256,
    [META.inputScaling]: 'pixel / 255, in [0, 1]',
  };
}

export interface ExportOptions {
  /** Operator set, 13 to 21 (default 17). */
  opset?: number;
  /** Output file (default <runDir>/model.onnx). */
  out?: string;
  /** Replace the output file when it exists (default true; the CLI asks for --force). */
  overwrite?: boolean;
}

export interface ExportResult {
  /** Absolute path of the written .onnx file. */
  path: string;
  bytes: number;
  opset: number;
  irVersion: number;
  ops: string[];
  layers: ExportedLayer[];
}

/**
 * Exports a completed run folder to ONNX (written atomically). Throws OnnxCheckError with a
 * message for the user: not a run, not completed, damaged weights, bad opset, unwritable file.
 */
export function exportRun(runDir: string, options: ExportOptions = {}): ExportResult {
  const lab = loadLabModel(runDir);
  const built = buildOnnxModel(lab, { opset: options.opset, metadata: runMetadata(lab) });
  const bytes = encodeModel(built.model);
  const file = path.resolve(options.out ?? path.join(lab.runDir, MODEL_FILE));
  if (options.overwrite === false && existsSync(file)) {
    throw new OnnxCheckError('exists', `${file} exists already: give --out FILE to write another file, or --force to replace it`);
  }
  try {
    writeFileAtomic(file, bytes);
  } catch (e) {
    throw new OnnxCheckError('write', `cannot write ${file}: ${(e as Error).message}`);
  }
  return { path: file, bytes: bytes.length, opset: built.opset, irVersion: built.model.ir_version!, ops: built.ops, layers: built.layers };
}
