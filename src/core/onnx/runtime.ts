// onnxruntime-node, loaded on first use and never at module load: the extension activates
// without its native binary, and a machine without it gets a clear error only when checking.

import type * as OrtModule from 'onnxruntime-node';
import { onnxCheckMessage } from './checkMessages';
import { OnnxCheckError } from './errors';

export type OnnxRuntime = typeof OrtModule;
export type InferenceSession = OrtModule.InferenceSession;

let runtime: OnnxRuntime | undefined;

/** The onnxruntime-node module, required now (it stays external to the bundles). */
export function loadOnnxRuntime(): OnnxRuntime {
  if (runtime) return runtime;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    runtime = require('onnxruntime-node') as OnnxRuntime;
  } catch (e) {
    throw new OnnxCheckError('runtime-missing', onnxCheckMessage('runtimeMissing', { why: (e as Error).message.split('\n')[0] }));
  }
  return runtime;
}

/** A session on one thread, as the reference timings were measured; errors become OnnxCheckError. */
export async function createSession(bytes: Uint8Array, label: string): Promise<InferenceSession> {
  const ort = loadOnnxRuntime();
  try {
    return await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
  } catch (e) {
    throw new OnnxCheckError('runtime', onnxCheckMessage('runtimeCannotLoad', { label, why: (e as Error).message }));
  }
}
