// One training run from start to saved result: what a worker does with a RunSpec. Kept apart
// from the worker's entry so tests can also run it in-process. With a run folder, run.json is
// kept current after every epoch with a checkpoint beside it, and the final weights are written
// when the run completes.

import type { Dataset } from '../core/data/datasets';
import type { Kernels } from '../core/kernels/types';
import { createJsKernels } from '../core/kernels/js';
import { applyOutcome, newRunRecord, type RunRecord } from '../core/runs/runRecord';
import { loadRunRecord, saveCheckpoint, saveRunRecord, saveWeights, storedRunState } from '../core/runs/runStore';
import type { LayerActivation } from '../core/train/activation';
import type { ActivationSpec } from '../core/train/config';
import type { RunOutcome } from '../core/train/results';
import { MlpTrainer, type TrainerState } from '../core/train/trainer';
import type { RunEvent, RunSpec } from '../protocol/training';

export interface TrainRunDeps {
  /** Turns a layer's activation spec into the trainer's form (the registry, or a test's records). */
  resolveActivation: (spec: ActivationSpec) => LayerActivation;
  /** The matrix kernels for this run. */
  kernels?: () => Kernels | Promise<Kernels>;
}

/**
 * Trains one run as specified, sending started/progress/epoch/end events; resolves with the
 * outcome. Throws on setup errors (unknown activation, bad settings): the caller reports them
 * as a failed run.
 */
export async function trainRun(spec: RunSpec, dataset: Dataset, cancelFlag: Int32Array, send: (e: RunEvent) => void, deps: TrainRunDeps): Promise<RunOutcome> {
  const { runId, config, runDir } = spec;
  // Resuming trusts nothing unchecked: the folder's files are loaded with their checksums first.
  const stored = runDir && spec.resume ? storedRunState(runDir, config) : undefined;
  if (stored?.action === 'mismatch') throw new Error(`cannot resume ${runId}: ${stored.problem}`);
  const done = stored?.action === 'finished' ? stored.record : undefined;
  if (done) {
    // Resuming an experiment: this run had finished before the interruption; report it as it was.
    const outcome: RunOutcome = {
      status: 'completed', history: done.history, test: done.test, kernels: (done.kernels ?? 'js') as RunOutcome['kernels'],
      paramCount: done.paramCount ?? 0, sizes: done.examples ?? { train: 0, validation: 0, test: 0 }, resumedFromEpoch: config.epochs,
    };
    send({ type: 'run/started', runId, kernels: outcome.kernels!, paramCount: outcome.paramCount!, resumedFromEpoch: config.epochs, history: done.history });
    send({ type: 'run/end', runId, outcome });
    return outcome;
  }
  const activations = config.activations.map(deps.resolveActivation);
  const kernels = deps.kernels ? await deps.kernels() : createJsKernels();
  const trainer = new MlpTrainer(config, dataset.rows * dataset.cols, dataset.classes, activations, kernels);

  const resume: TrainerState | undefined = stored?.action === 'resume' ? stored.checkpoint : undefined;
  // A damaged or lost run.json is rebuilt: the checkpoint carries the history.
  const record = stored?.record && resume ? { ...stored.record, status: 'running' as const, config } : newRunRecord(runId, config, dataset);
  // What was recovered from a damaged folder, and any activation that could not be compiled.
  const notes = [...(stored?.notes ?? []), ...trainer.kernelNotes];
  if (runDir) saveRunRecord(runDir, { ...record, history: resume?.history ?? [] });
  send({
    type: 'run/started', runId, kernels: kernels.name, paramCount: trainer.paramCount,
    ...(resume ? { resumedFromEpoch: resume.epoch, history: resume.history.slice(0, resume.epoch) } : {}),
    ...(notes.length ? { notes } : {}),
  });

  const fault = spec.fault;
  const outcome = trainer.run(dataset, {
    resume,
    isCancelled: () => Atomics.load(cancelFlag, 0) !== 0,
    onProgress: (progress) => send({ type: 'run/progress', runId, progress }),
    onEpoch: (metrics, state) => {
      if (runDir) {
        saveCheckpoint(runDir, state, config);
        saveRunRecord(runDir, { ...record, history: state.history, updatedAt: new Date().toISOString() });
      }
      send({ type: 'run/epoch', runId, metrics });
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
  send({ type: 'run/end', runId, outcome });
  return outcome;
}

/**
 * Records an end the run's worker could not (crash, kill, queue cancel) in its folder's run.json.
 * Without a record there and without the dataset (a run that never started) nothing is written.
 */
export function recordRunEnd(spec: RunSpec, outcome: RunOutcome, dataset?: Dataset): void {
  if (!spec.runDir) return;
  try {
    let record: RunRecord;
    try {
      record = loadRunRecord(spec.runDir);
    } catch {
      if (!dataset) return;
      record = newRunRecord(spec.runId, spec.config, dataset);
    }
    // History from the record (saved with the checkpoints) when it knows more than we heard.
    const history = record.history.length > outcome.history.length ? record.history : outcome.history;
    saveRunRecord(spec.runDir, applyOutcome(record, { ...outcome, history }));
  } catch {
    // the run's end still goes to the caller; a folder we cannot write is theirs to report
  }
}

