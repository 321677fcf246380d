import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview, parseToWebview } from '../../src/protocol/messages';

test('valid webview messages parse to their typed form', () => {
  assert.deepEqual(parseFromWebview({ type: 'webview/ready', surface: 'panel' }), { type: 'webview/ready', surface: 'panel' });
  assert.deepEqual(parseFromWebview({ type: 'webview/pong', nonce: 'a1' }), { type: 'webview/pong', nonce: 'a1' });
  assert.deepEqual(parseFromWebview({ type: 'webview/showSection', section: 'guide', extra: 1 }), { type: 'webview/showSection', section: 'guide' });
});

test('malformed webview messages give a reason, never a throw', () => {
  const bad: unknown[] = [null, undefined, 42, 'x', [], {}, { type: 'nope' }, { type: 'webview/ready', surface: 'tab' },
    { type: 'webview/pong' }, { type: 'webview/pong', nonce: 'x'.repeat(65) }, { type: 'webview/showSection', section: '__proto__' },
    JSON.parse('{"__proto__": {"type": "webview/ready"}}')];
  for (const m of bad) {
    const r = parseFromWebview(m);
    assert.equal(typeof r, 'string', JSON.stringify(m));
  }
});

test('malformed host messages give a reason in the webview', () => {
  for (const m of [null, { type: 'lab/state' }, { type: 'lab/state', state: { surface: 'panel', section: 'x', locale: 'en', version: '1' } }, { type: 'lab/ping', nonce: 1 }]) {
    assert.equal(typeof parseToWebview(m), 'string', JSON.stringify(m));
  }
  assert.equal(typeof parseToWebview({ type: 'lab/state', state: { surface: 'panel', section: 'runs', locale: 'zh-cn', version: '0.1.0' } }), 'object');
});
