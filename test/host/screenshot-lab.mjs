// Screenshots of the lab in the real workbench (the offline VS Code server): the panel's
// function plots, a quick training comparison, and the sidebar. Saved under test-output/.
// Run: node scripts/build.mjs && node test/host/screenshot-lab.mjs
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });
ensureServerInstalled();
const server = await startServer();
const browser = await launchBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The frame of the lab's webview whose body has this surface. */
async function labFrame(page, surface, timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      try {
        if (await f.$(`body[data-surface=${surface}] #app`)) return f;
      } catch { /* frame navigating */ }
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`no ${surface} webview frame after ${timeoutMs} ms`);
    await sleep(500);
  }
}

async function runCommand(page, title) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await sleep(800);
    const item = await page.$(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
    if (item) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Escape');
    await sleep(2000); // right after load the command list can be incomplete
  }
  throw new Error(`command not found: ${title}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-shot-'));
  await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(4000);
  await runCommand(page, 'Activation Lab: Open Lab');
  let frame = await labFrame(page, 'panel');
  await frame.waitForSelector('[data-chart=plot] svg g.role-mark path', { timeout: 60_000 });
  await frame.click('#opt-elu');
  await frame.waitForSelector('[data-param=alpha]');
  await sleep(1500);
  await page.screenshot({ path: path.join(out, 'lab-functions.png') });
  console.log('saved lab-functions.png');

  // A quick training comparison from the Train section.
  await frame.click('#tab-train');
  await frame.waitForSelector('[data-action=train]');
  for (const id of ['elu', 'gelu']) {
    const box = await frame.$(`[data-train=${id}]`);
    if (box && (await box.isChecked())) await box.uncheck();
  }
  await frame.fill('[data-epochs]', '3');
  await frame.dispatchEvent('[data-epochs]', 'change');
  await frame.click('[data-action=train]');
  console.log('training 4 activations x 3 epochs on 6000 images...');
  await frame.waitForFunction(() => document.querySelectorAll('.results-table [data-test-accuracy]').length >= 4, null, { timeout: 15 * 60_000, polling: 2000 });
  await sleep(2000);
  // Close the notifications so they do not cover the charts.
  await page.keyboard.press('Escape');
  for (const b of await page.$$('.notifications-toasts .codicon-notifications-clear, .notification-toast .codicon-close')) await b.click().catch(() => {});
  await sleep(500);
  await page.screenshot({ path: path.join(out, 'lab-train.png') });
  console.log('saved lab-train.png');

  // The sidebar.
  await runCommand(page, 'View: Show Activation Lab');
  const side = await labFrame(page, 'sidebar');
  await side.waitForSelector('svg.spark');
  await sleep(1500);
  await page.screenshot({ path: path.join(out, 'sidebar.png') });
  console.log('saved sidebar.png');
} finally {
  await browser.close();
  server.stop();
}
