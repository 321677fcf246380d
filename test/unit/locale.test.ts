// One locale rule decides the UI language on every surface: Simplified Chinese for zh, zh-cn,
// zh-sg, zh-hans(-*); English for Traditional Chinese (no Traditional bundle yet) and the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { uiLanguage, formulaText } from '../../src/core/locale';
import { getActivation } from '../../src/core/activations/registry';
import { hoverLanguage } from '../../src/core/hover/labels';
import { lang, setLocale, t } from '../../webview/i18n';

const root = path.resolve(__dirname, '..', '..');

const SIMPLIFIED = ['zh', 'zh-cn', 'zh-CN', 'ZH-CN', 'zh-sg', 'zh-hans', 'zh-Hans', 'zh-Hans-CN', 'zh-hans-sg', 'zh_CN', 'zh_CN.UTF-8', 'zh_SG.utf8', ' zh-cn '];
const ENGLISH = ['zh-tw', 'zh-TW', 'zh-hk', 'zh-mo', 'zh-hant', 'zh-Hant-TW', 'zh_TW.UTF-8', 'en', 'en-us', 'de', 'ja', 'ko', 'fr-FR', '', 'C', 'POSIX', 'zhx', 'x-zh'];

test('the rule: Simplified Chinese tags give zh-cn, Traditional Chinese and everything else English', () => {
  for (const tag of SIMPLIFIED) assert.equal(uiLanguage(tag), 'zh-cn', JSON.stringify(tag));
  for (const tag of ENGLISH) assert.equal(uiLanguage(tag), 'en', JSON.stringify(tag));
});

test('the hovers and the webview decide by the same rule', () => {
  for (const tag of [...SIMPLIFIED, ...ENGLISH]) {
    assert.equal(hoverLanguage(tag), uiLanguage(tag), `hover, ${tag}`);
    setLocale(tag);
    assert.equal(lang(), uiLanguage(tag), `webview, ${tag}`);
    assert.equal(t('section.guide'), uiLanguage(tag) === 'zh-cn' ? '选择指南' : 'Guide', `webview strings, ${tag}`);
  }
  setLocale('en');
});

test('formulas with words have a Chinese form; the others are shared', () => {
  const relu = getActivation('relu');
  assert.equal(formulaText(relu.derivative, 'en'), relu.derivative.unicode);
  assert.equal(formulaText(relu.derivative, 'zh-cn'), 'ReLU′(x)：x > 0 时为 1，否则为 0');
  const sigmoid = getActivation('sigmoid');
  assert.equal(formulaText(sigmoid.formula, 'zh-cn'), sigmoid.formula.unicode);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('no surface decides the language by itself: only src/core/locale.ts reads a zh tag', () => {
  // a second rule shows as a comparison with a Chinese locale tag (`startsWith('zh')`, `=== 'zh-tw'`, ...)
  const ownRule = /(startsWith|===|!==|==|includes)\s*\(?\s*['"`]zh\b|['"`]zh(-(cn|sg|tw|hk|hans|hant))?['"`]\s*(===|!==)/i;
  const offenders = ['src', 'webview']
    .flatMap((d) => files(path.join(root, d)))
    .filter((f) => !f.endsWith(path.join('src', 'core', 'locale.ts')) && ownRule.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(root, f));
  assert.deepEqual(offenders, []);
  assert.ok(ownRule.test("vscode.env.language.toLowerCase().startsWith('zh')"), 'the detector sees the old picker rule');
  assert.ok(ownRule.test("tag === 'zh' || tag === 'zh-cn'"), 'the detector sees the old hover rule');
  for (const f of ['src/host/activationPicker.ts', 'src/core/hover/labels.ts', 'webview/i18n.ts']) {
    assert.match(readFileSync(path.join(root, f), 'utf8'), /uiLanguage\(/, `${f} uses uiLanguage`);
  }
});
