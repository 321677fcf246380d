import * as vscode from 'vscode';
import { jobProgress, type JobSnapshot } from '../protocol/jobSnapshot';
import { listExperiments } from '../training/experiments';
import { countWords, listWords, runWords } from './runText';
import type { TrainingController } from './trainingController';

/** The command the item runs and its argument, as the status bar is given them. */
export interface StatusBarCommand {
  command: string;
  arguments: unknown[];
}

/**
 * The lab in the status bar: while a job trains it shows how far the whole job is (every run
 * counted) and opens the lab's Train section; when nothing trains it names the newest experiment
 * and opens its report. Hidden until there is a job or an experiment to open.
 */
export class TrainingStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private lastExperiment: string | undefined;

  constructor(private readonly training: TrainingController) {
    this.item = vscode.window.createStatusBarItem('activationLab.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Activation Lab');
    this.subscription = training.onEvent((e) => {
      if (e.type === 'job/ended') this.findLastExperiment();
      this.update();
    });
  }

  /** Looks for the newest experiment on disk (after start-up and after each job), then redraws. */
  findLastExperiment(): void {
    this.lastExperiment = listExperiments(this.training.experimentsDir, 1).experiments[0]?.id;
    this.update();
  }

  /** The experiment a click opens when nothing trains. */
  get experiment(): string | undefined {
    return this.lastExperiment;
  }

  /** What a click runs now (tests read it). */
  get command(): StatusBarCommand | undefined {
    const c = this.item.command;
    return c && typeof c === 'object' ? { command: c.command, arguments: c.arguments ?? [] } : undefined;
  }

  private update(): void {
    const snapshot = this.training.current;
    if (snapshot && !snapshot.ended) return this.showJob(snapshot);
    if (!this.lastExperiment) {
      this.item.hide();
      return;
    }
    this.item.text = `$(graph-line) ${vscode.l10n.t('Last report')}`;
    this.item.tooltip = vscode.l10n.t('Activation Lab: open the report of the newest experiment ({0})', this.lastExperiment);
    this.item.command = { title: vscode.l10n.t('Open Report'), command: 'activationLab.openReport', arguments: [{ experiment: this.lastExperiment }] };
    this.item.show();
  }

  private showJob(s: JobSnapshot): void {
    const p = jobProgress(s);
    const percent = Math.floor(p.fraction * 100);
    this.item.text = `$(loading~spin) ${vscode.l10n.t('Training {0}% ({1}/{2} runs)', percent, p.runsDone, p.runs)}`;
    const runs = listWords(s.runs.map((r) => runWords(r.id, r.activations)));
    this.item.tooltip = s.job.limitTrain
      ? vscode.l10n.t('Activation Lab: training {0} (quick run, {1} training images). Click to open the lab.', runs, countWords(s.job.limitTrain))
      : vscode.l10n.t('Activation Lab: training {0} (full run). Click to open the lab.', runs);
    this.item.command = { title: vscode.l10n.t('Open Lab'), command: 'activationLab.openLab', arguments: [{ section: 'train' }] };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
