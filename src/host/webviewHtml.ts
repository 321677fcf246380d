import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Surface } from '../protocol/messages';
import { renderShell, type CspRelaxations } from './webviewShell';

/** The folders a lab webview may load from: the built bundle and static media, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

/** The HTML of a lab webview (panel or sidebar), with a fresh nonce each time. */
export function renderWebviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  surface: Surface,
  title: string,
  relax: CspRelaxations = {},
): string {
  const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  return renderShell({
    cspSource: webview.cspSource,
    scriptUri: uri('dist', 'webview.js'),
    styleUris: [uri('media', 'lab.css'), uri('media', 'vega-tooltip.css')],
    codiconUri: uri('dist', 'codicons', 'codicon.css'),
    nonce: randomBytes(16).toString('base64'),
    surface,
    lang: vscode.env.language,
    title,
    relax,
  });
}
