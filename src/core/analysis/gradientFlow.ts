// Gradient flow at initialisation (the vanishing-gradient picture): an MLP of L square layers
// z_l = h_{l−1} W_l, h_l = f(z_l), fed x ~ N(0, 1), backpropagates a random output gradient;
// the Frobenius norm of dLoss/dW_l for each layer, relative to the last layer's, averaged over
// seeds in log space (geometric mean). Deterministic for a given seed.
import { resolveParams } from '../activations/params';
import type { ElementwiseActivation, Params } from '../activations/types';
import { createRng, deriveSeed, type Rng } from '../random';
import { analyzeActivation } from './properties';

export type FlowInit = 'glorot_uniform' | 'he_normal' | 'lecun_normal' | 'gain';
export const FLOW_INITS: readonly FlowInit[] = ['glorot_uniform', 'he_normal', 'lecun_normal', 'gain'];

export interface GradientFlowOptions {
  /** Number of layers L, 1 to 50. */
  depth: number;
  /** Units per layer w, 1 to 1024. */
  width: number;
  /** Networks averaged (default 5). */
  seeds?: number;
  /** Base seed (default 0). */
  seed?: number;
  /** Input rows per network (default 32). */
  batch?: number;
  /**
   * Weight initialisation (biases are 0): Keras's default glorot_uniform (the tutorial's),
   * he_normal N(0, 2/w), lecun_normal N(0, 1/w), or 'gain': N(0, g²/w) with the activation's
   * variance-preserving gain g.
   */
  init?: FlowInit;
  params?: Params;
}

export interface GradientFlowResult {
  activation: string;
  params: Record<string, number>;
  depth: number;
  width: number;
  seeds: number;
  seed: number;
  batch: number;
  init: FlowInit;
  /** ‖dLoss/dW_l‖ / ‖dLoss/dW_L‖ for l = 1..L (index 0 is the first layer), geometric mean over seeds. */
  relativeGradNorm: number[];
  /** ‖dLoss/dW_l‖, geometric mean over seeds. */
  gradNorm: number[];
  /** Root-mean-square activation of each layer's output h_l at initialisation, averaged over seeds. */
  activationRms: number[];
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${v}`);
}

/** c(m, n) = a(m, k) · b(k, n); all row-major. */
function matmul(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p];
      if (av === 0) continue;
      const bo = p * n;
      const co = i * n;
      for (let j = 0; j < n; j++) c[co + j] += av * b[bo + j];
    }
  }
}

function initWeights(rng: Rng, w: number, init: FlowInit, gain: number): Float64Array {
  const out = new Float64Array(w * w);
  if (init === 'glorot_uniform') {
    const limit = Math.sqrt(6 / (w + w)); // Glorot & Bengio 2010: U(±sqrt(6/(fan_in + fan_out)))
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
  } else {
    const std = (init === 'he_normal' ? Math.SQRT2 : init === 'gain' ? gain : 1) / Math.sqrt(w);
    for (let i = 0; i < out.length; i++) out[i] = std * rng.normal();
  }
  return out;
}

/**
 * Forward and backward through L square layers: h_0 = x (B, w), z_l = h_{l−1} W_l, h_l = f(z_l);
 * with dLoss/dh_L = outGrad (B, w), returns dLoss/dW_l (each (w, w)) and the outputs h_1..h_L.
 */
export function networkGradients(
  record: ElementwiseActivation, params: Params, weights: readonly Float64Array[], x: Float64Array, outGrad: Float64Array, B: number, w: number,
): { dW: Float64Array[]; h: Float64Array[] } {
  const L = weights.length;
  const hs: Float64Array[] = [x];
  const zs: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const z = new Float64Array(B * w);
    matmul(hs[l], weights[l], z, B, w, w);
    const h = new Float64Array(B * w);
    record.forward(z, h, params);
    zs.push(z);
    hs.push(h);
  }
  const dWs = new Array<Float64Array>(L);
  let grad = Float64Array.from(outGrad);
  for (let l = L - 1; l >= 0; l--) {
    record.backward(zs[l], hs[l + 1], grad, params); // grad := dLoss/dz_l
    const hPrev = hs[l];
    const dW = new Float64Array(w * w); // dW = h_{l−1}ᵀ · grad
    for (let r = 0; r < B; r++) {
      for (let i = 0; i < w; i++) {
        const hv = hPrev[r * w + i];
        if (hv === 0) continue;
        for (let j = 0; j < w; j++) dW[i * w + j] += hv * grad[r * w + j];
      }
    }
    dWs[l] = dW;
    if (l > 0) {
      const next = new Float64Array(B * w); // dLoss/dh_{l−1} = grad · W_lᵀ
      const W = weights[l];
      for (let r = 0; r < B; r++) {
        for (let i = 0; i < w; i++) {
          let acc = 0;
          for (let j = 0; j < w; j++) acc += grad[r * w + j] * W[i * w + j];
          next[r * w + i] = acc;
        }
      }
      grad = next;
    }
  }
  return { dW: dWs, h: hs.slice(1) };
}

function oneNetwork(
  record: ElementwiseActivation, params: Params, L: number, w: number, B: number, init: FlowInit, gain: number, rng: Rng,
): { norms: number[]; rms: number[] } {
  const weights = Array.from({ length: L }, () => initWeights(rng, w, init, gain)); // each (w, w)
  const x = Float64Array.from({ length: B * w }, () => rng.normal()); // (B, w)
  const outGrad = Float64Array.from({ length: B * w }, () => rng.normal()); // dLoss/dh_L (B, w)
  const { dW, h } = networkGradients(record, params, weights, x, outGrad, B, w);
  const norm = (a: Float64Array): number => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
  return { norms: dW.map(norm), rms: h.map((a) => norm(a) / Math.sqrt(a.length)) };
}

/** The network cannot be measured: its outputs or gradients overflow at initialisation. */
export class GradientFlowError extends Error {
  constructor(readonly activation: string, readonly problem: string) {
    super(`${activation}: ${problem}`);
    this.name = 'GradientFlowError';
  }
}

/** Where a network's outputs or gradients stop being finite numbers, in words; undefined when all are finite. */
function nonFinite(norms: number[], rms: number[], seedIndex: number): string | undefined {
  const out = rms.findIndex((v) => !Number.isFinite(v));
  if (out >= 0) {
    return `the network overflows at initialisation: layer ${out + 1}'s outputs are not finite (${rms[out]}) in network ${seedIndex + 1}, ` +
      'so there is no gradient to measure (the activation grows too fast for this depth and init)';
  }
  const grad = norms.findIndex((v) => !Number.isFinite(v));
  if (grad >= 0) {
    return `the gradient reaching layer ${grad + 1} is not finite (${norms[grad]}) in network ${seedIndex + 1}: ` +
      "the activation's derivative overflows for this depth and init";
  }
  return undefined;
}

export function gradientFlow(record: ElementwiseActivation, options: GradientFlowOptions): GradientFlowResult {
  const { depth, width } = options;
  const seeds = options.seeds ?? 5;
  const seed = options.seed ?? 0;
  const batch = options.batch ?? 32;
  const init = options.init ?? 'glorot_uniform';
  checkInt('depth', depth, 1, 50);
  checkInt('width', width, 1, 1024);
  checkInt('seeds', seeds, 1, 100);
  checkInt('batch', batch, 1, 4096);
  checkInt('seed', seed, 0, 0xffffffff);
  if (!FLOW_INITS.includes(init)) throw new Error(`init must be one of ${FLOW_INITS.join(', ')}, got ${String(init)}`);
  const params = resolveParams(record, options.params);
  const gain = init === 'gain' ? analyzeActivation(record, params).initGain : 1;

  const logNorms = new Array<number>(depth).fill(0);
  const logRel = new Array<number>(depth).fill(0);
  const rmsSum = new Array<number>(depth).fill(0);
  for (let s = 0; s < seeds; s++) {
    const rng = createRng(deriveSeed(seed, 'gradient-flow', s));
    const { norms, rms } = oneNetwork(record, params, depth, width, batch, init, gain, rng);
    const problem = nonFinite(norms, rms, s);
    if (problem) throw new GradientFlowError(record.id, problem);
    const last = norms[depth - 1];
    for (let l = 0; l < depth; l++) {
      logNorms[l] += Math.log(norms[l]);
      logRel[l] += Math.log(norms[l] / last);
      rmsSum[l] += rms[l];
    }
  }
  return {
    activation: record.id,
    params,
    depth,
    width,
    seeds,
    seed,
    batch,
    init,
    relativeGradNorm: logRel.map((v) => Math.exp(v / seeds)),
    gradNorm: logNorms.map((v) => Math.exp(v / seeds)),
    activationRms: rmsSum.map((v) => v / seeds),
  };
}
