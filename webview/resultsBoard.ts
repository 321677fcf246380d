// The charts of one experiment, live or loaded: accuracy and loss curves (the tutorial's figure),
// seconds per epoch, per-layer gradients and dead units, the test table, the confusion matrix
// and the misclassified digits. Live epochs are appended to the named datasets, never re-embedded.
import {
  accuracyCurvesSpec, HISTORY_DATASET, historyRows, lossCurvesSpec, SECONDS_DATASET, secondsPerEpochSpec, secondsRows,
} from '../src/core/charts/training';
import { confusionRows, confusionSpec, deadUnitSpec, layerGradientSpec, layerRows, LAYERS_DATASET } from '../src/core/charts/results';
import type { EpochMetrics, RunEndStatus, TestMetrics } from '../src/core/train/results';
import type { JobSnapshot } from '../src/protocol/jobSnapshot';
import type { ResultsView, RunView } from '../src/protocol/messages';
import type { TrainingEvent } from '../src/protocol/training';
import { Chart } from './charts';
import { el, select } from './dom';
import { chartLabels, t, type MessageKey } from './i18n';
import { chartTheme } from './theme';
import { runProgress } from './jobText';

/** What the board keeps of a run: the live or saved view, its history as drawn so far. */
type BoardRun = Pick<RunView, 'status' | 'test' | 'history'> & { progress?: string };

/**
 * Sets the colour domain of a chart to every run of the job, so runs that arrive later keep their
 * colour, and a fixed plot width (a 'container' width clipped the axis in the grid).
 */
function withRuns<S extends { encoding: { color: object } }>(spec: S, runs: string[], width: number): S {
  return { ...spec, width, autosize: { type: 'pad', resize: true }, encoding: { ...spec.encoding, color: { ...spec.encoding.color, scale: { domain: runs } } } };
}

export class ResultsBoard {
  readonly element = el('div', { class: 'board' });
  private readonly runs = new Map<string, BoardRun>();
  private order: string[] = [];
  private readonly accuracy: Chart;
  private readonly loss: Chart;
  private readonly seconds: Chart;
  private readonly layers: Chart;
  private readonly dead: Chart;
  private readonly confusion: Chart;
  private readonly table = el('table', { class: 'results-table' });
  private readonly confusionPick = el('div', { class: 'confusion-pick' });
  private readonly digits = el('div', { class: 'digits' });
  private confusionRun: string | undefined;

  constructor(prefix: string) {
    this.accuracy = new Chart(`${prefix}-accuracy`, `${prefix}-accuracy`, t('chart.accuracy'));
    this.loss = new Chart(`${prefix}-loss`, `${prefix}-loss`, t('chart.loss'));
    this.seconds = new Chart(`${prefix}-seconds`, `${prefix}-seconds`, t('chart.seconds'));
    this.layers = new Chart(`${prefix}-layers`, `${prefix}-layers`, t('chart.layers'));
    this.dead = new Chart(`${prefix}-dead`, `${prefix}-dead-units`, t('chart.dead'));
    this.confusion = new Chart(`${prefix}-confusion`, `${prefix}-confusion`, t('chart.confusion'));
    this.element.append(
      el('div', { class: 'grid2' }, this.accuracy.element, this.loss.element),
      el('h3', {}, t('train.testTable')),
      this.table,
      el('div', { class: 'grid2' },
        el('div', {}, this.confusionPick, this.confusion.element),
        el('div', {}, el('h3', {}, t('train.misclassified')), this.digits)),
      el('div', { class: 'grid2' }, this.seconds.element, this.layers.element),
      el('div', { class: 'grid2' }, this.dead.element),
    );
  }

  /** A fresh job: empty charts with a colour for every run. */
  start(runIds: string[]): Promise<void> {
    this.runs.clear();
    this.order = [...runIds];
    for (const id of runIds) this.runs.set(id, { history: [], status: 'queued', test: null });
    this.confusionRun = undefined;
    const theme = chartTheme();
    // Two charts side by side, each with its legend (about 150 px) and axis (about 60 px).
    const w = Math.max(220, Math.min(520, Math.floor((this.element.clientWidth || 900) / 2) - 230));
    this.drawTable();
    this.drawDigits();
    this.confusion.element.hidden = true;
    return Promise.all([
      this.accuracy.render(withRuns(accuracyCurvesSpec([], { labels: chartLabels(), theme, title: t('chart.accuracy') }), runIds, w), 0),
      this.loss.render(withRuns(lossCurvesSpec([], { labels: chartLabels(), theme, title: t('chart.loss') }), runIds, w), 0),
      this.seconds.render(withRuns(secondsPerEpochSpec([], { labels: chartLabels(), theme, title: t('chart.seconds') }), runIds, w), 0),
      this.layers.render(withRuns(layerGradientSpec([], { labels: chartLabels(), theme, title: t('chart.layers') }), runIds, w), 0),
      this.dead.render(withRuns(deadUnitSpec([], { labels: chartLabels(), theme, title: t('chart.dead') }), runIds, w), 0),
    ]).then(() => undefined);
  }

  private run(id: string): BoardRun {
    let r = this.runs.get(id);
    if (!r) {
      r = { history: [], status: 'queued', test: null };
      this.runs.set(id, r);
      this.order.push(id);
    }
    return r;
  }

  setStatus(runId: string, status: BoardRun['status'], progress?: string): void {
    const r = this.run(runId);
    r.status = status;
    r.progress = progress;
    this.drawTable();
  }

  /** One epoch of one run: appended to every curve's dataset. */
  addEpoch(runId: string, m: EpochMetrics): Promise<void> {
    const r = this.run(runId);
    if (r.history.some((h) => h.epoch === m.epoch)) return Promise.resolve();
    r.history.push(m);
    r.status = 'running';
    r.progress = undefined;
    this.drawTable();
    const one = [{ id: runId, history: [m] }];
    return Promise.all([
      this.accuracy.append(HISTORY_DATASET, historyRows(one)),
      this.loss.append(HISTORY_DATASET, historyRows(one)),
      this.seconds.append(SECONDS_DATASET, secondsRows(one)),
      this.layers.append(LAYERS_DATASET, layerRows(one)),
      this.dead.append(LAYERS_DATASET, layerRows(one).filter((row) => row.deadUnitFraction !== null)),
    ]).then(() => undefined);
  }

  endRun(runId: string, status: RunEndStatus, test: TestMetrics | null): Promise<void> {
    const r = this.run(runId);
    r.status = status;
    r.test = test;
    r.progress = undefined;
    this.drawTable();
    if (test && (this.confusionRun === undefined || !this.runs.get(this.confusionRun)?.test)) return this.showConfusion(runId);
    this.drawConfusionPick();
    return Promise.resolve();
  }

  /** A saved experiment: the same charts, drawn from its results. */
  load(view: ResultsView): Promise<void> {
    return this.drawRuns(view.runs, view.epochs);
  }

  /** The live job as far as it went (a page opened mid-job, or a redraw). */
  draw(snapshot: JobSnapshot): Promise<void> {
    return this.drawRuns(snapshot.runs, snapshot.job.epochs);
  }

  private async drawRuns(runs: RunView[], epochs: number): Promise<void> {
    await this.start(runs.map((r) => r.id));
    for (const r of runs) for (const h of r.history) await this.addEpoch(r.id, h);
    for (const r of runs) {
      if (r.status === 'queued' || r.status === 'running') this.setStatus(r.id, r.status, runProgress(r, epochs).text);
      else await this.endRun(r.id, r.status, r.test);
    }
  }

  /** One event of the live job, drawn incrementally (curves are appended to, never re-embedded). */
  follow(e: TrainingEvent, snapshot: JobSnapshot): Promise<void> {
    if (e.type === 'job/started') return this.draw(snapshot);
    if (e.type === 'job/ended') return Promise.resolve();
    const run = snapshot.runs.find((r) => r.id === e.runId);
    switch (e.type) {
      case 'run/queued':
        this.setStatus(e.runId, 'queued');
        return Promise.resolve();
      case 'run/started':
        this.setStatus(e.runId, 'running');
        return Promise.all((e.history ?? []).map((h) => this.addEpoch(e.runId, h))).then(() => undefined);
      case 'run/progress':
        this.setStatus(e.runId, 'running', run ? runProgress(run, snapshot.job.epochs).text : undefined);
        return Promise.resolve();
      case 'run/epoch':
        return this.addEpoch(e.runId, e.metrics);
      case 'run/end':
        return this.endRun(e.runId, e.outcome.status, e.outcome.test ?? null);
    }
  }

  private drawTable(): void {
    const head = el('tr', {}, ...['train.col.run', 'train.col.status', 'train.col.epochs', 'train.col.val', 'train.col.test', 'train.col.seconds'].map((k) => el('th', { scope: 'col' }, t(k as never))));
    const rows = this.order.map((id) => {
      const r = this.runs.get(id)!;
      const last = r.history[r.history.length - 1];
      const mean = r.history.length ? r.history.reduce((s, h) => s + h.seconds, 0) / r.history.length : NaN;
      const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(2)}%`);
      return el('tr', { 'data-run': id },
        el('th', { scope: 'row' }, id),
        el('td', {}, r.progress ?? t(`status.${r.status}` as MessageKey)),
        el('td', { class: 'num' }, String(r.history.length)),
        el('td', { class: 'num' }, pct(last?.val_accuracy)),
        el('td', { class: 'num', 'data-test-accuracy': r.test ? String(r.test.accuracy) : undefined }, pct(r.test?.accuracy)),
        el('td', { class: 'num' }, Number.isFinite(mean) ? mean.toFixed(2) : '–'));
    });
    this.table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  private drawConfusionPick(): void {
    const withTest = this.order.filter((id) => this.runs.get(id)?.test);
    if (withTest.length === 0) {
      this.confusionPick.replaceChildren();
      return;
    }
    const pick = select(withTest.map((id) => ({ value: id, text: id })), this.confusionRun ?? withTest[0]!, (v) => void this.showConfusion(v), { 'aria-label': t('train.confusionRun') });
    this.confusionPick.replaceChildren(el('label', { class: 'inline' }, t('train.confusionRun'), ' ', pick));
  }

  private showConfusion(runId: string): Promise<void> {
    const test = this.runs.get(runId)?.test;
    if (!test) return Promise.resolve();
    this.confusionRun = runId;
    this.drawConfusionPick();
    this.drawDigits();
    this.confusion.element.hidden = false;
    const rows = confusionRows(test.confusion);
    return this.confusion.render(confusionSpec(rows, { labels: chartLabels(), theme: chartTheme(), title: `${t('chart.confusion')}: ${runId}`, size: 280 }), rows.length);
  }

  /** Misclassified test digits of the chosen run, drawn from their pixel bytes onto canvases. */
  private drawDigits(): void {
    const test = this.confusionRun ? this.runs.get(this.confusionRun)?.test : undefined;
    if (!test || test.misclassified.length === 0) {
      this.digits.replaceChildren(el('p', { class: 'hint' }, t('train.noDigits')));
      return;
    }
    this.digits.replaceChildren(...test.misclassified.slice(0, 24).map((m) => {
      const img = digitImage(m.pixelsBase64);
      const caption = `${m.label} → ${m.predicted}`;
      return el('figure', { class: 'digit', title: `#${m.index}: ${t('chart.trueLabel')} ${m.label}, ${t('chart.predicted')} ${m.predicted}` },
        img ?? el('span', {}, '?'), el('figcaption', {}, caption));
    }));
  }
}

/** A 28x28 (or any square) grey image as an <img> with a PNG data URL (img-src data: is allowed). */
function digitImage(base64: string): HTMLImageElement | undefined {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const side = Math.round(Math.sqrt(bytes.length));
  if (side * side !== bytes.length || side === 0) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const image = ctx.createImageData(side, side);
  for (let i = 0; i < bytes.length; i++) {
    const v = 255 - bytes[i]!; // dark ink on light paper, as the digits are usually shown
    image.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
  return el('img', { src: canvas.toDataURL('image/png'), width: String(side * 2), height: String(side * 2), alt: '' });
}
