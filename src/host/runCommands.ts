import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readableDate } from '../core/charts/names';
import { RESULTS_FILE } from '../core/runs/resultsFile';
import { parseReportArgs } from '../protocol/commandArgs';
import { experimentTime, listExperiments, removeRun, storedRuns, type StoredRun } from '../training/experiments';
import type { ReportOpener } from './labSession';
import { countWords, displayLanguage, listWords, runWords, statusWords } from './runText';


function runItems(experimentsDir: string): (vscode.QuickPickItem & { run: StoredRun })[] {
  return storedRuns(experimentsDir).map((run) => {
    const r = run.record;
    const acc = r?.test ? vscode.l10n.t('{0} on {1} test images', `${(r.test.accuracy * 100).toFixed(2)}%`, countWords(r.test.count)) : '';
    const quick = r?.config.limitTrain ? vscode.l10n.t('quick run, {0} training images', countWords(r.config.limitTrain)) : vscode.l10n.t('full run');
    return {
      label: r ? `${runWords(r.id, r.activations)}${acc ? `  ${acc}` : ''}` : path.basename(run.dir),
      description: r ? `${statusWords(r.status)} · ${vscode.l10n.t('{0}/{1} epochs', r.history.length, r.config.epochs)} · ${quick}` : vscode.l10n.t('damaged: {0}', run.error ?? ''),
      detail: `${readableDate(experimentCreated(run), displayLanguage())} · ${r?.dataset.name ?? ''} · ${path.basename(run.experimentDir)}/${path.basename(run.dir)}`,
      run,
    };
  });
}

/** An experiment folder's start time: its name is the ISO time stamp with ':' and '.' replaced. */
function experimentCreated(run: StoredRun): string {
  return experimentTime(path.basename(run.experimentDir)) ?? path.basename(run.experimentDir);
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

/** The stored run `{ experiment, run }` names, if it exists. */
function findRun(experimentsDir: string, experiment: string, run: string | undefined): StoredRun | undefined {
  return storedRuns(experimentsDir).find((r) => path.basename(r.experimentDir) === experiment && (run === undefined || path.basename(r.dir) === run));
}

/**
 * "Show Runs": pick a run and open its experiment's report in VS Code. Given `{ experiment, run }`
 * (a link, a test) it opens that one without the picker; a malformed or unknown one is refused
 * with a message and nothing opens.
 */
export async function showRuns(experimentsDir: string, reports: ReportOpener, args?: unknown): Promise<StoredRun | undefined> {
  let run: StoredRun | undefined;
  if (args !== undefined) {
    const given = parseReportArgs(args);
    run = given && findRun(experimentsDir, given.experiment, given.run);
    if (!run) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Show Runs: no such run: {0}', JSON.stringify(args).slice(0, 200)));
      return undefined;
    }
  } else {
    run = await pickRun(experimentsDir, vscode.l10n.t('Runs'));
  }
  if (!run) return undefined;
  if (!existsSync(path.join(run.experimentDir, RESULTS_FILE))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This experiment has no results yet (it was cut off mid-training): resume it to get its report.'));
    return run;
  }
  reports.show(path.basename(run.experimentDir), path.basename(run.dir));
  return run;
}

/**
 * "Open Report": the report of `{ experiment }` (the status bar, the training notification), or
 * of an experiment picked from the list, newest first. Resolves with the experiment shown.
 */
export async function openReport(experimentsDir: string, reports: ReportOpener, args?: unknown): Promise<string | undefined> {
  const given = args === undefined ? undefined : parseReportArgs(args);
  if (args !== undefined && (!given || !existsSync(path.join(experimentsDir, given.experiment, RESULTS_FILE)))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open Report: no such experiment: {0}', JSON.stringify(args).slice(0, 200)));
    return undefined;
  }
  let id = given?.experiment;
  if (!id) {
    const list = listExperiments(experimentsDir).experiments;
    if (list.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No runs yet. Use "Train on MNIST" to make some.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(list.map((x) => ({
      label: readableDate(x.createdAt, displayLanguage()),
      description: listWords(x.runs.map((r) => runWords(r.id))),
      detail: `${x.dataset} · ${vscode.l10n.t('{0} epochs', x.epochs)} · ${x.limitTrain ? vscode.l10n.t('quick run, {0} training images', countWords(x.limitTrain)) : vscode.l10n.t('full run')}`,
      id: x.id,
    })), { title: vscode.l10n.t('Open Report') });
    id = picked?.id;
  }
  if (id) reports.show(id, given?.run);
  return id;
}

/**
 * "Delete Run": pick a run, confirm, delete its folder and drop it from results.json. The
 * confirmation is a second picker whose first item, the one Enter takes, is Cancel: deleting takes
 * a deliberate choice (a modal dialog's focused button is always its action, Delete).
 */
export async function deleteRun(experimentsDir: string, log: vscode.LogOutputChannel): Promise<StoredRun | undefined> {
  const run = await pickRun(experimentsDir, vscode.l10n.t('Delete Run'));
  if (!run) return undefined;
  const name = run.record ? runWords(run.record.id, run.record.activations) : path.basename(run.dir);
  const cancel = { label: `$(close) ${vscode.l10n.t('Cancel')}`, remove: false };
  const del = { label: `$(trash) ${vscode.l10n.t('Delete')}`, description: path.relative(experimentsDir, run.dir), remove: true };
  const ok = await vscode.window.showQuickPick([cancel, del], {
    title: vscode.l10n.t("Delete run '{0}' and its weights? This cannot be undone.", name),
    placeHolder: vscode.l10n.t("Delete run '{0}' and its weights? This cannot be undone.", name),
  });
  if (!ok?.remove) return undefined;
  removeRun(run);
  log.info(`deleted run ${run.dir}`);
  return run;
}
