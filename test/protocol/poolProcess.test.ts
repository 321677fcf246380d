import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeConfig } from '../../src/core/train/config';
import { parseFromPoolProcess, parseToPoolProcess } from '../../src/protocol/poolProcess';

test('messages to the training process: each type with its fields passes, anything else gives a reason', () => {
  const init = { type: 'pool/init', options: { maxWorkers: 2, kernels: 'auto' } };
  assert.equal(parseToPoolProcess(init), init);
  const start = { type: 'pool/start', spec: { runId: 'relu', config: makeConfig(), datasetSpec: 'mnist', runDir: '/tmp/x' } };
  assert.equal(parseToPoolProcess(start), start);
  assert.deepEqual(parseToPoolProcess({ type: 'pool/cancel', runId: 'relu' }), { type: 'pool/cancel', runId: 'relu' });
  assert.deepEqual(parseToPoolProcess({ type: 'pool/shutdown', extra: 1 }), { type: 'pool/shutdown' });
  const bad: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ type: 'pool/launch' }, /unknown message type "pool\/launch"/],
    [{ type: 'pool/init', options: { maxWorkers: 0 } }, /maxWorkers must be a positive integer/],
    [{ type: 'pool/init', options: { maxWorkers: 1, kernels: 'gpu' } }, /unknown kernels "gpu"/],
    [{ type: 'pool/start', spec: { config: {}, datasetSpec: 'mnist' } }, /runId must be a non-empty string/],
    [{ type: 'pool/start', spec: { runId: 'r', datasetSpec: 'mnist' } }, /pool\/start r: spec.config must be an object/],
    [{ type: 'pool/start', spec: { runId: 'r', config: {}, datasetSpec: ' ' } }, /datasetSpec must be a non-empty string/],
    [{ type: 'pool/start', spec: { runId: 'r', config: {}, datasetSpec: 'mnist', runDir: 3 } }, /runDir must be a string/],
    [{ type: 'pool/cancel' }, /pool\/cancel: runId must be a string/],
  ];
  for (const [raw, why] of bad) assert.match(parseToPoolProcess(raw) as string, why, JSON.stringify(raw));
});

test('messages from the training process: pool events with a run id, run/end with a final status', () => {
  const end = { type: 'pool/event', event: { type: 'run/end', runId: 'r', result: { runId: 'r', status: 'failed', history: [], wallSeconds: 0 } } };
  assert.equal(parseFromPoolProcess(end), end);
  const epoch = { type: 'pool/event', event: { type: 'run/epoch', runId: 'r', metrics: { epoch: 1 } } };
  assert.equal(parseFromPoolProcess(epoch), epoch);
  const bad: [unknown, RegExp][] = [
    [42, /not an object/],
    [{ type: 'run/end', runId: 'r' }, /unknown training process message type "run\/end"/],
    [{ type: 'pool/event', event: { type: 'run/fly', runId: 'r' } }, /unknown event "run\/fly"/],
    [{ type: 'pool/event', event: { type: 'run/queued' } }, /run\/queued: missing runId/],
    [{ type: 'pool/event', event: { type: 'run/end', runId: 'r', result: { status: 'running', history: [] } } }, /needs a final status/],
    [{ type: 'pool/event', event: { type: 'run/end', runId: 'r', result: { status: 'failed' } } }, /needs a final status and a history/],
    [{ type: 'pool/event', event: { type: 'run/epoch', runId: 'r' } }, /missing metrics/],
    [{ type: 'pool/event', event: { type: 'run/progress', runId: 'r', progress: 1 } }, /missing progress/],
  ];
  for (const [raw, why] of bad) assert.match(parseFromPoolProcess(raw) as string, why, JSON.stringify(raw));
});
