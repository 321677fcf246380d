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
import { ACTLAB } from './actlabBundle';

const root = path.resolve(__dirname, '..', '..');

// What `--json` prints, as these tests read it (NaN and infinities print as strings).
interface EvalJson {
  activation: string;
  params: Record<string, number>;
  points: { x: number; y: number; dy: number }[];
  jacobian?: number[][];
  jacobianNote?: string;
}
interface PropsJson { initGain: number; range: { max: number | string }; smooth: boolean; kinks: number[]; jumps: number[]; derivativeAtZero: number }
interface FlowJson { activation: string; relativeGradNorm: number[] }
type ListJson = { id: string; params: { frameworkDefaults: Record<string, number> }[] }[];

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
  const json = JSON.parse(out) as EvalJson;
  assert.equal(json.activation, 'relu');
  assert.deepEqual(json.params, {});
  assert.deepEqual(json.points.map((p: { x: number }) => p.x), [-1, 0, 2]);
  assert.deepEqual(json.points.map((p: { y: number }) => p.y), [0, 0, 2]);
  assert.deepEqual(json.points.map((p: { dy: number }) => p.dy), [0, 0, 1]);
});

test('actlab props relu --json reports the init gain within 1e-3 of sqrt(2)', async () => {
  const { code, out } = await run('props', ['relu', '--json']);
  assert.equal(code, 0);
  const json = JSON.parse(out) as PropsJson;
  assert.ok(Math.abs(json.initGain - Math.SQRT2) < 1e-3, `${json.initGain}`);
  assert.equal(json.range.max, 'Infinity');
  assert.equal(json.smooth, false);
});

test('eval: parameters, ranges a:b:n, expressions with parameters, softmax vectors, NaN', async () => {
  const leaky = JSON.parse((await run('eval', ['leaky_relu', '--x', '-2:2:5', '--param', 'alpha=0.3', '--json'])).out) as EvalJson;
  assert.deepEqual(leaky.params, { alpha: 0.3 });
  assert.deepEqual(leaky.points.map((p: { x: number }) => p.x), [-2, -1, 0, 1, 2]);
  assert.deepEqual(leaky.points.map((p: { y: number }) => p.y), [-0.6, -0.3, 0, 1, 2]);
  const expr = JSON.parse((await run('eval', ['x*sigmoid(b*x)', '--param', 'b=2', '--x', '1', '--json'])).out) as EvalJson;
  const silu2 = fixture.elementwise.find((c) => c.id === 'silu' && c.params.beta === 2)!;
  const i = silu2.x.indexOf(1);
  assert.ok(Math.abs(expr.points[0].y - silu2.y[i]) < 1e-12 && Math.abs(expr.points[0].dy - silu2.dy[i]) < 1e-12, 'matches PyTorch x·σ(2x) at 1');
  const neg = JSON.parse((await run('eval', ['-x^2', '--x', '3', '--json'])).out) as EvalJson;
  assert.deepEqual([neg.points[0].y, neg.points[0].dy], [-9, -6]);
  const sm = JSON.parse((await run('eval', ['softmax', '--x', '1000,1001', '--json'])).out) as EvalJson;
  const want = 1 / (1 + Math.E);
  assert.ok(Math.abs(sm.points[0].y - want) < 1e-15 && Math.abs(sm.points[0].dy - want * (1 - want)) < 1e-15);
  assert.ok(Math.abs(sm.jacobian![0][1] + want * (1 - want)) < 1e-15);
  const nan = JSON.parse((await run('eval', ['tanh', '--x', 'nan,inf', '--json'])).out) as EvalJson;
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
  const list = JSON.parse((await run('list', ['--json'])).out) as ListJson;
  assert.deepEqual(list.map((r: { id: string }) => r.id), ACTIVATIONS.map((r) => r.id));
  assert.equal(list.find((r: { id: string }) => r.id === 'leaky_relu')?.params[0].frameworkDefaults.keras, 0.3);
  const text = (await run('list', [])).out;
  assert.equal(text.trim().split('\n').length, ACTIVATIONS.length);
  assert.match((await run('props', ['softmax'])).out, /vector activation/);
  assert.match((await run('props', ['sigmoid'])).out, /init gain\s+1\.8462/);
  const flow = JSON.parse((await run('gradient-flow', ['sigmoid', '--depth', '8', '--width', '16', '--json'])).out) as FlowJson;
  assert.equal(flow.relativeGradNorm.length, 8);
  assert.equal(flow.relativeGradNorm[7], 1);
  assert.ok(flow.relativeGradNorm[0] < 0.01);
  assert.match((await run('gradient-flow', ['relu', '--depth', '3', '--width', '8'])).out, /relative to layer 3/);
});

test('the real entry point: exit 0 with JSON on stdout, non-zero with the message on stderr', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [ACTLAB, ...args], { cwd: root, encoding: 'utf8' });
  const ok = cli(['eval', 'relu', '--x', '-1,0,2', '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual((JSON.parse(ok.stdout) as EvalJson).points.map((p: { dy: number }) => p.dy), [0, 0, 1]);
  const bad = cli(['eval', 'relux', '--x', '1']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /actlab eval: unknown activation 'relux'/);
  assert.equal(bad.stdout, '');
});

test('names with arguments are expressions, evaluated as written (never the bare built-in)', async () => {
  // Reference values from Math, the expressions' own closed forms.
  const cases: [string, number, number, number][] = [
    ['tanh(2*x)', 1, Math.tanh(2), 2 * (1 - Math.tanh(2) ** 2)],
    ['sigmoid(3*x)', 0.5, 1 / (1 + Math.exp(-1.5)), (3 * Math.exp(-1.5)) / (1 + Math.exp(-1.5)) ** 2],
    ['softplus(x/2)', 2, Math.log1p(Math.E), 0.5 / (1 + Math.exp(-1))],
    ['tanh(x)*x', -1, Math.tanh(-1) * -1, Math.tanh(-1) - (1 - Math.tanh(-1) ** 2)],
  ];
  for (const [expr, x, y, dy] of cases) {
    for (const command of ['eval']) {
      const json = JSON.parse((await run(command, [expr, '--x', String(x), '--json'])).out) as EvalJson;
      assert.equal(json.activation, expr);
      assert.ok(Math.abs(json.points[0].y - y) < 1e-15 * Math.max(1, Math.abs(y)), `${expr}: ${json.points[0].y} vs ${y}`);
      assert.ok(Math.abs(json.points[0].dy - dy) < 1e-14, `${expr}': ${json.points[0].dy} vs ${dy}`);
    }
  }
  // props and gradient-flow read the same way: tanh(2*x) has f'(0) = 2, tanh 1.
  assert.equal((JSON.parse((await run('props', ['tanh(2*x)', '--json'])).out) as PropsJson).derivativeAtZero, 2);
  assert.equal((JSON.parse((await run('gradient-flow', ['tanh(2*x)', '--depth', '2', '--width', '4', '--json'])).out) as FlowJson).activation, 'tanh(2*x)');
  const leaky = JSON.parse((await run('eval', ['leaky_relu(alpha=0.3)', '--x', '-1', '--json'])).out) as EvalJson;
  assert.deepEqual([leaky.params.alpha, leaky.points[0].y], [0.3, -0.3]);
  for (const command of ['eval', 'props', 'gradient-flow']) {
    const x = command === 'eval' ? ['--x', '1'] : [];
    assert.match(await failure(command, ['relu+', ...x]), /invalid expression 'relu\+'/);
    assert.match(await failure(command, ['nn.ReLU()', ...x]), /is a call, not an activation's name/);
    assert.match(await failure(command, ['leaky_relu(2*x)', ...x]), /leaky_relu is a built-in activation, not a function/);
  }
});

test('smaller input classes: --param names, huge ranges, long text, unused parameters', async () => {
  assert.match(await failure('eval', ['relu', '--x', '1', '--param', '__proto__=1']), /unknown parameter '__proto__' for relu/);
  assert.match(await failure('eval', ['relu', '--x', '1', '--param', 'a=1', '--param', 'a=2']), /--param a is given twice/);
  assert.match(await failure('eval', ['x', '--x', '1', '--param', 'b=1']), /--param b is not used by the expression 'x'/);
  const wide = JSON.parse((await run('eval', ['relu', '--x=-1e308:1e308:5', '--json'])).out) as EvalJson;
  assert.deepEqual(wide.points.map((p: { x: number }) => p.x), [-1e308, -5e307, 0, 5e307, 1e308]);
  assert.ok(wide.points.every((p: { y: unknown }) => typeof p.y === 'number'), 'no NaN or Infinity from the range itself');
  const huge = await failure('eval', [`x + ${'q'.repeat(20_000)}`, '--x', '1']);
  assert.ok(huge.length < 300, `${huge.length} characters`);
  const deep = await failure('eval', [`x${'+1'.repeat(3000)}+`, '--x', '1']);
  assert.ok(deep.length < 400 && /at column \d+/.test(deep) && deep.includes('…'), deep);
  assert.ok((await failure('eval', ['relu', '--x', `1,${'z'.repeat(9000)}`])).length < 300);
  const exp = JSON.parse((await run('props', ['exp(x)', '--json'])).out) as PropsJson;
  assert.deepEqual([exp.kinks, exp.jumps, exp.smooth], [[], [], true], 'no kinks at the sampler\'s edge (19.9 to 20)');
  assert.match((await run('props', ['exp(x)'])).out, /smooth\s+yes/);
});

test('softmax over long vectors: the Jacobian only up to 16 values, the diagonal beyond; 100000 points work', async () => {
  const small = JSON.parse((await run('eval', ['softmax', '--x', '-1:1:16', '--json'])).out) as EvalJson;
  assert.equal(small.jacobian?.length, 16);
  small.points.forEach((p: { dy: number }, i: number) => assert.equal(p.dy, small.jacobian![i][i]));
  const big = JSON.parse((await run('eval', ['softmax', '--x', '-3:3:5000', '--json'])).out) as EvalJson;
  assert.equal(big.jacobian, undefined);
  assert.match(big.jacobianNote ?? '', /5000×5000 Jacobian is not printed/);
  // The diagonal against its closed form s(1 − s), with s from float64 exp over the max-shifted inputs.
  const xs = big.points.map((p: { x: number }) => p.x);
  const sum = xs.reduce((a: number, x: number) => a + Math.exp(x - 3), 0);
  for (const i of [0, 2500, 4999]) {
    const s = Math.exp(xs[i] - 3) / sum;
    assert.ok(Math.abs(big.points[i].dy - s * (1 - s)) < 1e-18 + 1e-12 * s, `${i}`);
  }
  const logBig = JSON.parse((await run('eval', ['log_softmax', '--x', '0:1:20', '--json'])).out) as EvalJson;
  const ls = logBig.points.map((p: { x: number }) => Math.exp(p.x));
  const lsum = ls.reduce((a: number, b: number) => a + b, 0);
  logBig.points.forEach((p: { dy: number }, i: number) => assert.ok(Math.abs(p.dy - (1 - ls[i] / lsum)) < 1e-15));
  const { code, out } = await run('eval', ['softmax', '--x', '-3:3:100000']);
  assert.equal(code, 0);
  assert.equal(out.trim().split('\n').length, 1 + 1 + 1 + 100000 + 1, 'header, formula, column names, rows, note');
});

test('gradient-flow of an activation that overflows fails with the layer, not NaN and exit 0', async () => {
  assert.match(await failure('gradient-flow', ['exp(x)']), /^exp\(x\): the network overflows at initialisation: layer \d+'s outputs are not finite/);
  assert.match(await failure('gradient-flow', ['x^3', '--depth', '30']), /overflows/);
});
