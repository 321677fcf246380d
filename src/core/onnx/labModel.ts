// A finished training run as a model: its weights, its activation records (with learned
// parameters at their trained values) and the lab's own forward pass over it, built from the
// trainer's functions (denseForward, the records' forward loops, softmax) with the plain
// TypeScript kernels, the trainer's default. The exporter writes this model; the inference
// check compares onnxruntime's probabilities with `labProbabilities`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementwiseActivation } from '../activations/types';
import { gatherBatch } from '../data/batch';
import { createJsKernels } from '../kernels/js';
import { RunFormatError } from '../runs/errors';
import { loadRunRecord, loadWeights, WEIGHTS_FILE, type RunRecord } from '../runs/runStore';
import type { LayerActivation } from '../train/activation';
import type { ActivationSpec } from '../train/config';
import { denseForward, softmaxCrossEntropy } from '../train/mlp';
import { resolveLayerActivation } from '../train/resolveActivation';
import { OnnxCheckError } from './errors';

export interface DenseLayer {
  W: Float32Array; // (inputs, units), Keras's kernel layout
  b: Float32Array; // (units)
  inputs: number;
  units: number;
}

export interface HiddenActivation {
  spec: ActivationSpec;
  record: ElementwiseActivation;
  /** The trainer's form, parameters (learned ones included) at their final values. */
  layer: LayerActivation;
}

/** An MLP as the exporter and the lab's forward pass see it: image size, dense layers, hidden activations. */
export interface MlpNetwork {
  rows: number;
  cols: number;
  /** dense[l]: layer l's weights; the last one gives the logits. */
  dense: DenseLayer[];
  /** One per hidden layer (dense.length - 1). */
  hidden: HiddenActivation[];
}

/** A completed run as a network, with where it came from. */
export interface LabModel extends MlpNetwork {
  runDir: string;
  run: RunRecord;
  /** sha256 of weights.bin: ties an exported model to the weights it came from. */
  weightsSha256: string;
}

/** Layer widths, input to output: [784, 128, 64, 10]. */
export function layerSizes(net: MlpNetwork): number[] {
  return [net.dense[0]!.inputs, ...net.dense.map((d) => d.units)];
}

/** A layer's activation from its spec, through the trainer's resolver (the registry or the expression compiler). */
export function hiddenActivation(spec: ActivationSpec): HiddenActivation {
  const layer = resolveLayerActivation(spec);
  if (!isElementwiseRecord(layer.kernel)) throw new Error(`${layer.name} has no expression to export`);
  return { spec, record: layer.kernel, layer };
}

const isElementwiseRecord = (k: LayerActivation['kernel']): k is ElementwiseActivation =>
  k.kind === 'elementwise' && typeof (k as Partial<ElementwiseActivation>).expression === 'string';

/** Loads a completed run folder (run.json + weights.bin); every problem is an OnnxCheckError naming it. */
export function loadLabModel(runDir: string): LabModel {
  const dir = path.resolve(runDir);
  let run: RunRecord;
  try {
    run = loadRunRecord(dir);
  } catch (e) {
    throw new OnnxCheckError('run', `${dir} is not a usable training run: ${(e as Error).message}`);
  }
  if (run.status !== 'completed') {
    throw new OnnxCheckError('run', `run ${run.id} is ${run.status}: only a completed run has final weights to export (train it to the end first)`);
  }
  let weights: ReturnType<typeof loadWeights>;
  let weightsBytes: Buffer;
  try {
    weights = loadWeights(dir);
    weightsBytes = readFileSync(path.join(dir, WEIGHTS_FILE));
  } catch (e) {
    const why = e instanceof RunFormatError ? e.message : String(e);
    throw new OnnxCheckError('run', `run ${run.id} has no usable ${WEIGHTS_FILE}: ${why}`);
  }
  const sizes = run.sizes ?? weights.sizes;
  const damaged = (why: string) => new OnnxCheckError('run', `run ${run.id}: ${WEIGHTS_FILE} does not match run.json: ${why}`);
  if (!Array.isArray(sizes) || sizes.length < 2) throw damaged('no layer sizes');
  const tensor = (name: string, shape: number[]): Float32Array => {
    const t = weights.tensors.get(name);
    if (!t) throw damaged(`it lacks the tensor ${name}`);
    if (t.shape.join('x') !== shape.join('x')) throw damaged(`${name} has shape ${t.shape.join('x')}, expected ${shape.join('x')}`);
    return t.data;
  };
  const dense: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l]!;
    const units = sizes[l + 1]!;
    dense.push({ W: tensor(`dense_${l + 1}/kernel`, [inputs, units]), b: tensor(`dense_${l + 1}/bias`, [units]), inputs, units });
  }
  const specs = run.config.activations;
  if (specs.length !== dense.length - 1) throw damaged(`${specs.length} activations for ${dense.length - 1} hidden layers`);
  const hidden = specs.map((spec, l): HiddenActivation => {
    let h: HiddenActivation;
    try {
      h = hiddenActivation(spec);
    } catch (e) {
      throw new OnnxCheckError('run', `run ${run.id}, hidden layer ${l + 1}: ${(e as Error).message}`);
    }
    for (const name of h.layer.learnable) h.layer.params[name] = tensor(`activation_${l + 1}/${name}`, [1])[0]!;
    return h;
  });
  const rows = run.dataset?.rows ?? 28;
  const cols = run.dataset?.cols ?? 28;
  if (rows * cols !== sizes[0]) throw damaged(`${rows}×${cols} images but ${sizes[0]} inputs`);
  return { runDir: dir, run, rows, cols, dense, hidden, weightsSha256: createHash('sha256').update(weightsBytes).digest('hex') };
}

/**
 * The lab's softmax probabilities for test images [start, start+count). images: (N, rows*cols)
 * bytes; labels: (N). Returns probs (count, classes), float32 as the trainer computes them.
 */
export function labProbabilities(model: MlpNetwork, images: Uint8Array, labels: Uint8Array, start: number, count: number, batch = 1000): Float32Array {
  const k = createJsKernels();
  const pixels = model.dense[0]!.inputs;
  const classes = model.dense[model.dense.length - 1]!.units;
  const rowsMax = Math.min(batch, Math.max(1, count));
  const x = new Float32Array(rowsMax * pixels); // (rows, pixels)
  const y = new Int32Array(rowsMax);
  const z = model.dense.map((d) => new Float32Array(rowsMax * d.units)); // per layer (rows, units)
  const a = model.dense.map((d) => new Float32Array(rowsMax * d.units));
  const out = new Float32Array(count * classes); // (count, classes)
  const stats = { loss: 0, correct: 0 };
  const last = model.dense.length - 1;
  for (let s = 0; s < count; s += rowsMax) {
    const rows = Math.min(rowsMax, count - s);
    gatherBatch(images, labels, pixels, null, start + s, rows, x, y);
    model.dense.forEach((d, l) => {
      const input = l === 0 ? x.subarray(0, rows * pixels) : a[l - 1]!.subarray(0, rows * d.inputs);
      const zl = z[l]!.subarray(0, rows * d.units);
      denseForward(k, input, d.W, d.b, zl, rows, d.inputs, d.units);
      if (l < last) {
        const act = model.hidden[l]!.layer;
        act.kernel.forward(zl, a[l]!.subarray(0, rows * d.units), act.params);
      }
    });
    const probs = a[last]!.subarray(0, rows * classes);
    softmaxCrossEntropy(z[last]!.subarray(0, rows * classes), y, probs, null, rows, classes, 1, stats);
    out.set(probs, s * classes);
  }
  return out;
}
