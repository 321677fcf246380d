import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readableDate } from '../core/charts/names';
import { REPORT_FILE } from '../core/runs/resultsFile';
import { experimentTime } from '../training/experiments';
import { displayLanguage } from './runText';
import type { LabReport, LabState } from '../protocol/messages';
import { extensionVersion } from './labPanel';
import { LabSession, type LabServices, type ReportOpener } from './labSession';
import { labChannel, type LabChannel } from './webviewChannel';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';

/**
 * Whether a local file can be handed to the user's browser: only in a desktop window on this
 * machine. In a remote window (SSH, WSL, containers, Codespaces) or VS Code for the web the file
 * lives elsewhere and `openExternal` opens nothing.
 */
export function canOpenLocalFilesExternally(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
}

/**
 * An experiment's report inside VS Code: the lab's own page (the same bundle, the same strict
 * CSP and the same charts as the Runs section) showing one experiment: its settings, the results
 * table with test figures and the images they were measured on, the curves, the ONNX checks.
 * One panel at a time, switched to the experiment asked for, restored after a reload.
 */
export class ReportPanel implements ReportOpener, vscode.Disposable {
  static readonly viewType = 'activationLab.report';
  private view: { panel: vscode.WebviewPanel; channel: LabChannel; session: LabSession } | undefined;
  private experiment: string | undefined;
  private run: string | undefined;
  private readonly registration: vscode.Disposable;

  private readonly services: LabServices;

  constructor(base: Omit<LabServices, 'reports'>) {
    const services = (this.services = { ...base, reports: this });
    this.registration = vscode.window.registerWebviewPanelSerializer(ReportPanel.viewType, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
        panel.webview.options = webviewOptions(services.extensionUri);
        const saved = (state && typeof state === 'object' ? (state as { report?: { experiment?: unknown } }).report?.experiment : undefined);
        this.experiment = typeof saved === 'string' ? saved : undefined;
        this.adopt(panel);
        return Promise.resolve();
      },
    });
  }

  /** The experiment shown, if the panel is open. */
  get current(): string | undefined {
    return this.view ? this.experiment : undefined;
  }

  /** Opens (or reveals) the report of experiment `id` (a folder under the experiments folder), optionally on one run. */
  show(id: string, run?: string): void {
    this.experiment = id;
    this.run = run;
    if (this.view) {
      this.view.panel.title = this.title();
      this.view.panel.reveal();
      this.view.channel.send({ type: 'lab/state', state: this.state() });
      return;
    }
    const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, this.title(), vscode.ViewColumn.Active, webviewOptions(this.services.extensionUri));
    this.adopt(panel);
  }

  /** The report.html of an experiment, in the user's browser, where that can work. */
  async openExternal(id: string): Promise<boolean> {
    const file = path.join(this.services.training.experimentsDir, id, REPORT_FILE);
    if (!canOpenLocalFilesExternally() || !existsSync(file)) return false;
    return vscode.env.openExternal(vscode.Uri.file(file));
  }

  /** Test hook: what the report page shows now. */
  query(): Promise<LabReport> {
    return this.view ? this.view.session.query() : Promise.reject(new Error('the report panel is not open'));
  }

  private title(): string {
    // the experiment's start time as people read it; a folder of another name as it is
    const id = this.experiment ?? '';
    const time = experimentTime(id);
    return vscode.l10n.t('Report: {0}', time ? readableDate(time, displayLanguage()) : id);
  }

  private state(): LabState {
    return {
      surface: 'report', locale: vscode.env.language, version: extensionVersion(),
      ...(this.experiment ? { experiment: this.experiment } : {}),
      ...(this.run ? { run: this.run } : {}),
      canOpenExternal: canOpenLocalFilesExternally(),
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.release();
    const { extensionUri, log } = this.services;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    panel.title = this.title();
    const channel = labChannel(panel.webview, log);
    // The report page has no links into the lab: it asks for nothing but its experiment.
    const session = new LabSession(channel, this.services, 'report', () => this.state(), () => undefined);
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, 'report', vscode.l10n.t('Activation Lab report'));
    const view = { panel, channel, session };
    this.view = view;
    panel.onDidDispose(() => {
      if (this.view === view) this.release();
    });
  }

  private release(): void {
    if (!this.view) return;
    const { panel, channel, session } = this.view;
    this.view = undefined;
    session.dispose();
    channel.dispose();
    panel.dispose();
  }

  dispose(): void {
    this.registration.dispose();
    this.release();
  }
}
