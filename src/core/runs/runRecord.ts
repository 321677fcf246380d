// run.json's shape: what is stored of one run, and how it is made and updated. No file access
// here, so every side, the page included, can name it.

import type { Dataset } from '../data/types';
import { activationSpecName, type TrainConfig } from '../train/config';
import type { Divergence, EpochMetrics, ExampleCounts, RunOutcome, RunStatus, TestMetrics } from '../train/results';

export const RUN_FORMAT = 'activation-lab/run';
export const RUN_FORMAT_VERSION = 1;

export interface DatasetInfo {
  name: string;
  rows: number;
  cols: number;
  classes: number;
  classNames: string[];
}

/** run.json. Fields past `version` may grow; readers of version 1 ignore what they do not know. */
export interface RunRecord {
  format: typeof RUN_FORMAT;
  version: number;
  id: string;
  /** Display names of the hidden layers' activations, input to output. */
  activations: string[];
  status: RunStatus;
  config: TrainConfig;
  dataset: DatasetInfo;
  /** Layer widths, input to output. */
  sizes: number[];
  createdAt: string;
  updatedAt: string;
  history: EpochMetrics[];
  test?: TestMetrics;
  divergence?: Divergence;
  error?: string;
  kernels?: string;
  paramCount?: number;
  examples?: ExampleCounts;
  resumedFromEpoch?: number;
}

/** A fresh run.json for a spec (status 'running', empty history). */
export function newRunRecord(runId: string, config: TrainConfig, dataset: Pick<Dataset, 'name' | 'rows' | 'cols' | 'classes' | 'classNames'>): RunRecord {
  const now = new Date().toISOString();
  return {
    format: RUN_FORMAT,
    version: RUN_FORMAT_VERSION,
    id: runId,
    activations: config.activations.map(activationSpecName),
    status: 'running',
    config,
    dataset: { name: dataset.name, rows: dataset.rows, cols: dataset.cols, classes: dataset.classes, classNames: dataset.classNames },
    sizes: [dataset.rows * dataset.cols, ...config.hidden, dataset.classes],
    createdAt: now,
    updatedAt: now,
    history: [],
  };
}

/** Copies an outcome into a record (status, history, test, ...). */
export function applyOutcome(record: RunRecord, outcome: RunOutcome): RunRecord {
  return {
    ...record,
    status: outcome.status,
    history: outcome.history,
    test: outcome.test,
    divergence: outcome.divergence,
    error: outcome.error,
    kernels: outcome.kernels,
    paramCount: outcome.paramCount,
    examples: outcome.sizes,
    resumedFromEpoch: outcome.resumedFromEpoch,
    updatedAt: new Date().toISOString(),
  };
}
