import * as vscode from 'vscode';
import type { LabReport, LabState } from '../protocol/messages';
import { extensionVersion, type LabPanels } from './labPanel';
import { LabSession, type LabServices } from './labSession';
import { labChannel, type LabChannel } from './webviewChannel';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';

/** The sidebar lab: a WebviewView in the Activation Lab activity-bar container. */
export class SidebarView implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'activationLab.sidebar';
  private view: { channel: LabChannel; session: LabSession } | undefined;
  private readonly resolved = new vscode.EventEmitter<vscode.WebviewView>();
  /** Fires when VS Code resolves the view (tests wait on it). */
  readonly onDidResolve = this.resolved.event;

  constructor(private readonly services: LabServices, private readonly panels: LabPanels) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    const { extensionUri, log } = this.services;
    view.webview.options = webviewOptions(extensionUri);
    this.release();
    const channel = labChannel(view.webview, log);
    const session = new LabSession(channel, this.services, 'sidebar', () => this.state(), (section, focus) => this.panels.show(section, focus));
    this.view = { channel, session };
    view.webview.html = renderWebviewHtml(view.webview, extensionUri, 'sidebar', vscode.l10n.t('Activation Lab'));
    view.onDidDispose(() => this.release());
    this.resolved.fire(view);
  }

  get isResolved(): boolean {
    return this.view !== undefined;
  }

  /** A round trip through the sidebar page's script; rejects if the view is not resolved. */
  ping(): Promise<number> {
    return this.view ? this.view.session.ping() : Promise.reject(new Error('the sidebar view is not resolved'));
  }

  /** Test hook: what the sidebar page shows now. */
  query(): Promise<LabReport> {
    return this.view ? this.view.session.query() : Promise.reject(new Error('the sidebar view is not resolved'));
  }

  private state(): LabState {
    return { surface: 'sidebar', locale: vscode.env.language, version: extensionVersion() };
  }

  private release(): void {
    this.view?.session.dispose();
    this.view?.channel.dispose();
    this.view = undefined;
  }

  dispose(): void {
    this.release();
    this.resolved.dispose();
  }
}
