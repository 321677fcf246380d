import * as vscode from 'vscode';
import { Channel, type Transport } from '../protocol/channel';
import { parseFromWebview, type FromWebview, type ToWebview } from '../protocol/messages';

/** The host's side of a webview as a channel transport. */
export function webviewTransport(webview: vscode.Webview): Transport {
  return {
    send: (m) => void webview.postMessage(m),
    listen(receive) {
      const d = webview.onDidReceiveMessage(receive);
      return () => { d.dispose(); };
    },
  };
}

export type LabChannel = Channel<FromWebview, ToWebview>;

/** A lab page's typed channel: every message from the page validated, the bad ones logged and dropped. */
export function labChannel(webview: vscode.Webview, log: vscode.LogOutputChannel): LabChannel {
  return new Channel<FromWebview, ToWebview>(webviewTransport(webview), {
    parse: parseFromWebview,
    onInvalid: (problem) => log.warn(`ignored a webview message: ${problem}`),
    onHandlerError: (type, e) => log.error(`handling ${type} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
  });
}
