import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateLab, dismissUntilSettled } from './helpers';
import { evaluateTable, parseNumberList, parseParams, parseParamsFor } from '../../../src/host/activationCommands';
import { removeRun, storedRuns } from '../../../src/training/experiments';
import { getActivation } from '../../../src/core/activations/registry';


describe('Commands', () => {
  it('every declared command runs without throwing when its pickers are dismissed', async function () {
    this.timeout(120_000);
    await activateLab();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) {
      // Every picker and input box of a multi-step command is dismissed as it appears.
      const result = await dismissUntilSettled(command, vscode.commands.executeCommand(command)).then(() => 'ok', (e: unknown) => `threw: ${e instanceof Error ? e.message : String(e)}`);
      assert.equal(result, 'ok', `${command} ${result}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('number lists and parameters are parsed strictly, with a reason for bad input', () => {
    assert.deepEqual(parseNumberList(' -1, 0 ,2.5e-1 '), [-1, 0, 0.25]);
    for (const bad of ['', ',', 'abc', '1,,x', '1e999', 'NaN', 'Infinity', '0x10', '1 2']) {
      assert.equal(typeof parseNumberList(bad), 'string', bad);
    }
    // null-prototype records (a parameter may be named __proto__): compare the values
    assert.deepEqual({ ...(parseParams('alpha=0.1, beta = 2') as object) }, { alpha: 0.1, beta: 2 });
    assert.deepEqual({ ...(parseParams('') as object) }, {});
    for (const bad of ['alpha', '1a=2', 'alpha=x', 'alpha=1=2', 'alpha=1, alpha=2']) assert.equal(typeof parseParams(bad), 'string', bad);
  });

  it('Evaluate Activation at x: the lines actlab eval prints, in the display language, with the activation and its parameters named', () => {
    const cells = (lines: string[]) => lines.slice(2).map((l) => l.trim().split(/\s+/));
    const relu = evaluateTable(getActivation('relu'), [-1, 0, 2], {}, 'en');
    assert.deepEqual(relu.slice(0, 2), ['relu (no parameters)', '  ReLU(x) = max(0, x)']);
    assert.deepEqual(cells(relu), [['x', 'f(x)', "f'(x)"], ['-1', '0', '0'], ['0', '0', '0'], ['2', '2', '1']]);
    // The parameters asked for are the ones used (leaky_relu(-2) = alpha * -2), and named in the heading.
    const leaky = evaluateTable(getActivation('leaky_relu'), [-2, 3], { alpha: 0.3 }, 'en');
    assert.equal(leaky[0], 'leaky_relu (alpha=0.3)');
    assert.deepEqual(cells(leaky).slice(1), [['-2', '-0.6', '0.3'], ['3', '3', '1']]);
    // In Chinese the words change and the numbers do not.
    const leakyZh = evaluateTable(getActivation('leaky_relu'), [-2, 3], { alpha: 0.3 }, 'zh-cn');
    assert.equal(leakyZh[0], 'leaky_relu（alpha=0.3）');
    assert.equal(leakyZh[1], '  LeakyReLU(x)：x > 0 时为 x，否则为 αx');
    assert.deepEqual(cells(leakyZh), [['x', 'f(x)', 'f′(x)'], ...cells(leaky).slice(1)]);
    // softmax of a vector: softmax([1000, 1001]) = [1/(1+e), e/(1+e)], the diagonal p(1-p).
    const softLines = evaluateTable(getActivation('softmax'), [1000, 1001], {}, 'en');
    const soft = cells(softLines.slice(0, 5));
    assert.deepEqual(soft.slice(1).map((r) => r[1]), ['0.26894142', '0.73105858']);
    // and the whole Jacobian after the table: p(1-p) on the diagonal, -p_i p_j off it
    assert.equal(softLines[5], 'Jacobian (row i: ∂fᵢ/∂xⱼ):');
    assert.deepEqual(softLines.slice(6).map((l) => l.trim().split(/\s+/)), [['0.19661193', '-0.19661193'], ['-0.19661193', '0.19661193']]);
    assert.equal(soft[1][2], '0.19661193');
    assert.equal(typeof parseParamsFor(getActivation('leaky_relu'), 'beta=2'), 'string', 'a name the activation lacks');
    assert.equal(typeof parseParamsFor(getActivation('hardtanh'), 'min_val=2, max_val=1'), 'string', 'a combination it refuses');
    assert.deepEqual({ ...(parseParamsFor(getActivation('elu'), 'alpha=0.5') as object) }, { alpha: 0.5 });
  });

  it('Delete Run removes the folder and its results.json entry, and survives a damaged results.json', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'actlab-runs-'));
    const exp = path.join(root, '2026-01-01');
    for (const id of ['relu', 'tanh']) {
      mkdirSync(path.join(exp, 'runs', id), { recursive: true });
      writeFileSync(path.join(exp, 'runs', id, 'run.json'), '{}');
    }
    writeFileSync(path.join(exp, 'results.json'), JSON.stringify({ runs: [{ id: 'relu', dir: 'runs/relu' }, { id: 'tanh', dir: 'runs/tanh' }] }));
    const runs = storedRuns(root);
    assert.equal(runs.length, 2);
    assert.ok(runs.every((r) => r.error), 'an empty run.json must load as damaged, not as a run');
    removeRun(runs.find((r) => r.dir.endsWith('relu'))!);
    assert.ok(!existsSync(path.join(exp, 'runs', 'relu')));
    assert.deepEqual((JSON.parse(readFileSync(path.join(exp, 'results.json'), 'utf8')) as { runs: { id: string }[] }).runs.map((r) => r.id), ['tanh']);
    writeFileSync(path.join(exp, 'results.json'), '{ not json');
    removeRun(storedRuns(root)[0]);
    assert.equal(readFileSync(path.join(exp, 'results.json'), 'utf8'), '{ not json');
    assert.equal(storedRuns(root).length, 0);
  });
});
