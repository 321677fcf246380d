import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebview, startHarness, stopHarness } from './harness';
import type { LabState } from '../../src/protocol/messages';
import { contentSecurityPolicy } from '../../src/host/webviewShell';

const state: LabState = { surface: 'panel', section: 'functions', locale: 'en', version: '0.1.0' };

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
  await w.page.waitForFunction("window.__posted.length > 0");
  assert.deepEqual((await w.posted())[0], { type: 'webview/ready', surface: 'panel' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  assert.deepEqual(await w.page.$$eval('[role=tab]', (els) => els.map((e) => e.textContent)), ['Functions', 'Train', 'Runs', 'Guide']);
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('it answers a ping and switches sections from the keyboard', async () => {
  const w = await openWebview('panel');
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  await w.send({ type: 'lab/ping', nonce: 'n-1' });
  await w.page.waitForFunction("window.__posted.some((m) => m.type === 'webview/pong')");
  assert.ok((await w.posted()).some((m) => m.type === 'webview/pong' && m.nonce === 'n-1'));
  await w.page.focus('#tab-functions');
  await w.page.keyboard.press('ArrowRight');
  assert.equal(await w.page.getAttribute('#tab-train', 'aria-selected'), 'true');
  assert.ok((await w.posted()).some((m) => m.type === 'webview/showSection' && m.section === 'train'));
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

test('the section survives a reload through the saved page state', async () => {
  const w = await openWebview('panel', { section: 'runs' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[role=tab]');
  assert.equal(await w.page.getAttribute('#tab-runs', 'aria-selected'), 'true');
  await w.close();
});
