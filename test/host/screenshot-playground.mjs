// Screenshots of the Playground in the real workbench (the offline VS Code server): a race of
// sigmoid against relu on the spiral, set up with the page's own controls (as a user would: clicks,
// and VS Code's selects picked with the keyboard) after "Activation Lab: Open Playground", trained
// for a few seconds at TF Playground's pace, paused, and shot in Light Modern and Dark Modern.
// Saved under test-output/: playground-race.png and playground-race-dark.png. --locale=zh-cn asks
// for Simplified Chinese (the browser's language) and names the files playground-race-zh-cn.png and
// playground-race-dark-zh-cn.png; the workbench takes it only with a Chinese language pack installed
// (the server falls back to English without one, the extension's titles and pages with it).
// Offline, scripts/screenshots-zh.ts --only=playground shoots the Chinese page.
// Run: node scripts/build.mjs && node test/host/screenshot-playground.mjs [--seconds=12] [--themes=light,dark] [--locale=zh-cn]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

const THEMES = {
  light: { id: 'Default Light Modern', workbenchClass: 'vs', suffix: '' },
  dark: { id: 'Default Dark Modern', workbenchClass: 'vs-dark', suffix: '-dark' },
};
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const themes = arg('themes', 'light,dark').split(',').map((t) => {
  if (!THEMES[t]) throw new Error(`unknown theme ${t}: use ${Object.keys(THEMES).join(', ')}`);
  return THEMES[t];
});
const seconds = Number(arg('seconds', '12'));
const locale = arg('locale', 'en');
const zh = locale.toLowerCase().startsWith('zh');
const lang = zh ? '-zh-cn' : '';

/** The manifest's title of a command in the shown language, as the palette lists it ("Category: Title"). */
function commandTitle(key) {
  const nls = JSON.parse(readFileSync(path.join(root, zh ? 'package.nls.zh-cn.json' : 'package.nls.json'), 'utf8'));
  return `${nls.category}: ${nls[key]}`;
}

const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });
ensureServerInstalled();
const server = await startServer();
const browser = await launchBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

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
  let seen = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await sleep(800);
    if (await page.$(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`)) {
      await page.keyboard.press('Enter');
      return;
    }
    seen = await page.$$eval('.quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label')));
    await page.keyboard.press('Escape');
    await sleep(2000); // right after load the command list can be incomplete
  }
  const hint = zh ? '; without a Chinese language pack the workbench stays in English: use scripts/screenshots-zh.ts --only=playground' : '';
  throw new Error(`command not found: ${title} (the palette listed: ${seen.join(' | ') || 'nothing'})${hint}`);
}

/**
 * Picks an option of a VS Code select with the keyboard, as a user would: focus it, open it with
 * Space, arrow to the option whose value is `value`, Enter; then waits until the page has handled
 * the pick (it does so a task after the select's change event, and redraws the section).
 */
async function chooseOption(frame, selector, value) {
  const values = await frame.$$eval(`${selector} vscode-option`, (os) => os.map((o) => o.getAttribute('value')));
  const to = values.indexOf(value);
  if (to < 0) throw new Error(`${selector} has no option ${value} (has ${values.join(', ')})`);
  const from = values.indexOf(await frame.$eval(selector, (s) => s.value));
  if (from === to) return;
  await frame.$eval(selector, (s) => {
    globalThis.__chosen = false;
    s.addEventListener('change', () => { setTimeout(() => { globalThis.__chosen = true; }, 0); }, { once: true });
  });
  await frame.focus(selector);
  const keyboard = frame.page().keyboard;
  await keyboard.press('Space');
  for (let i = from; i < to; i++) await keyboard.press('ArrowDown');
  for (let i = from; i > to; i--) await keyboard.press('ArrowUp');
  await keyboard.press('Enter');
  await waitUntil(`${selector} set to ${value}`, async () => (await frame.evaluate(() => globalThis.__chosen)) === true
    && (await frame.$eval(selector, (s, v) => s.value === v, value)));
}

async function setTheme(page, folder, theme) {
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), `${JSON.stringify({ 'workbench.colorTheme': theme.id }, null, 2)}\n`);
  await page.waitForSelector(`.monaco-workbench.${theme.workbenchClass}`, { timeout: 20_000 });
  await sleep(2500); // the webview gets the new variables and the page redraws
}

try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1040 }, locale });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-shot-'));
  await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(4000);
  await setTheme(page, folder, themes[0]);
  await page.keyboard.press('Control+B'); // hides the primary side bar, whatever the language
  await runCommand(page, commandTitle('command.openPlayground'));
  let frame = await playgroundFrame(page);
  // The user's way: the spiral, sin x1 and sin x2 on, two layers of 6, sigmoid against relu.
  await frame.click('[data-dataset=spiral]');
  for (const f of ['sinX1', 'sinX2']) await frame.click(`[data-feature=${f}]`);
  for (let i = 0; i < 2; i++) await frame.click('[data-pg=add-neuron-0]');
  for (let i = 0; i < 4; i++) await frame.click('[data-pg=add-neuron-1]');
  if (!(await frame.$eval('[data-pg=showTest]', (b) => b.checked))) await frame.click('[data-pg=showTest]');
  if (!(await frame.$eval('[data-pg=race]', (b) => b.checked))) await frame.click('[data-pg=race]');
  await frame.waitForSelector('[data-pg-race-activation="1"]');
  for (const l of ['0', '1']) {
    await chooseOption(frame, `[data-pg-activation="${l}"]`, 'sigmoid');
    await chooseOption(frame, `[data-pg-race-activation="${l}"]`, 'relu');
  }
  await frame.click('[data-pg=play]');
  await sleep(seconds * 1000);
  await frame.click('[data-pg=play]');
  await sleep(500);
  await page.keyboard.press('Escape');
  for (const theme of themes) {
    await setTheme(page, folder, theme);
    frame = await playgroundFrame(page);
    await sleep(500);
    const file = `playground-race${theme.suffix}${lang}.png`;
    await page.screenshot({ path: path.join(out, file) });
    console.log(`saved test-output/${file}`);
  }
} finally {
  await browser.close();
  server.stop();
}
