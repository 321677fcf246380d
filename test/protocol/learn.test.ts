// train/start's `learn` at the boundary: parameter names (as `actlab train --learn`), each a short
// identifier, a few at most, none twice; a bad list is refused with the field named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LEARNED_PARAMS, parseFromWebview } from '../../src/protocol/messages';

const good = { type: 'train/start', activations: ['silu', 'elu'], epochs: 1, learn: ['beta', 'alpha'] };

test('train/start: learn passes as given; without it the message has none', () => {
  assert.deepEqual(parseFromWebview(good), good);
  const plain = parseFromWebview({ type: 'train/start', activations: ['relu'], epochs: 1 });
  assert.equal(typeof plain, 'object');
  assert.equal('learn' in (plain as object), false);
});

test('train/start: each bad learn list is named in one line', () => {
  const bad: [unknown, RegExp][] = [
    ['beta', /learn must list 1 to 16 parameter names: not an array/],
    [[], /learn must list 1 to 16 parameter names: must have 1 to 16 items, has 0/],
    [Array.from({ length: MAX_LEARNED_PARAMS + 1 }, (_, i) => `p${i}`), /must have 1 to 16 items, has 17/],
    [[1], /item 0 \(1\) is not a valid name/],
    [['beta', ''], /item 1 \(""\) is not a valid name/],
    [['2beta'], /item 0 \("2beta"\)/],
    [['be ta'], /item 0/],
    [['x'.repeat(33)], /item 0/],
    [['__proto__.x'], /item 0/],
    [[null], /item 0 \(null\)/],
    [['beta', 'beta'], /learn repeats a parameter name/],
  ];
  for (const [learn, message] of bad) {
    const r = parseFromWebview({ ...good, learn });
    assert.equal(typeof r, 'string', JSON.stringify(learn));
    assert.match(r as string, /^train\/start: /);
    assert.match(r as string, message, JSON.stringify(learn));
    assert.doesNotMatch(r as string, /\n/, 'one line');
  }
});
