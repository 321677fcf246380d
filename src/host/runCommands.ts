import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPORT_FILE } from '../core/runs/resultsFile';
import { removeRun, storedRuns, type StoredRun } from '../training/experiments';

function runItems(experimentsDir: string): (vscode.QuickPickItem & { run: StoredRun })[] {
  return storedRuns(experimentsDir).map((run) => {
    const r = run.record;
    const acc = r?.test ? `${(r.test.accuracy * 100).toFixed(2)}%` : '';
    return {
      label: r ? `${r.id}  ${acc}` : path.basename(run.dir),
      description: r ? `${r.status} · ${r.history.length}/${r.config.epochs} ${vscode.l10n.t('epochs')} · ${r.activations.join(', ')}` : vscode.l10n.t('damaged: {0}', run.error ?? ''),
      detail: `${path.basename(run.experimentDir)} · ${r?.dataset.name ?? ''}`,
      run,
    };
  });
}

/** One run of any experiment; undefined when there is none or the picker is dismissed. */
export async function pickRun(experimentsDir: string, title: string): Promise<StoredRun | undefined> {
  const items = runItems(experimentsDir);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No runs yet. Use "Train on MNIST" to make some.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.run;
}

/** "Show Runs": pick a run and open its experiment's report. */
export async function showRuns(experimentsDir: string): Promise<StoredRun | undefined> {
  const run = await pickRun(experimentsDir, vscode.l10n.t('Runs'));
  if (!run) return undefined;
  const report = path.join(run.experimentDir, REPORT_FILE);
  if (existsSync(report)) await vscode.env.openExternal(vscode.Uri.file(report));
  else void vscode.window.showWarningMessage(vscode.l10n.t('This experiment has no report.html.'));
  return run;
}

/** "Delete Run": pick a run, confirm, delete its folder and drop it from results.json. */
export async function deleteRun(experimentsDir: string, log: vscode.LogOutputChannel): Promise<StoredRun | undefined> {
  const run = await pickRun(experimentsDir, vscode.l10n.t('Delete Run'));
  if (!run) return undefined;
  const del = vscode.l10n.t('Delete');
  const ok = await vscode.window.showWarningMessage(vscode.l10n.t("Delete run '{0}' and its weights? This cannot be undone.", path.basename(run.dir)), { modal: true }, del);
  if (ok !== del) return undefined;
  removeRun(run);
  log.info(`deleted run ${run.dir}`);
  return run;
}
