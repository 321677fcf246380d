// The shape of one activation record. Every surface (trainer, plots, hovers, guide, ONNX
// exporter, CLI) reads these records from the one registry in `registry.ts`; nothing else
// defines an activation.

/** Float arrays the vectorized forms accept: float32 for the trainer, float64 for analyses. */
export type FloatArray = Float32Array | Float64Array;

/** Parameter values by name, e.g. `{ alpha: 0.01 }`. Missing names take the record's defaults. */
export type Params = Readonly<Record<string, number>>;

export type Framework = 'pytorch' | 'keras' | 'tensorflow' | 'jax' | 'onnx' | 'tfjs';

export interface ParamSpec {
  name: string;
  /** The lab's default (PyTorch's where frameworks differ, which is also the tutorial's). */
  default: number;
  /** Each framework's own default where it differs from `default` (Keras LeakyReLU 0.3, ...). */
  frameworkDefaults?: Partial<Record<Framework, number>>;
  min?: number;
  max?: number;
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
  f(x: number, p: Params): number;
  df(x: number, p: Params): number;
  /** out[i] = f(z[i]); `out` may be `z`. */
  forward(z: FloatArray, out: FloatArray, p: Params): void;
  /** grad[i] *= f'(z[i]), given the pre-activation `z` and the output `a = f(z)` (either may be used). */
  backward(z: FloatArray, a: FloatArray, grad: FloatArray, p: Params): void;
}
