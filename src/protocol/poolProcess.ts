// Messages between ProcessPool (in the extension host) and the training process it forks,
// which hosts a WorkerPool and the dataset so that neither counts against the host's memory.
// Sent over child_process IPC with the 'advanced' serialization (NaN and Infinity survive).
// The process answers with its runs' events (RunEvent), unchanged.

import { isRecord } from './validate';
import { KERNEL_CHOICES, parseRunSpec, type KernelChoice, type RunSpec } from './training';

/** The WorkerPool the training process builds. */
export interface PoolProcessOptions {
  maxWorkers: number;
  kernels?: KernelChoice;
  cancelGraceMs?: number;
}

/** Host -> training process. `pool/init` comes first, once. */
export type ToPoolProcess =
  | { type: 'pool/init'; options: PoolProcessOptions }
  | { type: 'run/start'; spec: RunSpec }
  | { type: 'run/cancel'; runId: string }
  | { type: 'pool/shutdown' };

const isPositiveInt = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 1;

/** Checks a message arriving in the training process; returns it or a string saying what is wrong. */
export function parseToPoolProcess(raw: unknown): ToPoolProcess | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'pool/init': {
      const o = raw.options;
      if (!isRecord(o) || !isPositiveInt(o.maxWorkers)) return 'pool/init: options.maxWorkers must be a positive integer';
      if (o.kernels !== undefined && !KERNEL_CHOICES.includes(o.kernels as KernelChoice)) return `pool/init: unknown kernels ${JSON.stringify(o.kernels)}`;
      if (o.cancelGraceMs !== undefined && !(typeof o.cancelGraceMs === 'number' && o.cancelGraceMs >= 0)) return 'pool/init: cancelGraceMs must be a number of at least 0';
      return raw as ToPoolProcess;
    }
    case 'run/start': {
      const spec = parseRunSpec(raw.spec);
      return typeof spec === 'string' ? `run/start: ${spec}` : { type: 'run/start', spec };
    }
    case 'run/cancel':
      return typeof raw.runId === 'string' ? { type: 'run/cancel', runId: raw.runId } : 'run/cancel: runId must be a string';
    case 'pool/shutdown':
      return { type: raw.type };
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}
