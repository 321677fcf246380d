// Dash legends drawn for real (vega-lite compiles, vega lays out the scene in Node), in light,
// dark and high-contrast themes: wherever a chart tells its lines apart by dash, a legend shows
// each label beside a line sample in that dash, stroked visibly (3:1 WCAG contrast or more
// against the chart's background, measured with culori), long enough to show a gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wcagContrast } from 'culori';
import { getActivation } from '../../../src/core/activations/registry';
import { curvesSpec, sampleCurve } from '../../../src/core/charts/functions';
import { stackSpec } from '../../../src/core/charts/guide';
import { CHART_LABELS } from '../../../src/core/charts/labels';
import { deadUnitSpec, layerGradientSpec, layerRows } from '../../../src/core/charts/results';
import {
  accuracyCurvesSpec, DEFAULT_CHART_THEME, historyRows, learnedParamsSpec, learnedRows, lossCurvesSpec, secondsPerEpochSpec, secondsRows, type ChartTheme,
} from '../../../src/core/charts/training';
import { stackRows } from '../../../src/core/guide/nonLinearity';

// VS Code's Dark Modern and Dark High Contrast editor colours, as webview/theme.ts reads them.
const THEMES: Record<string, ChartTheme> = {
  light: DEFAULT_CHART_THEME,
  dark: { ...DEFAULT_CHART_THEME, foreground: '#cccccc', background: '#1f1f1f', grid: '#2b2b2b', kind: 'dark' },
  hc: { ...DEFAULT_CHART_THEME, foreground: '#ffffff', background: '#000000', grid: '#ffffff59', kind: 'highContrast' },
};

const layers = (g: number) => [{ meanAbsGradient: g, deadUnitFraction: 0.2 }, { meanAbsGradient: 2 * g, deadUnitFraction: 0.1 }, { meanAbsGradient: 3 * g }];
const runs = ['relu', 'tanh'].map((id, r) => ({
  id,
  history: [1, 2].map((epoch) => ({
    epoch, loss: 0.3 / epoch + r, accuracy: 0.9 + 0.01 * epoch, val_loss: 0.2 / epoch + r, val_accuracy: 0.92 + 0.01 * epoch, seconds: 10 + epoch,
    layers: layers(0.1 * epoch), learnedParams: [{ beta: 1 + 0.1 * epoch }, { beta: 1 - 0.1 * epoch }],
  })),
}));

/** Every chart that draws lines, built for one theme (those without dashes show the rule holds only where it should). */
function charts(theme: ChartTheme): Record<string, object> {
  const labels = CHART_LABELS.en;
  const hist = historyRows(runs);
  // a second ReLU shares the first one's colour, so the two are told apart by dash
  const curve = ['relu', 'relu-2', 'tanh'].flatMap((label) => sampleCurve(getActivation(label.replace(/-2$/, '')), {}, -2, 2, 5, label));
  return {
    accuracy: accuracyCurvesSpec(hist, { labels, theme }),
    loss: lossCurvesSpec(hist, { labels, theme }),
    seconds: secondsPerEpochSpec(secondsRows(runs), { labels, theme }),
    learned: learnedParamsSpec(learnedRows(runs), { labels, theme }),
    gradients: layerGradientSpec(layerRows(runs), { labels, theme }),
    dead: deadUnitSpec(layerRows(runs), { labels, theme }),
    curves: curvesSpec(curve, { text: labels, theme, legend: true }),
    stack: stackSpec(stackRows(), { labels, theme }),
  };
}

/** The titles of the legends that show only a dash: train / validation, learned parameters, layers. */
const DASH_ONLY = [CHART_LABELS.en.split, CHART_LABELS.en.parameter, CHART_LABELS.en.layer];

interface SceneItem {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
  shape?: string;
  size?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeDash?: number[];
  text?: string;
}

interface DrawnLegend { title: string; symbols: SceneItem[] }

/** The chart laid out by vega: the dash of every line drawn, and each legend's title and symbols. */
async function draw(spec: object): Promise<{ lineDashes: Set<string>; legends: DrawnLegend[] }> {
  const { compile } = await import('vega-lite');
  const vega = await import('vega');
  // Vega-Lite's complaints (a legend the line and its points disagree on) are failures here
  const warnings: unknown[][] = [];
  const logger = { ...vega.logger(vega.Warn), warn: (...args: unknown[]) => { warnings.push(args); return logger; } };
  const compiled = compile(spec as never, { logger }).spec;
  assert.deepEqual(warnings, []);
  // (vega itself, outside a browser, warns that it has no window to listen to for resizes)
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: vega.logger(vega.None) });
  await view.runAsync();
  const lineDashes = new Set<string>();
  const legends: DrawnLegend[] = [];
  const all = (node: SceneItem, role: string, out: SceneItem[] = []): SceneItem[] => {
    if (node.role === role) out.push(...(node.items ?? []));
    for (const child of node.items ?? []) all(child, role, out);
    return out;
  };
  const walk = (node: SceneItem): void => {
    if (node.marktype === 'line' && node.role === 'mark') for (const line of node.items ?? []) lineDashes.add(String(line.strokeDash ?? [1, 0]));
    if (node.role === 'legend') {
      legends.push({ title: all(node, 'legend-title')[0]?.text ?? '', symbols: all(node, 'legend-symbol') });
      return;
    }
    for (const child of node.items ?? []) walk(child);
  };
  walk((view.scenegraph() as unknown as { root: SceneItem }).root);
  view.finalize();
  return { lineDashes, legends };
}

for (const [themeName, theme] of Object.entries(THEMES)) {
  test(`${themeName}: every dash legend draws a visible line sample in each label's dash`, async () => {
    let dashLegends = 0;
    let dashOnly = 0;
    for (const [chart, spec] of Object.entries(charts(theme))) {
      const { lineDashes, legends } = await draw(spec);
      const drawn = legends.filter((l) => l.symbols.some((s) => s.strokeDash !== undefined));
      if (lineDashes.size > 1) assert.ok(drawn.length >= 1, `${chart}: lines in ${lineDashes.size} dashes, no legend shows a dash`);
      for (const legend of drawn) {
        dashLegends++;
        const where = `${themeName} ${chart}, legend "${legend.title}"`;
        assert.ok(legend.symbols.length >= 1, where);
        for (const s of legend.symbols) {
          assert.equal(s.shape, 'stroke', `${where}: a line sample, not a ${s.shape}`);
          assert.ok(s.stroke && !['transparent', 'none'].includes(s.stroke), `${where}: stroke ${s.stroke}`);
          const contrast = wcagContrast(s.stroke, theme.background);
          assert.ok(contrast >= 3, `${where}: stroke ${s.stroke} on ${theme.background} only ${contrast.toFixed(2)}:1`);
          assert.ok((s.strokeWidth ?? 0) > 0, `${where}: stroke width ${s.strokeWidth}`);
          const period = s.strokeDash!.reduce((a, b) => a + b, 0);
          // vega's 'stroke' symbol is a line sqrt(size) long: a dashed sample shows at least one gap
          if (s.strokeDash![1] > 0) assert.ok(Math.sqrt(s.size ?? 0) >= period, `${where}: a ${Math.sqrt(s.size ?? 0)} px sample hides the dash ${String(s.strokeDash)}`);
        }
        assert.equal(new Set(legend.symbols.map((s) => `${s.stroke} ${String(s.strokeDash)}`)).size, legend.symbols.length, `${where}: each label its own colour and dash`);
        // the samples show the dashes the lines are drawn with
        for (const s of legend.symbols) assert.ok(lineDashes.has(String(s.strokeDash)), `${where}: dash ${String(s.strokeDash)} is on no line (${[...lineDashes].join(' / ')})`);
      }
      // a legend of the dash alone (the colour has its own) strokes in the theme's foreground
      for (const legend of drawn.filter((l) => DASH_ONLY.includes(l.title))) {
        dashOnly++;
        for (const s of legend.symbols) assert.equal(s.stroke, theme.foreground, `${themeName} ${chart}, legend "${legend.title}"`);
      }
    }
    // accuracy, loss (Data), learned (Parameter), gradients and dead units (Layer), curves and stack (Activation)
    assert.equal(dashLegends, 7);
    assert.equal(dashOnly, 5);
  });
}
