import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TrainingEvent } from '../../../src/protocol/training';
import { activateLab, dismissUntilSettled } from './helpers';

describe('Training from VS Code (workers, never the host thread)', () => {
  it('trains a quick relu run in a worker and writes results and a report', async () => {
    const api = await activateLab();
    const epochs: number[] = [];
    const sub = api.training.onEvent((e) => { if (e.type === 'run/epoch') epochs.push(e.metrics.epoch); });
    // The host's event loop keeps turning while the worker trains: count timer ticks.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const t0 = Date.now();
    const job = await api.training.train([{ id: 'relu' }], { epochs: 1, limitTrain: 3000, limitTest: 1000 });
    clearInterval(timer);
    sub.dispose();
    assert.ok(job, 'the training job gave no result');
    const run = job.results.runs[0];
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.history.length, 1);
    assert.ok(run.test && run.test.accuracy > 0.7, `test accuracy ${run.test?.accuracy}`);
    assert.deepEqual(epochs, [1]);
    assert.ok(existsSync(path.join(job.outDir, 'results.json')));
    assert.ok(existsSync(path.join(job.outDir, 'report.html')));
    const elapsed = Date.now() - t0;
    assert.ok(ticks >= Math.floor(elapsed / 50 / 4), `the host thread was blocked: ${ticks} ticks in ${elapsed} ms`);
  });

  it('the job\'s owner announces it and says how it ended; its snapshot is what a page opened now would draw', async () => {
    const api = await activateLab();
    const events: TrainingEvent[] = [];
    const sub = api.training.onEvent((e) => events.push(e));
    const job = await api.training.train([{ id: 'tanh' }, { id: 'relu' }], { epochs: 1, limitTrain: 1000, limitTest: 200 });
    sub.dispose();
    assert.ok(job);
    const first = events[0];
    const last = events[events.length - 1];
    assert.ok(first?.type === 'job/started', `first event ${first?.type}`);
    assert.deepEqual(first.job.runs.map((r) => r.runId), ['tanh', 'relu']);
    assert.equal(first.job.id, path.basename(job.outDir));
    assert.deepEqual(last, { type: 'job/ended', jobId: first.job.id, status: 'completed', hasResults: true });
    for (const id of ['tanh', 'relu']) {
      const types = events.filter((e) => e.type.startsWith('run/') && (e as { runId: string }).runId === id && e.type !== 'run/progress').map((e) => e.type);
      assert.deepEqual(types, ['run/queued', 'run/started', 'run/epoch', 'run/end'], id);
    }
    const snapshot = api.training.current!;
    assert.equal(snapshot.job.id, first.job.id);
    assert.deepEqual(snapshot.ended, { status: 'completed', hasResults: true });
    assert.deepEqual(snapshot.runs.map((r) => [r.id, r.status, r.history.length, r.test?.accuracy]), job.results.runs.map((r) => [r.id, r.status, 1, r.test?.accuracy]));
  });

  it('"Stop Training" cancels a running job and keeps what finished', async () => {
    const api = await activateLab();
    const job = api.training.train([{ id: 'sigmoid' }], { epochs: 5 });
    await new Promise<void>((resolve) => {
      const sub = api.training.onEvent((e) => { if (e.type === 'run/progress') { sub.dispose(); resolve(); } });
    });
    const t0 = Date.now();
    assert.equal(await vscode.commands.executeCommand('activationLab.stopTraining'), true);
    const result = await job;
    assert.ok(Date.now() - t0 < 5000, `stopping took ${Date.now() - t0} ms`);
    assert.equal(result?.results.runs[0]?.status, 'cancelled');
    assert.equal(api.training.isRunning, false);
    assert.equal(api.training.current?.ended?.status, 'cancelled', 'the job says it was stopped');
    assert.equal(await vscode.commands.executeCommand('activationLab.stopTraining'), false);
  });

  it('"Train on MNIST" does nothing when its picker is cancelled', async () => {
    const api = await activateLab();
    assert.equal(await dismissUntilSettled('Train on MNIST', vscode.commands.executeCommand('activationLab.trainOnMnist')), undefined);
    assert.equal(api.training.isRunning, false);
  });

  it('a dataset folder without IDX files fails before any run starts, and the next job still works', async () => {
    const api = await activateLab();
    const config = vscode.workspace.getConfiguration('activationLab');
    const empty = mkdtempSync(path.join(os.tmpdir(), 'actlab-empty-'));
    await config.update('dataset.path', empty, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await api.training.train([{ id: 'relu' }], { epochs: 1, limitTrain: 1000 }), undefined);
      assert.equal(api.training.isRunning, false);
    } finally {
      await config.update('dataset.path', undefined, vscode.ConfigurationTarget.Global);
    }
    const job = await api.training.train([{ id: 'relu' }], { epochs: 1, limitTrain: 1000, limitTest: 200 });
    assert.equal(job?.results.runs[0]?.status, 'completed');
  });

  it('an experiment cut off mid-training is found and resumes from its checkpoints, keeping finished runs', async () => {
    const api = await activateLab();
    // Two runs: relu finishes, tanh is stopped after its first epoch; then make the folder look
    // like a crash left it (tanh's run.json still "running", no results.json).
    const first = api.training.train([{ id: 'relu' }, { id: 'tanh' }], { epochs: 3, limitTrain: 10000, limitTest: 300 });
    await new Promise<void>((resolve) => {
      const sub = api.training.onEvent((e) => {
        if (e.type === 'run/epoch' && e.runId === 'tanh') { sub.dispose(); resolve(); }
      });
    });
    void vscode.commands.executeCommand('activationLab.stopTraining');
    const stopped = await first;
    assert.ok(stopped);
    const tanhDir = path.join(stopped.outDir, 'runs', 'tanh');
    const runFile = path.join(tanhDir, 'run.json');
    const record = JSON.parse(readFileSync(runFile, 'utf8')) as Record<string, unknown>;
    assert.equal(record.status, 'cancelled', 'the stop came after tanh had finished');
    writeFileSync(runFile, JSON.stringify({ ...record, status: 'running' }));
    rmSync(path.join(stopped.outDir, 'results.json'));
    assert.deepEqual(api.training.interruptedExperiments(), [stopped.outDir]);

    const resumed = await api.training.resume(stopped.outDir);
    assert.ok(resumed);
    const byId = Object.fromEntries(resumed.results.runs.map((r) => [r.id, r]));
    assert.equal(byId.tanh?.status, 'completed', byId.tanh?.error);
    assert.deepEqual(byId.tanh?.history.map((h) => h.epoch), [1, 2, 3]);
    assert.ok((byId.tanh?.resumedFromEpoch ?? 0) >= 1);
    assert.equal(byId.relu?.status, 'completed', byId.relu?.error);
    assert.deepEqual(api.training.interruptedExperiments(), []);
  });
});
