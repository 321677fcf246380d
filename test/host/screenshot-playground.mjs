// Screenshots of the Playground in the real workbench (the offline VS Code server): a race of
// sigmoid against relu on the spiral, set up with the page's own controls (as a user would) after
// "Activation Lab: Open Playground", trained for a few seconds at TF Playground's pace, paused,
// and shot in Light Modern and Dark Modern. Saved under test-output/: playground-race.png and
// playground-race-dark.png.
// Run: node scripts/build.mjs && node test/host/screenshot-playground.mjs [--seconds=12]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

const THEMES = [
  { id: 'Default Light Modern', workbenchClass: 'vs', suffix: '' },
  { id: 'Default Dark Modern', workbenchClass: 'vs-dark', suffix: '-dark' },
];
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? '12');
const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });
ensureServerInstalled();
const server = await startServer();
const browser = await launchBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function playgroundFrame(page, timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      try {
        if (await f.$('body[data-surface=panel] #section-playground [data-pg=play]')) return f;
      } catch { /* frame navigating */ }
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`no playground frame after ${timeoutMs} ms`);
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
    await sleep(2000); // right after load the command list can be incomplete
  }
  throw new Error(`command not found: ${title}`);
}

async function setTheme(page, folder, theme) {
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), `${JSON.stringify({ 'workbench.colorTheme': theme.id }, null, 2)}\n`);
  await page.waitForSelector(`.monaco-workbench.${theme.workbenchClass}`, { timeout: 20_000 });
  await sleep(2500); // the webview gets the new variables and the page redraws
}

try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1040 } });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-shot-'));
  await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(4000);
  await setTheme(page, folder, THEMES[0]);
  await runCommand(page, 'View: Close Primary Side Bar');
  await runCommand(page, 'Activation Lab: Open Playground');
  let frame = await playgroundFrame(page);
  // The user's way: the spiral, sin x1 and sin x2 on, two layers of 6, sigmoid against relu.
  await frame.click('[data-dataset=spiral]');
  for (const f of ['sinX1', 'sinX2']) await frame.click(`[data-feature=${f}]`);
  for (let i = 0; i < 2; i++) await frame.click('[data-pg=add-neuron-0]');
  for (let i = 0; i < 4; i++) await frame.click('[data-pg=add-neuron-1]');
  await frame.click('[data-pg=showTest]');
  await frame.click('[data-pg=race]');
  for (const l of ['0', '1']) await frame.selectOption(`[data-pg-activation="${l}"]`, 'sigmoid');
  await frame.click('[data-pg=play]');
  await sleep(seconds * 1000);
  await frame.click('[data-pg=play]');
  await sleep(500);
  await page.keyboard.press('Escape');
  for (const theme of THEMES) {
    await setTheme(page, folder, theme);
    frame = await playgroundFrame(page);
    await sleep(500);
    await page.screenshot({ path: path.join(out, `playground-race${theme.suffix}.png`) });
    console.log(`saved test-output/playground-race${theme.suffix}.png`);
  }
} finally {
  await browser.close();
  server.stop();
}
