// A screenshot of a live sweep in the real workbench (the offline VS Code server), Light Modern:
// the Sweep section's defaults (the tutorial's four activations at depths 2, 4, 8, 64 units, three
// seeds, three epochs on 6000 images) started from the page and taken once two thirds of its runs
// have ended, the grid part filled and the error bars growing. Saved as test-output/lab-sweep.png.
// Run: node scripts/build.mjs && node test/host/screenshot-sweep.mjs [--at=24]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

const at = Number(process.argv.find((a) => a.startsWith('--at='))?.split('=')[1] ?? '24');
const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });
ensureServerInstalled();
const server = await startServer();
const browser = await launchBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function labFrame(page, timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      try {
        if (await f.$('body[data-surface=panel] #app')) return f;
      } catch { /* frame navigating */ }
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`no panel webview frame after ${timeoutMs} ms`);
    await sleep(500);
  }
}

async function runCommand(page, title) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await sleep(800);
    if (await page.$(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Escape');
    await sleep(2000);
  }
  throw new Error(`command not found: ${title}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1120 } });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-shot-'));
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), `${JSON.stringify({ 'workbench.colorTheme': 'Default Light Modern' }, null, 2)}\n`);
  await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench.vs', { timeout: 60_000 });
  await sleep(4000);
  await runCommand(page, 'Activation Lab: Open Lab');
  const frame = await labFrame(page);
  await frame.click('#tab-sweep');
  await frame.waitForSelector('[data-action=sweep]');
  await frame.click('[data-action=sweep]');
  console.log(`sweep started; waiting for ${at} runs to end...`);
  await frame.waitForFunction((n) => {
    const m = /(\d+)\/(\d+)/.exec(document.querySelector('[data-sweep-status]')?.textContent ?? '');
    return m !== null && Number(m[1]) >= n;
  }, at, { timeout: 20 * 60_000, polling: 1000 });
  await sleep(2500); // the charts take the last datasets
  await page.keyboard.press('Escape');
  for (const b of await page.$$('.notifications-toasts .codicon-notifications-clear')) await b.click().catch(() => {});
  await frame.evaluate(() => window.scrollTo(0, 0)); // the form, the status line, the grid and the charts
  await sleep(800);
  await page.screenshot({ path: path.join(out, 'lab-sweep.png') });
  console.log('saved test-output/lab-sweep.png');
  await frame.click('[data-action=stop]').catch(() => {});
  await sleep(1500);
} finally {
  await browser.close();
  server.stop();
}
