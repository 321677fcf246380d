import { parentPort } from 'node:worker_threads';

// The training worker's entry point. The trainer issue gives it its real job; until then it
// only answers a ping so the build, the packaging and the host tests can load it.
parentPort?.on('message', (msg: unknown) => {
  if (typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'worker/ping') {
    parentPort?.postMessage({ type: 'worker/pong' });
  }
});
