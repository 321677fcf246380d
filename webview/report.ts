// The report surface: one experiment's report inside VS Code, drawn by the lab's own page under
// its strict CSP: what was trained and on how many images, when it finished, the results table,
// the curves and per-layer charts (the Runs section's board), the ONNX checks, and "Open in
// browser" where the host says a browser can open the file (a desktop window on this machine).
import { readableDate } from '../src/core/charts/names';
import type { ResultsView } from '../src/protocol/messages';
import { button, el } from './dom';
import { count, fill, lang, t } from './i18n';
import { ResultsBoard } from './resultsBoard';
import { host, page, savePage } from './state';
import { post } from './vscodeApi';

let board: ResultsBoard | undefined;

export function renderReport(root: HTMLElement): void {
  const id = host.state?.experiment ?? page.report?.experiment;
  if (!id) {
    root.append(el('p', { class: 'empty' }, t('report.none')));
    return;
  }
  if (page.report?.experiment !== id) {
    page.report = { experiment: id };
    savePage();
  }
  const view = host.results.get(id);
  if (!view) {
    root.append(el('p', { class: 'status' }, t('status.loading')));
    post({ type: 'runs/open', id });
    return;
  }
  const actions = el('div', { class: 'controls report-actions' });
  if (host.state?.canOpenExternal) actions.append(button(t('report.openExternal'), () => post({ type: 'report/openExternal', id }), { 'data-action': 'open-external' }, true, 'link-external'));
  root.append(
    el('h2', { class: 'report-title' }, fill(t('report.title'), readableDate(view.createdAt, lang()))),
    el('p', { class: 'meta', 'data-report-settings': '' }, settingsLine(view)),
    ...(view.finishedAt ? [el('p', { class: 'meta' }, fill(t('report.finished'), readableDate(view.finishedAt, lang()), view.wallSeconds !== undefined ? view.wallSeconds.toFixed(1) : '–'))] : []),
    actions,
  );
  board = new ResultsBoard('report');
  board.focusRun = host.state?.run;
  root.append(board.element);
  const onnx = onnxTable(view);
  if (onnx) root.append(onnx);
  void board.load(view);
}

/** The network, data and optimizer in one line, as report.html states them. */
function settingsLine(v: ResultsView): string {
  const d = v.dataset;
  const s = v.settings;
  const parts = [
    fill(t('report.data'), d.name, count(d.train), count(d.validation), count(d.test)),
    s ? fill(t('report.network'), [d.rows * d.cols, ...s.hidden, d.classes].join('-')) : undefined,
    s ? fill(t('report.optimizer'), String(s.learningRate), String(s.batchSize)) : undefined,
    `${v.epochs} ${t('report.epochs')}`,
    s ? `${t('report.seed')} ${s.seed}` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Each run's ONNX export as checked in onnxruntime against the lab's own forward pass. */
function onnxTable(v: ResultsView): HTMLElement | undefined {
  const checks = Object.entries(v.onnx ?? {});
  if (!checks.length) return undefined;
  const head = ['report.onnx.run', 'report.onnx.opset', 'report.onnx.diff', 'report.onnx.accuracy', 'report.onnx.check'] as const;
  return el('section', { class: 'block', 'data-onnx': '' },
    el('h3', {}, t('report.onnx')),
    el('table', { class: 'results-table' },
      el('thead', {}, el('tr', {}, ...head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...checks.map(([run, c]) => el('tr', { 'data-run': run },
        el('th', { scope: 'row' }, run),
        el('td', { class: 'num' }, String(c.opset)),
        el('td', { class: 'num' }, c.maxAbsDiff === null ? '–' : c.maxAbsDiff.toExponential(2)),
        el('td', { class: 'num' }, c.onnxAccuracy === null ? '–' : `${(c.onnxAccuracy * 100).toFixed(2)}% ${fill(t('acc.onImages'), count(c.count))}`),
        el('td', { class: c.passed ? undefined : 'error' }, t(c.passed ? 'report.onnx.passed' : 'report.onnx.failed')))))));
}

/** The report's results arrived: drawn if they are the ones it shows (the caller redraws the page). */
export function reportWants(id: string): boolean {
  return (host.state?.experiment ?? page.report?.experiment) === id;
}
