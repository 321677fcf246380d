import * as vscode from 'vscode';
import type { LabReport, LabState } from '../protocol/messages';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';
import { WebviewConnection } from './webviewConnection';
import { extensionVersion, LabPanel } from './labPanel';
import { LabSession } from './labSession';

/** The sidebar lab: a WebviewView in the Activation Lab activity-bar container. */
export class SidebarView implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'activationLab.sidebar';
  private connection: WebviewConnection | undefined;
  private session: LabSession | undefined;
  private readonly resolved = new vscode.EventEmitter<vscode.WebviewView>();
  /** Fires when VS Code resolves the view (tests wait on it). */
  readonly onDidResolve = this.resolved.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = webviewOptions(this.extensionUri);
    this.session?.dispose();
    this.connection?.dispose();
    this.connection = new WebviewConnection(view.webview, this.log, () => this.state());
    this.session = new LabSession(this.connection, this.log, 'sidebar', (section, focus) => LabPanel.show(this.extensionUri, this.log, section, focus));
    view.webview.html = renderWebviewHtml(view.webview, this.extensionUri, 'sidebar', vscode.l10n.t('Activation Lab'));
    view.onDidDispose(() => {
      this.session?.dispose();
      this.connection?.dispose();
      this.session = undefined;
      this.connection = undefined;
    });
    this.resolved.fire(view);
  }

  get isResolved(): boolean {
    return this.connection !== undefined;
  }

  /** A round trip through the sidebar page's script; rejects if the view is not resolved. */
  ping(): Promise<number> {
    if (!this.connection) return Promise.reject(new Error('the sidebar view is not resolved'));
    return this.connection.ping();
  }

  /** Test hook: what the sidebar page shows now. */
  query(): Promise<LabReport> {
    if (!this.connection) return Promise.reject(new Error('the sidebar view is not resolved'));
    return this.connection.query();
  }

  private state(): LabState {
    return { surface: 'sidebar', section: 'functions', locale: vscode.env.language, version: extensionVersion() };
  }

  dispose(): void {
    this.session?.dispose();
    this.connection?.dispose();
    this.resolved.dispose();
  }
}
