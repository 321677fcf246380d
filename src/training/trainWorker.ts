// The training worker: one run per worker (the pool starts a fresh one for each run, so a crash
// takes down that run only). It trains on `run/start` and answers with the run's events; the run
// is stopped through the shared cancel flag, since the training loop never yields to messages.

import { parentPort } from 'node:worker_threads';
import { createKernels } from '../core/kernels/index';
import { createJsKernels } from '../core/kernels/js';
import { resolveLayerActivation } from '../core/train/resolveActivation';
import { Channel } from '../protocol/channel';
import type { RunEvent } from '../protocol/training';
import { parseToWorker, type ToWorker } from '../protocol/worker';
import { parentPortTransport } from './transports';
import { recordRunEnd, trainRun } from './trainRun';

if (parentPort) {
  const channel = new Channel<ToWorker, RunEvent>(parentPortTransport(parentPort), {
    parse: parseToWorker,
    onInvalid: (problem, raw) => {
      // The pool waits for this run's end: answer a malformed start with a failed one when it names the run.
      const runId = (raw as { spec?: { runId?: unknown } } | null)?.spec?.runId;
      if (typeof runId === 'string') channel.send({ type: 'run/end', runId, outcome: { status: 'failed', history: [], error: problem } });
    },
  });
  channel.on('run/start', ({ spec, dataset, cancelFlag, kernels }) => {
    const t0 = performance.now();
    trainRun(spec, dataset, cancelFlag, (e) => channel.send(e), {
      resolveActivation: resolveLayerActivation,
      kernels: () => (kernels === 'auto' ? createKernels('auto') : createJsKernels()),
    }).catch((e: unknown) => {
      const outcome = { status: 'failed' as const, history: [], error: e instanceof Error ? e.message : String(e), wallSeconds: (performance.now() - t0) / 1000 };
      recordRunEnd(spec, outcome, dataset);
      channel.send({ type: 'run/end', runId: spec.runId, outcome });
    });
  });
}
