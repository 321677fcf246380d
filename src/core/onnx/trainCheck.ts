// `actlab train`'s (and the Train command's) last step: export every completed run to ONNX and
// check it in onnxruntime against the lab's forward pass, one row of the verification table each.

import path from 'node:path';
import type { Dataset } from '../data/datasets';
import { OnnxCheckError } from './errors';
import { exportRun } from './export';
import { DEFAULT_OPSET } from './opsets';
import type { OnnxRunCheck } from '../runs/resultsFile';
import { verifyModel } from './verify';

export type { OnnxRunCheck } from '../runs/resultsFile';

/** Exports `runDir` to <runDir>/model.onnx and verifies it on the first `limit` test images of `dataset`. Never throws. */
export async function exportAndVerifyRun(runDir: string, outDir: string, dataset: Dataset, options: { opset?: number; limit?: number } = {}): Promise<OnnxRunCheck> {
  const opset = options.opset ?? DEFAULT_OPSET;
  const row: OnnxRunCheck = {
    file: '', opset, bytes: 0, ops: [], count: 0,
    onnxAccuracy: null, labAccuracy: null, maxAbsDiff: null, argmaxAgreement: null, ms: null, passed: false,
  };
  try {
    const exported = exportRun(runDir, { opset });
    Object.assign(row, { file: path.relative(outDir, exported.path), bytes: exported.bytes, ops: exported.ops });
    const report = await verifyModel(exported.path, { dataset, runDir, limit: options.limit });
    Object.assign(row, { count: report.count, onnxAccuracy: report.accuracy, ms: report.ms, passed: report.passed });
    if (report.parity) {
      Object.assign(row, { labAccuracy: report.parity.labAccuracy, maxAbsDiff: report.parity.maxAbsDiff, argmaxAgreement: report.parity.argmaxAgreement });
    } else {
      row.passed = false;
      row.error = report.parityNote ?? 'no parity check';
    }
    if (report.failures.length) row.error = report.failures.join('; ');
  } catch (e) {
    row.passed = false;
    row.error = e instanceof OnnxCheckError ? e.message : `unexpected: ${(e as Error)?.message ?? String(e)}`;
  }
  return row;
}
