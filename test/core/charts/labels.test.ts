// Chart words in the UI language: every spec drawn with the Chinese labels shows Chinese titles,
// axes, legends, series names and tooltips, and none of the English words; both tables have the
// same keys. Drawn for real: vega-lite compiles, vega renders the SVG in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation } from '../../../src/core/activations/registry';
import { curvesSpec, gradientFlowSpec, sampleCurve, saturationSpec } from '../../../src/core/charts/functions';
import { stackSpec } from '../../../src/core/charts/guide';
import { CHART_LABELS, type ChartLabels } from '../../../src/core/charts/labels';
import { confusionRows, confusionSpec, deadUnitSpec, layerGradientSpec, layerRows, testAccuracySpec } from '../../../src/core/charts/results';
import { accuracyCurvesSpec, historyRows, lossCurvesSpec, secondsPerEpochSpec, secondsRows } from '../../../src/core/charts/training';
import { stackRows } from '../../../src/core/guide/nonLinearity';

const runs = [
  { id: 'relu', history: [
    { epoch: 1, loss: 0.3, accuracy: 0.91, val_loss: 0.2, val_accuracy: 0.94, seconds: 12, layers: [{ meanAbsGradient: 0.1, deadUnitFraction: 0.2 }, { meanAbsGradient: 0.2, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.3 }] },
    { epoch: 2, loss: 0.2, accuracy: 0.95, val_loss: 0.15, val_accuracy: 0.95, seconds: 11, layers: [{ meanAbsGradient: 0.1, deadUnitFraction: 0.25 }, { meanAbsGradient: 0.2, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.3 }] },
  ] },
];

function specs(labels: ChartLabels) {
  const curve = sampleCurve(getActivation('relu'), {}, -2, 2, 5);
  const hist = historyRows(runs);
  return {
    accuracy: accuracyCurvesSpec(hist, { labels }),
    loss: lossCurvesSpec(hist, { labels }),
    seconds: secondsPerEpochSpec(secondsRows(runs), { labels }),
    layers: layerGradientSpec(layerRows(runs), { labels }),
    dead: deadUnitSpec(layerRows(runs), { labels }),
    confusion: confusionSpec(confusionRows([[5, 1], [0, 4]]), { labels }),
    test: testAccuracySpec([{ run: 'relu', accuracy: 0.97 }], { labels }),
    curves: curvesSpec(curve, { text: labels, legend: true }),
    saturation: saturationSpec([{ activation: 'relu', s: 1, share: 0.5 }], { labels }),
    flow: gradientFlowSpec([{ activation: 'relu', layer: 1, relative: 0.9 }], { labels }),
    stack: stackSpec(stackRows(), { labels }),
  };
}

/** The text a chart draws: every <text> element of the rendered SVG. */
async function drawnText(spec: object): Promise<string[]> {
  const { compile } = await import('vega-lite');
  const vega = await import('vega');
  const quiet = vega.logger(vega.None);
  const view = new vega.View(vega.parse(compile(spec as never, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  const svg = await view.toSVG();
  view.finalize();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
}

/** The words of the English table that would betray an untranslated chart (not symbols like x or f(x)). */
const ENGLISH_WORDS = Object.values(CHART_LABELS.en).flatMap((v) => v.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !['dense'].includes(w));

test('both tables have the same keys, none empty; the Chinese one is Chinese except the symbols', () => {
  const en = CHART_LABELS.en;
  const zh = CHART_LABELS['zh-cn'];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const k of Object.keys(en) as (keyof ChartLabels)[]) {
    assert.ok(en[k].trim() && zh[k].trim(), k);
    if (!['x', 'f', 'df'].includes(k)) assert.match(zh[k], /\p{Script=Han}/u, `${k} is not translated: ${zh[k]}`);
    assert.equal((zh[k].match(/\{0\}/g) ?? []).length, (en[k].match(/\{0\}/g) ?? []).length, k);
  }
});

test('every chart drawn in Chinese shows Chinese titles, axes, legends and series names, and no English words', async () => {
  const zh = CHART_LABELS['zh-cn'];
  const drawn = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(specs(zh))) drawn.set(name, await drawnText(spec));
  const all = [...drawn.values()].flat();
  for (const [name, texts] of drawn) {
    const english = texts.filter((s) => ENGLISH_WORDS.some((w) => s.includes(w)));
    assert.deepEqual(english, [], `${name}: English on the chart`);
    assert.ok(texts.some((s) => /\p{Script=Han}/u.test(s)), `${name}: no Chinese at all`);
  }
  for (const want of [zh.epoch, zh.accuracy, zh.loss, zh.split, zh.train, zh.validation, zh.seconds, zh.count, zh.trueLabel, zh.predicted,
    zh.layer, '隐藏层 1', '隐藏层 2', zh.outputLayer, zh.activation, zh.spread, zh.saturatedShare, zh.layerFromInput, zh.relativeNorm, zh.stackOutput]) {
    assert.ok(all.includes(want), `“${want}” is drawn somewhere`);
  }
  assert.ok(drawn.get('accuracy')!.includes(zh.accuracyPerEpoch) && drawn.get('confusion')!.includes(zh.confusion) && drawn.get('stack')!.includes(zh.stackTitle));
});

test('in English the same charts keep the English words and the data keep their values', async () => {
  const en = CHART_LABELS.en;
  const texts = await drawnText(specs(en).accuracy);
  for (const want of [en.epoch, en.accuracy, en.split, en.train, en.validation, en.accuracyPerEpoch]) assert.ok(texts.includes(want), want);
  assert.ok((await drawnText(specs(en).layers)).includes('dense 1'));
  assert.deepEqual(layerRows(runs).map((r) => r.layer).slice(0, 3), ['dense 1', 'dense 2', 'output']);
  assert.deepEqual([...new Set(historyRows(runs).map((r) => r.split))], ['train', 'validation']);
});

test('layers are listed from the input side to the output in either language', async () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    const l = CHART_LABELS[lang];
    const texts = await drawnText(specs(l).layers);
    const names = [l.hiddenLayer.replace('{0}', '1'), l.hiddenLayer.replace('{0}', '2'), l.outputLayer];
    const at = names.map((n) => texts.indexOf(n));
    assert.ok(at.every((i) => i >= 0) && at[0] < at[1] && at[1] < at[2], `${lang}: ${texts.join(' | ')}`);
  }
});
