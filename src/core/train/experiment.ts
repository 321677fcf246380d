// The tutorial's experiment as one job: several runs (one per activation stack) on the worker
// pool, each kept in its own folder, then results.json and report.html. The CLI's `actlab train`
// and the extension's "Train on MNIST" command both call runExperiment.

import path from 'node:path';
import { loadDataset, type Dataset } from '../data/datasets';
import { writeFileAtomic } from '../runs/atomic';
import { loadRunRecord, runId as folderSafeId } from '../runs/runStore';
import { renderReport } from '../report/html';
import { exportAndVerifyRun, type OnnxRunCheck } from '../onnx/trainCheck';
import type { VegaLibraries } from '../report/vendor';
import { activationSpecName, makeConfig, type ActivationSpec, type TrainConfig } from './config';
import type { RunPool, RunResult } from './pool';
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
 *     "resumedFromEpoch"?: n,
 *     "onnx"?: { "file": "runs/relu/model.onnx", "opset": 17, "bytes", "ops": ["Flatten", "Gemm", ...],
 *                "count", "onnxAccuracy", "labAccuracy", "maxAbsDiff", "argmaxAgreement", "ms",
 *                "passed", "error"? }   completed runs exported to ONNX and checked in onnxruntime
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
  /** The ONNX export and inference check of a completed run. */
  onnx?: OnnxRunCheck;
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
  /** The loaded dataset (TrainingPool shares its buffers with the workers); optional when the spec is given. */
  dataset?: Dataset;
  /** How to load it: 'mnist', 'fashion-mnist' or a folder (default settings.dataset). All a RemotePool gets. */
  datasetSpec?: string;
  outDir: string;
  pool: RunPool;
  /** Continue runs whose folders hold a matching checkpoint. */
  resume?: boolean;
  /** The libraries report.html inlines; null writes no report. */
  libraries: VegaLibraries | null;
  /** Export every completed run to ONNX and check it in onnxruntime (default true; an object picks the opset). */
  onnx?: boolean | { opset?: number };
  /** After each run's ONNX check. */
  onOnnxCheck?: (runId: string, check: OnnxRunCheck) => void;
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
  const datasetSpec = o.datasetSpec ?? o.settings.dataset ?? o.dataset?.source;
  if (!datasetSpec) throw new Error('runExperiment needs the dataset or its spec');
  const configs = o.runs.map((r) => makeConfig({ ...o.settings, activations: r.activations, dataset: o.settings.dataset ?? o.dataset?.name ?? datasetSpec }));
  const handles = o.runs.map((r, i) => o.pool.start({
    runId: r.id,
    config: configs[i]!,
    dataset: o.dataset,
    datasetSpec,
    runDir: path.join(o.outDir, RUNS_DIR, r.id),
    resume: o.resume,
  }));
  const results = await Promise.all(handles.map((h) => h.done));
  const common = configs[0] ?? makeConfig(o.settings);
  const summaries = results.map((r, i) => summarize(r, configs[i]!.activations.map(activationSpecName), o.outDir));
  const completed = summaries.filter((x) => x.status === 'completed');
  // a RemotePool trained elsewhere: the check's test images are loaded here, after training
  const onnxDataset = o.onnx === false || completed.length === 0 ? undefined : o.dataset ?? loadQuietly(datasetSpec);
  if (onnxDataset) {
    const opset = typeof o.onnx === 'object' ? o.onnx.opset : undefined;
    for (const s of completed) {
      s.onnx = await exportAndVerifyRun(path.join(o.outDir, s.dir), o.outDir, onnxDataset, { opset, limit: common.limitTest });
      o.onOnnxCheck?.(s.id, s.onnx);
    }
  }
  const { activations: _a, dataset: _d, ...settings } = common;
  const file: ResultsFile = {
    format: 'activation-lab/results',
    version: 1,
    createdAt: createdAt.toISOString(),
    finishedAt: new Date().toISOString(),
    wallSeconds: (performance.now() - t0) / 1000,
    dataset: datasetSummary(o.dataset ?? onnxDataset, common, results),
    settings: { ...settings, workers: o.pool.maxWorkers },
    runs: summaries,
  };
  writeFileAtomic(path.join(o.outDir, RESULTS_FILE), `${JSON.stringify(file, null, 1)}\n`);
  if (o.libraries) writeFileAtomic(path.join(o.outDir, REPORT_FILE), renderReport(file, o.libraries));
  return file;
}

function loadQuietly(spec: string): Dataset | undefined {
  try {
    return loadDataset(spec, { shared: false });
  } catch {
    return undefined; // it loaded for training moments ago; without it the ONNX check is skipped
  }
}

/** results.json's dataset entry: from the dataset, or, when it was loaded elsewhere, from the runs' own records. */
function datasetSummary(dataset: Dataset | undefined, common: TrainConfig, results: RunResult[]): ResultsFile['dataset'] {
  if (dataset) {
    const total = Math.min(common.limitTrain ?? dataset.train.count, dataset.train.count);
    const train = Math.floor(total * (1 - common.validationSplit));
    return {
      name: dataset.name, rows: dataset.rows, cols: dataset.cols, classes: dataset.classes,
      train, validation: total - train, test: Math.min(common.limitTest ?? dataset.test.count, dataset.test.count),
    };
  }
  for (const r of results) {
    if (!r.runDir || !r.sizes) continue;
    try {
      const { name, rows, cols, classes } = loadRunRecord(r.runDir).dataset;
      return { name, rows, cols, classes, ...r.sizes };
    } catch {
      // no readable run.json: try the next run
    }
  }
  return { name: common.dataset, rows: 0, cols: 0, classes: 0, train: 0, validation: 0, test: 0 };
}
