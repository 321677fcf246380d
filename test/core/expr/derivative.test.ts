// Symbolic derivatives: readable after simplification, and equal to central differences on
// hundreds of randomly generated expressions (property-based, seeded); simplification and
// printing never change the function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileExpr, differentiate, type Expr, parseExpression, simplify, switchingExprs, toText, validateOnGrid,
} from '../../../src/core/expr/index';
import { createRng } from '../../../src/core/random';
import { randomExpr } from './randomExpr';

const d = (s: string, params: string[] = []): string => toText(simplify(differentiate(parseExpression(s, { params }))));

test('derivatives come out simplified', () => {
  assert.equal(d('x'), '1');
  assert.equal(d('3*x + 5'), '3');
  assert.equal(d('x^3'), '3*x^2');
  assert.equal(d('-x'), '-1');
  assert.equal(d('alpha*x', ['alpha']), 'alpha');
  assert.equal(d('exp(x)'), 'exp(x)');
  assert.equal(d('max(x, 0)'), 'where(x > 0, 1, 0)');
  assert.equal(d('where(x > 0, x, alpha*x)', ['alpha']), 'where(x > 0, 1, alpha)');
  assert.equal(d('sin(2*x)'), '2*cos(2*x)');
});

const A = 0.7;
const PARAMS = Float64Array.of(A);

interface Checked { points: number; expressions: number; skipped: number }

/** Compares f' with central differences at random points where f is finite and smooth nearby. */
function checkDerivative(e: Expr, rng: ReturnType<typeof createRng>, failures: string[], stats: Checked): void {
  const f = compileExpr(e, ['a']);
  const df = compileExpr(simplify(differentiate(e)), ['a']);
  const switches = switchingExprs(e).map((s) => compileExpr(s, ['a']));
  let any = false;
  for (let k = 0; k < 6; k++) {
    const x = rng.uniform(-3, 3);
    const h = 1e-6;
    const values = [f(x - h, PARAMS), f(x, PARAMS), f(x + h, PARAMS)];
    const slope = df(x, PARAMS);
    const near = switches.some((s) => !(s(x - 1e-4, PARAMS) * s(x + 1e-4, PARAMS) > 0));
    if (near || !values.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6) || !Number.isFinite(slope) || Math.abs(slope) > 1e6) {
      stats.skipped++;
      continue;
    }
    const central = (values[2] - values[0]) / (2 * h);
    // Rounding of the difference quotient (≈ 1e-16·|f|/h) plus truncation, relative to the slope.
    const tol = 1e-5 * Math.max(1, Math.abs(slope)) + (1e-15 * Math.max(...values.map(Math.abs))) / h;
    if (Math.abs(slope - central) > tol) {
      // A steep stretch: confirm with Richardson extrapolation before calling it a failure.
      const h2 = h / 4;
      const c2 = (f(x + h2, PARAMS) - f(x - h2, PARAMS)) / (2 * h2);
      const rich = (16 * c2 - central) / 15;
      if (Math.abs(slope - rich) > tol * 4) failures.push(`d/dx ${toText(e)} at x = ${x}: symbolic ${slope}, central ${central}`);
    }
    stats.points++;
    any = true;
  }
  if (any) stats.expressions++;
}

test('property: symbolic derivatives of 600 random expressions match central differences', () => {
  const rng = createRng(20240611);
  const failures: string[] = [];
  const stats: Checked = { points: 0, expressions: 0, skipped: 0 };
  for (let i = 0; i < 600; i++) checkDerivative(randomExpr(rng, 1 + rng.int(4)), rng, failures, stats);
  assert.deepEqual(failures.slice(0, 5), []);
  assert.ok(stats.expressions > 400 && stats.points > 1500, JSON.stringify(stats));
});

test('property: simplify and print/parse keep the function (600 random expressions)', () => {
  const rng = createRng(7);
  const bad: string[] = [];
  for (let i = 0; i < 600; i++) {
    const e = randomExpr(rng, 1 + rng.int(4));
    const f = compileExpr(e, ['a']);
    const g = compileExpr(simplify(e), ['a']);
    const text = toText(e);
    const back = compileExpr(parseExpression(text, { params: ['a'] }), ['a']);
    for (let k = 0; k < 4; k++) {
      const x = rng.uniform(-3, 3);
      const want = f(x, PARAMS);
      if (!Number.isFinite(want)) continue;
      const viaText = back(x, PARAMS);
      if (!(Object.is(viaText, want) || Math.abs(viaText - want) <= 1e-15 * Math.abs(want))) bad.push(`print/parse ${text} at ${x}: ${viaText} vs ${want}`);
      const simplified = g(x, PARAMS);
      if (!(Math.abs(simplified - want) <= 1e-12 * Math.max(1, Math.abs(want)))) bad.push(`simplify ${text} at ${x}: ${simplified} vs ${want}`);
    }
  }
  assert.deepEqual(bad.slice(0, 5), []);
});

test('grid validation passes good derivatives and catches a wrong one', () => {
  const ast = parseExpression('x*tanh(softplus(a*x))', { params: ['a'] });
  const good = validateOnGrid(ast, simplify(differentiate(ast)), ['a'], PARAMS);
  assert.deepEqual(good.problems, []);
  assert.ok(good.checked > 390 && good.maxRelativeError < 1e-6, JSON.stringify(good));
  const wrong = validateOnGrid(ast, parseExpression('tanh(softplus(a*x))', { params: ['a'] }), ['a'], PARAMS);
  assert.ok(wrong.problems.length > 0 && /central difference/.test(wrong.problems[0]), JSON.stringify(wrong.problems));
  const kinked = parseExpression('abs(x - 0.3) + max(x, 1)');
  const k = validateOnGrid(kinked, simplify(differentiate(kinked)), [], new Float64Array(0));
  assert.deepEqual(k.problems, []);
  assert.ok(k.skippedNearKinks >= 2, `${k.skippedNearKinks} skipped`);
});
