import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LabReport } from '../../../src/protocol/messages';
import type { TrainingEvent } from '../../../src/protocol/training';
import { storedRuns } from '../../../src/training/experiments';
import { acceptUntilSettled, activateLab, dismissUntilSettled, waitFor } from './helpers';

const chart = (r: LabReport, id: string) => r.charts.find((c) => c.id === id);

describe('Reports inside VS Code and the status bar', () => {
  let experiment = '';

  it('the status bar shows a job\'s progress while it trains and opens the lab; then it offers the newest report', async function () {
    this.timeout(180_000);
    const api = await activateLab();
    const bar = api.statusBar;
    const seen: { text: string; command: string | undefined; args: unknown[] }[] = [];
    const sub = api.training.onEvent((e: TrainingEvent) => {
      // Each event has been folded into the snapshot the item reads: what it shows right after.
      if (e.type === 'run/epoch' || e.type === 'run/progress') seen.push({ text: bar.item.text, command: bar.command?.command, args: bar.command?.arguments ?? [] });
    });
    const job = await api.training.train([{ id: 'relu' }, { id: 'tanh' }], { epochs: 1, limitTrain: 1000, limitTest: 200 });
    sub.dispose();
    assert.ok(job, 'the job gave no result');
    experiment = path.basename(job.outDir);
    const during = seen.at(-1);
    assert.ok(during, 'the item was looked at while the job trained');
    assert.match(during.text, /^\$\(loading~spin\) Training \d+% \(\d\/2 runs\)$/);
    assert.equal(during.command, 'activationLab.openLab');
    assert.deepEqual(during.args, [{ section: 'train' }]);
    // Idle: the newest experiment's report.
    const idle = await waitFor('the idle item', () => (bar.command?.command === 'activationLab.openReport' ? bar.command : undefined));
    assert.deepEqual(idle.arguments, [{ experiment }]);
    assert.match(bar.item.text, /Last report/);
    // Clicking it runs that command: the report opens in VS Code.
    await vscode.commands.executeCommand(idle.command, ...idle.arguments);
    await waitFor('the report panel on the newest experiment', () => (api.reports.current === experiment ? true : undefined));
    const report = await waitFor('the report\'s charts', async () => {
      const r = await api.reports.query();
      return r.surface === 'report' && (chart(r, 'report-accuracy')?.marks ?? 0) > 0 ? r : undefined;
    }, 60_000);
    assert.equal(chart(report, 'report-accuracy')!.rows, 2 * 2, 'two runs, one epoch, train and validation');
  });

  it('"Show Runs" opens the picked run\'s report inside VS Code, drawn by the lab\'s page', async function () {
    this.timeout(120_000);
    const api = await activateLab();
    assert.ok(experiment, 'the previous test trained an experiment');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the report panel closed', () => (api.reports.current === undefined ? true : undefined));
    // The run as the command's argument (what the picker would return); the palette's picker is tested below.
    const run = await vscode.commands.executeCommand<{ dir: string; experimentDir: string } | undefined>('activationLab.showRuns', { experiment, run: 'tanh' });
    assert.ok(run, 'Show Runs found the run');
    assert.equal(path.basename(run.dir), 'tanh');
    await waitFor('the report panel', () => (api.reports.current === experiment ? true : undefined));
    const report = await waitFor('the report drawn', async () => {
      const r = await api.reports.query();
      return (chart(r, 'report-accuracy')?.marks ?? 0) > 0 && (chart(r, 'report-confusion')?.marks ?? 0) >= 100 ? r : undefined;
    }, 60_000); // a fresh webview draws six charts: on a machine busy with other test layers that took over 30 s once
    assert.equal(report.surface, 'report');
    for (const id of ['report-loss', 'report-seconds', 'report-layers']) assert.ok((chart(report, id)?.marks ?? 0) > 0, `${id}: ${JSON.stringify(report.charts)}`);
    // This window is the browser-served VS Code: a local file cannot be handed to the user's browser, so it is not offered.
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(await api.reports.openExternal(experiment), false);
  });

  it('"Show Runs" refuses a malformed or unknown run, and from the palette it shows its picker', async () => {
    const api = await activateLab();
    const before = api.reports.current;
    for (const bad of [{ experiment: '../..' }, { experiment, run: 'no-such-run' }, { experiment: 'no-such-experiment' }, 'relu']) {
      assert.equal(await vscode.commands.executeCommand('activationLab.showRuns', bad), undefined, JSON.stringify(bad));
    }
    assert.equal(api.reports.current, before, 'nothing else opened');
    assert.equal(await dismissUntilSettled('Show Runs from the palette', vscode.commands.executeCommand('activationLab.showRuns')), undefined);
  });

  it('"Delete Run": Enter at every step keeps the run (the confirmation\'s first choice is Cancel)', async () => {
    const api = await activateLab();
    const before = storedRuns(api.training.experimentsDir).map((r) => r.dir);
    assert.ok(before.length > 0);
    assert.equal(await acceptUntilSettled('Delete Run', vscode.commands.executeCommand('activationLab.deleteRun')), undefined);
    assert.deepEqual(storedRuns(api.training.experimentsDir).map((r) => r.dir), before, 'nothing deleted');
  });
});
