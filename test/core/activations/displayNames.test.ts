// Activation names in Simplified Chinese: a name keeps in Latin letters only the function's own
// name (GELU, ReLU, tanh), never an English word ('Identity (linear)' is 恒等（线性）), and every
// surface reads names through the one function that picks the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import type { ActivationRecord } from '../../../src/core/activations/types';
import { displayNameIn, formulaText } from '../../../src/core/locale';

const root = path.resolve(__dirname, '..', '..', '..');
const latinWords = (s: string): string[] => s.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];

/** Latin words the registry's Chinese text itself keeps as names (Sigmoid, Leaky ReLU, Swish, softplus, …). */
const keptInChinese = new Set(ACTIVATIONS.flatMap((r) => [
  r.doc['zh-cn'], ...r.pros.map((p) => p['zh-cn']), ...r.cons.map((c) => c['zh-cn']), ...r.params.map((p) => p.doc?.['zh-cn'] ?? ''),
  formulaText(r.formula, 'zh-cn'), formulaText(r.derivative, 'zh-cn'),
]).flatMap(latinWords).map((w) => w.toLowerCase()));

/** The names a record's own formulas use for it and its parts: hard_sigmoid gives hardsigmoid, hard and sigmoid. */
function formulaNames(r: ActivationRecord): Set<string> {
  const ids = `${r.formula.unicode} ${r.derivative.unicode}`.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  return new Set(ids.flatMap((id) => [id.replace(/_/g, ''), ...id.split('_')]).map((w) => w.toLowerCase()));
}

/** Whether a Latin word of a Chinese name is a name, not an English word: a coined form (ReLU, GELU, LogSigmoid, ReLU6), or kept as a name by the Chinese text or the formulas. */
function isName(word: string, r: ActivationRecord): boolean {
  if (/^.+[A-Z0-9]/.test(word)) return true; // a capital or digit after the first letter: an acronym or an identifier
  const w = word.toLowerCase();
  return keptInChinese.has(w) || formulaNames(r).has(w);
}

const englishWords = (r: ActivationRecord, name: string): string[] => latinWords(name).filter((w) => !isName(w, r));

test('in Chinese no activation name carries an English word, only function names', () => {
  const found = ACTIVATIONS.map((r) => ({ id: r.id, name: displayNameIn(r, 'zh-cn'), words: englishWords(r, displayNameIn(r, 'zh-cn')) })).filter((x) => x.words.length);
  assert.deepEqual(found, []);
});

test('the rule can fail: English names with words are caught, and each has a Chinese name', () => {
  const withWords = ACTIVATIONS.filter((r) => englishWords(r, r.displayName).length);
  assert.ok(withWords.length > 0, 'some English display name carries a word the rule refuses');
  for (const r of withWords) assert.notEqual(displayNameIn(r, 'zh-cn'), r.displayName, `${r.id} needs a Chinese name`);
  // a name without words is the same in both languages
  for (const r of ACTIVATIONS.filter((x) => !englishWords(x, x.displayName).length)) assert.equal(displayNameIn(r, 'zh-cn'), r.displayName, r.id);
});

test('English is the English name in every case', () => {
  for (const r of ACTIVATIONS) assert.equal(displayNameIn(r, 'en'), r.displayName, r.id);
});

/** Every .ts file under a folder of the repository. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(root, rel)).isDirectory() ? sources(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

test('surfaces read a name through displayNameIn only (one place decides the language)', () => {
  const readers = [...sources('src'), ...sources('webview')]
    .filter((f) => f !== path.join('src', 'core', 'locale.ts'))
    .filter((f) => /\.displayNames?\b(?!\s*:)/.test(readFileSync(path.join(root, f), 'utf8')));
  assert.deepEqual(readers, []);
});
