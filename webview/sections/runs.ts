// Runs: the recent experiments from the extension's storage; pick one to see its charts.
import { button, el } from '../dom';
import { t } from '../i18n';
import { ResultsBoard } from '../resultsBoard';
import { host, page, savePage } from '../state';
import { post } from '../vscodeApi';

let board: ResultsBoard | undefined;

export function renderRuns(root: HTMLElement): void {
  const refresh = button(t('runs.refresh'), () => post({ type: 'runs/refresh' }), { 'data-action': 'refresh' }, true);
  root.append(el('div', { class: 'controls' }, el('p', { class: 'hint' }, t('runs.hint')), refresh));
  if (host.experiments.length === 0) {
    root.append(el('p', { class: 'empty' }, t('runs.empty')));
  } else {
    const rows = host.experiments.map((x) => {
      const open = button(t('runs.show'), () => {
        page.runs.selected = x.id;
        savePage();
        post({ type: 'runs/open', id: x.id });
      }, { 'data-open': x.id, 'aria-pressed': String(page.runs.selected === x.id) }, page.runs.selected !== x.id);
      const best = x.runs.filter((r) => r.testAccuracy !== null).sort((a, b) => b.testAccuracy! - a.testAccuracy!)[0];
      return el('tr', { 'data-experiment': x.id },
        el('td', {}, new Date(x.createdAt).toLocaleString()),
        el('td', {}, x.dataset),
        el('td', { class: 'num' }, String(x.epochs)),
        el('td', {}, x.runs.map((r) => `${r.id}${r.testAccuracy !== null ? ` ${(r.testAccuracy * 100).toFixed(1)}%` : ` (${t(`status.${r.status}` as never)})`}`).join(', ')),
        el('td', {}, best ? best.id : '–'),
        el('td', {}, open));
    });
    root.append(el('table', { class: 'results-table' },
      el('thead', {}, el('tr', {}, ...['runs.col.date', 'runs.col.dataset', 'runs.col.epochs', 'runs.col.runs', 'runs.col.best', 'runs.col.open'].map((k) => el('th', { scope: 'col' }, t(k as never))))),
      el('tbody', {}, ...rows)));
  }
  board = new ResultsBoard('runs');
  const heading = el('h3', { id: 'runs-selected' }, host.results ? `${t('runs.selected')} ${host.results.id}` : '');
  root.append(heading, board.element);
  board.element.hidden = !host.results;
  if (host.results) void board.load(host.results.view);
  else if (page.runs.selected && host.experiments.some((x) => x.id === page.runs.selected)) post({ type: 'runs/open', id: page.runs.selected });
}

/** New results arrived: draw them if the Runs section is on screen. */
export function showResults(): void {
  if (!board || !board.element.isConnected || !host.results) return;
  board.element.hidden = false;
  const h = document.getElementById('runs-selected');
  if (h) h.textContent = `${t('runs.selected')} ${host.results.id}`;
  void board.load(host.results.view);
}
