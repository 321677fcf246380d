// What a training run reports: per-epoch metrics (Keras's history names), per-layer health,
// and the final test figures. Plain data: it crosses from workers and is saved as JSON.

import type { KernelName } from '../kernels/types';
import type { EpochView, LayerView } from '../../protocol/labTypes';

export type RunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'failed';

// The per-epoch shapes are the protocol's (the webview draws them as they are), documented there.
export type LayerEpochStats = LayerView;

export interface EpochMetrics extends EpochView {
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

export interface RunOutcome {
  status: Exclude<RunStatus, 'queued' | 'running'>;
  history: EpochMetrics[];
  test?: TestMetrics;
  divergence?: Divergence;
  /** Why a run failed, in words. */
  error?: string;
  kernels: KernelName;
  paramCount: number;
  /** Examples used: training part, validation part, test. */
  sizes: { train: number; validation: number; test: number };
  /** Epoch the run resumed after, when it continued from a checkpoint. */
  resumedFromEpoch?: number;
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
