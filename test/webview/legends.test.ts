// The accuracy and loss charts' Data legend as the lab draws it, in chromium under the host's CSP,
// in VS Code's light, dark and high-contrast themes (their variables and body classes set as VS
// Code sets them): each label beside a line sample in its dash, stroked in the theme's foreground.
import { after, before, test } from 'node:test';
import { openWebview, startHarness, stopHarness, waitForPosted, type WebviewPage } from './harness';
import { assertSplitLegend, dashLegendsExpr, type DrawnDashLegend } from '../core/charts/drawnLegends';
import type { EpochMetrics } from '../../src/core/train/results';
import type { ResultsView } from '../../src/protocol/messages';

before(startHarness);
after(stopHarness);

/** Light Modern, Dark Modern and Dark High Contrast: the variables the charts read, and the body class. */
const THEMES = {
  light: { class: 'vscode-light', vars: { '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b', '--vscode-editorWidget-border': '#e5e5e5' } },
  dark: { class: 'vscode-dark', vars: { '--vscode-editor-background': '#1f1f1f', '--vscode-foreground': '#cccccc', '--vscode-editorWidget-border': '#313131' } },
  hc: { class: 'vscode-high-contrast', vars: { '--vscode-editor-background': '#000000', '--vscode-foreground': '#ffffff', '--vscode-editorWidget-border': '#6fc3df' } },
} as const;

const epoch = (e: number, acc: number): EpochMetrics => ({
  epoch: e, loss: 1 - acc, accuracy: acc, val_loss: 1.1 - acc, val_accuracy: acc - 0.01, seconds: 2,
  layers: [{ meanAbsGradient: 0.01, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.02, deadUnitFraction: 0 }, { meanAbsGradient: 0.05 }],
});
const confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 90 : 1)));
const ID = '2025-01-01T12-00-00-000Z';
const RESULTS: ResultsView = {
  createdAt: '2025-01-01T12:00:00.000Z', dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 1000 }, epochs: 2,
  runs: ['relu', 'tanh'].map((id, i) => ({
    id, activations: [id, id], status: 'completed' as const, history: [epoch(1, 0.9 - i / 20), epoch(2, 0.93 - i / 20)],
    test: { loss: 0.2, accuracy: 0.93, count: 1000, confusion, misclassified: [] }, secondsPerEpoch: 2,
  })),
};

async function open(theme: keyof typeof THEMES, section: 'runs' | 'train'): Promise<WebviewPage> {
  const w = await openWebview('panel', { section });
  const t = THEMES[theme];
  await w.page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(t.vars)})) document.documentElement.style.setProperty(k, v); document.body.classList.add(${JSON.stringify(t.class)}); })()`);
  await w.send({ type: 'lab/state', state: { surface: 'panel', locale: 'en', version: '0.1.0' } });
  await w.page.waitForSelector(`#section-${section}`);
  return w;
}

async function drawn(w: WebviewPage, id: string): Promise<void> {
  await w.send({ type: 'lab/query', requestId: id });
  await waitForPosted(w, `every chart drawn (${id})`, (m) => m.type === 'lab/report' && m.requestId === id);
}

for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
  test(`Runs, ${theme} theme: the accuracy and loss charts' Data legend shows a solid and a dashed line in the foreground colour`, async () => {
    const w = await open(theme, 'runs');
    await w.send({ type: 'runs/list', experiments: [{ id: ID, createdAt: RESULTS.createdAt, dataset: 'mnist', epochs: 2, runs: RESULTS.runs.map((r) => ({ id: r.id, status: r.status, testAccuracy: 0.93, valAccuracy: 0.92 })) }] });
    await w.page.click(`[data-open="${ID}"]`);
    await waitForPosted(w, 'runs/open', (m) => m.type === 'runs/open' && m.id === ID);
    await w.send({ type: 'runs/results', id: ID, results: RESULTS });
    await w.page.waitForSelector('[data-chart=runs-loss] svg');
    await drawn(w, 'q');
    for (const chart of ['runs-accuracy', 'runs-loss']) {
      assertSplitLegend(await w.page.evaluate<DrawnDashLegend[]>(dashLegendsExpr(`[data-chart=${chart}]`)), THEMES[theme].vars['--vscode-foreground'], `${theme} ${chart}`);
    }
    await w.close();
  });
}

test('Train, dark theme: the live accuracy and loss charts\' Data legend shows its line samples', async () => {
  const w = await open('dark', 'train');
  await w.send({ type: 'train/event', event: { type: 'job/started', job: { id: ID, kind: 'train', epochs: 2, startedAt: RESULTS.createdAt, runs: [{ runId: 'relu', activations: ['relu', 'relu'] }] } } });
  await w.send({ type: 'train/event', event: { type: 'run/started', runId: 'relu', kernels: 'js', paramCount: 100 } });
  await w.send({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: epoch(1, 0.9) } });
  await w.page.waitForSelector('[data-chart=train-loss] svg');
  await drawn(w, 'q');
  for (const chart of ['train-accuracy', 'train-loss']) {
    assertSplitLegend(await w.page.evaluate<DrawnDashLegend[]>(dashLegendsExpr(`[data-chart=${chart}]`)), THEMES.dark.vars['--vscode-foreground'], `train ${chart}`);
  }
  await w.close();
});
