// `actlab train` end to end, as it ships (dist/cli.js, its workers dist/worker.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResultsFile } from '../../src/core/runs/resultsFile';
import { parseTrainArgs, trainCommand } from '../../src/cli/commands/train';
import { CliError } from '../../src/cli/command';
import { ACTLAB } from './actlabBundle';

const root = path.resolve(__dirname, '..', '..');

function actlab(args: string[]) {
  return spawnSync(process.execPath, [ACTLAB, ...args], {
    cwd: root, encoding: 'utf8', timeout: 120_000,
  });
}

test('actlab train --activations relu --epochs 1 --limit-train 5000 --json writes results.json and report.html', { timeout: 120_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-cli-'));
  try {
    const r = actlab(['train', '--activations', 'relu', '--epochs', '1', '--limit-train', '5000', '--out', out, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as ResultsFile;
    const saved = JSON.parse(readFileSync(path.join(out, 'latest', 'results.json'), 'utf8')) as ResultsFile;
    assert.deepEqual(printed, saved);
    assert.equal(saved.runs.length, 1);
    const run = saved.runs[0];
    assert.equal(run.id, 'relu');
    assert.deepEqual(run.activations, ['relu', 'relu']);
    assert.equal(run.status, 'completed');
    assert.equal(run.history.length, 1);
    for (const k of ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds'] as const) assert.equal(typeof run.history[0][k], 'number', k);
    assert.ok(run.test!.accuracy > 0.85, `test accuracy ${run.test!.accuracy}`);
    assert.equal(run.test!.count, 10000);
    assert.deepEqual([saved.dataset.train, saved.dataset.validation, saved.dataset.test], [4000, 1000, 10000]);
    assert.ok(existsSync(path.join(out, 'latest', 'report.html')));
    assert.ok(existsSync(path.join(out, 'latest', 'runs', 'relu', 'weights.bin')));
    assert.ok(existsSync(path.join(out, 'latest', 'runs', 'relu', 'checkpoint.bin')));
    assert.match(r.stderr, /relu: epoch 1\/1 loss [\d.]+ accuracy [\d.]+ val_loss [\d.]+ val_accuracy [\d.]+/, 'progress on stderr');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

const bundle = path.join(root, 'dist', 'cli.js');
test('the bundled CLI (dist/cli.js), run from another folder, trains in dist/worker.js and finds MNIST and the vega builds from the bundle', { timeout: 120_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-bundle-'));
  try {
    const r = spawnSync(process.execPath, [bundle, 'train', '--activations', 'tanh', '--epochs', '1', '--limit-train', '1000', '--limit-test', '500', '--out', out, '--json'], {
      cwd: tmpdir(), encoding: 'utf8', timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as ResultsFile;
    assert.equal(results.runs[0].status, 'completed');
    assert.equal(results.runs[0].test!.count, 500);
    assert.ok(existsSync(path.join(out, 'latest', 'report.html')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('bad options fail fast with a message naming the problem, before any training', async () => {
  const cases: [string[], RegExp][] = [
    [['--activations', 'nope'], /unknown activation 'nope'; known: sigmoid, tanh, relu/],
    [['--activations', 'relu+'], /--activations: 'relu\+' has an empty item around a \+/],
    [['--activations', 'relu,,tanh'], /--activations: 'relu,,tanh' has an empty item between the ,s/],
    [['--activations', 'tanh(2*x)'], /'tanh\(2\*x\)' is an expression: name it with --custom NAME=EXPRESSION/],
    [['--custom', 'sq=x*x', '--custom', 'sq=x^2', '--activations', 'sq'], /custom activation sq is defined twice/],
    [['--custom', 'relu=x', '--activations', 'relu'], /custom activation name 'relu' is taken by the built-in relu/],
    [['--activations', 'relu,tanh', '--learn', 'beta'], /--learn beta: no activation of this experiment has this parameter/],
    [['--activations', 'silu', '--learn', 'beta,'], /--learn: 'beta,' has an empty item/],
    [['--epochs', '0'], /--epochs must be an integer of at least 1, got '0'/],
    [['--epochs', 'ten'], /--epochs must be an integer of at least 1, got 'ten'/],
    [['--hidden', '128,x'], /--hidden must be an integer/],
    [['--activations', 'relu+tanh+elu'], /3 activations for 2 hidden layers/],
    [['--activations', 'leaky_relu(alpha=big)'], /invalid expression 'leaky_relu\(alpha=big\)': '=' is not an operator at column 17/],
    [['--activations', 'leaky_relu(alpha=-1)'], /parameter alpha of leaky_relu must be in/],
    [['--custom', 'sq=x*', '--activations', 'sq'], /custom activation sq: invalid expression 'x\*': unexpected end of expression at column 3/],
    [['--dataset', '/nonexistent/folder'], /unknown dataset '\/nonexistent\/folder'/],
    [['--kernels', 'gpu'], /--kernels must be js or auto/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ];
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'actlab-bad-')), 'never');
  const io = { out: () => undefined, err: () => undefined };
  for (const [args, message] of cases) {
    await assert.rejects(async () => await trainCommand.run([...args, '--out', out], io), (e: unknown) => {
      assert.ok(e instanceof CliError, String(e));
      assert.match(e.message, message, args.join(' '));
      return true;
    });
  }
  assert.ok(!existsSync(out));
  // and through the real entry point: a non-zero exit and the message on stderr
  const r = actlab(['train', '--epochs', '0']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^actlab train: --epochs must be an integer of at least 1, got '0'/);
});

test('the default plan is the tutorial experiment; mixed stacks, parameters and custom activations parse', () => {
  const args = parseTrainArgs([]);
  assert.deepEqual(args.plan.runs.map((r) => r.runId), ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
  assert.equal(path.basename(args.experimentsDir), 'lab-output');
  assert.equal(args.resume, undefined);
  assert.deepEqual(args.plan.settings, { hidden: [128, 64], dataset: 'mnist' });
  const mixed = parseTrainArgs(['--activations', 'relu+tanh,leaky_relu(alpha=0.3),sq', '--custom', 'sq=x*x', '--hidden', '32,16', '--seed', '0']).plan;
  assert.deepEqual(mixed.runs.map((r) => r.runId), ['relu+tanh', 'leaky_relu-alpha0.3', 'sq']);
  // parameters are null-prototype records (a parameter may be named __proto__): compare the values
  assert.deepEqual(JSON.parse(JSON.stringify(mixed.runs[1].activations[0])), { id: 'leaky_relu', params: { alpha: 0.3 } });
  assert.deepEqual(JSON.parse(JSON.stringify(mixed.runs[2].activations[0])), { custom: { name: 'sq', expression: 'x*x', params: {} } });
  assert.deepEqual(mixed.settings, { hidden: [32, 16], seed: 0, dataset: 'mnist' });
  assert.throws(() => parseTrainArgs(['--custom', 'sq=x*x', '--custom', 'sq=x^2']), /custom activation sq is defined twice/);
  assert.equal(parseTrainArgs(['--resume']).resume, '');
  assert.equal(parseTrainArgs(['--resume', '--epochs', '3']).resume, '');
  assert.equal(parseTrainArgs(['--resume', '2026-01-01T00-00-00-000Z']).resume, '2026-01-01T00-00-00-000Z');
  assert.throws(() => parseTrainArgs(['--resume', '../x']), /--resume takes an experiment's folder name/);
  assert.throws(() => parseTrainArgs(['--resume', '--activations', 'relu']), /--resume continues an experiment as it was planned: leave out --activations/);
});

test('each run of the command is a new experiment: an earlier one is never replaced, latest points at the newest; --resume continues one cut off', { timeout: 240_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-twice-'));
  try {
    const args = ['train', '--activations', 'relu', '--epochs', '1', '--limit-train', '500', '--limit-test', '100', '--no-onnx', '--out', out];
    const first = actlab(args);
    assert.equal(first.status, 0, first.stderr);
    const [firstId] = readdirSync(out).filter((n) => n !== 'latest');
    const firstResults = readFileSync(path.join(out, firstId, 'results.json'), 'utf8');
    const firstWeights = readFileSync(path.join(out, firstId, 'runs', 'relu', 'weights.bin'));
    const second = actlab([...args.slice(0, 2), 'tanh', ...args.slice(3)]);
    assert.equal(second.status, 0, second.stderr);
    const ids = readdirSync(out).filter((n) => n !== 'latest').sort();
    assert.equal(ids.length, 2, `two experiments: ${ids.join(', ')}`);
    assert.equal(readFileSync(path.join(out, firstId, 'results.json'), 'utf8'), firstResults, 'the first results.json is untouched');
    assert.deepEqual(readFileSync(path.join(out, firstId, 'runs', 'relu', 'weights.bin')), firstWeights, 'the first weights are untouched');
    assert.equal(readlinkSync(path.join(out, 'latest')), ids[1]);
    assert.match(second.stdout, new RegExp(`results: .*${ids[1]}/results\\.json`));
    // Nothing was cut off: --resume says so and changes nothing.
    const nothing = actlab(['train', '--resume', '--out', out]);
    assert.equal(nothing.status, 1);
    assert.match(nothing.stderr, /nothing to resume in .*: no experiment there was cut off mid-training/);
    // A crash left the newest one mid-training: --resume continues it in place, the other stays as it was.
    const cut = path.join(out, ids[1]);
    const record = JSON.parse(readFileSync(path.join(cut, 'runs', 'tanh', 'run.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(cut, 'runs', 'tanh', 'run.json'), JSON.stringify({ ...record, status: 'running' }));
    rmSync(path.join(cut, 'results.json'));
    const resumed = actlab(['train', '--resume', '--epochs', '2', '--no-onnx', '--out', out, '--json']);
    assert.equal(resumed.status, 0, resumed.stderr);
    const r = JSON.parse(resumed.stdout) as ResultsFile;
    assert.deepEqual(r.runs.map((x) => [x.id, x.status, x.history.length, x.resumedFromEpoch]), [['tanh', 'completed', 2, 1]]);
    assert.equal(readFileSync(path.join(out, firstId, 'results.json'), 'utf8'), firstResults);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('an output folder that cannot hold files fails at once with the reason; exit statuses say what happened', () => {
  for (const [dir, why] of [['/proc/self/actlab', /cannot create the folder \/proc\/self\/actlab/], ['/dev/null/actlab', /\/dev\/null is a file, not a folder/]] as const) {
    const t0 = Date.now();
    const r = actlab(['train', '--activations', 'relu', '--epochs', '1', '--out', dir]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, why);
    assert.ok(Date.now() - t0 < 20_000, 'no hang');
  }
});

test('--learn beta trains Swish\'s beta per layer: it moves, history records it, and the ONNX export bakes it in', { timeout: 180_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'actlab-learn-'));
  try {
    const r = actlab(['train', '--activations', 'silu,relu', '--learn', 'beta', '--epochs', '2', '--limit-train', '2000', '--limit-test', '500', '--out', out, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as ResultsFile;
    const silu = results.runs.find((x) => x.id === 'silu-learnbeta')!;
    assert.deepEqual(results.runs.map((x) => x.id), ['silu-learnbeta', 'relu'], 'relu has no beta: it trains as it is');
    assert.equal(silu.status, 'completed', silu.error);
    const learned = silu.history.map((h) => h.learnedParams!.map((p) => p.beta));
    assert.equal(learned.length, 2);
    for (const layer of [0, 1]) assert.ok(Math.abs(learned[1][layer] - 1) > 1e-3, `beta of layer ${layer + 1} moved from 1: ${learned.map((e) => e[layer]).join(', ')}`);
    assert.equal(results.runs.find((x) => x.id === 'relu')!.history[0].learnedParams, undefined);
    assert.equal(silu.onnx?.passed, true, silu.onnx?.error);
    assert.match(readFileSync(path.join(out, 'latest', 'report.html'), 'utf8'), /<h2>Learned activation parameters<\/h2>/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
