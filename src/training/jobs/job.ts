// A job is a set of runs trained together and what is made of them afterwards (the tutorial's
// experiment, later sweeps). Each kind is one definition: how its runs are planned and what it
// writes when they have ended. `runJob` owns the lifecycle: it announces the job, passes every
// run event on, stops the runs when asked, and says how the job ended. Nobody else infers it.

import type { ActivationSpec } from '../../core/train/config';
import { activationSpecName } from '../../core/train/config';
import type { JobEndStatus, JobInfo, JobKind, RunEnd, RunSpec, TrainingEvent } from '../../protocol/training';
import { lockExperiment } from '../experimentLock';
import type { RunPool } from '../runPool';

/** What a job trains, and where. */
export interface JobPlan {
  info: JobInfo;
  outDir: string;
  runs: RunSpec[];
}

export interface JobDefinition<Spec, Result> {
  kind: JobKind;
  /** The runs to train; throws (before anything starts) on a spec that cannot be planned. */
  plan(spec: Spec): JobPlan;
  /** With the folder locked, before the first run starts: what the job keeps of its plan (a sweep's, so it can be resumed whole). */
  begin?(spec: Spec, plan: JobPlan): void;
  /** After every run has ended: what the job makes of them (written to disk, returned to the caller). */
  finish(spec: Spec, plan: JobPlan, ends: RunEnd[], pool: RunPool): Result | Promise<Result>;
}

export interface JobEnd<Result> {
  status: JobEndStatus;
  /** What `finish` returned; absent when the job failed before or during it. */
  result?: Result;
  error?: string;
  plan?: JobPlan;
}

export interface RunJobOptions {
  /** Every job and run event, in order. */
  emit?(e: TrainingEvent): void;
  /** Aborting stops every run (finished epochs are kept); the job still finishes with what it has. */
  signal?: AbortSignal;
}

/** The announcement of a job: its id is its folder's name. */
export function jobInfo(kind: JobKind, id: string, runs: { runId: string; activations: ActivationSpec[] }[], epochs: number, extra: Partial<JobInfo> = {}): JobInfo {
  return {
    id, kind, epochs, startedAt: new Date().toISOString(),
    runs: runs.map((r) => ({ runId: r.runId, activations: r.activations.map(activationSpecName) })),
    ...extra,
  };
}

/**
 * Plans and trains a job on `pool`, then finishes it, holding its folder's lock throughout (a
 * second writer of the same folder is refused). Never rejects: a failure is the returned status.
 */
export async function runJob<Spec, Result>(def: JobDefinition<Spec, Result>, spec: Spec, pool: RunPool, options: RunJobOptions = {}): Promise<JobEnd<Result>> {
  const emit = (e: TrainingEvent) => {
    try {
      options.emit?.(e);
    } catch {
      // a listener's bug must not stop the job
    }
  };
  let plan: JobPlan;
  try {
    plan = def.plan(spec);
  } catch (e) {
    return { status: 'failed', error: (e as Error).message };
  }
  let unlock: () => Promise<void>;
  try {
    unlock = await lockExperiment(plan.outDir);
  } catch (e) {
    return { status: 'failed', error: (e as Error).message, plan };
  }
  try {
    try {
      def.begin?.(spec, plan);
    } catch (e) {
      return { status: 'failed', error: (e as Error).message, plan };
    }
    return await trainAndFinish(def, spec, plan, pool, emit, options.signal);
  } finally {
    await unlock();
  }
}

async function trainAndFinish<Spec, Result>(
  def: JobDefinition<Spec, Result>, spec: Spec, plan: JobPlan, pool: RunPool, emit: (e: TrainingEvent) => void, signal: AbortSignal | undefined,
): Promise<JobEnd<Result>> {
  const ids = new Set(plan.runs.map((r) => r.runId));
  emit({ type: 'job/started', job: plan.info });
  const unsubscribe = pool.onEvent((e) => {
    if (ids.has(e.runId)) emit(e);
  });
  const stop = () => { for (const id of ids) pool.cancel(id); };
  signal?.addEventListener('abort', stop);
  let ends: RunEnd[];
  try {
    const handles = [];
    for (const run of plan.runs) {
      try {
        handles.push(pool.start(run));
      } catch (e) {
        stop();
        await Promise.all(handles.map((h) => h.done));
        const error = (e as Error).message;
        emit({ type: 'job/ended', jobId: plan.info.id, status: 'failed', hasResults: false, error });
        return { status: 'failed', error, plan };
      }
    }
    if (signal?.aborted) stop();
    ends = await Promise.all(handles.map((h) => h.done));
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', stop);
  }
  const status: JobEndStatus = signal?.aborted ? 'cancelled' : 'completed';
  try {
    const result = await def.finish(spec, plan, ends, pool);
    emit({ type: 'job/ended', jobId: plan.info.id, status, hasResults: true });
    return { status, result, plan };
  } catch (e) {
    const error = `the runs ended but the results could not be written: ${(e as Error).message}`;
    emit({ type: 'job/ended', jobId: plan.info.id, status: 'failed', hasResults: false, error });
    return { status: 'failed', error, plan };
  }
}
