import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimentTime, listExperiments, newExperimentId, readResultsView } from '../../src/training/experiments';

/** The one-line problem a parser returned; fails the test when it parsed instead. */
function problem(result: unknown): string {
  assert.equal(typeof result, 'string', `expected a problem, got ${JSON.stringify(result)?.slice(0, 200)}`);
  return result as string;
}

const run = (id: string, acc: number) => ({
  id, activations: [id, id], status: 'completed', dir: `runs/${id}`,
  history: [{ epoch: 1, loss: 0.3, accuracy: 0.9, val_loss: 0.2, val_accuracy: acc - 0.01, seconds: 3, layers: [{ meanAbsGradient: 0.1 }] }],
  test: { loss: 0.2, accuracy: acc, count: 100, confusion: [[1, 0], [0, 1]], misclassified: [] }, secondsPerEpoch: 3, wallSeconds: 4,
});
const file = (runs: object[]) => ({
  format: 'activation-lab/results', version: 1, createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', wallSeconds: 60,
  dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 800, validation: 200, test: 100 },
  settings: { epochs: 1, limitTrain: 1000, workers: 2 }, runs,
});

test('lists experiments newest first, reports damaged ones by name, and reads one for the charts', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-exp-'));
  try {
    for (const [id, body] of [['2025-01-01T00-00-00-000Z', JSON.stringify(file([run('relu', 0.95)]))], ['2025-01-02T00-00-00-000Z', JSON.stringify(file([run('tanh', 0.9), run('sigmoid', 0.85)]))], ['2025-01-03T00-00-00-000Z', '{ "format": "activation-lab/res']] as const) {
      mkdirSync(path.join(dir, id));
      writeFileSync(path.join(dir, id, 'results.json'), body);
    }
    mkdirSync(path.join(dir, '2025-01-04T00-00-00-000Z')); // still training: no results.json yet
    symlinkSync(path.join(dir, 'gone'), path.join(dir, '2025-01-05T00-00-00-000Z')); // a dangling link: skipped, not thrown
    const list = listExperiments(dir);
    assert.deepEqual(list.experiments.map((x) => x.id), ['2025-01-02T00-00-00-000Z', '2025-01-01T00-00-00-000Z']);
    assert.deepEqual(list.experiments[0].runs.map((r) => [r.id, r.testAccuracy]), [['tanh', 0.9], ['sigmoid', 0.85]]);
    assert.equal(list.damaged.length, 1);
    assert.match(list.damaged[0].problem, /cannot read .*results\.json/);
    const view = readResultsView(dir, '2025-01-01T00-00-00-000Z');
    assert.ok(typeof view === 'object');
    assert.equal(view.limitTrain, 1000);
    assert.equal(view.runs[0].history[0].val_accuracy, 0.94);
    assert.match(problem(readResultsView(dir, '../etc')), /bad experiment id/);
    assert.match(problem(readResultsView(dir, 'nope')), /cannot read/);
    assert.deepEqual(listExperiments(path.join(dir, 'missing')).experiments, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a results.json of another format or with a broken run is named, not drawn', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-exp-'));
  try {
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'results.json'), JSON.stringify({ format: 'other', version: 1 }));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'b', 'results.json'), JSON.stringify(file([{ ...run('relu', 0.9), status: 'weird' }])));
    assert.match(problem(readResultsView(dir, 'a')), /not an activation-lab\/results version 1 file/);
    assert.match(problem(readResultsView(dir, 'b')), /bad status/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an experiment id reads back as the time it was started; another folder name as none', () => {
  const when = new Date('2026-11-30T05:28:45.573Z');
  const id = newExperimentId(() => false, when);
  assert.equal(experimentTime(id), when.toISOString());
  assert.equal(experimentTime(newExperimentId((x) => x === id, when)), when.toISOString(), 'a second one in the same millisecond');
  for (const other of ['my-run', '2026-11-30', '', '2026-11-30T05:28:45.573Z']) assert.equal(experimentTime(other), undefined, other);
});
