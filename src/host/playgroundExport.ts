import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../core/runs/atomic';
import { buildPlaygroundOnnx, checkPlaygroundOnnx, PLAYGROUND_TOLERANCE } from '../core/onnx/playgroundModel';
import type { PlaygroundCheck, PlaygroundModel } from '../protocol/playground';

/** What an export did: where the model went and how onnxruntime's outputs compared with the page's. */
export interface PlaygroundExportResult {
  path: string;
  points: number;
  maxAbsDiff: number;
  ok: boolean;
  detail?: string;
}

/**
 * Builds the playground model's ONNX file, asks where to save it (`target` skips the dialog, for
 * tests), writes it atomically, then runs it in onnxruntime on the page's grid and compares with
 * the page's own outputs. Resolves undefined when the dialog is dismissed.
 */
export async function exportPlaygroundModel(model: PlaygroundModel, check: PlaygroundCheck, log: vscode.LogOutputChannel, target?: vscode.Uri): Promise<PlaygroundExportResult | undefined> {
  const built = buildPlaygroundOnnx(model);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
  const name = `playground-${model.task}-${model.activations.map((a) => ('id' in a ? a.id : a.custom.name)).join('-') || 'linear'}.onnx`;
  const uri = target ?? await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Playground Model to ONNX'),
    defaultUri: vscode.Uri.file(path.join(folder, name)),
    filters: { ONNX: ['onnx'] },
  });
  if (!uri) return undefined;
  if (uri.scheme === 'file') writeFileAtomic(uri.fsPath, built.bytes);
  else await vscode.workspace.fs.writeFile(uri, built.bytes);
  const parity = await checkPlaygroundOnnx(built.bytes, model.task, check.points, check.outputs);
  const ok = parity.maxAbsDiff <= PLAYGROUND_TOLERANCE;
  const where = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  log.info(`playground model exported to ${where} (opset ${built.opset}, ${built.ops.join(' ')}); onnxruntime vs the page on ${parity.points} points: max |diff| ${parity.maxAbsDiff.toExponential(2)}`);
  const detail = parity.worst ? `(${parity.worst.x1}, ${parity.worst.x2}): page ${parity.worst.expected}, onnxruntime ${parity.worst.onnx}` : undefined;
  return { path: where, points: parity.points, maxAbsDiff: parity.maxAbsDiff, ok, ...(detail ? { detail } : {}) };
}
