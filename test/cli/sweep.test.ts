// `actlab sweep` and `actlab train --seeds`: bad input per option, a tiny real sweep end to end
// (results.json's sweep object, the tables), resuming one cut off, and training over seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResultsFile } from '../../src/core/runs/resultsFile';
import { CliError } from '../../src/cli/command';
import { parseSweepArgs, sweepCommand, TUTORIAL_PRESET } from '../../src/cli/commands/sweep';
import { ACTLAB } from './actlabBundle';

const root = path.resolve(__dirname, '..', '..');

function actlab(args: string[]) {
  return spawnSync(process.execPath, [ACTLAB, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

test('bad options fail fast with a message naming the problem and exit status 1, before any training', async () => {
  const cases: [string[], RegExp][] = [
    [['--activations', 'nope'], /unknown activation 'nope'/],
    [['--activations', ''], /--activations: '' has an empty item/],
    [['--activations', 'relu+tanh', '--depths', '2,4'], /relu\+tanh: 2 activations, one per hidden layer, but the sweep has depths 2, 4/],
    [['--depths', '2,x'], /--depths must be an integer of at least 1, got 'x'/],
    [['--depths', '0'], /--depths must be an integer of at least 1, got '0'/],
    [['--depths', '2,2'], /--depths lists 2 twice/],
    [['--depths', '64'], /--depths must be at most 32 hidden layers, got 64/],
    [['--depths', '1,2,3,4,5,6,7,8,9'], /--depths takes at most 8 depths, got 9/],
    [['--width', '0'], /--width must be an integer of at least 1, got '0'/],
    [['--width', '5000'], /--width must be at most 4096/],
    [['--hidden', '64', '--depths', '2'], /--hidden gives one architecture: leave out --depths and --width/],
    [['--seeds', '0'], /--seeds must be an integer of at least 1, got '0'/],
    [['--seeds', '21'], /--seeds must be at most 20/],
    [['--seed=-1'], /--seed must be an integer of at least 0, got '-1'/],
    [['--epochs', 'ten'], /--epochs must be an integer of at least 1, got 'ten'/],
    [['--limit-train', '1'], /--limit-train must be an integer of at least 2/],
    [['--limit-test', '0'], /--limit-test must be an integer of at least 1/],
    [['--learning-rate', '0'], /--learning-rate must be a positive number/],
    [['--init', 'zeros'], /--init must be one of glorot_uniform, he_uniform, lecun_uniform/],
    [['--kernels', 'gpu'], /--kernels must be js or auto/],
    [['--workers', '0'], /--workers must be an integer of at least 1/],
    [['--preset', 'huge'], /--preset must be tutorial, got 'huge'/],
    [['--resume', '../x'], /--resume takes a sweep's folder name/],
    [['--resume', '--depths', '2'], /--resume continues a sweep as it was planned: leave out --depths/],
    [['--dataset', '/nonexistent/folder'], /unknown dataset '\/nonexistent\/folder'/],
    [['--custom', 'sq=x*', '--activations', 'sq'], /sq: /],
    [['--activations', 'relu,sigmoid,tanh,elu,gelu,silu,mish,selu,softplus,relu6,hard_tanh', '--depths', '1,2,3,4,5,6,7,8', '--seeds', '20'], /11 activations x 8 depths x 20 seeds is 1760 runs; a sweep takes at most 1000/],
    [['stray'], /unexpected argument 'stray'/],
  ];
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'actlab-sweep-bad-')), 'never');
  const io = { out: () => undefined, err: () => undefined };
  for (const [args, message] of cases) {
    await assert.rejects(async () => await sweepCommand.run([...args, '--out', out], io), (e: unknown) => {
      assert.ok(e instanceof CliError, `${args.join(' ')}: ${String(e)}`);
      assert.equal(e.exitCode, 1);
      assert.match(e.message, message, args.join(' '));
      return true;
    });
  }
  assert.ok(!existsSync(out), 'nothing was written');
  const nothing = mkdtempSync(path.join(tmpdir(), 'actlab-sweep-none-'));
  await assert.rejects(async () => await sweepCommand.run(['--resume', '--out', nothing], io), /nothing to resume in .*: every sweep there has finished/);
  rmSync(nothing, { recursive: true, force: true });
  const r = actlab(['sweep', '--seeds', '0']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^actlab sweep: --seeds must be an integer of at least 1, got '0'/);
});

test('the preset and the defaults: what --preset tutorial stands for, options over it', () => {
  const preset = parseSweepArgs(['--preset', 'tutorial']).plan;
  assert.deepEqual(preset.architectures.map((a) => a.length), [...TUTORIAL_PRESET.depths]);
  assert.ok(preset.architectures.flat().every((w) => w === TUTORIAL_PRESET.width));
  assert.equal(preset.activations.length, 4);
  assert.deepEqual(preset.seeds, [42, 43, 44, 45, 46].slice(0, TUTORIAL_PRESET.seeds));
  assert.deepEqual(preset.settings, { dataset: 'mnist', epochs: TUTORIAL_PRESET.epochs, limitTrain: TUTORIAL_PRESET.limitTrain, limitTest: TUTORIAL_PRESET.limitTest });
  const over = parseSweepArgs(['--preset', 'tutorial', '--seeds', '2', '--seed', '1', '--depths', '3']).plan;
  assert.deepEqual([over.seeds, over.architectures], [[1, 2], [[64, 64, 64]]]);
  const hidden = parseSweepArgs(['--hidden', '32,16', '--activations', 'relu+tanh,elu']).plan;
  assert.deepEqual(hidden.architectures, [[32, 16]]);
  assert.deepEqual(hidden.activations.map((s) => s.length), [2, 1]);
});

test('a tiny real sweep: every run trained, the sweep object in results.json, the tables on stdout; a cut-off sweep resumes', { timeout: 150_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-sweep-'));
  try {
    const r = actlab(['sweep', '--activations', 'relu,tanh', '--hidden', '16', '--seeds', '2', '--epochs', '1', '--limit-train', '500', '--limit-test', '200', '--no-report', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Test accuracy \(%\), mean ± half the 95% interval over seeds 42, 43/);
    assert.match(r.stdout, /relu\s+\d+\.\d\d ± \d+\.\d\d \(2\/2\)/);
    assert.match(r.stdout, /1\s+relu − tanh\s+[+−]?\d+\.\d\d ± \d+\.\d\d\s+(< )?0\.\d+\s+(< )?[\d.]+\s+(not distinguishable|relu better|tanh better)/);
    assert.match(r.stderr, /\[runs 4\/4, cells 2\/2, ETA [^\]]+\] /, 'progress names runs, cells and the ETA');
    const [id] = readdirSync(out).filter((n) => n !== 'latest');
    const dir = path.join(out, id);
    const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as ResultsFile;
    assert.deepEqual(results.runs.map((x) => [x.id, x.status]), [['relu-s42', 'completed'], ['tanh-s42', 'completed'], ['relu-s43', 'completed'], ['tanh-s43', 'completed']]);
    const sweep = results.sweep!;
    assert.deepEqual([sweep.depths, sweep.seeds, sweep.architectures], [[1], [42, 43], [[16]]]);
    for (const c of sweep.cells) {
      assert.equal(c.n, 2);
      assert.deepEqual(c.accuracies, c.seeds.map((s) => results.runs.find((x) => x.id === `${c.activation}-s${s}`)!.test!.accuracy));
      assert.ok(c.ci95![0] <= c.mean! && c.mean! <= c.ci95![1]);
      assert.equal(c.gradients.length, 2, 'the hidden layer and the output layer');
    }
    assert.equal(sweep.comparisons.length, 1);
    assert.equal(sweep.tests, 1);
    assert.equal(sweep.comparisons[0].pAdjusted, sweep.comparisons[0].p, 'one test: Holm changes nothing');
    // Cut off: results.json gone, one run mid-training. --resume keeps the three finished runs.
    rmSync(path.join(dir, 'results.json'));
    const record = JSON.parse(readFileSync(path.join(dir, 'runs', 'tanh-s43', 'run.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'runs', 'tanh-s43', 'run.json'), JSON.stringify({ ...record, status: 'running' }));
    const resumed = actlab(['sweep', '--resume', '--epochs', '2', '--no-report', '--out', out, '--json']);
    assert.equal(resumed.status, 0, resumed.stderr);
    const again = JSON.parse(resumed.stdout) as ResultsFile;
    assert.deepEqual(again.runs.map((x) => [x.id, x.status, x.history.length, x.resumedFromEpoch]), [
      ['relu-s42', 'completed', 2, 1], ['tanh-s42', 'completed', 2, 1], ['relu-s43', 'completed', 2, 1], ['tanh-s43', 'completed', 2, 1],
    ]);
    assert.equal(again.sweep!.cells[0].n, 2);
    const done = actlab(['sweep', '--resume', '--out', out]);
    assert.equal(done.status, 1);
    assert.match(done.stderr, /nothing to resume/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('actlab train --seeds 2: each activation over two seeds, reported as a sweep with one depth', { timeout: 120_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-seeds-'));
  try {
    const r = actlab(['train', '--activations', 'relu', '--hidden', '16', '--seeds', '2', '--seed', '5', '--epochs', '1', '--limit-train', '500', '--limit-test', '200', '--no-report', '--out', out, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as ResultsFile;
    assert.deepEqual(results.runs.map((x) => x.id), ['relu-s5', 'relu-s6']);
    assert.deepEqual(results.sweep!.cells.map((c) => [c.activation, c.depth, c.n, c.seeds]), [['relu', 1, 2, [5, 6]]]);
    assert.deepEqual(results.sweep!.comparisons, [], 'one activation: nothing to compare');
    const bad = actlab(['train', '--seeds', '99']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--seeds must be at most 20, got '99'/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
