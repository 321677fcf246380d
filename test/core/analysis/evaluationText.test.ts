// The lines of an activation evaluated at x, as `actlab eval` and VS Code's "Evaluate Activation at
// x" both show them: the values against closed forms, and the same numbers in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation, resolveParams } from '../../../src/core/activations/registry';
import { evaluateAt } from '../../../src/core/analysis/evaluate';
import { evaluationLines, numberText } from '../../../src/core/analysis/evaluationText';
import type { UiLanguage } from '../../../src/core/locale';

function lines(id: string, xs: number[], given: Record<string, number>, lang: UiLanguage): string[] {
  const record = getActivation(id);
  const p = resolveParams(record, given);
  return evaluationLines(record, id, p, evaluateAt(record, xs, p), lang);
}

const numbers = (ls: readonly string[]): string[] => ls.flatMap((l) => l.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|Infinity|NaN/g) ?? []);

test('numbers: 8 significant digits, no trailing zeros; -0, NaN and ±Infinity written as such', () => {
  assert.equal(numberText(1 / 3), '0.33333333');
  assert.equal(numberText(2.5), '2.5');
  assert.equal(numberText(-0), '-0');
  assert.equal(numberText(1e-12), '1e-12');
  assert.equal(numberText(Number.NaN), 'NaN');
  assert.equal(numberText(-Infinity), '-Infinity');
});

test('leaky_relu at -2 and 3 with alpha 0.3: the values of the closed form, words in each language', () => {
  const en = lines('leaky_relu', [-2, 3], { alpha: 0.3 }, 'en');
  const zh = lines('leaky_relu', [-2, 3], { alpha: 0.3 }, 'zh-cn');
  // f(-2) = 0.3·(-2) = -0.6, f′(-2) = 0.3; f(3) = 3, f′(3) = 1
  assert.deepEqual(en, [
    'leaky_relu (alpha=0.3)',
    '  LeakyReLU(x) = x if x > 0, else αx',
    '   x  f(x)  f\'(x)',
    '  -2  -0.6    0.3',
    '   3     3      1',
  ]);
  assert.deepEqual(zh, [
    'leaky_relu（alpha=0.3）',
    '  LeakyReLU(x)：x > 0 时为 x，否则为 αx',
    '   x  f(x)  f′(x)',
    '  -2  -0.6    0.3',
    '   3     3      1',
  ]);
  assert.deepEqual(numbers(zh), numbers(en));
});

test('softmax of [1000, 1001]: p = 1/(1+e), the Jacobian diag(p) − ppᵀ, in both languages with the same numbers', () => {
  const p0 = 1 / (1 + Math.E);
  const p1 = Math.E / (1 + Math.E);
  for (const lang of ['en', 'zh-cn'] as const) {
    const ls = lines('softmax', [1000, 1001], {}, lang);
    const rows = ls.slice(3, 5).map((l) => l.trim().split(/\s+/).map(Number));
    assert.ok(Math.abs(rows[0][1] - p0) < 1e-8 && Math.abs(rows[1][1] - p1) < 1e-8, `${lang}: ${ls.join('\n')}`);
    assert.ok(Math.abs(rows[0][2] - p0 * (1 - p0)) < 1e-8, 'the diagonal p(1 − p)');
    const jac = ls.slice(6, 8).map((l) => l.trim().split(/\s+/).map(Number));
    assert.ok(Math.abs(jac[0][1] + p0 * p1) < 1e-8 && Math.abs(jac[1][0] + p0 * p1) < 1e-8, 'off the diagonal −pᵢpⱼ');
  }
  const en = lines('softmax', [1000, 1001], {}, 'en');
  const zh = lines('softmax', [1000, 1001], {}, 'zh-cn');
  assert.equal(en[5], 'Jacobian (row i: ∂fᵢ/∂xⱼ):');
  assert.equal(zh[5], '雅可比矩阵（第 i 行：∂fᵢ/∂xⱼ）：');
  assert.equal(zh[0], 'softmax（无参数）');
  assert.deepEqual(numbers(zh.slice(1)), numbers(en.slice(1)));
});

test('past 16 values the Jacobian is a note, in each language', () => {
  const xs = Array.from({ length: 17 }, (_, i) => i / 10);
  assert.match(lines('softmax', xs, {}, 'en').at(-1)!, /^note: the 17×17 Jacobian is not printed \(only up to 16 values\)/);
  assert.match(lines('softmax', xs, {}, 'zh-cn').at(-1)!, /^注：17×17 的雅可比矩阵没有打印（最多 16 个值时才打印）/);
});
