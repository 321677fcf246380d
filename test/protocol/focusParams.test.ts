// Focus parameters (a hover's "Open in Lab" with the code's values) in the typed messages: finite
// numbers under identifier names pass; anything else is refused with a reason naming the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFocusParams, parseFromWebview, parseToWebview } from '../../src/protocol/messages';

/** Parsed params are null-prototype records (a parameter named __proto__ is a name like any other): compare the values. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

test('focus params pass through both directions', () => {
  const focus = { activations: ['leaky_relu'], view: 'plot', params: { alpha: 0.3 } };
  assert.deepEqual(plain(parseToWebview({ type: 'lab/show', section: 'functions', focus })), { type: 'lab/show', section: 'functions', focus });
  assert.deepEqual(plain(parseFromWebview({ type: 'lab/open', section: 'functions', focus })), { type: 'lab/open', section: 'functions', focus });
  assert.deepEqual(plain(parseFocusParams({ alpha: -2, min_val: 1e-3 })), { alpha: -2, min_val: 1e-3 });
  const proto = parseFocusParams(JSON.parse('{"__proto__": 2, "alpha": 1}')) as Record<string, number>;
  assert.equal(Object.getPrototypeOf(proto), null);
  assert.deepEqual(Object.entries(proto), [['__proto__', 2], ['alpha', 1]]);
});

test('malformed focus params give a reason naming the problem', () => {
  const cases: [unknown, RegExp][] = [
    [[0.3], /must be an object/],
    [null, /must be an object/],
    [{ alpha: '0.3' }, /alpha must be a finite number/],
    [{ alpha: NaN }, /alpha must be a finite number/],
    [{ alpha: Infinity }, /alpha must be a finite number/],
    [{ 'al pha': 1 }, /bad parameter name/],
    [{ ['x'.repeat(40)]: 1 }, /bad parameter name/],
    [Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i])), /at most 16/],
  ];
  for (const [params, reason] of cases) {
    const r = parseFocusParams(params);
    assert.equal(typeof r, 'string', JSON.stringify(params));
    assert.match(r as string, reason);
    const msg = parseToWebview({ type: 'lab/show', section: 'functions', focus: { activations: ['relu'], params } });
    assert.equal(typeof msg, 'string');
    assert.match(msg as string, /^lab\/show: focus\.params/);
    assert.equal(typeof parseFromWebview({ type: 'lab/open', section: 'functions', focus: { activations: ['relu'], params } }), 'string');
  }
});
