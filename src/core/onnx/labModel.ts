// A finished training run as a model: its weights, its activation records (with learned
// parameters at their trained values) and the lab's own forward pass over it, built from the
// trainer's functions (denseForward, the records' forward loops, softmax) with the plain
// TypeScript kernels, the trainer's default. The exporter writes this model; the inference
// check compares onnxruntime's probabilities with `labProbabilities`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementwiseActivation } from '../activations/types';
import { gatherBatch, PIXEL_TO_FLOAT } from '../data/batch';
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
  return [net.dense[0].inputs, ...net.dense.map((d) => d.units)];
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
    const inputs = sizes[l];
    const units = sizes[l + 1];
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

/** float32's unit roundoff u = 2⁻²⁴: one rounding changes a value by at most u relative. */
export const FLOAT32_ROUNDOFF = 2 ** -24;

/**
 * Rounding allowances of the error bound below. A dot product of n terms rounded in another order
 * (or with fused multiply-adds) differs by at most n·u·Σ|terms| (Higham, Accuracy and Stability
 * of Numerical Algorithms, 2nd ed., §3.1); independent rounding errors grow like λ·√n·u·Σ|terms|
 * instead (Higham & Mary, SIAM J. Sci. Comput. 2019), and errors of different units reach the
 * next layer in quadrature. λ = 2 and 2 roundings per operation of an activation: on 41 activation
 * cases and 5 trained models, correct exports used at most 7% of the bound, and a single weight
 * or bias off by 1e-3 in a used unit exceeded it 3 to 400 times.
 */
const DOT_ROUNDING = 2;
/** Rounding of one activation evaluation, per operation of its expression, relative to the values involved. */
const ACTIVATION_ROUNDING = 2;

export interface LabForward {
  /** Softmax probabilities, float32 as the trainer computes them. // (count, classes) */
  probs: Float32Array;
  /**
   * For each image, a bound on how far another correct float32 evaluation of the same network
   * (onnxruntime's) may put any of its logits from the lab's: float32 rounding of every dot
   * product and activation, carried through the layers by |W|. // (count)
   */
  logitTolerance: Float64Array;
}

/** Operations per evaluation of an activation: its expression's node count (a native op counts as a few). */
function activationOps(h: HiddenActivation): number {
  const text = h.record.expression;
  return Math.max(4, (text.match(/[A-Za-z_]\w*|\d+\.?\d*|[-+*/^<>=!]+/g) ?? []).length);
}

/**
 * The lab's forward pass over test images [start, start+count) with each image's logit
 * tolerance. images: (N, rows*cols) bytes; labels: (N). Beside the float32 pass it carries, in
 * float64, the magnitude M = |a|·|W| + |b| of every pre-activation (what its rounding scales
 * with) and the error bound E: E_z = √(Σᵢ (E_aᵢ·|Wᵢ|)²) + DOT_ROUNDING·√n·u·M, then through
 * the activation E_a = max |f(z ± E_z) − f(z)| (a jump or kink inside the interval counts
 * whole) plus the activation's own rounding.
 */
export function labForward(model: MlpNetwork, images: Uint8Array, labels: Uint8Array, start: number, count: number, batch = 1000): LabForward {
  const probs = labProbabilities(model, images, labels, start, count, batch);
  const logitTolerance = new Float64Array(count);
  const pixels = model.dense[0].inputs;
  const u = FLOAT32_ROUNDOFF;
  const absW = model.dense.map((d) => Float64Array.from(d.W, Math.abs)); // (inputs, units) each
  const last = model.dense.length - 1;
  const own = model.hidden.map((h) => ACTIVATION_ROUNDING * activationOps(h) * u);
  const widest = Math.max(pixels, ...model.dense.map((d) => d.units));
  // Per image, reused: the layer's input a, its error bound e, and the pre-activation z, |terms| sum M, error E.
  let a = new Float64Array(widest);
  let e = new Float64Array(widest);
  let nextA = new Float64Array(widest);
  let nextE = new Float64Array(widest);
  const z = new Float64Array(widest);
  const mag = new Float64Array(widest);
  const ez = new Float64Array(widest);
  for (let r = 0; r < count; r++) {
    const src = (start + r) * pixels;
    for (let i = 0; i < pixels; i++) a[i] = PIXEL_TO_FLOAT[images[src + i]]!; // the same float32 pixels on both sides: no error
    e.fill(0, 0, pixels);
    for (let l = 0; l <= last; l++) {
      const d = model.dense[l];
      const W = d.W;
      const aw = absW[l];
      const units = d.units;
      for (let j = 0; j < units; j++) {
        z[j] = d.b[j]!;
        mag[j] = Math.abs(d.b[j]);
        ez[j] = 0;
      }
      for (let i = 0; i < d.inputs; i++) {
        const ai = a[i];
        const ei = e[i];
        if (ai === 0 && ei === 0) continue; // MNIST is mostly background
        const mi = Math.abs(ai);
        const o = i * units;
        if (ei === 0) {
          for (let j = 0; j < units; j++) {
            z[j] += ai * W[o + j];
            mag[j] += mi * aw[o + j];
          }
        } else {
          const ei2 = ei * ei;
          for (let j = 0; j < units; j++) {
            const w = aw[o + j];
            z[j] += ai * W[o + j];
            mag[j] += mi * w;
            ez[j] += ei2 * w * w; // independent errors of the inputs add in quadrature
          }
        }
      }
      const dot = DOT_ROUNDING * Math.sqrt(d.inputs) * u;
      for (let j = 0; j < units; j++) ez[j] = Math.sqrt(ez[j]) + dot * mag[j] + u * Math.abs(z[j]);
      if (l === last) {
        let worst = 0;
        for (let j = 0; j < units; j++) worst = Math.max(worst, ez[j]);
        logitTolerance[r] = worst;
        break;
      }
      const act = model.hidden[l].layer;
      const f = act.kernel.f;
      const p = act.params;
      const ownRounding = own[l];
      for (let j = 0; j < units; j++) {
        const zj = z[j];
        const fz = f(zj, p);
        const ej = ez[j];
        // a jump or kink of f within ±E counts whole; then f's own rounding, relative to its input and output
        const spread = Math.max(Math.abs(f(zj + ej, p) - fz), Math.abs(f(zj - ej, p) - fz));
        nextA[j] = fz;
        nextE[j] = spread + ownRounding * (Math.abs(fz) + Math.abs(zj) + 1);
      }
      [a, nextA] = [nextA, a];
      [e, nextE] = [nextE, e];
    }
  }
  return { probs, logitTolerance };
}

/**
 * The lab's softmax probabilities for test images [start, start+count). images: (N, rows*cols)
 * bytes; labels: (N). Returns probs (count, classes), float32 as the trainer computes them.
 */
export function labProbabilities(model: MlpNetwork, images: Uint8Array, labels: Uint8Array, start: number, count: number, batch = 1000): Float32Array {
  const k = createJsKernels();
  const pixels = model.dense[0].inputs;
  const classes = model.dense[model.dense.length - 1].units;
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
      const input = l === 0 ? x.subarray(0, rows * pixels) : a[l - 1].subarray(0, rows * d.inputs);
      const zl = z[l].subarray(0, rows * d.units);
      denseForward(k, input, d.W, d.b, zl, rows, d.inputs, d.units);
      if (l < last) {
        const act = model.hidden[l].layer;
        act.kernel.forward(zl, a[l].subarray(0, rows * d.units), act.params);
      }
    });
    const probs = a[last].subarray(0, rows * classes);
    softmaxCrossEntropy(z[last].subarray(0, rows * classes), y, probs, null, rows, classes, 1, stats);
    out.set(probs, s * classes);
  }
  return out;
}
