// Messages between RemotePool (in the extension host) and the training process it forks
// (src/worker/poolProcess.ts), which hosts a TrainingPool and the dataset so that neither counts
// against the host's memory. Discriminated unions keyed by `type: 'scope/verb'`, sent over
// child_process IPC with the 'advanced' serialization (NaN and Infinity in metrics survive).

import type { TrainConfig } from '../core/train/config';
import type { PoolEvent } from '../core/train/pool';
import type { FaultInjection, KernelChoice } from './worker';

/** A run as the training process gets it: the dataset by its spec, loaded over there. */
export interface RemoteRunSpec {
  runId: string;
  config: TrainConfig;
  /** 'mnist', 'fashion-mnist' or a folder of IDX files (loadDataset's argument). */
  datasetSpec: string;
  runDir?: string;
  resume?: boolean;
  fault?: FaultInjection;
}

/** The TrainingPool the training process builds. */
export interface PoolProcessOptions {
  maxWorkers: number;
  kernels?: KernelChoice;
  cancelGraceMs?: number;
}

/** Host -> training process. `pool/init` comes first, once. */
export type ToPoolProcess =
  | { type: 'pool/init'; options: PoolProcessOptions }
  | { type: 'pool/start'; spec: RemoteRunSpec }
  | { type: 'pool/cancel'; runId: string }
  | { type: 'pool/cancelAll' }
  | { type: 'pool/shutdown' };

/** Training process -> host: every event of its pool, as TrainingPool emits it. */
export type FromPoolProcess = { type: 'pool/event'; event: PoolEvent };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isPositiveInt = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 1;
const EVENT_TYPES = new Set<string>(['run/queued', 'run/started', 'run/progress', 'run/epoch', 'run/end']);
const RUN_STATUSES = new Set<string>(['completed', 'cancelled', 'diverged', 'failed']);

/** Checks a message arriving in the training process; returns it or a string saying what is wrong. */
export function parseToPoolProcess(raw: unknown): ToPoolProcess | string {
  if (!isObject(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'pool/init': {
      const o = raw.options;
      if (!isObject(o) || !isPositiveInt(o.maxWorkers)) return 'pool/init: options.maxWorkers must be a positive integer';
      if (o.kernels !== undefined && o.kernels !== 'js' && o.kernels !== 'auto') return `pool/init: unknown kernels ${JSON.stringify(o.kernels)}`;
      if (o.cancelGraceMs !== undefined && !(typeof o.cancelGraceMs === 'number' && o.cancelGraceMs >= 0)) return 'pool/init: cancelGraceMs must be a number of at least 0';
      return raw as ToPoolProcess;
    }
    case 'pool/start': {
      const s = raw.spec;
      if (!isObject(s) || typeof s.runId !== 'string' || s.runId === '') return 'pool/start: spec.runId must be a non-empty string';
      if (!isObject(s.config)) return `pool/start ${s.runId}: spec.config must be an object`;
      if (typeof s.datasetSpec !== 'string' || s.datasetSpec.trim() === '') return `pool/start ${s.runId}: spec.datasetSpec must be a non-empty string`;
      if (s.runDir !== undefined && typeof s.runDir !== 'string') return `pool/start ${s.runId}: spec.runDir must be a string`;
      return raw as ToPoolProcess;
    }
    case 'pool/cancel':
      return typeof raw.runId === 'string' ? (raw as ToPoolProcess) : 'pool/cancel: runId must be a string';
    case 'pool/cancelAll':
    case 'pool/shutdown':
      return { type: raw.type };
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

/** Checks a message arriving in the host: a known event type with a run id, and a result on run/end. */
export function parseFromPoolProcess(raw: unknown): FromPoolProcess | string {
  if (!isObject(raw)) return 'training process message is not an object';
  if (raw.type !== 'pool/event') return `unknown training process message type ${JSON.stringify(raw.type)}`;
  const e = raw.event;
  if (!isObject(e) || typeof e.type !== 'string' || !EVENT_TYPES.has(e.type)) return `pool/event: unknown event ${JSON.stringify(isObject(e) ? e.type : e)}`;
  if (typeof e.runId !== 'string') return `pool/event ${e.type}: missing runId`;
  if (e.type === 'run/end' && !(isObject(e.result) && typeof e.result.status === 'string' && RUN_STATUSES.has(e.result.status) && Array.isArray(e.result.history))) {
    return `pool/event run/end ${e.runId}: result needs a final status and a history`;
  }
  if (e.type === 'run/epoch' && !isObject(e.metrics)) return `pool/event run/epoch ${e.runId}: missing metrics`;
  if (e.type === 'run/progress' && !isObject(e.progress)) return `pool/event run/progress ${e.runId}: missing progress`;
  return raw as FromPoolProcess;
}
