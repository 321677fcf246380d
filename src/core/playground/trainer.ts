// Trains one playground network on one train/test split, a batch at a time: the epoch counter
// counts passes over the training points (TF Playground's), the order is reshuffled each epoch
// from the seed, so two trainers with the same seed and data see the same batches (a race).
// It also evaluates every neuron over a grid of the plane for the heat maps.

import { createRng, deriveSeed, type Rng } from '../random';
import type { Point } from './data';
import { featureMatrix, gridPoints } from './features';
import { PlaygroundNetwork, type NetworkSpec, type TrainSettings } from './network';

/** A set of points as the network reads it: features (n, k) and labels (n). */
interface FeatureSet {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

function featureSet(points: readonly Point[], spec: NetworkSpec): FeatureSet {
  const xy = new Float32Array(points.length * 2);
  points.forEach((p, i) => { xy[2 * i] = p.x; xy[2 * i + 1] = p.y; });
  return { x: featureMatrix(xy, points.length, spec.features), y: Float32Array.from(points, (p) => p.label), n: points.length };
}

export interface Losses {
  /** Mean loss over the training points (NaN when there are none). */
  train: number;
  test: number;
}

export class PlaygroundTrainer {
  readonly network: PlaygroundNetwork;
  /** Complete passes over the training points. */
  epoch = 0;
  /** Batches trained. */
  steps = 0;
  private trainSet!: FeatureSet;
  private testSet!: FeatureSet;
  private order = new Uint32Array(0);
  private cursor = 0;
  private readonly rng: Rng;
  private batchX = new Float32Array(0);
  private batchY = new Float32Array(0);
  private gridCache: { n: number; x: Float32Array } | undefined;

  constructor(readonly spec: NetworkSpec, public settings: TrainSettings, data: { train: readonly Point[]; test: readonly Point[] }, readonly seed: number) {
    this.network = new PlaygroundNetwork(spec, seed);
    this.rng = createRng(deriveSeed(seed, 'playground-shuffle'));
    this.setData(data.train, data.test);
  }

  /** New points (the user's edits) for the same network: the weights stay, the epoch restarts its order. */
  setData(train: readonly Point[], test: readonly Point[]): void {
    this.trainSet = featureSet(train, this.spec);
    this.testSet = featureSet(test, this.spec);
    this.order = Uint32Array.from({ length: train.length }, (_, i) => i);
    this.rng.shuffle(this.order);
    this.cursor = 0;
  }

  get trainCount(): number {
    return this.trainSet.n;
  }

  /** One SGD step on the next batch (the last one of an epoch may be smaller); returns its mean loss, NaN without training points. */
  step(): number {
    const n = this.trainSet.n;
    if (n === 0) return NaN;
    const k = this.spec.features.length;
    const size = Math.max(1, Math.min(this.settings.batchSize, n - this.cursor));
    if (this.batchX.length < size * k) {
      this.batchX = new Float32Array(size * k);
      this.batchY = new Float32Array(size);
    }
    const { x, y } = this.trainSet;
    for (let r = 0; r < size; r++) {
      const i = this.order[this.cursor + r];
      this.batchX.set(x.subarray(i * k, (i + 1) * k), r * k);
      this.batchY[r] = y[i]!;
    }
    const loss = this.network.lossAndGradients(this.batchX, this.batchY, size, this.settings.loss);
    this.network.update(this.settings);
    this.steps++;
    this.cursor += size;
    if (this.cursor >= n) {
      this.epoch++;
      this.cursor = 0;
      this.rng.shuffle(this.order);
    }
    return loss;
  }

  /** Trains to the end of the current epoch (one whole pass from an epoch's start). */
  trainEpoch(): void {
    if (this.trainSet.n === 0) return;
    const epoch = this.epoch;
    while (this.epoch === epoch) this.step();
  }

  losses(): Losses {
    const { loss } = this.settings;
    return {
      train: this.network.loss(this.trainSet.x, this.trainSet.y, this.trainSet.n, loss),
      test: this.network.loss(this.testSet.x, this.testSet.y, this.testSet.n, loss),
    };
  }

  private grid(n: number): Float32Array {
    if (this.gridCache?.n !== n) this.gridCache = { n, x: featureMatrix(gridPoints(n), n * n, this.spec.features) };
    return this.gridCache.x;
  }

  /**
   * Every neuron's output over an n×n grid of the plane (rows from the top, see gridPoints):
   * (neurons, n*n), neurons layer by layer from the first hidden layer, the output last.
   */
  neuronMaps(n: number, out = new Float32Array(this.network.units.reduce((a, b) => a + b, 0) * n * n)): Float32Array {
    const cells = n * n;
    this.network.forward(this.grid(n), cells);
    let node = 0;
    this.network.units.forEach((units, l) => {
      const a = this.network.layerOutput(l); // (cells, units)
      for (let u = 0; u < units; u++, node++) {
        const o = node * cells;
        for (let c = 0; c < cells; c++) out[o + c] = a[c * units + u]!;
      }
    });
    return out;
  }

  /** One neuron's output over an n×n grid: layer counts hidden layers from 0, the output is layer `hidden.length`. */
  neuronMap(layer: number, unit: number, n: number, out = new Float32Array(n * n)): Float32Array {
    const cells = n * n;
    this.network.forward(this.grid(n), cells);
    const units = this.network.units[layer];
    const a = this.network.layerOutput(layer);
    for (let c = 0; c < cells; c++) out[c] = a[c * units + unit]!;
    return out;
  }
}
