// Optional fused passes a kernel provider may offer beside `gemm` (the WebAssembly one does).
// The trainer uses them when present and falls back to the activation registry's own loops
// otherwise. All arrays are views from the provider's `alloc`; shapes are row-major.

import type { CompilableExpression } from './exprWasm/compile';
import type { Kernels } from './types';

/**
 * Activations the fused passes know: every elementwise activation of the registry, by id, and
 * 'linear' (the output layer's logits). prelu runs leaky_relu's pass with its learned slope.
 */
export const FUSED_ACTIVATIONS = [
  'linear', 'identity', 'relu', 'sigmoid', 'tanh', 'leaky_relu', 'prelu', 'elu', 'selu', 'celu', 'gelu',
  'gelu_tanh', 'silu', 'mish', 'softplus', 'softsign', 'hard_sigmoid', 'hard_swish', 'relu6', 'hardtanh',
  'thresholded_relu', 'log_sigmoid', 'tanhshrink', 'softshrink', 'hardshrink',
] as const;
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

export function isFusedActivation(id: string): id is FusedActivation {
  return (FUSED_ACTIVATIONS as readonly string[]).includes(id);
}

export interface FusedKernels {
  /**
   * Dense-layer epilogue: z(m,n) += bias(n) on every row, then a(m,n) = f(z) and, when `d` is
   * given, d(m,n) = f'(z) in the same pass (training: the backward pass is then one multiply).
   * `params` are the activation's parameter values in its registry record's order (leaky_relu
   * [alpha], hardtanh [min_val, max_val], ...). `a` may be `z` (then only f(z) is kept).
   */
  biasActivation(
    m: number, n: number, z: Float32Array, bias: Float32Array,
    activation: FusedActivation, params: ArrayLike<number>, a: Float32Array, d?: Float32Array | null,
  ): void;
  /** grad[i] *= f'(z[i]) for i < count, f' computed from z. */
  activationBackward(count: number, activation: FusedActivation, params: ArrayLike<number>, z: Float32Array, grad: Float32Array): void;
  /**
   * sum_i grad[i] df/dp(z[i]) over i < count for parameter number `which` of the activation
   * (its gradient, given dL/da in grad); 0 for a parameter whose derivative is 0 almost everywhere.
   */
  activationParamGradient(
    count: number, activation: FusedActivation, which: number, params: ArrayLike<number>, z: Float32Array, grad: Float32Array,
  ): number;
  /** x[i] *= y[i] for i < count. */
  multiply(count: number, x: Float32Array, y: Float32Array): void;
  /** z(m,n) += bias(n) on every row. */
  addBias(m: number, n: number, z: Float32Array, bias: Float32Array): void;
  /**
   * A custom activation's f, f' and df/dp compiled to WebAssembly over this provider's memory, or
   * the reason it stays on the JavaScript path.
   */
  compileExpression(expr: CompilableExpression): CompiledActivation | { fallback: string };
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

/** A compiled custom activation working on views of its provider's memory. */
export interface CompiledActivation {
  readonly paramNames: readonly string[];
  /** Size of the module compiled for it. */
  readonly moduleBytes: number;
  /** Vector values per four inputs in the training pass (f and f' sharing), and without sharing. */
  readonly sharedValues: number;
  readonly unsharedValues: number;
  /** As `FusedKernels.biasActivation`. */
  biasActivation(m: number, n: number, z: Float32Array, bias: Float32Array, params: ArrayLike<number>, a: Float32Array, d?: Float32Array | null): void;
  /** grad[i] *= f'(z[i]) for i < count. */
  backward(count: number, params: ArrayLike<number>, z: Float32Array, grad: Float32Array): void;
  /** out[k] = sum_i grad[i] df/dp_k(z[i]) over i < count, for every parameter k. */
  paramGradients(count: number, params: ArrayLike<number>, z: Float32Array, grad: Float32Array, out: Float64Array): void;
}

/** What `createKernels` returns: gemm always, the fused passes where the provider has them. */
export type KernelProvider = Kernels & Partial<FusedKernels>;
