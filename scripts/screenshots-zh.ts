// Screenshots of the Simplified Chinese UI for README.zh-cn.md, into media/screenshots/*-zh-cn.png:
// the lab's Functions, Train (with results), Sweep, Guide and Playground (a race) sections, the sidebar, the report
// inside VS Code, report.html, a hover and a walkthrough step (that one in English too, for README.md). Behind them: a real quick training
// of the tutorial's four activations and a real sweep, trained here in worker threads (the lab's
// job runner) with every report written in Chinese. The pages are the built webview bundle under
// the host's own shell and CSP (as test/webview/harness.ts serves it), fed the messages the host
// sends, in Light Modern's colours; the hover and the walkthrough step are their Markdown
// rendered by markdown-it in the style of VS Code's hover and welcome page.
// Needs a CJK font (scripts/ensure-system-deps.sh installs fonts-wqy-microhei) and a build:
//   node scripts/build.mjs && node --import tsx scripts/screenshots-zh.ts [--only=train,hover] [--data=DIR]
// --data=DIR keeps the trained experiments in DIR and reuses them on the next run.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getActivation, resolveParams } from '../src/core/activations/registry';
import { loadDataset } from '../src/core/data/datasets';
import { hoverMarkdown } from '../src/core/hover/markdown';
import { exportAndVerifyRun } from '../src/core/onnx/trainCheck';
import { loadVegaLibraries } from '../src/core/report/vendor';
import { limitTestFor, QUICK_LIMIT_TRAIN, TUTORIAL_ACTIVATIONS } from '../src/core/train/config';
import { renderShell, surfaceRelaxations } from '../src/host/webviewShell';
import { applyTrainingEvent, type JobSnapshot } from '../src/protocol/jobSnapshot';
import type { ExperimentSummary, Surface } from '../src/protocol/labTypes';
import type { LabSection } from '../src/protocol/labTypes';
import type { ToWebview } from '../src/protocol/messages';
import { listExperiments, newExperimentId, readResultsView } from '../src/training/experiments';
import { runJob } from '../src/training/jobs/job';
import { seedRange, sweepArchitectures, sweepJob } from '../src/training/jobs/sweepJob';
import { planRunIds, trainJob } from '../src/training/jobs/trainJob';
import { WorkerPool } from '../src/training/workerPool';
import { chooseOption, isTicked } from '../test/webview/harness';

const root = path.resolve(__dirname, '..');
const OUT = path.join(root, 'media', 'screenshots');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);

/** Light Modern's values of the variables VS Code sets on a webview (what the page and VS Code's components read). */
const LIGHT_MODERN: Record<string, string> = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', '--vscode-font-size': '13px', '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace', '--vscode-editor-font-size': '14px',
  '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#3b3b3b', '--vscode-disabledForeground': 'rgba(97, 97, 97, 0.5)',
  '--vscode-errorForeground': '#f85149', '--vscode-focusBorder': '#005fb8', '--vscode-contrastBorder': 'transparent', '--vscode-contrastActiveBorder': 'transparent',
  '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-sideBar-background': '#f8f8f8',
  '--vscode-sideBarSectionHeader-foreground': '#3b3b3b', '--vscode-panel-border': '#e5e5e5', '--vscode-widget-border': '#e5e5e5',
  '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8',
  '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#0258a8', '--vscode-button-border': 'rgba(0, 0, 0, 0.1)',
  '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
  '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece', '--vscode-input-placeholderForeground': '#767676',
  '--vscode-checkbox-background': '#f8f8f8', '--vscode-checkbox-border': '#cecece', '--vscode-checkbox-foreground': '#3b3b3b',
  '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-border': '#cecece', '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-textLink-foreground': '#005fb8', '--vscode-textLink-activeForeground': '#005fb8', '--vscode-textCodeBlock-background': '#f8f8f8',
  '--vscode-textBlockQuote-background': '#f8f8f8', '--vscode-textPreformat-foreground': '#3b3b3b', '--vscode-textPreformat-background': 'rgba(0, 0, 0, 0.1)',
  '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-progressBar-background': '#005fb8',
  '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-list-activeSelectionBackground': '#e8e8e8', '--vscode-list-activeSelectionForeground': '#000000',
  '--vscode-list-inactiveSelectionBackground': '#e4e6f1', '--vscode-list-focusOutline': '#005fb8',
  '--vscode-panelTitle-activeBorder': '#005fb8', '--vscode-panelTitle-activeForeground': '#3b3b3b', '--vscode-panelTitle-inactiveForeground': '#3b3b3b',
  '--vscode-icon-foreground': '#3b3b3b', '--vscode-toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
  '--vscode-notificationsInfoIcon-foreground': '#005fb8', '--vscode-notificationsErrorIcon-foreground': '#e51400',
  '--vscode-statusBarItem-warningBackground': '#725102', '--vscode-statusBarItem-warningForeground': '#ffffff',
  '--vscode-testing-iconPassed': '#388a34', '--vscode-testing-iconFailed': '#f14c4c',
  '--vscode-charts-foreground': '#3b3b3b', '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)', '--vscode-charts-red': '#e51400', '--vscode-charts-blue': '#1a85ff',
  '--vscode-charts-yellow': '#bf8803', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
  '--vscode-editorHoverWidget-background': '#f8f8f8', '--vscode-editorHoverWidget-border': '#c8c8c8',
  '--vscode-settings-textInputBackground': '#ffffff', '--vscode-settings-textInputForeground': '#3b3b3b', '--vscode-settings-textInputBorder': '#cecece',
  '--vscode-settings-checkboxBackground': '#f8f8f8', '--vscode-settings-checkboxBorder': '#cecece', '--vscode-settings-checkboxForeground': '#3b3b3b',
  '--vscode-settings-dropdownBackground': '#ffffff', '--vscode-settings-dropdownBorder': '#cecece', '--vscode-settings-dropdownForeground': '#3b3b3b',
  '--vscode-settings-dropdownListBorder': '#cecece', '--vscode-settings-headerBorder': '#e5e5e5',
  '--vscode-inputOption-activeBorder': '#005fb8', '--vscode-inputOption-activeForeground': '#000000',
  '--vscode-inputValidation-errorBackground': '#fff0f0', '--vscode-inputValidation-errorBorder': '#e51400',
  '--vscode-menu-selectionBackground': '#005fb8', '--vscode-menu-selectionForeground': '#ffffff', '--vscode-menu-selectionBorder': 'transparent',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Trained { trainId: string; sweepId: string; trainSnapshot: JobSnapshot; sweepSnapshot: JobSnapshot }

/** The experiments of an earlier run kept in `dir`, or new ones trained there. */
async function trained(dir: string): Promise<Trained> {
  const saved = path.join(dir, 'screenshots.json');
  if (existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as Trained;
  const t = await train(dir);
  writeFileSync(saved, JSON.stringify(t));
  return t;
}

/** A real quick training (the tutorial's four, the lab's quick subset, each checked in ONNX) and a real sweep, with their reports in Chinese. */
async function train(dir: string): Promise<Trained> {
  const dataset = loadDataset('mnist');
  const pool = new WorkerPool({ maxWorkers: 2 });
  pool.provideDataset('mnist', dataset);
  const libraries = loadVegaLibraries();
  try {
    let trainSnapshot: JobSnapshot | undefined;
    const trainId = newExperimentId(() => false, new Date(Date.now() - 60_000));
    console.log('training the tutorial\'s four activations (quick run, 3 epochs)…');
    const t = await runJob(trainJob, {
      runs: planRunIds(TUTORIAL_ACTIVATIONS.map((id) => [{ id }]), 2),
      settings: { epochs: 3, limitTrain: QUICK_LIMIT_TRAIN, limitTest: limitTestFor(QUICK_LIMIT_TRAIN), dataset: 'mnist' },
      outDir: path.join(dir, trainId), libraries, lang: 'zh-cn', dataset, onnx: { check: exportAndVerifyRun },
    }, pool, { emit: (e) => { trainSnapshot = applyTrainingEvent(trainSnapshot, e); } });
    if (!t.result) throw new Error(`training failed: ${t.error}`);
    let sweepSnapshot: JobSnapshot | undefined;
    const sweepId = newExperimentId(() => false);
    console.log('sweeping the four over depths 2, 4, 8 with 3 seeds…');
    const s = await runJob(sweepJob, {
      activations: TUTORIAL_ACTIVATIONS.map((id) => [{ id }]), architectures: sweepArchitectures([2, 4, 8], 32), seeds: seedRange(42, 3),
      settings: { epochs: 1, limitTrain: 3000, limitTest: 1000, dataset: 'mnist' }, outDir: path.join(dir, sweepId), libraries, lang: 'zh-cn', dataset,
    }, pool, { emit: (e) => { sweepSnapshot = applyTrainingEvent(sweepSnapshot, e); } });
    if (!s.result) throw new Error(`sweep failed: ${s.error}`);
    return { trainId, sweepId, trainSnapshot: trainSnapshot!, sweepSnapshot: sweepSnapshot! };
  } finally {
    await pool.dispose();
  }
}

/** The experiments as the host lists them for the page: each run with its layers, epochs done and test images. */
function experimentList(dir: string): ExperimentSummary[] {
  return listExperiments(dir).experiments.map((x) => {
    const view = readResultsView(dir, x.id);
    if (typeof view === 'string') return x;
    const byId = new Map(view.runs.map((r) => [r.id, r]));
    return { ...x, runs: x.runs.map((r) => { const v = byId.get(r.id); return v ? { ...r, activations: v.activations, epochsDone: v.history.length, ...(v.test ? { testCount: v.test.count } : {}) } : r; }) };
  });
}

/** Serves the webview bundle under the host's shell (Chinese), media/ and the experiments' report files. */
async function serve(experiments: string): Promise<{ server: Server; base: string }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.html': 'text/html' };
  let base = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      const surface = (url.searchParams.get('surface') ?? 'panel') as Surface;
      res.setHeader('content-type', 'text/html');
      res.end(renderShell({ cspSource: base, scriptUri: `${base}/dist/webview.js`, styleUris: [`${base}/media/lab.css`, `${base}/media/vega-tooltip.css`], codiconUri: `${base}/dist/codicons/codicon.css`, nonce: 'c2NyZWVuc2hvdA==', surface, lang: 'zh-cn', title: '激活函数实验室', relax: surfaceRelaxations(surface) }));
      return;
    }
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    const file = rel.startsWith('experiments/') ? path.join(experiments, rel.slice('experiments/'.length)) : /^(dist|media)\//.test(rel) ? path.join(root, rel) : undefined;
    try {
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => { res.statusCode = 500; res.end(String(e)); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { server, base };
}

/** A lab page (panel, sidebar or report) in Chinese and Light Modern, given the host's replay. */
async function labPage(browser: Browser, base: string, surface: Surface, viewport: { width: number; height: number }, messages: ToWebview[]): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (e) => console.error(`page error (${surface}): ${String(e)}`));
  await page.addInitScript(`window.acquireVsCodeApi = () => ({ postMessage: () => {}, getState: () => null, setState: () => {} });`);
  await page.goto(`${base}/page?surface=${surface}`);
  await page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(LIGHT_MODERN)})) document.documentElement.style.setProperty(k, v); document.body.classList.add('vscode-light'); document.body.dataset.vscodeThemeKind = 'vscode-light'; })()`);
  for (const m of messages) await page.evaluate(`window.postMessage(${JSON.stringify(m)}, '*')`);
  await sleep(800);
  return page;
}

async function show(page: Page, section: LabSection): Promise<void> {
  await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'lab/show', section })}, '*')`);
  // the charts draw after the section; vega's SVG settles within a second or two
  await sleep(2500);
}

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, ...options });
  console.log(`wrote ${path.relative(root, file)}`);
}

/** VS Code's hover on `nn.ReLU` in a PyTorch file: the hover's Markdown as VS Code renders it (code spans, links, the plot), over the code. */
function hoverHtml(): string {
  const record = getActivation('relu');
  const md = hoverMarkdown({ start: 0, end: 7, written: 'nn.ReLU', form: 'qualified', record, framework: 'pytorch', alias: 'nn.ReLU', defaults: resolveParams(record, {}, 'pytorch'), given: {} }, 'zh-cn');
  // command links show as links; their targets are VS Code's business
  const renderer = new MarkdownIt({ html: false, linkify: false, breaks: false });
  renderer.validateLink = () => true; // the plot is a data: image, as VS Code's hovers allow
  const body = renderer.render(md).replace(/href="command:[^"]*"/g, 'href="#"');
  const code = ['import torch.nn as nn', '', 'model = nn.Sequential(', '    nn.Linear(784, 128),', '    <span class="hovered">nn.ReLU</span>(),', '    nn.Linear(128, 64),', '    nn.ReLU(),', '    nn.Linear(64, 10),', ')'];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: "Droid Sans Mono", monospace; font-size: 14px; color: #3b3b3b; }
.editor { padding: 12px 0 0 0; } .line { height: 19px; line-height: 19px; white-space: pre; } .num { display: inline-block; width: 48px; text-align: right; padding-right: 20px; color: #6e7681; }
.hovered { background: rgba(173, 214, 255, 0.5); }
.hover { position: absolute; left: 120px; top: 112px; width: 520px; background: #f8f8f8; border: 1px solid #c8c8c8; border-radius: 3px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.16);
  font-family: system-ui, "Ubuntu", "Droid Sans", sans-serif; font-size: 13px; line-height: 1.45; padding: 4px 10px; color: #3b3b3b; }
.hover p { margin: 6px 0; } .hover ul { margin: 4px 0; padding-left: 20px; } .hover code { font-family: "Droid Sans Mono", monospace; font-size: 12.5px; background: rgba(0, 0, 0, 0.06); padding: 1px 3px; border-radius: 3px; }
.hover a { color: #005fb8; text-decoration: none; } .hover img { display: block; margin: 4px 0; }
</style></head><body><div class="editor">${code.map((l, i) => `<div class="line"><span class="num">${i + 1}</span>${l}</div>`).join('')}</div>
<div class="hover">${body}</div></body></html>`;
}

/** The walkthrough's first step as the welcome page shows it: the steps on the left, the step's Markdown on the right. */
function walkthroughHtml(base: string, lang: 'en' | 'zh-cn' = 'zh-cn'): string {
  const zh = lang === 'zh-cn';
  const nls = JSON.parse(readFileSync(path.join(root, zh ? 'package.nls.zh-cn.json' : 'package.nls.json'), 'utf8')) as Record<string, string>;
  const steps = ['activation', 'classics', 'softmax', 'choosing', 'experiment', 'custom', 'depth', 'mixing', 'copy'];
  const md = new MarkdownIt({ html: false });
  const inline = (text: string) => md.render(text).replace(/href="command:[^"]*"/g, 'href="#"');
  const step = md.render(readFileSync(path.join(root, zh ? 'media/walkthrough/activation.nls.zh-cn.md' : 'media/walkthrough/activation.md'), 'utf8'))
    .replace(/src="([^":/]+\.svg)"/g, `src="${base}/media/walkthrough/$1"`);
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: system-ui, "Ubuntu", "Droid Sans", sans-serif; font-size: 13px; color: #3b3b3b; display: flex; gap: 28px; padding: 24px 32px; }
.steps { width: 420px; flex: none; } h1 { font-size: 22px; font-weight: 400; margin: 0 0 4px; } .intro { margin: 0 0 16px; color: #616161; }
.step { padding: 8px 12px; border-radius: 4px; margin-bottom: 4px; } .step.open { background: #f2f2f2; outline: 1px solid #005fb8; } .step h2 { font-size: 13px; font-weight: 600; margin: 0; }
.step p { margin: 6px 0 0; } .step a { color: #005fb8; text-decoration: none; } .step.open a { display: inline-block; background: #005fb8; color: #fff; padding: 4px 12px; border-radius: 2px; margin-top: 4px; }
.media { flex: 1; font-size: 14px; line-height: 1.6; max-width: 560px; } .media h1 { font-size: 20px; margin-bottom: 12px; } .media img { background: #fff; }
</style></head><body><div class="steps"><h1>${nls['walkthrough.title']}</h1><p class="intro">${nls['walkthrough.description']}</p>
${steps.map((s, i) => `<div class="step${i === 0 ? ' open' : ''}"><h2>${nls[`walkthrough.${s}.title`]}</h2>${i === 0 ? inline(nls[`walkthrough.${s}.description`]) : ''}</div>`).join('\n')}
</div><div class="media">${step}</div></body></html>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const keep = process.argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'actlab-screenshots-'));
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--font-render-hinting=none'] });
  const { server, base } = await serve(dir);
  try {
    const needsRuns = ['train', 'sweep', 'guide', 'sidebar', 'report', 'report-html'].some(wanted);
    const data = needsRuns ? await trained(dir) : undefined;
    const experiments = experimentList(dir);
    const state = { type: 'lab/state' as const, state: { surface: 'panel' as const, locale: 'zh-cn', version: '0.1.0' } };
    const replay = (snapshot: JobSnapshot | null): ToWebview[] => [state, { type: 'lab/custom', defs: [] }, { type: 'train/snapshot', snapshot }, { type: 'runs/list', experiments }];
    const size = { width: 1100, height: 820 };
    if (wanted('functions')) {
      const p = await labPage(browser, base, 'panel', size, replay(null));
      await page(p, 'functions', 'lab-functions-zh-cn.png');
    }
    if (wanted('playground')) {
      // The race of README's Playground section, set up with the page's controls as a user would.
      const p = await labPage(browser, base, 'panel', { width: 1460, height: 940 }, replay(null));
      await show(p, 'playground');
      await p.click('[data-dataset=spiral]');
      for (const f of ['sinX1', 'sinX2']) await p.click(`[data-feature=${f}]`);
      for (let i = 0; i < 2; i++) await p.click('[data-pg=add-neuron-0]');
      for (let i = 0; i < 4; i++) await p.click('[data-pg=add-neuron-1]');
      for (const box of ['showTest', 'race']) if (!(await isTicked({ page: p }, `[data-pg=${box}]`))) await p.click(`[data-pg=${box}]`);
      for (const layer of ['0', '1']) {
        await chooseOption({ page: p }, `[data-pg-activation="${layer}"]`, 'sigmoid');
        await chooseOption({ page: p }, `[data-pg-race-activation="${layer}"]`, 'relu');
      }
      await p.click('[data-pg=play]');
      await sleep(12_000); // TF Playground's pace: a few hundred epochs
      await p.click('[data-pg=play]');
      await sleep(500);
      await shoot(p, 'playground-race-zh-cn.png');
      await p.close();
    }
    if (data && wanted('train')) {
      const p = await labPage(browser, base, 'panel', { width: 1100, height: 1100 }, replay(data.trainSnapshot));
      await page(p, 'train', 'lab-train-zh-cn.png');
    }
    if (data && wanted('sweep')) {
      const p = await labPage(browser, base, 'panel', { width: 1100, height: 1100 }, replay(data.sweepSnapshot));
      await page(p, 'sweep', 'lab-sweep-zh-cn.png');
    }
    if (data && wanted('guide')) {
      const p = await labPage(browser, base, 'panel', size, replay(data.sweepSnapshot));
      await page(p, 'guide', 'lab-guide-zh-cn.png');
    }
    if (data && wanted('sidebar')) {
      const p = await labPage(browser, base, 'sidebar', { width: 340, height: 820 }, [{ ...state, state: { ...state.state, surface: 'sidebar' } }, ...replay(data.trainSnapshot).slice(1)]);
      await sleep(1500);
      await shoot(p, 'sidebar-zh-cn.png');
      await p.close();
    }
    if (data && wanted('report')) {
      const results = readResultsView(dir, data.trainId);
      if (typeof results === 'string') throw new Error(results);
      const p = await labPage(browser, base, 'report', { width: 1100, height: 1000 }, [
        { type: 'lab/state', state: { surface: 'report', locale: 'zh-cn', version: '0.1.0', experiment: data.trainId, canOpenExternal: true } },
        { type: 'runs/list', experiments }, { type: 'runs/results', id: data.trainId, results },
      ]);
      await sleep(2500);
      await shoot(p, 'report-zh-cn.png');
      await p.close();
    }
    if (data && wanted('report-html')) {
      // the whole training report; the sweep's report from its top to the end of its own section (a page of runs follows)
      for (const [id, name, height] of [[data.trainId, 'report-html-zh-cn.png', 0], [data.sweepId, 'report-html-sweep-zh-cn.png', 2400]] as const) {
        const p = await browser.newPage({ viewport: { width: 1000, height: height || 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
        await p.goto(`file://${path.join(dir, id, 'report.html')}`);
        await p.evaluate('Promise.all([window.chartsRendered, window.sweepChartsRendered]).then(() => true)');
        await sleep(500);
        await shoot(p, name, { fullPage: height === 0 });
        await p.close();
      }
    }
    if (wanted('hover')) {
      const p = await browser.newPage({ viewport: { width: 700, height: 720 }, locale: 'zh-CN' });
      await p.setContent(hoverHtml());
      await sleep(300);
      await shoot(p, 'hover-zh-cn.png');
      await p.close();
    }
    if (wanted('walkthrough')) {
      const p = await browser.newPage({ viewport: { width: 1100, height: 720 }, locale: 'zh-CN' });
      await p.setContent(walkthroughHtml(base));
      await sleep(500);
      await shoot(p, 'walkthrough-zh-cn.png');
      await p.close();
      // and the same step in English, for README.md
      const en = await browser.newPage({ viewport: { width: 1100, height: 720 }, locale: 'en-US' });
      await en.setContent(walkthroughHtml(base, 'en'));
      await sleep(500);
      await shoot(en, 'walkthrough.png');
      await en.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }

  async function page(p: Page, section: LabSection, name: string): Promise<void> {
    await show(p, section);
    await shoot(p, name);
    await p.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
