// The multilayer perceptron: dense layers y = x W + b (Keras's kernel layout, W is (inputs, units)),
// an elementwise activation after each hidden layer, softmax + cross-entropy at the top.
// Forward and backward sit side by side; all matrix work goes through a `Kernels` provider.

import type { KernelProvider } from '../kernels/fused';
import type { Kernels } from '../kernels/types';
import type { Rng } from '../random';
import type { Initializer } from './config';

export interface DenseSlot {
  inputs: number;
  units: number;
  /** Offsets into the one parameter buffer. */
  weightOffset: number;
  biasOffset: number;
}

export interface ActivationParamSlot {
  /** Hidden layer index (0-based). */
  layer: number;
  name: string;
  offset: number;
}

/** Where every parameter lives in the single flat buffer: [W1 b1 W2 b2 ... Wn bn, learned activation params]. */
export interface ParamLayout {
  /** Layer widths, input to output: [784, 128, 64, 10]. */
  sizes: number[];
  dense: DenseSlot[];
  activationParams: ActivationParamSlot[];
  total: number;
}

/** `learnable[l]` names the learned activation parameters of hidden layer l (PReLU: ['slope']). */
export function paramLayout(sizes: number[], learnable: string[][] = []): ParamLayout {
  let offset = 0;
  const dense: DenseSlot[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const units = sizes[l + 1];
    dense.push({ inputs, units, weightOffset: offset, biasOffset: offset + inputs * units });
    offset += inputs * units + units;
  }
  const activationParams: ActivationParamSlot[] = [];
  learnable.forEach((names, layer) => {
    for (const name of names) activationParams.push({ layer, name, offset: offset++ });
  });
  return { sizes: [...sizes], dense, activationParams, total: offset };
}

export interface DenseView {
  W: Float32Array; // (inputs, units)
  b: Float32Array; // (units)
}

/** Named subarray views of a flat buffer laid out by `layout` (parameters, gradients, Adam moments alike). */
export function denseViews(buffer: Float32Array, layout: ParamLayout): DenseView[] {
  return layout.dense.map((d) => ({
    W: buffer.subarray(d.weightOffset, d.weightOffset + d.inputs * d.units),
    b: buffer.subarray(d.biasOffset, d.biasOffset + d.units),
  }));
}

/**
 * Keras's uniform initializers, biases zero. Limits: glorot sqrt(6/(fan_in+fan_out)),
 * he sqrt(6/fan_in), lecun sqrt(3/fan_in) (keras.initializers, Glorot & Bengio 2010, He et al. 2015).
 */
export function initDense(buffer: Float32Array, layout: ParamLayout, init: Initializer, rng: Rng): void {
  for (const d of layout.dense) {
    const limit = init === 'glorot_uniform' ? Math.sqrt(6 / (d.inputs + d.units))
      : init === 'he_uniform' ? Math.sqrt(6 / d.inputs)
      : Math.sqrt(3 / d.inputs);
    const n = d.inputs * d.units;
    for (let i = 0; i < n; i++) buffer[d.weightOffset + i] = rng.uniform(-limit, limit);
    buffer.fill(0, d.biasOffset, d.biasOffset + d.units);
  }
}

/** z = x W + b. x: (rows, inputs), W: (inputs, units), b: (units), z: (rows, units). */
export function denseForward(
  k: Kernels, x: Float32Array, W: Float32Array, b: Float32Array, z: Float32Array,
  rows: number, inputs: number, units: number,
): void {
  for (let r = 0; r < rows; r++) z.set(b, r * units);
  k.gemm(false, false, rows, units, inputs, x, W, 1, z);
}

/**
 * Given dZ = dL/dz: dW = x^T dZ, db = column sums of dZ, and dX = dZ W^T unless dX is null
 * (the input layer needs none). Gradients are overwritten (one batch at a time).
 * x: (rows, inputs), dZ: (rows, units), dW: (inputs, units), db: (units), dX: (rows, inputs).
 */
export function denseBackward(
  k: KernelProvider, x: Float32Array, W: Float32Array, dZ: Float32Array,
  dW: Float32Array, db: Float32Array, dX: Float32Array | null,
  rows: number, inputs: number, units: number,
): void {
  k.gemm(true, false, inputs, units, rows, x, dZ, 0, dW);
  if (k.biasGradient) {
    k.biasGradient(rows, units, dZ, 0, db);
  } else {
    db.fill(0);
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      for (let j = 0; j < units; j++) db[j] += dZ[o + j];
    }
  }
  if (dX) k.gemm(false, true, rows, inputs, units, dZ, W, 0, dX);
}

/**
 * Softmax and categorical cross-entropy fused, stable through log-sum-exp:
 * loss_r = log(sum_j exp(z_rj - max_r)) - (z_ry - max_r); dL/dz_rj = (p_rj - [j = y_r]) * scale.
 * logits: (rows, classes); probs, dLogits (may be null): (rows, classes); y: (rows).
 * Sets out.loss to the summed loss (NaN or Infinity once a logit is: the trainer watches for it) and
 * out.correct to the argmax hits (the first maximum wins, as numpy's argmax).
 */
export function softmaxCrossEntropy(
  logits: Float32Array, y: Int32Array, probs: Float32Array, dLogits: Float32Array | null,
  rows: number, classes: number, scale: number, out: { loss: number; correct: number },
  predicted?: Int32Array,
): void {
  let lossSum = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let max = logits[o];
    let arg = 0;
    for (let j = 1; j < classes; j++) {
      const v = logits[o + j];
      if (v > max) { max = v; arg = j; }
    }
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(logits[o + j] - max);
    const label = y[r];
    lossSum += Math.log(sum) - (logits[o + label] - max);
    if (arg === label) correct++;
    if (predicted) predicted[r] = arg;
    const inv = 1 / sum;
    for (let j = 0; j < classes; j++) {
      const p = Math.exp(logits[o + j] - max) * inv;
      probs[o + j] = p;
      if (dLogits) dLogits[o + j] = (p - (j === label ? 1 : 0)) * scale;
    }
  }
  out.loss = lossSum;
  out.correct = correct;
}
