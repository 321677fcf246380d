// Runs in worker threads: each run trains in its own worker_threads Worker, up to `maxWorkers`
// at once (default: the core count), the rest queued. A worker that throws or dies fails its run
// with the reason; the others go on. Cancel sets the run's shared flag (the trainer polls it
// every batch) and terminates the worker if it has not ended within `cancelGraceMs`.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadDataset, type Dataset } from '../core/data/datasets';
import { Channel } from '../protocol/channel';
import { parseRunEvent, type KernelChoice, type RunEvent } from '../protocol/training';
import type { ToWorker } from '../protocol/worker';
import { defaultWorkerEntry, type WorkerEntry } from './entries';
import { PoolBase, type TrackedRun } from './runPool';
import { workerTransport } from './transports';

/** Kernels a run uses unless told: the fastest this runtime has ('js', the plain TypeScript reference, on request). */
export const DEFAULT_KERNEL_CHOICE: KernelChoice = 'auto';

export interface WorkerPoolOptions {
  maxWorkers?: number;
  kernels?: KernelChoice;
  /** The worker script and its execArgv (default: dist/worker.js, or the TS source under tsx). */
  worker?: WorkerEntry;
  /** How long a cancelled run may take to stop on its own before its worker is terminated. */
  cancelGraceMs?: number;
}

interface Slot {
  run: TrackedRun;
  dataset?: Dataset;
  cancelFlag: Int32Array;
  worker?: Worker;
  channel?: Channel<RunEvent, ToWorker>;
  killTimer?: NodeJS.Timeout;
}

export class WorkerPool extends PoolBase {
  readonly maxWorkers: number;
  /** Datasets by spec ('mnist', 'fashion-mnist', a folder), loaded once with shared buffers: every worker reads the same bytes. */
  private readonly datasets = new Map<string, Dataset>();
  private readonly queue: Slot[] = [];
  private readonly running = new Map<string, Slot>();
  private readonly entry: WorkerEntry;

  constructor(private readonly options: WorkerPoolOptions = {}) {
    super();
    this.maxWorkers = Math.max(1, Math.floor(options.maxWorkers ?? availableParallelism()));
    this.entry = options.worker ?? defaultWorkerEntry();
  }

  /** Gives the pool a dataset its caller has loaded already (the runs whose config names `spec` use it). */
  provideDataset(spec: string, dataset: Dataset): void {
    this.datasets.set(spec, dataset);
  }

  /** Run ids waiting for a worker. */
  get queued(): string[] {
    return this.queue.map((s) => s.run.spec.runId);
  }

  protected launch(run: TrackedRun): void {
    this.queue.push({ run, cancelFlag: new Int32Array(new SharedArrayBuffer(4)) });
    this.emit({ type: 'run/queued', runId: run.spec.runId });
    this.pump();
  }

  cancel(runId: string): void {
    const queued = this.queue.findIndex((s) => s.run.spec.runId === runId);
    if (queued >= 0) {
      const [slot] = this.queue.splice(queued, 1);
      // It never started: nothing in its folder to update.
      this.finish(slot.run, { status: 'cancelled', history: [] }, { recorded: true });
      return;
    }
    const slot = this.running.get(runId);
    if (!slot || slot.run.ended || slot.run.cancelRequested) return;
    slot.run.cancelRequested = true;
    Atomics.store(slot.cancelFlag, 0, 1);
    slot.killTimer = setTimeout(() => {
      if (slot.run.ended) return;
      void slot.worker?.terminate();
      this.finish(slot.run, { status: 'cancelled' }, { recorded: false, dataset: slot.dataset });
    }, this.options.cancelGraceMs ?? 1000);
  }

  protected override afterEnd(): void {
    for (const [id, slot] of this.running) {
      if (!slot.run.ended) continue;
      this.running.delete(id);
      if (slot.killTimer) clearTimeout(slot.killTimer);
      slot.channel?.dispose();
      const w = slot.worker;
      // Let the worker finish writing before it goes; it has nothing left to do after run/end.
      if (w) setImmediate(() => void w.terminate());
    }
    this.pump();
  }

  private pump(): void {
    while (this.running.size < this.maxWorkers && this.queue.length) this.startWorker(this.queue.shift()!);
  }

  /** The run's dataset, loaded on first use and kept for the pool's lifetime (the next run shares it). */
  private datasetFor(spec: string): Dataset {
    let dataset = this.datasets.get(spec);
    if (!dataset) {
      dataset = loadDataset(spec);
      this.datasets.set(spec, dataset);
    }
    return dataset;
  }

  private startWorker(slot: Slot): void {
    const { run } = slot;
    const { spec } = run;
    this.running.set(spec.runId, slot);
    run.startedAt = performance.now();
    try {
      slot.dataset = this.datasetFor(spec.config.dataset);
    } catch (e) {
      this.finish(run, { status: 'failed', error: `could not load the dataset: ${(e as Error).message}` }, { recorded: false });
      return;
    }
    try {
      slot.worker = new Worker(this.entry.file, { eval: this.entry.eval ?? false, execArgv: this.entry.execArgv });
    } catch (e) {
      this.finish(run, { status: 'failed', error: `could not start a training worker: ${(e as Error).message}` }, { recorded: false, dataset: slot.dataset });
      return;
    }
    const worker = slot.worker;
    slot.channel = new Channel<RunEvent, ToWorker>(workerTransport(worker), { parse: parseRunEvent });
    slot.channel.onMessage((e) => this.deliver(run, e));
    worker.on('error', (e) => {
      this.finish(run, { status: 'failed', error: `the training worker crashed: ${e.message}` }, { recorded: false, dataset: slot.dataset });
    });
    worker.on('exit', (code) => {
      this.finish(run, run.cancelRequested
        ? { status: 'cancelled' }
        : { status: 'failed', error: `the training worker stopped unexpectedly (exit code ${code})` }, { recorded: false, dataset: slot.dataset });
    });
    slot.channel.send({ type: 'run/start', spec, dataset: slot.dataset, cancelFlag: slot.cancelFlag, kernels: this.options.kernels ?? DEFAULT_KERNEL_CHOICE });
  }
}
