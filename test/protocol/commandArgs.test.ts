import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompareArgs, parseOpenGuideArgs, parseOpenLabArgs } from '../../src/protocol/commandArgs';

test('hover-link arguments parse to their typed form', () => {
  const open = parseOpenLabArgs({ activation: 'leaky_relu', framework: 'keras', params: { alpha: 0.3 } });
  assert.deepEqual({ ...open, params: { ...open?.params } }, { activation: 'leaky_relu', framework: 'keras', params: { alpha: 0.3 } });
  assert.deepEqual(parseCompareArgs(['relu', 'gelu']), ['relu', 'gelu']);
  assert.deepEqual(parseOpenGuideArgs({ activation: 'elu' }), { activation: 'elu' });
});

test('malformed arguments are refused, and malformed parameters dropped with the activation kept', () => {
  for (const bad of [undefined, null, 'relu', [], { activation: 3 }, { activation: '' }, { activation: '<img src=x>' }]) {
    assert.equal(parseOpenLabArgs(bad), undefined, JSON.stringify(bad));
  }
  for (const params of [{ alpha: 'x' }, { alpha: Infinity }, { 'a b': 1 }, [1, 2], 'alpha=1']) {
    assert.deepEqual(parseOpenLabArgs({ activation: 'elu', params }), { activation: 'elu' }, JSON.stringify(params));
  }
  for (const bad of [undefined, [], ['ok', 3], 'relu', Array(33).fill('relu'), ['x y']]) assert.equal(parseCompareArgs(bad), undefined);
  assert.equal(parseOpenGuideArgs({ activation: null }), undefined);
});
