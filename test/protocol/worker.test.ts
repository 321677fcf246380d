import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWorker, parseToWorker } from '../../src/protocol/worker';
import { makeConfig } from '../../src/core/train/config';

test('worker messages: known types with a run id pass, anything else gives a reason', () => {
  assert.deepEqual(parseFromWorker({ type: 'worker/pong' }), { type: 'worker/pong' });
  const epoch = { type: 'run/epoch', runId: 'relu', metrics: { epoch: 1 } };
  assert.equal(parseFromWorker(epoch), epoch);
  for (const bad of [null, 3, {}, { type: 'run/epoch' }, { type: 'run/explode', runId: 'x' }]) {
    assert.equal(typeof parseFromWorker(bad), 'string', JSON.stringify(bad));
  }
});

test('run/start needs its request and a shared cancel flag', () => {
  const request = { runId: 'r', config: makeConfig(), dataset: {}, cancelFlag: new Int32Array(new SharedArrayBuffer(4)) };
  const ok = parseToWorker({ type: 'run/start', request });
  assert.equal(typeof ok, 'object');
  assert.match(parseToWorker({ type: 'run/start', request: { ...request, cancelFlag: new Int32Array(1) } }) as string, /SharedArrayBuffer/);
  assert.match(parseToWorker({ type: 'run/start', request: { runId: 'r' } }) as string, /needs runId, config and dataset/);
  assert.match(parseToWorker({ type: 'run/go' }) as string, /unknown message type "run\/go"/);
  assert.deepEqual(parseToWorker({ type: 'worker/ping' }), { type: 'worker/ping' });
});
