// Test-only activation records written from their textbook formulas (not from the registry), so the
// trainer's tests stand on their own; the registry's records are checked through the same tests
// in gradients.test.ts.
import type { ElementwiseKernel, FloatArray, Params } from '../../../src/core/activations/types';
import type { LayerActivation } from '../../../src/core/train/activation';

function record(f: (x: number, p: Params) => number, df: (x: number, p: Params) => number): ElementwiseKernel {
  return {
    kind: 'elementwise',
    f,
    df,
    forward(z: FloatArray, out: FloatArray, p: Params) {
      for (let i = 0; i < z.length; i++) out[i] = f(z[i], p);
    },
    backward(z: FloatArray, _a: FloatArray, grad: FloatArray, p: Params) {
      for (let i = 0; i < z.length; i++) grad[i] *= df(z[i], p);
    },
  };
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));

export const TEST_RECORDS: Record<string, { kernel: ElementwiseKernel; params: Record<string, number>; learnable: string[] }> = {
  relu: { kernel: record((x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0)), params: {}, learnable: [] },
  sigmoid: { kernel: record(sig, (x) => sig(x) * (1 - sig(x))), params: {}, learnable: [] },
  tanh: { kernel: record(Math.tanh, (x) => 1 - Math.tanh(x) ** 2), params: {}, learnable: [] },
  leaky_relu: { kernel: record((x, p) => (x > 0 ? x : p.alpha * x), (x, p) => (x > 0 ? 1 : p.alpha)), params: { alpha: 0.01 }, learnable: [] },
  prelu: { kernel: record((x, p) => (x > 0 ? x : p.alpha * x), (x, p) => (x > 0 ? 1 : p.alpha)), params: { alpha: 0.25 }, learnable: ['alpha'] },
};

export function testActivation(id: string): LayerActivation {
  const r = TEST_RECORDS[id];
  if (!r) throw new Error(`unknown activation '${id}'`);
  return { name: id, kernel: r.kernel, params: { ...r.params }, learnable: [...r.learnable] };
}
