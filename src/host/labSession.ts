import * as vscode from 'vscode';
import { ACTIVATIONS } from '../core/activations/registry';
import { compileCustomActivation } from '../core/expr/index';
import { limitTestFor, type ActivationSpec } from '../core/train/config';
import { learnWherever } from '../core/train/learn';
import type { ExperimentSummary, FromWebview, FunctionsFocus, LabReport, LabSection, LabState, Surface } from '../protocol/messages';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { listExperiments, readResultsView } from '../training/experiments';
import { exportChart } from './chartExport';
import { lazyFeature } from './lazyFeature';
import type { CustomActivations } from './customActivations';
import type { TrainingController } from './trainingController';
import type { LabChannel } from './webviewChannel';

const playground = lazyFeature<typeof import('./playgroundExport')>('playgroundExport');

/** Activations a hidden layer can train with. */
const ELEMENTWISE_IDS = new Set(ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => a.id));

/** Where experiments' reports open: the report panel. */
export interface ReportOpener {
  show(experiment: string, run?: string): void;
  /** report.html in the user's browser; false where that cannot work (a remote or web window). */
  openExternal(experiment: string): Promise<boolean>;
}

/** What the lab's pages use from the rest of the extension; built once in `activate`. */
export interface LabServices {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  training: TrainingController;
  customs: CustomActivations;
  reports: ReportOpener;
}

/**
 * The lab's conversation with one page (panel or sidebar): after `webview/ready` the page's
 * state and everything the host knows (custom activations, the current job's snapshot, the
 * experiments list); then training from the page, the runs, custom activations and chart
 * export. Every message has been validated by the channel.
 */
export class LabSession implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor(
    private readonly channel: LabChannel,
    private readonly services: LabServices,
    private readonly surface: Surface,
    state: () => LabState,
    /** Opens the panel (the sidebar's links). */
    private readonly openPanel: (section: LabSection, focus?: FunctionsFocus) => void,
  ) {
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    const { training, customs } = services;
    this.unsubscribe.push(
      channel.on('webview/ready', () => {
        channel.send({ type: 'lab/state', state: state() });
        this.replay();
        markReady();
      }),
      channel.onMessage((m) => void this.handle(m).catch((e: unknown) => this.notice('error', (e as Error).message))),
    );
    this.disposables.push(
      training.onEvent((event) => {
        channel.send({ type: 'train/event', event });
        if (event.type === 'job/ended') this.sendRuns();
      }),
      customs.onDidChange(() => channel.send({ type: 'lab/custom', defs: [...customs.defs] })),
    );
  }

  /** A round trip through the page's script; resolves with the milliseconds it took. */
  async ping(timeoutMs = 10_000): Promise<number> {
    await this.ready;
    const t0 = Date.now();
    await this.channel.request((requestId) => ({ type: 'lab/ping', requestId }), 'lab/pong', timeoutMs);
    return Date.now() - t0;
  }

  /** Test hook: what the page shows now (section, charts and their mark counts). */
  async query(timeoutMs = 10_000): Promise<LabReport> {
    await this.ready;
    return (await this.channel.request((requestId) => ({ type: 'lab/query', requestId }), 'lab/report', timeoutMs)).report;
  }

  private notice(level: 'info' | 'error', text: string): void {
    if (level === 'error') this.services.log.warn(`lab (${this.surface}): ${text}`);
    this.channel.send({ type: 'lab/notice', level, text });
  }

  private replay(): void {
    const { training, customs } = this.services;
    this.channel.send({ type: 'lab/custom', defs: [...customs.defs] });
    this.channel.send({ type: 'train/snapshot', snapshot: training.current ?? null });
    this.sendRuns();
  }

  private sendRuns(): void {
    const dir = this.services.training.experimentsDir;
    const list = listExperiments(dir);
    for (const d of list.damaged) this.services.log.warn(`experiment ${d.id}: ${d.problem}`);
    this.channel.send({ type: 'runs/list', experiments: list.experiments.map((x) => withRunDetails(dir, x)) });
  }

  /** The page's activation names as specs: built-in elementwise ids as themselves, saved custom names as their expressions. */
  private trainingSpecs(names: string[]): ActivationSpec[] | string {
    const specs: ActivationSpec[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const custom = this.services.customs.find(name);
      if (custom) specs.push({ custom: { name: custom.def.name, expression: custom.def.expression, params: { ...custom.def.params } } });
      else if (ELEMENTWISE_IDS.has(name)) specs.push({ id: name });
      else unknown.push(name);
    }
    return unknown.length ? vscode.l10n.t('Cannot train with {0}: not a built-in elementwise activation.', unknown.join(', ')) : specs;
  }

  private async handle(m: FromWebview): Promise<void> {
    const { training, log } = this.services;
    switch (m.type) {
      case 'lab/open':
        this.openPanel(m.section, m.focus);
        break;
      case 'train/start': {
        if (training.isRunning) return this.notice('error', vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
        const chosen = this.trainingSpecs(m.activations);
        if (typeof chosen === 'string') return this.notice('error', chosen);
        // Each run is one activation in every hidden layer; a learned name goes wherever that activation has it.
        const { stacks, lacking } = learnWherever(chosen.map((spec) => [spec]), m.learn ?? []);
        if (lacking.length) return this.notice('error', vscode.l10n.t('Cannot learn {0}: none of the chosen activations has this parameter.', lacking.join(', ')));
        const specs = stacks.map(([spec]) => spec);
        const settings = {
          epochs: m.epochs,
          ...(m.limitTrain ? { limitTrain: m.limitTrain, limitTest: limitTestFor(m.limitTrain) } : {}),
          ...(m.learningRate !== undefined ? { learningRate: m.learningRate } : {}),
          ...(m.batchSize !== undefined ? { batchSize: m.batchSize } : {}),
          ...(m.hidden ? { hidden: m.hidden } : {}),
        };
        log.info(`lab: training ${m.activations.join(', ')}${m.learn ? ` learning ${m.learn.join(', ')}` : ''} with ${JSON.stringify(settings)}`);
        // The controller tells the user when a job fails; the page follows it through the job's events.
        void training.train(specs, settings, m.seeds ?? 1);
        break;
      }
      case 'sweep/start': {
        if (training.isRunning) return this.notice('error', vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
        const specs = this.trainingSpecs(m.activations);
        if (typeof specs === 'string') return this.notice('error', specs);
        log.info(`lab: sweep of ${m.activations.join(', ')} at depths ${m.depths.join(', ')} (width ${m.width}), ${m.seeds} seed(s), ${m.epochs} epoch(s)${m.limitTrain ? ` on ${m.limitTrain} images` : ''}`);
        void training.sweep({
          activations: specs, depths: m.depths, width: m.width, seeds: m.seeds,
          settings: { epochs: m.epochs, ...(m.limitTrain ? { limitTrain: m.limitTrain, limitTest: limitTestFor(m.limitTrain) } : {}) },
        });
        break;
      }
      case 'train/resume': {
        if (training.isRunning) return this.notice('error', vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
        const outDir = path.join(training.experimentsDir, m.id);
        if (!existsSync(outDir)) return this.notice('error', vscode.l10n.t('No experiment {0} to resume.', m.id));
        log.info(`lab: resuming ${m.id}`);
        void training.resume(outDir);
        break;
      }
      case 'train/stop':
        training.stop();
        break;
      case 'runs/refresh':
        this.sendRuns();
        break;
      case 'report/open':
        this.services.reports.show(m.id);
        break;
      case 'report/openExternal':
        if (!(await this.services.reports.openExternal(m.id))) this.notice('error', vscode.l10n.t('This report cannot be opened in a browser from here; it stays in VS Code.'));
        break;
      case 'runs/open': {
        const view = readResultsView(training.experimentsDir, m.id);
        if (typeof view === 'string') return this.notice('error', view);
        this.channel.send({ type: 'runs/results', id: m.id, results: view });
        break;
      }
      case 'custom/save': {
        try {
          compileCustomActivation(m.def); // the page checked it too, but the host trusts only its own check
        } catch (e) {
          return this.notice('error', (e as Error).message);
        }
        await this.services.customs.save(m.def);
        this.notice('info', vscode.l10n.t("Saved '{0}' to the setting activationLab.customActivations.", m.def.name));
        break;
      }
      case 'chart/export': {
        const saved = await exportChart(m.format, m.name, m.data, log);
        if (saved) this.notice('info', vscode.l10n.t('Saved {0}', saved));
        break;
      }
      case 'playground/export': {
        const r = await playground().exportPlaygroundModel(m.model, m.check, log);
        if (!r) break;
        if (r.ok) this.notice('info', vscode.l10n.t('Saved {0}. onnxruntime reproduces the playground on {1} points (largest difference {2}).', r.path, r.points, r.maxAbsDiff.toExponential(1)));
        else this.notice('error', vscode.l10n.t('Saved {0}, but onnxruntime differs from the playground by up to {1}: {2}', r.path, r.maxAbsDiff.toExponential(1), r.detail ?? ''));
        break;
      }
      default:
        break;
    }
  }

  dispose(): void {
    for (const u of this.unsubscribe.splice(0)) u();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * The Runs list's figures beyond the summary: each run's activations (for its name), the epochs it
 * did and how many test images its accuracy was measured on. Read from the experiment's results;
 * a file that cannot be read leaves the summary as it was.
 */
function withRunDetails(experimentsDir: string, x: ExperimentSummary): ExperimentSummary {
  const view = readResultsView(experimentsDir, x.id);
  if (typeof view === 'string') return x;
  const byId = new Map(view.runs.map((r) => [r.id, r]));
  return {
    ...x,
    runs: x.runs.map((r) => {
      const v = byId.get(r.id);
      return v ? { ...r, activations: v.activations, epochsDone: v.history.length, ...(v.test ? { testCount: v.test.count } : {}) } : r;
    }),
  };
}
