// Runs: the experiments kept in the extension's storage, newest first, each marked quick or full
// with its runs' test accuracies and the images they were measured on. Tick one to see its
// charts, several to overlay their runs (each named by its experiment's date); open one's report.
import { readableDate, uniqueNames } from '../../src/core/charts/names';
import type { ExperimentSummary, ResultsView, RunView } from '../../src/protocol/messages';
import { button, checkbox, el } from '../dom';
import { count, fill, lang, shownRun, t } from '../i18n';
import { ResultsBoard, kindLine, type BoardSource } from '../resultsBoard';
import { host, page, savePage } from '../state';
import { SweepBoard } from '../sweepBoard';
import { jobRunning } from '../trainStore';
import { post } from '../vscodeApi';

let board: ResultsBoard | undefined;
let sweepBoard: SweepBoard | undefined;
let heading: HTMLElement | undefined;

/** The experiments ticked in the list that still exist (the newest when none is). */
function shown(): string[] {
  const ids = new Set(host.experiments.map((x) => x.id));
  const picked = (page.runs.shown ?? (page.runs.selected ? [page.runs.selected] : [])).filter((id) => ids.has(id));
  return picked.length ? picked : host.experiments.slice(0, 1).map((x) => x.id);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function kindBadge(x: Pick<ExperimentSummary, 'limitTrain'>): HTMLElement {
  const quick = x.limitTrain !== undefined;
  return el('span', { class: `badge kind ${quick ? 'quick' : 'full'}`, 'data-kind': quick ? 'quick' : 'full', title: quick ? fill(t('runs.quickTip'), count(x.limitTrain!)) : t('runs.fullTip') }, t(quick ? 'badge.quick' : 'badge.full'));
}

/** Runs left to train: stopped or failed ones, or (a sweep) fewer runs than planned. */
function unfinished(x: ExperimentSummary): boolean {
  const planned = x.sweep ? x.sweep.cells.reduce((n, c) => n + c.planned, 0) : 0;
  return x.runs.length < planned || x.runs.some((r) => r.status !== 'completed');
}

export function renderRuns(root: HTMLElement): void {
  const refresh = button(t('runs.refresh'), () => post({ type: 'runs/refresh' }), { 'data-action': 'refresh' }, true, 'refresh');
  root.append(el('div', { class: 'controls' }, el('p', { class: 'hint' }, t('runs.hint')), refresh));
  const visible = new Set(shown());
  if (host.experiments.length === 0) {
    root.append(el('p', { class: 'empty' }, t('runs.empty')));
  } else {
    const rows = host.experiments.map((x) => {
      const tick = checkbox(t('runs.show'), visible.has(x.id), (on) => {
        const now = new Set(shown());
        if (on) now.add(x.id);
        else now.delete(x.id);
        page.runs.shown = host.experiments.map((e) => e.id).filter((id) => now.has(id));
        page.runs.selected = page.runs.shown[0];
        savePage();
        draw();
      }, { 'data-open': x.id });
      const report = button(t('runs.report'), () => post({ type: 'report/open', id: x.id }), { 'data-report': x.id }, true, 'preview');
      const resume = unfinished(x) ? button(t('runs.resume'), () => post({ type: 'train/resume', id: x.id }), { 'data-resume': x.id }, true, 'debug-continue') : undefined;
      if (resume) resume.disabled = jobRunning();
      const names = uniqueNames(x.runs.map((r) => ({ id: r.id, name: shownRun(r.id, r.activations) })));
      // a sweep (up to hundreds of runs) by its size; its grid is on its board
      const runs = x.sweep
        ? [el('li', { 'data-sweep': x.id }, fill(t('runs.sweep'), String(x.sweep.activations.length), String(x.sweep.depths.length), String(x.sweep.seeds.length)))]
        : x.runs.map((r) => el('li', { 'data-run': r.id },
          names[r.id], ' ',
          el('span', { class: 'hint' }, r.testAccuracy !== null
            ? `${pct(r.testAccuracy)}${r.testCount !== undefined ? ` ${fill(t('acc.onImages'), count(r.testCount))}` : ''}`
            : `(${t(`status.${r.status}` as never)})`),
          r.epochsDone !== undefined && r.epochsDone !== x.epochs ? el('span', { class: 'hint' }, ` · ${fill(t('runs.epochsDone'), String(r.epochsDone), String(x.epochs))}`) : undefined));
      return el('tr', { 'data-experiment': x.id },
        el('td', {}, readableDate(x.createdAt, lang())),
        el('td', {}, kindBadge(x), ' ', x.dataset),
        el('td', { class: 'num' }, String(x.epochs)),
        el('td', {}, el('ul', { class: 'run-list' }, ...runs)),
        el('td', {}, tick, ' ', report, ...(resume ? [' ', resume] : [])));
    });
    root.append(el('table', { class: 'results-table runs-table' },
      el('thead', {}, el('tr', {}, ...['runs.col.date', 'runs.col.dataset', 'runs.col.epochs', 'runs.col.runs', 'runs.col.open'].map((k) => el('th', { scope: 'col' }, t(k as never))))),
      el('tbody', {}, ...rows)));
  }
  board = new ResultsBoard('runs');
  sweepBoard = new SweepBoard('runs');
  sweepBoard.element.hidden = true;
  heading = el('h3', { id: 'runs-selected' });
  root.append(heading, sweepBoard.element, board.element);
  draw();
}

/** Asks for what is not here yet, then draws the ticked experiments (one, or several overlaid). */
function draw(): void {
  if (!board || !heading) return;
  const ids = shown();
  const missing = ids.filter((id) => !host.results.has(id));
  board.element.hidden = ids.length === 0 || missing.length > 0;
  for (const id of missing) post({ type: 'runs/open', id });
  if (ids.length === 0 || missing.length) {
    heading.textContent = '';
    return;
  }
  const views = ids.map((id) => [id, host.results.get(id)!] as const);
  heading.textContent = views.length === 1
    ? `${t('runs.selected')} ${readableDate(views[0][1].createdAt, lang())}`
    : fill(t('runs.overlaid'), String(views.length));
  // one sweep: its grid, charts and verdicts above its runs' curves
  const sweep = views.length === 1 ? views[0][1].sweep : undefined;
  if (sweepBoard) sweepBoard.element.hidden = !sweep;
  if (sweep) void sweepBoard?.load(views[0][0], sweep);
  if (views.length === 1) void board.load(views[0][1]);
  else void board.show(overlay(views));
}

/** Runs of several experiments as one board: each run's id carries its experiment, its name the date and the kind. */
export function overlay(views: readonly (readonly [string, ResultsView])[]): BoardSource {
  const runs: RunView[] = [];
  const names: Record<string, string> = {};
  for (const [id, v] of views) {
    const when = readableDate(v.createdAt, lang());
    const kind = t(v.limitTrain !== undefined ? 'badge.quick' : 'badge.full');
    for (const r of v.runs) {
      const key = `${r.id}@${id}`;
      runs.push({ ...r, id: key });
      names[key] = `${shownRun(r.id, r.activations)} · ${when} · ${kind}`;
    }
  }
  const quick = views.filter(([, v]) => v.limitTrain !== undefined).length;
  const mixed = quick > 0 && quick < views.length;
  const kind = mixed
    ? { text: fill(t('runs.mixedKinds'), String(quick), String(views.length - quick)), quick: 'mixed' as const }
    : kindLine(views[0][1].limitTrain, views[0][1].runs.find((r) => r.test)?.test?.count);
  return { runs, names, kind, epochs: Math.max(...views.map(([, v]) => v.epochs)) };
}

/** New results arrived: draw them if the Runs section shows that experiment. */
export function showResults(): void {
  if (!board || !board.element.isConnected) return;
  draw();
}
