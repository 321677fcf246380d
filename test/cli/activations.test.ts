// The activation commands: list, eval, props, gradient-flow. Most tests call the command
// modules with a captured io; two run the real CLI entry in a child process to check the exit
// code and stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CliError, type CliCommand } from '../../src/cli/command';
import { cliCommands } from '../../src/cli/commands/index';
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { fixture } from '../core/activations/torchFixture';

const root = path.resolve(__dirname, '..', '..');

async function run(name: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const command = cliCommands.find((c) => c.name === name) as CliCommand;
  assert.ok(command, name);
  let out = '';
  let err = '';
  const code = await command.run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function failure(name: string, argv: string[]): Promise<string> {
  try {
    await run(name, argv);
  } catch (e) {
    assert.ok(e instanceof CliError, String(e));
    return e.message;
  }
  assert.fail(`actlab ${name} ${argv.join(' ')} succeeded`);
}

test('actlab eval relu --x -1,0,2 --json prints y 0,0,2 and dy 0,0,1', async () => {
  const { code, out } = await run('eval', ['relu', '--x', '-1,0,2', '--json']);
  assert.equal(code, 0);
  const json = JSON.parse(out);
  assert.equal(json.activation, 'relu');
  assert.deepEqual(json.params, {});
  assert.deepEqual(json.points.map((p: { x: number }) => p.x), [-1, 0, 2]);
  assert.deepEqual(json.points.map((p: { y: number }) => p.y), [0, 0, 2]);
  assert.deepEqual(json.points.map((p: { dy: number }) => p.dy), [0, 0, 1]);
});

test('actlab props relu --json reports the init gain within 1e-3 of sqrt(2)', async () => {
  const { code, out } = await run('props', ['relu', '--json']);
  assert.equal(code, 0);
  const json = JSON.parse(out);
  assert.ok(Math.abs(json.initGain - Math.SQRT2) < 1e-3, `${json.initGain}`);
  assert.equal(json.range.max, 'Infinity');
  assert.equal(json.smooth, false);
});

test('eval: parameters, ranges a:b:n, expressions with parameters, softmax vectors, NaN', async () => {
  const leaky = JSON.parse((await run('eval', ['leaky_relu', '--x', '-2:2:5', '--param', 'alpha=0.3', '--json'])).out);
  assert.deepEqual(leaky.params, { alpha: 0.3 });
  assert.deepEqual(leaky.points.map((p: { x: number }) => p.x), [-2, -1, 0, 1, 2]);
  assert.deepEqual(leaky.points.map((p: { y: number }) => p.y), [-0.6, -0.3, 0, 1, 2]);
  const expr = JSON.parse((await run('eval', ['x*sigmoid(b*x)', '--param', 'b=2', '--x', '1', '--json'])).out);
  const silu2 = fixture.elementwise.find((c) => c.id === 'silu' && c.params.beta === 2)!;
  const i = silu2.x.indexOf(1);
  assert.ok(Math.abs(expr.points[0].y - silu2.y[i]!) < 1e-12 && Math.abs(expr.points[0].dy - silu2.dy[i]!) < 1e-12, 'matches PyTorch x·σ(2x) at 1');
  const neg = JSON.parse((await run('eval', ['-x^2', '--x', '3', '--json'])).out);
  assert.deepEqual([neg.points[0].y, neg.points[0].dy], [-9, -6]);
  const sm = JSON.parse((await run('eval', ['softmax', '--x', '1000,1001', '--json'])).out);
  const want = 1 / (1 + Math.E);
  assert.ok(Math.abs(sm.points[0].y - want) < 1e-15 && Math.abs(sm.points[0].dy - want * (1 - want)) < 1e-15);
  assert.ok(Math.abs(sm.jacobian[0][1] + want * (1 - want)) < 1e-15);
  const nan = JSON.parse((await run('eval', ['tanh', '--x', 'nan,inf', '--json'])).out);
  assert.deepEqual([nan.points[0].y, nan.points[1].y], ['NaN', 1]);
  const text = (await run('eval', ['sigmoid', '--x', '0'])).out;
  assert.match(text, /0\s+0\.5\s+0\.25/);
});

test('bad input exits with a clear message: unknown ids, bad expressions, bad --x, bad --param', async () => {
  assert.match(await failure('eval', ['relux', '--x', '1']), /unknown activation 'relux'; known: sigmoid, tanh, relu/);
  assert.match(await failure('eval', ['x + expp(x)', '--x', '1']), /unknown function 'expp' at column 5/);
  assert.match(await failure('eval', ['log(x)', '--x', '1']), /not finite/);
  assert.match(await failure('eval', ['relu', '--x', '1,,2']), /--x value 2: '' is not a number/);
  assert.match(await failure('eval', ['relu', '--x', '0:1:0']), /point count/);
  assert.match(await failure('eval', ['relu']), /--x/);
  assert.match(await failure('eval', ['leaky_relu', '--x', '1', '--param', 'alpha=5']), /alpha of leaky_relu must be in \[0, 1\]/);
  assert.match(await failure('eval', ['leaky_relu', '--x', '1', '--param', 'alpha']), /--param expects name=number/);
  assert.match(await failure('eval', ['relu', '--x', '1', '--bogus']), /Unknown option '--bogus'/);
  assert.match(await failure('props', ['nope']), /unknown activation 'nope'/);
  assert.match(await failure('gradient-flow', ['softmax']), /vector activation/);
  assert.match(await failure('gradient-flow', ['relu', '--depth', '60']), /depth must be an integer from 1 to 50/);
  assert.match(await failure('gradient-flow', ['relu', '--width', 'wide']), /--width must be an integer/);
});

test('list, props and gradient-flow print what they promise', async () => {
  const list = JSON.parse((await run('list', ['--json'])).out);
  assert.deepEqual(list.map((r: { id: string }) => r.id), ACTIVATIONS.map((r) => r.id));
  assert.equal(list.find((r: { id: string }) => r.id === 'leaky_relu').params[0].frameworkDefaults.keras, 0.3);
  const text = (await run('list', [])).out;
  assert.equal(text.trim().split('\n').length, ACTIVATIONS.length);
  assert.match((await run('props', ['softmax'])).out, /vector activation/);
  assert.match((await run('props', ['sigmoid'])).out, /init gain\s+1\.8462/);
  const flow = JSON.parse((await run('gradient-flow', ['sigmoid', '--depth', '8', '--width', '16', '--json'])).out);
  assert.equal(flow.relativeGradNorm.length, 8);
  assert.equal(flow.relativeGradNorm[7], 1);
  assert.ok(flow.relativeGradNorm[0] < 0.01);
  assert.match((await run('gradient-flow', ['relu', '--depth', '3', '--width', '8'])).out, /relative to layer 3/);
});

test('the real entry point: exit 0 with JSON on stdout, non-zero with the message on stderr', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  const ok = cli(['eval', 'relu', '--x', '-1,0,2', '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout).points.map((p: { dy: number }) => p.dy), [0, 0, 1]);
  const bad = cli(['eval', 'relux', '--x', '1']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /actlab eval: unknown activation 'relux'/);
  assert.equal(bad.stdout, '');
});
