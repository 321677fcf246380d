// What a training run reports: per-epoch metrics (Keras's history names), per-layer health,
// and the final test figures. Plain data: it crosses from workers to the page unchanged and is
// saved as JSON. Run statuses are declared here, once.

import type { KernelName } from '../kernels/types';

/** How a run can end. */
export const RUN_END_STATUSES = ['completed', 'cancelled', 'diverged', 'failed'] as const;
export type RunEndStatus = (typeof RUN_END_STATUSES)[number];

/** Every status a run passes through: waiting for a worker, training, then one of the ends. */
export const RUN_STATUSES = ['queued', 'running', ...RUN_END_STATUSES] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export function isRunEndStatus(s: unknown): s is RunEndStatus {
  return (RUN_END_STATUSES as readonly unknown[]).includes(s);
}

export interface LayerStats {
  /** Mean |dL/dW| of this layer's weights, sampled every 10th batch of the epoch (vanishing gradients show here). */
  meanAbsGradient: number;
  /** Hidden layers: fraction of units whose derivative f'(z) was 0 on every validation example. */
  deadUnitFraction?: number;
}

/** One epoch's metrics (Keras's history names). Non-finite values (a diverged run) are NaN (null in JSON). */
export interface EpochMetrics {
  /** 1-based, as Keras prints "Epoch 1/10". */
  epoch: number;
  /** Mean training loss over the epoch's batches (weights changing, as Keras reports it). */
  loss: number;
  accuracy: number;
  val_loss?: number;
  val_accuracy?: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
  /** One entry per dense layer, input to output. */
  layers: LayerStats[];
  /** Learned activation parameters at the end of the epoch (PReLU's slope), per hidden layer. */
  learnedParams?: Record<string, number>[];
}

export interface Misclassified {
  /** Index into the test set. */
  index: number;
  label: number;
  predicted: number;
  /** Softmax output, one per class. */
  probabilities: number[];
  /** The image's pixel bytes (rows*cols) in base64, so a saved run shows it without the dataset. */
  pixelsBase64: string;
}

export interface TestMetrics {
  loss: number;
  accuracy: number;
  /** Images the figures were measured on. */
  count: number;
  /** confusion[label][predicted]. */
  confusion: number[][];
  misclassified: Misclassified[];
}

export interface Divergence {
  epoch: number;
  /** 1-based batch within the epoch. */
  batch: number;
  loss: number;
}

/** Examples used: training part, validation part, test. */
export interface ExampleCounts {
  train: number;
  validation: number;
  test: number;
}

/** How a run ended: the payload of its `run/end` event. */
export interface RunOutcome {
  status: RunEndStatus;
  history: EpochMetrics[];
  test?: TestMetrics;
  divergence?: Divergence;
  /** Why a run failed, in words. */
  error?: string;
  /** Absent for a run that never started (cancelled in the queue, a worker that could not start). */
  kernels?: KernelName;
  paramCount?: number;
  sizes?: ExampleCounts;
  /** Epoch the run resumed after, when it continued from a checkpoint. */
  resumedFromEpoch?: number;
  /** Wall time from the start of its worker to the end, set by the pool that ran it (0: never started). */
  wallSeconds?: number;
}

/** A progress event within an epoch (throttled to at most ~10 a second). */
export interface Progress {
  epoch: number;
  epochs: number;
  /** Batches done in this epoch, of `batches`. */
  batch: number;
  batches: number;
  /** Running means over the epoch so far. */
  loss: number;
  accuracy: number;
  examplesPerSecond: number;
}

/** Mean seconds per epoch over the epochs run, or null before the first. */
export function secondsPerEpoch(history: readonly EpochMetrics[]): number | null {
  return history.length ? history.reduce((s, h) => s + h.seconds, 0) / history.length : null;
}
