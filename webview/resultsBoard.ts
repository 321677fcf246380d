// The charts of one experiment (or several overlaid), live or loaded: accuracy and loss curves
// (the tutorial's figure, with optional smoothing), seconds per epoch, per-layer gradients and
// dead units, learned activation parameters (when a run learns any), the results table (every accuracy with the images it was measured on), the
// confusion matrix and the misclassified digits. Live epochs are appended to the named datasets,
// never re-embedded. Runs are named by their activations and parameters, and each keeps its
// activation's colour.
import {
  accuracyCurvesSpec, HISTORY_DATASET, historyRows, LEARNED_DATASET, learnedParamsSpec, learnedRows, lossCurvesSpec, SECONDS_DATASET, secondsPerEpochSpec,
  secondsRows, SMOOTH_EPOCHS, SMOOTH_SIGNAL, type CurveSpecOptions,
} from '../src/core/charts/training';
import { confusionRows, confusionSpec, deadUnitSpec, layerGradientSpec, layerRows, LAYERS_DATASET } from '../src/core/charts/results';
import { seriesColour } from '../src/core/charts/colours';
import { fileStamp, uniqueNames } from '../src/core/charts/names';
import type { EpochMetrics, RunEndStatus, TestMetrics } from '../src/core/train/results';
import type { JobSnapshot } from '../src/protocol/jobSnapshot';
import type { ResultsView, RunView } from '../src/protocol/messages';
import type { TrainingEvent } from '../src/protocol/training';
import { Chart } from './charts';
import { checkbox, el, select } from './dom';
import { chartLabels, count, fill, shownRun, t, type MessageKey } from './i18n';
import { runProgress, statusText } from './jobText';
import { page, savePage } from './state';
import { chartTheme, themeKind } from './theme';

/** What the board keeps of a run: the live or saved view, its history as drawn so far. */
type BoardRun = Pick<RunView, 'status' | 'test' | 'history'> & { progress?: string };

/** What the board draws: runs and what they were trained and measured on. */
export interface BoardSource {
  runs: RunView[];
  epochs: number;
  /** Quick runs: the training images used (absent: the whole training set). */
  limitTrain?: number;
  /** Images in the validation split, where known. */
  validationImages?: number;
  /** When the experiment started (the export file names carry it). */
  createdAt?: string;
  /** Display names by run id where the caller knows better (runs of several experiments). */
  names?: Record<string, string>;
  /** A line saying what kind of runs these are (quick or full, and on how many images); default from limitTrain. */
  kind?: { text: string; quick: boolean | 'mixed' };
}

/** Keras's validation_split takes the last fraction of the training images: n − ⌊n(1 − split)⌋ of n. */
export function validationImages(trainImages: number, split = 0.2): number {
  return trainImages - Math.floor(trainImages * (1 - split));
}

/** The line that tells a quick run from a full one, with the images its figures come from. */
export function kindLine(limitTrain: number | undefined, testImages: number | undefined): { text: string; quick: boolean } {
  const quick = limitTrain !== undefined;
  const train = quick ? count(limitTrain) : t('run.allImages');
  const text = fill(t(quick ? 'run.quick' : 'run.full'), train, testImages !== undefined ? count(testImages) : '…');
  return { text, quick };
}

export class ResultsBoard {
  readonly element = el('div', { class: 'board' });
  private readonly runs = new Map<string, BoardRun>();
  private order: string[] = [];
  private names: Record<string, string> = {};
  private source: Omit<BoardSource, 'runs'> = { epochs: 0 };
  private readonly accuracy: Chart;
  private readonly loss: Chart;
  private readonly seconds: Chart;
  private readonly layers: Chart;
  private readonly dead: Chart;
  /** Embedded with a run's first learned values (most runs learn none, and it stays hidden). */
  private readonly learned: Chart;
  private learnedDrawn = false;
  private chartOptions: Omit<CurveSpecOptions, 'title'> = { labels: chartLabels() };
  private readonly confusion: Chart;
  private readonly kind = el('p', { class: 'run-kind', 'data-run-kind': '' });
  private readonly table = el('table', { class: 'results-table' });
  private readonly confusionPick = el('div', { class: 'confusion-pick' });
  private readonly digits = el('div', { class: 'digits' });
  private confusionRun: string | undefined;
  private pick: ReturnType<typeof select> | undefined;
  /** The run the board opens its confusion matrix on (the report's picked run). */
  focusRun: string | undefined;

  constructor(prefix: string) {
    this.accuracy = new Chart(`${prefix}-accuracy`, 'accuracy', t('chart.accuracy'));
    this.loss = new Chart(`${prefix}-loss`, 'loss', t('chart.loss'));
    this.seconds = new Chart(`${prefix}-seconds`, 'seconds-per-epoch', t('chart.seconds'));
    this.layers = new Chart(`${prefix}-layers`, 'gradient-per-layer', t('chart.layers'));
    this.dead = new Chart(`${prefix}-dead`, 'dead-units', t('chart.dead'));
    this.learned = new Chart(`${prefix}-learned`, 'learned-parameters', chartLabels().learnedPerEpoch);
    this.learned.element.hidden = true;
    this.confusion = new Chart(`${prefix}-confusion`, 'confusion', t('chart.confusion'));
    const smooth = checkbox(fill(t('train.smooth'), String(SMOOTH_EPOCHS)), page.smooth, (on) => {
      page.smooth = on;
      savePage();
      void Promise.all([this.accuracy.signal(SMOOTH_SIGNAL, on), this.loss.signal(SMOOTH_SIGNAL, on)]);
    }, { 'data-smooth': '' });
    this.element.append(
      this.kind,
      el('h3', {}, t('train.testTable')),
      this.table,
      el('div', { class: 'controls' }, smooth),
      el('div', { class: 'grid2' }, this.accuracy.element, this.loss.element),
      el('div', { class: 'grid2' },
        el('div', {}, this.confusionPick, this.confusion.element),
        el('div', {}, el('h3', {}, t('train.misclassified')), this.digits)),
      el('div', { class: 'grid2' }, this.seconds.element, this.layers.element),
      el('div', { class: 'grid2' }, this.dead.element, this.learned.element),
    );
  }

  /** A fresh job or experiment: empty charts with a colour and a name for every run. */
  start(source: BoardSource): Promise<void> {
    const { runs, ...rest } = source;
    this.source = rest;
    this.runs.clear();
    this.order = runs.map((r) => r.id);
    this.names = { ...uniqueNames(runs.map((r) => ({ id: r.id, name: shownRun(r.id, r.activations) }))), ...(source.names ?? {}) };
    for (const r of runs) this.runs.set(r.id, { history: [], status: 'queued', test: null });
    this.confusionRun = undefined;
    const testImages = runs.find((r) => r.test)?.test?.count;
    const kind = source.kind ?? kindLine(source.limitTrain, testImages);
    this.kind.textContent = kind.text;
    this.kind.dataset.runKind = kind.quick === 'mixed' ? 'mixed' : kind.quick ? 'quick' : 'full';
    const stamp = source.createdAt ?? '';
    const what = this.order.map((id) => this.names[id] ?? id).join('-');
    for (const [chart, metric] of [[this.accuracy, 'accuracy'], [this.loss, 'loss'], [this.seconds, 'seconds-per-epoch'], [this.layers, 'gradient-per-layer'], [this.dead, 'dead-units'], [this.learned, 'learned-parameters']] as const) {
      chart.exportName = [metric, what, fileStamp(stamp)].filter(Boolean).join('-');
    }
    const theme = chartTheme();
    // Two charts side by side, each with its legend (about 150 px) and axis (about 60 px).
    const width = Math.max(220, Math.min(520, Math.floor((this.element.clientWidth || 900) / 2) - 230));
    const opts = { labels: chartLabels(), theme, series: this.order, names: this.names, width };
    this.chartOptions = opts;
    // The previous experiment's learned values go with it; this one's embed the chart again if it has any.
    this.learned.element.hidden = true;
    this.learnedDrawn = false;
    this.drawTable();
    this.drawDigits();
    this.confusion.element.hidden = true;
    return Promise.all([
      this.accuracy.render(accuracyCurvesSpec([], { ...opts, title: t('chart.accuracy') }), 0).then(() => this.accuracy.signal(SMOOTH_SIGNAL, page.smooth)),
      this.loss.render(lossCurvesSpec([], { ...opts, title: t('chart.loss') }), 0).then(() => this.loss.signal(SMOOTH_SIGNAL, page.smooth)),
      this.seconds.render(secondsPerEpochSpec([], { ...opts, title: t('chart.seconds') }), 0),
      this.layers.render(layerGradientSpec([], { ...opts, title: t('chart.layers') }), 0),
      this.dead.render(deadUnitSpec([], { ...opts, title: t('chart.dead') }), 0),
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
    const learned = learnedRows(one);
    return Promise.all([
      learned.length ? this.addLearned(learned) : undefined,
      this.accuracy.append(HISTORY_DATASET, historyRows(one)),
      this.loss.append(HISTORY_DATASET, historyRows(one)),
      this.seconds.append(SECONDS_DATASET, secondsRows(one)),
      this.layers.append(LAYERS_DATASET, layerRows(one)),
      this.dead.append(LAYERS_DATASET, layerRows(one).filter((row) => row.deadUnitFraction !== null)),
    ]).then(() => undefined);
  }

  /** Learned parameter values: the first ones embed the chart (and show it), later ones are appended. */
  private addLearned(rows: ReturnType<typeof learnedRows>): Promise<void> {
    if (this.learnedDrawn) return this.learned.append(LEARNED_DATASET, rows);
    this.learnedDrawn = true;
    this.learned.element.hidden = false;
    return this.learned.render(learnedParamsSpec(rows, { ...this.chartOptions, title: chartLabels().learnedPerEpoch }), rows.length);
  }

  endRun(runId: string, status: RunEndStatus, test: TestMetrics | null): Promise<void> {
    const r = this.run(runId);
    r.status = status;
    r.test = test;
    r.progress = undefined;
    this.drawTable();
    if (test && this.source.kind === undefined) {
      const kind = kindLine(this.source.limitTrain, test.count);
      this.kind.textContent = kind.text;
    }
    const wanted = this.focusRun === runId || (this.confusionRun === undefined || !this.runs.get(this.confusionRun)?.test) && (this.focusRun === undefined || !this.runs.has(this.focusRun));
    if (test && wanted) return this.showConfusion(runId);
    this.drawConfusionPick();
    return Promise.resolve();
  }

  /** A saved experiment: the same charts, drawn from its results. */
  load(view: ResultsView, extra: Pick<BoardSource, 'names' | 'kind'> = {}): Promise<void> {
    return this.show({
      runs: view.runs, epochs: view.epochs, createdAt: view.createdAt, ...extra,
      ...(view.limitTrain !== undefined ? { limitTrain: view.limitTrain } : {}),
      validationImages: view.dataset.validation,
    });
  }

  /** The live job as far as it went (a page opened mid-job, or a redraw). */
  draw(snapshot: JobSnapshot): Promise<void> {
    const limitTrain = snapshot.job.limitTrain;
    return this.show({
      runs: snapshot.runs, epochs: snapshot.job.epochs, createdAt: snapshot.job.startedAt,
      ...(limitTrain !== undefined ? { limitTrain, validationImages: validationImages(limitTrain) } : {}),
    });
  }

  /** Draws every run of `source` as far as it went: a saved experiment, a live snapshot, or several experiments overlaid. */
  async show(source: BoardSource): Promise<void> {
    await this.start(source);
    for (const r of source.runs) for (const h of r.history) await this.addEpoch(r.id, h);
    for (const r of source.runs) {
      if (r.status === 'queued' || r.status === 'running') this.setStatus(r.id, r.status, runProgress(r, source.epochs).text);
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
    const val = this.source.validationImages;
    const headings: [MessageKey, string?][] = [
      ['train.col.run'], ['train.col.status'], ['train.col.epochs'],
      ['train.col.val', val !== undefined ? fill(t('acc.images'), count(val)) : undefined],
      ['train.col.test'], ['train.col.seconds'],
    ];
    const head = el('tr', {}, ...headings.map(([k, sub]) => el('th', { scope: 'col' }, t(k), sub ? el('span', { class: 'hint col-sub' }, ` ${sub}`) : undefined)));
    const epochs = this.source.epochs;
    const rows = this.order.map((id) => {
      const r = this.runs.get(id)!;
      const last = r.history[r.history.length - 1];
      const mean = r.history.length ? r.history.reduce((s, h) => s + h.seconds, 0) / r.history.length : NaN;
      const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(2)}%`);
      const test = r.test
        ? [pct(r.test.accuracy), el('span', { class: 'hint' }, ` ${fill(t('acc.onImages'), count(r.test.count))}`)]
        : ['–'];
      return el('tr', { 'data-run': id },
        el('th', { scope: 'row' }, swatch(id), this.names[id] ?? id),
        el('td', {}, r.progress ?? statusText(r, epochs)),
        el('td', { class: 'num' }, epochs && r.history.length !== epochs ? `${r.history.length}/${epochs}` : String(r.history.length)),
        el('td', { class: 'num' }, pct(last?.val_accuracy)),
        el('td', { class: 'num', 'data-test-accuracy': r.test ? String(r.test.accuracy) : undefined, 'data-test-count': r.test ? String(r.test.count) : undefined }, ...test),
        el('td', { class: 'num' }, Number.isFinite(mean) ? mean.toFixed(2) : '–'));
    });
    this.table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  /**
   * The run picker above the confusion matrix. One select kept and its options rebuilt in place:
   * a VS Code select replaced before its first render throws from its scroller's disconnect.
   */
  private drawConfusionPick(): void {
    const withTest = this.order.filter((id) => this.runs.get(id)?.test);
    if (withTest.length === 0) {
      this.confusionPick.replaceChildren();
      this.pick = undefined;
      return;
    }
    const value = this.confusionRun ?? withTest[0];
    if (!this.pick) {
      this.pick = select(withTest.map((id) => ({ value: id, text: this.names[id] ?? id })), value, (v) => void this.showConfusion(v), { 'aria-label': t('train.confusionRun'), 'data-confusion-run': '' });
    } else {
      this.pick.replaceChildren(...withTest.map((id) => el('vscode-option', { value: id, ...(id === value ? { selected: '' } : {}) }, this.names[id] ?? id)));
      this.pick.value = value;
    }
    if (!this.confusionPick.contains(this.pick)) {
      this.confusionPick.replaceChildren(el('label', { class: 'inline' }, t('train.confusionRun'), ' ', this.pick));
    }
  }

  private showConfusion(runId: string): Promise<void> {
    const test = this.runs.get(runId)?.test;
    if (!test) return Promise.resolve();
    this.confusionRun = runId;
    this.drawConfusionPick();
    this.drawDigits();
    this.confusion.element.hidden = false;
    this.confusion.exportName = ['confusion', this.names[runId] ?? runId, fileStamp(this.source.createdAt ?? '')].filter(Boolean).join('-');
    const rows = confusionRows(test.confusion);
    const title = fill(t('chart.confusionOf'), t('chart.confusion'), this.names[runId] ?? runId, fill(t('acc.onImages'), count(test.count)));
    return this.confusion.render(confusionSpec(rows, { labels: chartLabels(), theme: chartTheme(), title, size: 280 }), rows.length);
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

/** A small square in the run's colour, so the table matches the charts' legend. */
function swatch(id: string): HTMLElement {
  const s = el('span', { class: 'swatch', 'data-series': id, 'aria-hidden': 'true' });
  s.style.backgroundColor = seriesColour(id, themeKind()); // CSSOM, which the CSP allows (a style attribute it would not)
  return s;
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
    const v = 255 - bytes[i]; // dark ink on light paper, as the digits are usually shown
    image.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
  return el('img', { src: canvas.toDataURL('image/png'), width: String(side * 2), height: String(side * 2), alt: '' });
}
