// Runs: the recent experiments from the extension's storage; pick one to see its charts.
import { button, el } from '../dom';
import { t } from '../i18n';
import { ResultsBoard } from '../resultsBoard';
import { host, page, savePage } from '../state';
import { SweepBoard } from '../sweepBoard';
import { jobRunning } from '../trainStore';
import { post } from '../vscodeApi';
import type { ExperimentSummary } from '../../src/protocol/messages';

let board: ResultsBoard | undefined;
let sweepBoard: SweepBoard | undefined;

const fill = (s: string, ...args: (string | number)[]): string => s.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

/** What the runs column says: a sweep by its size, other experiments run by run. */
function runsText(x: ExperimentSummary): string {
  if (x.sweep) return fill(t('runs.sweep'), x.sweep.activations.length, x.sweep.depths.length, x.sweep.seeds.length);
  return x.runs.map((r) => `${r.id}${r.testAccuracy !== null ? ` ${(r.testAccuracy * 100).toFixed(1)}%` : ` (${t(`status.${r.status}` as never)})`}`).join(', ');
}

/** Runs left to train: stopped or failed ones, or (a sweep) fewer runs than planned. */
function unfinished(x: ExperimentSummary): boolean {
  const planned = x.sweep ? x.sweep.cells.reduce((n, c) => n + c.planned, 0) : 0;
  return x.runs.length < planned || x.runs.some((r) => r.status !== 'completed');
}

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
      const resume = unfinished(x) ? button(t('runs.resume'), () => post({ type: 'train/resume', id: x.id }), { 'data-resume': x.id }, true) : undefined;
      if (resume) resume.disabled = jobRunning();
      return el('tr', { 'data-experiment': x.id },
        el('td', {}, new Date(x.createdAt).toLocaleString()),
        el('td', {}, x.dataset),
        el('td', { class: 'num' }, String(x.epochs)),
        el('td', {}, runsText(x)),
        el('td', {}, best ? best.id : '–'),
        el('td', {}, open, resume));
    });
    root.append(el('table', { class: 'results-table' },
      el('thead', {}, el('tr', {}, ...['runs.col.date', 'runs.col.dataset', 'runs.col.epochs', 'runs.col.runs', 'runs.col.best', 'runs.col.open'].map((k) => el('th', { scope: 'col' }, t(k as never))))),
      el('tbody', {}, ...rows)));
  }
  board = new ResultsBoard('runs');
  sweepBoard = new SweepBoard('runs');
  const heading = el('h3', { id: 'runs-selected' }, host.results ? `${t('runs.selected')} ${host.results.id}` : '');
  root.append(heading, sweepBoard.element, board.element);
  board.element.hidden = !host.results;
  if (host.results) void load(host.results.id, host.results.view);
  else if (page.runs.selected && host.experiments.some((x) => x.id === page.runs.selected)) post({ type: 'runs/open', id: page.runs.selected });
}

/** New results arrived: draw them if the Runs section is on screen. */
export function showResults(): void {
  if (!board || !board.element.isConnected || !host.results) return;
  board.element.hidden = false;
  const h = document.getElementById('runs-selected');
  if (h) h.textContent = `${t('runs.selected')} ${host.results.id}`;
  void load(host.results.id, host.results.view);
}

/** An experiment's charts; a sweep's grid, charts and verdicts above them. */
function load(id: string, view: NonNullable<typeof host.results>['view']): Promise<void> {
  if (view.sweep) void sweepBoard?.load(id, view.sweep);
  else if (sweepBoard) sweepBoard.element.hidden = true;
  return board!.load(view);
}
