// The generated PyTorch functions, run under Debian's python3-torch in float64, against the lab's
// own float64 values from `actlab eval --json` on a grid: every built-in at its default parameters
// (through the framework's op where the code uses one, and through the translated expression),
// built-ins at other parameters, and custom expressions that use every function of the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIVATIONS, getActivation, resolveParams } from '../../../src/core/activations/registry';
import type { ActivationRecord } from '../../../src/core/activations/types';
import { activationFunction, activationSource } from '../../../src/core/codegen/index';
import { compileCustomActivation } from '../../../src/core/expr/index';
import { evalCommand } from '../../../src/cli/commands/eval';

const PYTHON = '/usr/bin/python3';
const TOLERANCE = 1e-6;
// -8..8 in steps of 0.1 (kinks at 0, ±1, ±0.5 ... included), and tails.
const GRID = [...Array.from({ length: 161 }, (_, i) => Number((-8 + i * 0.1).toFixed(10))), -30, -15, 15, 30];

interface Case {
  label: string;
  /** The argument and --param values as `actlab eval` takes them. */
  evalArgs: string[];
  source: string;
}

/** y from `actlab eval <args> --x GRID --json`, in this process. */
async function labValues(args: string[]): Promise<number[]> {
  let out = '';
  const code = await evalCommand.run([...args, '--x', GRID.join(','), '--json'], { out: (t) => { out += t; }, err: () => {} });
  assert.equal(code, 0);
  return (JSON.parse(out) as { points: { y: number | string }[] }).points.map((p) => Number(p.y));
}

const DRIVER = `
import json, sys
import torch
cases = json.load(open(sys.argv[1]))
grid = torch.tensor(json.load(open(sys.argv[2])), dtype=torch.float64)
out = {}
for c in cases:
    ns = {}
    exec(compile(open(c['file']).read(), c['file'], 'exec'), ns)
    y = ns['f'](grid)
    assert y.dtype == torch.float64 and y.shape == grid.shape, (c['file'], y.dtype, y.shape)
    out[c['label']] = y.tolist()
print(json.dumps(out))
`;

function paramArgs(params: Record<string, number>): string[] {
  return Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
}

function builtinCase(record: ActivationRecord, given: Record<string, number>, forceExpression = false): Case {
  const params = resolveParams(record, given);
  const source = forceExpression
    ? `import math\nimport torch\nimport torch.nn.functional as F\n\n${activationFunction(record, params, 'pytorch', { forceExpression: true }).definition}\n`
    : activationSource(record, params, 'pytorch');
  const label = `${record.id}(${Object.entries(given).map(([k, v]) => `${k}=${v}`).join(',')})${forceExpression ? ' as expression' : ''}`;
  return { label, evalArgs: [record.id, ...paramArgs(given)], source };
}

const CUSTOM: [string, Record<string, number>][] = [
  ['where(x > 0, x, alpha*(exp(x) - 1))', { alpha: 0.7 }],
  ['x*sigmoid(beta*x) + tanh(softplus(x))*erf(x/sqrt(2)) - log(1 + abs(x))/e + sigmoid(beta)*x - softplus(-beta)*sign(beta) + sqrt(beta)', { beta: 1.5 }],
  ['where(abs(x) <= 1, sin(pi*x)/2, sign(x)*cos(x)^2) + min(x, 0)*(x != -1) + max(-x, 0.5) + where(gamma > 1, 0.1*x, -x)', { gamma: 2 }],
];

const cases: Case[] = [
  ...ACTIVATIONS.map((r) => builtinCase(r, {})),
  ...ACTIVATIONS.filter((r) => r.kind === 'elementwise').map((r) => builtinCase(r, {}, true)),
  builtinCase(getActivation('leaky_relu'), { alpha: 0.3 }),
  builtinCase(getActivation('elu'), { alpha: 0.5 }),
  builtinCase(getActivation('celu'), { alpha: 2 }),
  builtinCase(getActivation('softplus'), { beta: 2, threshold: 5 }),
  builtinCase(getActivation('silu'), { beta: 1.7 }),
  builtinCase(getActivation('hard_sigmoid'), { alpha: 0.2, beta: 0.5 }),
  builtinCase(getActivation('hardtanh'), { min_val: -2, max_val: 3 }),
  builtinCase(getActivation('thresholded_relu'), { theta: 0.5 }),
  builtinCase(getActivation('softshrink'), { lambd: 1.5 }),
  ...CUSTOM.map(([expression, params]): Case => ({
    label: expression,
    evalArgs: [expression, ...paramArgs(params)],
    source: activationSource(compileCustomActivation({ name: 'expression', expression, params }), params, 'pytorch'),
  })),
];

test('generated PyTorch activations match actlab eval to 1e-6 on a grid (python3-torch, float64)', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-codegen-'));
  try {
    const specs = cases.map((c, i) => {
      const file = path.join(dir, `case_${i}.py`);
      writeFileSync(file, c.source);
      return { label: c.label, file };
    });
    writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(specs));
    writeFileSync(path.join(dir, 'grid.json'), JSON.stringify(GRID));
    writeFileSync(path.join(dir, 'driver.py'), DRIVER);
    const r = spawnSync(PYTHON, [path.join(dir, 'driver.py'), path.join(dir, 'cases.json'), path.join(dir, 'grid.json')], {
      encoding: 'utf8', timeout: 170_000, env: { ...process.env, OMP_NUM_THREADS: '1' }, maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, `${PYTHON} failed (scripts/ensure-system-deps.sh installs python3-torch): ${r.stderr}`);
    const torchValues = JSON.parse(r.stdout) as Record<string, number[]>;
    const failures: string[] = [];
    for (const c of cases) {
      const want = await labValues(c.evalArgs);
      const got = torchValues[c.label];
      assert.equal(got.length, GRID.length, c.label);
      const bad = GRID.findIndex((_, i) => !(Math.abs(got[i] - want[i]) <= TOLERANCE * Math.max(1, Math.abs(want[i]))));
      if (bad >= 0) failures.push(`${c.label}: at x=${GRID[bad]} torch ${got[bad]} vs lab ${want[bad]}\n${c.source}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(cases.length >= 26 + 24 + 9 + 3, `${cases.length} cases`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the native route is taken where the framework has the op, and every function of the language is translated', () => {
  const native = (id: string, params: Record<string, number> = {}) => activationFunction(getActivation(id), resolveParams(getActivation(id), params), 'pytorch').native;
  assert.equal(native('leaky_relu'), true);
  assert.equal(native('silu'), true);
  assert.equal(native('silu', { beta: 2 }), false, 'F.silu has no beta: the expression is written');
  assert.equal(native('hard_sigmoid', { alpha: 0.2 }), false, 'F.hardsigmoid is x/6 + 1/2 only');
  const all = CUSTOM.map(([e]) => e).join(' ');
  for (const fn of ['exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'erf', 'sin', 'cos', 'softplus', 'sign', 'min', 'max', 'where']) {
    assert.match(all, new RegExp(`\\b${fn}\\(`), `the custom cases use ${fn}`);
  }
});
