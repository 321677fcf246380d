// The whole tutorial in the guide: why non-linearity, its six activations, 3.2's considerations
// complete, the expected result, trends (with SELU's constants fixed), the four questions and
// further reading, in both languages, each link pointing at activations the registry has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, findActivation, getActivation } from '../../../src/core/activations/registry';
import type { LocalizedText } from '../../../src/core/activations/types';
import { CONSIDERATIONS, TUTORIAL_FUNCTIONS } from '../../../src/core/guide/content';
import { EXPECTED_RESULT, YOUR_RUNS } from '../../../src/core/guide/experiment';
import { NON_LINEARITY } from '../../../src/core/guide/nonLinearity';
import { QUESTIONS, QUESTIONS_INTRO, QUESTIONS_TITLE } from '../../../src/core/guide/questions';
import { READING, READING_TITLE } from '../../../src/core/guide/reading';
import { TRENDS, TRENDS_TITLE } from '../../../src/core/guide/trends';

const both = (x: LocalizedText, where: string): void => assert.ok(x.en.trim() && /\p{Script=Han}/u.test(x['zh-cn']), `${where}: both languages`);
const consideration = (id: string) => CONSIDERATIONS.find((c) => c.id === id)!;

test('every part has both languages and links only to registry activations', () => {
  const sections = [NON_LINEARITY, TUTORIAL_FUNCTIONS, EXPECTED_RESULT, ...TRENDS];
  for (const s of sections) { both(s.title, s.id); both(s.text, s.id); }
  for (const q of QUESTIONS) { both(q.question, q.id); both(q.answer, q.id); }
  for (const [k, v] of Object.entries(YOUR_RUNS)) both(v, k);
  for (const x of [TRENDS_TITLE, QUESTIONS_TITLE, QUESTIONS_INTRO, READING_TITLE]) both(x, x.en);
  for (const link of [...sections.map((s) => s.link), ...QUESTIONS.map((q) => q.link)]) {
    for (const id of link?.activations ?? []) assert.ok(findActivation(id), `link to unknown ${id}`);
  }
  // the placeholders the page fills are in both languages
  const holes = (s: string): string[] => [...s.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();
  for (const v of Object.values(YOUR_RUNS)) assert.deepEqual(holes(v['zh-cn']), holes(v.en));
});

test("the tutorial's six activations are the registry's tutorial records", () => {
  assert.deepEqual(ACTIVATIONS.filter((a) => a.tutorial).map((a) => a.id).sort(), ['elu', 'leaky_relu', 'relu', 'sigmoid', 'softmax', 'tanh']);
});

test('3.2 complete: sparsity may improve generalisation, ELU may train more stably, open intervals explained', () => {
  assert.match(consideration('sparsity').text.en, /generalis/);
  assert.match(consideration('sparsity').text['zh-cn'], /泛化/);
  assert.match(consideration('trainingStability').text.en, /ELU[^.]*more stably/);
  assert.match(consideration('trainingStability').text['zh-cn'], /ELU[^。]*更稳定/);
  const range = consideration('outputRange').text;
  assert.ok(range.en.includes('[0, 1]') && range.en.includes('(0, 1)') && range.en.includes('(−1, 1)'));
  assert.ok(range['zh-cn'].includes('[0, 1]') && range['zh-cn'].includes('开区间'));
  // the intervals the guide writes are the registry's
  assert.deepEqual([getActivation('sigmoid').range.minIncluded, getActivation('sigmoid').range.maxIncluded], [false, false]);
  assert.deepEqual([getActivation('tanh').range.min, getActivation('tanh').range.max, getActivation('tanh').range.minIncluded], [-1, 1, false]);
});

test('4.3: the expected order, and the lab\'s own numbers it quotes', () => {
  assert.match(EXPECTED_RESULT.text.en, /ReLU and Leaky ReLU[^.]*then tanh, then sigmoid/);
  assert.match(EXPECTED_RESULT.text['zh-cn'], /ReLU 和 Leaky ReLU[^。]*其次是 Tanh，最后是 Sigmoid/);
});

test('5: three trends; SELU\'s constants are fixed, PReLU\'s a and Swish\'s β are learned', () => {
  assert.deepEqual(TRENDS.map((t) => t.id), ['nonSaturating', 'adaptive', 'mixed']);
  const adaptive = TRENDS.find((t) => t.id === 'adaptive')!;
  assert.match(adaptive.text.en, /SELU is not one of them: its λ ≈ 1\.0507 and α ≈ 1\.6733 are fixed constants/);
  assert.match(adaptive.text['zh-cn'], /SELU 不属于这一类[^。]*固定常数/);
  // the registry agrees: PReLU's slope is learnable, SELU has no parameters at all
  assert.equal(getActivation('prelu').params[0].learnable, true);
  assert.deepEqual(getActivation('selu').params, []);
  const selu = getActivation('selu');
  assert.ok(selu.formula.unicode.includes('1.0507') && selu.formula.unicode.includes('1.6733'));
});

test('6.1: the four thinking questions, each answered by a plot or an analysis', () => {
  assert.deepEqual(QUESTIONS.map((q) => q.id), ['whyActivations', 'vanishingGradients', 'reluProsCons', 'howToChoose']);
  assert.equal(QUESTIONS.find((q) => q.id === 'vanishingGradients')!.link.view, 'gradientFlow');
  // 0.25¹⁰ ≈ 10⁻⁶, as the answer says
  assert.ok(Math.abs(Math.log10(0.25 ** 10) + 6) < 0.05);
});

test('7: further reading, each a https link with a note in both languages; papers come from the registry', () => {
  assert.ok(READING.length >= 10);
  for (const r of READING) {
    assert.match(r.url, /^https:\/\/[^\s]+$/);
    both(r.note, r.title);
  }
  assert.ok(READING.some((r) => r.url === getActivation('relu').paper!.url));
  assert.ok(READING.some((r) => r.url.startsWith('https://zh.d2l.ai/')), 'one reading in Chinese');
});
