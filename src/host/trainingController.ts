import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATIONS } from '../core/activations/registry';
import { findIdxFiles } from '../core/data/datasets';
import { loadVegaLibraries } from '../core/report/vendor';
import { activationName, runName } from '../core/charts/names';
import type { ResultsFile } from '../core/runs/resultsFile';
import { DEFAULT_CONFIG, MAX_EPOCHS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type TrainConfig } from '../core/train/config';
import { applyTrainingEvent, type JobSnapshot } from '../protocol/jobSnapshot';
import type { TrainingEvent } from '../protocol/training';
import { interruptedExperiments, newExperimentId, resumeJobSpec } from '../training/experiments';
import { runJob } from '../training/jobs/job';
import { planRunIds, trainJob, type TrainJobSpec } from '../training/jobs/trainJob';
import { ProcessPool } from '../training/processPool';
import { datasetSpec } from './settings';

/** A finished job: where its experiment is and what results.json holds. */
export interface TrainedExperiment {
  outDir: string;
  results: ResultsFile;
}

/**
 * The one owner of training on the host: "Train on MNIST", the lab's Train button, "Stop
 * Training" and resuming an interrupted experiment all go through it. One job at a time, on a
 * forked training process (never on the extension host's thread), with a cancellable progress
 * notification. It publishes every job and run event and keeps the snapshot a page opened
 * mid-job draws first.
 */
export class TrainingController implements vscode.Disposable {
  /** Trains in a forked process that holds the dataset and the workers: the extension host stays small. */
  private pool: ProcessPool | undefined;
  private abort: AbortController | undefined;
  private snapshot: JobSnapshot | undefined;
  private readonly events = new vscode.EventEmitter<TrainingEvent>();
  /** Every job and run event, in order. */
  readonly onEvent = this.events.event;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Where every experiment's folder goes (results.json, report.html, runs/<id>/). */
  get experimentsDir(): string {
    return path.join(this.storageUri.fsPath, 'experiments');
  }

  get isRunning(): boolean {
    return this.abort !== undefined;
  }

  /** The current or last job as far as it went (undefined before the first). */
  get current(): JobSnapshot | undefined {
    return this.snapshot;
  }

  /** The command: pick activations and epochs, then train. Cancelling a picker does nothing. */
  async trainCommand(): Promise<TrainedExperiment | undefined> {
    if (this.isRunning) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
      return undefined;
    }
    const picks = await vscode.window.showQuickPick(
      ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => ({
        label: activationName(a.id),
        description: a.id,
        id: a.id,
        picked: (TUTORIAL_ACTIVATIONS as readonly string[]).includes(a.id),
      })),
      { canPickMany: true, title: vscode.l10n.t('Train on MNIST: activations to compare'), placeHolder: vscode.l10n.t('One 784-128-64-10 network per activation') },
    );
    if (!picks || picks.length === 0) return undefined;
    const epochsText = await vscode.window.showInputBox({
      title: vscode.l10n.t('Train on MNIST: epochs'),
      value: String(DEFAULT_CONFIG.epochs),
      validateInput: (v) => (validEpochs(v) ? undefined : vscode.l10n.t('Enter a whole number of epochs from 1 to {0}', MAX_EPOCHS)),
    });
    if (epochsText === undefined) return undefined;
    return this.train(picks.map((p) => ({ id: p.id })), { epochs: Number(epochsText) });
  }

  /**
   * Trains one run per activation (each on every hidden layer) with the tutorial's settings
   * and `settings` over them; resolves when the experiment is written, or undefined when the
   * job failed (the user has been told why).
   */
  train(activations: ActivationSpec[], settings: Partial<TrainConfig>): Promise<TrainedExperiment | undefined> {
    return this.run(() => {
      const data = datasetSpec();
      // The training process loads the data; a folder is checked here so a bad path fails before any run starts.
      if (!['mnist', 'fashion-mnist'].includes(data.toLowerCase())) findIdxFiles(data);
      const id = newExperimentId((name) => existsSync(path.join(this.experimentsDir, name)));
      const hidden = settings.hidden ?? DEFAULT_CONFIG.hidden;
      return {
        runs: planRunIds(activations.map((a) => [a]), hidden.length),
        settings: { ...settings, dataset: data },
        outDir: path.join(this.experimentsDir, id),
        libraries: loadVegaLibraries(),
      };
    });
  }

  /** Experiments cut off mid-training (VS Code closed or crashed), newest first. */
  interruptedExperiments(): string[] {
    return interruptedExperiments(this.experimentsDir);
  }

  /** Continues an interrupted experiment: finished runs are kept, the others go on from their last checkpoint. */
  resume(outDir: string): Promise<TrainedExperiment | undefined> {
    return this.run(() => ({ ...resumeJobSpec(outDir), libraries: loadVegaLibraries() }));
  }

  /** At start-up: offers to resume the newest interrupted experiment, if any. */
  async offerResume(): Promise<void> {
    const [latest] = this.interruptedExperiments();
    if (!latest || this.isRunning) return;
    const resume = vscode.l10n.t('Resume');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Training in {0} was interrupted. Resume it from its last finished epochs?', path.basename(latest)), resume);
    if (choice === resume) await this.resume(latest);
  }

  /** "Stop Training": cancels every run; finished epochs are kept. */
  stop(): boolean {
    if (!this.abort) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No training is running.'));
      return false;
    }
    this.abort.abort();
    return true;
  }

  /** Runs one job at a time with a cancellable progress notification; a failure becomes a message. */
  private async run(makeSpec: () => TrainJobSpec): Promise<TrainedExperiment | undefined> {
    if (this.abort) throw new Error('training is already running');
    const abort = (this.abort = new AbortController());
    try {
      const end = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Training on MNIST'), cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          const spec = makeSpec();
          const pool = (this.pool ??= new ProcessPool());
          this.log.info(`${spec.resume ? 'resuming' : 'training'} ${spec.runs.map((r) => r.runId).join(', ')} in ${spec.outDir}`);
          return runJob(trainJob, spec, pool, {
            signal: abort.signal,
            emit: (e) => {
              this.publish(e);
              if (e.type !== 'run/epoch') return;
              const total = spec.runs.length * (this.snapshot?.job.epochs ?? 1);
              progress.report({
                increment: 100 / total,
                message: vscode.l10n.t('{0}: epoch {1}/{2}, validation accuracy {3}', e.runId, e.metrics.epoch, this.snapshot?.job.epochs ?? '?', (e.metrics.val_accuracy ?? e.metrics.accuracy).toFixed(4)),
              });
            },
          }).then((end) => ({ end, outDir: spec.outDir }));
        },
      );
      const { end: job, outDir } = end;
      if (!job.result) throw new Error(job.error ?? 'the job ended without results');
      this.log.info(`training ${job.status}: ${job.result.runs.map((r) => `${r.id} ${r.status} ${r.test ? r.test.accuracy.toFixed(4) : '-'}`).join(', ')}`);
      void this.announce(outDir, job.result);
      return { outDir, results: job.result };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log.error(`training failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Training failed: {0}', message));
      return undefined;
    } finally {
      this.abort = undefined;
    }
  }

  /** Keeps the snapshot a page replays and passes the event on. */
  private publish(e: TrainingEvent): void {
    this.snapshot = applyTrainingEvent(this.snapshot, e);
    if (e.type === 'run/end') this.log.info(`run ${e.runId} ${e.outcome.status}${e.outcome.error ? `: ${e.outcome.error}` : ''}`);
    if (e.type === 'run/started') for (const n of e.notes ?? []) this.log.warn(`run ${e.runId}: ${n}`);
    this.events.fire(e);
  }

  /**
   * Says how the job ended, run by run: test accuracy with the images it was measured on, or how
   * far a stopped run got. "Open Report" opens the report inside VS Code (any window, remote too).
   */
  private async announce(outDir: string, results: ResultsFile): Promise<void> {
    const stopped = results.runs.some((r) => r.status === 'cancelled');
    const summary = results.runs.map((r) => `${runName(r.id, r.activations)} ${runOutcomeText(r, results.settings.epochs)}`).join(', ');
    const open = vscode.l10n.t('Open Report');
    const text = stopped ? vscode.l10n.t('Training stopped; finished epochs are kept: {0}', summary) : vscode.l10n.t('Training finished: {0}', summary);
    const choice = await vscode.window.showInformationMessage(text, open);
    if (choice === open) await vscode.commands.executeCommand('activationLab.openReport', { experiment: path.basename(outDir) });
  }

  dispose(): void {
    this.abort?.abort();
    void this.pool?.dispose();
    this.events.dispose();
  }
}

/** One run's ending in words: "97.50% on 10,000 test images", "stopped after 2/5 epochs", "not started". */
export function runOutcomeText(r: Pick<ResultsFile['runs'][number], 'status' | 'test' | 'history'>, epochs: number): string {
  if (r.test) return vscode.l10n.t('{0} on {1} test images', `${(r.test.accuracy * 100).toFixed(2)}%`, r.test.count.toLocaleString('en'));
  if (r.status === 'cancelled') return r.history.length ? vscode.l10n.t('stopped after {0}/{1} epochs', r.history.length, epochs) : vscode.l10n.t('not started');
  return r.status;
}

function validEpochs(v: string): boolean {
  return /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= MAX_EPOCHS;
}
