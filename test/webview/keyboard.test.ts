// Keyboard only: every control of Functions, Train, Runs and Guide is reached with Tab and shows a
// focus ring that can be seen (drawn outside the control, or in a colour other than its fill); the
// tabs, the activation list and the sliders answer arrow keys; a training job starts without a mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebview, startHarness, stopHarness, waitForPosted, waitInPage, type WebviewPage } from './harness';
import type { LabSection, LabState } from '../../src/protocol/messages';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

/** Light Modern's values for the variables the page's focus and button styles read (VS Code sets them). */
const THEME_VARS: Record<string, string> = {
  '--vscode-focusBorder': '#0078d4',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#e5e5e5',
  '--vscode-button-secondaryForeground': '#3b3b3b',
  '--vscode-checkbox-background': '#f8f8f8',
  '--vscode-foreground': '#3b3b3b',
  '--vscode-editor-background': '#ffffff',
  '--vscode-list-activeSelectionBackground': '#e8e8e8',
  '--vscode-list-focusOutline': '#0078d4',
};

async function open(section: LabSection): Promise<WebviewPage> {
  const w = await openWebview('panel', { section });
  // CSSOM, as VS Code does it: the page's CSP forbids inline <style>, not style properties.
  await w.page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(THEME_VARS)})) document.documentElement.style.setProperty(k, v); })()`);
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector(`#section-${section}`);
  if (section === 'runs') {
    await w.send({ type: 'runs/list', experiments: [{ id: '2025-01-01T12-00-00-000Z', createdAt: '2025-01-01T12:00:00.000Z', dataset: 'mnist', epochs: 2, runs: [{ id: 'relu', status: 'completed', testAccuracy: 0.95, valAccuracy: 0.93 }] }] });
    await w.page.waitForSelector('[data-open]');
  }
  return w;
}

interface Focused {
  id: string;
  what: string;
  ring: boolean;
  ringDetail: string;
}

/**
 * The focused element and whether its ring can be seen: an outline of at least 1px that is drawn
 * outside the control, or inside it in a colour other than its background. Native checkboxes and
 * sliders paint a fill that background-color does not report, so theirs must be outside. VS Code's
 * web components draw their ring inside their shadow root (an outline on a part, or the part's
 * border turning the theme's focus colour): the host and every element of its shadow tree count.
 */
const DESCRIBE_FOCUS = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  if (!e.dataset.kb) e.dataset.kb = String((window.__kb = (window.__kb || 0) + 1));
  const probe = document.createElement('span');
  probe.style.color = 'var(--vscode-focusBorder)';
  document.body.append(probe);
  const focusColour = getComputedStyle(probe).color;
  probe.remove();
  const transparent = (c) => c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
  const ringOf = (x) => {
    const cs = getComputedStyle(x);
    const width = parseFloat(cs.outlineWidth) || 0;
    const offset = parseFloat(cs.outlineOffset) || 0;
    const painted = x.matches('input[type=checkbox], input[type=radio], input[type=range]');
    const outline = cs.outlineStyle !== 'none' && width >= 1 && !transparent(cs.outlineColor)
      && (offset >= 0 || (!painted && cs.outlineColor !== cs.backgroundColor));
    const border = x !== e && (parseFloat(cs.borderTopWidth) || 0) >= 1 && cs.borderTopStyle !== 'none' && cs.borderTopColor === focusColour && cs.backgroundColor !== focusColour;
    return outline || border ? (outline ? 'outline ' : 'border ') + (x === e ? 'on the control' : 'on its ' + x.tagName.toLowerCase() + (x.className ? '.' + String(x.className).split(' ')[0] : '')) : '';
  };
  const parts = e.shadowRoot ? [...e.shadowRoot.querySelectorAll('*')] : [];
  const found = [e, ...parts].map(ringOf).find(Boolean) || '';
  const cs = getComputedStyle(e);
  const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : '')
    + ['data-train', 'data-param', 'data-compare', 'data-action', 'data-custom', 'data-guide', 'data-open', 'data-link', 'data-export', 'data-range', 'data-constraint', 'data-setting', 'data-report', 'role']
      .filter((a) => e.hasAttribute(a)).map((a) => '[' + a + '=' + e.getAttribute(a) + ']').join('');
  return { id: e.dataset.kb, what, ring: Boolean(found), ringDetail: found || (cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor + ' offset ' + cs.outlineOffset + ' on ' + cs.backgroundColor) };
})()`;

const focused = (w: WebviewPage) => w.page.evaluate<Focused | null>(DESCRIBE_FOCUS);

/** Every control a keyboard user should reach: enabled, shown, not taken out of the Tab order. */
const CONTROLS = `(() => [...document.querySelectorAll('#app button, #app input, #app select, #app [tabindex="0"], #app vscode-checkbox, #app vscode-textfield, #app vscode-single-select, #app vscode-button')]
  .filter((e) => !e.disabled && e.getAttribute('tabindex') !== '-1' && e.getClientRects().length > 0)
  .map((e) => { if (!e.dataset.kb) e.dataset.kb = String((window.__kb = (window.__kb || 0) + 1)); return e.dataset.kb; }))()`;

/** Presses Tab until focus comes back round; returns each element focused once, in order. */
async function tabAround(w: WebviewPage, limit = 200): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await w.page.keyboard.press('Tab');
    const f = await focused(w);
    if (!f) continue; // past the last control the browser's own UI has focus for a step
    if (seen.some((s) => s.id === f.id)) break;
    seen.push(f);
  }
  return seen;
}

for (const section of ['functions', 'train', 'runs', 'guide', 'playground'] as const) {
  test(`${section}: Tab reaches every control, each with a visible focus ring`, async () => {
    const w = await open(section);
    // The charts' export buttons come with the embeds: the page answers a query once every chart is drawn.
    await w.send({ type: 'lab/query', requestId: 'drawn' });
    await waitForPosted(w, 'every chart drawn', (m) => m.type === 'lab/report' && m.requestId === 'drawn');
    const controls = await w.page.evaluate<string[]>(CONTROLS);
    const reached = await tabAround(w);
    const ids = new Set(reached.map((f) => f.id));
    const missed = controls.filter((id) => !ids.has(id));
    assert.deepEqual(missed, [], `not reachable with Tab: ${missed.join(', ')}`);
    assert.ok(reached.length >= (section === 'runs' ? 3 : 10), `${reached.length} controls`);
    const noRing = reached.filter((f) => !f.ring).map((f) => `${f.what} (${f.ringDetail})`);
    assert.deepEqual(noRing, [], 'every focused control shows a ring');
    assert.deepEqual(w.errors, []);
    await w.close();
  });
}

test('sidebar and report: Tab reaches every control, each with a visible focus ring', async () => {
  const results = { createdAt: '2025-01-01T12:00:00.000Z', dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 4800, validation: 1200, test: 1000 }, epochs: 1,
    runs: [{ id: 'relu', activations: ['relu', 'relu'], status: 'completed', history: [{ epoch: 1, loss: 0.3, accuracy: 0.9, val_loss: 0.3, val_accuracy: 0.9, seconds: 1, layers: [] }], test: { loss: 0.3, accuracy: 0.9, count: 1000, confusion: Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 100 : 0))), misclassified: [] }, secondsPerEpoch: 1 }] };
  for (const surface of ['sidebar', 'report'] as const) {
    const w = await openWebview(surface, {});
    await w.page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(THEME_VARS)})) document.documentElement.style.setProperty(k, v); })()`);
    await w.send({ type: 'lab/state', state: { ...state, surface, ...(surface === 'report' ? { experiment: '2025-01-01T12-00-00-000Z', canOpenExternal: true } : {}) } });
    if (surface === 'report') {
      await waitForPosted(w, 'the report asks for its experiment', (m) => m.type === 'runs/open');
      await w.send({ type: 'runs/results', id: '2025-01-01T12-00-00-000Z', results });
      await w.page.waitForSelector('[data-action=open-external]');
    } else {
      await w.send({ type: 'runs/list', experiments: [{ id: '2025-01-01T12-00-00-000Z', createdAt: results.createdAt, dataset: 'mnist', epochs: 1, runs: [{ id: 'relu', status: 'completed', testAccuracy: 0.9, valAccuracy: 0.9 }] }] });
      await w.page.waitForSelector('[data-experiment]');
    }
    await w.send({ type: 'lab/query', requestId: 'drawn' });
    await waitForPosted(w, 'every chart drawn', (m) => m.type === 'lab/report' && m.requestId === 'drawn');
    const controls = await w.page.evaluate<string[]>(CONTROLS);
    const reached = await tabAround(w, 300);
    const ids = new Set(reached.map((f) => f.id));
    assert.deepEqual(controls.filter((id) => !ids.has(id)), [], `${surface}: not reachable with Tab`);
    assert.ok(reached.length >= 8, `${surface}: ${reached.length} controls`);
    assert.deepEqual(reached.filter((f) => !f.ring).map((f) => `${f.what} (${f.ringDetail})`), [], `${surface}: every focused control shows a ring`);
    assert.deepEqual(w.errors, []);
    await w.close();
  }
});

test('Train with the keyboard only: Tab to the choices, Space and typing set them, Enter starts training', async () => {
  const w = await open('train');
  const path: string[] = [];
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 40; i++) {
      await w.page.keyboard.press('Tab');
      const f = await focused(w);
      if (f) path.push(f.what);
      if (await w.page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    }
    assert.fail(`Tab never reached ${selector}; went through ${path.join(' > ')}`);
  };
  await tabTo('[data-train=sigmoid]');
  await w.page.keyboard.press('Space'); // sigmoid off
  await tabTo('[data-train=elu]');
  await w.page.keyboard.press('Space'); // elu on
  await tabTo('[data-epochs]');
  await w.page.keyboard.press('Control+A');
  await w.page.keyboard.type('2');
  await tabTo('[data-quick]');
  await w.page.keyboard.press('Space'); // the whole training set
  await tabTo('[data-action=train]');
  await w.page.keyboard.press('Enter');
  await waitForPosted(w, `train/start (focus went ${path.join(' > ')})`, (m) => m.type === 'train/start');
  const start = (await w.posted()).filter((m) => m.type === 'train/start');
  assert.deepEqual(start, [{ type: 'train/start', activations: ['tanh', 'relu', 'leaky_relu', 'elu'], epochs: 2 }], `focus went ${path.join(' > ')}`);
  // The host says a job runs: Start is disabled, Stop takes Space.
  await w.send({ type: 'train/event', event: { type: 'job/started', job: { id: 'j', kind: 'train', epochs: 2, startedAt: '2026-01-01T00:00:00.000Z', runs: [{ runId: 'tanh', activations: ['tanh', 'tanh'] }] } } });
  await waitInPage(w, `document.querySelector('[data-action=stop]')?.disabled === false`, 'Stop enabled while the job runs');
  await w.page.focus('[data-action=stop]');
  await w.page.keyboard.press('Space');
  await waitForPosted(w, 'train/stop', (m) => m.type === 'train/stop');
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('arrow keys: tabs change section, the activation list changes selection, a slider changes the curve', async () => {
  const w = await open('functions');
  await w.page.keyboard.press('Tab');
  assert.equal((await focused(w))?.what, 'button#tab-functions[button][role=tab]');
  await w.page.keyboard.press('ArrowRight');
  await w.page.waitForSelector('#section-train');
  assert.equal(await w.page.evaluate('document.activeElement.id'), 'tab-train');
  await w.page.keyboard.press('End');
  assert.equal(await w.page.evaluate('document.activeElement.id'), 'tab-playground');
  await w.page.keyboard.press('Home');
  await w.page.waitForSelector('#section-functions');
  assert.equal(await w.page.evaluate('document.activeElement.id'), 'tab-functions');

  await w.page.keyboard.press('Tab');
  assert.equal(await w.page.evaluate(`document.activeElement.getAttribute('role')`), 'listbox');
  await w.page.keyboard.press('ArrowDown'); // relu -> leaky_relu (the registry's order)
  assert.equal(await w.page.getAttribute('[role=listbox]', 'aria-activedescendant'), 'opt-leaky_relu');
  assert.equal(await w.page.evaluate(`document.activeElement.getAttribute('role')`), 'listbox', 'focus stays on the list');
  await w.page.keyboard.press('End');
  const last = await w.page.$eval('[role=listbox] [role=option]:last-child', (o) => o.id);
  assert.equal(await w.page.getAttribute('[role=listbox]', 'aria-activedescendant'), last);
  await w.page.keyboard.press('Home');
  assert.equal(await w.page.getAttribute('[role=listbox]', 'aria-activedescendant'), 'opt-sigmoid');
  for (let i = 0; i < 3; i++) await w.page.keyboard.press('ArrowDown'); // sigmoid, tanh, relu, leaky_relu
  await w.page.waitForSelector('[data-param=alpha]');

  const path = () => w.page.$eval('[data-chart=plot] g.mark-line.role-mark path', (p) => p.getAttribute('d'));
  await w.page.waitForSelector('[data-chart=plot] g.mark-line.role-mark path');
  const before = await path();
  await w.page.focus('[data-param=alpha]');
  for (let i = 0; i < 20; i++) await w.page.keyboard.press('ArrowRight');
  await waitInPage(w, `Number(document.querySelector('[data-param=alpha]').value) > 0.05`, 'the alpha slider moved by the arrow keys');
  await waitInPage(w, `document.querySelector('[data-chart=plot] g.mark-line.role-mark path').getAttribute('d') !== ${JSON.stringify(before)}`, 'the curve redrawn');
  assert.deepEqual(w.errors, []);
  await w.close();
});
