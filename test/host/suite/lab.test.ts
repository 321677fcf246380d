import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LabReport } from '../../../src/protocol/messages';
import { activateLab, waitFor } from './helpers';

const chart = (r: LabReport, id: string) => r.charts.find((c) => c.id === id);

describe('The lab webviews in a real VS Code', () => {
  it('"Open Lab" shows the panel with the function plots drawn', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    const report = await waitFor('the function plots', async () => {
      const r = await panel.query();
      return r.section === 'functions' && (chart(r, 'plot')?.marks ?? 0) > 0 ? r : undefined;
    });
    for (const id of ['plot', 'compare', 'saturation', 'gradientFlow', 'custom']) {
      assert.ok((chart(report, id)?.marks ?? 0) > 0, `${id} has marks: ${JSON.stringify(report.charts)}`);
    }
  });

  it('"Open Lab" from a hover link with the code\'s parameters, or malformed ones, shows the plot', async () => {
    const api = await activateLab();
    // What a Keras `LeakyReLU(alpha=0.3)` hover passes, then arguments no hover would make.
    for (const args of [
      { activation: 'leaky_relu', framework: 'keras', params: { alpha: 0.3 } },
      { activation: 'leaky_relu', params: { 'not a name': 1 } },
      { activation: 'elu', params: { alpha: 'big' } },
    ]) {
      await vscode.commands.executeCommand('activationLab.openLab', args);
      const panel = await waitFor('the lab panel', () => api.labPanel());
      await waitFor(`the plot for ${JSON.stringify(args)}`, async () => {
        const r = await panel.query();
        return r.section === 'functions' && (chart(r, 'plot')?.marks ?? 0) > 0 ? r : undefined;
      });
    }
  });

  it('the sidebar resolves and draws a small plot per activation', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('workbench.view.extension.activationLab');
    await waitFor('the sidebar view to resolve', () => (api.sidebar.isResolved ? true : undefined));
    const report = await waitFor('the sparklines', async () => {
      const r = await api.sidebar.query();
      return (chart(r, 'sparklines')?.rows ?? 0) >= 26 ? r : undefined;
    });
    assert.equal(report.surface, 'sidebar');
  });

  it('a short training run started from the page ends with its accuracy curve drawn', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    panel.show('train');
    await waitFor('the train section', async () => ((await panel.query()).section === 'train' ? true : undefined));
    // Exactly what the page's Train button posts (validated on the way in).
    panel.receiveFromPage({ type: 'train/start', activations: ['relu'], epochs: 1, limitTrain: 1000 });
    await waitFor('training to start', () => (api.training.isRunning ? true : undefined), 10_000);
    await waitFor('training to end', () => (api.training.isRunning ? undefined : true), 120_000);
    const report = await waitFor('the accuracy curve', async () => {
      const r = await panel.query();
      const acc = chart(r, 'train-accuracy');
      return acc && acc.rows >= 2 && acc.marks > 0 && (chart(r, 'train-confusion')?.marks ?? 0) >= 100 ? r : undefined;
    }, 30_000);
    // Embedded when the section was drawn and once more when the job's runs were known; epochs only change the dataset.
    assert.ok(chart(report, 'train-accuracy')!.embeds <= 2, `embeds: ${chart(report, 'train-accuracy')!.embeds}`);
    // The status line names every run by its display name, with its test accuracy and the images it was measured on.
    assert.match(report.status, /ReLU \d+\.\d\d% on [\d,]+/);
  });

  it('a malformed message from the page is ignored and the panel keeps answering', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openLab');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    for (const m of [null, { type: 'train/start', activations: ['relu'], epochs: 1e9 }, { type: 'runs/open', id: '../../x' }, { type: 'chart/export', format: 'svg', name: 'x', data: '<script>' }]) {
      panel.receiveFromPage(m);
    }
    assert.equal(api.training.isRunning, false);
    assert.ok((await panel.ping()) >= 0);
  });

  it('a reloaded page comes back at the section it showed (the page owns its section)', async () => {
    const api = await activateLab();
    await vscode.commands.executeCommand('activationLab.openGuide');
    const panel = await waitFor('the lab panel', () => api.labPanel());
    await waitFor('the guide', async () => ((await panel.query()).section === 'guide' ? true : undefined));
    const reloaded = new Promise<void>((resolve) => {
      const sub = panel.onMessage((m) => { if (m.type === 'webview/ready') { sub.dispose(); resolve(); } });
    });
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await reloaded;
    // The reloaded page shows what it saved, not the host's default.
    const report = await waitFor('the reloaded page', async () => {
      const r = await panel.query();
      return r.section === 'guide' ? r : undefined;
    });
    assert.equal(report.surface, 'panel');
  });
});
