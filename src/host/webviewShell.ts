// The HTML shell of every lab webview, as a pure function: the host fills it with webview URIs,
// the browser tests with a local server's URLs, so both test the same CSP.
import type { Surface } from '../protocol/messages';

/**
 * Relaxations of the webview CSP. Each is named and off by default.
 * VS Code's web components (@vscode-elements/elements, built on Lit) need none: Lit gives each
 * shadow root its styles as constructed stylesheets (adoptedStyleSheets), which `style-src` does
 * not govern, and sets dynamic styles through the CSSOM, never a `style` attribute; the codicon
 * font and its CSS are files from the webview's own resources (`font-src`, `style-src`). The
 * browser tests count zero violations with every control on the page.
 */
export interface CspRelaxations {
  /** Allow `connect-src` to the webview's own resources (for fetching shipped data files). */
  allowConnectToResources?: boolean;
  /**
   * Allow `worker-src blob:`: the playground's training worker, started from a blob: URL made of
   * the script bundled into the page (a webview cannot start a worker from its resource URLs).
   * Scripts themselves stay nonce-only, and the worker inherits the page's CSP: no eval there either.
   */
  allowBlobWorkers?: boolean;
}

/** The relaxations each surface runs with: the panel's playground trains in a worker; the sidebar needs none. */
export function surfaceRelaxations(surface: Surface): CspRelaxations {
  return surface === 'panel' ? { allowBlobWorkers: true } : {};
}

export interface ShellOptions {
  cspSource: string;
  scriptUri: string;
  styleUris: string[];
  /** The codicon font's CSS: VS Code's icon components find it by its id and share it with their shadow roots. */
  codiconUri: string;
  nonce: string;
  surface: Surface;
  lang: string;
  title: string;
  relax?: CspRelaxations;
}

/** Strict CSP: scripts only with this page's nonce, styles only from files, no `unsafe-eval`, no inline style. */
export function contentSecurityPolicy(cspSource: string, nonce: string, relax: CspRelaxations = {}): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    relax.allowConnectToResources ? `connect-src ${cspSource}` : '',
    relax.allowBlobWorkers ? 'worker-src blob:' : '',
  ].filter(Boolean).join('; ');
}

export function renderShell(o: ShellOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce, o.relax);
  const styles = [
    `<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${escapeAttr(o.codiconUri)}">`,
    ...o.styleUris.map((u) => `<link rel="stylesheet" href="${escapeAttr(u)}">`),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeAttr(o.title)}</title>
</head>
<body data-surface="${o.surface}">
<main id="app" aria-live="polite"></main>
<script nonce="${o.nonce}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
