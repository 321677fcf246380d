// Malformed and hostile expressions: each gives an ExprError with a message (and, where it has
// one, a column inside the text), never another exception, a stack overflow or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { compileCustomActivation, ExprError, parseExpression } from '../../../src/core/expr/index';

const MALFORMED: string[] = [
  '', '   ', '\n\t', '(', ')', '()', '(x', 'x)', '((x)', '(x))', 'x +', '+', '* x', 'x * * x', 'x ^', 'x ^ ^ 2',
  '1e999', '-1e999', '1e-999', '1'.repeat(400), '1.2.3', '2x', '2e', '1e+', '.', 'x..', '0x1F', '1_000',
  'expp(x)', 'y', 'exp', 'exp()', 'exp(x, x)', 'max(x)', 'where(x, 1)', 'where(x > 0, 1, 2, 3)', 'x(2)', 'pi(x)',
  'x = 1', 'x && 1', 'x || 1', '!x', 'x < 1 < 2', '∑x', 'x − 1', 'x × 2', '😀', '\u0000', 'x,1', 'sin(x', 'sin x',
  'sin(x,', "'x'", '"x"', 'x;', 'x # comment', 'x\n+\n', 'NaN', 'Infinity', 'inf', '[x]', '{x}', 'x @ 2', '$x',
  `${'('.repeat(10_000)}x${')'.repeat(10_000)}`,
  `${'('.repeat(4_000)}x${')'.repeat(4_000)}`,
  `${'-'.repeat(9_000)}x`,
  `x${'+x'.repeat(4_999)}`,
  `${'x^'.repeat(3_000)}x`,
  `${'exp('.repeat(1_000)}x${')'.repeat(1_000)}`,
  `${'('.repeat(5_000)}x`,
  'x'.repeat(20_000),
];

test(`${MALFORMED.length} malformed expressions each give a clear ExprError`, { timeout: 20_000 }, () => {
  for (const s of MALFORMED) {
    const label = s.length > 40 ? `${s.slice(0, 20)}... (${s.length} chars)` : JSON.stringify(s);
    let error: unknown;
    try {
      parseExpression(s);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ExprError, `${label}: ${error === undefined ? 'parsed without error' : inspect(error)}`);
    assert.ok(error.problem.length > 5, label);
    if (error.column !== undefined) {
      assert.ok(error.column >= 1 && error.column <= Array.from(s).length + 1, `${label}: column ${error.column}`);
      assert.match(error.message, new RegExp(`at column ${error.column}`), label);
    }
  }
});

test('deep nesting and huge inputs fail on their limits, with the reason', () => {
  assert.throws(() => parseExpression(`${'('.repeat(10_000)}x${')'.repeat(10_000)}`), /expression is too long \(20001 characters; at most 10000\)/);
  assert.throws(() => parseExpression(`${'('.repeat(4_000)}x${')'.repeat(4_000)}`), /nested too deeply at column 101 \(more than 100 levels\)/);
  assert.throws(() => parseExpression(`x${'+x'.repeat(4_999)}`), /expression is too large/);
});

test('custom activations reject bad definitions with clear errors', () => {
  const cases: [unknown, RegExp][] = [
    [{ name: 'relu', expression: 'x' }, /taken by the built-in relu/],
    [{ name: '', expression: 'x' }, /non-empty name/],
    [{ name: 'n', expression: 'x', params: { a: 1 } }, /parameter a not used in the expression/],
    [{ name: 'n', expression: 'x*exp', params: { exp: 1 } }, /reserved/],
    [{ name: 'n', expression: 'x', params: { '1a': 1 } }, /not a valid name/],
    [{ name: 'n', expression: 'a*x', params: { a: NaN } }, /finite number/],
    [{ name: 'n', expression: 'log(x)' }, /fails validation on \[-10, 10\]: f\(-10\) is not finite \(NaN\)/],
    [{ name: 'n', expression: '1/x' }, /f\(0\) is not finite \(Infinity\)/],
    [{ name: 'n', expression: 'x +' }, /unexpected end of expression at column 4/],
    [{ name: 'n', expression: 42 }, /needs an expression/],
    [null, /needs \{ name, expression/],
  ];
  for (const [def, message] of cases) {
    assert.throws(() => compileCustomActivation(def as never), message, JSON.stringify(def));
  }
});
