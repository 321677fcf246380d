import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accuracyCurvesSpec, HISTORY_DATASET, historyRows, lossCurvesSpec, secondsPerEpochSpec, secondsRows,
} from '../../../src/core/charts/training';
import { CHART_LABELS } from '../../../src/core/charts/labels';

const opts = { labels: CHART_LABELS.en };

const runs = [
  { id: 'relu', history: [{ epoch: 1, loss: 0.3, accuracy: 0.91, val_loss: 0.2, val_accuracy: 0.94, seconds: 12 }, { epoch: 2, loss: 0.15, accuracy: 0.95, val_loss: 0.12, val_accuracy: 0.96, seconds: 11 }] },
  { id: 'sigmoid', history: [{ epoch: 1, loss: 0.6, accuracy: 0.85, seconds: 13 }] },
];

test('history rows: a train point per epoch, a validation point where there is one', () => {
  const rows = historyRows(runs);
  assert.equal(rows.length, 5);
  assert.deepEqual(rows.filter((r) => r.run === 'relu' && r.split === 'validation').map((r) => r.accuracy), [0.94, 0.96]);
  assert.deepEqual(rows.filter((r) => r.run === 'sigmoid').map((r) => r.split), ['train']);
  assert.deepEqual(secondsRows(runs).map((r) => r.seconds), [12, 11, 13]);
});

test('every chart spec compiles with vega-lite, reads the named dataset and fields its rows have', async () => {
  // vega-lite is ESM with a top-level await inside: import it, don't require it.
  const { compile } = await import('vega-lite');
  const rows = historyRows(runs);
  for (const spec of [accuracyCurvesSpec(rows, opts), lossCurvesSpec(rows, opts), secondsPerEpochSpec(secondsRows(runs), opts)]) {
    const { spec: vega } = compile(spec);
    assert.ok(vega.data?.some((d) => 'values' in d || d.name), 'compiled Vega has data');
    const fields = Object.values(spec.encoding).flatMap((e) => (Array.isArray(e) ? e : [e])).map((e) => (e as { field?: string }).field).filter(Boolean);
    const computed = new Set(spec.transform.flatMap((t) => ('window' in t ? t.window.map((w) => w.as) : 'as' in t ? [t.as].flat() : [])).map(String));
    const values = spec.data.values as unknown as Record<string, unknown>[];
    for (const f of fields) assert.ok(computed.has(f!) || values.every((v) => f! in v), `field ${f} is in every row or computed from it`);
  }
  assert.equal(accuracyCurvesSpec(rows, opts).data.name, HISTORY_DATASET);
});
