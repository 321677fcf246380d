import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateLab, waitFor } from './helpers';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

describe('Activation Lab in a real VS Code extension host', () => {
  it('activates and exposes its test handle', async () => {
    const api = await activateLab();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(typeof api.labPanel, 'function');
  });

  it('registers every command declared in package.json', async () => {
    await activateLab();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('"Open Lab" opens a webview whose script runs and answers a message', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    assert.equal(panel.panel.viewType, 'activationLab.lab');
    const ms = await panel.ping();
    assert.ok(ms >= 0 && ms < 10_000);
    // A second Open Lab reveals the same panel instead of opening another.
    await vscode.commands.executeCommand('activationLab.openLab');
    assert.equal(api.labPanel(), panel);
  });

  it('the sidebar view resolves and its script answers', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('workbench.view.extension.activationLab');
    await waitFor('the sidebar view to resolve', () => (api.sidebar.isResolved ? true : undefined));
    const ms = await api.sidebar.ping();
    assert.ok(ms >= 0);
  });
});
