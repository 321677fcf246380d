// What a job runs its runs on: WorkerPool (worker threads in this process) or ProcessPool (a
// forked training process holding the workers). Both keep the same bookkeeping, here: one entry
// per run until it ends, its events passed on unchanged, its end reported exactly once.

import type { Dataset } from '../core/data/datasets';
import type { EpochMetrics, RunOutcome } from '../core/train/results';
import type { RunEnd, RunEvent, RunSpec } from '../protocol/training';
import { recordRunEnd } from './trainRun';

export interface RunHandle {
  runId: string;
  /** Resolves with the run's end event (never rejects). */
  done: Promise<RunEnd>;
  cancel(): void;
}

export interface RunPool {
  readonly maxWorkers: number;
  /** Queues a run; throws when the pool is disposed or a run of that id is queued or running. */
  start(spec: RunSpec): RunHandle;
  /** Stops a run, keeping its finished epochs; a queued run ends at once. */
  cancel(runId: string): void;
  cancelAll(): void;
  /** Every run's events, in order; returns the unsubscribe function. */
  onEvent(listener: (e: RunEvent) => void): () => void;
  /** Cancels everything and waits for the runs to end. */
  dispose(): Promise<void>;
}

/** A run the pool holds: its spec, what it has heard so far, and how to finish it. */
export interface TrackedRun {
  spec: RunSpec;
  history: EpochMetrics[];
  started?: { kernels: RunOutcome['kernels']; paramCount: number };
  /** performance.now() when its worker started. */
  startedAt?: number;
  cancelRequested: boolean;
  ended: boolean;
  resolve(end: RunEnd): void;
  done: Promise<RunEnd>;
}

export abstract class PoolBase implements RunPool {
  abstract readonly maxWorkers: number;
  protected readonly runs = new Map<string, TrackedRun>();
  private readonly listeners = new Set<(e: RunEvent) => void>();
  protected disposed = false;

  abstract cancel(runId: string): void;
  /** Hands a freshly tracked run to the pool's workers. */
  protected abstract launch(run: TrackedRun): void;

  onEvent(listener: (e: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(spec: RunSpec): RunHandle {
    if (this.disposed) throw new Error('the training pool has been disposed');
    if (this.runs.has(spec.runId)) throw new Error(`a run named ${spec.runId} is already queued or running`);
    let resolve!: (end: RunEnd) => void;
    const done = new Promise<RunEnd>((r) => { resolve = r; });
    const run: TrackedRun = { spec, history: [], cancelRequested: false, ended: false, resolve, done };
    this.runs.set(spec.runId, run);
    this.launch(run);
    return { runId: spec.runId, done, cancel: () => this.cancel(spec.runId) };
  }

  cancelAll(): void {
    for (const id of [...this.runs.keys()]) this.cancel(id);
  }

  /** Run ids started and not yet ended (queued or training). */
  get active(): string[] {
    return [...this.runs.keys()];
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelAll();
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  protected emit(e: RunEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a listener's bug must not stop the runs
      }
    }
  }

  /**
   * An event from the run's worker (or the training process): noted and passed on; its end
   * finishes the run, which the worker has already recorded in the run's folder.
   */
  protected deliver(run: TrackedRun, e: RunEvent): void {
    if (run.ended || e.runId !== run.spec.runId) return;
    switch (e.type) {
      case 'run/started':
        run.started = { kernels: e.kernels, paramCount: e.paramCount };
        if (e.history) run.history = [...e.history];
        break;
      case 'run/epoch':
        run.history.push(e.metrics);
        break;
      case 'run/end':
        this.finish(run, e.outcome, { recorded: true });
        return;
      default:
        break;
    }
    this.emit(e);
  }

  /**
   * Ends a run once: fills in what the pool knows (history heard so far, kernels, wall time),
   * records the end in the run's folder unless the worker did, and reports `run/end`.
   */
  protected finish(run: TrackedRun, outcome: Partial<RunOutcome> & Pick<RunOutcome, 'status'>, how: { recorded: boolean; dataset?: Dataset }): void {
    if (run.ended) return;
    run.ended = true;
    const full: RunOutcome = {
      ...outcome,
      history: outcome.history ?? run.history,
      kernels: outcome.kernels ?? run.started?.kernels,
      paramCount: outcome.paramCount ?? run.started?.paramCount,
      wallSeconds: outcome.wallSeconds ?? (run.startedAt === undefined ? 0 : (performance.now() - run.startedAt) / 1000),
    };
    if (!how.recorded) recordRunEnd(run.spec, full, how.dataset);
    this.runs.delete(run.spec.runId);
    const end: RunEnd = { type: 'run/end', runId: run.spec.runId, outcome: full };
    this.emit(end);
    run.resolve(end);
    this.afterEnd();
  }

  /** After a run ends (a queue starts its next run here). */
  protected afterEnd(): void {}
}
