// The training loop: the tutorial's Keras experiment. All matrix work goes through a kernel
// provider (plain TypeScript by default); a provider's fused passes (bias + activation, softmax +
// cross-entropy, Adam, batch loading, gradient sums) are used where it has them. Everything is
// allocated once through `kernels.alloc` (parameters, gradients and Adam moments each one flat
// buffer with named views).
// The loop is synchronous: a worker runs it and stops it through `isCancelled` (an Atomics flag),
// polled every batch.

import { Buffer } from 'node:buffer';
import type { Dataset } from '../data/datasets';
import { gatherBatch } from '../data/batch';
import { activationKernelFor, type ActivationKernel } from '../kernels/activationKernel';
import { createJsKernels } from '../kernels/js';
import type { KernelProvider } from '../kernels/fused';
import { createRng, deriveSeed } from '../random';
import { paramDerivative, type LayerActivation } from './activation';
import { adamStepSize, adamUpdate } from './adam';
import type { TrainConfig } from './config';
import { denseBackward, denseForward, denseViews, initDense, paramLayout, softmaxCrossEntropy, type DenseView, type ParamLayout } from './mlp';
import type { Divergence, EpochMetrics, Misclassified, Progress, RunOutcome, TestMetrics } from './results';

/** What a checkpoint holds: enough to continue bit-identically after `epoch` finished epochs. */
export interface TrainerState {
  epoch: number;
  /** Adam's step count t. */
  step: number;
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
  history: EpochMetrics[];
}

export interface TrainerOptions {
  /** Polled every batch; true stops the run, keeping the finished epochs. */
  isCancelled?: () => boolean;
  onProgress?: (p: Progress) => void;
  /** After each finished epoch, with the live state (valid only during the call): write a checkpoint here. */
  onEpoch?: (metrics: EpochMetrics, state: TrainerState) => void;
  /** After each training batch (1-based epoch and batch); the worker's fault injection for tests. */
  afterBatch?: (epoch: number, batch: number) => void;
  /** Continue from a checkpoint instead of initializing. */
  resume?: TrainerState;
  /** Minimum time between progress events (default 100 ms: at most ~10 a second). */
  progressIntervalMs?: number;
}

interface RowViews {
  x: Float32Array;
  z: Float32Array[];
  a: Float32Array[];
  d: Float32Array[];
  fp: Float32Array[];
}

/** How a hidden layer's activation runs: the provider's fused pass, a compiled expression, or the registry's loops ('js'). */
export type ActivationPath = 'fused' | 'compiled' | 'js';

const NO_PARAMS: number[] = [];

/** Mean |dL/dW| is sampled every this many batches (a separate pass over the weights' gradients). */
const GRADIENT_STATS_EVERY = 10;

export class MlpTrainer {
  readonly layout: ParamLayout;
  readonly kernels: KernelProvider;
  readonly params: Float32Array;
  readonly grads: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  readonly layers: DenseView[];
  readonly gradLayers: DenseView[];
  step = 0;

  private readonly maxRows: number;
  private readonly x: Float32Array; // (maxRows, inputs)
  private readonly y: Int32Array; // (maxRows)
  private readonly predicted: Int32Array; // (maxRows)
  private readonly z: Float32Array[]; // per dense layer: (maxRows, units) pre-activations
  private readonly a: Float32Array[]; // per dense layer: (maxRows, units) activations; the last holds softmax
  private readonly d: Float32Array[]; // per dense layer: (maxRows, units) dL/dz, dL/da before the activation's backward
  private readonly fp: Float32Array[]; // per hidden layer: (maxRows, units) f'(z), kept by the fused training pass
  private readonly rowViews = new Map<number, RowViews>();
  private readonly stats = { loss: 0, correct: 0 };
  private readonly fused: (ActivationKernel | null)[];
  /** Per hidden layer: the activation's parameter values in its kernel's order (refreshed with the learned ones). */
  private readonly fusedParams: Float32Array[];
  private readonly paramGradientSums: Float64Array;
  private readonly identityRows: Int32Array; // (maxRows) 0, 1, 2, ...: gatherRows over consecutive images
  /** Per hidden layer: how its activation runs. */
  readonly activationPaths: ActivationPath[];
  /** Why a layer's activation runs on the JavaScript loops although the kernels have fused passes (one line each). */
  readonly kernelNotes: string[] = [];

  constructor(
    readonly config: TrainConfig,
    readonly inputs: number,
    readonly classes: number,
    readonly activations: LayerActivation[],
    kernels: KernelProvider = createJsKernels(),
  ) {
    if (activations.length !== config.hidden.length) {
      throw new Error(`${config.hidden.length} hidden layers need ${config.hidden.length} activations, got ${activations.length}`);
    }
    this.kernels = kernels;
    this.layout = paramLayout([inputs, ...config.hidden, classes], activations.map((a) => a.learnable));
    const total = this.layout.total;
    this.params = kernels.alloc(total);
    this.grads = kernels.alloc(total);
    this.m = kernels.alloc(total);
    this.v = kernels.alloc(total);
    this.layers = denseViews(this.params, this.layout);
    this.gradLayers = denseViews(this.grads, this.layout);
    this.maxRows = Math.max(config.batchSize, config.evalBatchSize);
    this.x = kernels.alloc(this.maxRows * inputs);
    this.y = new Int32Array(this.maxRows);
    this.predicted = new Int32Array(this.maxRows);
    this.identityRows = Int32Array.from({ length: this.maxRows }, (_, i) => i);
    this.z = this.layout.dense.map((l) => kernels.alloc(this.maxRows * l.units));
    this.a = this.layout.dense.map((l) => kernels.alloc(this.maxRows * l.units));
    this.d = this.layout.dense.map((l) => kernels.alloc(this.maxRows * l.units));
    this.fused = activations.map((a) => {
      const k = activationKernelFor(kernels, a);
      if (k && 'fallback' in k) this.kernelNotes.push(`${a.name}: ${k.fallback}; it runs on the JavaScript path`);
      return k && !('fallback' in k) ? k : null;
    });
    this.activationPaths = this.fused.map((k) => k?.how ?? 'js');
    this.fusedParams = this.fused.map((k) => new Float32Array(k?.paramNames.length ?? 0));
    this.paramGradientSums = new Float64Array(Math.max(1, ...this.fusedParams.map((p) => p.length)));
    this.fp = this.layout.dense.slice(0, -1).map((l, i) => (this.fused[i] ? kernels.alloc(this.maxRows * l.units) : new Float32Array(0)));
    initDense(this.params, this.layout, config.init, createRng(deriveSeed(config.seed, 'init')));
    for (const slot of this.layout.activationParams) {
      this.params[slot.offset] = activations[slot.layer].params[slot.name]!;
    }
    this.refreshFusedParams();
  }

  /** Copies each fused layer's parameter values (learned ones included) into its kernel-ordered array. */
  private refreshFusedParams(): void {
    this.fused.forEach((k, l) => {
      if (!k) return;
      const values = this.activations[l].params;
      k.paramNames.forEach((name, i) => { this.fusedParams[l][i] = values[name]!; });
    });
  }

  get paramCount(): number {
    return this.layout.total;
  }

  /** Views of the work buffers for `rows` rows (cached: a handful of distinct batch sizes occur). */
  private views(rows: number): RowViews {
    let v = this.rowViews.get(rows);
    if (!v) {
      const dense = this.layout.dense;
      v = {
        x: this.x.subarray(0, rows * this.inputs),
        z: this.z.map((b, l) => b.subarray(0, rows * dense[l].units)),
        a: this.a.map((b, l) => b.subarray(0, rows * dense[l].units)),
        d: this.d.map((b, l) => b.subarray(0, rows * dense[l].units)),
        fp: this.fp.map((b, l) => (b.length ? b.subarray(0, rows * dense[l].units) : b)),
      };
      this.rowViews.set(rows, v);
    }
    return v;
  }

  /** Copies learned activation parameters from the parameter buffer into each layer's params. */
  private syncActivationParams(): void {
    for (const slot of this.layout.activationParams) {
      const value = this.params[slot.offset];
      this.activations[slot.layer].params[slot.name] = value;
    }
    if (this.layout.activationParams.length) this.refreshFusedParams();
  }

  /**
   * The batch loaded in x, y: forward through every layer; returns summed loss and hits in
   * `stats`. With `derivatives`, fused hidden layers also keep f'(z) (in fp) for the backward
   * pass; with `withGradient`, dL/dlogits goes to d[last].
   */
  private forward(rows: number, withGradient: boolean, derivatives = withGradient): void {
    const v = this.views(rows);
    const dense = this.layout.dense;
    const last = dense.length - 1;
    const k = this.kernels;
    for (let l = 0; l <= last; l++) {
      const { inputs, units } = dense[l];
      const x = l === 0 ? v.x : v.a[l - 1];
      const { W, b } = this.layers[l];
      const fused = l < last ? this.fused[l]! : null;
      if (fused) {
        // z = x W, then z += b, a = f(z) (and f'(z)) in one pass
        k.gemm(false, false, rows, units, inputs, x, W, 0, v.z[l]);
        fused.forward(rows, units, v.z[l], b, this.fusedParams[l], v.a[l], derivatives ? v.fp[l] : null);
      } else if (l === last && k.biasActivation) {
        k.gemm(false, false, rows, units, inputs, x, W, 0, v.z[l]);
        k.biasActivation(rows, units, v.z[l], b, 'linear', NO_PARAMS, v.z[l]);
      } else {
        denseForward(k, x, W, b, v.z[l], rows, inputs, units);
        if (l < last) {
          const act = this.activations[l];
          act.kernel.forward(v.z[l], v.a[l], act.params);
        }
      }
    }
    if (withGradient && k.softmaxCrossEntropy) {
      // The fused loss has no accuracy: count argmax hits on the logits first.
      this.stats.correct = argmaxHits(v.z[last], this.y, rows, this.classes);
      this.stats.loss = k.softmaxCrossEntropy(rows, this.classes, v.z[last], this.y, 1 / rows, v.d[last]);
    } else {
      softmaxCrossEntropy(v.z[last], this.y, v.a[last], withGradient ? v.d[last] : null,
        rows, this.classes, 1 / rows, this.stats, this.predicted);
    }
  }

  /** grad *= f'(z) for hidden layer l over `rows` rows: from the f'(z) the forward pass kept, or the registry's loop. */
  private activationBackward(l: number, rows: number, grad: Float32Array): void {
    const v = this.views(rows);
    if (this.fused[l]) {
      this.kernels.multiply!(rows * this.layout.dense[l].units, grad, v.fp[l]);
    } else {
      const act = this.activations[l];
      act.kernel.backward(v.z[l], v.a[l], grad, act.params);
    }
  }

  /** Backward from dL/dlogits (left in d[last] by forward) to every gradient. */
  private backward(rows: number): void {
    const v = this.views(rows);
    const dense = this.layout.dense;
    for (let l = dense.length - 1; l >= 0; l--) {
      const { inputs, units } = dense[l];
      denseBackward(this.kernels, l === 0 ? v.x : v.a[l - 1], this.layers[l].W, v.d[l],
        this.gradLayers[l].W, this.gradLayers[l].b, l === 0 ? null : v.d[l - 1], rows, inputs, units);
      if (l === 0) break;
      // d[l-1] now holds dL/da of hidden layer l-1; learned parameters first, then dL/dz = dL/da * f'(z).
      if (this.activations[l - 1].learnable.length) this.activationParamGradients(l - 1, v.z[l - 1], v.d[l - 1]);
      this.activationBackward(l - 1, rows, v.d[l - 1]);
    }
  }

  /** dL/dp = sum over the batch of dL/da * df/dp(z) for each learned parameter of hidden layer `layer`. */
  private activationParamGradients(layer: number, z: Float32Array, dA: Float32Array): void {
    const act = this.activations[layer];
    const fused = this.fused[layer];
    if (fused) {
      const sums = this.paramGradientSums;
      fused.paramGradients(z.length, this.fusedParams[layer], z, dA, sums);
      for (const slot of this.layout.activationParams) {
        if (slot.layer === layer) this.grads[slot.offset] = sums[fused.paramNames.indexOf(slot.name)]!;
      }
      return;
    }
    for (const slot of this.layout.activationParams) {
      if (slot.layer !== layer) continue;
      let g = 0;
      for (let i = 0; i < z.length; i++) g += dA[i] * paramDerivative(act, slot.name, z[i]);
      this.grads[slot.offset] = g;
    }
  }

  /**
   * Loss and gradients for a batch given as floats, parameters unchanged: what the gradient
   * checks compare with finite differences. x: (rows, inputs); returns the mean loss.
   */
  lossAndGradients(x: Float32Array, y: ArrayLike<number>, rows: number): number {
    if (rows > this.maxRows) throw new Error(`at most ${this.maxRows} rows per batch`);
    this.syncActivationParams();
    this.x.set(x.subarray(0, rows * this.inputs));
    for (let r = 0; r < rows; r++) this.y[r] = y[r]!;
    this.forward(rows, true);
    this.backward(rows);
    return this.stats.loss / rows;
  }

  /** Restores a checkpoint's parameters, moments and step. */
  restore(state: TrainerState): void {
    for (const [name, buf] of [['params', state.params], ['m', state.m], ['v', state.v]] as const) {
      if (buf.length !== this.layout.total) {
        throw new Error(`checkpoint ${name} has ${buf.length} values, this network has ${this.layout.total}`);
      }
    }
    this.params.set(state.params);
    this.m.set(state.m);
    this.v.set(state.v);
    this.step = state.step;
    this.syncActivationParams();
  }

  /** One Adam step over the whole parameter buffer: one flat loop. */
  private applyAdam(): void {
    this.step++;
    const c = this.config;
    const alpha = adamStepSize(c, this.step);
    if (this.kernels.adamUpdate) this.kernels.adamUpdate(this.params, this.grads, this.m, this.v, alpha, c.beta1, c.beta2, c.epsilon, 1);
    else adamUpdate(this.params, this.grads, this.m, this.v, 0, this.layout.total, alpha, c);
    if (this.layout.activationParams.length) this.syncActivationParams();
  }

  /** Adds each layer's mean |dL/dW| for the current gradients into sums. */
  private addGradientStats(sums: Float64Array): void {
    const k = this.kernels;
    this.gradLayers.forEach(({ W }, l) => {
      let s = 0;
      if (k.sumAbs) s = k.sumAbs(W);
      else for (let i = 0; i < W.length; i++) s += Math.abs(W[i]);
      sums[l] += s / W.length;
    });
  }

  /**
   * Loads `count` images into x and their labels into y: images `order[start..start+count)`, or
   * `start..start+count` when order is null. The provider's gatherRows converts the bytes when it has it.
   */
  private loadBatch(images: Uint8Array, labels: Uint8Array, order: Int32Array | null, start: number, count: number): void {
    const k = this.kernels;
    // gatherRows scales by float32(1/255): within one ulp of the tutorial's x / 255 (gatherBatch's table)
    if (!k.gatherRows) {
      gatherBatch(images, labels, this.inputs, order, start, count, this.x, this.y);
      return;
    }
    if (order) {
      const rows = order.subarray(start, start + count);
      k.gatherRows(images, rows, count, this.inputs, 1 / 255, this.x);
      for (let r = 0; r < count; r++) this.y[r] = labels[rows[r]]!;
    } else {
      k.gatherRows(images.subarray(start * this.inputs, (start + count) * this.inputs), this.identityRows, count, this.inputs, 1 / 255, this.x);
      for (let r = 0; r < count; r++) this.y[r] = labels[start + r]!;
    }
  }

  /**
   * Evaluates on images [start, start+count) of a split. Returns mean loss and accuracy; records
   * which hidden units ever pass gradient (for the dead-unit fraction) and, when asked, the
   * confusion matrix and misclassified examples.
   */
  evaluate(
    images: Uint8Array, labels: Uint8Array, start: number, count: number,
    extras: { everActive?: Uint8Array[]; confusion?: number[][]; misclassified?: Misclassified[]; keep?: number } = {},
    isCancelled?: () => boolean,
  ): { loss: number; accuracy: number } | null {
    this.syncActivationParams();
    const rowsMax = this.config.evalBatchSize;
    const dense = this.layout.dense;
    const last = dense.length - 1;
    let lossSum = 0;
    let correct = 0;
    for (let s = 0; s < count; s += rowsMax) {
      if (isCancelled?.()) return null;
      const rows = Math.min(rowsMax, count - s);
      this.loadBatch(images, labels, null, start + s, rows);
      this.forward(rows, false, Boolean(extras.everActive));
      lossSum += this.stats.loss;
      correct += this.stats.correct;
      const v = this.views(rows);
      if (extras.everActive) {
        for (let l = 0; l < last; l++) {
          // f'(z): a unit is active on an example when gradient can pass it (f'(z) != 0).
          let d = v.fp[l];
          if (!this.fused[l]) {
            d = v.d[l].fill(1);
            this.activationBackward(l, rows, d);
          }
          const units = dense[l].units;
          const flags = extras.everActive[l];
          for (let r = 0; r < rows; r++) {
            const o = r * units;
            for (let j = 0; j < units; j++) if (d[o + j] !== 0) flags[j] = 1;
          }
        }
      }
      if (extras.confusion || extras.misclassified) {
        const probs = v.a[last];
        const pixels = this.inputs;
        for (let r = 0; r < rows; r++) {
          const label = this.y[r];
          const pred = this.predicted[r];
          if (extras.confusion) extras.confusion[label][pred]++;
          if (extras.misclassified && label !== pred && extras.misclassified.length < (extras.keep ?? 0)) {
            const index = start + s + r;
            extras.misclassified.push({
              index,
              label,
              predicted: pred,
              probabilities: Array.from(probs.subarray(r * this.classes, (r + 1) * this.classes)),
              pixelsBase64: Buffer.from(images.subarray(index * pixels, (index + 1) * pixels)).toString('base64'),
            });
          }
        }
      }
    }
    return { loss: lossSum / count, accuracy: correct / count };
  }

  /** Trains on `dataset` as configured; synchronous (run it in a worker). */
  run(dataset: Dataset, options: TrainerOptions = {}): RunOutcome {
    const c = this.config;
    const pixels = dataset.rows * dataset.cols;
    if (pixels !== this.inputs) throw new Error(`the dataset has ${pixels} pixels per image, the network takes ${this.inputs} inputs`);
    const total = Math.min(c.limitTrain ?? dataset.train.count, dataset.train.count);
    // Keras's validation_split: split_at = floor(n * (1 - split)); the LAST part validates, unshuffled.
    const trainCount = Math.floor(total * (1 - c.validationSplit));
    const valCount = total - trainCount;
    const testCount = Math.min(c.limitTest ?? dataset.test.count, dataset.test.count);
    if (trainCount < 1) throw new Error(`no training examples left after the validation split (${total} images)`);
    const sizes = { train: trainCount, validation: valCount, test: testCount };
    const outcome = (status: RunOutcome['status'], history: EpochMetrics[], extra: Partial<RunOutcome> = {}): RunOutcome => ({
      status, history, kernels: this.kernels.name, paramCount: this.paramCount, sizes, ...extra,
    });

    let history: EpochMetrics[] = [];
    let firstEpoch = 1;
    if (options.resume) {
      this.restore(options.resume);
      history = options.resume.history.slice(0, options.resume.epoch);
      firstEpoch = options.resume.epoch + 1;
    }
    const resumed = options.resume ? { resumedFromEpoch: options.resume.epoch } : {};
    const isCancelled = options.isCancelled ?? (() => false);
    const interval = options.progressIntervalMs ?? 100;
    const batches = Math.ceil(trainCount / c.batchSize);
    const order = new Int32Array(trainCount);
    const dense = this.layout.dense;
    const gradSums = new Float64Array(dense.length);
    const { images, labels } = dataset.train;
    this.syncActivationParams();

    for (let epoch = firstEpoch; epoch <= c.epochs; epoch++) {
      const t0 = performance.now();
      for (let i = 0; i < trainCount; i++) order[i] = i;
      // Each epoch's permutation comes from its own stream: a resumed run shuffles as the original did.
      if (c.shuffle) createRng(deriveSeed(c.seed, 'shuffle', epoch)).shuffle(order);
      gradSums.fill(0);
      let gradSamples = 0;
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let lastProgress = t0;
      for (let b = 0; b < batches; b++) {
        if (isCancelled()) return outcome('cancelled', history, resumed);
        const start = b * c.batchSize;
        const rows = Math.min(c.batchSize, trainCount - start);
        this.loadBatch(images, labels, order, start, rows);
        this.forward(rows, true);
        const batchLoss = this.stats.loss;
        if (!Number.isFinite(batchLoss)) {
          const divergence: Divergence = { epoch, batch: b + 1, loss: batchLoss / rows };
          return outcome('diverged', history, { divergence, ...resumed });
        }
        lossSum += batchLoss;
        correct += this.stats.correct;
        seen += rows;
        this.backward(rows);
        if (b % GRADIENT_STATS_EVERY === 0) {
          this.addGradientStats(gradSums);
          gradSamples++;
        }
        this.applyAdam();
        options.afterBatch?.(epoch, b + 1);
        if (options.onProgress) {
          const now = performance.now();
          if (now - lastProgress >= interval || b + 1 === batches) {
            lastProgress = now;
            options.onProgress({
              epoch, epochs: c.epochs, batch: b + 1, batches, loss: lossSum / seen, accuracy: correct / seen,
              examplesPerSecond: seen / Math.max(1e-9, (now - t0) / 1000),
            });
          }
        }
      }
      const everActive = dense.slice(0, -1).map((d) => new Uint8Array(d.units));
      let val: { loss: number; accuracy: number } | null = null;
      if (valCount > 0) {
        val = this.evaluate(images, labels, trainCount, valCount, { everActive }, isCancelled);
        if (!val) return outcome('cancelled', history, resumed);
      }
      const metrics: EpochMetrics = {
        epoch,
        loss: lossSum / seen,
        accuracy: correct / seen,
        ...(val ? { val_loss: val.loss, val_accuracy: val.accuracy } : {}),
        seconds: (performance.now() - t0) / 1000,
        layers: dense.map((_, l) => ({
          meanAbsGradient: gradSums[l] / gradSamples,
          ...(l < dense.length - 1 && valCount > 0
            ? { deadUnitFraction: everActive[l].reduce((n, f) => n + (f ? 0 : 1), 0) / everActive[l].length }
            : {}),
        })),
        ...(this.layout.activationParams.length
          ? { learnedParams: this.activations.map((a) => Object.fromEntries(a.learnable.map((n) => [n, a.params[n]]))) }
          : {}),
      };
      history.push(metrics);
      options.onEpoch?.(metrics, { epoch, step: this.step, params: this.params, m: this.m, v: this.v, history });
    }

    const test = this.test(dataset, testCount, isCancelled);
    if (!test) return outcome('cancelled', history, resumed);
    return outcome('completed', history, { test, ...resumed });
  }

  /** Test loss and accuracy, the confusion matrix and the first misclassified images. */
  test(dataset: Dataset, count: number, isCancelled?: () => boolean): TestMetrics | null {
    const confusion = Array.from({ length: this.classes }, () => new Array<number>(this.classes).fill(0));
    const misclassified: Misclassified[] = [];
    const r = this.evaluate(dataset.test.images, dataset.test.labels, 0, count,
      { confusion, misclassified, keep: this.config.misclassifiedToKeep }, isCancelled);
    return r && { loss: r.loss, accuracy: r.accuracy, count, confusion, misclassified };
  }
}

/** How many rows' argmax (first maximum wins) equals the label. logits: (rows, classes). */
function argmaxHits(logits: Float32Array, y: Int32Array, rows: number, classes: number): number {
  let hits = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let arg = 0;
    for (let j = 1; j < classes; j++) if (logits[o + j] > logits[o + arg]) arg = j;
    if (arg === y[r]) hits++;
  }
  return hits;
}
