import * as vscode from 'vscode';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listRuns, type RunRecord } from '../core/runs/runStore';
import { writeFileAtomic } from '../core/runs/atomic';
import { REPORT_FILE, RESULTS_FILE, RUNS_DIR, type ResultsFile } from '../core/train/experiment';

export interface StoredRun {
  experimentDir: string;
  dir: string;
  record?: RunRecord;
  error?: string;
}

/** Every run of every experiment under `experimentsDir`, newest experiment first. */
export function storedRuns(experimentsDir: string): StoredRun[] {
  if (!existsSync(experimentsDir)) return [];
  return readdirSync(experimentsDir)
    .sort()
    .reverse()
    .flatMap((name) => {
      const experimentDir = path.join(experimentsDir, name);
      return listRuns(path.join(experimentDir, RUNS_DIR)).map((r) => ({ experimentDir, ...r }));
    });
}

interface RunItem extends vscode.QuickPickItem {
  run: StoredRun;
}

function runItems(experimentsDir: string): RunItem[] {
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

/** Deletes a run's folder and its entry in the experiment's results.json (rewritten atomically). */
export function removeRun(run: StoredRun): void {
  rmSync(run.dir, { recursive: true, force: true });
  const resultsFile = path.join(run.experimentDir, RESULTS_FILE);
  if (!existsSync(resultsFile)) return;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as ResultsFile;
    const rel = path.relative(run.experimentDir, run.dir);
    results.runs = results.runs.filter((r) => r.dir !== rel);
    writeFileAtomic(resultsFile, `${JSON.stringify(results, null, 1)}\n`);
  } catch {
    // A damaged results.json stays as it was: the run folder itself is gone either way.
  }
}
