// A training pool in a child process: the same surface as TrainingPool, but the dataset (55 MB for
// MNIST) and the workers' heaps live in a forked Node process (src/worker/poolProcess.ts), not in
// the caller's. worker_threads share their parent's process, so in the extension host they would
// count against it; issue 8 allows the host 50 MB of growth while training runs.
// The dataset goes over as its spec and is loaded over there. If the process dies, every run it
// held ends 'failed' with the reason, and the next start() forks a new one.

import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseFromPoolProcess, type RemoteRunSpec, type ToPoolProcess } from '../../protocol/poolProcess';
import type { KernelChoice } from '../../protocol/worker';
import type { EpochMetrics } from './results';
import { recordRunEnd, type PoolEvent, type RunHandle, type RunPool, type RunResult, type RunSpec } from './pool';
import { defaultPoolProcessEntry, type ProcessEntry } from './workerEntry';

export interface RemotePoolOptions {
  /** Runs training at once in the child (default: the core count). */
  maxWorkers?: number;
  kernels?: KernelChoice;
  /** How long a cancelled run may take to stop before its worker is terminated (TrainingPool's). */
  cancelGraceMs?: number;
  /** The script to fork (default: dist/poolProcess.js, or the TS source under tsx). */
  entry?: ProcessEntry;
  /** How long dispose() waits for the child to exit before killing it. */
  exitGraceMs?: number;
}

interface RemoteJob {
  spec: RunSpec;
  child: ChildProcess;
  history: EpochMetrics[];
  started?: { kernels: string; paramCount: number };
  startedAt: number;
  cancelRequested: boolean;
  ended: boolean;
  resolve(result: RunResult): void;
  promise: Promise<RunResult>;
}

/** The last this many characters of the child's stderr go into a crash's reason. */
const STDERR_TAIL = 2000;

export class RemotePool implements RunPool {
  readonly maxWorkers: number;
  private child: ChildProcess | undefined;
  private stderrTail = '';
  private readonly jobs = new Map<string, RemoteJob>();
  private readonly listeners = new Set<(e: PoolEvent) => void>();
  private readonly entry: ProcessEntry;
  private disposed = false;
  /** Messages from the child that failed validation (ignored; counted for tests and diagnostics). */
  ignoredMessages = 0;

  constructor(private readonly options: RemotePoolOptions = {}) {
    this.maxWorkers = Math.max(1, Math.floor(options.maxWorkers ?? availableParallelism()));
    this.entry = options.entry ?? defaultPoolProcessEntry();
  }

  /** The training process's id while one is running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Run ids started and not yet ended (queued in the child or training). */
  get active(): string[] {
    return [...this.jobs.keys()];
  }

  onEvent(listener: (e: PoolEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a run to the training process (forking it first when none is running). */
  start(spec: RunSpec): RunHandle {
    if (this.disposed) throw new Error('the training pool has been disposed');
    if (!spec.datasetSpec) throw new Error(`run ${spec.runId}: RemotePool needs datasetSpec (the dataset is loaded in the training process)`);
    if (this.jobs.has(spec.runId)) throw new Error(`a run named ${spec.runId} is already queued or running`);
    let resolve!: (r: RunResult) => void;
    const promise = new Promise<RunResult>((r) => { resolve = r; });
    const child = this.ensureChild();
    const job: RemoteJob = { spec, child, history: [], startedAt: performance.now(), cancelRequested: false, ended: false, resolve, promise };
    this.jobs.set(spec.runId, job);
    const remote: RemoteRunSpec = {
      runId: spec.runId, config: spec.config, datasetSpec: spec.datasetSpec,
      runDir: spec.runDir, resume: spec.resume, fault: spec.fault,
    };
    this.send(child, { type: 'pool/start', spec: remote });
    return { runId: spec.runId, done: promise, cancel: () => this.cancel(spec.runId) };
  }

  cancel(runId: string): void {
    const job = this.jobs.get(runId);
    if (!job || job.ended || job.cancelRequested) return;
    job.cancelRequested = true;
    this.send(job.child, { type: 'pool/cancel', runId });
  }

  cancelAll(): void {
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  /** Cancels every run, waits for their ends, then lets the training process go (killing it if it lingers). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelAll();
    await Promise.all([...this.jobs.values()].map((j) => j.promise));
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.exitGraceMs ?? 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send(child, { type: 'pool/shutdown' });
    });
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

  private send(child: ChildProcess, m: ToPoolProcess): void {
    if (!child.connected) return; // it is going: its exit ends the runs
    // a failed send means the channel closed under us; the 'exit' handler reports the runs
    child.send(m, (err) => { void err; });
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    this.stderrTail = '';
    const child = fork(this.entry.file, [], {
      execArgv: this.entry.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // run as plain Node when the host is Electron (VS Code), as language servers are started
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    this.child = child;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    child.on('message', (raw: unknown) => this.onMessage(child, raw));
    let gone = false;
    const onGone = (reason: string): void => {
      if (gone) return;
      gone = true;
      if (this.child === child) this.child = undefined;
      for (const job of [...this.jobs.values()]) {
        if (job.child !== child || job.ended) continue;
        this.finish(job, job.cancelRequested
          ? { runId: job.spec.runId, status: 'cancelled', history: job.history, wallSeconds: 0 }
          : { runId: job.spec.runId, status: 'failed', history: job.history, error: reason, wallSeconds: 0 }, true);
      }
    };
    child.on('error', (e) => onGone(`the training process failed: ${e.message}`));
    child.on('exit', (code, signal) => {
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      const last = this.stderrTail.trim().split('\n').pop();
      onGone(`the training process stopped unexpectedly (${how})${last ? `: ${last}` : ''}`);
    });
    this.send(child, {
      type: 'pool/init',
      options: { maxWorkers: this.maxWorkers, kernels: this.options.kernels, cancelGraceMs: this.options.cancelGraceMs },
    });
    return child;
  }

  private onMessage(child: ChildProcess, raw: unknown): void {
    const m = parseFromPoolProcess(raw);
    if (typeof m === 'string') {
      this.ignoredMessages++;
      return;
    }
    const e = m.event;
    const job = this.jobs.get(e.runId);
    if (!job || job.child !== child || job.ended) return;
    switch (e.type) {
      case 'run/started':
        job.started = { kernels: e.kernels, paramCount: e.paramCount };
        this.emit(e);
        break;
      case 'run/epoch':
        job.history.push(e.metrics);
        this.emit(e);
        break;
      case 'run/queued':
      case 'run/progress':
        this.emit(e);
        break;
      case 'run/end':
        this.finish(job, e.result);
        break;
    }
  }

  /** Ends a run once. `local`: the child is gone, so the pool records the end in the run's folder. */
  private finish(job: RemoteJob, result: RunResult, local = false): void {
    if (job.ended) return;
    job.ended = true;
    const { spec } = job;
    const full: RunResult = {
      ...result,
      runId: spec.runId,
      kernels: result.kernels ?? job.started?.kernels,
      paramCount: result.paramCount ?? job.started?.paramCount,
      runDir: spec.runDir,
      wallSeconds: local ? (performance.now() - job.startedAt) / 1000 : result.wallSeconds,
    };
    if (local && spec.runDir) recordRunEnd(spec.runDir, spec, full);
    this.jobs.delete(spec.runId);
    this.emit({ type: 'run/end', runId: spec.runId, result: full });
    job.resolve(full);
  }
}
