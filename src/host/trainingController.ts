import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATIONS } from '../core/activations/registry';
import { findIdxFiles } from '../core/data/datasets';
import { loadVegaLibraries } from '../core/report/vendor';
import type { ResultsFile } from '../core/runs/resultsFile';
import { DEFAULT_CONFIG, MAX_EPOCHS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type TrainConfig } from '../core/train/config';
import { applyTrainingEvent, durationText, etaSeconds, jobProgress, type JobSnapshot } from '../protocol/jobSnapshot';
import type { TrainingEvent } from '../protocol/training';
import { interruptedExperiments, isSweepExperiment, newExperimentId, resumeJobSpec } from '../training/experiments';
import { runJob, type JobDefinition } from '../training/jobs/job';
import { resumeSweepSpec, seedRange, sweepArchitectures, sweepJob, type SweepJobSpec } from '../training/jobs/sweepJob';
import { planRunIds, trainJob } from '../training/jobs/trainJob';
import { ProcessPool } from '../training/processPool';
import { activationWords, displayLanguage, outcomeList, runOutcomeText, runWords } from './runText';
import { datasetSpec } from './settings';

/** A sweep the lab asks for: every activation (on every hidden layer) at every depth, each over `seeds` seeds. */
export interface SweepRequest {
  activations: ActivationSpec[];
  depths: number[];
  width: number;
  seeds: number;
  /** Settings over the tutorial's (epochs, limitTrain, ...). */
  settings: Partial<TrainConfig>;
}

/** A job the controller runs: its definition and how to make its spec when it starts. */
interface JobRequest<Spec> {
  def: JobDefinition<Spec, ResultsFile>;
  spec: () => Spec & { outDir: string; resume?: boolean };
  /** For the log: what it trains. */
  what: string;
}

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
        label: activationWords(a.id),
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
  train(activations: ActivationSpec[], settings: Partial<TrainConfig>, seeds = 1): Promise<TrainedExperiment | undefined> {
    const hidden = settings.hidden ?? DEFAULT_CONFIG.hidden;
    // Each activation over several seeds: a sweep with one depth.
    if (seeds > 1) {
      const { hidden: _h, seed = DEFAULT_CONFIG.seed, ...rest } = settings;
      return this.runSweep(activations, [[...hidden]], seedRange(seed, seeds), rest);
    }
    return this.run({
      def: trainJob,
      what: activations.map((a) => ('id' in a ? a.id : a.custom.name)).join(', '),
      spec: () => ({
        runs: planRunIds(activations.map((a) => [a]), hidden.length),
        settings: { ...settings, dataset: this.dataset() },
        outDir: this.newExperimentDir(),
        libraries: loadVegaLibraries(),
        lang: displayLanguage(),
      }),
    });
  }

  /** A sweep: every activation at every depth (`width` units per hidden layer) over `seeds` seeds, seed by seed. */
  sweep(request: SweepRequest): Promise<TrainedExperiment | undefined> {
    const { seed = DEFAULT_CONFIG.seed, hidden: _h, ...settings } = request.settings;
    return this.runSweep(request.activations, sweepArchitectures(request.depths, request.width), seedRange(seed, request.seeds), settings);
  }

  /** Each activation (on every hidden layer) at each architecture over `seeds`: the sweep job. */
  private runSweep(activations: ActivationSpec[], architectures: number[][], seeds: number[], settings: Partial<TrainConfig>): Promise<TrainedExperiment | undefined> {
    const what = `${activations.length} activation(s) x depths ${architectures.map((a) => a.length).join(',')} x ${seeds.length} seeds`;
    return this.run({ def: sweepJob, what, spec: (): SweepJobSpec => ({
      activations: activations.map((a) => [a]), architectures, seeds, settings: { ...settings, dataset: this.dataset() },
      outDir: this.newExperimentDir(), libraries: loadVegaLibraries(), lang: displayLanguage(),
    }) });
  }

  /** The data setting; a folder is checked here so a bad path fails before any run starts (the training process loads it). */
  private dataset(): string {
    const data = datasetSpec();
    if (!['mnist', 'fashion-mnist'].includes(data.toLowerCase())) findIdxFiles(data);
    return data;
  }

  private newExperimentDir(): string {
    return path.join(this.experimentsDir, newExperimentId((name) => existsSync(path.join(this.experimentsDir, name))));
  }

  /** Experiments cut off mid-training (VS Code closed or crashed), newest first. */
  interruptedExperiments(): string[] {
    return interruptedExperiments(this.experimentsDir);
  }

  /** Continues an interrupted (or stopped) experiment: finished runs are kept, the others go on from their last checkpoint. */
  resume(outDir: string): Promise<TrainedExperiment | undefined> {
    const what = `resuming ${path.basename(outDir)}`;
    return isSweepExperiment(outDir)
      ? this.run({ def: sweepJob, what, spec: () => ({ ...resumeSweepSpec(outDir), libraries: loadVegaLibraries(), lang: displayLanguage() }) })
      : this.run({ def: trainJob, what, spec: () => ({ ...resumeJobSpec(outDir), libraries: loadVegaLibraries(), lang: displayLanguage() }) });
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

  /**
   * Runs one job at a time (any definition: the tutorial's experiment, a sweep) with a
   * cancellable progress notification; a failure becomes a message.
   */
  private async run<Spec>(request: JobRequest<Spec>): Promise<TrainedExperiment | undefined> {
    if (this.abort) throw new Error('training is already running');
    const abort = (this.abort = new AbortController());
    try {
      const end = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Training on MNIST'), cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          const spec = request.spec();
          const pool = (this.pool ??= new ProcessPool());
          this.log.info(`${spec.resume ? 'resuming' : 'training'} ${request.what} in ${spec.outDir}`);
          const t0 = Date.now();
          let from: number | undefined;
          let reported = 0;
          return runJob(request.def, spec, pool, {
            signal: abort.signal,
            emit: (e) => {
              this.publish(e);
              if ((e.type !== 'run/epoch' && e.type !== 'run/end') || !this.snapshot) return;
              const p = jobProgress(this.snapshot);
              from ??= p.fraction;
              const increment = Math.max(0, p.fraction * 100 - reported);
              reported += increment;
              const eta = etaSeconds((Date.now() - t0) / 1000, p.fraction, from);
              const message = this.snapshot.job.sweep
                ? vscode.l10n.t('Sweep: {0}/{1} runs, {2}/{3} cells done, about {4} left', p.runsDone, p.runs, p.cellsDone, p.cells, eta === undefined ? '…' : durationText(eta, displayLanguage()))
                : e.type === 'run/epoch'
                  ? vscode.l10n.t('{0}: epoch {1}/{2}, validation accuracy {3}', e.runId, e.metrics.epoch, this.snapshot.job.epochs, (e.metrics.val_accuracy ?? e.metrics.accuracy).toFixed(4))
                  : undefined;
              progress.report({ increment, ...(message ? { message } : {}) });
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
    const summary = outcomeList(results.runs.map((r) => `${runWords(r.id, r.activations)} ${runOutcomeText(r, results.settings.epochs)}`));
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

function validEpochs(v: string): boolean {
  return /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= MAX_EPOCHS;
}
