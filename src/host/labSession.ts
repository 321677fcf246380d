import * as vscode from 'vscode';
import { ACTIVATIONS } from '../core/activations/registry';
import { compileCustomActivation } from '../core/expr/index';
import { listExperiments, readResultsView } from '../core/runs/experimentIndex';
import type { CustomDef, FromWebview, FunctionsFocus, LabSection, Surface, ToWebview } from '../protocol/messages';
import { parseCustomDef } from '../protocol/validate';
import { exportChart } from './chartExport';
import { labServices } from './labServices';
import { CUSTOM_ACTIVATIONS_SETTING, rawCustomActivations, saveCustomActivation } from './settings';
import type { WebviewConnection } from './webviewConnection';

/** The saved custom activations that pass validation (others are logged and left out). */
export function savedCustomDefs(log: vscode.LogOutputChannel): CustomDef[] {
  const raw = rawCustomActivations();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d) => {
    const def = parseCustomDef(d);
    if (typeof def === 'string') {
      log.warn(`skipped a saved custom activation: ${def}`);
      return [];
    }
    return [def];
  });
}

/**
 * The lab's messages for one webview (panel or sidebar): training from the page, the runs
 * list, custom activations, chart export; and the replay after `webview/ready`. Every message
 * has already been validated by the connection.
 */
export class LabSession implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private feedSub: vscode.Disposable | undefined;

  constructor(
    private readonly connection: WebviewConnection,
    private readonly log: vscode.LogOutputChannel,
    private readonly surface: Surface,
    private readonly openPanel: (section: LabSection, focus?: FunctionsFocus) => void,
  ) {
    this.disposables.push(
      connection.onMessage((m) => void this.handle(m).catch((e: unknown) => this.notice('error', (e as Error).message))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(CUSTOM_ACTIVATIONS_SETTING)) void this.post({ type: 'lab/custom', defs: savedCustomDefs(log) });
      }),
    );
  }

  private post(msg: ToWebview): Thenable<boolean> {
    return this.connection.post(msg);
  }

  private notice(level: 'info' | 'error', text: string): void {
    if (level === 'error') this.log.warn(`lab (${this.surface}): ${text}`);
    void this.post({ type: 'lab/notice', level, text });
  }

  /** Follows the training feed once the extension's services are there. */
  private subscribe(): void {
    if (this.feedSub) return;
    const services = labServices();
    if (!services) return;
    this.feedSub = services.feed.onUpdate((u) => {
      if (u.status) void this.post({ type: 'train/status', status: u.status });
      if (u.event) void this.post({ type: 'train/event', event: u.event });
      if (u.finished) this.sendRuns();
    });
  }

  private replay(): void {
    this.subscribe();
    void this.post({ type: 'lab/custom', defs: savedCustomDefs(this.log) });
    const services = labServices();
    if (services) {
      void this.post({ type: 'train/status', status: services.feed.current });
      for (const event of services.feed.replay()) void this.post({ type: 'train/event', event });
    }
    this.sendRuns();
  }

  private sendRuns(): void {
    const services = labServices();
    if (!services) return;
    const list = listExperiments(services.training.experimentsDir);
    for (const d of list.damaged) this.log.warn(`experiment ${d.id}: ${d.problem}`);
    void this.post({ type: 'runs/list', experiments: list.experiments });
  }

  private async handle(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'webview/ready':
        this.replay();
        break;
      case 'lab/open':
        this.openPanel(m.section, m.focus);
        break;
      case 'train/start': {
        const services = labServices();
        if (!services) return this.notice('error', vscode.l10n.t('The lab is not connected to the trainer yet.'));
        if (services.training.isRunning) return this.notice('error', vscode.l10n.t('Training is already running. Use "Stop Training" to stop it.'));
        // Built-in elementwise ids train as themselves; a saved custom activation's name trains its expression.
        const builtins = new Set(ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => a.id));
        const custom = new Map(savedCustomDefs(this.log).map((d) => [d.name, d]));
        const unknown = m.activations.filter((id) => !builtins.has(id) && !custom.has(id));
        if (unknown.length) return this.notice('error', vscode.l10n.t('Cannot train with {0}: not a built-in elementwise activation.', unknown.join(', ')));
        const activations = m.activations.map((id) => (builtins.has(id) ? id : { custom: custom.get(id)! }));
        this.log.info(`lab: training ${m.activations.join(', ')} for ${m.epochs} epoch(s)${m.limitTrain ? ` on ${m.limitTrain} images` : ''}`);
        void services.feed.start({ activations, epochs: m.epochs, ...(m.limitTrain ? { limitTrain: m.limitTrain, limitTest: Math.min(10_000, Math.max(500, m.limitTrain / 5)) } : {}) });
        break;
      }
      case 'train/stop':
        labServices()?.training.stop();
        break;
      case 'runs/refresh':
        this.sendRuns();
        break;
      case 'runs/open': {
        const services = labServices();
        if (!services) return;
        const view = readResultsView(services.training.experimentsDir, m.id);
        if (typeof view === 'string') return this.notice('error', view);
        void this.post({ type: 'runs/results', id: m.id, results: view });
        break;
      }
      case 'custom/save': {
        try {
          compileCustomActivation(m.def); // the page checked it too, but the host trusts only its own check
        } catch (e) {
          return this.notice('error', (e as Error).message);
        }
        await saveCustomActivation(m.def);
        this.notice('info', vscode.l10n.t("Saved '{0}' to the setting activationLab.customActivations.", m.def.name));
        void this.post({ type: 'lab/custom', defs: savedCustomDefs(this.log) });
        break;
      }
      case 'chart/export': {
        const saved = await exportChart(m.format, m.name, m.data, this.log);
        if (saved) this.notice('info', vscode.l10n.t('Saved {0}', saved));
        break;
      }
      default:
        break;
    }
  }

  dispose(): void {
    this.feedSub?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
