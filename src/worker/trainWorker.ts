// The training worker: one run per worker (the pool starts a fresh one for each run, so a crash
// takes down that run only). It answers `worker/ping` and trains on `run/start`; the run is
// stopped through the request's shared cancel flag, since the loop never yields to messages.

import { parentPort } from 'node:worker_threads';
import { parseToWorker, type FromWorker, type KernelChoice } from '../protocol/worker';
import { createKernels } from '../core/kernels/index';
import { createJsKernels } from '../core/kernels/js';
import { resolveLayerActivation } from '../core/train/resolveActivation';
import { runJob } from '../core/train/runJob';

const port = parentPort;
const post = (m: FromWorker) => port?.postMessage(m);

function kernelsFor(choice: KernelChoice | undefined) {
  return choice === 'auto' ? createKernels('auto') : createJsKernels();
}

port?.on('message', (raw: unknown) => {
  const msg = parseToWorker(raw);
  if (typeof msg === 'string') {
    const runId = (raw as { request?: { runId?: unknown } })?.request?.runId;
    if (typeof runId === 'string') post({ type: 'run/error', runId, message: msg });
    return;
  }
  if (msg.type === 'worker/ping') {
    post({ type: 'worker/pong' });
    return;
  }
  const { request } = msg;
  runJob(request, post, { resolveActivation: resolveLayerActivation, kernels: () => kernelsFor(request.kernels) }).catch((e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'run/error', runId: request.runId, message: err.message, stack: err.stack });
  });
});
