// A sweep drawn in the page, live or loaded: the grid of cells (mean ± half the 95% interval,
// seeds done/planned) filling as seeds finish, accuracy and final loss by depth with error bars
// that appear at two seeds and narrow with more, the epoch-1 gradients per layer at each depth,
// and which differences are real. The statistics are core's, recomputed from the job's runs;
// the charts are embedded once per sweep and fed through their named datasets.
import {
  SWEEP_CELLS_DATASET, SWEEP_DIFFERENCES_DATASET, SWEEP_GRADIENTS_DATASET, sweepAccuracySpec, sweepCellRows, sweepDifferenceRows,
  sweepDifferencesSpec, sweepGradientRows, sweepGradientSpec, sweepLossSpec,
} from '../src/core/charts/sweep';
import { sweepStatistics, type SweepResults } from '../src/core/stats/sweep';
import { cellText, diffText, pValue, verdictText } from '../src/core/stats/sweepText';
import type { JobSnapshot } from '../src/protocol/jobSnapshot';
import type { TrainingEvent } from '../src/protocol/training';
import { Chart } from './charts';
import { el } from './dom';
import { chartLabels, lang, t } from './i18n';
import { chartTheme } from './theme';
import type { JobBoard } from './trainStore';

export class SweepBoard implements JobBoard {
  readonly element = el('div', { class: 'board sweep-board', 'data-sweep-board': '' });
  private readonly grid = el('table', { class: 'results-table', 'data-sweep-grid': '' });
  private readonly differences = el('table', { class: 'results-table', 'data-sweep-differences': '' });
  private readonly method = el('p', { class: 'hint', 'data-sweep-method': '' });
  private readonly accuracy: Chart;
  private readonly loss: Chart;
  private readonly gradients: Chart;
  private readonly forest: Chart;
  /** The sweep whose charts are embedded (a new sweep embeds them again). */
  private shown: string | undefined;
  private drawing: Promise<void> = Promise.resolve();

  constructor(prefix: string) {
    const labels = chartLabels();
    this.accuracy = new Chart(`${prefix}-sweep-accuracy`, `${prefix}-sweep-accuracy`, labels.accuracyByDepth);
    this.loss = new Chart(`${prefix}-sweep-loss`, `${prefix}-sweep-loss`, labels.finalLossByDepth);
    this.gradients = new Chart(`${prefix}-sweep-gradients`, `${prefix}-sweep-gradients`, labels.gradientByDepth);
    this.forest = new Chart(`${prefix}-sweep-differences`, `${prefix}-sweep-differences`, labels.differences);
    this.element.append(
      el('h3', {}, t('sweep.grid')), this.grid,
      el('div', { class: 'grid2' }, this.accuracy.element, this.loss.element),
      el('h3', {}, t('sweep.differences')), this.differences, this.forest.element,
      this.gradients.element,
      el('details', {}, el('summary', {}, t('sweep.method')), this.method),
    );
    this.element.hidden = true;
  }

  /** A live job: shown when it is a sweep, its statistics from the runs so far. */
  draw(snapshot: JobSnapshot): Promise<void> {
    const grid = snapshot.job.sweep;
    this.element.hidden = !grid;
    if (!grid) return Promise.resolve();
    return this.show(snapshot.job.id, sweepStatistics(grid, snapshot.runs));
  }

  /** A run ended (or a resumed sweep reported a finished one): the cells and charts move. */
  follow(e: TrainingEvent, snapshot: JobSnapshot): Promise<void> {
    if (e.type === 'job/started' || e.type === 'run/end') return this.draw(snapshot);
    return Promise.resolve();
  }

  /** A saved sweep (the Runs section). */
  load(id: string, sweep: SweepResults): Promise<void> {
    this.element.hidden = false;
    return this.show(id, sweep);
  }

  private show(id: string, sweep: SweepResults): Promise<void> {
    this.drawTables(sweep);
    const cells = sweepCellRows(sweep);
    const gradients = sweepGradientRows(sweep);
    const differences = sweepDifferenceRows(sweep);
    const embed = this.shown !== id;
    this.shown = id;
    this.drawing = this.drawing.then(() => {
      if (!embed) {
        return Promise.all([
          this.accuracy.replace(SWEEP_CELLS_DATASET, cells), this.loss.replace(SWEEP_CELLS_DATASET, cells),
          this.gradients.replace(SWEEP_GRADIENTS_DATASET, gradients), this.forest.replace(SWEEP_DIFFERENCES_DATASET, differences),
        ]).then(() => undefined);
      }
      const opts = { labels: chartLabels(), theme: chartTheme(), activations: sweep.activations };
      const width = Math.max(220, Math.min(420, Math.floor((this.element.clientWidth || 900) / 2) - 200));
      return Promise.all([
        this.accuracy.render(sweepAccuracySpec(cells, { ...opts, width }), cells.length),
        this.loss.render(sweepLossSpec(cells, { ...opts, width }), cells.length),
        this.gradients.render(sweepGradientSpec(gradients, { ...opts, width: Math.max(110, Math.min(200, Math.floor(600 / sweep.depths.length))) }), gradients.length),
        this.forest.render(sweepDifferencesSpec(differences, { labels: opts.labels, theme: opts.theme, width: 2 * width }), differences.length),
      ]).then(() => undefined);
    });
    return this.drawing;
  }

  private drawTables(sweep: SweepResults): void {
    const l = lang();
    const cell = (a: string, d: number) => sweep.cells.find((c) => c.activation === a && c.depth === d);
    this.grid.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('sweep.col.activation')), ...sweep.depths.map((d) => el('th', { scope: 'col', class: 'num' }, `${t('sweep.col.depth')} ${d}`)))),
      el('tbody', {}, ...sweep.activations.map((a) => el('tr', {}, el('th', { scope: 'row' }, a), ...sweep.depths.map((d) => {
        const c = cell(a, d);
        return el('td', {
          class: 'num', 'data-cell': `${a}@${d}`, 'data-n': String(c?.n ?? 0),
          'data-ci': c?.ci95 ? c.ci95.map((v) => v.toFixed(6)).join(',') : undefined,
        }, c ? cellText(c, l) : '–');
      })))));
    const cols = ['sweep.col.depth', 'sweep.col.pair', 'sweep.col.diff', 'sweep.col.p', 'sweep.col.holm', 'sweep.col.verdict'] as const;
    this.differences.replaceChildren(
      el('thead', {}, el('tr', {}, ...cols.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...sweep.comparisons.map((c) => el('tr', { 'data-comparison': `${c.depth}:${c.a}:${c.b}`, 'data-verdict': c.verdict, class: c.significant ? 'real' : undefined },
        el('td', { class: 'num' }, String(c.depth)), el('td', {}, `${c.a} − ${c.b}`), el('td', { class: 'num' }, diffText(c)),
        el('td', { class: 'num' }, c.p === null ? '–' : pValue(c.p)), el('td', { class: 'num' }, c.pAdjusted === null ? '–' : pValue(c.pAdjusted)),
        el('td', {}, verdictText(c, l))))));
    this.method.textContent = l === 'en' ? sweep.method : sweep.methodZh;
  }
}
