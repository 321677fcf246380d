// The training vocabulary's parsers: run specs, run events, and the messages to a worker and to
// the training process. Each accepts the valid form as it is and names what is wrong otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeConfig } from '../../src/core/train/config';
import { parseToPoolProcess } from '../../src/protocol/poolProcess';
import { parseRunEvent, parseRunSpec, parseTrainingEvent } from '../../src/protocol/training';
import { parseToWorker } from '../../src/protocol/worker';

const config = makeConfig({ epochs: 1 });
const epoch = { epoch: 1, loss: 0.3, accuracy: 0.9, seconds: 3, layers: [{ meanAbsGradient: 0.01 }], learnedParams: [{ alpha: 0.2 }] };

test('run events: each type with its fields passes unchanged; anything else gives a reason', () => {
  const good = [
    { type: 'run/queued', runId: 'relu' },
    { type: 'run/started', runId: 'relu', kernels: 'wasm-simd', paramCount: 109386 },
    { type: 'run/started', runId: 'relu', kernels: 'js', paramCount: 1, resumedFromEpoch: 1, history: [epoch], notes: ['a note'] },
    { type: 'run/progress', runId: 'relu', progress: { epoch: 1, epochs: 2, batch: 3, batches: 4, loss: 0.5, accuracy: 0.8, examplesPerSecond: 900 } },
    { type: 'run/epoch', runId: 'relu', metrics: epoch },
    { type: 'run/end', runId: 'relu', outcome: { status: 'diverged', history: [], divergence: { epoch: 1, batch: 2, loss: NaN }, wallSeconds: 1 } },
  ];
  for (const e of good) assert.deepEqual(parseRunEvent(e), e, e.type);
  const bad: [unknown, RegExp][] = [
    [42, /not an object/],
    [{ type: 'run/fly', runId: 'r' }, /unknown run event type "run\/fly"/],
    [{ type: 'run/queued' }, /runId must be one path segment/],
    [{ type: 'run/queued', runId: '../x' }, /runId must be one path segment/],
    [{ type: 'run/end', runId: 'r', outcome: { status: 'running', history: [] } }, /bad status "running"/],
    [{ type: 'run/end', runId: 'r', outcome: { status: 'failed' } }, /history: not an array/],
    [{ type: 'run/epoch', runId: 'r' }, /run\/epoch r: epoch metrics are not an object/],
    [{ type: 'run/progress', runId: 'r', progress: 1 }, /run\/progress r: progress is not an object/],
    [{ type: 'run/started', runId: 'r', kernels: 'cuda', paramCount: 1 }, /unknown kernels "cuda"/],
    [{ type: 'run/epoch', runId: 'r', metrics: { ...epoch, learnedParams: [{ 'a b': 1 }] } }, /bad learned parameter/],
    [{ type: 'job/started' }, /unknown run event type "job\/started"/],
  ];
  for (const [raw, why] of bad) assert.match(parseRunEvent(raw) as string, why, JSON.stringify(raw));
  assert.match(parseTrainingEvent({ type: 'job/started' }) as string, /job is not an object/);
});

test('run specs: a run id that is one path segment, a config naming its data', () => {
  const spec = { runId: 'relu', config, runDir: '/tmp/x', resume: true };
  assert.equal(parseRunSpec(spec), spec);
  const bad: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ config }, /runId must be one path segment/],
    [{ runId: 'a/b', config }, /one path segment/],
    [{ runId: '..', config }, /one path segment/],
    [{ runId: '.', config }, /one path segment/],
    [{ runId: 'a\\b', config }, /one path segment/],
    [{ runId: 'r' }, /config must be an object/],
    [{ runId: 'r', config: { ...config, dataset: ' ' } }, /config.dataset must name the data/],
    [{ runId: 'r', config, runDir: 3 }, /runDir must be a string/],
    [{ runId: 'r', config, fault: { kind: 'explode' } }, /bad fault/],
  ];
  for (const [raw, why] of bad) assert.match(parseRunSpec(raw) as string, why, JSON.stringify(raw)?.slice(0, 80));
});

test('messages to a worker: a spec, a dataset, a shared cancel flag and known kernels', () => {
  const message = { type: 'run/start', spec: { runId: 'r', config }, dataset: {}, cancelFlag: new Int32Array(new SharedArrayBuffer(4)), kernels: 'auto' };
  assert.equal(parseToWorker(message), message);
  assert.match(parseToWorker({ ...message, cancelFlag: new Int32Array(1) }) as string, /SharedArrayBuffer/);
  assert.match(parseToWorker({ ...message, kernels: 'gpu' }) as string, /unknown kernels "gpu"/);
  assert.match(parseToWorker({ ...message, dataset: null }) as string, /dataset must be an object/);
  assert.match(parseToWorker({ ...message, spec: { runId: 'r' } }) as string, /run\/start: spec r: config must be an object/);
  assert.match(parseToWorker({ type: 'worker/ping' }) as string, /unknown message type "worker\/ping"/);
});

test('messages to the training process: each type with its fields passes, anything else gives a reason', () => {
  const init = { type: 'pool/init', options: { maxWorkers: 2, kernels: 'auto' } };
  assert.equal(parseToPoolProcess(init), init);
  const start = { type: 'run/start', spec: { runId: 'relu', config, runDir: '/tmp/x' } };
  assert.deepEqual(parseToPoolProcess(start), start);
  assert.deepEqual(parseToPoolProcess({ type: 'run/cancel', runId: 'relu' }), { type: 'run/cancel', runId: 'relu' });
  assert.deepEqual(parseToPoolProcess({ type: 'pool/shutdown', extra: 1 }), { type: 'pool/shutdown' });
  const bad: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ type: 'pool/launch' }, /unknown message type "pool\/launch"/],
    [{ type: 'pool/init', options: { maxWorkers: 0 } }, /maxWorkers must be a positive integer/],
    [{ type: 'pool/init', options: { maxWorkers: 1, kernels: 'gpu' } }, /unknown kernels "gpu"/],
    [{ type: 'pool/init', options: { maxWorkers: 1, cancelGraceMs: -1 } }, /cancelGraceMs/],
    [{ type: 'run/start', spec: { config } }, /runId must be one path segment/],
    [{ type: 'run/start', spec: { runId: 'r' } }, /run\/start: spec r: config must be an object/],
    [{ type: 'run/cancel' }, /run\/cancel: runId must be a string/],
  ];
  for (const [raw, why] of bad) assert.match(parseToPoolProcess(raw) as string, why, JSON.stringify(raw));
});
