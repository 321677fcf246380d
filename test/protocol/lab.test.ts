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
    [{ type: 'lab/report', requestId: 'c1-x-1', report: { surface: 'panel', section: 'train', charts: [{ id: 'plot', marks: 3, rows: 241, embeds: 1 }], status: '' } }, { type: 'lab/report', requestId: 'c1-x-1', report: { surface: 'panel', section: 'train', charts: [{ id: 'plot', marks: 3, rows: 241, embeds: 1 }], status: '' } }],
    [{ type: 'webview/ready', surface: 'panel' }, { type: 'webview/ready', surface: 'panel' }],
    [{ type: 'lab/pong', requestId: 'c1-ab-2', extra: 1 }, { type: 'lab/pong', requestId: 'c1-ab-2' }],
  ];
  for (const [raw, want] of good) {
    const got = parseFromWebview(raw);
    // custom/save's params come back as a null-prototype record: compare the values
    assert.deepEqual(JSON.parse(JSON.stringify(got)), want, JSON.stringify(raw));
  }
});

test('malformed new webview messages give a reason, never a throw', () => {
  const bad: unknown[] = [
    { type: 'train/start' },
    { type: 'train/start', activations: [], epochs: 1 },
    { type: 'train/start', activations: 'relu', epochs: 1 },
    { type: 'train/start', activations: ['relu'], epochs: 0 },
    { type: 'train/start', activations: ['relu'], epochs: 1.5 },
    { type: 'train/start', activations: ['relu'], epochs: 1001 },
    { type: 'train/start', activations: ['relu', 'relu'], epochs: 1 },
    { type: 'train/start', activations: ['../../etc'], epochs: 1 },
    { type: 'train/start', activations: ['relu'], epochs: 1, limitTrain: 5 },
    { type: 'train/start', activations: Array.from({ length: 13 }, (_, i) => `a${i}`), epochs: 1 },
    { type: 'runs/open', id: '../secrets' },
    { type: 'runs/open', id: '..' },
    { type: 'runs/open', id: '.' },
    { type: 'runs/open', id: 'a/b' },
    { type: 'runs/open', id: 'a\\b' },
    { type: 'runs/open' },
    { type: 'custom/save', def: { name: 'x y', expression: 'x' } },
    { type: 'custom/save', def: { name: 'ok', expression: '' } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x', params: { b: 'two' } } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x', params: { b: Infinity } } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x'.repeat(1001) } },
    { type: 'custom/save', def: { name: 'relu', expression: 'x' } },
    { type: 'custom/save', def: { name: 'ok', expression: 'x', params: { x: 1 } } },
    { type: 'chart/export', format: 'pdf', name: 'x', data: '' },
    { type: 'chart/export', format: 'svg', name: '../x', data: '<svg></svg>' },
    { type: 'chart/export', format: 'svg', name: 'x', data: '<html><script>alert(1)</script></html>' },
    { type: 'chart/export', format: 'png', name: 'x', data: 'data:text/html;base64,AAAA' },
    { type: 'chart/export', format: 'png', name: 'x', data: 'x'.repeat(16_000_001) },
    { type: 'lab/open', section: 'nowhere' },
    { type: 'lab/open', section: 'functions', focus: { activations: [1] } },
    { type: 'lab/open', section: 'functions', focus: { activations: ['relu'], view: 'hack' } },
    { type: 'lab/report', requestId: 'n', report: { surface: 'panel', section: 'train', charts: [{ id: 'x', marks: -1, rows: 0, embeds: 0 }], status: '' } },
    { type: 'lab/report', requestId: 'n', report: null },
    { type: 'lab/report', requestId: 'no spaces', report: { surface: 'panel', section: 'train', charts: [], status: '' } },
    null, undefined, 42, 'x', [], {}, { type: 'nope' }, { type: 'webview/ready', surface: 'tab' },
    { type: 'lab/pong' }, { type: 'lab/pong', requestId: 'x'.repeat(65) },
    { type: 'webview/showSection', section: 'guide' },
    JSON.parse('{"__proto__": {"type": "webview/ready"}}'),
  ];
  for (const m of bad) assert.equal(typeof parseFromWebview(m), 'string', String(JSON.stringify(m)).slice(0, 200));
});

const epoch = { epoch: 1, loss: 0.3, accuracy: 0.9, val_loss: 0.25, val_accuracy: 0.92, seconds: 3, layers: [{ meanAbsGradient: 0.01, deadUnitFraction: 0.1 }, { meanAbsGradient: 0.02 }] };
const test1 = { loss: 0.1, accuracy: 0.97, count: 4, confusion: [[2, 0], [1, 1]], misclassified: [{ index: 2, label: 1, predicted: 0, probabilities: [0.6, 0.4], pixelsBase64: 'AAEC' }] };
const job = { id: '2026-01-01T00-00-00-000Z', kind: 'train', runs: [{ runId: 'relu', activations: ['relu', 'relu'] }], epochs: 2, startedAt: '2026-01-01T00:00:00.000Z' };

test('host messages of the lab parse; events arrive unchanged; a diverged run\'s null metrics become NaN', () => {
  const r = parseToWebview({ type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { ...epoch, loss: null } } });
  assert.ok(typeof r === 'object' && r.type === 'train/event' && r.event.type === 'run/epoch');
  assert.ok(Number.isNaN(r.event.metrics.loss));
  assert.equal(r.event.metrics.val_accuracy, 0.92);
  const end = parseToWebview({ type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [epoch], test: test1, kernels: 'js', paramCount: 10, wallSeconds: 1 } } });
  assert.ok(typeof end === 'object' && end.type === 'train/event' && end.event.type === 'run/end');
  assert.deepEqual(end.event.outcome.test, test1, 'the misclassified digits keep their probabilities');
  const started = parseToWebview({ type: 'train/event', event: { type: 'job/started', job } });
  assert.deepEqual(started, { type: 'train/event', event: { type: 'job/started', job } });
  const ended = { type: 'job/ended', jobId: job.id, status: 'cancelled', hasResults: true };
  assert.deepEqual(parseToWebview({ type: 'train/event', event: ended }), { type: 'train/event', event: ended });
  const snapshot = { job, runs: [{ id: 'relu', activations: ['relu', 'relu'], status: 'running', history: [epoch], test: null, secondsPerEpoch: 3 }] };
  assert.deepEqual(parseToWebview({ type: 'train/snapshot', snapshot }), { type: 'train/snapshot', snapshot });
  assert.deepEqual(parseToWebview({ type: 'train/snapshot', snapshot: null }), { type: 'train/snapshot', snapshot: null });
  assert.deepEqual(parseToWebview({ type: 'lab/state', state: { surface: 'panel', locale: 'zh-cn', version: '0.1.0' } }), { type: 'lab/state', state: { surface: 'panel', locale: 'zh-cn', version: '0.1.0' } });
  assert.deepEqual(parseToWebview({ type: 'lab/show', section: 'guide', focus: { activations: ['elu'] } }), { type: 'lab/show', section: 'guide', focus: { activations: ['elu'] } });
});

test('malformed host messages of the lab give a reason in the webview', () => {
  const bad: unknown[] = [
    { type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { epoch: 0, loss: 1, accuracy: 1, seconds: 1 } } },
    { type: 'train/event', event: { type: 'run/epoch', runId: 'relu', metrics: { ...epoch, accuracy: '0.9' } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'exploded', history: [] } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'running', history: [] } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [], test: { loss: 0, accuracy: 1, count: 1, confusion: [[1, 2]], misclassified: [] } } } },
    { type: 'train/event', event: { type: 'run/end', runId: 'relu', outcome: { status: 'completed', history: [], test: { loss: 0, accuracy: 1, count: 1, confusion: [[1]], misclassified: [{ index: 0, label: 0, predicted: 0, pixelsBase64: '"><img>' }] } } } },
    { type: 'train/event', event: { type: 'run/progress', runId: 'relu', progress: { epoch: 1, epochs: 2, batch: -1, batches: 3, loss: 1, accuracy: 1, examplesPerSecond: 1 } } },
    { type: 'train/event', event: { type: 'run/queued', runId: '' } },
    { type: 'train/event', event: { type: 'run/queued', runId: 'a/b' } },
    { type: 'train/event', event: { type: 'run/started', runId: 'r', kernels: 'gpu', paramCount: 1 } },
    { type: 'train/event', event: { type: 'job/started', job: { ...job, kind: 'dream' } } },
    { type: 'train/event', event: { type: 'job/ended', jobId: job.id, status: 'done', hasResults: true } },
    { type: 'train/event', event: { type: 'job/ended', jobId: job.id, status: 'completed' } },
    // every id that names a folder is one path segment
    { type: 'train/event', event: { type: 'job/ended', jobId: '..', status: 'completed', hasResults: true } },
    { type: 'train/event', event: { type: 'job/started', job: { ...job, id: '..' } } },
    { type: 'train/event', event: { type: 'job/started', job: { ...job, runs: [{ runId: '../../x', activations: [] }] } } },
    { type: 'train/event', event: { type: 'run/epoch', runId: '..', metrics: epoch } },
    { type: 'train/snapshot', snapshot: { job, runs: [{ id: 'a/b', activations: [], status: 'queued', history: [], test: null, secondsPerEpoch: null }] } },
    { type: 'runs/list', experiments: [{ id: '..', createdAt: 'b', dataset: 'c', epochs: 1, runs: [] }] },
    { type: 'train/snapshot', snapshot: { job, runs: [{ id: 'relu', activations: [], status: 'flying', history: [], test: null, secondsPerEpoch: null }] } },
    { type: 'train/snapshot' },
    { type: 'train/status', status: { running: true, activations: [], epochs: 0 } },
    { type: 'runs/list', experiments: [{ id: 'a', createdAt: 'b', dataset: 'c', epochs: 1, runs: [{ id: 'r', status: 'completed', testAccuracy: 'high', valAccuracy: null }] }] },
    { type: 'runs/results', id: 'a', results: { createdAt: 'x', dataset: { name: 'mnist' }, epochs: 1, runs: [] } },
    { type: 'runs/results', id: '..', results: { createdAt: 'x', dataset: { name: 'mnist', rows: 1, cols: 1, classes: 1, train: 1, validation: 0, test: 1 }, epochs: 1, runs: [] } },
    { type: 'lab/custom', defs: [{ name: 'ok', expression: 'x', params: { a: NaN } }] },
    { type: 'lab/notice', level: 'info' },
    { type: 'lab/query' },
    { type: 'lab/ping', requestId: 1 },
    { type: 'lab/state' },
    { type: 'lab/show', section: 'x' },
    { type: 'lab/show', section: 'functions', focus: { activations: 'relu' } },
    null,
  ];
  for (const m of bad) assert.equal(typeof parseToWebview(m), 'string', JSON.stringify(m).slice(0, 200));
});
