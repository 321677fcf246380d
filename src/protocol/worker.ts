// Messages between a run's training worker (worker_threads) and the pool that starts it. The
// worker answers with the run's own events (RunEvent), unchanged from there to the page.

import type { Dataset } from '../core/data/types';
import { isRecord } from './validate';
import { KERNEL_CHOICES, parseRunSpec, type KernelChoice, type RunSpec } from './training';

/** Pool -> worker: train this run. */
export interface StartRunMessage {
  type: 'run/start';
  spec: RunSpec;
  /** Images and labels on SharedArrayBuffers: posting shares them, nothing is copied. */
  dataset: Dataset;
  /** Int32Array on a SharedArrayBuffer; element 0 set to 1 (Atomics.store) asks the run to stop. */
  cancelFlag: Int32Array;
  kernels: KernelChoice;
}

export type ToWorker = StartRunMessage;

/** Checks a message arriving in the worker; the message or what is wrong. */
export function parseToWorker(raw: unknown): ToWorker | string {
  if (!isRecord(raw)) return 'message is not an object';
  if (raw.type !== 'run/start') return `unknown message type ${JSON.stringify(raw.type)}`;
  const spec = parseRunSpec(raw.spec);
  if (typeof spec === 'string') return `run/start: ${spec}`;
  if (!isRecord(raw.dataset)) return `run/start ${spec.runId}: dataset must be an object`;
  if (!(raw.cancelFlag instanceof Int32Array) || !(raw.cancelFlag.buffer instanceof SharedArrayBuffer)) {
    return `run/start ${spec.runId}: cancelFlag must be an Int32Array on a SharedArrayBuffer`;
  }
  if (!KERNEL_CHOICES.includes(raw.kernels as KernelChoice)) return `run/start ${spec.runId}: unknown kernels ${JSON.stringify(raw.kernels)}`;
  return raw as unknown as ToWorker;
}
