// Expression work is linear in the DAG, not exponential in nesting: derivatives of deep nests
// stay a few nodes per level, shared subtrees are simplified and evaluated once, and the limits
// refuse what would be too costly with an ExprError. Sizes are asserted, not times (speed is in
// bench/expressions.ts); a regression to exponential work would also hang these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileCustomActivation, compileExpr, differentiate, ExprError, parseExpression, simplify, toText, validateOnGrid, type Expr,
} from '../../../src/core/expr/index';
import { Tape } from '../../../src/core/expr/evaluate';
import { MAX_EVALUATION_COST } from '../../../src/core/expr/customActivation';
import { createRng } from '../../../src/core/random';
import { randomExpr } from './randomExpr';

const nest = (fn: string, depth: number): string => `${`${fn}(`.repeat(depth)}x${')'.repeat(depth)}`;
const minChain = (depth: number): string => `${'min('.repeat(depth)}x${Array.from({ length: depth }, (_, i) => `, ${i})`).join('')}`;

test('f and f\' of nested abs, min, tanh and sigmoid take a few instructions per level, however deep', () => {
  for (const [name, make] of [['abs', (d: number) => nest('abs', d)], ['tanh', (d: number) => nest('tanh', d)], ['sigmoid', (d: number) => nest('sigmoid', d)], ['min', minChain]] as const) {
    const sizes = [10, 20, 40, 80].map((depth) => {
      const ast = parseExpression(make(depth));
      return new Tape([ast, simplify(differentiate(ast))], []).length / depth;
    });
    // linear: the per-level count does not grow with depth (a quadratic tree would double it each time)
    assert.ok(sizes.every((s) => s <= 7) && sizes[3] <= sizes[0] + 0.5, `${name}: instructions per level ${sizes.map((s) => s.toFixed(2)).join(', ')}`);
  }
});

test('a DAG that expands to 2^60 nodes is simplified, differentiated and evaluated through its 60 shared nodes', () => {
  let e: Expr = { type: 'binary', op: '+', left: { type: 'variable' }, right: { type: 'number', value: 1 } };
  for (let k = 0; k < 60; k++) e = { type: 'binary', op: '*', left: { type: 'call', fn: 'sin', args: [e] }, right: { type: 'call', fn: 'sin', args: [e] } };
  const s = simplify(e); // sin(u)*sin(u) → sin(u)^2 at every level
  assert.equal(new Tape([s], []).length, 2 * 60 + 1, 'sin and a square per level, and the +1');
  // its derivative is a 60-node DAG too, but would print as 2^60 terms: refused by the printing limit, at once
  assert.throws(() => differentiate(e), (err: unknown) => err instanceof ExprError && /derivative is too large to use/.test(err.message));
  const tape = new Tape([e], []);
  assert.ok(tape.length <= 3 * 60 + 1, `${tape.length} instructions`);
  // value against direct float64 recursion at one point
  let u = 0.3 + 1;
  for (let k = 0; k < 60; k++) u = Math.sin(u) * Math.sin(u);
  assert.equal(compileExpr(e, [])(0.3, new Float64Array(0)), u);
});

test('differentiate with respect to a parameter, with the same conventions at kinks', () => {
  const d = (s: string, v: string, params: string[]) => toText(simplify(differentiate(parseExpression(s, { params }), v)));
  assert.equal(d('where(x > 0, x, alpha*x)', 'alpha', ['alpha']), 'where(x > 0, 0, x)');
  assert.equal(d('max(x, alpha*x)', 'alpha', ['alpha']), 'where(x > alpha*x, 0, x)');
  assert.equal(d('x*sigmoid(b*x)', 'x', ['b']), 'sigmoid(b*x) + x*(sigmoid(b*x)*(1 - sigmoid(b*x))*b)');
  assert.equal(d('x*sigmoid(b*x)', 'b', ['b']), 'x*(sigmoid(b*x)*(1 - sigmoid(b*x))*x)');
  assert.equal(d('x^2 + c', 'b', ['b', 'c']), '0', 'a parameter the expression does not use');
  assert.equal(d('abs(a - 1)*x', 'a', ['a']), 'sign(a - 1)*x');
});

test('the tape evaluates every node once, bit for bit as the language defines, scalar and in blocks alike', () => {
  const rng = createRng(31);
  const xs = Float64Array.from({ length: 1000 }, () => rng.uniform(-6, 6));
  for (let i = 0; i < 200; i++) {
    const e = randomExpr(rng, 1 + rng.int(4));
    const d = simplify(differentiate(e));
    const tape = new Tape([e, d], ['a']);
    const f = new Float64Array(xs.length);
    const df = new Float32Array(xs.length);
    tape.evaluateMany(xs, Float64Array.of(0.7), [f, df]);
    const one = new Float64Array(2);
    for (let j = 0; j < xs.length; j += 97) {
      tape.evaluateRoots(xs[j], Float64Array.of(0.7), one);
      assert.ok(Object.is(one[0], f[j]), `${toText(e)} at ${xs[j]}: ${one[0]} vs ${f[j]}`);
      assert.ok(Object.is(Math.fround(one[1]), df[j]), 'a float32 output holds the float64 value rounded');
    }
  }
  // u^2 is evaluated as u·u: the same number as Math.pow(u, 2) for every double (checked here on this engine).
  for (let k = 0; k < 100_000; k++) {
    const u = (rng.next() - 0.5) * 2 ** (rng.int(2000) - 1000);
    assert.ok(Object.is(Math.pow(u, 2), u * u), `${u}`);
  }
  for (const u of [0, -0, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308]) assert.ok(Object.is(Math.pow(u, 2), u * u), `${u}`);
});

test('99-deep abs() and min() (which once took 24 to 41 s) are accepted; what is too costly is refused with an ExprError', () => {
  for (const text of [nest('abs', 99), minChain(99)]) {
    const record = compileCustomActivation({ name: 'deep', expression: text });
    assert.ok(record.evaluationCost <= MAX_EVALUATION_COST);
    assert.equal(record.f(-2.5, {}), text.startsWith('abs') ? 2.5 : -2.5);
  }
  assert.throws(() => compileCustomActivation({ name: 'deep', expression: nest('tanh', 99) }), (e: unknown) =>
    e instanceof ExprError && /expression is too costly to evaluate \(f and f' take \d+ operations per point together, at most 320: simplify it\)/.test(e.message));
});

test('grid validation: no false rejection where f\' is exact but grows fast; a wrong f\' is still caught', () => {
  const fast = parseExpression('exp(2*exp(x/2))');
  assert.deepEqual(validateOnGrid(fast, simplify(differentiate(fast)), [], new Float64Array(0)).problems, []);
  const wrong = validateOnGrid(fast, parseExpression('exp(2*exp(x/2))*exp(x/2)*1.001'), [], new Float64Array(0));
  assert.match(wrong.problems[0] ?? '', /central difference/);
  // exp(exp(x)) overflows past x = 6.6: it is refused for that, not for its derivative.
  assert.throws(() => compileCustomActivation({ name: 'ee', expression: 'exp(exp(x))' }), (e: unknown) =>
    e instanceof ExprError && /f\(6\.6\) is not finite \(Infinity\)/.test(e.message) && !/central difference/.test(e.message));
});
