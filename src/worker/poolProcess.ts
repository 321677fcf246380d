// The training process RemotePool forks: it hosts a TrainingPool (worker_threads) and the dataset,
// so the extension host holds neither. It takes `pool/*` messages over IPC and sends back every
// pool event. When the host goes away (the IPC channel closes) it cancels its runs and exits.

import { TrainingPool } from '../core/train/pool';
import { parseToPoolProcess, type FromPoolProcess, type PoolProcessOptions, type ToPoolProcess } from '../protocol/poolProcess';

/** How long the runs get to stop and write their results after the host leaves. */
const EXIT_GRACE_MS = 3000;

let pool: TrainingPool | undefined;
let leaving = false;

function send(m: FromPoolProcess): void {
  if (process.connected) process.send?.(m);
}

function ensurePool(options: PoolProcessOptions = { maxWorkers: 1 }): TrainingPool {
  if (!pool) {
    pool = new TrainingPool(options);
    pool.onEvent((event) => send({ type: 'pool/event', event }));
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

function handle(msg: ToPoolProcess): void {
  switch (msg.type) {
    case 'pool/init':
      ensurePool(msg.options);
      break;
    case 'pool/start': {
      const { spec } = msg;
      try {
        ensurePool().start(spec);
      } catch (e) {
        // refused (disposed, duplicate id): the host still waits for this run's end
        send({
          type: 'pool/event',
          event: { type: 'run/end', runId: spec.runId, result: { runId: spec.runId, status: 'failed', history: [], error: (e as Error).message, wallSeconds: 0, runDir: spec.runDir } },
        });
      }
      break;
    }
    case 'pool/cancel':
      pool?.cancel(msg.runId);
      break;
    case 'pool/cancelAll':
      pool?.cancelAll();
      break;
    case 'pool/shutdown':
      leave();
      break;
  }
}

process.on('message', (raw: unknown) => {
  const msg = parseToPoolProcess(raw);
  if (typeof msg === 'string') {
    process.stderr.write(`[actlab pool process] ignored a message: ${msg}\n`);
    return;
  }
  handle(msg);
});
process.on('disconnect', leave);
if (!process.connected) {
  process.stderr.write('[actlab pool process] started without an IPC channel: it is forked by RemotePool, not run by hand\n');
  process.exit(2);
}
