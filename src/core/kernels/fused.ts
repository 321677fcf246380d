// Optional fused passes a kernel provider may offer beside `gemm` (the WebAssembly one does).
// The trainer uses them when present and falls back to the activation registry's own loops
// otherwise. All arrays are views from the provider's `alloc`; shapes are row-major.

import type { Kernels } from './types';

/** Activations the fused passes know, by registry id. */
export const FUSED_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu'] as const;
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

export function isFusedActivation(id: string): id is FusedActivation {
  return (FUSED_ACTIVATIONS as readonly string[]).includes(id);
}

export interface FusedKernels {
  /**
   * Dense-layer epilogue: z(m,n) += bias(n) on every row, then a(m,n) = f(z). `a` may be `z`
   * (then only f(z) is kept). `alpha` is leaky_relu's slope or elu's alpha (ignored otherwise).
   * relu max(0,z); leaky_relu z>0 ? z : alpha z; elu z>0 ? z : alpha (e^z - 1).
   */
  biasActivation(
    m: number, n: number, z: Float32Array, bias: Float32Array,
    activation: FusedActivation, alpha: number, a: Float32Array,
  ): void;
  /**
   * grad[i] *= f'(z[i]) for i < count, given z and a = f(z) (they may be the same view):
   * relu (z>0), sigmoid a(1-a), tanh 1-a^2, leaky_relu z>0 ? 1 : alpha, elu z>0 ? 1 : a+alpha.
   */
  activationBackward(
    count: number, activation: FusedActivation, alpha: number,
    z: Float32Array, a: Float32Array, grad: Float32Array,
  ): void;
  /** db(n) = beta*db + sum over the m rows of dz(m,n): a dense layer's bias gradient. */
  biasGradient(m: number, n: number, dz: Float32Array, beta: 0 | 1, db: Float32Array): void;
  /**
   * Softmax + categorical cross-entropy from logits(m,n) and class indices labels[0..m):
   * dlogits = scale * (softmax(logits) - onehot(labels)) (scale is usually 1/batch); returns
   * the summed loss sum_i [logsumexp(logits_i) - logits_i[labels_i]]. dlogits may be logits.
   * `labels` may be any array (it is copied in).
   */
  softmaxCrossEntropy(
    m: number, n: number, logits: Float32Array, labels: ArrayLike<number>,
    scale: number, dlogits: Float32Array,
  ): number;
  /**
   * One Adam step over params.length values (Kingma & Ba 2015):
   * m = beta1 m + (1-beta1) g; v = beta2 v + (1-beta2) g^2; p -= stepSize m / (sqrt(v) vScale + epsilon).
   * Keras: stepSize = lr sqrt(1-beta2^t)/(1-beta1^t), vScale = 1.
   * PyTorch: stepSize = lr/(1-beta1^t), vScale = 1/sqrt(1-beta2^t).
   * To stay out of slow subnormal arithmetic, m is set to 0 once |m| < 1e-30 and v once
   * sqrt(v) < 1e-6 epsilon (p moves by at most stepSize 1e-30/epsilon less); NaN stays NaN.
   */
  adamUpdate(
    params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array,
    stepSize: number, beta1: number, beta2: number, epsilon: number, vScale: number,
  ): void;
  /**
   * Batch loading: out(count, rowLength) = source[rows[i]*rowLength + j] * scale, e.g. 32 MNIST
   * images (rowLength 784, scale 1/255) picked by index from the dataset's bytes (header
   * skipped; a SharedArrayBuffer view is fine). `source` is any Uint8Array, `out` a provider view.
   */
  gatherRows(
    source: Uint8Array, rows: ArrayLike<number>, count: number, rowLength: number,
    scale: number, out: Float32Array,
  ): void;
  /** sum of |x[i]| over the view (float32 lanes, summed in double every 4096 values): gradient statistics. */
  sumAbs(x: Float32Array): number;
}

/** What `createKernels` returns: gemm always, the fused passes where the provider has them. */
export type KernelProvider = Kernels & Partial<FusedKernels>;
