import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation } from '../../../src/core/activations/registry';
import { CURVE_DATASET, curvesSpec, gradientFlowSpec, sampleCurve, saturationSpec } from '../../../src/core/charts/functions';
import { CHART_LABELS } from '../../../src/core/charts/labels';
import { confusionRows, confusionSpec, deadUnitSpec, layerGradientSpec, layerRows, testAccuracySpec } from '../../../src/core/charts/results';

const labels = CHART_LABELS.en;

test('sampleCurve: leaky ReLU values against its formula (alpha x for x < 0), softmax([x, 0])_0 against 1/(1+e^-x)', () => {
  const rows = sampleCurve(getActivation('leaky_relu'), { alpha: 0.2 }, -4, 4, 9);
  assert.deepEqual(rows.map((r) => r.x), [-4, -3, -2, -1, 0, 1, 2, 3, 4]);
  assert.ok(Math.abs(rows[0].f! - -0.8) < 1e-12 && rows[0].df === 0.2 && rows[8].f === 4 && rows[8].df === 1);
  for (const r of sampleCurve(getActivation('softmax'), {}, -6, 6, 13)) {
    const s = 1 / (1 + Math.exp(-r.x));
    assert.ok(Math.abs(r.f! - s) < 1e-12 && Math.abs(r.df! - s * (1 - s)) < 1e-12, `x=${r.x}`);
  }
  assert.throws(() => sampleCurve(getActivation('relu'), {}, 1, 1), /x range/);
});

test('every function and results spec compiles with vega-lite and names its dataset', async () => {
  const { compile } = await import('vega-lite');
  const curve = [...sampleCurve(getActivation('relu'), {}, -2, 2, 5), ...sampleCurve(getActivation('tanh'), {}, -2, 2, 5)];
  const hist = [{ id: 'relu', history: [{ epoch: 1, layers: [{ meanAbsGradient: 0.1, deadUnitFraction: 0.2 }, { meanAbsGradient: 0.3 }] }] }];
  const specs = [
    curvesSpec(curve, { text: labels }),
    saturationSpec([{ activation: 'relu', s: 1, share: 0.5 }], { labels }),
    gradientFlowSpec([{ activation: 'relu', layer: 1, relative: 0.9 }], { labels }),
    confusionSpec(confusionRows([[5, 1], [0, 4]]), { labels }),
    testAccuracySpec([{ run: 'relu', accuracy: 0.97 }], { labels }),
    layerGradientSpec(layerRows(hist), { labels }),
    deadUnitSpec(layerRows(hist), { labels }),
  ];
  for (const spec of specs) {
    const { spec: vega } = compile(spec);
    assert.ok(vega.data?.some((d) => d.name === (spec.data as { name: string }).name), `dataset ${(spec.data as { name: string }).name}`);
  }
  assert.equal(curvesSpec(curve, { text: labels }).data.name, CURVE_DATASET);
  assert.deepEqual(layerRows(hist).map((r) => r.layer), ['dense 1', 'output']);
  assert.deepEqual(confusionRows([[5, 1], [0, 4]]).find((r) => r.label === 0 && r.predicted === 1), { label: 0, predicted: 1, count: 1 });
});
