// A workbench screenshot of an activation hover with its plot, for a person to look at:
// opens test/host/fixtures/samples/pytorch_mlp.py in the offline VS Code server (1.100.3) with
// the extension in development mode, puts the cursor on `nn.ReLU`, runs "Show or Focus Hover",
// waits for the hover's image to load (naturalWidth > 0) and saves test-output/hover.png, then
// hover-other-theme.png (light/dark toggled) and hover-scrolled.png (the rest: doc, pros, cons, links).
// A script, not a test: `node test/host/screenshot-hover.mjs` (builds first; `--no-build` uses dist/ as it is).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerInstalled, launchBrowser, root, startServer, workbenchUrl } from './vscodeServer.mjs';

const SAMPLE = 'pytorch_mlp.py';
const NEEDLE = 'nn.ReLU';
const out = path.join(root, 'test-output', 'hover.png');
const outNamed = (suffix) => out.replace(/\.png$/, `-${suffix}.png`);

function step(msg) {
  console.log(`[screenshot] ${msg}`);
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
ensureServerInstalled();

// A throw-away workspace holding the sample, so Quick Open finds it.
const workspace = mkdtempSync(path.join(os.tmpdir(), 'actlab-hover-ws-'));
copyFileSync(path.join(root, 'test/host/fixtures/samples', SAMPLE), path.join(workspace, SAMPLE));
const lines = readFileSync(path.join(workspace, SAMPLE), 'utf8').split('\n');
const lineIndex = lines.findIndex((l) => l.includes(`${NEEDLE}(`));
const column = lines[lineIndex].indexOf(NEEDLE) + 4; // on the R of ReLU (0-based)

const server = await startServer();
const browser = await launchBrowser();
let code = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(workbenchUrl(server.port, { folder: workspace, extensionDevelopmentPath: root }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  step('workbench loaded');

  /** Opens a quick input with `key`, types `text` and accepts. */
  async function quickInput(key, text, settleMs = 500) {
    await page.keyboard.press(key);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
    await page.waitForTimeout(settleMs);
    await page.keyboard.press('Enter');
  }

  // Quick Open the sample (retry: right after load the file index can be empty).
  for (let attempt = 0; ; attempt++) {
    await quickInput('Control+P', SAMPLE, 800);
    try {
      await page.waitForSelector(`.tab[data-resource-name="${SAMPLE}"]`, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt >= 4) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await page.waitForSelector('.monaco-editor .view-lines', { state: 'visible' });
  step(`opened ${SAMPLE}`);

  /** Puts the cursor on nn.ReLU with Go to Line/Column. */
  async function cursorToNeedle() {
    await page.click('.monaco-editor .view-lines');
    await quickInput('Control+G', `${lineIndex + 1}:${column + 1}`, 100);
  }

  /** Shows the hover at the cursor and waits for its image; retried while the extension activates. */
  async function showHover() {
    for (let attempt = 0; attempt < 6; attempt++) {
      await quickInput('F1', 'Show or Focus Hover');
      try {
        await page.waitForFunction(
          () => [...document.querySelectorAll('.monaco-hover img')].some((i) => i.complete && i.naturalWidth > 0),
          undefined,
          { timeout: 5_000 },
        );
        await page.waitForTimeout(800); // the hover fades in
        return;
      } catch {
        await page.keyboard.press('Escape');
      }
    }
    throw new Error('no hover with a loaded image appeared');
  }

  await cursorToNeedle();
  step(`cursor at ${lineIndex + 1}:${column + 1} (${NEEDLE})`);
  await showHover();
  const facts = await page.evaluate(() => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => h.querySelector('img'));
    const img = hover.querySelector('img');
    const links = [...hover.querySelectorAll('a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '');
    const r = hover.getBoundingClientRect();
    return {
      text: hover.innerText.slice(0, 200),
      image: { naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight, shownWidth: img.getBoundingClientRect().width },
      commandLinks: links.filter((h) => h.startsWith('command:')).map((h) => h.split('?')[0]),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
  step(`hover: ${JSON.stringify(facts, null, 1)}`);
  if (facts.commandLinks.length !== 3) throw new Error(`expected 3 command links in the hover, found ${facts.commandLinks.length}`);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  step(`saved ${path.relative(root, out)}`);

  // The same hover in the other theme (the plot has no background of its own).
  await page.keyboard.press('Escape');
  await quickInput('F1', 'Toggle between Light/Dark Themes');
  await page.waitForTimeout(1000);
  await cursorToNeedle();
  await showHover();
  await page.screenshot({ path: outNamed('other-theme') });
  step(`saved ${path.relative(root, outNamed('other-theme'))}`);

  // The rest of the hover (doc, pros, cons, links), scrolled with the wheel over it.
  await page.mouse.move(facts.box.x + facts.box.width / 2, facts.box.y + facts.box.height / 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: outNamed('scrolled') });
  step(`saved ${path.relative(root, outNamed('scrolled'))}`);
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await browser.close();
  server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
