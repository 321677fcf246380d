// Shared by the ONNX tests: tiny MLPs with seeded weights (parity is the point, not accuracy),
// the activation cases (every built-in elementwise activation, parameter variants, custom
// expressions), the MNIST test images and a maximum |difference|.
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { loadDataset, type Dataset } from '../../../src/core/data/datasets';
import { hiddenActivation, type MlpNetwork } from '../../../src/core/onnx/index';
import { createRng } from '../../../src/core/random';
import type { ActivationSpec } from '../../../src/core/train/config';

export interface ActivationCase {
  label: string;
  spec: ActivationSpec;
}

/** Every built-in elementwise activation at its defaults, then non-default parameters, then custom expressions. */
export const ACTIVATION_CASES: ActivationCase[] = [
  ...ACTIVATIONS.filter((r) => r.kind === 'elementwise').map((r) => ({ label: r.id, spec: { id: r.id } })),
  { label: 'leaky_relu(alpha=0.2)', spec: { id: 'leaky_relu', params: { alpha: 0.2 } } },
  { label: 'elu(alpha=0.5)', spec: { id: 'elu', params: { alpha: 0.5 } } },
  { label: 'celu(alpha=2)', spec: { id: 'celu', params: { alpha: 2 } } },
  // beta and threshold off ONNX Softplus's: the expression path with where()
  { label: 'softplus(beta=2,threshold=3)', spec: { id: 'softplus', params: { beta: 2, threshold: 3 } } },
  { label: 'silu(beta=1.5)', spec: { id: 'silu', params: { beta: 1.5 } } },
  { label: 'hardtanh(min_val=-0.5,max_val=2)', spec: { id: 'hardtanh', params: { min_val: -0.5, max_val: 2 } } },
  { label: 'hard_sigmoid(alpha=0.25,beta=0.4)', spec: { id: 'hard_sigmoid', params: { alpha: 0.25, beta: 0.4 } } },
  { label: 'thresholded_relu(theta=0.5)', spec: { id: 'thresholded_relu', params: { theta: 0.5 } } },
  { label: 'softshrink(lambd=0.3)', spec: { id: 'softshrink', params: { lambd: 0.3 } } },
  { label: 'hardshrink(lambd=0.3)', spec: { id: 'hardshrink', params: { lambd: 0.3 } } },
  // a learned PReLU slope away from its 0.25 start
  { label: 'prelu(alpha=0.1)', spec: { id: 'prelu', params: { alpha: 0.1 } } },
  { label: 'custom swish2', spec: { custom: { name: 'swish2', expression: 'x*sigmoid(b*x)', params: { b: 2 } } } },
  { label: 'custom elu-like', spec: { custom: { name: 'myelu', expression: 'where(x > 0, x, a*(exp(x) - 1))', params: { a: 0.7 } } } },
  { label: 'custom step mix', spec: { custom: { name: 'stepmix', expression: '(x > 0)*x + (x <= 0)*0.1*x + (x != 0)*0.01', params: {} } } },
  { label: 'custom signed log', spec: { custom: { name: 'slog', expression: 'sign(x)*log(1 + abs(x))', params: {} } } },
  { label: 'custom trig', spec: { custom: { name: 'trig', expression: 'sin(x) + x*cos(x)/2 + erf(x)', params: {} } } },
  { label: 'custom roots', spec: { custom: { name: 'roots', expression: 'sqrt(x^2 + 1) - 1 + min(x, 0)^3/(2*pi)', params: {} } } },
];

/** An MLP (sizes) with the same activation in every hidden layer and seeded weights: uniform ±2·Glorot, biases ±0.5. */
export function tinyNetwork(spec: ActivationSpec, seed = 7, sizes = [784, 16, 8, 10]): MlpNetwork {
  const rng = createRng(seed);
  const dense = sizes.slice(0, -1).map((inputs, l) => {
    const units = sizes[l + 1];
    const limit = 2 * Math.sqrt(6 / (inputs + units));
    return {
      inputs,
      units,
      W: Float32Array.from({ length: inputs * units }, () => rng.uniform(-limit, limit)),
      b: Float32Array.from({ length: units }, () => rng.uniform(-0.5, 0.5)),
    };
  });
  return { rows: 28, cols: 28, dense, hidden: sizes.slice(1, -1).map(() => hiddenActivation(spec)) };
}

let mnist: Dataset | undefined;
export function mnistTest(): Dataset {
  mnist ??= loadDataset('mnist', { shared: false });
  return mnist;
}

/** The first n test images as float32 pixels in [0, 1]. // (n, 784) */
export function testPixels(n: number): Float32Array {
  const ds = mnistTest();
  return Float32Array.from(ds.test.images.subarray(0, n * 784), (b) => b / 255);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= max)) max = d !== d ? Infinity : d;
  }
  return max;
}
