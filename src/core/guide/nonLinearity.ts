// Why a network needs a non-linearity: one input x through the same three dense layers with no
// activation, ReLU or tanh between them. With none, W₃(W₂(W₁x + b₁) + b₂) + b₃ = Wx + b: however
// many layers, one straight line. The guide draws these rows (charts/guide.ts).
import { getActivation } from '../activations/registry';
import type { LocalizedText } from '../activations/types';
import { createRng } from '../random';
import type { GuideSection } from './content';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export interface DenseLayer {
  inputs: number;
  units: number;
  /** Row-major weights. // (units, inputs) */
  W: Float64Array;
  /** (units) */
  b: Float64Array;
}

/** The plot's network: 1 -> width -> width -> 1, Glorot-uniform weights and uniform(-1, 1) biases from a seed. */
export function denseStack(seed = 4, width = 8): DenseLayer[] {
  const rng = createRng(seed);
  const sizes = [1, width, width, 1];
  return sizes.slice(1).map((units, l) => {
    const inputs = sizes[l];
    const limit = Math.sqrt(6 / (inputs + units));
    return {
      inputs,
      units,
      W: Float64Array.from({ length: units * inputs }, () => rng.uniform(-limit, limit)),
      // biases spread the kinks of ReLU over the plotted x range instead of stacking them all at 0
      b: Float64Array.from({ length: units }, () => rng.uniform(-1, 1)),
    };
  });
}

/** The stack's output for one x, with the registry's activation `id` after every layer but the last. */
export function stackOutput(layers: readonly DenseLayer[], id: string, x: number): number {
  const act = getActivation(id);
  if (act.kind !== 'elementwise') throw new Error(`${id} is not an elementwise activation`);
  let h = Float64Array.of(x);
  layers.forEach((layer, l) => {
    const z = new Float64Array(layer.units);
    for (let i = 0; i < layer.units; i++) {
      let s = layer.b[i];
      for (let j = 0; j < layer.inputs; j++) s += layer.W[i * layer.inputs + j] * h[j];
      z[i] = l < layers.length - 1 ? act.f(s, {}) : s;
    }
    h = z;
  });
  return h[0];
}

export interface StackRow {
  activation: string;
  x: number;
  y: number;
}

/** The plot's rows: each activation's stack on n points of [lo, hi]. */
export function stackRows(ids: readonly string[] = STACK_ACTIVATIONS, lo = -3, hi = 3, n = 121, layers = denseStack()): StackRow[] {
  return ids.flatMap((id) => Array.from({ length: n }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (n - 1);
    return { activation: id, x, y: stackOutput(layers, id, x) };
  }));
}

export const STACK_ACTIVATIONS: readonly string[] = ['identity', 'relu', 'tanh'];

export const NON_LINEARITY: GuideSection = {
  id: 'nonLinearity',
  title: t('Why a network needs a non-linearity', '为什么需要非线性'),
  text: t(
    'A dense layer computes Wx + b, a linear (affine) map. Stack any number of them with no activation in between and the result is again one affine map, W₃(W₂(W₁x + b₁) + b₂) + b₃ = Wx + b: the extra layers add nothing. An activation between the layers bends the map, and with enough units the network can approximate any continuous function. The plot sends one input x through the same three layers (weights fixed by a seed) with no activation, with ReLU and with tanh.',
    '全连接层计算的是 Wx + b，一个线性（仿射）映射。不管叠多少层，只要层与层之间没有激活函数，结果仍然只是一个仿射映射：W₃(W₂(W₁x + b₁) + b₂) + b₃ = Wx + b，多出来的层毫无用处。在层间加入激活函数，映射才会弯折；只要神经元足够多，网络就能逼近任意连续函数。下图把同一个输入 x 送进同一个三层网络（权重由固定的随机种子生成），分别不用激活函数、使用 ReLU 和使用 Tanh。',
  ),
  link: { view: 'compare', activations: ['identity', 'relu', 'tanh'] },
};
