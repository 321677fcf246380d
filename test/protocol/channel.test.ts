// One Channel over every transport the lab uses: in memory (what a webview's two sides do, in
// order and asynchronously), a worker_threads Worker and a forked child process. The same
// checks run on each: request and reply by id, dispatch by type, malformed messages dropped and
// reported in one place, a request that is never answered rejects, dispose rejects what waits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Channel, type Transport } from '../../src/protocol/channel';
import { childProcessTransport, workerTransport } from '../../src/training/transports';
import { JUNK, parseFromEcho, serveEcho, type FromEcho, type ToEcho } from './fixtures/echoProtocol';

/** Two transports joined back to back, delivering asynchronously in order (as postMessage does). */
function memoryPair(): [Transport, Transport] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const side = (mine: 0 | 1): Transport => ({
    send: (m) => {
      const copy = structuredClone(m);
      setImmediate(() => { for (const l of listeners[1 - mine]) l(copy); });
    },
    listen(receive) {
      listeners[mine].add(receive);
      return () => listeners[mine].delete(receive);
    },
  });
  return [side(0), side(1)];
}

interface Setup {
  transport: Transport;
  close: () => Promise<void>;
}

const transports: Record<string, () => Setup> = {
  memory: () => {
    const [a, b] = memoryPair();
    const server = serveEcho(b, JUNK);
    return { transport: a, close: () => Promise.resolve(server.dispose()) };
  },
  worker_threads: () => {
    const source = path.join(__dirname, 'fixtures', 'echoWorker.ts');
    const worker = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(source)});`, { eval: true });
    return { transport: workerTransport(worker), close: async () => { await worker.terminate(); } };
  },
  child_process: () => {
    const child = fork(path.join(__dirname, 'fixtures', 'echoProcess.ts'), [], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return {
      transport: childProcessTransport(child),
      close: () => new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
    };
  },
};

for (const [name, setup] of Object.entries(transports)) {
  test(`channel over ${name}: replies by id, dispatch by type, bad messages dropped in one place`, async () => {
    const { transport, close } = setup();
    const invalid: string[] = [];
    const notes: string[] = [];
    const channel = new Channel<FromEcho, ToEcho>(transport, { parse: parseFromEcho, onInvalid: (problem) => invalid.push(problem), requestTimeoutMs: 20_000 });
    channel.on('echo/note', (m) => notes.push(m.text));
    let pongs = 0;
    channel.on('echo/pong', () => pongs++);
    try {
      const replies = await Promise.all([3, 5, 7].map((value) => channel.request((requestId) => ({ type: 'echo/ping', requestId, value }), 'echo/pong')));
      assert.deepEqual(replies.map((r) => r.value), [6, 10, 14], 'each reply matched to its own request');
      assert.deepEqual(notes.sort(), ['got 3', 'got 5', 'got 7']);
      assert.equal(pongs, 3, 'type handlers see replies too');
      // Every junk value of the three rounds was reported and none reached a handler.
      assert.equal(invalid.length, 3 * JUNK.length, invalid.join('\n'));
      assert.ok(invalid.some((p) => /unknown message "hack"/.test(p)));
      // A request never answered rejects, naming what it waited for.
      await assert.rejects(channel.request((requestId) => ({ type: 'echo/silence', requestId }), 'echo/pong', 300), /no echo\/pong reply to echo\/silence within 300 ms/);
      // Disposing rejects what still waits; later sends are dropped.
      const pending = channel.request((requestId) => ({ type: 'echo/silence', requestId }), 'echo/pong', 20_000);
      channel.dispose();
      await assert.rejects(pending, /the channel closed before a echo\/pong reply/);
      await assert.rejects(channel.request((requestId) => ({ type: 'echo/ping', requestId, value: 1 }), 'echo/pong'), /the channel is closed/);
    } finally {
      channel.dispose();
      await close();
    }
  });
}

test('a handler that throws is reported and the other handlers still get the message', async () => {
  const [a, b] = memoryPair();
  const errors: string[] = [];
  const channel = new Channel<FromEcho, ToEcho>(a, { parse: parseFromEcho, onHandlerError: (type, e) => errors.push(`${type}: ${(e as Error).message}`) });
  const seen: string[] = [];
  channel.on('echo/note', () => { throw new Error('boom'); });
  channel.on('echo/note', (m) => seen.push(m.text));
  const server = serveEcho(b, []);
  try {
    await channel.request((requestId) => ({ type: 'echo/ping', requestId, value: 1 }), 'echo/pong');
    assert.deepEqual(seen, ['got 1']);
    assert.deepEqual(errors, ['echo/note: boom']);
  } finally {
    channel.dispose();
    server.dispose();
  }
});
