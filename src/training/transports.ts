// Channel transports for the two Node hops of a run's events: a worker_threads Worker (and its
// parentPort inside the worker) and a child process (and `process` inside the child).

import type { ChildProcess } from 'node:child_process';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Transport } from '../protocol/channel';

/** The pool's side of a worker. */
export function workerTransport(worker: Worker): Transport {
  return {
    send: (m) => worker.postMessage(m),
    listen(receive) {
      worker.on('message', receive);
      return () => worker.off('message', receive);
    },
  };
}

/** The worker's side: its parentPort. */
export function parentPortTransport(port: MessagePort): Transport {
  return {
    send: (m) => port.postMessage(m),
    listen(receive) {
      port.on('message', receive);
      return () => port.off('message', receive);
    },
  };
}

/** The parent's side of a forked process. A send after the channel closed is dropped: the process's exit reports its runs. */
export function childProcessTransport(child: ChildProcess): Transport {
  return {
    send(m) {
      if (child.connected) child.send(m as object, (err) => { void err; });
    },
    listen(receive) {
      child.on('message', receive);
      return () => child.off('message', receive);
    },
  };
}

/** The forked process's side: `process` with its IPC channel. */
export function processTransport(proc: NodeJS.Process = process): Transport {
  return {
    send(m) {
      if (proc.connected) proc.send?.(m);
    },
    listen(receive) {
      proc.on('message', receive);
      return () => proc.off('message', receive);
    },
  };
}
