import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ResultsFile } from '../../../src/core/runs/resultsFile';
import type { TrainingEvent } from '../../../src/protocol/training';
import { activateLab, waitFor } from './helpers';

describe('Sweeps from the lab page', () => {
  it('a tiny sweep started by the page message runs through the controller, fills the page grid and ends with its statistics', async function () {
    this.timeout(180_000);
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    panel.show('sweep');
    await waitFor('the sweep section', async () => ((await panel.query()).section === 'sweep' ? true : undefined));
    const events: TrainingEvent[] = [];
    const sub = api.training.onEvent((e) => events.push(e));
    // Exactly what the page's Start button posts (validated on the way in).
    panel.receiveFromPage({ type: 'sweep/start', activations: ['relu', 'tanh'], depths: [1, 2], width: 8, seeds: 2, epochs: 1, limitTrain: 200 });
    await waitFor('the sweep to start', () => (api.training.isRunning ? true : undefined), 10_000);
    const ended = await waitFor('the sweep to end', () => events.find((e) => e.type === 'job/ended'), 150_000);
    sub.dispose();
    const started = events.find((e) => e.type === 'job/started');
    assert.ok(started?.type === 'job/started' && started.job.kind === 'sweep');
    assert.equal(started.job.runs.length, 8);
    assert.deepEqual(started.job.sweep?.depths, [1, 2]);
    assert.deepEqual(ended, { type: 'job/ended', jobId: started.job.id, status: 'completed', hasResults: true });
    const file = path.join(api.training.experimentsDir, started.job.id, 'results.json');
    assert.ok(existsSync(file));
    const results = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
    assert.deepEqual(results.sweep?.cells.map((c) => [c.activation, c.depth, c.n]), [['relu', 1, 2], ['tanh', 1, 2], ['relu', 2, 2], ['tanh', 2, 2]]);
    assert.equal(results.sweep?.comparisons.length, 2);
    // The page drew the sweep's charts from the same events.
    const report = await waitFor('the sweep charts', async () => {
      const r = await panel.query();
      const acc = r.charts.find((c) => c.id === 'sweep-sweep-accuracy');
      return acc && acc.rows === 4 && acc.marks >= 4 ? r : undefined;
    }, 30_000);
    assert.equal(report.section, 'sweep');
    assert.equal(api.training.current?.job.kind, 'sweep');
  });
});
