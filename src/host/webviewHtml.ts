import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Surface } from '../protocol/messages';

/** Relaxations of the webview CSP. Each is named and off by default; none is used today. */
export interface CspRelaxations {
  /** Allow `connect-src` to the webview's own resources (for fetching shipped data files). */
  allowConnectToResources?: boolean;
}

/** The folders a lab webview may load from: the built bundle and static media, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

/**
 * The HTML shell shared by the panel and the sidebar. Strict CSP: scripts only with this
 * page's nonce, styles only from the extension's files, no `unsafe-eval` and no inline style.
 */
export function renderWebviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  surface: Surface,
  title: string,
  relax: CspRelaxations = {},
): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'lab.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    relax.allowConnectToResources ? `connect-src ${webview.cspSource}` : '',
  ].filter(Boolean).join('; ');
  const lang = vscode.env.language;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeAttr(title)}</title>
</head>
<body data-surface="${surface}">
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
