// Screenshots of the lab in the real workbench (the offline VS Code server): the panel's
// function plots, a quick training comparison and the sidebar, in Light Modern (VS Code's default
// light theme), then in Dark Modern and Dark High Contrast. One training run: the theme
// is switched through the workspace settings file and the page redraws itself in the new colours.
// Saved under test-output/: lab-functions.png, lab-train.png, lab-guide.png, report.png, sidebar.png
// (light; the sidebar part only), the same with -dark and -hc, and lab-focus-<theme>.png (the
// alpha slider focused from the keyboard, to see the ring). --locale=zh-cn shows the lab in
// Simplified Chinese (the browser's language, which the web workbench takes only with a Chinese
// language pack installed; without one the script stops) and adds -zh-cn.
// Run: node scripts/build.mjs && node test/host/screenshot-lab.mjs [--themes=light,dark,hc] [--epochs=3] [--locale=zh-cn]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

/** Each theme: its `workbench.colorTheme` id and the class the workbench then carries. */
const THEMES = {
  light: { id: 'Default Light Modern', workbenchClass: 'vs', suffix: '' },
  dark: { id: 'Default Dark Modern', workbenchClass: 'vs-dark', suffix: '-dark' },
  hc: { id: 'Default High Contrast', workbenchClass: 'hc-black', suffix: '-hc' },
};
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const themes = arg('themes', 'light,dark,hc').split(',').map((t) => {
  if (!THEMES[t]) throw new Error(`unknown theme ${t}: use ${Object.keys(THEMES).join(', ')}`);
  return t;
});
const epochs = Number(arg('epochs', '3'));
const locale = arg('locale', 'en');
const lang = locale.toLowerCase().startsWith('zh') ? '-zh-cn' : '';

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

/** Types into the open quick input and accepts the row whose label contains `title`. */
async function pick(page, title) {
  await page.keyboard.type(title);
  await sleep(800);
  const item = await page.$(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
  if (!item) return false;
  await page.keyboard.press('Enter');
  return true;
}

async function runCommand(page, title) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    if (await pick(page, title)) return;
    await page.keyboard.press('Escape');
    await sleep(2000); // right after load the command list can be incomplete
  }
  throw new Error(`command not found: ${title}`);
}

/**
 * Writes `workbench.colorTheme` into the workspace settings; the workbench watches the file and
 * switches. (In the Extension Development Host the user settings file is not read, and the Color
 * Theme picker is no use offline: it also searches the marketplace and shows only that error.)
 */
async function setTheme(page, folder, theme) {
  const { id, workbenchClass } = THEMES[theme];
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), `${JSON.stringify({ 'workbench.colorTheme': id }, null, 2)}\n`);
  await page.waitForSelector(`.monaco-workbench.${workbenchClass}`, { timeout: 20_000 });
  await sleep(2000); // the webviews get the new variables, and the page redraws its charts
}

async function closeNotifications(page) {
  await page.keyboard.press('Escape');
  for (const b of await page.$$('.notifications-toasts .codicon-notifications-clear, .notification-toast .codicon-close')) await b.click().catch(() => {});
  await sleep(300);
}

async function shoot(page, name) {
  const file = name.replace(/\.png$/, `${lang}.png`);
  await page.screenshot({ path: path.join(out, file) });
  console.log(`saved test-output/${file}`);
}

async function showFunctions(frame) {
  await frame.click('#tab-functions');
  await frame.waitForSelector('[data-chart=plot] svg g.role-mark path', { timeout: 60_000 });
  await frame.click('#opt-elu');
  await frame.waitForSelector('[data-param=alpha]');
  await sleep(1500);
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-shot-'));
  await page.goto(workbenchUrl(server.port, { folder, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(4000);
  await setTheme(page, folder, themes[0]);
  await runCommand(page, 'Activation Lab: Open Lab');
  let frame = await labFrame(page, 'panel');
  await frame.waitForSelector('[data-chart=plot] svg g.role-mark path', { timeout: 60_000 });
  // The web workbench takes the browser's language only with a language pack installed (none
  // offline): rather than English shots under Chinese names, stop and say where Chinese ones come from.
  if (lang && !(await frame.textContent('#tab-functions'))?.includes('函数')) {
    throw new Error('the workbench stayed in English (no Chinese language pack installed): take the Chinese screenshots with scripts/screenshots-zh.ts');
  }

  // A quick training comparison from the Train section, once; every theme shows its results.
  // (--epochs=0 skips it, to look at the themes quickly.)
  if (epochs > 0) await train(page, frame);

  await runCommand(page, 'View: Show Activation Lab');
  const side = await labFrame(page, 'sidebar');
  await side.waitForSelector('svg.spark');

  for (const theme of themes) {
    const { suffix } = THEMES[theme];
    await setTheme(page, folder, theme);
    await closeNotifications(page);
    await showFunctions(frame);
    await shoot(page, `lab-functions${suffix}.png`);
    // The keyboard focus ring on the alpha slider (Tab from the x range field before it).
    await frame.focus('[data-range=hi]');
    await page.keyboard.press('Tab');
    await sleep(300);
    await shoot(page, `lab-focus-${theme}.png`);
    await frame.click('#tab-train');
    if (epochs > 0) await frame.waitForSelector('.results-table [data-test-accuracy]');
    await sleep(1500);
    // The results, below the form: the section scrolls on its own under the fixed tab bar.
    await frame.$eval('#section-train', (e) => { e.scrollTop = e.querySelector('[data-train-status]').offsetTop - 8; });
    await sleep(800);
    await shoot(page, `lab-train${suffix}.png`);
    await frame.click('#tab-guide');
    await frame.waitForSelector('[data-ranking] li');
    await sleep(1200);
    await shoot(page, `lab-guide${suffix}.png`);
    await side.waitForSelector('svg.spark');
    const sideFile = `sidebar${suffix}${lang}.png`;
    await page.locator('.part.sidebar').screenshot({ path: path.join(out, sideFile) });
    console.log(`saved test-output/${sideFile} (the sidebar part only)`);
    if (epochs > 0) {
      // The report, inside VS Code, from the status bar item (idle: the newest experiment's report).
      await page.click('.statusbar-item[id="activation-lab.activation-lab.activationLab.status"], .statusbar-item:has-text("Last report"), .statusbar-item:has-text("最新报告")');
      const report = await labFrame(page, 'report');
      await report.waitForSelector('[data-chart=report-accuracy] svg g.role-mark path', { timeout: 60_000 });
      await sleep(1500);
      await shoot(page, `report${suffix}.png`);
      await page.keyboard.press('Control+W').catch(() => {});
      await sleep(800);
      // The report covered the lab's tab, and VS Code drops a hidden webview's page: the lab's tab,
      // shown again, loads a new one (its state restored), so the next theme finds it anew.
      frame = await labFrame(page, 'panel');
      await frame.waitForSelector('[role=tab]', { timeout: 60_000 });
    }
  }
} finally {
  await browser.close();
  server.stop();
}

async function train(page, frame) {
  await frame.click('#tab-train');
  await frame.waitForSelector('[data-action=train]');
  for (const id of ['elu', 'gelu']) {
    const box = await frame.$(`[data-train=${id}]`);
    if (box && (await box.evaluate((b) => b.checked))) await box.click();
  }
  await frame.fill('[data-epochs] input', String(epochs));
  await frame.press('[data-epochs] input', 'Enter');
  await frame.click('[data-action=train]');
  console.log(`training 4 activations x ${epochs} epochs on 6000 images...`);
  await frame.waitForFunction(() => document.querySelectorAll('.results-table [data-test-accuracy]').length >= 4, null, { timeout: 15 * 60_000, polling: 2000 });
  await sleep(2000);
  await closeNotifications(page);
}
