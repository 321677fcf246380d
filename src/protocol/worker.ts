// Messages between a training worker and whoever drives it (the worker pool, used by the
// extension host and the CLI). Discriminated unions keyed by `type: 'scope/verb'`.

import type { Dataset } from '../core/data/types';
import type { TrainConfig } from '../core/train/config';
import type { EpochMetrics, Progress, RunOutcome } from '../core/train/results';

/** Which matrix kernels a worker uses: the plain TypeScript ones, or the fastest available. */
export type KernelChoice = 'js' | 'auto';

/** Deliberate failures, for tests of the pool's failure handling only. */
export interface FaultInjection {
  kind: 'throw' | 'exit';
  epoch: number;
  batch: number;
}

export interface RunRequest {
  runId: string;
  config: TrainConfig;
  /** Images and labels on SharedArrayBuffers: posting shares them, nothing is copied. */
  dataset: Dataset;
  /** Int32Array on a SharedArrayBuffer; element 0 set to 1 (Atomics.store) asks the run to stop. */
  cancelFlag: Int32Array;
  /** The run's folder (run.json, checkpoint.bin, weights.bin); omitted: nothing is saved. */
  runDir?: string;
  /** Continue from runDir's checkpoint when it matches the settings. */
  resume?: boolean;
  kernels?: KernelChoice;
  fault?: FaultInjection;
}

/** Driver -> worker. */
export type ToWorker =
  | { type: 'worker/ping' }
  | { type: 'run/start'; request: RunRequest };

/** Worker -> driver. */
export type FromWorker =
  | { type: 'worker/pong' }
  | { type: 'run/started'; runId: string; kernels: string; paramCount: number; resumedFromEpoch?: number }
  | { type: 'run/progress'; runId: string; progress: Progress }
  | { type: 'run/epoch'; runId: string; metrics: EpochMetrics }
  | { type: 'run/end'; runId: string; outcome: RunOutcome }
  | { type: 'run/error'; runId: string; message: string; stack?: string };

const FROM_WORKER_TYPES = new Set<string>(['worker/pong', 'run/started', 'run/progress', 'run/epoch', 'run/end', 'run/error']);

/**
 * Checks the envelope of a worker message (a known type and, for run messages, a run id);
 * returns the message or a string saying what is wrong. Workers are our own code, so the payload
 * is trusted past the envelope.
 */
export function parseFromWorker(raw: unknown): FromWorker | string {
  if (typeof raw !== 'object' || raw === null) return 'worker message is not an object';
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !FROM_WORKER_TYPES.has(type)) return `unknown worker message type ${JSON.stringify(type)}`;
  if (type !== 'worker/pong' && typeof (raw as { runId?: unknown }).runId !== 'string') return `${type}: missing runId`;
  return raw as FromWorker;
}

/** Checks a message arriving in the worker. */
export function parseToWorker(raw: unknown): ToWorker | string {
  if (typeof raw !== 'object' || raw === null) return 'message is not an object';
  const m = raw as { type?: unknown; request?: Partial<RunRequest> };
  if (m.type === 'worker/ping') return { type: 'worker/ping' };
  if (m.type !== 'run/start') return `unknown message type ${JSON.stringify(m.type)}`;
  const r = m.request;
  if (!r || typeof r.runId !== 'string' || !r.config || !r.dataset) return 'run/start: request needs runId, config and dataset';
  if (!(r.cancelFlag instanceof Int32Array) || !(r.cancelFlag.buffer instanceof SharedArrayBuffer)) {
    return 'run/start: cancelFlag must be an Int32Array on a SharedArrayBuffer';
  }
  return { type: 'run/start', request: r as RunRequest };
}
