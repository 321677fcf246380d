// Runs in a forked training process: the same pool, but the dataset (55 MB for MNIST) and the
// workers' heaps live in a child Node process (poolProcess.ts hosts a WorkerPool there), not in
// the caller's: worker_threads share their parent's process, so in the extension host they would
// count against it. The dataset goes over as its spec and is loaded over there. If the process
// dies, every run it held ends 'failed' with the reason, and the next start() forks a new one.

import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Channel } from '../protocol/channel';
import type { ToPoolProcess } from '../protocol/poolProcess';
import { parseRunEvent, type KernelChoice, type RunEvent } from '../protocol/training';
import { defaultPoolProcessEntry, type ProcessEntry } from './entries';
import { PoolBase, type TrackedRun } from './runPool';
import { childProcessTransport } from './transports';

export interface ProcessPoolOptions {
  /** Runs training at once in the child (default: the core count). */
  maxWorkers?: number;
  kernels?: KernelChoice;
  /** How long a cancelled run may take to stop before its worker is terminated (WorkerPool's). */
  cancelGraceMs?: number;
  /** The script to fork (default: dist/poolProcess.js, or the TS source under tsx). */
  entry?: ProcessEntry;
  /** How long dispose() waits for the child to exit before killing it. */
  exitGraceMs?: number;
}

/** The last this many characters of the child's stderr go into a crash's reason. */
const STDERR_TAIL = 2000;

interface Child {
  process: ChildProcess;
  channel: Channel<RunEvent, ToPoolProcess>;
  runs: Set<string>;
}

export class ProcessPool extends PoolBase {
  readonly maxWorkers: number;
  private child: Child | undefined;
  private stderrTail = '';
  private readonly entry: ProcessEntry;
  /** Messages from the child that failed validation (dropped; counted for tests and diagnostics). */
  ignoredMessages = 0;

  constructor(private readonly options: ProcessPoolOptions = {}) {
    super();
    this.maxWorkers = Math.max(1, Math.floor(options.maxWorkers ?? availableParallelism()));
    this.entry = options.entry ?? defaultPoolProcessEntry();
  }

  /** The training process's id while one is running. */
  get pid(): number | undefined {
    return this.child?.process.pid;
  }

  protected launch(run: TrackedRun): void {
    const child = this.ensureChild();
    child.runs.add(run.spec.runId);
    run.startedAt = performance.now();
    child.channel.send({ type: 'run/start', spec: run.spec });
  }

  cancel(runId: string): void {
    const run = this.runs.get(runId);
    if (!run || run.ended || run.cancelRequested) return;
    run.cancelRequested = true;
    this.child?.channel.send({ type: 'run/cancel', runId });
  }

  /** Cancels every run, waits for their ends, then lets the training process go (killing it if it lingers). */
  override async dispose(): Promise<void> {
    await super.dispose();
    const child = this.child;
    if (!child) return;
    const proc = child.process;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), this.options.exitGraceMs ?? 3000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.channel.send({ type: 'pool/shutdown' });
    });
  }

  private ensureChild(): Child {
    if (this.child) return this.child;
    this.stderrTail = '';
    const proc = fork(this.entry.file, [], {
      execArgv: this.entry.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // run as plain Node when the host is Electron (VS Code), as language servers are started
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const channel = new Channel<RunEvent, ToPoolProcess>(childProcessTransport(proc), {
      parse: parseRunEvent,
      onInvalid: () => { this.ignoredMessages++; },
    });
    const child: Child = { process: proc, channel, runs: new Set() };
    this.child = child;
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    channel.onMessage((e) => {
      const run = this.runs.get(e.runId);
      // The child's own run/queued is passed on as it is: it queues there.
      if (run && child.runs.has(e.runId)) this.deliver(run, e);
      if (e.type === 'run/end') child.runs.delete(e.runId);
    });
    let gone = false;
    const onGone = (reason: string): void => {
      if (gone) return;
      gone = true;
      if (this.child === child) this.child = undefined;
      channel.dispose();
      for (const id of child.runs) {
        const run = this.runs.get(id);
        // The child is gone, so the pool records the end in the run's folder.
        if (run && !run.ended) this.finish(run, run.cancelRequested ? { status: 'cancelled' } : { status: 'failed', error: reason }, { recorded: false });
      }
    };
    proc.on('error', (e) => onGone(`the training process failed: ${e.message}`));
    proc.on('exit', (code, signal) => {
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      const last = this.stderrTail.trim().split('\n').pop();
      onGone(`the training process stopped unexpectedly (${how})${last ? `: ${last}` : ''}`);
    });
    channel.send({ type: 'pool/init', options: { maxWorkers: this.maxWorkers, kernels: this.options.kernels, cancelGraceMs: this.options.cancelGraceMs } });
    return child;
  }
}
