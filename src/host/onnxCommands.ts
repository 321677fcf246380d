import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import { fileName, runName } from '../core/charts/names';
import { displayLanguage, runWords } from './runText';
import { exportRun, OnnxCheckError, renderOnnxCheckError, verifyModel, verifyReportLines, DEFAULT_OPSET, MIN_OPSET, MAX_OPSET, type VerifyReport } from '../core/onnx/index';
import { storedRuns } from '../training/experiments';

function problem(e: unknown): string {
  return e instanceof OnnxCheckError ? renderOnnxCheckError(e, displayLanguage()) : e instanceof Error ? e.message : String(e);
}

/** "Export Model to ONNX": pick a finished run, pick where to save, export (atomic write). */
export async function exportOnnxCommand(experimentsDir: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const runs = storedRuns(experimentsDir).filter((r) => r.record?.status === 'completed');
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No finished runs to export. Use "Train on MNIST" first.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    runs.map((run) => ({
      label: runWords(run.record!.id, run.record!.activations),
      description: run.record!.test ? vscode.l10n.t('{0} on {1} test images', `${(run.record!.test.accuracy * 100).toFixed(2)}%`, run.record!.test.count.toLocaleString('en')) : '',
      detail: `${path.basename(run.experimentDir)}/${run.record!.id}`,
      run,
    })),
    { title: vscode.l10n.t('Export Model to ONNX: run') },
  );
  if (!pick) return undefined;
  const opsetText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Export Model to ONNX: opset'),
    value: String(DEFAULT_OPSET),
    validateInput: (v) => (/^\d+$/.test(v) && Number(v) >= MIN_OPSET && Number(v) <= MAX_OPSET ? undefined : vscode.l10n.t('An opset from {0} to {1}', MIN_OPSET, MAX_OPSET)),
  });
  if (opsetText === undefined) return undefined;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Model to ONNX'),
    // Into the open folder, named in Latin letters whatever the language (the run's own folder is deep in VS Code's hidden storage); home without one.
    defaultUri: vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir(), `${fileName(runName(pick.run.record!.id, pick.run.record!.activations, 'en'), path.basename(pick.run.experimentDir).slice(0, 16))}.onnx`)),
    filters: { ONNX: ['onnx'] },
  });
  if (!target) return undefined;
  try {
    const result = exportRun(pick.run.dir, { opset: Number(opsetText), out: target.fsPath });
    log.info(`exported ${pick.run.dir} to ${result.path} (${result.bytes} bytes, opset ${result.opset}, ops ${result.ops.join(' ')})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} ({1} KB, opset {2}).', path.basename(result.path), Math.round(result.bytes / 1024), result.opset));
    return result.path;
  } catch (e) {
    log.error(`export failed: ${problem(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', problem(e)));
    return undefined;
  }
}

/** "Verify ONNX Model": pick a .onnx file, run the test set in onnxruntime-node, report. */
export async function verifyOnnxCommand(log: vscode.LogOutputChannel, datasetSpec: () => string): Promise<VerifyReport | undefined> {
  const files = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Verify ONNX Model'), canSelectMany: false, filters: { ONNX: ['onnx'] } });
  if (!files || files.length === 0) return undefined;
  return verifyOnnxFile(files[0].fsPath, log, datasetSpec());
}

export async function verifyOnnxFile(file: string, log: vscode.LogOutputChannel, dataset: string): Promise<VerifyReport | undefined> {
  try {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying {0} with onnxruntime', path.basename(file)) },
      () => verifyModel(file, { dataset }),
    );
    // The lines `actlab verify` prints, in VS Code's display language.
    for (const line of verifyReportLines(report, displayLanguage())) log.info(line);
    log.show(true);
    const acc = (report.accuracy * 100).toFixed(2);
    if (report.passed) void vscode.window.showInformationMessage(vscode.l10n.t('{0}: accuracy {1}% on {2} images; check passed.', path.basename(file), acc, report.count));
    else void vscode.window.showWarningMessage(vscode.l10n.t('{0}: check failed: {1}', path.basename(file), report.failures.join('; ')));
    return report;
  } catch (e) {
    log.error(`verify failed: ${problem(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot verify {0}: {1}', path.basename(file), problem(e)));
    return undefined;
  }
}
