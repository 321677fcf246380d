// The playground's messages at each boundary: what the worker accepts from the page, what the page
// accepts from the worker, the export request the host accepts, the command's arguments and the
// report; every bad input is refused with a sentence naming the problem, and saved settings keep
// only what is valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseFromPlaygroundWorker, parsePlaygroundArgs, parsePlaygroundFocus, parseToPlaygroundWorker, type PlaygroundSetup,
} from '../../src/protocol/playground';
import { parseFromWebview, parseToWebview } from '../../src/protocol/messages';
import { parseLabReport } from '../../src/protocol/validate';
import { DEFAULT_PLAYGROUND, mergePlaygroundSettings } from '../../src/core/playground/settings';

const setup: PlaygroundSetup = {
  task: 'classification', features: ['x1', 'x2'], hidden: [2], nets: [[{ id: 'tanh' }]],
  settings: { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', regularization: 'none', regularizationRate: 0 },
  seed: 1, train: [1, 2, 1, -1, -2, 0], test: [0.5, 0.5, 1],
};
const setupMessage = (over: Record<string, unknown>) => ({ type: 'pg/setup', requestId: 'r1', setup: { ...setup, ...over } });

test('the worker accepts a valid setup, frame, model and bench request', () => {
  assert.deepEqual(parseToPlaygroundWorker(setupMessage({})), { type: 'pg/setup', requestId: 'r1', setup });
  const race = parseToPlaygroundWorker(setupMessage({ nets: [[{ id: 'tanh' }], [{ custom: { name: 'soft', expression: 'x / (1 + abs(x))' } }]] }));
  assert.equal(typeof race, 'object');
  assert.deepEqual(parseToPlaygroundWorker({ type: 'pg/frame', requestId: 'f', train: { kind: 'epochs', count: 1 }, focus: { layer: 0, unit: 1 }, big: 100, small: 36 }),
    { type: 'pg/frame', requestId: 'f', train: { kind: 'epochs', count: 1 }, focus: { layer: 0, unit: 1 }, big: 100, small: 36 });
  assert.equal(typeof parseToPlaygroundWorker({ type: 'pg/model', requestId: 'm', net: 1, grid: 21 }), 'object');
  assert.equal(typeof parseToPlaygroundWorker({ type: 'pg/bench', requestId: 'b', millis: 1000 }), 'object');
});

test('the worker refuses bad messages, naming the problem', () => {
  const cases: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ type: 'pg/evil' }, /unknown message type "pg\/evil"/],
    [setupMessage({ features: ['x1', 'x3'] }), /features must list/],
    [setupMessage({ hidden: [9] }), /hidden must list at most 6 widths from 1 to 8/],
    [setupMessage({ hidden: [1, 1, 1, 1, 1, 1, 1] }), /hidden must list at most 6/],
    [setupMessage({ nets: [[{ id: 'tanh' }, { id: 'relu' }]] }), /nets: item 0: activations: must have 1 to 1 items, has 2/],
    [setupMessage({ nets: [[{ id: 'tanh' }], [{ id: 'tanh' }], [{ id: 'tanh' }]] }), /nets: must have 1 to 2 items/],
    [setupMessage({ nets: [[{ custom: { name: 'relu', expression: 'x' } }]] }), /taken by the built-in relu/],
    [setupMessage({ train: [7, 0, 1] }), /train: point 0: outside the plane/],
    [setupMessage({ train: [1, 1, 2] }), /train: point 0: a class must be 0 or 1/],
    [setupMessage({ train: [1, 1] }), /triples/],
    [setupMessage({ settings: { ...setup.settings, learningRate: 0 } }), /learningRate must be in \(0, 10\]/],
    [setupMessage({ settings: { ...setup.settings, batchSize: 31 } }), /batchSize must be an integer from 1 to 30/],
    [setupMessage({ settings: { ...setup.settings, loss: 'hinge' } }), /loss must be one of cross_entropy, squared_error/],
    [setupMessage({ seed: -1 }), /seed must be an integer/],
    [{ type: 'pg/setup', requestId: 'bad id!', setup }, /bad requestId/],
    [{ type: 'pg/frame', requestId: 'f', train: { kind: 'epochs', count: 0 }, focus: null, big: 100, small: 36 }, /1 to 10000 epochs/],
    [{ type: 'pg/frame', requestId: 'f', train: { kind: 'none' }, focus: null, big: 1000, small: 36 }, /grids must be/],
    [{ type: 'pg/frame', requestId: 'f', train: { kind: 'none' }, focus: { layer: 0 }, big: 100, small: 36 }, /focus must be null or/],
    [{ type: 'pg/model', requestId: 'm', net: 2, grid: 21 }, /net must be 0 or 1/],
  ];
  for (const [raw, problem] of cases) {
    const r = parseToPlaygroundWorker(raw);
    assert.equal(typeof r, 'string', JSON.stringify(raw).slice(0, 100));
    assert.match(r as string, problem);
  }
});

test('the page accepts frames with typed arrays only', () => {
  const net = { epoch: 3, steps: 75, trainLoss: 0.5, testLoss: NaN, weights: new Float32Array(9), big: new Float32Array(100), small: new Float32Array(36) };
  assert.equal(typeof parseFromPlaygroundWorker({ type: 'pg/frame', requestId: 'f', nets: [net] }), 'object');
  assert.match(parseFromPlaygroundWorker({ type: 'pg/frame', requestId: 'f', nets: [{ ...net, big: [0.5] }] }) as string, /Float32Arrays/);
  assert.match(parseFromPlaygroundWorker({ type: 'pg/frame', requestId: 'f', nets: [{ ...net, epoch: -1 }] }) as string, /integers/);
  assert.deepEqual(parseFromPlaygroundWorker({ type: 'pg/failed', message: 'x'.repeat(3000) }), { type: 'pg/failed', message: 'x'.repeat(2000) });
});

const model = { task: 'classification', features: ['x1', 'x2'], hidden: [2], activations: [{ id: 'tanh' }], params: Array.from({ length: 9 }, (_, i) => i / 10) };

test('the host accepts a playground export with its check, and refuses a malformed one', () => {
  const check = { points: [0, 0, 1, 1], outputs: [0.5, 0.6] };
  assert.deepEqual(parseFromWebview({ type: 'playground/export', model, check }), { type: 'playground/export', model, check });
  assert.match(parseFromWebview({ type: 'playground/export', model: { ...model, params: [NaN] }, check }) as string, /playground\/export: model.params must be finite numbers/);
  assert.match(parseFromWebview({ type: 'playground/export', model: { ...model, activations: [] }, check }) as string, /model.activations: must have 1 to 1 items/);
  assert.match(parseFromWebview({ type: 'playground/export', model, check: { points: [0, 0, 1], outputs: [0.5, 0.6] } }) as string, /check needs points \(n, 2\) and outputs \(n\)/);
});

test('"Open Playground" arguments: shorthands, invalid fields dropped, nothing usable is undefined', () => {
  assert.deepEqual(parsePlaygroundArgs({ dataset: 'spiral', activation: 'tanh', race: 'relu', play: true }), {
    settings: { dataset: 'spiral', activations: ['tanh', 'tanh'], race: true, raceActivations: ['relu', 'relu'] }, play: true,
  });
  assert.deepEqual(parsePlaygroundArgs({ dataset: 'moons', noise: 20, hidden: [8, 8, 8] }), {
    settings: { noise: 20, hidden: [8, 8, 8] },
  });
  for (const v of [undefined, null, 'spiral', {}, { dataset: 'moons' }, { play: 'yes' }]) assert.equal(parsePlaygroundArgs(v), undefined, JSON.stringify(v));
  assert.match(parsePlaygroundFocus({ play: true }) as string, /playground must be \{ settings, play\? \}/);
  assert.deepEqual(parsePlaygroundFocus({ settings: { dataset: 'xor', seed: -4 } }), { settings: { dataset: 'xor' } });
  const show = parseToWebview({ type: 'lab/show', section: 'playground', playground: { settings: { dataset: 'gauss' }, play: true } });
  assert.deepEqual(show, { type: 'lab/show', section: 'playground', playground: { settings: { dataset: 'gauss' }, play: true } });
  assert.match(parseToWebview({ type: 'lab/show', section: 'playground', playground: { settings: {}, play: 1 } }) as string, /play must be a boolean/);
});

test('saved settings keep what is valid and name what was refused', () => {
  const { settings, refused } = mergePlaygroundSettings(DEFAULT_PLAYGROUND, {
    dataset: 'spiral', noise: 80, hidden: [3, 3, 3], activations: ['relu'], batchSize: 0, features: ['sinX2', 'x1'],
    own: { classification: [[1, 1, 1], [2, 2, 0]], regression: [[7, 0, 0.5]] }, bogus: 1,
  });
  assert.deepEqual(refused.sort(), ['batchSize', 'noise', 'own']);
  assert.equal(settings.dataset, 'spiral');
  assert.equal(settings.noise, 0);
  assert.deepEqual(settings.hidden, [3, 3, 3]);
  assert.deepEqual(settings.activations, ['relu', 'relu', 'relu'], 'one activation given fills every layer');
  assert.deepEqual(settings.features, ['x1', 'sinX2'], 'features in the network\'s order');
  assert.deepEqual(settings.own.classification, [], 'a point outside the plane refuses the saved points');
  assert.equal(mergePlaygroundSettings(DEFAULT_PLAYGROUND, 'not settings').refused[0], 'settings');
  assert.notEqual(mergePlaygroundSettings(DEFAULT_PLAYGROUND, {}).settings.hidden, DEFAULT_PLAYGROUND.hidden, 'a copy, never the frozen defaults');
});

test('the lab report carries the playground, validated', () => {
  const playground = { running: true, race: true, dataset: 'spiral', message: '', links: { positive: 10, negative: 6, zero: 0 }, nets: [
    { activations: ['sigmoid'], epoch: 10, trainLoss: 0.6, testLoss: null, boundaryFrames: 4, positive: 6000, negative: 4000 },
    { activations: ['relu'], epoch: 10, trainLoss: 0.1, testLoss: 0.2, boundaryFrames: 4, positive: 5000, negative: 5000 },
  ] };
  const base = { surface: 'panel', section: 'playground', charts: [], status: '' };
  assert.deepEqual(parseLabReport({ ...base, playground }), { ...base, playground });
  assert.match(parseLabReport({ ...base, playground: { ...playground, nets: [{ ...playground.nets[0], epoch: -1 }] } }) as string, /net counters must be integers/);
  assert.match(parseLabReport({ ...base, playground: { ...playground, running: 'yes' } }) as string, /running, race, dataset and message/);
  assert.match(parseLabReport({ ...base, playground: { ...playground, links: { positive: 1 } } }) as string, /links must count/);
});
