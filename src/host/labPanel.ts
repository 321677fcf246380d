import * as vscode from 'vscode';
import type { FunctionsFocus, LabReport, LabSection, LabState } from '../protocol/messages';
import { FUNCTIONS_VIEWS } from '../protocol/messages';
import { MAX_COMPARED_ACTIVATIONS } from '../core/train/config';
import { LabSession, type LabServices } from './labSession';
import { labChannel, type LabChannel } from './webviewChannel';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';
import { surfaceRelaxations } from './webviewShell';
import type { PlaygroundFocus } from '../protocol/playground';

/** One lab panel: its webview, its channel and its session with the host. */
export class LabPanel implements vscode.Disposable {
  private readonly channel: LabChannel;
  private readonly session: LabSession;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(readonly panel: vscode.WebviewPanel, services: LabServices, openPanel: (section: LabSection, focus?: FunctionsFocus) => void) {
    const { extensionUri, log } = services;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.channel = labChannel(panel.webview, log);
    this.session = new LabSession(this.channel, services, 'panel', () => this.state(), openPanel);
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, 'panel', vscode.l10n.t('Activation Lab'), surfaceRelaxations('panel'));
    this.disposables.push(this.session, panel.onDidDispose(() => this.dispose()));
  }

  /** Asks the page to show a section (the page owns which one it shows; a reload keeps its own). */
  show(section: LabSection, focus?: FunctionsFocus, playground?: PlaygroundFocus): void {
    const message = { type: 'lab/show' as const, section, ...(focus ? { focus: withinLimits(focus) } : {}), ...(playground ? { playground } : {}) };
    void this.session.ready.then(() => this.channel.send(message));
  }

  /** A round trip through the page's script (resolves with its latency in ms). */
  ping(): Promise<number> {
    return this.session.ping();
  }

  /** Test hook: what the page shows now (section, charts and their mark counts). */
  query(): Promise<LabReport> {
    return this.session.query();
  }

  /** Test hook: handles `raw` exactly as if the page had posted it (validated first). */
  receiveFromPage(raw: unknown): void {
    this.channel.receive(raw);
  }

  /** Every valid message from the page (tests watch them). */
  onMessage(handler: Parameters<LabChannel['onMessage']>[0]): vscode.Disposable {
    return new vscode.Disposable(this.channel.onMessage(handler));
  }

  private state(): LabState {
    return { surface: 'panel', locale: vscode.env.language, version: extensionVersion() };
  }

  private isDisposed = false;

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.channel.dispose();
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}

/** The lab panel of this window: one at a time, revealed if already open, restored after a reload. */
export class LabPanels implements vscode.Disposable {
  static readonly viewType = 'activationLab.lab';
  private panel: LabPanel | undefined;
  private readonly registration: vscode.Disposable;

  constructor(private readonly services: LabServices) {
    this.registration = vscode.window.registerWebviewPanelSerializer(LabPanels.viewType, {
      // The page restores its own section and choices from its saved state.
      deserializeWebviewPanel: (panel: vscode.WebviewPanel) => {
        panel.webview.options = webviewOptions(services.extensionUri);
        this.adopt(panel);
        return Promise.resolve();
      },
    });
  }

  /** The open panel, if any. */
  get current(): LabPanel | undefined {
    return this.panel;
  }

  /**
   * Opens (or reveals) the panel at a section; `focus` opens Functions on these activations
   * (one: its plot; several: the comparison), e.g. for "Compare Activations"; `playground`
   * sets the playground's choices (and may start training), e.g. for "Open Playground".
   */
  show(section: LabSection = 'functions', focus?: FunctionsFocus, playground?: PlaygroundFocus): LabPanel {
    if (this.panel) this.panel.panel.reveal();
    else {
      const panel = vscode.window.createWebviewPanel(LabPanels.viewType, vscode.l10n.t('Activation Lab'), vscode.ViewColumn.Active, webviewOptions(this.services.extensionUri));
      this.adopt(panel);
    }
    this.panel!.show(section, focus, playground);
    return this.panel!;
  }

  private adopt(webviewPanel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    const panel = new LabPanel(webviewPanel, this.services, (s, f) => this.show(s, f));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
  }

  dispose(): void {
    this.registration.dispose();
    this.panel?.dispose();
  }
}

export function extensionVersion(): string {
  return (vscode.extensions.getExtension('activation-lab.activation-lab')?.packageJSON as { version?: string } | undefined)?.version ?? '0.0.0';
}

/** A focus the page accepts: at most MAX_COMPARED_ACTIVATIONS activations (its validator refuses more) and a known view. */
function withinLimits(focus: FunctionsFocus): FunctionsFocus {
  return {
    activations: focus.activations.slice(0, MAX_COMPARED_ACTIVATIONS),
    ...(focus.view && FUNCTIONS_VIEWS.includes(focus.view) ? { view: focus.view } : {}),
    ...(focus.params ? { params: focus.params } : {}),
  };
}
