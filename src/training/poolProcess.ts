// The training process ProcessPool forks: it hosts a WorkerPool and the dataset, so the
// extension host holds neither. It takes pool messages over IPC and sends back every run event
// unchanged. When the host goes away (the IPC channel closes) it cancels its runs and exits.

import { Channel } from '../protocol/channel';
import { parseToPoolProcess, type PoolProcessOptions, type ToPoolProcess } from '../protocol/poolProcess';
import type { RunEvent } from '../protocol/training';
import { processTransport } from './transports';
import { WorkerPool } from './workerPool';

/** How long the runs get to stop and write their results after the host leaves. */
const EXIT_GRACE_MS = 3000;

if (!process.connected) {
  process.stderr.write('[actlab pool process] started without an IPC channel: it is forked by ProcessPool, not run by hand\n');
  process.exit(2);
}

const channel = new Channel<ToPoolProcess, RunEvent>(processTransport(), {
  parse: parseToPoolProcess,
  onInvalid: (problem) => process.stderr.write(`[actlab pool process] ignored a message: ${problem}\n`),
});
let pool: WorkerPool | undefined;
let leaving = false;

function ensurePool(options: PoolProcessOptions = { maxWorkers: 1 }): WorkerPool {
  if (!pool) {
    pool = new WorkerPool(options);
    pool.onEvent((e) => channel.send(e));
  }
  return pool;
}

/** Cancels everything, lets the workers finish their writes, then exits. */
function leave(): void {
  if (leaving) return;
  leaving = true;
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
  void (pool?.dispose() ?? Promise.resolve()).finally(() => {
    // the last run/end messages go out before the channel closes
    if (process.connected) process.disconnect();
    setImmediate(() => process.exit(0));
  });
}

channel.on('pool/init', (m) => ensurePool(m.options));
channel.on('run/start', ({ spec }) => {
  try {
    ensurePool().start(spec);
  } catch (e) {
    // refused (disposed, duplicate id): the host still waits for this run's end
    channel.send({ type: 'run/end', runId: spec.runId, outcome: { status: 'failed', history: [], error: (e as Error).message, wallSeconds: 0 } });
  }
});
channel.on('run/cancel', ({ runId }) => pool?.cancel(runId));
channel.on('pool/shutdown', leave);
process.on('disconnect', leave);
