import * as vscode from 'vscode';
import type { LabSection, LabState } from '../protocol/messages';
import { LAB_SECTIONS } from '../protocol/messages';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';
import { WebviewConnection } from './webviewConnection';

/** Persisted by VS Code across reloads (see the serializer below). */
interface PanelPersistedState {
  section?: LabSection;
}

/** The lab panel: one WebviewPanel at a time, revealed if already open, restored after reload. */
export class LabPanel implements vscode.Disposable {
  static readonly viewType = 'activationLab.lab';
  private static current: LabPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly connection: WebviewConnection;
  private section: LabSection;

  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, section: LabSection = 'functions'): LabPanel {
    if (LabPanel.current) {
      LabPanel.current.panel.reveal();
      LabPanel.current.showSection(section);
      return LabPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      LabPanel.viewType,
      vscode.l10n.t('Activation Lab'),
      vscode.ViewColumn.Active,
      webviewOptions(extensionUri),
    );
    LabPanel.current = new LabPanel(panel, extensionUri, log, section);
    return LabPanel.current;
  }

  /** The open panel, if any (tests and other surfaces use it). */
  static get instance(): LabPanel | undefined {
    return LabPanel.current;
  }

  static registerSerializer(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(LabPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (state ?? {}) as PanelPersistedState;
        const section = LAB_SECTIONS.includes(saved.section as LabSection) ? saved.section! : 'functions';
        panel.webview.options = webviewOptions(extensionUri);
        LabPanel.current?.dispose();
        LabPanel.current = new LabPanel(panel, extensionUri, log, section);
      },
    });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    section: LabSection,
  ) {
    this.section = section;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.connection = new WebviewConnection(panel.webview, log, () => this.state());
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, 'panel', vscode.l10n.t('Activation Lab'));
    this.disposables.push(
      this.connection,
      this.connection.onMessage((m) => {
        if (m.type === 'webview/showSection') this.section = m.section;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get onMessage() {
    return this.connection.onMessage;
  }

  /** A round trip through the page's script (resolves with its latency in ms). */
  ping(): Promise<number> {
    return this.connection.ping();
  }

  showSection(section: LabSection): void {
    this.section = section;
    void this.connection.post({ type: 'lab/state', state: this.state() });
  }

  private state(): LabState {
    return { surface: 'panel', section: this.section, locale: vscode.env.language, version: extensionVersion() };
  }

  dispose(): void {
    if (LabPanel.current === this) LabPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

export function extensionVersion(): string {
  return (vscode.extensions.getExtension('activation-lab.activation-lab')?.packageJSON as { version?: string } | undefined)?.version ?? '0.0.0';
}
