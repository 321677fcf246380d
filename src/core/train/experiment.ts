// The tutorial's experiment as one job: several runs (one per activation stack) on the worker
// pool, each kept in its own folder, then results.json and report.html. The CLI's `actlab train`
// and the extension's "Train on MNIST" command both call runExperiment.

import path from 'node:path';
import type { Dataset } from '../data/datasets';
import { writeFileAtomic } from '../runs/atomic';
import { runId as folderSafeId } from '../runs/runStore';
import { renderReport } from '../report/html';
import type { VegaLibraries } from '../report/vendor';
import { activationSpecName, makeConfig, type ActivationSpec, type TrainConfig } from './config';
import type { RunResult, TrainingPool } from './pool';
import type { Divergence, EpochMetrics, RunStatus, TestMetrics } from './results';

/**
 * results.json, format version 1 (`format: "activation-lab/results"`).
 *
 * {
 *   "format": "activation-lab/results", "version": 1,
 *   "createdAt": "2025-01-01T12:00:00.000Z",   start, ISO 8601
 *   "finishedAt": "...", "wallSeconds": 123.4,  the whole job
 *   "dataset": { "name": "mnist", "rows": 28, "cols": 28, "classes": 10,
 *                "train": 48000, "validation": 12000, "test": 10000 },
 *   "settings": { the common TrainConfig: "hidden", "epochs", "batchSize", "validationSplit",
 *                 "learningRate", "beta1", "beta2", "epsilon", "init", "seed", "shuffle",
 *                 "limitTrain"?, "limitTest"?, ... ; plus "workers" },
 *   "runs": [ {
 *     "id": "relu",                          also the folder runs/<id>/
 *     "activations": ["relu", "relu"],       one per hidden layer
 *     "status": "completed" | "cancelled" | "diverged" | "failed",
 *     "dir": "runs/relu",                    relative to results.json
 *     "history": [ { "epoch": 1, "loss", "accuracy", "val_loss", "val_accuracy", "seconds",
 *                    "layers": [ { "meanAbsGradient", "deadUnitFraction"? } ], "learnedParams"? } ],
 *     "test": { "loss", "accuracy", "count", "confusion": [[...]] (label x predicted),
 *               "misclassified": [ { "index", "label", "predicted", "probabilities", "pixelsBase64" } ] } | null,
 *     "secondsPerEpoch": mean over the epochs run, "wallSeconds": the run's own wall time,
 *     "kernels": "js" | "wasm-simd" | "wasm-relaxed-simd", "paramCount": 109386,
 *     "divergence"?: { "epoch", "batch", "loss" }, "error"?: "why it failed",
 *     "resumedFromEpoch"?: n
 *   } ]
 * }
 */
export interface ResultsFile {
  format: 'activation-lab/results';
  version: 1;
  createdAt: string;
  finishedAt: string;
  wallSeconds: number;
  dataset: { name: string; rows: number; cols: number; classes: number; train: number; validation: number; test: number };
  settings: Omit<TrainConfig, 'activations' | 'dataset'> & { workers: number };
  runs: RunSummary[];
}

export interface RunSummary {
  id: string;
  activations: string[];
  status: Exclude<RunStatus, 'queued' | 'running'>;
  dir: string;
  history: EpochMetrics[];
  test: TestMetrics | null;
  secondsPerEpoch: number | null;
  wallSeconds: number;
  kernels?: string;
  paramCount?: number;
  divergence?: Divergence;
  error?: string;
  resumedFromEpoch?: number;
}

export const RESULTS_FILE = 'results.json';
export const REPORT_FILE = 'report.html';
export const RUNS_DIR = 'runs';

export interface PlannedRun {
  id: string;
  activations: ActivationSpec[];
}

/** Runs for a list of stacks: one spec applies to every hidden layer; ids are folder-safe and unique. */
export function planRuns(stacks: ActivationSpec[][], hiddenLayers: number): PlannedRun[] {
  const seen = new Map<string, number>();
  return stacks.map((stack) => {
    const activations = stack.length === 1 ? Array.from({ length: hiddenLayers }, () => stack[0]!) : stack;
    if (activations.length !== hiddenLayers) {
      throw new Error(`${stack.map(activationSpecName).join('+')}: ${stack.length} activations for ${hiddenLayers} hidden layers`);
    }
    const names = activations.map(activationSpecName);
    const base = folderSafeId(names.every((n) => n === names[0]) ? names[0]! : names.join('+'));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, activations };
  });
}

export interface ExperimentOptions {
  runs: PlannedRun[];
  /** Settings shared by every run (activations come from `runs`). */
  settings: Partial<TrainConfig>;
  dataset: Dataset;
  outDir: string;
  pool: TrainingPool;
  /** Continue runs whose folders hold a matching checkpoint. */
  resume?: boolean;
  /** The libraries report.html inlines; null writes no report. */
  libraries: VegaLibraries | null;
}

function summarize(result: RunResult, activations: string[], outDir: string): RunSummary {
  const seconds = result.history.map((h) => h.seconds);
  return {
    id: result.runId,
    activations,
    status: result.status,
    dir: path.relative(outDir, result.runDir ?? outDir) || '.',
    history: result.history,
    test: result.test ?? null,
    secondsPerEpoch: seconds.length ? seconds.reduce((a, b) => a + b, 0) / seconds.length : null,
    wallSeconds: result.wallSeconds,
    kernels: result.kernels,
    paramCount: result.paramCount,
    ...(result.divergence ? { divergence: result.divergence } : {}),
    ...(result.error ? { error: result.error } : {}),
    ...(result.resumedFromEpoch !== undefined ? { resumedFromEpoch: result.resumedFromEpoch } : {}),
  };
}

/** Trains every planned run on the pool, then writes results.json and report.html into outDir. */
export async function runExperiment(o: ExperimentOptions): Promise<ResultsFile> {
  const createdAt = new Date();
  const t0 = performance.now();
  const configs = o.runs.map((r) => makeConfig({ ...o.settings, activations: r.activations, dataset: o.settings.dataset ?? o.dataset.name }));
  const handles = o.runs.map((r, i) => o.pool.start({
    runId: r.id,
    config: configs[i]!,
    dataset: o.dataset,
    runDir: path.join(o.outDir, RUNS_DIR, r.id),
    resume: o.resume,
  }));
  const results = await Promise.all(handles.map((h) => h.done));
  const common = configs[0] ?? makeConfig(o.settings);
  const { activations: _a, dataset: _d, ...settings } = common;
  const total = Math.min(common.limitTrain ?? o.dataset.train.count, o.dataset.train.count);
  const train = Math.floor(total * (1 - common.validationSplit));
  const file: ResultsFile = {
    format: 'activation-lab/results',
    version: 1,
    createdAt: createdAt.toISOString(),
    finishedAt: new Date().toISOString(),
    wallSeconds: (performance.now() - t0) / 1000,
    dataset: {
      name: o.dataset.name, rows: o.dataset.rows, cols: o.dataset.cols, classes: o.dataset.classes,
      train, validation: total - train, test: Math.min(common.limitTest ?? o.dataset.test.count, o.dataset.test.count),
    },
    settings: { ...settings, workers: o.pool.maxWorkers },
    runs: results.map((r, i) => summarize(r, configs[i]!.activations.map(activationSpecName), o.outDir)),
  };
  writeFileAtomic(path.join(o.outDir, RESULTS_FILE), `${JSON.stringify(file, null, 1)}\n`);
  if (o.libraries) writeFileAtomic(path.join(o.outDir, REPORT_FILE), renderReport(file, o.libraries));
  return file;
}
