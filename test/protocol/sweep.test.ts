// The sweep's messages at the boundary: sweep/start, train/start with seeds and train/resume are
// checked on the way into the host, the grid in job/started on the way into the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview } from '../../src/protocol/messages';
import { parseSweepGrid } from '../../src/protocol/training';
import { durationText, etaSeconds, jobProgress, applyTrainingEvent } from '../../src/protocol/jobSnapshot';

/** The one-line problem a parser returned; fails the test when it parsed instead. */
function problem(result: unknown): string {
  assert.equal(typeof result, 'string', `expected a problem, got ${JSON.stringify(result)?.slice(0, 200)}`);
  return result as string;
}

const good = { type: 'sweep/start', activations: ['relu', 'sigmoid'], depths: [2, 8], width: 64, seeds: 3, epochs: 2, limitTrain: 1000 };

test('sweep/start: a good one passes as it is; each bad field is named', () => {
  assert.deepEqual(parseFromWebview(good), good);
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ activations: [] }, /activations: must have 1 to/],
    [{ activations: ['relu', 'relu'] }, /activations repeat/],
    [{ activations: ['<script>'] }, /activations: item 0/],
    [{ depths: [] }, /depths: must have 1 to 8 items/],
    [{ depths: [0] }, /depth must be an integer from 1 to 32/],
    [{ depths: [2, 2] }, /depths repeat/],
    [{ width: 0 }, /width must be an integer from 1 to 4096/],
    [{ seeds: 21 }, /seeds must be an integer from 1 to 20/],
    [{ epochs: 1.5 }, /epochs must be an integer/],
    [{ limitTrain: 5 }, /limitTrain must be an integer from 100/],
  ];
  for (const [over, message] of bad) {
    const r = parseFromWebview({ ...good, ...over });
    assert.equal(typeof r, 'string', JSON.stringify(over));
    assert.match(r as string, message);
  }
  assert.match(problem(parseFromWebview({ ...good, activations: Array.from({ length: 12 }, (_, i) => `a${i}`), depths: [1, 2, 3, 4, 5, 6, 7, 8], seeds: 11 })), /1056 runs; a sweep takes at most 1000/);
});

test('train/start takes seeds from 1 to 20; train/resume takes one experiment folder name', () => {
  assert.deepEqual(parseFromWebview({ type: 'train/start', activations: ['relu'], epochs: 1, seeds: 5 }), { type: 'train/start', activations: ['relu'], epochs: 1, seeds: 5 });
  assert.match(problem(parseFromWebview({ type: 'train/start', activations: ['relu'], epochs: 1, seeds: 0 })), /seeds must be an integer from 1 to 20/);
  assert.deepEqual(parseFromWebview({ type: 'train/resume', id: '2026-01-01T00-00-00-000Z' }), { type: 'train/resume', id: '2026-01-01T00-00-00-000Z' });
  for (const id of ['..', '../x', '', 5]) assert.match(problem(parseFromWebview({ type: 'train/resume', id })), /bad experiment id/);
});

test("a sweep's grid: runs must name cells on its axes", () => {
  const grid = { activations: ['relu'], depths: [2], seeds: [1, 2], runs: [{ runId: 'relu-s1', activation: 'relu', depth: 2, seed: 1 }] };
  assert.deepEqual(parseSweepGrid(grid), grid);
  assert.match(problem(parseSweepGrid({ ...grid, runs: [{ ...grid.runs[0], depth: 3 }] })), /depth is not one of the grid's/);
  assert.match(problem(parseSweepGrid({ ...grid, runs: [{ ...grid.runs[0], runId: '../x' }] })), /run needs a runId/);
  assert.match(problem(parseSweepGrid({ ...grid, depths: [99] })), /depth must be an integer from 1 to 32/);
});

test('progress: runs and cells done, the share of epochs trained, and an ETA from the pace', () => {
  const grid = { activations: ['relu', 'tanh'], depths: [2], seeds: [1, 2], runs: ['relu-s1', 'tanh-s1', 'relu-s2', 'tanh-s2'].map((runId) => ({ runId, activation: runId.split('-')[0], depth: 2, seed: Number(runId.at(-1)) })) };
  let s = applyTrainingEvent(undefined, { type: 'job/started', job: { id: 'j', kind: 'sweep', epochs: 2, startedAt: '', runs: grid.runs.map((r) => ({ runId: r.runId, activations: [r.activation] })), sweep: grid } });
  const end = (runId: string) => ({ type: 'run/end' as const, runId, outcome: { status: 'completed' as const, history: [] } });
  s = applyTrainingEvent(s, end('relu-s1'));
  s = applyTrainingEvent(s, end('relu-s2'));
  s = applyTrainingEvent(s, { type: 'run/epoch', runId: 'tanh-s1', metrics: { epoch: 1, loss: 1, accuracy: 0.5, seconds: 1, layers: [] } });
  const p = jobProgress(s!);
  assert.deepEqual(p, { runsDone: 2, runs: 4, cellsDone: 1, cells: 2, running: ['tanh-s1'], fraction: (1 + 1 + 0.5 + 0) / 4, epochsFraction: (1 + 1 + 0.5 + 0) / 4 });
  assert.equal(etaSeconds(50, 0.625), 30);
  assert.equal(etaSeconds(50, 0.625, 0.5), 150, 'a resumed job counts its pace from where it started');
  assert.equal(etaSeconds(10, 0), undefined);
  assert.deepEqual([durationText(42.4), durationText(125), durationText(3725)], ['42 s', '2 min 05 s', '1 h 02 min']);
});
