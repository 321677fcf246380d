// The Playground in a real VS Code: the command opens the section and its worker trains inside the
// webview (the panel's CSP lets the blob: worker start there); Play trains the spiral with tanh
// until the test loss falls below 0.1; a race of sigmoid and relu draws two boundaries; and the
// host's export writes an ONNX file whose onnxruntime outputs match the network's on a grid.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LabReport, PlaygroundReport } from '../../../src/protocol/messages';
import { generateDataset, splitTrainTest } from '../../../src/core/playground/data';
import { featureMatrix, gridPoints } from '../../../src/core/playground/features';
import { modelOf } from '../../../src/core/playground/model';
import { PlaygroundTrainer } from '../../../src/core/playground/trainer';
import { exportPlaygroundModel } from '../../../src/host/playgroundExport';
import { activateLab, waitFor } from './helpers';

type Panel = NonNullable<ReturnType<Awaited<ReturnType<typeof activateLab>>['labPanel']>>;

async function playground(panel: Panel, check: (p: PlaygroundReport, r: LabReport) => boolean, what: string, timeoutMs = 60_000): Promise<PlaygroundReport> {
  return waitFor(what, async () => {
    const r = await panel.query();
    return r.section === 'playground' && r.playground && check(r.playground, r) ? r.playground : undefined;
  }, timeoutMs);
}

describe('The Playground in a real VS Code', () => {
  it('"Open Playground" opens the section and its worker draws the first boundary', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openPlayground');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    const p = await playground(panel, (x) => (x.nets[0]?.boundaryFrames ?? 0) > 0, 'the first boundary drawn by the worker');
    assert.equal(p.message, '', `no error shown: ${p.message}`);
    assert.ok(p.nets[0].positive + p.nets[0].negative === 100 * 100, 'a 100×100 boundary');
  });

  it('Play trains the spiral with tanh until the test loss falls below 0.1', async function () {
    this.timeout(240_000);
    const api = await activateLab();
    const t0 = Date.now();
    await vscode.commands.executeCommand('activationLab.openPlayground', {
      dataset: 'spiral', noise: 0, features: ['x1', 'x2', 'sinX1', 'sinX2'], hidden: [8, 8], activation: 'tanh',
      race: false, learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', speed: 'fast', play: true,
    });
    const panel = await waitFor('the lab panel', () => api.labPanel());
    const p = await playground(panel, (x) => x.dataset === 'spiral' && x.nets[0].testLoss !== null && x.nets[0].testLoss < 0.1, 'test loss below 0.1', 200_000);
    const net = p.nets[0];
    assert.deepEqual(net.activations, ['tanh', 'tanh']);
    assert.ok(p.running, 'still playing');
    assert.ok(net.trainLoss !== null && net.trainLoss < 0.1);
    console.log(`      spiral, tanh 8-8 on x1 x2 sin x1 sin x2: test loss ${net.testLoss!.toFixed(4)} at epoch ${net.epoch}, ${((Date.now() - t0) / 1000).toFixed(1)} s after the command, ${net.boundaryFrames} frames drawn`);
  });

  it('a race of sigmoid and relu shows two boundaries', async function () {
    this.timeout(120_000);
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openPlayground', {
      dataset: 'spiral', hidden: [8, 8], activation: 'sigmoid', race: 'relu', speed: 'fast', play: true,
    });
    const panel = await waitFor('the lab panel', () => api.labPanel());
    const p = await playground(panel, (x) => x.race && x.nets.length === 2 && x.nets.every((n) => n.epoch >= 50 && n.boundaryFrames > 2), 'both networks past epoch 50');
    assert.deepEqual(p.nets.map((n) => n.activations), [['sigmoid', 'sigmoid'], ['relu', 'relu']]);
    for (const n of p.nets) assert.equal(n.positive + n.negative, 100 * 100, 'each boundary is drawn in full');
    assert.equal(p.nets[0].epoch, p.nets[1].epoch, 'they train in step');
    console.log(`      race at epoch ${p.nets[0].epoch}: sigmoid test loss ${p.nets[0].testLoss?.toFixed(3)}, relu ${p.nets[1].testLoss?.toFixed(3)}`);
  });

  it('the host exports a playground model to ONNX and onnxruntime reproduces it on a grid; a malformed export is ignored', async () => {
    const api = await activateLab();
    const data = splitTrainTest(generateDataset('circle', { noise: 10, seed: 2 }), 50, 2);
    const t = new PlaygroundTrainer({ task: 'classification', features: ['x1', 'x2', 'x1Squared', 'sinX2'], hidden: [4, 3], activations: [{ id: 'tanh' }, { id: 'gelu' }] },
      { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', regularization: 'none', regularizationRate: 0 }, data, 2);
    for (let e = 0; e < 10; e++) t.trainEpoch();
    const xy = gridPoints(21);
    const outputs = Array.from(t.network.forward(featureMatrix(xy, 441, t.spec.features), 441));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-playground-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'circle.onnx'));
      const log = vscode.window.createOutputChannel('Activation Lab playground test', { log: true });
      const r = await exportPlaygroundModel(modelOf(t.network), { points: Array.from(xy), outputs }, log, target);
      log.dispose();
      assert.ok(r && r.ok, JSON.stringify(r));
      assert.equal(r.points, 441);
      assert.ok(existsSync(target.fsPath) && statSync(target.fsPath).size > 200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await vscode.commands.executeCommand('activationLab.openPlayground');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    panel.receiveFromPage({ type: 'playground/export', model: { task: 'classification', features: ['x9'], hidden: [], activations: [], params: [] }, check: { points: [], outputs: [] } });
    assert.ok((await panel.ping()) >= 0, 'the panel still answers');
  });
});
