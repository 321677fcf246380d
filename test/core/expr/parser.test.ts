// Parsing: precedence and associativity (checked by evaluating against plain arithmetic),
// printing round trips, parameters, and errors that name the column and the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateExpr, ExprError, parseExpression, toLatex, toText } from '../../../src/core/expr/index';

const ev = (s: string, x: number, params: Record<string, number> = {}): number =>
  evaluateExpr(parseExpression(s, { params: Object.keys(params) }), x, params);

test('precedence and associativity follow ordinary arithmetic', () => {
  const x = 1.7;
  const cases: [string, number][] = [
    ['-x^2', -(x ** 2)],
    ['2^-x', 2 ** -x],
    ['2^3^2', 2 ** 9],
    ['x**2', x * x],
    ['10 - 4 - 3', 3],
    ['12 / 3 / 2', 2],
    ['1 + 2 * 3 ^ 2', 19],
    ['-(1 - x)', x - 1],
    ['--x', x],
    ['+x', x],
    ['(x > 1) + (x < 1)', 1],
    ['2*x > 3', 1],
    ['x == 1.7', 1],
    ['x != 1.7', 0],
    ['.5 + 5. + 1e1 + 2.5E-1', 15.75],
    ['pi', Math.PI],
    ['e', Math.E],
    ['where(x >= 2, 1, where(x <= 1, 2, 3))', 3],
    ['min(x, 1) + max(x, 1)', 1 + x],
    ['sign(-x) * abs(-x)', -x],
  ];
  for (const [s, want] of cases) assert.equal(ev(s, x), want, s);
  assert.equal(ev('alpha * x + beta_2', 2, { alpha: 3, beta_2: 1 }), 7);
});

test('printing gives text that parses back to the same function, and LaTeX', () => {
  for (const s of ['-x^2', '(-x)^2', '2^-x', 'x - (1 - x)', 'x/(2*x)', '-(x*3)', 'x^(1/3)', '(x > 0)*x', 'where(x < 0, -x, x^2)', 'x - -x', '1e-7*x + 1e21']) {
    const ast = parseExpression(s);
    const again = parseExpression(toText(ast));
    for (const x of [-2, -0.5, 0.3, 1.5]) assert.ok(Object.is(evaluateExpr(again, x), evaluateExpr(ast, x)) || (Number.isNaN(evaluateExpr(again, x)) && Number.isNaN(evaluateExpr(ast, x))), `${s} -> ${toText(ast)} at ${x}`);
  }
  assert.equal(toText(parseExpression('0.5*x*(1+erf(x/sqrt(2)))')), '0.5*x*(1 + erf(x/sqrt(2)))');
  assert.match(toLatex(parseExpression('x/(1+abs(x))')), /\\frac\{x\}\{1 \+ \\left\|x\\right\|\}/);
  assert.match(toLatex(parseExpression('alpha*x', { params: ['alpha'] })), /\\alpha/);
});

function errorOf(s: string, params: string[] = []): ExprError {
  try {
    parseExpression(s, { params });
  } catch (e) {
    assert.ok(e instanceof ExprError, `${s}: ${String(e)}`);
    return e;
  }
  assert.fail(`'${s}' parsed`);
}

test('errors name the column and the problem', () => {
  const cases: [string, number | undefined, RegExp][] = [
    ['x + expp(x)', 5, /^unknown function 'expp' at column 5/],
    ['x + y', 5, /^unknown name 'y' at column 5/],
    ['(x + 1', 1, /missing '\)'/],
    ['x + 1)', 6, /unexpected '\)' at column 6/],
    ['x +', 4, /unexpected end of expression at column 4/],
    ['2x', 1, /malformed number '2x' at column 1 \(write 2\*x to multiply\)/],
    ['x 2', 3, /missing operator before '2' at column 3/],
    ['max(x)', 1, /function 'max' takes 2 arguments, got 1 at column 1/],
    ['exp', 1, /function 'exp' needs its arguments in brackets/],
    ['x(2)', 1, /'x' is not a function/],
    ['1e999', 1, /number '1e999' is too large at column 1/],
    ['x * 1e-999', 5, /number '1e-999' is too small/],
    ['x − 1', 3, /unexpected character '−' \(U\+2212\) at column 3 \(did you mean '-'\?\)/],
    ['x = 1', 3, /'=' is not an operator/],
    ['0 < x < 1', 7, /comparisons cannot be chained/],
    ['', undefined, /^empty expression$/],
  ];
  for (const [s, column, message] of cases) {
    const e = errorOf(s);
    assert.equal(e.column, column, s);
    assert.match(e.message, message, s);
  }
  assert.match(errorOf('a*x').message, /unknown name 'a'.*declare it as a parameter/);
  assert.match(errorOf('b*x', ['a']).message, /use x, pi, e or a parameter \(a\)/);
});
