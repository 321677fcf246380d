// The messages and command arguments the first-use fixes added: train settings, reports, the
// report surface's state, the Runs list's details; each valid form parses, each bad one is refused
// with a reason. And how far a job is, every run counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpenSectionArgs, parseReportArgs } from '../../src/protocol/commandArgs';
import { jobProgress, type JobSnapshot } from '../../src/protocol/jobSnapshot';
import { parseFromWebview, parseToWebview } from '../../src/protocol/messages';
import { parseExperimentSummary, parseResultsView } from '../../src/protocol/validate';

test('train/start carries the network\'s settings within their bounds', () => {
  const raw = { type: 'train/start', activations: ['relu', 'swish2'], epochs: 2, limitTrain: 6000, hidden: [256, 128, 64], learningRate: 0.0005, batchSize: 64 };
  assert.deepEqual(parseFromWebview(raw), raw);
  for (const bad of [
    { hidden: [] }, { hidden: [128, 64, 32, 16, 8] }, { hidden: [0] }, { hidden: [1025] }, { hidden: [12.5] }, { hidden: '128' },
    { learningRate: 0 }, { learningRate: -1e-3 }, { learningRate: 2 }, { learningRate: Number.NaN }, { learningRate: '0.001' },
    { batchSize: 0 }, { batchSize: 4097 }, { batchSize: 3.5 },
  ]) {
    const got = parseFromWebview({ type: 'train/start', activations: ['relu'], epochs: 1, ...bad });
    assert.equal(typeof got, 'string', JSON.stringify(bad));
    assert.match(got as string, /^train\/start: (hidden|learningRate|batchSize)/);
  }
});

test('report messages name one experiment folder', () => {
  for (const type of ['report/open', 'report/openExternal']) {
    assert.deepEqual(parseFromWebview({ type, id: '2026-01-01T00-00-00-000Z' }), { type, id: '2026-01-01T00-00-00-000Z' });
    for (const id of ['..', '../x', 'a/b', '', 3, undefined]) assert.equal(typeof parseFromWebview({ type, id }), 'string', `${type} ${String(id)}`);
  }
  assert.deepEqual(parseFromWebview({ type: 'webview/ready', surface: 'report' }), { type: 'webview/ready', surface: 'report' });
});

test('the report surface\'s state: an experiment and a run, each one path segment; whether a browser can open the file', () => {
  const state = { surface: 'report', locale: 'en', version: '1', experiment: '2026-01-01T00-00-00-000Z', run: 'relu', canOpenExternal: false };
  assert.deepEqual(parseToWebview({ type: 'lab/state', state }), { type: 'lab/state', state });
  for (const bad of [{ experiment: '../x' }, { run: 'a/b' }, { canOpenExternal: 'yes' }, { surface: 'window' }]) {
    assert.equal(typeof parseToWebview({ type: 'lab/state', state: { ...state, ...bad } }), 'string', JSON.stringify(bad));
  }
});

test('command arguments: a section for Open Lab; { experiment, run? } for Show Runs and Open Report', () => {
  assert.equal(parseOpenSectionArgs({ section: 'train' }), 'train');
  assert.equal(parseOpenSectionArgs({ section: 'nowhere' }), undefined);
  assert.equal(parseOpenSectionArgs({ activation: 'relu' }), undefined);
  assert.deepEqual(parseReportArgs({ experiment: '2026-01-01T00-00-00-000Z', run: 'relu' }), { experiment: '2026-01-01T00-00-00-000Z', run: 'relu' });
  assert.deepEqual(parseReportArgs({ experiment: 'x' }), { experiment: 'x' });
  for (const bad of [undefined, null, 'x', {}, { experiment: '..' }, { experiment: '../../etc' }, { experiment: 'x', run: '../y' }, { experiment: 'x', run: 3 }]) {
    assert.equal(parseReportArgs(bad), undefined, JSON.stringify(bad));
  }
});

test('the Runs list\'s details and the report\'s settings and ONNX checks are checked; a malformed ONNX entry is left out', () => {
  const summary = { id: 'e', createdAt: 'c', dataset: 'mnist', epochs: 5, runs: [{ id: 'relu', status: 'cancelled', testAccuracy: null, valAccuracy: 0.9, activations: ['relu', 'relu'], epochsDone: 2 }] };
  assert.deepEqual(parseExperimentSummary(summary), summary);
  assert.equal(typeof parseExperimentSummary({ ...summary, runs: [{ ...summary.runs[0], epochsDone: -1 }] }), 'string');
  assert.equal(typeof parseExperimentSummary({ ...summary, runs: [{ ...summary.runs[0], testCount: 'many' }] }), 'string');
  const view = parseResultsView({
    createdAt: 'c', finishedAt: 'f', wallSeconds: 12.5, epochs: 1,
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 48000, validation: 12000, test: 10000 },
    settings: { hidden: [128, 64], learningRate: 0.001, batchSize: 32, seed: 42, validationSplit: 0.2, epsilon: 1e-7 },
    runs: [
      { id: 'relu', activations: ['relu', 'relu'], status: 'completed', history: [], test: null, secondsPerEpoch: null, onnx: { passed: true, opset: 17, count: 10000, maxAbsDiff: 1e-7, onnxAccuracy: 0.97 } },
      { id: 'tanh', activations: ['tanh', 'tanh'], status: 'completed', history: [], test: null, secondsPerEpoch: null, onnx: { passed: 'yes' } },
    ],
  });
  assert.ok(typeof view === 'object');
  assert.deepEqual(view.settings, { hidden: [128, 64], learningRate: 0.001, batchSize: 32, seed: 42, validationSplit: 0.2 });
  assert.deepEqual(Object.keys(view.onnx ?? {}), ['relu']);
  assert.equal(view.finishedAt, 'f');
});

test('a job\'s progress counts every run: ended runs, the share of work done (an epoch in progress by its batches, an ended run whole), who is training', () => {
  const job = { id: 'j', kind: 'train' as const, epochs: 5, startedAt: 's', runs: [] };
  const s: JobSnapshot = {
    job,
    runs: [
      { id: 'relu', activations: [], status: 'completed', history: [1, 2, 3, 4, 5].map((epoch) => ({ epoch, loss: 0, accuracy: 0, seconds: 1, layers: [] })), test: null, secondsPerEpoch: 1 },
      { id: 'tanh', activations: [], status: 'running', history: [{ epoch: 1, loss: 0, accuracy: 0, seconds: 1, layers: [] }], test: null, secondsPerEpoch: 1, progress: { epoch: 2, epochs: 5, batch: 50, batches: 100, loss: 0, accuracy: 0, examplesPerSecond: 0 } },
      { id: 'sigmoid', activations: [], status: 'cancelled', history: [], test: null, secondsPerEpoch: null },
      { id: 'elu', activations: [], status: 'queued', history: [], test: null, secondsPerEpoch: null },
    ],
  };
  const p = jobProgress(s);
  assert.equal(p.runsDone, 2);
  assert.equal(p.runs, 4);
  assert.deepEqual(p.running, ['tanh']);
  // an ended run has no work left, whatever it did (1); tanh is 1.5 of its 5 epochs in (0.3)
  assert.equal(p.fraction, (1 + 0.3 + 1 + 0) / 4);
  // what was trained: (5 + 1.5 + 0 + 0) epochs of 4 × 5
  assert.equal(p.epochsFraction, 6.5 / 20);
});
