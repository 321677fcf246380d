// The playground's small MLP on 2-D points: features in, up to six hidden dense layers of up to
// eight neurons (an activation each, from the registry or a user's expression), one output: a
// sigmoid probability of class 1 for classification, a linear value for regression (the
// tutorial's output-layer advice). It reuses the lab's MLP pieces (mlp.ts: one flat parameter
// buffer, Glorot initialisation, denseForward / denseBackward) with the plain TypeScript kernels,
// which run anywhere, a browser worker included. Plain SGD, as TF Playground trains.

import type { ElementwiseActivation } from '../activations/types';
import { getActivation } from '../activations/registry';
import { createJsKernels } from '../kernels/js';
import type { Kernels } from '../kernels/types';
import { createRng, deriveSeed } from '../random';
import { paramDerivative, type LayerActivation } from '../train/activation';
import type { ActivationSpec } from '../train/config';
import { denseBackward, denseForward, denseViews, initDense, paramLayout, type DenseView, type ParamLayout } from '../train/mlp';
import { resolveLayerActivation } from '../train/resolveActivation';
import type { Task } from './data';
import type { FeatureId } from './features';

export const LOSSES = ['cross_entropy', 'squared_error'] as const;
export type LossKind = (typeof LOSSES)[number];
export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type Regularization = (typeof REGULARIZATIONS)[number];

/** TF Playground's limits: six hidden layers of at most eight neurons. */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

/** What the network is: its inputs, its hidden layers and their activations, its task. */
export interface NetworkSpec {
  task: Task;
  /** The input features, in FEATURES order. */
  features: FeatureId[];
  /** Hidden layer widths, input side first (none: a single logistic or linear unit). */
  hidden: number[];
  /** One activation per hidden layer. */
  activations: ActivationSpec[];
}

/** How it learns; may change while it trains (TF Playground applies them at the next step). */
export interface TrainSettings {
  learningRate: number;
  batchSize: number;
  /** Classification: cross-entropy or squared error; regression always squared error. */
  loss: LossKind;
  regularization: Regularization;
  regularizationRate: number;
}

/** The loss a task trains with: regression has only squared error. */
export function effectiveLoss(task: Task, loss: LossKind): LossKind {
  return task === 'regression' ? 'squared_error' : loss;
}

/** Every problem with a network spec, in words; empty when it is valid. */
export function networkProblems(spec: NetworkSpec): string[] {
  const p: string[] = [];
  if (spec.features.length === 0) p.push('choose at least one input feature');
  if (spec.hidden.length > MAX_HIDDEN_LAYERS) p.push(`at most ${MAX_HIDDEN_LAYERS} hidden layers, got ${spec.hidden.length}`);
  spec.hidden.forEach((h, i) => {
    if (!Number.isInteger(h) || h < 1 || h > MAX_NEURONS) p.push(`hidden layer ${i + 1} needs 1 to ${MAX_NEURONS} neurons, got ${h}`);
  });
  if (spec.activations.length !== spec.hidden.length) p.push(`give one activation per hidden layer (${spec.hidden.length}), got ${spec.activations.length}`);
  return p;
}

/** Layer widths, input to output: [features, ...hidden, 1]. */
export function networkSizes(spec: Pick<NetworkSpec, 'features' | 'hidden'>): number[] {
  return [spec.features.length, ...spec.hidden, 1];
}

/** The output unit's activation, from the registry: sigmoid for binary classification, identity for regression. */
export function outputActivation(task: Task): ElementwiseActivation {
  const record = getActivation(task === 'classification' ? 'sigmoid' : 'identity');
  if (record.kind !== 'elementwise') throw new Error(`internal error: ${record.id} is not elementwise`);
  return record;
}

const NO_PARAMS: Readonly<Record<string, number>> = Object.freeze({});

export class PlaygroundNetwork {
  readonly layout: ParamLayout;
  /** [W1 b1 ... Wn bn, learned activation parameters]; W is (inputs, units). */
  readonly params: Float32Array;
  /** Gradients of the mean loss, laid out as params (overwritten by each lossAndGradients). */
  readonly grads: Float32Array;
  readonly acts: LayerActivation[];
  readonly output: ElementwiseActivation;
  private readonly k: Kernels = createJsKernels();
  private readonly W: DenseView[];
  private readonly dW: DenseView[];
  private capacity = 0;
  // Per layer l (hidden layers, then the output): z (rows, units) pre-activations, a = f(z), d the gradient.
  private zBuf: Float32Array[] = [];
  private aBuf: Float32Array[] = [];
  private dBuf: Float32Array[] = [];
  // Views of exactly rows*units values, remade only when the row count changes.
  private viewRows = -1;
  private zView: Float32Array[] = [];
  private aView: Float32Array[] = [];
  private dView: Float32Array[] = [];

  /** Throws an Error naming the problem for a bad spec or an activation that cannot train. */
  constructor(readonly spec: NetworkSpec, seed: number) {
    const problems = networkProblems(spec);
    if (problems.length) throw new Error(`invalid network: ${problems.join('; ')}`);
    this.acts = spec.activations.map((a, i) => {
      try {
        return resolveLayerActivation(a);
      } catch (e) {
        throw new Error(`hidden layer ${i + 1}: ${(e as Error).message}`);
      }
    });
    this.output = outputActivation(spec.task);
    this.layout = paramLayout(networkSizes(spec), this.acts.map((a) => a.learnable));
    this.params = new Float32Array(this.layout.total);
    this.grads = new Float32Array(this.layout.total);
    // The same seed gives the same weights whatever the activations: a race starts level.
    initDense(this.params, this.layout, 'glorot_uniform', createRng(deriveSeed(seed, 'playground-init')));
    for (const slot of this.layout.activationParams) this.params[slot.offset] = this.acts[slot.layer].params[slot.name]!;
    this.W = denseViews(this.params, this.layout);
    this.dW = denseViews(this.grads, this.layout);
  }

  get layers(): number {
    return this.layout.dense.length;
  }

  /** Neurons per layer after the input: hidden widths, then the output's 1. */
  get units(): number[] {
    return this.layout.sizes.slice(1);
  }

  private ensure(rows: number): void {
    if (rows > this.capacity) {
      this.capacity = Math.max(rows, 2 * this.capacity);
      const units = this.units;
      this.zBuf = units.map((u) => new Float32Array(this.capacity * u));
      this.aBuf = units.map((u) => new Float32Array(this.capacity * u));
      this.dBuf = units.map((u) => new Float32Array(this.capacity * u));
      this.viewRows = -1;
    }
    if (rows !== this.viewRows) {
      const units = this.units;
      const view = (bufs: Float32Array[]) => bufs.map((b, l) => b.subarray(0, rows * units[l]));
      this.zView = view(this.zBuf);
      this.aView = view(this.aBuf);
      this.dView = view(this.dBuf);
      this.viewRows = rows;
    }
  }

  /** Learned activation parameters (PReLU's slope) from the buffer into the layers' records. */
  private syncLearned(): void {
    for (const slot of this.layout.activationParams) this.acts[slot.layer].params[slot.name] = this.params[slot.offset]!;
  }

  /**
   * The forward pass of `rows` inputs x (rows, features); returns the outputs (rows): probabilities
   * of class 1, or values. Every layer's outputs stay readable with `layerOutput` until the next pass.
   */
  forward(x: Float32Array, rows: number): Float32Array {
    this.ensure(rows);
    this.syncLearned();
    const last = this.layers - 1;
    let input = x;
    this.layout.dense.forEach((d, l) => {
      const z = this.zView[l];
      const a = this.aView[l];
      denseForward(this.k, input, this.W[l].W, this.W[l].b, z, rows, d.inputs, d.units);
      if (l < last) this.acts[l].kernel.forward(z, a, this.acts[l].params);
      else this.output.forward(z, a, NO_PARAMS);
      input = a;
    });
    return this.aView[last];
  }

  /** Layer l's outputs from the last forward pass: (rows, units[l]); the last layer is the network's output. */
  layerOutput(l: number): Float32Array {
    return this.aView[l];
  }

  /**
   * Mean loss over `rows` examples and its gradients into `grads`. x: (rows, features), y: (rows).
   * Cross-entropy on the sigmoid: log(1 + e^z) - y z, dL/dz = p - y (stable through softplus);
   * squared error: (out - y)² / 2 (TF Playground's), dL/dz = (out - y) f'(z).
   */
  lossAndGradients(x: Float32Array, y: ArrayLike<number>, rows: number, loss: LossKind): number {
    const out = this.forward(x, rows);
    const last = this.layers - 1;
    const z = this.zView[last];
    const dz = this.dView[last];
    const kind = effectiveLoss(this.spec.task, loss);
    let total = 0;
    const scale = 1 / rows;
    if (kind === 'cross_entropy') {
      for (let r = 0; r < rows; r++) {
        const zr = z[r];
        const t = y[r];
        total += Math.max(zr, 0) - t * zr + Math.log1p(Math.exp(-Math.abs(zr)));
        dz[r] = (out[r] - t) * scale;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const e = out[r] - y[r];
        total += 0.5 * e * e;
        dz[r] = e * scale;
      }
      this.output.backward(z, out, dz, NO_PARAMS);
    }
    for (let l = last; l >= 0; l--) {
      const d = this.layout.dense[l];
      const input = l === 0 ? x : this.aView[l - 1];
      const dX = l === 0 ? null : this.dView[l - 1];
      denseBackward(this.k, input, this.W[l].W, this.dView[l], this.dW[l].W, this.dW[l].b, dX, rows, d.inputs, d.units);
      if (l === 0) continue;
      // dX holds dL/da of hidden layer l-1: first its learned parameters' gradients, then dL/dz = dL/da · f'(z).
      const h = l - 1;
      const act = this.acts[h];
      const zh = this.zView[h];
      for (const slot of this.layout.activationParams) {
        if (slot.layer !== h) continue;
        let g = 0;
        for (let i = 0; i < zh.length; i++) g += dX![i] * paramDerivative(act, slot.name, zh[i]);
        this.grads[slot.offset] = g;
      }
      act.kernel.backward(zh, this.aView[h], dX!, act.params);
    }
    return total / rows;
  }

  /** Mean loss over a set, without gradients. x: (rows, features), y: (rows). NaN for an empty set. */
  loss(x: Float32Array, y: ArrayLike<number>, rows: number, loss: LossKind): number {
    if (rows === 0) return NaN;
    const out = this.forward(x, rows);
    const z = this.zView[this.layers - 1];
    const kind = effectiveLoss(this.spec.task, loss);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      if (kind === 'cross_entropy') {
        const zr = z[r];
        total += Math.max(zr, 0) - y[r] * zr + Math.log1p(Math.exp(-Math.abs(zr)));
      } else {
        const e = out[r] - y[r];
        total += 0.5 * e * e;
      }
    }
    return total / rows;
  }

  /**
   * One SGD step from `grads`: p -= lr g. Weights (not biases, not activation parameters) are
   * regularised: L2 adds rate·w to the gradient (penalty rate/2 ‖w‖²); L1 is the proximal step
   * w = sign(w') max(0, |w'| - lr·rate) after w' = w - lr g, so weights reach exactly zero (as
   * TF Playground's L1, which clips a weight that crosses zero).
   */
  update(settings: Pick<TrainSettings, 'learningRate' | 'regularization' | 'regularizationRate'>): void {
    const lr = settings.learningRate;
    const p = this.params;
    const g = this.grads;
    for (let i = 0; i < p.length; i++) p[i] = p[i] - lr * g[i];
    const rate = settings.regularizationRate;
    if (settings.regularization === 'none' || !(rate > 0)) return;
    const shrink = lr * rate;
    for (const d of this.layout.dense) {
      const end = d.weightOffset + d.inputs * d.units;
      if (settings.regularization === 'l2') {
        // w - lr (g + rate w_old) = (w - lr g) - lr rate w_old
        for (let i = d.weightOffset; i < end; i++) p[i] = p[i] - shrink * (p[i] + lr * g[i]);
      } else {
        for (let i = d.weightOffset; i < end; i++) {
          const w = p[i];
          p[i] = w > shrink ? w - shrink : w < -shrink ? w + shrink : 0;
        }
      }
    }
  }
}
