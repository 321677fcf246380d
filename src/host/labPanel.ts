import * as vscode from 'vscode';
import type { FunctionsFocus, LabReport, LabSection, LabState } from '../protocol/messages';
import { FUNCTIONS_VIEWS, LAB_SECTIONS } from '../protocol/messages';
import { LabSession } from './labSession';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';
import { WebviewConnection } from './webviewConnection';

/** Persisted by VS Code across reloads: the page's own saved state (see webview/main.ts). */
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
  private focus: FunctionsFocus | undefined;

  /**
   * Opens (or reveals) the panel at a section; `focus` opens Functions on these activations
   * (one: its plot; several: the comparison), e.g. for "Compare Activations".
   */
  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, section: LabSection = 'functions', focus?: FunctionsFocus): LabPanel {
    if (LabPanel.current) {
      LabPanel.current.panel.reveal();
      LabPanel.current.showSection(section, focus);
      return LabPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      LabPanel.viewType,
      vscode.l10n.t('Activation Lab'),
      vscode.ViewColumn.Active,
      webviewOptions(extensionUri),
    );
    LabPanel.current = new LabPanel(panel, extensionUri, log, section, focus);
    return LabPanel.current;
  }

  /** The open panel, if any (tests and other surfaces use it). */
  static get instance(): LabPanel | undefined {
    return LabPanel.current;
  }

  /** Restores a panel VS Code kept across a window reload (the state is what the page saved). */
  static serializer(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.WebviewPanelSerializer {
    return {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (typeof state === 'object' && state !== null ? state : {}) as PanelPersistedState;
        const section = LAB_SECTIONS.includes(saved.section as LabSection) ? saved.section! : 'functions';
        panel.webview.options = webviewOptions(extensionUri);
        LabPanel.current?.dispose();
        LabPanel.current = new LabPanel(panel, extensionUri, log, section);
      },
    };
  }

  static registerSerializer(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(LabPanel.viewType, LabPanel.serializer(extensionUri, log));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    section: LabSection,
    focus?: FunctionsFocus,
  ) {
    this.section = section;
    this.focus = focus && withinLimits(focus);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.connection = new WebviewConnection(panel.webview, log, () => this.state());
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, 'panel', vscode.l10n.t('Activation Lab'));
    this.disposables.push(
      this.connection,
      new LabSession(this.connection, log, 'panel', (s, f) => this.showSection(s, f)),
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

  /** Test hook: what the page shows now (section, charts and their mark counts). */
  query(): Promise<LabReport> {
    return this.connection.query();
  }

  /** Test hook: handles `raw` exactly as if the page had posted it (validated first). */
  receiveFromPage(raw: unknown): void {
    this.connection.receive(raw);
  }

  showSection(section: LabSection, focus?: FunctionsFocus): void {
    this.section = section;
    if (focus) this.focus = withinLimits(focus);
    void this.connection.post({ type: 'lab/state', state: this.state(focus !== undefined) });
  }

  private state(withFocus = true): LabState {
    return {
      surface: 'panel', section: this.section, locale: vscode.env.language, version: extensionVersion(),
      ...(withFocus && this.focus ? { focus: this.focus } : {}),
    };
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

/** A focus the page accepts: at most 12 activations (its validator refuses more) and a known view. */
function withinLimits(focus: FunctionsFocus): FunctionsFocus {
  return {
    activations: focus.activations.slice(0, 12),
    ...(focus.view && FUNCTIONS_VIEWS.includes(focus.view) ? { view: focus.view } : {}),
    ...(focus.params ? { params: focus.params } : {}),
  };
}
