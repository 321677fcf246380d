// One training run from start to saved result: what a worker does with a `run/start` request.
// Kept apart from the worker entry so tests can also run it in-process.

import type { FromWorker, RunRequest } from '../../protocol/worker';
import type { Dataset } from '../data/datasets';
import type { Kernels } from '../kernels/types';
import { createJsKernels } from '../kernels/js';
import {
  finishedRun, hasCheckpoint, loadCheckpoint, loadRunRecord, resumeMismatch, saveCheckpoint, saveRunRecord, saveWeights,
  RUN_FORMAT, RUN_FORMAT_VERSION, type RunRecord,
} from '../runs/runStore';
import type { LayerActivation } from './activation';
import { activationSpecName, type ActivationSpec, type TrainConfig } from './config';
import type { RunOutcome } from './results';
import { MlpTrainer, type TrainerState } from './trainer';

export interface RunJobDeps {
  /** Turns a layer's activation spec into the trainer's form (the registry, or a test's records). */
  resolveActivation: (spec: ActivationSpec) => LayerActivation;
  /** The matrix kernels for this run. */
  kernels?: () => Kernels | Promise<Kernels>;
}

/** A fresh run.json for a request (status 'running', empty history). */
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

/**
 * Trains one run as requested, posting started/progress/epoch/end messages. With a run folder:
 * run.json is kept current after every epoch, with a checkpoint beside it; the final weights are
 * written when the run completes. Throws on setup errors (unknown activation, bad settings):
 * the caller reports them as a failed run.
 */
export async function runJob(request: RunRequest, post: (m: FromWorker) => void, deps: RunJobDeps): Promise<RunOutcome> {
  const { runId, config, dataset, runDir } = request;
  const done = runDir && request.resume ? finishedRun(runDir, config) : undefined;
  if (done) {
    // Resuming an experiment: this run had finished before the interruption; report it as it was.
    const outcome: RunOutcome = {
      status: 'completed', history: done.history, test: done.test, kernels: (done.kernels ?? 'js') as RunOutcome['kernels'],
      paramCount: done.paramCount ?? 0, sizes: done.examples ?? { train: 0, validation: 0, test: 0 }, resumedFromEpoch: config.epochs,
    };
    post({ type: 'run/started', runId, kernels: outcome.kernels, paramCount: outcome.paramCount, resumedFromEpoch: config.epochs });
    post({ type: 'run/end', runId, outcome });
    return outcome;
  }
  const activations = config.activations.map(deps.resolveActivation);
  const kernels = deps.kernels ? await deps.kernels() : createJsKernels();
  const trainer = new MlpTrainer(config, dataset.rows * dataset.cols, dataset.classes, activations, kernels);

  let resume: TrainerState | undefined;
  let record = newRunRecord(runId, config, dataset);
  if (runDir && request.resume && hasCheckpoint(runDir)) {
    const checkpoint = loadCheckpoint(runDir);
    const why = resumeMismatch(checkpoint, config);
    if (why) throw new Error(`cannot resume ${runId}: ${why}`);
    resume = checkpoint;
    try {
      record = { ...loadRunRecord(runDir), status: 'running', config };
    } catch {
      // run.json lost or damaged: the checkpoint carries the history, a fresh record will do
    }
  }
  if (runDir) saveRunRecord(runDir, { ...record, history: resume?.history ?? [] });
  post({ type: 'run/started', runId, kernels: kernels.name, paramCount: trainer.paramCount, ...(resume ? { resumedFromEpoch: resume.epoch } : {}) });

  const flag = request.cancelFlag;
  const fault = request.fault;
  const outcome = trainer.run(dataset, {
    resume,
    isCancelled: () => Atomics.load(flag, 0) !== 0,
    onProgress: (progress) => post({ type: 'run/progress', runId, progress }),
    onEpoch: (metrics, state) => {
      if (runDir) {
        saveCheckpoint(runDir, state, config);
        saveRunRecord(runDir, { ...record, history: state.history, updatedAt: new Date().toISOString() });
      }
      post({ type: 'run/epoch', runId, metrics });
    },
    afterBatch: fault
      ? (epoch, batch) => {
          if (epoch !== fault.epoch || batch !== fault.batch) return;
          if (fault.kind === 'exit') process.exit(3);
          throw new Error(`injected fault at epoch ${epoch}, batch ${batch}`);
        }
      : undefined,
  });
  if (runDir) {
    if (outcome.status === 'completed') saveWeights(runDir, trainer.params, trainer.layout, record.activations);
    saveRunRecord(runDir, applyOutcome(record, outcome));
  }
  post({ type: 'run/end', runId, outcome });
  return outcome;
}
