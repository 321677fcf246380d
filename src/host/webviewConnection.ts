import * as vscode from 'vscode';
import { parseFromWebview, type FromWebview, type LabState, type ToWebview } from '../protocol/messages';

/**
 * One webview's typed message channel. Validates every incoming message (bad ones are logged
 * and dropped), answers pings, and replays the latest state when the page says it is ready:
 * no `retainContextWhenHidden`, the page rebuilds itself from the replay.
 */
export class WebviewConnection implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<FromWebview>();
  /** Fires for every valid message from the page. */
  readonly onMessage = this.received.event;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly log: vscode.LogOutputChannel,
    private readonly state: () => LabState,
  ) {
    this.disposables.push(
      this.received,
      webview.onDidReceiveMessage((raw: unknown) => this.handle(raw)),
    );
  }

  post(msg: ToWebview): Thenable<boolean> {
    return this.webview.postMessage(msg);
  }

  private handle(raw: unknown): void {
    const msg = parseFromWebview(raw);
    if (typeof msg === 'string') {
      this.log.warn(`ignored a webview message: ${msg}`);
      return;
    }
    switch (msg.type) {
      case 'webview/ready':
        void this.post({ type: 'lab/state', state: this.state() });
        break;
      case 'webview/ping':
        void this.post({ type: 'lab/pong', nonce: msg.nonce, receivedAt: Date.now() });
        break;
      default:
        break;
    }
    this.received.fire(msg);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
