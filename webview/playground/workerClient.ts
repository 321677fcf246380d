// The page's side of the training worker: the worker's bundle (embedded in this one at build
// time) started from a blob: URL, which the panel's CSP allows as a worker source and nothing
// else does; one Channel over it; requests that fail with the worker's own message.
import { Channel, type Transport } from '../../src/protocol/channel';
import { parseFromPlaygroundWorker, type FromPlaygroundWorker, type ToPlaygroundWorker } from '../../src/protocol/playground';

declare const __ACTLAB_PLAYGROUND_WORKER__: string;

export interface PlaygroundWorker {
  channel: Channel<FromPlaygroundWorker, ToPlaygroundWorker>;
  /** Sends a request and resolves with its reply, or rejects with the worker's `pg/failed` message. */
  ask<K extends FromPlaygroundWorker['type']>(make: (requestId: string) => ToPlaygroundWorker, reply: K, timeoutMs?: number): Promise<Extract<FromPlaygroundWorker, { type: K }>>;
  terminate(): void;
}

/** Starts the worker; `onProblem` hears what goes wrong outside a request (a crash, a bad message). */
export function startPlaygroundWorker(onProblem: (message: string) => void): PlaygroundWorker {
  const url = URL.createObjectURL(new Blob([__ACTLAB_PLAYGROUND_WORKER__], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'activation-lab-playground' });
  worker.addEventListener('error', (e) => onProblem(`the training worker failed: ${e.message || 'it could not start'}`));
  const transport: Transport = {
    send: (m) => worker.postMessage(m),
    listen(receive) {
      const onMessage = (e: MessageEvent) => receive(e.data);
      worker.addEventListener('message', onMessage);
      return () => worker.removeEventListener('message', onMessage);
    },
  };
  const channel = new Channel<FromPlaygroundWorker, ToPlaygroundWorker>(transport, {
    parse: parseFromPlaygroundWorker,
    onInvalid: (problem) => onProblem(`ignored a worker message: ${problem}`),
    onHandlerError: (type, e) => console.error('[activation-lab] playground:', type, e),
  });
  const failures = new Map<string, (e: Error) => void>();
  let revoked = false;
  channel.onMessage(() => {
    // The worker has loaded its script: the URL is no longer needed.
    if (!revoked) { URL.revokeObjectURL(url); revoked = true; }
  });
  channel.on('pg/failed', (m) => {
    const fail = m.requestId === undefined ? undefined : failures.get(m.requestId);
    if (fail) fail(new Error(m.message));
    else onProblem(m.message);
  });
  return {
    channel,
    ask(make, reply, timeoutMs = 60_000) {
      let id = '';
      const answer = channel.request((requestId) => { id = requestId; return make(requestId); }, reply, timeoutMs);
      const failed = new Promise<never>((_, reject) => failures.set(id, reject));
      answer.catch(() => undefined); // the race below reports it; a late timeout is not unhandled
      return Promise.race([answer, failed]).finally(() => failures.delete(id));
    },
    terminate() {
      channel.dispose();
      worker.terminate();
      if (!revoked) URL.revokeObjectURL(url);
    },
  };
}
