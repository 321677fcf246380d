// The hover's own words: the same keys in English and Simplified Chinese, none empty, the same
// placeholders, and actually translated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOVER_LABELS, hoverLanguage, label } from '../../../src/core/hover/labels';

test('English and Simplified Chinese hover labels have the same keys, none empty, same placeholders', () => {
  const en = HOVER_LABELS.en;
  const zh = HOVER_LABELS['zh-cn'];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
  for (const k of Object.keys(en) as (keyof typeof en)[]) {
    assert.ok(en[k].trim() && zh[k].trim(), k);
    assert.deepEqual(placeholders(zh[k]), placeholders(en[k]), k);
    assert.ok(/[\u4e00-\u9fff]/.test(zh[k]), `${k} is not translated: ${zh[k]}`);
  }
});

test('the hover language follows VS Code\'s display language', () => {
  for (const l of ['zh-cn', 'zh-CN', 'zh', 'zh-hans', 'zh-Hans-CN', 'zh-sg']) assert.equal(hoverLanguage(l), 'zh-cn', l);
  for (const l of ['en', 'en-us', 'de', 'zh-tw', 'zh-hk', 'zh-hant', 'ja']) assert.equal(hoverLanguage(l), 'en', l);
  assert.equal(label('en', 'defaultsIn', 'Keras'), 'Defaults in Keras');
  assert.equal(label('zh-cn', 'defaultsIn', 'Keras'), 'Keras 中的默认值');
});
