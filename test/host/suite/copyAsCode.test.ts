// "Copy as Code" and the walkthrough in the real extension host: the command with the arguments
// a hover link or the lab page passes (activation, custom activation, run folder; clipboard or a
// new Python editor), and every walkthrough step's button naming a command that exists.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { CUSTOM_ACTIVATIONS_SETTING } from '../../../src/host/settings';
import { EXTENSION_ID, activateLab } from './helpers';

interface WalkthroughStep { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }
interface Manifest { contributes: { walkthroughs: { id: string; steps: WalkthroughStep[] }[] } }

const copyAsCode = (args: unknown) => vscode.commands.executeCommand<string | undefined>('activationLab.copyAsCode', args);

describe('Copy as Code', () => {
  const dirs: string[] = [];
  before(async () => {
    await activateLab();
  });
  after(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await vscode.workspace.getConfiguration().update(CUSTOM_ACTIVATIONS_SETTING, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("a hover link's arguments (Keras's LeakyReLU, alpha 0.3) give Keras code in a new Python editor", async () => {
    const code = await copyAsCode({ activation: 'leaky_relu', params: { alpha: 0.3 }, framework: 'keras', destination: 'editor' });
    assert.ok(code, 'the command returns the code');
    assert.match(code, /def f\(x, alpha=0\.3\):[\s\S]*tf\.nn\.leaky_relu\(x, alpha=alpha\)/);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled);
    assert.equal(editor.document.languageId, 'python');
    assert.equal(editor.document.getText(), code);
  });

  it('TensorFlow code in a hover gets Keras code; the clipboard gets it when asked', async () => {
    const code = await copyAsCode({ activation: 'gelu', framework: 'tensorflow', destination: 'clipboard' });
    assert.ok(code);
    assert.match(code, /tf\.nn\.gelu\(x, approximate=False\)/);
    assert.equal(await vscode.env.clipboard.readText(), code);
  });

  it("a custom activation from the settings, by name, as PyTorch", async () => {
    await vscode.workspace.getConfiguration().update(CUSTOM_ACTIVATIONS_SETTING, [{ name: 'softclip', expression: 'k*x/(1 + abs(x))', params: { k: 2 } }], vscode.ConfigurationTarget.Global);
    const code = await copyAsCode({ activation: 'softclip', framework: 'pytorch', destination: 'editor' });
    assert.ok(code);
    assert.match(code, /def f\(x, k=2\.0\):[\s\S]*return k \* x \/ \(1\.0 \+ torch\.abs\(x\)\)/);
  });

  it('a run folder as a JAX script', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-code-run-'));
    dirs.push(dir);
    const run = path.join(dir, 'runs', 'tanh');
    mkdirSync(run, { recursive: true });
    const config = {
      dataset: 'mnist', hidden: [128, 64], activations: [{ id: 'tanh' }, { id: 'tanh' }], epochs: 2, batchSize: 32, validationSplit: 0.2,
      learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, init: 'glorot_uniform', seed: 7, shuffle: true, evalBatchSize: 256, misclassifiedToKeep: 16,
    };
    writeFileSync(path.join(run, 'run.json'), JSON.stringify({ format: 'activation-lab/run', version: 1, id: 'tanh', activations: ['tanh', 'tanh'], status: 'completed', history: [], config }));
    const code = await copyAsCode({ run, framework: 'jax', destination: 'editor' });
    assert.ok(code);
    assert.match(code, /def tanh\(x\):[\s\S]*jnp\.tanh\(x\)/);
    assert.match(code, /SEED = 7/);
    assert.match(code, /print\(f'test_accuracy=\{test_accuracy:\.4f\}'\)/);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), code);
  });

  it('an unknown activation or a damaged run folder fails with a message and opens nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await copyAsCode({ activation: 'no_such_activation', framework: 'jax', destination: 'editor' }), undefined);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-code-bad-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'run.json'), '{ damaged');
    assert.equal(await copyAsCode({ run: dir, framework: 'pytorch', destination: 'editor' }), undefined);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});

describe('The walkthrough', () => {
  it("is contributed, and every step's buttons and completion events name commands that exist", async () => {
    await activateLab();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (ext.packageJSON as Manifest).contributes.walkthroughs;
    assert.equal(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    assert.ok(steps.length >= 8, `${steps.length} steps`);
    // The manifest may arrive with its %keys% or already localized.
    const nls = JSON.parse(readFileSync(path.join(ext.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = (s: string) => (/^%(.+)%$/.test(s) ? nls[s.slice(1, -1)] : s);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const commands = [
        ...[...text(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]),
        ...(step.completionEvents ?? []).map((e) => e.replace(/^onCommand:/, '')),
      ];
      assert.ok(commands.length >= 2, step.id);
      for (const c of commands) assert.ok(registered.has(c), `${step.id}: ${c} is not a command`);
      assert.ok(step.media.markdown, step.id);
      assert.ok(readFileSync(path.join(ext.extensionPath, step.media.markdown), 'utf8').startsWith('# '), step.media.markdown);
    }
    // Opening it by id does not throw (VS Code shows the Welcome page at this walkthrough).
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthroughs[0].id}`, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
