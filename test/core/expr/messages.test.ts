// The expression language's messages: every id has its English and Simplified Chinese text with
// the same values; errors keep their English `message` and column, and render in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  compileCustomActivation, CustomActivationError, EXPR_MESSAGES, exprMessage, ExprError, parseExpression,
  readActivationText, readCustomDefinitions, renderExprError, renderExprMessage,
} from '../../../src/core/expr/index';
import { readParamList } from '../../../src/core/expr/paramAssignment';

const IDEOGRAPH = /\p{Script=Han}/u;
const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The error a function throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('nothing was thrown');
}

test('every message id has an English and a Chinese text naming the same values', () => {
  const ids = Object.keys(EXPR_MESSAGES) as (keyof typeof EXPR_MESSAGES)[];
  assert.ok(ids.length >= 80, `${ids.length} messages`);
  for (const id of ids) {
    const { en, 'zh-cn': zh } = EXPR_MESSAGES[id];
    assert.ok(en.trim() !== '' && zh.trim() !== '', id);
    assert.deepEqual(names(zh), names(en), `${id}: the same values in both languages`);
    // only the compositions and the verbatim pass-through are without words of their own
    if (!['verbatim', 'problemWithHint'].includes(id)) assert.ok(IDEOGRAPH.test(zh), `${id}: Chinese text`);
    assert.ok(!/['"]/.test(zh), `${id}: no ASCII quotes in Chinese (“ ” quote user text)`);
  }
});

test('every message id is used by the expression language, and only ids of the table are', () => {
  const dir = path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'expr');
  const source = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'messages.ts').map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const unused = Object.keys(EXPR_MESSAGES).filter((id) => !source.includes(`'${id}'`) && !['verbatim'].includes(id));
  assert.deepEqual(unused, []);
  const called = [...source.matchAll(/\b(?:m|exprMessage)\(\s*'(\w+)'/g)].map((x) => x[1]);
  assert.ok(called.length > 60, `${called.length} calls`);
  assert.deepEqual(called.filter((id) => !(id in EXPR_MESSAGES)), []);
});

test('parse errors: the English message as before, the column kept, the Chinese rendering with the column', () => {
  const cases: [string, number, string, string][] = [
    ['x + expp(x)', 5, "unknown function 'expp' at column 5 (known: exp, log, sqrt, abs, tanh, sigmoid, erf, sin, cos, softplus, sign, min, max, where)",
      '未知函数“expp”（第 5 列；已知函数：exp, log, sqrt, abs, tanh, sigmoid, erf, sin, cos, softplus, sign, min, max, where）'],
    ['2x', 1, "malformed number '2x' at column 1 (write 2*x to multiply)", '数字“2x”的写法不对（第 1 列；相乘请写成 2*x）'],
    ['x +', 4, 'unexpected end of expression at column 4 (expected a number, x, a parameter, a function call or a bracket)',
      '表达式不完整（第 4 列；这里应是数字、x、参数、函数调用或括号）'],
    ['x − 1', 3, "unexpected character '−' (U+2212) at column 3 (did you mean '-'?)", '无法识别的字符“−”（U+2212）（第 3 列；是不是想写“-”？）'],
    ['max(x, 1', 4, "missing ')' for max( at column 4", 'max( 缺少配对的“)”（第 4 列）'],
    ['tanh(x, 2)', 1, "function 'tanh' takes 1 argument, got 2 at column 1", '函数 tanh 需要 1 个参数，实际给了 2 个（第 1 列）'],
    ['x = 1', 3, "'=' is not an operator at column 3 (use '==' to compare)", '“=”不是运算符（第 3 列；比较请用“==”）'],
    ['alpha*x', 1, "unknown name 'alpha' at column 1 (use x, pi or e (or declare it as a parameter))", '未知名称“alpha”（第 1 列；可用 x、pi 或 e（或把它声明为参数））'],
    ['0 < x < 1', 7, 'comparisons cannot be chained at column 7 (a < x < b does not work; use where(...) or min/max)',
      '比较不能连写（第 7 列；不能写 a < x < b，请用 where(...) 或 min/max）'],
  ];
  for (const [source, column, en, zh] of cases) {
    const e = thrown(() => parseExpression(source));
    assert.ok(e instanceof ExprError, source);
    assert.equal(e.column, column, source);
    assert.equal(e.message, en, source);
    assert.equal(renderExprError(e, 'en'), en, source);
    assert.equal(renderExprError(e, 'zh-cn'), zh, source);
  }
  // the problem's id and values are data the caller can use
  const e = thrown(() => parseExpression('exp(x) + swish(x)')) as ExprError;
  assert.deepEqual([e.id, e.args, e.column, e.problem], ['unknownFunction', { name: 'swish' }, 10, "unknown function 'swish'"]);
});

test('custom activations: the cost limit, the grid check and bad definitions in Chinese', () => {
  const costly = thrown(() => compileCustomActivation({ name: 'c', expression: Array.from({ length: 40 }, (_, i) => `tanh(${i + 1}*x)`).join('+') }));
  assert.ok(costly instanceof ExprError);
  assert.match(costly.message, /^expression is too costly to evaluate \(f and f' take \d+ operations per point together, at most 320: simplify it\)$/);
  assert.match(renderExprError(costly, 'zh-cn'), /^表达式的计算效率太低（f 和 f′ 在每个点上合计需要 \d+ 次运算，最多 320 次：请化简表达式）$/);

  const pole = thrown(() => compileCustomActivation({ name: 'inv', expression: 'log(x)' }));
  assert.ok(pole instanceof ExprError);
  assert.match(pole.message, /^custom activation 'inv' fails validation on \[-10, 10\]: f\(-10\) is not finite \(NaN\); f\(-9\.95\) is not finite \(NaN\)/);
  assert.match(renderExprError(pole, 'zh-cn'), /^自定义激活函数“inv”没有通过 \[-10, 10\] 上的检验：f\(-10\) 不是有限值（NaN）；f\(-9\.95\) 不是有限值（NaN）；/);

  const unused = thrown(() => compileCustomActivation({ name: 'u', expression: 'x', params: { a: 1, b: 2 } }));
  assert.equal(renderExprError(unused, 'zh-cn'), '表达式中没有用到参数 a, b');
  assert.equal((unused as Error).message, 'parameters a, b not used in the expression');

  // a bad name is not an expression error, but it is localised too
  const taken = thrown(() => compileCustomActivation({ name: 'relu', expression: 'x' }));
  assert.ok(taken instanceof CustomActivationError && !(taken instanceof ExprError));
  assert.equal(taken.message, "custom activation name 'relu' is taken by the built-in relu; choose another name");
  assert.equal(renderExprError(taken, 'zh-cn'), '自定义激活函数的名称“relu”已被内置的 relu 占用，请换一个名称');
  const badParam = thrown(() => compileCustomActivation({ name: 'p', expression: 'x*pi', params: { pi: 1 } }));
  assert.equal(renderExprError(badParam, 'zh-cn'), '参数名“pi”是保留字（x、pi、e 和函数名）（自定义激活函数“p”）');
  // anything else keeps its own message
  assert.equal(renderExprError(new RangeError('out of range'), 'zh-cn'), 'out of range');
});

test('activation text, --custom and parameter lists: problems as messages, in both languages', () => {
  const text = readActivationText('leaky_relu(2*x)');
  assert.ok('problem' in text);
  assert.equal(renderExprMessage(text.problem, 'en'),
    "invalid expression 'leaky_relu(2*x)': unknown function 'leaky_relu' at column 1 (known: exp, log, sqrt, abs, tanh, sigmoid, erf, sin, cos, softplus, sign, min, max, where); leaky_relu is a built-in activation, not a function of the expression language: write it alone, with parameters as leaky_relu(alpha=0.01)");
  assert.match(renderExprMessage(text.problem, 'zh-cn'), /^表达式“leaky_relu\(2\*x\)”无效：未知函数“leaky_relu”（第 1 列；已知函数：.*）；leaky_relu 是内置激活函数，不是表达式语言里的函数：请单独写它，带参数时写成 leaky_relu\(alpha=0\.01\)$/);
  const unused = readActivationText('x', { params: { b: 1 } });
  assert.ok('problem' in unused);
  assert.equal(renderExprMessage(unused.problem, 'zh-cn'), '表达式“x”没有用到 --param b（表达式的参数必须在表达式中出现）');
  const twice = readCustomDefinitions(['s=x', 's=2*x']);
  assert.ok(!(twice instanceof Map));
  assert.equal(renderExprMessage(twice.problem, 'zh-cn'), '自定义激活函数 s 定义了两次（--custom s=...）：每个名称只能定义一次');
  const list = readParamList('beta=1, alpha');
  assert.ok('problem' in list);
  assert.equal(renderExprMessage(list.problem, 'zh-cn'), '“alpha”不是 name=number 的形式');
  assert.deepEqual(readParamList('beta=1; alpha=0.5'), { params: Object.assign(Object.create(null) as Record<string, number>, { beta: 1, alpha: 0.5 }) });
  // a message names its values; messages nest and render in one language
  const nested = exprMessage('customInvalid', { name: 'f', problem: exprMessage('emptyExpression') });
  assert.equal(renderExprMessage(nested, 'en'), 'custom activation f: empty expression');
  assert.equal(renderExprMessage(nested, 'zh-cn'), '自定义激活函数 f：表达式为空');
});
