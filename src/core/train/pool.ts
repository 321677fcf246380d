// The worker pool: each run trains in its own worker_threads Worker, up to `maxWorkers` at once
// (default: the core count), the rest queued. A worker that throws or dies fails its run with the
// reason; the others go on. Cancel sets the run's shared flag (the trainer polls it every batch)
// and terminates the worker if it has not ended within `cancelGraceMs`. Pure Node: the extension
// host and the CLI drive it the same way.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFromWorker, type FaultInjection, type KernelChoice, type RunRequest, type ToWorker } from '../../protocol/worker';
import { loadDataset, type Dataset } from '../data/datasets';
import { loadRunRecord, saveRunRecord } from '../runs/runStore';
import type { TrainConfig } from './config';
import type { EpochMetrics, Progress, RunOutcome, RunStatus } from './results';
import { applyOutcome, newRunRecord } from './runJob';
import { defaultWorkerEntry, type WorkerEntry } from './workerEntry';

export interface RunSpec {
  runId: string;
  config: TrainConfig;
  /**
   * The dataset loaded with shared buffers (loadDataset's default): every worker reads the same
   * bytes. When absent, TrainingPool loads `datasetSpec` itself (once per spec).
   */
  dataset?: Dataset;
  /** How to load the dataset: 'mnist', 'fashion-mnist' or a folder. What RemotePool sends its training process. */
  datasetSpec?: string;
  runDir?: string;
  resume?: boolean;
  fault?: FaultInjection;
}

/** How a run ended, as the pool reports it. */
export interface RunResult extends Omit<RunOutcome, 'kernels' | 'paramCount' | 'sizes'> {
  runId: string;
  kernels?: string;
  paramCount?: number;
  sizes?: RunOutcome['sizes'];
  runDir?: string;
  /** Wall time from the worker's start to the end. */
  wallSeconds: number;
}

export type PoolEvent =
  | { type: 'run/queued'; runId: string }
  | { type: 'run/started'; runId: string; kernels: string; paramCount: number; resumedFromEpoch?: number }
  | { type: 'run/progress'; runId: string; progress: Progress }
  | { type: 'run/epoch'; runId: string; metrics: EpochMetrics }
  | { type: 'run/end'; runId: string; result: RunResult };

/** Kernels a run uses unless told: the fastest this runtime has ('js', the plain TypeScript reference, on request). */
export const DEFAULT_KERNEL_CHOICE: KernelChoice = 'auto';

export interface PoolOptions {
  maxWorkers?: number;
  kernels?: KernelChoice;
  /** The worker script and its execArgv (default: dist/worker.js, or the TS source under tsx). */
  worker?: WorkerEntry;
  /** How long a cancelled run may take to stop on its own before its worker is terminated. */
  cancelGraceMs?: number;
}

export interface RunHandle {
  runId: string;
  done: Promise<RunResult>;
  cancel(): void;
}

/** What runExperiment and the extension drive: TrainingPool (worker threads in this process) or RemotePool (a child process). */
export interface RunPool {
  readonly maxWorkers: number;
  start(spec: RunSpec): RunHandle;
  cancel(runId: string): void;
  cancelAll(): void;
  onEvent(listener: (e: PoolEvent) => void): () => void;
  dispose(): Promise<void>;
}

interface Job {
  spec: RunSpec;
  dataset?: Dataset;
  cancelFlag: Int32Array;
  worker?: Worker;
  startedAt?: number;
  history: EpochMetrics[];
  started?: { kernels: string; paramCount: number };
  ended: boolean;
  cancelRequested: boolean;
  killTimer?: NodeJS.Timeout;
  resolve(result: RunResult): void;
  promise: Promise<RunResult>;
}

export class TrainingPool implements RunPool {
  readonly maxWorkers: number;
  private readonly datasets = new Map<string, Dataset>();
  private readonly queue: Job[] = [];
  private readonly running = new Map<string, Job>();
  private readonly listeners = new Set<(e: PoolEvent) => void>();
  private readonly entry: WorkerEntry;
  private disposed = false;

  constructor(private readonly options: PoolOptions = {}) {
    this.maxWorkers = Math.max(1, Math.floor(options.maxWorkers ?? availableParallelism()));
    this.entry = options.worker ?? defaultWorkerEntry();
  }

  /** Subscribes to every run's events; returns the unsubscribe function. */
  onEvent(listener: (e: PoolEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a run; it starts as soon as a worker is free. */
  start(spec: RunSpec): RunHandle {
    if (this.disposed) throw new Error('the training pool has been disposed');
    if (this.running.has(spec.runId) || this.queue.some((j) => j.spec.runId === spec.runId)) {
      throw new Error(`a run named ${spec.runId} is already queued or running`);
    }
    let resolve!: (r: RunResult) => void;
    const promise = new Promise<RunResult>((r) => { resolve = r; });
    const job: Job = {
      spec,
      cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
      history: [],
      ended: false,
      cancelRequested: false,
      resolve,
      promise,
    };
    this.queue.push(job);
    this.emit({ type: 'run/queued', runId: spec.runId });
    this.pump();
    return { runId: spec.runId, done: promise, cancel: () => this.cancel(spec.runId) };
  }

  /** Stops a run, keeping its finished epochs; a queued run ends at once. */
  cancel(runId: string): void {
    const queued = this.queue.findIndex((j) => j.spec.runId === runId);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      this.finish(job!, { status: 'cancelled', history: [] });
      return;
    }
    const job = this.running.get(runId);
    if (!job || job.ended || job.cancelRequested) return;
    job.cancelRequested = true;
    Atomics.store(job.cancelFlag, 0, 1);
    job.killTimer = setTimeout(() => {
      if (!job.ended) {
        void job.worker?.terminate();
        this.finish(job, { status: 'cancelled', history: job.history });
      }
    }, this.options.cancelGraceMs ?? 1000);
  }

  cancelAll(): void {
    for (const j of [...this.queue]) this.cancel(j.spec.runId);
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  /** Run ids currently training. */
  get active(): string[] {
    return [...this.running.keys()];
  }

  get queued(): string[] {
    return this.queue.map((j) => j.spec.runId);
  }

  /** Cancels everything and waits for the workers to go. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelAll();
    await Promise.all([...this.running.values()].map((j) => j.promise));
  }

  private emit(e: PoolEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a listener's bug must not stop the runs
      }
    }
  }

  private pump(): void {
    while (this.running.size < this.maxWorkers && this.queue.length) {
      this.launch(this.queue.shift()!);
    }
  }

  /** The run's dataset: given, or loaded from its spec (kept for the pool's lifetime: the next run shares it). */
  private datasetFor(spec: RunSpec): Dataset {
    if (spec.dataset) return spec.dataset;
    if (spec.datasetSpec === undefined) throw new Error(`run ${spec.runId} names no dataset (give dataset or datasetSpec)`);
    let dataset = this.datasets.get(spec.datasetSpec);
    if (!dataset) {
      dataset = loadDataset(spec.datasetSpec);
      this.datasets.set(spec.datasetSpec, dataset);
    }
    return dataset;
  }

  private launch(job: Job): void {
    const { spec } = job;
    this.running.set(spec.runId, job);
    job.startedAt = performance.now();
    try {
      job.dataset = this.datasetFor(spec);
    } catch (e) {
      this.finish(job, { status: 'failed', history: [], error: `could not load the dataset: ${(e as Error).message}` });
      return;
    }
    let worker: Worker;
    try {
      worker = new Worker(this.entry.file, { eval: this.entry.eval ?? false, execArgv: this.entry.execArgv });
    } catch (e) {
      this.finish(job, { status: 'failed', history: [], error: `could not start a training worker: ${(e as Error).message}` });
      return;
    }
    job.worker = worker;
    worker.on('message', (raw: unknown) => {
      const m = parseFromWorker(raw);
      if (typeof m === 'string' || m.type === 'worker/pong' || m.runId !== spec.runId) return;
      switch (m.type) {
        case 'run/started':
          job.started = { kernels: m.kernels, paramCount: m.paramCount };
          this.emit(m);
          break;
        case 'run/progress':
          if (!job.ended) this.emit(m);
          break;
        case 'run/epoch':
          job.history.push(m.metrics);
          if (!job.ended) this.emit(m);
          break;
        case 'run/end':
          this.finish(job, m.outcome, true);
          break;
        case 'run/error':
          this.finish(job, { status: 'failed', history: job.history, error: m.message });
          break;
      }
    });
    worker.on('error', (e) => {
      this.finish(job, { status: 'failed', history: job.history, error: `the training worker crashed: ${e.message}` });
    });
    worker.on('exit', (code) => {
      if (!job.ended) {
        this.finish(job, job.cancelRequested
          ? { status: 'cancelled', history: job.history }
          : { status: 'failed', history: job.history, error: `the training worker stopped unexpectedly (exit code ${code})` });
      }
    });
    const request: RunRequest = {
      runId: spec.runId,
      config: spec.config,
      dataset: job.dataset,
      cancelFlag: job.cancelFlag,
      runDir: spec.runDir,
      resume: spec.resume,
      kernels: this.options.kernels ?? DEFAULT_KERNEL_CHOICE,
      fault: spec.fault,
    };
    worker.postMessage({ type: 'run/start', request } satisfies ToWorker);
  }

  /**
   * Ends a run once. `fromWorker`: the worker reported the outcome and saved it itself;
   * otherwise (crash, kill, queue cancel) the pool records it in the run folder.
   */
  private finish(job: Job, outcome: Partial<RunOutcome> & { status: RunStatus }, fromWorker = false): void {
    if (job.ended) return;
    job.ended = true;
    if (job.killTimer) clearTimeout(job.killTimer);
    const { spec } = job;
    const result: RunResult = {
      ...outcome,
      status: outcome.status as RunResult['status'],
      history: outcome.history ?? job.history,
      runId: spec.runId,
      kernels: outcome.kernels ?? job.started?.kernels,
      paramCount: outcome.paramCount ?? job.started?.paramCount,
      runDir: spec.runDir,
      wallSeconds: job.startedAt === undefined ? 0 : (performance.now() - job.startedAt) / 1000,
    };
    if (!fromWorker && spec.runDir && (job.worker || outcome.status === 'failed')) recordRunEnd(spec.runDir, spec, result, job.dataset);
    if (job.worker) {
      const w = job.worker;
      // Let the worker finish writing before it goes; it has nothing left to do after run/end.
      setImmediate(() => void w.terminate());
    }
    this.running.delete(spec.runId);
    this.emit({ type: 'run/end', runId: spec.runId, result });
    job.resolve(result);
    this.pump();
  }
}

/**
 * Records an end the run's worker could not (crash, kill, queue cancel) in its folder's run.json.
 * Without a record there and without the dataset (a run that never started) nothing is written.
 */
export function recordRunEnd(runDir: string, spec: Pick<RunSpec, 'runId' | 'config'>, result: RunResult, dataset?: Dataset): void {
  try {
    let record;
    try {
      record = loadRunRecord(runDir);
    } catch {
      if (!dataset) return;
      record = newRunRecord(spec.runId, spec.config, dataset);
    }
    // History from the record (saved with the checkpoints) when it knows more than we heard.
    const history = record.history.length > result.history.length ? record.history : result.history;
    saveRunRecord(runDir, applyOutcome(record, {
      status: result.status, history, error: result.error, kernels: (result.kernels ?? 'js') as RunOutcome['kernels'],
      paramCount: result.paramCount ?? 0, sizes: result.sizes ?? { train: 0, validation: 0, test: 0 },
    }));
  } catch {
    // the run's result still goes to the caller; a folder we cannot write is theirs to report
  }
}
