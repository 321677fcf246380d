import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { parseFromWebview, type FromWebview, type LabReport, type LabState, type ToWebview } from '../protocol/messages';

/**
 * One webview's typed message channel. Validates every incoming message (bad ones are logged
 * and dropped), and replays the latest state when the page says it is ready: no
 * `retainContextWhenHidden`, the page rebuilds itself from the replay.
 */
export class WebviewConnection implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<FromWebview>();
  private readonly pending = new Map<string, (ms: number) => void>();
  private readonly queries = new Map<string, (report: LabReport) => void>();
  private readyOnce: Promise<void>;
  private markReady!: () => void;
  /** Fires for every valid message from the page. */
  readonly onMessage = this.received.event;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly log: vscode.LogOutputChannel,
    private readonly state: () => LabState,
  ) {
    this.readyOnce = new Promise((resolve) => (this.markReady = resolve));
    this.disposables.push(
      this.received,
      webview.onDidReceiveMessage((raw: unknown) => this.handle(raw)),
    );
  }

  /** Resolves once the page's script has run and said `webview/ready`. */
  whenReady(): Promise<void> {
    return this.readyOnce;
  }

  post(msg: ToWebview): Thenable<boolean> {
    return this.webview.postMessage(msg);
  }

  /** Round trip through the page's script; resolves with the milliseconds it took. */
  async ping(timeoutMs = 10_000): Promise<number> {
    await this.whenReady();
    const nonce = randomUUID();
    const t0 = Date.now();
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(nonce);
        reject(new Error(`webview did not answer a ping within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(nonce, (t1) => {
        clearTimeout(timer);
        resolve(t1 - t0);
      });
      void this.post({ type: 'lab/ping', nonce });
    });
  }

  /** Test hook: asks the page what it shows (section, charts with their mark counts). */
  async query(timeoutMs = 10_000): Promise<LabReport> {
    await this.whenReady();
    const nonce = randomUUID();
    return new Promise<LabReport>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.queries.delete(nonce);
        reject(new Error(`webview did not answer a query within ${timeoutMs} ms`));
      }, timeoutMs);
      this.queries.set(nonce, (report) => {
        clearTimeout(timer);
        resolve(report);
      });
      void this.post({ type: 'lab/query', nonce });
    });
  }

  /** Handles a message as if the page had posted it (tests use it to act as the user). */
  receive(raw: unknown): void {
    this.handle(raw);
  }

  private handle(raw: unknown): void {
    const msg = parseFromWebview(raw);
    if (typeof msg === 'string') {
      this.log.warn(`ignored a webview message: ${msg}`);
      return;
    }
    switch (msg.type) {
      case 'webview/ready':
        this.markReady();
        void this.post({ type: 'lab/state', state: this.state() });
        break;
      case 'webview/pong':
        this.pending.get(msg.nonce)?.(Date.now());
        this.pending.delete(msg.nonce);
        break;
      case 'lab/report':
        this.queries.get(msg.nonce)?.(msg.report);
        this.queries.delete(msg.nonce);
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
