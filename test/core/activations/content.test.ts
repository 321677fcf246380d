// The registry's prose: every built-in record gives the hover its "two or three pros and cons",
// each written in both languages and none repeated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import type { LocalizedText } from '../../../src/core/activations/types';

const CJK = /[\u4e00-\u9fff]/;

test('every built-in record has 2 or 3 pros and 2 or 3 cons (the hover shows at most 3)', () => {
  const short = ACTIVATIONS.filter((r) => r.pros.length < 2 || r.cons.length < 2).map((r) => `${r.id} (${r.pros.length} pros, ${r.cons.length} cons)`);
  assert.deepEqual(short, [], 'records with fewer than two pros or cons');
  const long = ACTIVATIONS.filter((r) => r.pros.length > 3 || r.cons.length > 3).map((r) => `${r.id} (${r.pros.length} pros, ${r.cons.length} cons)`);
  assert.deepEqual(long, [], 'records with more than three pros or cons: the hover would hide the rest');
});

test('every pro and con is non-empty in en and zh-cn, and the zh-cn text is Chinese', () => {
  for (const r of ACTIVATIONS) {
    for (const [kind, items] of [['pros', r.pros], ['cons', r.cons]] as const) {
      items.forEach((text: LocalizedText, i) => {
        const where = `${r.id} ${kind}[${i}]`;
        assert.ok(text.en.trim().length > 0, `${where}: empty en`);
        assert.ok(text['zh-cn'].trim().length > 0, `${where}: empty zh-cn`);
        assert.ok(CJK.test(text['zh-cn']), `${where}: zh-cn has no CJK characters: ${text['zh-cn']}`);
        assert.ok(!CJK.test(text.en), `${where}: en has CJK characters: ${text.en}`);
      });
    }
  }
});

test('no en text is repeated within a record, across its pros and cons', () => {
  for (const r of ACTIVATIONS) {
    const seen = new Set<string>();
    for (const text of [...r.pros, ...r.cons]) {
      const key = text.en.trim().toLowerCase();
      assert.ok(!seen.has(key), `${r.id}: "${text.en}" appears twice`);
      seen.add(key);
    }
  }
});
