import * as vscode from 'vscode';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATIONS } from '../core/activations/registry';
import { findIdxFiles } from '../core/data/datasets';
import { TUTORIAL_ACTIVATIONS, type ActivationSpec, type TrainConfig } from '../core/train/config';
import { planRuns, runExperiment, REPORT_FILE, RESULTS_FILE, RUNS_DIR, type PlannedRun, type ResultsFile } from '../core/train/experiment';
import { listRuns } from '../core/runs/runStore';
import type { PoolEvent } from '../core/train/pool';
import { RemotePool } from '../core/train/remotePool';
import { loadVegaLibraries } from '../core/report/vendor';
import { datasetSpec } from './settings';

/** What a training job is asked to do; the command builds it from pickers, tests pass it directly. */
export interface TrainRequest {
  /** One run per entry: a registry id, or a spec (a custom expression, parameters). */
  activations: (string | ActivationSpec)[];
  epochs: number;
  /** Quick runs: only the first N training images. */
  limitTrain?: number;
  limitTest?: number;
}

/** One job: where it writes, its runs and shared settings, and whether it continues from checkpoints. */
interface JobPlan {
  outDir: string;
  runs: PlannedRun[];
  settings: Partial<TrainConfig>;
  resume: boolean;
}

export interface TrainJobResult {
  outDir: string;
  results: ResultsFile;
}

/**
 * "Train on MNIST" and "Stop Training": runs the tutorial's experiment on the worker pool (never
 * on the extension host's thread), with a cancellable progress notification. One job at a time.
 */
export class TrainingController implements vscode.Disposable {
  /** Trains in a forked process that holds the dataset and the workers: the extension host stays small. */
  private pool: RemotePool | undefined;
  private job: Promise<TrainJobResult | undefined> | undefined;
  private readonly events = new vscode.EventEmitter<PoolEvent>();
  /** Every run event of the current job (the lab UI listens). */
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
    return this.job !== undefined;
  }

  /** The command: pick activations and epochs, then train. Cancelling a picker does nothing. */
  async trainCommand(): Promise<TrainJobResult | undefined> {
    if (this.job) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
      return undefined;
    }
    const picks = await vscode.window.showQuickPick(
      ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => ({
        label: a.id,
        description: a.displayName,
        picked: (TUTORIAL_ACTIVATIONS as readonly string[]).includes(a.id),
      })),
      { canPickMany: true, title: vscode.l10n.t('Train on MNIST: activations to compare'), placeHolder: vscode.l10n.t('One 784-128-64-10 network per activation') },
    );
    if (!picks || picks.length === 0) return undefined;
    const epochsText = await vscode.window.showInputBox({
      title: vscode.l10n.t('Train on MNIST: epochs'),
      value: '10',
      validateInput: (v) => (validEpochs(v) ? undefined : vscode.l10n.t('Enter a whole number of epochs from 1 to 100')),
    });
    if (epochsText === undefined) return undefined;
    return this.train({ activations: picks.map((p) => p.label), epochs: Number(epochsText) });
  }

  /** Trains with a cancellable progress notification; resolves when every run has ended. */
  train(request: TrainRequest): Promise<TrainJobResult | undefined> {
    return this.track(() => {
      const spec = datasetSpec();
      // The pool's process loads the data; a folder is checked here so a bad path fails before any run starts.
      if (!['mnist', 'fashion-mnist'].includes(spec.toLowerCase())) findIdxFiles(spec);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return {
        outDir: path.join(this.experimentsDir, stamp),
        runs: planRuns(request.activations.map((a) => [typeof a === 'string' ? { id: a } : a]), 2),
        settings: { epochs: request.epochs, dataset: spec, limitTrain: request.limitTrain, limitTest: request.limitTest },
        resume: false,
      };
    });
  }

  /**
   * Experiments cut off mid-training (VS Code closed or crashed): a run.json still says queued or
   * running and no results.json was written. Newest first.
   */
  interruptedExperiments(): string[] {
    // This runs at start-up: folders with a results.json (every finished job) are passed over
    // before any run.json is read.
    if (!existsSync(this.experimentsDir)) return [];
    return readdirSync(this.experimentsDir)
      .sort()
      .reverse()
      .map((name) => path.join(this.experimentsDir, name))
      .filter((dir) => !existsSync(path.join(dir, RESULTS_FILE)))
      .filter((dir) => listRuns(path.join(dir, RUNS_DIR)).some((r) => r.record?.status === 'running' || r.record?.status === 'queued'));
  }

  /** Continues an interrupted experiment: finished runs are kept, the others go on from their last checkpoint. */
  resume(outDir: string): Promise<TrainJobResult | undefined> {
    return this.track(() => {
      const records = listRuns(path.join(outDir, RUNS_DIR)).flatMap((r) => (r.record ? [r.record] : []));
      const first = records[0];
      if (!first) throw new Error(vscode.l10n.t('{0} holds no runs to resume', outDir));
      const { activations: _a, ...settings } = first.config;
      return { outDir, runs: records.map((r) => ({ id: r.id, activations: r.config.activations })), settings, resume: true };
    });
  }

  /** At start-up: offers to resume the newest interrupted experiment, if any. */
  async offerResume(): Promise<void> {
    const [latest] = this.interruptedExperiments();
    if (!latest || this.job) return;
    const resume = vscode.l10n.t('Resume');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Training in {0} was interrupted. Resume it from its last finished epochs?', path.basename(latest)), resume);
    if (choice === resume) await this.resume(latest);
  }

  /** Runs one job at a time with a cancellable progress notification; errors become a message. */
  private track(plan: () => JobPlan): Promise<TrainJobResult | undefined> {
    if (this.job) return Promise.reject(new Error('training is already running'));
    const job = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Training on MNIST'), cancellable: true },
      (progress, token) => this.run(plan(), progress, token),
    ));
    const tracked: Promise<TrainJobResult | undefined> = job.then(
      (r) => r,
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        this.log.error(`training failed: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Training failed: {0}', message));
        return undefined;
      },
    ).finally(() => { this.job = undefined; });
    this.job = tracked;
    return tracked;
  }

  /** "Stop Training": cancels every run; finished epochs are kept. */
  stop(): boolean {
    if (!this.job || !this.pool) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No training is running.'));
      return false;
    }
    this.pool.cancelAll();
    return true;
  }

  private async run(plan: JobPlan, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<TrainJobResult> {
    const { outDir, runs, settings } = plan;
    const pool = (this.pool ??= new RemotePool());
    const epochs = settings.epochs ?? 10;
    const totalEpochs = runs.length * epochs;
    let doneEpochs = 0;
    const cancel = token.onCancellationRequested(() => pool.cancelAll());
    const unsubscribe = pool.onEvent((e) => {
      this.events.fire(e);
      if (e.type === 'run/epoch') {
        doneEpochs++;
        progress.report({
          increment: 100 / totalEpochs,
          message: vscode.l10n.t('{0}: epoch {1}/{2}, validation accuracy {3}', e.runId, e.metrics.epoch, epochs, (e.metrics.val_accuracy ?? e.metrics.accuracy).toFixed(4)),
        });
      } else if (e.type === 'run/end') {
        this.log.info(`run ${e.runId} ${e.result.status}${e.result.error ? `: ${e.result.error}` : ''}`);
      }
    });
    try {
      this.log.info(`${plan.resume ? 'resuming' : 'training'} ${runs.map((r) => r.id).join(', ')} for ${epochs} epoch(s) in ${outDir}`);
      // No ONNX check here: it would load the test set into the extension host ("Verify ONNX Model" does it on request).
      const results = await runExperiment({
        runs, settings, datasetSpec: settings.dataset ?? 'mnist', outDir, pool, resume: plan.resume, libraries: loadVegaLibraries(), onnx: false,
      });
      this.log.info(`training done (${doneEpochs}/${totalEpochs} epochs): ${results.runs.map((r) => `${r.id} ${r.status} ${r.test ? r.test.accuracy.toFixed(4) : '-'}`).join(', ')}`);
      void this.announce(outDir, results);
      return { outDir, results };
    } finally {
      cancel.dispose();
      unsubscribe();
    }
  }

  private async announce(outDir: string, results: ResultsFile): Promise<void> {
    const summary = results.runs.map((r) => `${r.id} ${r.test ? (r.test.accuracy * 100).toFixed(2) + '%' : r.status}`).join(', ');
    const open = vscode.l10n.t('Open Report');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Training finished: {0}', summary), open);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.file(path.join(outDir, REPORT_FILE)));
  }

  dispose(): void {
    this.pool?.cancelAll();
    void this.pool?.dispose();
    this.events.dispose();
  }
}

function validEpochs(v: string): boolean {
  return /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 100;
}
