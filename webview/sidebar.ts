// The sidebar lab: the activation list with a small plot each, "compare selected", a train
// launcher with live progress, the recent runs and a link to the guide. Bigger things open the panel.
import type { ActivationRecord } from '../src/core/activations/types';
import { sampleCurve } from '../src/core/charts/functions';
import { allActivations, paramsFor } from './activations';
import { seriesColour } from '../src/core/charts/colours';
import { readableDate } from '../src/core/charts/names';
import { button, checkbox, el, svg } from './dom';
import { count, fill, lang, shownName, shownRun, t } from './i18n';
import { themeKind } from './theme';
import { host, page, savePage } from './state';
import { progressList, trainForm } from './sections/train';
import { post } from './vscodeApi';

const W = 72;
const H = 28;

/**
 * f (solid) and f' (dashed) on [-4, 4], scaled to the box; drawn from the registry's own f/df in
 * the activation's own colour (the one every chart gives it), set through the CSSOM.
 */
export function sparkline(record: ActivationRecord): SVGSVGElement {
  const rows = sampleCurve(record, paramsFor(record, undefined), -4, 4, 49);
  const values = rows.flatMap((r) => [r.f, r.df]).filter((v): v is number => v !== null);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const y = (v: number) => (H - 2 - ((v - lo) / (hi - lo)) * (H - 4)).toFixed(1);
  const x = (i: number) => ((i / (rows.length - 1)) * (W - 2) + 1).toFixed(1);
  const path = (key: 'f' | 'df') => rows.map((r, i) => (r[key] === null ? '' : `${i === 0 || rows[i - 1][key] === null ? 'M' : 'L'}${x(i)},${y(r[key])}`)).join('');
  const box = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: String(W), height: String(H), class: 'spark', 'aria-hidden': 'true' });
  const colour = seriesColour(record.id, themeKind());
  const f = svg('path', { d: path('f'), class: 'spark-f', 'data-series': record.id });
  const df = svg('path', { d: path('df'), class: 'spark-df' });
  f.style.stroke = colour;
  df.style.stroke = colour;
  box.append(svg('line', { x1: '0', x2: String(W), y1: y(0), y2: y(0), class: 'spark-axis' }), df, f);
  return box;
}

export function renderSidebar(root: HTMLElement): void {
  const l = lang();
  const selected = new Set(page.fn.compare);
  const compareBtn = button(t('side.compare'), () => post({ type: 'lab/open', section: 'functions', focus: { activations: [...selected], view: 'compare' } }), { 'data-action': 'compare' });
  const syncCompare = () => {
    compareBtn.disabled = selected.size === 0;
    compareBtn.textContent = `${t('side.compare')} (${selected.size})`;
  };
  const list = el('ul', { class: 'side-list', 'aria-label': t('fn.list') }, ...allActivations(host.customs).map((r) => {
    const box = checkbox('', selected.has(r.id), (on) => {
      if (on) selected.add(r.id);
      else selected.delete(r.id);
      page.fn.compare = [...selected].slice(-12);
      savePage();
      syncCompare();
    }, { 'data-compare': r.id });
    // Named for screen readers (the visible name is the link beside it).
    box.append(el('span', { class: 'sr-only' }, `${t('side.select')} ${shownName(r)}`));
    const name = el('button', { type: 'button', class: 'link', title: r.doc[l], 'data-plot': r.id }, shownName(r));
    name.addEventListener('click', () => post({ type: 'lab/open', section: 'functions', focus: { activations: [r.id], view: 'plot' } }));
    return el('li', {}, box, sparkline(r), name);
  }));
  syncCompare();

  const runs = el('ul', { class: 'side-runs' }, ...host.experiments.slice(0, 5).map((x) => {
    const best = x.runs.filter((r) => r.testAccuracy !== null).sort((a, b) => b.testAccuracy! - a.testAccuracy!)[0];
    const quick = x.limitTrain !== undefined;
    const b = el('button', { type: 'button', class: 'link', 'data-experiment': x.id, title: t('side.openReport') },
      `${readableDate(x.createdAt, l)} · ${x.runs.map((r) => shownRun(r.id, r.activations)).join(t('list.sep'))}`);
    b.addEventListener('click', () => post({ type: 'report/open', id: x.id }));
    const bestText = best ? `${t('side.best')} ${shownRun(best.id, best.activations)} ${(best.testAccuracy! * 100).toFixed(1)}%${best.testCount !== undefined ? ` ${fill(t('acc.onImages'), count(best.testCount))}` : ''}` : '';
    return el('li', {}, b, el('br'), el('span', { class: `badge kind ${quick ? 'quick' : 'full'}`, 'data-kind': quick ? 'quick' : 'full' }, t(quick ? 'badge.quick' : 'badge.full')), ' ', el('span', { class: 'hint' }, bestText));
  }));

  root.append(
    el('section', { class: 'side-block' }, el('h3', {}, t('side.activations')), list, compareBtn),
    el('section', { class: 'side-block' }, el('h3', {}, t('side.train')), trainForm(true), progressList()),
    el('section', { class: 'side-block' }, el('h3', {}, t('side.runs')), host.experiments.length ? runs : el('p', { class: 'hint' }, t('runs.empty'))),
    el('section', { class: 'side-block' },
      button(t('side.guide'), () => post({ type: 'lab/open', section: 'guide' }), { 'data-action': 'guide' }, true, 'book'),
      ' ',
      button(t('side.openLab'), () => post({ type: 'lab/open', section: 'functions' }), { 'data-action': 'open' }, true, 'beaker')),
  );
}
