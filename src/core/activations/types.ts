// The shape of one activation record. Every surface (trainer, plots, hovers, guide, ONNX
// exporter, CLI) reads these records from the one registry in `registry.ts`; nothing else
// defines an activation.
import type { ParamMessage } from './paramMessages';

/** Float arrays the vectorized forms accept: float32 for the trainer, float64 for analyses. */
export type FloatArray = Float32Array | Float64Array;

/** Parameter values by name, e.g. `{ alpha: 0.01 }`. Missing names take the record's defaults. */
export type Params = Readonly<Record<string, number>>;

export type Framework = 'pytorch' | 'keras' | 'tensorflow' | 'jax' | 'onnx' | 'tfjs';

export const FRAMEWORKS: readonly Framework[] = ['pytorch', 'keras', 'tensorflow', 'jax', 'onnx', 'tfjs'];

export interface ParamSpec {
  name: string;
  /** The lab's default (PyTorch's where frameworks differ, which is also the tutorial's). */
  default: number;
  /** Each framework's own default where it differs from `default` (Keras LeakyReLU 0.3, ...). */
  frameworkDefaults?: Partial<Record<Framework, number>>;
  /**
   * Defaults of single aliases that differ from their framework's (Keras 3's function
   * `keras.activations.leaky_relu` 0.2 vs its layer `keras.layers.LeakyReLU` 0.3).
   */
  aliasDefaults?: Readonly<Record<string, number>>;
  /** The parameter's name in each framework where it differs (PyTorch `negative_slope`). */
  frameworkNames?: Partial<Record<Framework, string>>;
  min?: number;
  max?: number;
  /** Whether `min`/`max` themselves are excluded (softplus beta > 0). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Learned during training (PReLU's slope). */
  learnable?: boolean;
  doc?: LocalizedText;
}

export interface LocalizedText {
  en: string;
  'zh-cn': string;
}

/**
 * An elementwise activation: y_i = f(x_i). `forward`/`backward` are the trainer's in-place
 * vectorized forms, side by side.
 */
export interface ElementwiseKernel {
  kind: 'elementwise';
  // Function properties, not methods: f and df are pure and are handed around on their own.
  f: (x: number, p: Params) => number;
  df: (x: number, p: Params) => number;
  /**
   * df/dp for each parameter, by name (the learned-parameter gradients). A parameter at which f
   * jumps (a threshold) has derivative 0 almost everywhere. Absent: the trainer differences f.
   */
  dparams?: Readonly<Record<string, (x: number, p: Params) => number>>;
  /** out[i] = f(z[i]); `out` may be `z`. */
  forward(z: FloatArray, out: FloatArray, p: Params): void;
  /** grad[i] *= f'(z[i]), given the pre-activation `z` and the output `a = f(z)` (either may be used). */
  backward(z: FloatArray, a: FloatArray, grad: FloatArray, p: Params): void;
}

/**
 * A vector activation over the last axis (softmax, log_softmax): each row of n values maps to
 * n values that depend on the whole row.
 */
export interface VectorKernel {
  kind: 'vector';
  /** y = f(x) for one vector x (n). */
  apply(x: ArrayLike<number>, p: Params): Float64Array;
  /** The Jacobian at x, row-major: J[i * n + j] = dy_i / dx_j. // (n, n) */
  jacobian(x: ArrayLike<number>, p: Params): Float64Array;
  /** Jacobian-vector product J(x) v (forward mode). */
  jvp(x: ArrayLike<number>, v: ArrayLike<number>, p: Params): Float64Array;
  /** Vector-Jacobian product J(x)^T g (reverse mode, what backpropagation needs). */
  vjp(x: ArrayLike<number>, g: ArrayLike<number>, p: Params): Float64Array;
  /** Row-wise over z (B, n): out = f(z); `out` may be `z`. */
  forward(z: FloatArray, out: FloatArray, n: number, p: Params): void;
  /** Row-wise in place: grad (B, n) <- J^T grad, given z (B, n) and a = f(z) (B, n). */
  backward(z: FloatArray, a: FloatArray, grad: FloatArray, n: number, p: Params): void;
}

/** A formula in two notations: plain Unicode for hovers and the CLI, LaTeX for the lab. */
export interface MathText {
  unicode: string;
  latex: string;
  /** The Unicode form in Simplified Chinese, for formulas with words in them ("1 if x > 0, else 0"). */
  'zh-cn'?: string;
}

/** The set of values f takes over the real line. Infinite ends are ±Infinity. */
export interface OutputRange {
  min: number;
  max: number;
  /** Whether the end is attained (relu's 0: yes; sigmoid's 0 and 1: no). */
  minIncluded: boolean;
  maxIncluded: boolean;
}

/** What the record claims; `analysis/` measures the same things numerically and a test compares. */
export interface DeclaredProperties {
  /** Non-decreasing or non-increasing over the real line (per component for vector kinds). */
  monotonic: boolean;
  /** Continuously differentiable everywhere (no kink, no jump). */
  smooth: boolean;
  /** E[f(z)] = 0 for z ~ N(0, 1) (|mean| < 0.05). */
  zeroCentred: boolean;
}

export interface Paper {
  title: string;
  authors: string;
  year: number;
  url: string;
  venue?: string;
}

/** An ONNX attribute or constant input: a literal, or the record's parameter by name. */
export type OnnxValue = number | string | { param: string };

export interface OnnxNativeOp {
  /** The operator in the default domain (ai.onnx), e.g. 'LeakyRelu'. */
  op: string;
  /** The opset that introduced the operator. */
  sinceOpset: number;
  attributes?: Readonly<Record<string, OnnxValue>>;
  /** Constant inputs after X, in order (Clip's min and max from opset 11, PRelu's slope). */
  extraInputs?: readonly { name: string; value: OnnxValue }[];
  /** The op equals f only for these parameter values; otherwise export the expression. */
  when?: Readonly<Record<string, number>>;
}

export interface OnnxMapping {
  /** The native operator, where the operator set has one. */
  native?: OnnxNativeOp;
  /** Why there is no native op, or what to watch for. */
  note?: string;
}

/** Everything a record says about an activation, whichever kind it is. */
export interface ActivationInfo {
  id: string;
  /** The name in English, and in every language where `displayNames` gives no other. */
  displayName: string;
  /**
   * The name in Simplified Chinese where the English name carries words ('Identity (linear)':
   * '恒等（线性）'); absent, the name is the function's own (ReLU, GELU) in every language.
   * Surfaces read names through `displayNameIn` (locale.ts), never these fields.
   */
  displayNames?: { readonly 'zh-cn': string };
  origin: 'builtin' | 'custom';
  /** One of the tutorial's own activations (sigmoid, tanh, relu, leaky_relu, elu, softmax). */
  tutorial?: boolean;
  /**
   * Names in each framework: `nn.ReLU`, `F.relu`, `torch.relu`, `keras.activations.relu`,
   * `keras.layers.ReLU`, the string form `'relu'` (quoted) for `activation='relu'`, ...
   */
  aliases: Partial<Record<Framework, readonly string[]>>;
  params: readonly ParamSpec[];
  /** A problem that spans several parameters (hardtanh's min_val < max_val) as a message; else undefined. */
  checkParams?(p: Readonly<Record<string, number>>): ParamMessage | undefined;
  formula: MathText;
  derivative: MathText;
  range: OutputRange;
  properties: DeclaredProperties;
  /** One line for hovers and lists. */
  doc: LocalizedText;
  pros: readonly LocalizedText[];
  cons: readonly LocalizedText[];
  /** The paper that introduced or named it. */
  paper?: Paper;
  onnx: OnnxMapping;
}

export interface ElementwiseActivation extends ActivationInfo, ElementwiseKernel {
  /**
   * f in the lab's expression language (src/core/expr), over x and the record's parameter
   * names; mathematically equal to f. The ONNX exporter compiles it where no native op exists.
   */
  expression: string;
}

export interface VectorActivation extends ActivationInfo, VectorKernel {}

export type ActivationRecord = ElementwiseActivation | VectorActivation;
