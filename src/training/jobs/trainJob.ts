// The tutorial's experiment as a job: one run per activation stack, each kept in its own folder
// under runs/, then results.json and report.html (and, on request, every completed run exported
// to ONNX and checked in onnxruntime). `actlab train` and VS Code's "Train on MNIST" both run it.

import path from 'node:path';
import { loadDataset, type Dataset } from '../../core/data/datasets';
import type { exportAndVerifyRun } from '../../core/onnx/trainCheck';
import { renderReport } from '../../core/report/html';
import type { UiLanguage } from '../../core/locale';
import type { VegaLibraries } from '../../core/report/vendor';
import { writeFileAtomic } from '../../core/runs/atomic';
import { REPORT_FILE, RESULTS_FILE, RESULTS_FORMAT, RUNS_DIR, type ResultsFile, type ResultsRun } from '../../core/runs/resultsFile';
import { loadRunRecord, runId as folderSafeId } from '../../core/runs/runStore';
import { activationSpecName, makeConfig, type ActivationSpec, type TrainConfig } from '../../core/train/config';
import { secondsPerEpoch } from '../../core/train/results';
import type { RunEnd } from '../../protocol/training';
import { jobInfo, type JobDefinition, type JobPlan } from './job';

export interface TrainJobSpec {
  /** One run per entry: a folder-safe id unique in the job, and one activation per hidden layer. */
  runs: { runId: string; activations: ActivationSpec[] }[];
  /** Settings shared by every run (`dataset` names the data); the rest are the tutorial's. */
  settings: Partial<TrainConfig>;
  outDir: string;
  /** Continue runs whose folders hold a matching checkpoint (finished runs are kept as they are). */
  resume?: boolean;
  /** The libraries report.html inlines; null writes no report. */
  libraries: VegaLibraries | null;
  /** The language report.html is written in (the CLI's, VS Code's display language); English when absent. */
  lang?: UiLanguage;
  /**
   * Export every completed run to ONNX and check it in onnxruntime with `check` (the CLI passes
   * core/onnx's exportAndVerifyRun; the extension host, which leaves that to "Verify ONNX Model",
   * does not load the exporter at all).
   */
  onnx?: { check: typeof exportAndVerifyRun; opset?: number };
  /** The dataset when the caller has it loaded (the ONNX check's test images); loaded here otherwise. */
  dataset?: Dataset;
  /** After each run's ONNX check. */
  onOnnxCheck?: (runId: string, check: NonNullable<ResultsRun['onnx']>) => void;
}

/** Runs for a list of stacks: one spec applies to every hidden layer; ids are folder-safe and unique. */
export function planRunIds(stacks: ActivationSpec[][], hiddenLayers: number): TrainJobSpec['runs'] {
  const seen = new Map<string, number>();
  return stacks.map((stack) => {
    const activations = stack.length === 1 ? Array.from({ length: hiddenLayers }, () => stack[0]) : stack;
    if (activations.length !== hiddenLayers) {
      throw new Error(`${stack.map(activationSpecName).join('+')}: ${stack.length} activations for ${hiddenLayers} hidden layers`);
    }
    const names = activations.map(activationSpecName);
    const base = folderSafeId(names.every((n) => n === names[0]) ? names[0] : names.join('+'));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { runId: n === 1 ? base : `${base}-${n}`, activations };
  });
}

function plan(spec: TrainJobSpec): JobPlan {
  if (spec.runs.length === 0) throw new Error('the job has no runs');
  const runs = spec.runs.map((r) => ({
    runId: r.runId,
    config: makeConfig({ ...spec.settings, activations: r.activations }),
    runDir: path.join(spec.outDir, RUNS_DIR, r.runId),
    resume: spec.resume,
  }));
  const common = runs[0].config;
  return {
    info: jobInfo('train', path.basename(spec.outDir), spec.runs, common.epochs, {
      ...(common.limitTrain !== undefined ? { limitTrain: common.limitTrain } : {}), ...(spec.resume ? { resumed: true } : {}),
    }),
    outDir: spec.outDir,
    runs,
  };
}

/** A run's entry in results.json from its end event. */
export function resultsRun(end: RunEnd, activations: string[], runDir: string, outDir: string): ResultsRun {
  const o = end.outcome;
  return {
    id: end.runId,
    activations,
    status: o.status,
    dir: path.relative(outDir, runDir) || '.',
    history: o.history,
    test: o.test ?? null,
    secondsPerEpoch: secondsPerEpoch(o.history),
    wallSeconds: o.wallSeconds ?? 0,
    kernels: o.kernels,
    paramCount: o.paramCount,
    ...(o.divergence ? { divergence: o.divergence } : {}),
    ...(o.error ? { error: o.error } : {}),
    ...(o.resumedFromEpoch !== undefined ? { resumedFromEpoch: o.resumedFromEpoch } : {}),
  };
}

async function finish(spec: TrainJobSpec, p: JobPlan, ends: RunEnd[], pool: { maxWorkers: number }): Promise<ResultsFile> {
  const common = p.runs[0].config;
  const runs = ends.map((e, i) => resultsRun(e, p.runs[i].config.activations.map(activationSpecName), p.runs[i].runDir!, p.outDir));
  const completed = runs.filter((r) => r.status === 'completed');
  // Trained in another process: the check's test images are loaded here, after training.
  const onnxDataset = !spec.onnx || completed.length === 0 ? undefined : spec.dataset ?? loadQuietly(common.dataset);
  if (spec.onnx && onnxDataset) {
    const { check, opset } = spec.onnx;
    for (const r of completed) {
      r.onnx = await check(path.join(p.outDir, r.dir), p.outDir, onnxDataset, { opset, limit: common.limitTest });
      spec.onOnnxCheck?.(r.id, r.onnx);
    }
  }
  return writeResults(spec, p, ends, pool, runs, spec.dataset ?? onnxDataset);
}

/**
 * A finished job's results.json (and report.html when the spec has the chart libraries): the
 * header every job shares, its runs, and what its kind adds (a sweep's statistics).
 */
export function writeResults(
  spec: Pick<TrainJobSpec, 'libraries' | 'lang'>, p: JobPlan, ends: RunEnd[], pool: { maxWorkers: number },
  runs: ResultsFile['runs'], dataset: Dataset | undefined, extra: Pick<ResultsFile, 'sweep'> = {},
): ResultsFile {
  const startedAt = new Date(p.info.startedAt);
  const { activations: _a, dataset: _d, ...settings } = p.runs[0].config;
  const file: ResultsFile = {
    format: RESULTS_FORMAT,
    version: 1,
    createdAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    wallSeconds: (Date.now() - startedAt.getTime()) / 1000,
    dataset: datasetSummary(dataset, p.runs[0].config, p, ends),
    settings: { ...settings, workers: pool.maxWorkers },
    runs,
    ...extra,
  };
  writeFileAtomic(path.join(p.outDir, RESULTS_FILE), `${JSON.stringify(file, null, 1)}\n`);
  if (spec.libraries) writeFileAtomic(path.join(p.outDir, REPORT_FILE), renderReport(file, spec.libraries, spec.lang));
  return file;
}

export const trainJob: JobDefinition<TrainJobSpec, ResultsFile> = { kind: 'train', plan, finish };

export function loadQuietly(spec: string): Dataset | undefined {
  try {
    return loadDataset(spec, { shared: false });
  } catch {
    return undefined; // it loaded for training moments ago; without it the ONNX check is skipped
  }
}

/** results.json's dataset entry: from the dataset, or, when it was loaded elsewhere, from the runs' own records. */
export function datasetSummary(dataset: Dataset | undefined, common: TrainConfig, p: JobPlan, ends: RunEnd[]): ResultsFile['dataset'] {
  if (dataset) {
    const total = Math.min(common.limitTrain ?? dataset.train.count, dataset.train.count);
    const train = Math.floor(total * (1 - common.validationSplit));
    return {
      name: dataset.name, rows: dataset.rows, cols: dataset.cols, classes: dataset.classes,
      train, validation: total - train, test: Math.min(common.limitTest ?? dataset.test.count, dataset.test.count),
    };
  }
  for (const [i, e] of ends.entries()) {
    const sizes = e.outcome.sizes;
    if (!sizes) continue;
    try {
      const { name, rows, cols, classes } = loadRunRecord(p.runs[i].runDir!).dataset;
      return { name, rows, cols, classes, ...sizes };
    } catch {
      // no readable run.json: try the next run
    }
  }
  return { name: common.dataset, rows: 0, cols: 0, classes: 0, train: 0, validation: 0, test: 0 };
}
