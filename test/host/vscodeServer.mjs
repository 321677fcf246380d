// Runs the VS Code server bundled in code-server@4.100.3 offline and drives its workbench with
// playwright-core and Debian's chromium, started with the flags that let a test suite run inside it.
// Shared by the extension-host suite, the VSIX install test and the screenshot scripts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const serverMain = path.join(root, '.vscode-test/cs/node_modules/code-server/lib/vscode/out/server-main.js');

export function ensureServerInstalled() {
  const r = spawnSync('bash', [path.join(root, 'scripts/install-vscode-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing the VS Code server failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Installs a VSIX into an extensions dir with the server's own CLI. */
export function installVsix(vsix, extensionsDir) {
  const r = spawnSync(process.execPath, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: os.tmpdir() },
  });
  if (r.status !== 0) throw new Error(`--install-extension failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Starts the server in its own process group with fresh data dirs. Returns { port, dataDir, stop }.
 * `extensionsDir` may point at a folder with installed VSIXs.
 */
export async function startServer({ extensionsDir, log = () => {} } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actlab-vscode-'));
  const tmp = path.join(dataDir, 'tmp');
  mkdirSync(tmp);
  const ext = extensionsDir ?? path.join(dataDir, 'ext');
  const args = [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--server-data-dir', path.join(dataDir, 'sd'), '--user-data-dir', path.join(dataDir, 'ud'),
    '--extensions-dir', ext, '--disable-telemetry', '--disable-workspace-trust', '--enable-smoke-test-driver'];
  const child = spawn(process.execPath, args, { detached: true, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (d) => {
      output += d;
      log(String(d));
      if (output.includes('Extension host agent listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`VS Code server exited (${code}) before listening:\n${output}`)));
  });
  const stop = () => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { port, dataDir, child, stop, output: () => output };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The workbench URL that opens `folder` and, optionally, runs an extension test suite. */
export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${q}`;
}

/**
 * Runs a compiled Mocha suite inside the extension host and resolves with its exit code.
 * The suite's console output comes back through the smoke-test driver's log hook.
 */
export async function runSuiteInHost({ extensionDevelopmentPath, extensionTestsPath, folder, extensionsDir, timeoutMs = 15 * 60_000, startTimeoutMs = 120_000, env = {} }) {
  Object.assign(process.env, env); // inherited by the server, hence by the extension host
  const server = await startServer({ extensionsDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let finish;
    let started = false;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const parts = Array.isArray(args) ? args : [args];
      if (parts.some((p) => String(p).includes('[actlab-suite] started'))) started = true;
      // The workbench's own offline noise (its extension gallery is unreachable here, by design).
      if (parts.some((p) => /ENOTFOUND open-vsx\.org|Failed to register a ServiceWorker/.test(String(p)))) return;
      console.log(...parts);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    mkdirSync(folder, { recursive: true });
    await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath, extensionTestsPath }));
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    const loadTimer = new Promise((resolve) => {
      const t = setInterval(() => {
        if (started) clearInterval(t);
        else if (Date.now() - t0 > startTimeoutMs) { clearInterval(t); resolve('not-started'); }
      }, 500);
    });
    const t0 = Date.now();
    const code = await Promise.race([exited, timer, loadTimer]);
    if (code === 'timeout' || code === 'not-started') {
      console.error(code === 'timeout'
        ? `the extension-host suite did not finish within ${timeoutMs / 1000} s`
        : `the extension-host suite did not start within ${startTimeoutMs / 1000} s (see the errors above)`);
      console.log('0 passed, 1 failed');
      return 1;
    }
    return code;
  } finally {
    await browser.close();
    server.stop();
  }
}
