// Property-based fuzz of the expression language (fast-check, fixed seeds so a failure replays):
// random byte strings and random well-formed expressions through parse, differentiate, compile
// and analyse. Nothing but an ExprError with a message ever escapes; every accepted expression's
// derivative, in x and in its parameter, agrees with central differences where it is smooth; and
// a case stays cheap (a generous average bound, a sanity guard: the speed figures are in bench/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compileCustomActivation, compileExpr, differentiate, ExprError, parseExpression, switchingExprs, toText, type Expr, type FunctionName,
} from '../../../src/core/expr/index';

const A = 0.7;
const PARAMS = Float64Array.of(A);
const UNARY: FunctionName[] = ['exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'erf', 'sin', 'cos', 'softplus', 'sign'];

/** Only ExprError, with a message, may come out of `fn`. */
function onlyExprErrors(fn: () => unknown): ExprError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!(e instanceof ExprError)) throw new Error(`escaped as ${(e as Error)?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack}`);
    assert.ok(e.message.length > 5 && !e.message.includes('\n'), `one-line message: ${JSON.stringify(e.message)}`);
    return e;
  }
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Expr>({ type: 'variable' }) },
  { weight: 2, arbitrary: fc.constant<Expr>({ type: 'param', name: 'a' }) },
  { weight: 1, arbitrary: fc.constantFrom<Expr>({ type: 'constant', name: 'pi' }, { type: 'constant', name: 'e' }) },
  { weight: 3, arbitrary: fc.integer({ min: -300, max: 300 }).map((n): Expr => ({ type: 'number', value: n / 100 || 0.5 })) },
);

/** Well-formed expressions: every function and operator, a few levels deep. */
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ fn: fc.constantFrom(...UNARY), arg: tie('e') }).map(({ fn, arg }): Expr => ({ type: 'call', fn, args: [arg] })),
    fc.record({ fn: fc.constantFrom<FunctionName>('min', 'max'), a: tie('e'), b: tie('e') }).map(({ fn, a, b }): Expr => ({ type: 'call', fn, args: [a, b] })),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/' as const), l: tie('e'), r: tie('e') }).map(({ op, l, r }): Expr => ({ type: 'binary', op, left: l, right: r })),
    fc.record({ base: tie('e'), p: fc.integer({ min: 1, max: 4 }) }).map(({ base, p }): Expr => ({ type: 'binary', op: '^', left: base, right: { type: 'number', value: p } })),
    fc.record({ op: fc.constantFrom('<', '<=', '>', '>=', '==', '!=' as const), l: tie('e'), r: tie('e'), a: tie('e'), b: tie('e') })
      .map(({ op, l, r, a, b }): Expr => ({ type: 'call', fn: 'where', args: [{ type: 'compare', op, left: l, right: r }, a, b] })),
    tie('e').map((arg): Expr => ({ type: 'negate', arg })),
  ),
})).e;

/** Deeply nested or wide expressions at the limits (the class that was exponential). */
const nested: fc.Arbitrary<string> = fc.oneof(
  fc.record({ fn: fc.constantFrom('abs', 'tanh', 'sigmoid', 'sin', 'softplus', 'sqrt'), depth: fc.integer({ min: 1, max: 99 }) })
    .map(({ fn, depth }) => `${`${fn}(`.repeat(depth)}x${')'.repeat(depth)}`),
  fc.record({ fn: fc.constantFrom('min', 'max'), depth: fc.integer({ min: 1, max: 99 }) })
    .map(({ fn, depth }) => `${`${fn}(`.repeat(depth)}x${Array.from({ length: depth }, (_, i) => `, ${(i % 7) - 3}`).join(')')})`),
  fc.array(fc.constantFrom('tanh(', 'abs(', 'min(1, ', 'max(-1, ', 'x*sigmoid(', '-(', 'exp(-'), { minLength: 1, maxLength: 60 })
    .map((parts) => `${parts.join('')}x${')'.repeat(parts.length)}`),
  fc.array(fc.tuple(fc.constantFrom('tanh', 'abs', 'sin', 'erf'), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 120 })
    .map((terms) => terms.map(([fn, k]) => `${fn}(${k}*x - ${k})`).join(' + ')),
);

/** A derivative against central differences at random points, away from kinks, jumps and poles. */
function derivativeProblems(ast: Expr, variable: 'x' | 'a', xs: number[]): string[] {
  const f = compileExpr(ast, ['a']);
  const d = compileExpr(differentiate(ast, variable), ['a']);
  const switches = switchingExprs(ast).map((s) => compileExpr(s, ['a']));
  const problems: string[] = [];
  for (const x of xs) {
    const at = (v: number, a = A): number => f(v, Float64Array.of(a));
    const h = 1e-6 * Math.max(1, Math.abs(variable === 'x' ? x : A));
    const near = switches.some((s) => !(s(x - 1e-3, PARAMS) * s(x + 1e-3, PARAMS) > 0) || !(s(x - 1e-3, PARAMS) * s(x, PARAMS) > 0));
    const values = variable === 'x' ? [at(x - h), at(x), at(x + h)] : [at(x, A - h), at(x), at(x, A + h)];
    const slope = d(x, PARAMS);
    if (near || !values.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6) || !Number.isFinite(slope) || Math.abs(slope) > 1e6) continue;
    const central = (values[2] - values[0]) / (2 * h);
    const tol = 1e-5 * Math.max(1, Math.abs(slope)) + (1e-15 * Math.max(...values.map(Math.abs))) / h;
    if (Math.abs(slope - central) > tol) {
      // A steep stretch: confirm with Richardson extrapolation before calling it a failure.
      const h2 = h / 4;
      const c2 = variable === 'x' ? (at(x + h2) - at(x - h2)) / (2 * h2) : (at(x, A + h2) - at(x, A - h2)) / (2 * h2);
      const rich = (16 * c2 - central) / 15;
      if (Math.abs(slope - rich) > 4 * tol) problems.push(`d/d${variable} ${toText(ast)} at x = ${x}: symbolic ${slope}, central ${central}`);
    }
  }
  return problems;
}

let accepted = 0;
let checkedPoints = 0;

test('random byte strings: parsing and compiling raise only ExprError, with a one-line message', () => {
  const decoder = new TextDecoder('utf-8');
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
    for (const text of [decoder.decode(bytes), String.fromCharCode(...bytes)]) {
      onlyExprErrors(() => parseExpression(text, { params: ['a'] }));
      onlyExprErrors(() => compileCustomActivation({ name: 'fuzz', expression: text }));
    }
  }), { seed: 20241130, numRuns: 400 });
});

test('random strings of the language\'s own tokens: only ExprError, columns inside the text', () => {
  const token = fc.constantFrom('x', 'a', '(', ')', ',', '+', '-', '*', '/', '^', '**', '<', '>=', '==', ' ', '1', '2.5', '1e3', '.', 'e', 'pi',
    'exp', 'log', 'min', 'max', 'where', 'sin', 'abs', '−', '×', '=', '!', '\u0000', '😀');
  fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
    const text = tokens.join('');
    const e = onlyExprErrors(() => compileCustomActivation({ name: 'fuzz', expression: text, params: text.includes('a') ? { a: A } : {} }));
    if (e?.column !== undefined) assert.ok(e.column >= 1 && e.column <= Array.from(text).length + 1, `${text}: column ${e.column}`);
  }), { seed: 7, numRuns: 600 });
});

test('random expressions: accepted ones have derivatives in x and in a matching central differences', { timeout: 300_000 }, () => {
  fc.assert(fc.property(expr, fc.array(fc.double({ min: -12, max: 12, noNaN: true }), { minLength: 6, maxLength: 6 }), (ast, xs) => {
    const text = toText(ast);
    let record;
    const e = onlyExprErrors(() => {
      record = compileCustomActivation({ name: 'fuzz', expression: text, params: text.includes('a') ? { a: A } : {} });
    });
    if (e || !record) return;
    accepted++;
    const parsed = parseExpression(text, { params: ['a'] });
    const problems = [...derivativeProblems(parsed, 'x', xs), ...(text.includes('a') ? derivativeProblems(parsed, 'a', xs) : [])];
    checkedPoints += xs.length;
    assert.deepEqual(problems.slice(0, 3), []);
  }), { seed: 424242, numRuns: 250 });
  assert.ok(accepted > 60, `${accepted} of 250 random expressions accepted`);
  assert.equal(checkedPoints, accepted * 6, 'every accepted expression had its six points checked');
});

test('nested and wide expressions at the limits: accepted or refused with an ExprError (their cost is measured in bench/expressions.ts, not here)', { timeout: 300_000 }, () => {
  fc.assert(fc.property(nested, (text) => {
    onlyExprErrors(() => compileCustomActivation({ name: 'fuzz', expression: text }));
  }), { seed: 99, numRuns: 60 });
});
