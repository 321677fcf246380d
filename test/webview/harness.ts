// Loads the built webview bundle in headless chromium under the host's exact CSP, with a fake
// `acquireVsCodeApi` that records what the page posts. No VS Code involved.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderShell, surfaceRelaxations } from '../../src/host/webviewShell';
import type { FromWebview, Surface } from '../../src/protocol/messages';

export const root = path.resolve(__dirname, '..', '..');
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf' };

export interface WebviewPage {
  page: Page;
  /** Messages the page has posted to the (fake) host. */
  posted(): Promise<FromWebview[]>;
  /** Posts a message to the page: a ToWebview, or anything else to see the page drop it. */
  send(msg: unknown): Promise<void>;
  violations(): Promise<string[]>;
  errors: string[];
  close(): Promise<void>;
}

/**
 * One browser and one profile shared by the pages of every test file in the process: pages get the bundle from the
 * HTTP cache and its compiled code from V8's code cache (a persistent profile keeps one; a fresh
 * context does not). That halves a page's start (about 1.5 s to 0.45 s of CPU each). The page
 * keeps its state in the fake VS Code API, not in the profile, so pages share nothing else.
 */
let context: BrowserContext | undefined;
let profileDir: string | undefined;
let server: Server | undefined;
let base = '';
let users = 0;
let starting: Promise<void> | undefined;

/** The shell page under the host's CSP, and the built files under dist/ and media/. */
async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/favicon.ico') { res.statusCode = 204; res.end(); return; }
  if (url.pathname === '/page') {
    const surface = (url.searchParams.get('surface') ?? 'panel') as Surface;
    res.setHeader('content-type', 'text/html');
    res.end(renderShell({ cspSource: base, scriptUri: `${base}/dist/webview.js`, styleUris: [`${base}/media/lab.css`, `${base}/media/vega-tooltip.css`], codiconUri: `${base}/dist/codicons/codicon.css`, nonce: 'dGVzdG5vbmNl', surface, lang: 'en', title: 'test', relax: surfaceRelaxations(surface) }));
    return;
  }
  const rel = path.normalize(url.pathname).replace(/^\/+/, '');
  if (!/^(dist|media)\//.test(rel)) { res.statusCode = 404; res.end(); return; }
  try {
    const body = await readFile(path.join(root, rel));
    res.setHeader('content-type', types[path.extname(rel)] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'max-age=3600'); // the files do not change during a test run
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end();
  }
}

/**
 * Starts the server and the browser for the first test file that asks; the files of one process
 * (test/oneProcess.ts) share them, and the last to finish closes them.
 */
export async function startHarness(): Promise<void> {
  users++;
  starting ??= launch();
  await starting;
}

export async function stopHarness(): Promise<void> {
  if (--users > 0) return;
  starting = undefined;
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
}

async function launch(): Promise<void> {
  server = createServer((req, res) => {
    // An unexpected error answers 500 with its text and is printed (an async handler's rejection goes unhandled).
    serve(req, res).catch((e: unknown) => {
      console.error('[harness]', e);
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'actlab-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1000, height: 700 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Polls `check` until it gives a truthy value and returns it; after `timeoutMs` fails with an
 * error naming `what` and the last value seen. Nothing is evaluated from a string in the page's
 * own realm, so the page's strict CSP cannot break the wait (Playwright's waitForFunction with a
 * string predicate needs eval there and throws once it has to poll).
 */
export async function waitUntil<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${JSON.stringify(last)?.slice(0, 200)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `expression` evaluated in the page by the debugger protocol (which the page's CSP does not govern) until truthy. */
export function waitInPage<T = unknown>(w: Pick<WebviewPage, 'page'>, expression: string, what = expression, timeoutMs?: number): Promise<NonNullable<T>> {
  return waitUntil(what, () => w.page.evaluate<T>(expression), timeoutMs);
}

/** The first message the page posted that `match` accepts, waiting for it. */
export function waitForPosted<M extends FromWebview>(w: WebviewPage, what: string, match: (m: FromWebview) => m is M): Promise<M>;
export function waitForPosted(w: WebviewPage, what: string, match: (m: FromWebview) => boolean): Promise<FromWebview>;
export function waitForPosted(w: WebviewPage, what: string, match: (m: FromWebview) => boolean): Promise<FromWebview> {
  return waitUntil(what, async () => (await w.posted()).find(match));
}

/** Whether a VS Code checkbox (or a native one) is ticked. */
export function isTicked(w: Pick<WebviewPage, 'page'>, selector: string): Promise<boolean> {
  return w.page.$eval(selector, (e) => (e as unknown as { checked?: boolean }).checked === true);
}

/** Types into a VS Code text field: its input lives in the field's shadow root (CSS selectors pierce it). */
export async function typeInto(w: Pick<WebviewPage, 'page'>, selector: string, text: string): Promise<void> {
  await w.page.fill(`${selector} input`, text);
}

/**
 * Picks an option of a VS Code select with the keyboard, as a user would: focus it, open it with
 * Space, move with the arrows to the option whose value is `value`, and press Enter.
 */
export async function chooseOption(w: Pick<WebviewPage, 'page'>, selector: string, value: string): Promise<void> {
  const values = (await w.page.$$eval(`${selector} vscode-option`, (os) => os.map((o) => o.getAttribute('value')))) as string[];
  const to = values.indexOf(value);
  if (to < 0) throw new Error(`${selector} has no option ${value} (has ${values.join(', ')})`);
  const from = values.indexOf(await w.page.$eval(selector, (s) => (s as unknown as { value: string }).value));
  if (from === to) return;
  // The select reports the pick in its own update cycle, after its value moves: until its change
  // event has run, the page has not reacted (a section redrawn by it would swap the next control
  // out from under the next keystroke).
  await w.page.$eval(selector, (s) => {
    const flag = globalThis as unknown as { __chosen?: boolean };
    flag.__chosen = false;
    s.addEventListener('change', () => { flag.__chosen = true; }, { once: true });
  });
  await w.page.focus(selector);
  await w.page.keyboard.press('Space');
  for (let i = from; i < to; i++) await w.page.keyboard.press('ArrowDown');
  for (let i = from; i > to; i--) await w.page.keyboard.press('ArrowUp');
  await w.page.keyboard.press('Enter');
  await waitUntil(`${selector} set to ${value}, its change handled`, () => w.page.evaluate(() => (globalThis as unknown as { __chosen?: boolean }).__chosen === true));
  // the page handles a pick a task after the change event (webview/dom.ts): one task more and it has
  await w.page.evaluate(() => new Promise<void>((r) => { setTimeout(r, 0); }));
  await waitUntil(`${selector} shows ${value}`, () => w.page.$eval(selector, (s, v) => (s as unknown as { value: string }).value === v, value));
}

export async function openWebview(surface: Surface = 'panel', savedState?: unknown): Promise<WebviewPage> {
  if (!context) throw new Error('startHarness() first');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A string, not a function: tsx would compile a function with helpers the page lacks.
  await page.addInitScript(`
    window.__posted = [];
    window.__violations = [];
    window.__state = ${JSON.stringify(savedState ?? null)};
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ': ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
  `);
  await page.goto(`${base}/page?surface=${surface}`);
  return {
    page,
    errors,
    posted: () => page.evaluate<FromWebview[]>('window.__posted'),
    send: (msg) => page.evaluate(`window.postMessage(${JSON.stringify(msg)}, '*')`),
    violations: () => page.evaluate<string[]>('window.__violations'),
    close: () => page.close(),
  };
}
