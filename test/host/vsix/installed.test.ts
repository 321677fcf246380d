import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateLab, waitFor } from '../suite/helpers';

describe('Activation Lab installed from its VSIX', () => {
  it('is installed from the extensions folder, not a development path', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the VSIX-installed extension is not visible');
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(!ext.extensionPath.includes(`${path.sep}test${path.sep}host`), ext.extensionPath);
    assert.match(path.basename(ext.extensionPath), /^activation-lab\.activation-lab-\d+\.\d+\.\d+/);
  });

  it('activates, registers its commands and opens the lab', async () => {
    const api = await activateLab();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((c) => !registered.has(c)), []);
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    assert.ok((await panel.ping()) >= 0);
  });

  it('carries onnxruntime-node for linux-x64 only, and it loads', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const bin = path.join(ext.extensionPath, 'node_modules', 'onnxruntime-node', 'bin');
    const napi = readdirSync(bin);
    assert.ok(napi.length > 0);
    for (const v of napi) assert.deepEqual(readdirSync(path.join(bin, v)), ['linux']);
    assert.ok(!existsSync(path.join(ext.extensionPath, 'src')), 'sources are in the VSIX');
    assert.ok(!existsSync(path.join(ext.extensionPath, 'test')), 'tests are in the VSIX');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ort = require(path.join(ext.extensionPath, 'node_modules', 'onnxruntime-node')) as { Tensor: new (t: string, d: Float32Array, s: number[]) => { dims: readonly number[] } };
    assert.deepEqual(new ort.Tensor('float32', new Float32Array(4), [2, 2]).dims, [2, 2]);
  });

  it('trains from the MNIST copy and the worker bundle inside the VSIX', async () => {
    const api = await activateLab();
    const job = await api.training.train([{ id: 'tanh' }], { epochs: 1, limitTrain: 2000, limitTest: 500 });
    const run = job?.results.runs[0];
    assert.equal(run?.status, 'completed', run?.error);
    assert.ok(run?.test && run.test.accuracy > 0.6, `test accuracy ${run?.test?.accuracy}`);
    assert.ok(existsSync(path.join(job!.outDir, 'report.html')));
  });
});
