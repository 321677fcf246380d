import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebview, startHarness, stopHarness, waitForPosted, waitInPage } from './harness';
import type { LabState } from '../../src/protocol/messages';
import { contentSecurityPolicy } from '../../src/host/webviewShell';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

test('the CSP has a nonce, no unsafe-eval and no inline style', () => {
  const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
  assert.match(csp, /script-src 'nonce-abc'/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
  assert.match(csp, /default-src 'none'/);
});

test('the panel loads, says ready, renders its sections, with zero CSP violations', async () => {
  const w = await openWebview('panel');
  await waitInPage(w, 'window.__posted.length > 0', 'the page\'s first message');
  assert.deepEqual((await w.posted())[0], { type: 'webview/ready', surface: 'panel' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  assert.deepEqual(await w.page.$$eval('[role=tab]', (els) => els.map((e) => e.textContent)), ['Functions', 'Train', 'Sweep', 'Runs', 'Guide', 'Playground']);
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('it answers a ping and switches sections from the keyboard', async () => {
  const w = await openWebview('panel');
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  await w.send({ type: 'lab/ping', requestId: 'n-1' });
  await waitForPosted(w, 'the pong to n-1', (m) => m.type === 'lab/pong' && m.requestId === 'n-1');
  await w.page.focus('#tab-functions');
  await w.page.keyboard.press('ArrowRight');
  assert.equal(await w.page.getAttribute('#tab-train', 'aria-selected'), 'true');
  assert.equal((await w.page.evaluate<{ section: string }>('window.__state')).section, 'train', 'the page saves the section it shows');
  await w.close();
});

test('Simplified Chinese comes from the host locale', async () => {
  const w = await openWebview('sidebar');
  await w.send({ type: 'lab/state', state: { ...state, surface: 'sidebar', locale: 'zh-cn' } });
  await w.page.waitForSelector('[data-action=guide]');
  assert.equal(await w.page.textContent('[data-action=guide]'), '选择指南');
  await w.close();
});

test('malformed host messages are ignored and do not break the page', async () => {
  const w = await openWebview('panel');
  for (const m of [null, 42, 'lab/state', { type: 'lab/state' }, { type: 'lab/state', state: { surface: 'x' } }, { type: 'evil', html: '<img src=x onerror=alert(1)>' }]) {
    await w.send(m);
  }
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  assert.deepEqual(w.errors, []);
  assert.deepEqual(await w.violations(), []);
  await w.close();
});

test('the section survives a reload through the saved page state; the host\'s state does not override it', async () => {
  const w = await openWebview('panel', { section: 'runs' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  assert.equal(await w.page.getAttribute('#tab-runs', 'aria-selected'), 'true');
  // A later state (a theme or locale change, a replay) keeps the section too; only lab/show moves it.
  await w.send({ type: 'lab/state', state: { ...state, locale: 'zh-cn' } });
  await w.page.waitForSelector('html[lang=zh-cn]');
  assert.equal(await w.page.getAttribute('#tab-runs', 'aria-selected'), 'true');
  await w.send({ type: 'lab/show', section: 'guide' });
  await w.page.waitForSelector('#section-guide');
  await w.close();
});
