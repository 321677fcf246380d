// "Open in Lab" from a hover carries the code's parameters (Keras LeakyReLU alpha 0.3): the page
// sets the slider and the plotted curve follows. The curve's values are read from Vega's scene graph
// (each drawn item's datum) and checked against the formula leaky_relu(x) = x if x > 0 else alpha x.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebview, startHarness, stopHarness, waitInPage, waitUntil, type WebviewPage } from './harness';
import type { FunctionsFocus, LabState } from '../../src/protocol/messages';

const state: LabState = { surface: 'panel', locale: 'en', version: '0.1.0' };

before(startHarness);
after(stopHarness);

interface Row { x: number; f: number | null; df: number | null }

/** The rows the f-plot (first line mark of the plot chart) has drawn, from the rendered scene graph. */
async function plotted(w: WebviewPage): Promise<Row[]> {
  return w.page.$eval('[data-chart=plot] g.mark-line.role-mark path', (p) => {
    const item = (p as unknown as { __data__?: { mark: { items: { datum: Row }[] } } }).__data__;
    return item ? item.mark.items.map((i) => ({ x: i.datum.x, f: i.datum.f, df: i.datum.df })) : [];
  });
}

async function report(w: WebviewPage, requestId: string): Promise<unknown> {
  await w.send({ type: 'lab/query', requestId });
  return waitInPage(w, `window.__posted.some((m) => m.type === 'lab/report' && m.requestId === ${JSON.stringify(requestId)})`, `the report ${requestId}`);
}

const at = (rows: Row[], x: number): Row => {
  const row = rows.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
  assert.ok(Math.abs(row.x - x) < 1e-9, `a sample at x = ${x} (nearest ${row.x})`);
  return row;
};

async function focus(w: WebviewPage, f: FunctionsFocus): Promise<void> {
  await w.send({ type: 'lab/show', section: 'functions', focus: f });
}

test('a focus with params sets the slider and the curve: leaky_relu alpha 0.3 gives f(-1) = -0.3', async () => {
  const w = await openWebview('panel', { section: 'functions', fn: { selected: 'relu', lo: -5, hi: 5 } });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('[data-chart=plot] g.mark-line.role-mark path');
  await focus(w, { activations: ['leaky_relu'], view: 'plot', params: { alpha: 0.3 } });
  await waitInPage(w, `document.querySelector('[data-param=alpha]')?.value === '0.3'`, 'the alpha slider at 0.3');
  assert.equal(await w.page.getAttribute('[role=option][aria-selected=true]', 'data-id'), 'leaky_relu');
  assert.equal((await w.page.textContent('[data-param=alpha] ~ output'))?.trim(), '0.300');
  await waitInPage(w, `(() => { const p = document.querySelector('[data-chart=plot] g.mark-line.role-mark path'); return p && p.__data__ && p.__data__.mark.items.length > 100 && p.__data__.mark.items[0].datum.activation === 'leaky_relu'; })()`, 'the leaky_relu curve drawn');
  const rows = await plotted(w);
  // leaky_relu(x) = alpha x for x < 0 (PyTorch nn.LeakyReLU's definition), 1 x for x > 0.
  assert.ok(Math.abs(at(rows, -1).f! - -0.3) < 1e-6, `f(-1) = ${at(rows, -1).f}`);
  assert.ok(Math.abs(at(rows, -5).f! - -1.5) < 1e-6, `f(-5) = ${at(rows, -5).f}`);
  assert.ok(Math.abs(at(rows, 2).f! - 2) < 1e-6, `f(2) = ${at(rows, 2).f}`);
  assert.ok(Math.abs(at(rows, -1).df! - 0.3) < 1e-6, `f'(-1) = ${at(rows, -1).df}`);
  const saved = await w.page.evaluate<{ fn: { params: Record<string, Record<string, number>> } }>('window.__state');
  assert.deepEqual(saved.fn.params.leaky_relu, { alpha: 0.3 }, 'the value is the page\'s choice now (kept on reload)');

  // The same activation with other values moves the slider again; unknown names and values the
  // slider cannot show are not applied.
  await focus(w, { activations: ['leaky_relu'], view: 'plot', params: { alpha: 0.2, beta: 7 } });
  await waitInPage(w, `document.querySelector('[data-param=alpha]')?.value === '0.2'`, 'the alpha slider at 0.2');
  await focus(w, { activations: ['leaky_relu'], view: 'plot', params: { alpha: 40 } });
  // The page answers a query only after it has handled the focus (messages are handled in order).
  await report(w, 'after-40');
  await waitInPage(w, `document.querySelector('[data-param=alpha]')?.value === '0.2' && document.querySelectorAll('[data-param]').length === 1`, 'alpha still 0.2, one slider');
  await waitInPage(w, `(() => { const p = document.querySelector('[data-chart=plot] g.mark-line.role-mark path'); return p && p.__data__ && p.__data__.mark.items.length > 100; })()`, 'the curve drawn');
  assert.ok(Math.abs(at(await plotted(w), -1).f! - -0.2) < 1e-6, 'alpha 40 is outside [0, 1]: the curve keeps alpha 0.2');
  assert.deepEqual(await w.violations(), []);
  assert.deepEqual(w.errors, []);
  await w.close();
});

test('a focus without params keeps the values the user chose', async () => {
  const w = await openWebview('panel', { section: 'functions', fn: { selected: 'relu', params: { elu: { alpha: 2 } } } });
  await w.send({ type: 'lab/state', state });
  await focus(w, { activations: ['elu'], view: 'plot' });
  await waitInPage(w, `document.querySelector('[data-param=alpha]')?.value === '2'`, 'elu\'s alpha slider at the user\'s 2');
  await w.close();
});

test('a host focus whose params are malformed is refused with a reason (the page keeps its state)', async () => {
  const w = await openWebview('panel', { section: 'functions' });
  await w.send({ type: 'lab/state', state });
  await w.page.waitForSelector('#section-functions');
  const warnings: string[] = [];
  w.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await w.send({ type: 'lab/show', section: 'functions', focus: { activations: ['leaky_relu'], params: { alpha: 'big' } } });
  await waitUntil('the page\'s warning about the refused focus', () => warnings.some((t) => /focus\.params: alpha must be a finite number/.test(t)));
  assert.equal(await w.page.getAttribute('[role=option][aria-selected=true]', 'data-id'), 'relu');
  await w.close();
});
