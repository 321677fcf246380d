import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview, parseToWebview } from '../../src/protocol/messages';

test('every new webview message parses in its valid form', () => {
  const good: [unknown, unknown][] = [
    [{ type: 'train/start', activations: ['relu', 'tanh'], epochs: 3, limitTrain: 6000 }, { type: 'train/start', activations: ['relu', 'tanh'], epochs: 3, limitTrain: 6000 }],
    [{ type: 'train/start', activations: ['relu'], epochs: 1 }, { type: 'train/start', activations: ['relu'], epochs: 1 }],
    [{ type: 'train/stop', junk: 1 }, { type: 'train/stop' }],
    [{ type: 'runs/refresh' }, { type: 'runs/refresh' }],
    [{ type: 'runs/open', id: '2025-01-01T12-00-00-000Z' }, { type: 'runs/open', id: '2025-01-01T12-00-00-000Z' }],
    [{ type: 'custom/save', def: { name: 'swish2', expression: 'x*sigmoid(b*x)', params: { b: 2 } } }, { type: 'custom/save', def: { name: 'swish2', expression: 'x*sigmoid(b*x)', params: { b: 2 } } }],
    [{ type: 'chart/export', format: 'svg', name: 'plot', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }, { type: 'chart/export', format: 'svg', name: 'plot', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }],
    [{ type: 'chart/export', format: 'png', name: 'plot', data: 'data:image/png;base64,iVBORw0KGgo=' }, { type: 'chart/export', format: 'png', name: 'plot', data: 'data:image/png;base64,iVBORw0KGgo=' }],
    [{ type: 'lab/open', section: 'functions', focus: { activations: ['gelu', 'silu'], view: 'compare' } }, { type: 'lab/open', section: 'functions', focus: { activations: ['gelu', 'silu'], view: 'compare' } }],
    [{ type: 'lab/report', nonce: 'n', report: { surface: 'panel', section: 'train', charts: [{ id: 'plot', marks: 3, rows: 241, embeds: 1 }], status: '' } }, { type: 'lab/report', nonce: 'n', report: { surface: 'panel', section: 'train', charts: [{ id: 'plot', marks: 3, rows: 241, embeds: 1 }], status: '' } }],
  ];
  for (const [raw, want] of good) assert.deepEqual(parseFromWebview(raw), want, JSON.stringify(raw));
});

test('malformed new webview messages give a reason, never a throw', () => {
  const bad: unknown[] = [
    { type: 'train/start' },
    { type: 'train/start', activations: [], epochs: 1 },
    { type: 'train/start', activations: 'relu', epochs: 1 },
    { type: 'train/start', activations: ['relu'], epochs: 0 },
    { type: 'train/start', activations: ['relu'], epochs: 1.5 },
    { type: 'train/start', activations: ['relu'], epochs: 101 },
    { type: 'train/start', activations: ['relu', 'relu'], epochs: 1 },
    { type: 'train/start', activations: ['../../etc'], epochs: 1 },
    { type: 'train/start', activations: ['relu'], epochs: 1, limitTrain: 5 },
    { type: 'train/start', activations: Array.from({ length: 13 }, (_, i) => `a${i}`), epochs: 1 },
    { type: 'runs/open', id: '../secrets' },
    { type: 'runs/open' },
    { type: 'custom/save', def: { name: 'x y', expression: 'x' } },
    { type: 'custom/save', def: { name: 'ok', expression: '' } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x', params: { b: 'two' } } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x', params: { b: Infinity } } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x'.repeat(1001) } },
    { type: 'chart/export', format: 'pdf', name: 'x', data: '' },
    { type: 'chart/export', format: 'svg', name: '../x', data: '<svg></svg>' },
    { type: 'chart/export', format: 'svg', name: 'x', data: '<html><script>alert(1)</script></html>' },
    { type: 'chart/export', format: 'png', name: 'x', data: 'data:text/html;base64,AAAA' },
    { type: 'chart/export', format: 'png', name: 'x', data: 'x'.repeat(16_000_001) },
    { type: 'lab/open', section: 'nowhere' },
    { type: 'lab/open', section: 'functions', focus: { activations: [1] } },
    { type: 'lab/open', section: 'functions', focus: { activations: ['relu'], view: 'hack' } },
    { type: 'lab/report', nonce: 'n', report: { surface: 'panel', section: 'train', charts: [{ id: 'x', marks: -1, rows: 0, embeds: 0 }], status: '' } },
    { type: 'lab/report', nonce: 'n', report: null },
  ];
  for (const m of bad) assert.equal(typeof parseFromWebview(m), 'string', JSON.stringify(m).slice(0, 200));
});

const epoch = { epoch: 1, loss: 0.3, accuracy: 0.9, val_loss: 0.25, val_accuracy: 0.92, seconds: 3, layers: [{ meanAbsGradient: 0.01, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.02 }] };

test('host messages of the lab parse; a diverged run\'s null metrics become NaN', () => {
  const r = parseToWebview({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { ...epoch, loss: null } } });
  assert.ok(typeof r === 'object' && r.type === 'train/event' && r.event.type === 'run/epoch');
  assert.ok(Number.isNaN(r.event.metrics.loss));
  assert.equal(r.event.metrics.val_accuracy, 0.92);
  const end = parseToWebview({ type: 'train/event', event: { type: 'run/end', runId: 'relu', status: 'completed', test: { loss: 0.1, accuracy: 0.97, count: 4, confusion: [[2, 0], [1, 1]], misclassified: [{ index: 2, label: 1, predicted: 0, probabilities: [0.6, 0.4], pixelsBase64: 'AAEC' }] } } });
  assert.ok(typeof end === 'object' && end.type === 'train/event' && end.event.type === 'run/end');
  assert.deepEqual(end.event.test?.misclassified, [{ index: 2, label: 1, predicted: 0, pixelsBase64: 'AAEC' }]);
  assert.deepEqual(parseToWebview({ type: 'train/status', status: { running: true, activations: ['relu'], epochs: 2 } }), { type: 'train/status', status: { running: true, activations: ['relu'], epochs: 2 } });
  assert.equal(typeof parseToWebview({ type: 'lab/state', state: { surface: 'panel', section: 'functions', locale: 'en', version: '1', focus: { activations: ['relu', 'gelu'] } } }), 'object');
});

test('malformed host messages of the lab give a reason in the webview', () => {
  const bad: unknown[] = [
    { type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { epoch: 0, loss: 1, accuracy: 1, seconds: 1 } } },
    { type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { ...epoch, accuracy: '0.9' } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', status: 'exploded', test: null } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', status: 'completed', test: { loss: 0, accuracy: 1, count: 1, confusion: [[1, 2]], misclassified: [] } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', status: 'completed', test: { loss: 0, accuracy: 1, count: 1, confusion: [[1]], misclassified: [{ index: 0, label: 0, predicted: 0, pixelsBase64: '"><img>' }] } } },
    { type: 'train/event', event: { type: 'run/progress', runId: 'relu', epoch: 1, epochs: 2, batch: -1, batches: 3, loss: 1, accuracy: 1 } },
    { type: 'train/event', event: { type: 'run/queued', runId: '' } },
    { type: 'train/status', status: { running: 1, activations: [], epochs: 0 } },
    { type: 'train/status', status: { running: true, activations: [3], epochs: 0 } },
    { type: 'runs/list', experiments: [{ id: 'a', createdAt: 'b', dataset: 'c', epochs: 1, runs: [{ id: 'r', status: 'completed', testAccuracy: 'high', valAccuracy: null }] }] },
    { type: 'runs/results', id: 'a', results: { createdAt: 'x', dataset: { name: 'mnist' }, epochs: 1, runs: [] } },
    { type: 'lab/custom', defs: [{ name: 'ok', expression: 'x', params: { a: NaN } }] },
    { type: 'lab/notice', level: 'info' },
    { type: 'lab/query' },
    { type: 'lab/state', state: { surface: 'panel', section: 'functions', locale: 'en', version: '1', focus: { activations: 'relu' } } },
  ];
  for (const m of bad) assert.equal(typeof parseToWebview(m), 'string', JSON.stringify(m).slice(0, 200));
});
