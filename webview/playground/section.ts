// The Playground section: TF Playground's controls (data, features, layers, training) with the
// lab's additions (any activation per layer with its f and f' beside it, your own points and CSV,
// cross-entropy, a race of two networks, ONNX export), and the live views the run draws into:
// the output over the plane with the data, a map per neuron, the weights, the loss curves.
import type { ActivationRecord } from '../../src/core/activations/types';
import { formulaText } from '../../src/core/locale';
import { CLASSIFICATION_DATASETS, REGRESSION_DATASETS, generateDataset, type GeneratedDataset, type Point } from '../../src/core/playground/data';
import { MAX_OWN_POINTS, parsePointsCsv } from '../../src/core/playground/csv';
import { FEATURES, type FeatureId } from '../../src/core/playground/features';
import { MAX_HIDDEN_LAYERS, MAX_NEURONS } from '../../src/core/playground/network';
import {
  LEARNING_RATES, MAX_BATCH_SIZE, REGULARIZATION_RATES, fitActivations, mergePlaygroundSettings, sourceOf,
  type ClassificationSource, type PlaygroundSettings, type RegressionSource, type SavedPoint,
} from '../../src/core/playground/settings';
import type { NetFrame, PlaygroundFocus, PlaygroundReport } from '../../src/protocol/playground';
import { allActivations, recordFor } from '../activations';
import { button, checkbox, el, labelled, select } from '../dom';
import { lang, shownName } from '../i18n';
import { sparkline } from '../sidebar';
import { host, page, savePage } from '../state';
import { post } from '../vscodeApi';
import { playgroundColors, type PlaygroundColors } from './colors';
import { drawMap, drawPoints, fromCanvas, identityToSigned, probabilityToSigned } from './heatmap';
import { drawLossChart, type LossPoint } from './lossChart';
import { networkView, type NetworkView } from './networkView';
import { BIG_GRID, playgroundRun } from './run';
import { pt, type PlaygroundKey } from './strings';

const BOUNDARY_SIZE = 300;
const THUMB_SIZE = 44;

let pendingPlay = false;
let currentBody: HTMLElement | undefined;
let currentOptions: PlaygroundOptions | undefined;

export interface PlaygroundOptions {
  /** Opens the MNIST trainer with these activations selected. */
  openTrain(activations: string[]): void;
}

const settings = (): PlaygroundSettings => page.playground;

function save(): void {
  savePage();
}

/** Applies what "Open Playground" asked for (before the section renders); `play` starts training once the network is ready. */
export function applyPlaygroundFocus(focus: PlaygroundFocus): void {
  page.playground = mergePlaygroundSettings(page.playground, focus.settings).settings;
  save();
  if (focus.play) pendingPlay = true;
}

/** The section is no longer shown: the run stops asking for frames. */
export function leavePlayground(): void {
  if (currentBody) playgroundRun.detach();
  currentBody = undefined;
}

export function playgroundReport(): PlaygroundReport {
  return playgroundRun.report(sourceOf(settings()));
}

/** Frames drawn since the page loaded (the benchmark's frame counter). */
export function playgroundFrames(): number {
  return playgroundRun.framesDrawn;
}

/** The worker alone training for `millis`: the benchmark's steps per second. */
export function playgroundBench(millis: number): Promise<{ steps: number; millis: number }> {
  return playgroundRun.bench(millis);
}

/** The control that has the focus, as a selector that finds its successor after a redraw. */
function focusedControl(): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !currentBody?.contains(active)) return undefined;
  for (const attr of ['data-pg', 'data-pg-activation', 'data-pg-race-activation', 'data-feature', 'data-dataset', 'data-neuron']) {
    const v = active.getAttribute(attr);
    if (v !== null) return `[${attr}="${CSS.escape(v)}"]`;
  }
  return undefined;
}

/** Draws the section again; a keyboard user keeps their place (the same control has the focus). */
function rerender(): void {
  if (!currentBody || !currentOptions) return;
  const focused = focusedControl();
  renderPlayground(currentBody, currentOptions);
  if (focused) currentBody.querySelector<HTMLElement>(focused)?.focus();
}

/** Settings changed by a control: saved, the run brought in line, the section drawn again. */
function changed(redraw = true): void {
  save();
  playgroundRun.sync(settings(), host.customs);
  if (redraw) rerender();
}

const elementwise = (): ActivationRecord[] => allActivations(host.customs).filter((r) => r.kind === 'elementwise');

function activationHint(record: ActivationRecord | undefined): string {
  if (!record) return '';
  return `${formulaText(record.formula, lang())}\n${formulaText(record.derivative, lang())}`;
}

/** An activation choice with its f and f' mini-plot beside it and its formula on hover. */
function activationChoice(value: string, label: string, onChange: (id: string) => void, attrs: Record<string, string>): HTMLElement {
  const records = elementwise();
  const options = records.map((r) => ({ value: r.id, text: r.origin === 'custom' ? `${shownName(r)} *` : shownName(r) }));
  if (!records.some((r) => r.id === value)) options.push({ value, text: value });
  const record = recordFor(value, host.customs);
  const choice = select(options, value, onChange, { 'aria-label': label, title: activationHint(record), ...attrs });
  const plot = el('span', { class: 'pg-spark', role: 'img', 'aria-label': pt('miniPlot', record ? shownName(record) : value), title: activationHint(record) });
  if (record) plot.append(sparkline(record));
  return el('span', { class: 'pg-activation' }, choice, plot);
}

function datasetThumb(points: readonly Point[], regression: boolean, colors: PlaygroundColors): HTMLCanvasElement {
  const c = el('canvas', { width: String(THUMB_SIZE), height: String(THUMB_SIZE), 'aria-hidden': 'true' });
  const ctx = c.getContext('2d');
  if (!ctx) return c;
  for (const p of points.slice(0, 300)) {
    const x = ((p.x + 6) / 12) * THUMB_SIZE;
    const y = ((6 - p.y) / 12) * THUMB_SIZE;
    ctx.fillStyle = (regression ? p.label >= 0 : p.label === 1) ? colors.positiveCss : colors.negativeCss;
    ctx.fillRect(x - 1, y - 1, 2, 2);
  }
  return c;
}

function dataControls(s: PlaygroundSettings, colors: PlaygroundColors, csvStatus: HTMLElement): HTMLElement {
  const task = select([{ value: 'classification', text: pt('task.classification') }, { value: 'regression', text: pt('task.regression') }] as const, s.task, (v) => {
    s.task = v;
    changed();
  }, { 'data-pg': 'task' });
  const regression = s.task === 'regression';
  const sources: string[] = regression ? [...REGRESSION_DATASETS, 'own'] : [...CLASSIFICATION_DATASETS, 'own'];
  const current = sourceOf(s);
  const datasets = el('div', { class: 'pg-datasets', role: 'radiogroup', 'aria-label': pt('dataset') });
  for (const name of sources) {
    const points = name === 'own' ? s.own[s.task].map(([x, y, label]) => ({ x, y, label })) : generateDataset(name as GeneratedDataset, { noise: 0, seed: 1, samples: 200 });
    const b = el('button', { type: 'button', role: 'radio', class: 'pg-dataset', 'aria-checked': String(name === current), 'data-dataset': name, title: pt(`dataset.${name}` as PlaygroundKey) },
      datasetThumb(points, regression, colors), el('span', {}, pt(`dataset.${name}` as PlaygroundKey)));
    b.addEventListener('click', () => {
      if (regression) s.regDataset = name as RegressionSource;
      else s.dataset = name as ClassificationSource;
      changed();
    });
    datasets.append(b);
  }
  const range = (key: 'noise' | 'trainPercent', min: number, max: number, step: number) => {
    const input = el('input', { type: 'range', min: String(min), max: String(max), step: String(step), value: String(s[key]), 'data-pg': key });
    const out = el('output', {}, String(s[key]));
    input.addEventListener('input', () => { out.textContent = input.value; });
    input.addEventListener('change', () => {
      s[key] = Number(input.value);
      changed();
    });
    const field = labelled(pt(key), input, 'field slider');
    field.append(out);
    return field;
  };
  const seed = el('input', { type: 'number', min: '0', max: '4294967295', step: '1', value: String(s.seed), class: 'num-input', 'data-pg': 'seed' });
  seed.addEventListener('change', () => {
    const v = Number(seed.value);
    if (Number.isInteger(v) && v >= 0 && v <= 0xffffffff) {
      s.seed = v;
      changed();
    } else seed.setAttribute('aria-invalid', 'true');
  });
  const regenerate = button(pt('regenerate'), () => {
    s.seed = (s.seed + 1) >>> 0;
    changed();
  }, { 'data-pg': 'regenerate' }, true);

  // Own points: the class a click adds, the count, CSV in a box or from a file.
  const brush = select(regression
    ? [{ value: '1', text: pt('own.plus') }, { value: '0', text: pt('own.minus') }]
    : [{ value: '1', text: pt('own.class1') }, { value: '0', text: pt('own.class0') }], String(s.brush) as '0' | '1', (v) => {
    s.brush = v === '1' ? 1 : 0;
    save();
  }, { 'data-pg': 'brush' });
  const own = s.own[s.task];
  const clear = button(pt('own.clear'), () => {
    s.own[s.task] = [];
    changed();
  }, { 'data-pg': 'clear' }, true);
  clear.disabled = own.length === 0;
  const csv = el('textarea', { rows: '4', class: 'pg-csv', 'data-pg': 'csv', placeholder: 'x,y,label\n1.5,-2,1', spellcheck: 'false' });
  csv.id = 'pg-csv';
  const loadText = (text: string) => {
    const parsed = parsePointsCsv(text, s.task);
    if (typeof parsed === 'string') {
      csvStatus.className = 'pg-csv-status error';
      csvStatus.textContent = parsed;
      return;
    }
    s.own[s.task] = parsed.map((p) => [p.x, p.y, p.label] as SavedPoint);
    if (regression) s.regDataset = 'own';
    else s.dataset = 'own';
    lastCsvMessage = pt('csv.loaded', parsed.length);
    changed();
  };
  const load = button(pt('csv.load'), () => loadText(csv.value), { 'data-pg': 'load-csv' }, true);
  const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', class: 'pg-file', 'data-pg': 'csv-file', 'aria-label': pt('csv.file') });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    void f.text().then((text) => {
      csv.value = text.slice(0, 200_000);
      loadText(text);
    });
  });

  return el('div', { class: 'pg-col pg-data-col' },
    el('h3', {}, pt('data')),
    labelled(pt('task'), task),
    datasets,
    el('div', { class: 'controls' }, range('noise', 0, 50, 5), range('trainPercent', 10, 90, 10)),
    el('div', { class: 'controls' }, labelled(pt('seed'), seed), regenerate),
    el('div', { class: 'pg-own' },
      el('div', { class: 'controls' }, labelled(pt('own.brush'), brush), el('span', { class: 'hint', 'data-pg': 'own-count' }, pt('own.count', own.length)), clear),
      el('p', { class: 'hint' }, pt('own.hint')),
      el('label', { for: csv.id, class: 'hint' }, pt('csv.label')),
      csv,
      el('div', { class: 'controls' }, load, file),
      csvStatus),
  );
}

function layerHeader(s: PlaygroundSettings, layer: number): HTMLElement {
  const units = s.hidden[layer];
  const more = el('button', { type: 'button', class: 'icon-button', 'aria-label': pt('addNeuron', layer + 1), title: pt('addNeuron', layer + 1), 'data-pg': `add-neuron-${layer}` }, '+');
  more.disabled = units >= MAX_NEURONS;
  more.addEventListener('click', () => { s.hidden[layer] = units + 1; changed(); });
  const fewer = el('button', { type: 'button', class: 'icon-button', 'aria-label': pt('removeNeuron', layer + 1), title: pt('removeNeuron', layer + 1), 'data-pg': `remove-neuron-${layer}` }, '−');
  fewer.disabled = units <= 1;
  fewer.addEventListener('click', () => { s.hidden[layer] = units - 1; changed(); });
  const a = activationChoice(s.activations[layer], pt('activation', layer + 1), (id) => { s.activations[layer] = id; changed(); }, { 'data-pg-activation': String(layer) });
  const header = el('div', { class: 'pg-layer-title' },
    el('div', { class: 'pg-layer-size', title: pt('layer', layer + 1, units) }, fewer, el('span', { class: 'pg-units' }, String(units)), more), a);
  if (s.race) {
    header.append(el('span', { class: 'pg-net-tag' }, 'B'),
      activationChoice(s.raceActivations[layer], pt('activationB', layer + 1), (id) => { s.raceActivations[layer] = id; changed(); }, { 'data-pg-race-activation': String(layer) }));
  }
  return header;
}

function networkControls(s: PlaygroundSettings, net: NetworkView): HTMLElement {
  const addLayer = button(pt('addLayer'), () => {
    s.hidden.push(s.hidden[s.hidden.length - 1] ?? 4);
    s.activations = fitActivations(s.activations, s.hidden.length);
    s.raceActivations = fitActivations(s.raceActivations, s.hidden.length, 'relu');
    changed();
  }, { 'data-pg': 'add-layer' }, true);
  addLayer.disabled = s.hidden.length >= MAX_HIDDEN_LAYERS;
  const removeLayer = button(pt('removeLayer'), () => {
    s.hidden.pop();
    s.activations = s.activations.slice(0, s.hidden.length);
    s.raceActivations = s.raceActivations.slice(0, s.hidden.length);
    changed();
  }, { 'data-pg': 'remove-layer' }, true);
  removeLayer.disabled = s.hidden.length === 0;

  const rate = select(LEARNING_RATES.map((r) => ({ value: String(r), text: String(r) })), String(s.learningRate), (v) => { s.learningRate = Number(v); changed(false); }, { 'data-pg': 'learningRate' });
  const batch = el('input', { type: 'range', min: '1', max: String(MAX_BATCH_SIZE), step: '1', value: String(s.batchSize), 'data-pg': 'batchSize' });
  const batchOut = el('output', {}, String(s.batchSize));
  batch.addEventListener('input', () => { batchOut.textContent = batch.value; });
  batch.addEventListener('change', () => { s.batchSize = Number(batch.value); changed(false); });
  const batchField = labelled(pt('batchSize'), batch, 'field slider');
  batchField.append(batchOut);
  const loss = select([{ value: 'cross_entropy', text: pt('loss.cross_entropy') }, { value: 'squared_error', text: pt('loss.squared_error') }] as const,
    s.task === 'regression' ? 'squared_error' : s.loss, (v) => { s.loss = v; changed(false); }, { 'data-pg': 'loss', title: s.task === 'regression' ? pt('loss.regression') : '' });
  loss.disabled = s.task === 'regression';
  const regularization = select([{ value: 'none', text: pt('regularization.none') }, { value: 'l1', text: pt('regularization.l1') }, { value: 'l2', text: pt('regularization.l2') }] as const,
    s.regularization, (v) => { s.regularization = v; changed(false); }, { 'data-pg': 'regularization' });
  const regRate = select(REGULARIZATION_RATES.map((r) => ({ value: String(r), text: String(r) })), String(s.regularizationRate), (v) => { s.regularizationRate = Number(v); changed(false); }, { 'data-pg': 'regularizationRate' });

  return el('div', { class: 'pg-col pg-net-col' },
    el('h3', {}, pt('layers', s.hidden.length)),
    el('div', { class: 'controls' }, removeLayer, addLayer),
    net.root,
    el('p', { class: 'hint' }, pt(s.task === 'classification' ? 'outputActivation.classification' : 'outputActivation.regression')),
    el('h3', {}, pt('training')),
    el('div', { class: 'controls' },
      labelled(pt('learningRate'), rate), batchField, labelled(pt('loss'), loss),
      labelled(pt('regularization'), regularization), labelled(pt('regularizationRate'), regRate)),
  );
}

interface NetCard {
  root: HTMLElement;
  boundary: HTMLCanvasElement;
  loss: HTMLElement;
}

function netCard(s: PlaygroundSettings, index: number, acts: string[]): NetCard {
  const name = s.race ? pt(index === 0 ? 'net.a' : 'net.b') : pt('output');
  const actsText = acts.join(', ') || '—';
  const boundary = el('canvas', {
    width: String(BOUNDARY_SIZE), height: String(BOUNDARY_SIZE), class: 'pg-boundary', 'data-pg-boundary': String(index), role: 'img',
    'aria-label': pt(s.task === 'classification' ? 'boundary.classification' : 'boundary.regression', `${name} (${actsText})`),
  });
  boundary.addEventListener('click', (e) => addPoint(s, boundary, e));
  const loss = el('p', { class: 'pg-loss', 'data-pg-loss': String(index), 'aria-live': 'off' });
  const exportButton = button(pt('export'), () => void exportModel(index), { 'data-pg': `export-${index}` }, true);
  const root = el('figure', { class: 'pg-card' },
    el('figcaption', {}, el('span', { class: `pg-swatch net-${index}`, 'aria-hidden': 'true' }), el('strong', {}, name), ` · ${actsText}`),
    boundary, loss, exportButton);
  return { root, boundary, loss };
}

let lastCsvMessage = '';

function addPoint(s: PlaygroundSettings, canvas: HTMLCanvasElement, e: MouseEvent): void {
  const r = canvas.getBoundingClientRect();
  const [x, y] = fromCanvas(BOUNDARY_SIZE, ((e.clientX - r.left) / r.width) * BOUNDARY_SIZE, ((e.clientY - r.top) / r.height) * BOUNDARY_SIZE);
  const kind = e.shiftKey ? 1 - s.brush : s.brush;
  const label = s.task === 'regression' ? (kind === 1 ? 1 : -1) : kind;
  if (sourceOf(s) !== 'own') {
    // The first click edits the points shown: they become the user's.
    s.own[s.task] = [...playgroundRun.data.train, ...playgroundRun.data.test].slice(0, MAX_OWN_POINTS - 1).map((p) => [p.x, p.y, p.label] as SavedPoint);
    if (s.task === 'regression') s.regDataset = 'own';
    else s.dataset = 'own';
  }
  if (s.own[s.task].length >= MAX_OWN_POINTS) return;
  s.own[s.task].push([round(x), round(y), label]);
  changed(false);
  const count = document.querySelector('[data-pg=own-count]');
  if (count) count.textContent = pt('own.count', s.own[s.task].length);
  const clear = document.querySelector<HTMLButtonElement>('[data-pg=clear]');
  if (clear) clear.disabled = false;
  for (const b of document.querySelectorAll('.pg-dataset')) b.setAttribute('aria-checked', String((b as HTMLElement).dataset.dataset === 'own'));
}

const round = (v: number) => Math.round(v * 1000) / 1000;

async function exportModel(index: number): Promise<void> {
  try {
    const m = await playgroundRun.model(index);
    post({ type: 'playground/export', model: m.model, check: m.check });
  } catch (e) {
    playgroundRun.say((e as Error).message);
  }
}

/** The MNIST trainer trains one activation for every hidden layer; that needs each network to have one. */
function mnistActivations(s: PlaygroundSettings): string[] | undefined {
  const nets = s.race ? [s.activations, s.raceActivations] : [s.activations];
  if (s.hidden.length === 0 || nets.some((acts) => new Set(acts).size !== 1)) return undefined;
  return [...new Set(nets.map((acts) => acts[0]))];
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

export function renderPlayground(body: HTMLElement, options: PlaygroundOptions): void {
  currentBody = body;
  currentOptions = options;
  const s = settings();
  const colors = playgroundColors();
  const csvStatus = el('p', { class: 'pg-csv-status', role: 'status', 'data-pg': 'csv-status' }, lastCsvMessage);
  lastCsvMessage = '';
  const message = el('p', { class: 'pg-message error', role: 'alert', 'data-pg': 'message' });

  // Toolbar: play / pause, step, reset, the epoch, speed, race, test data.
  const play = button(pt('play'), () => (playgroundRun.running ? playgroundRun.pause() : playgroundRun.play()), { 'data-pg': 'play', 'aria-pressed': 'false' });
  const step = button(pt('step'), () => playgroundRun.step(), { 'data-pg': 'step' }, true);
  const reset = button(pt('reset'), () => playgroundRun.reset(settings(), host.customs), { 'data-pg': 'reset' }, true);
  const epoch = el('span', { class: 'pg-epoch', 'data-pg': 'epoch', 'aria-live': 'off' }, pt('epoch', 0));
  const speed = select([{ value: 'normal', text: pt('speed.normal') }, { value: 'fast', text: pt('speed.fast') }] as const, s.speed, (v) => {
    s.speed = v;
    playgroundRun.setSpeed(v);
    save();
  }, { 'data-pg': 'speed', 'aria-label': pt('speed') });
  playgroundRun.setSpeed(s.speed);
  const race = checkbox(pt('race'), s.race, (on) => { s.race = on; changed(); }, { 'data-pg': 'race' });
  const showTest = checkbox(pt('showTest'), s.showTest, (on) => { s.showTest = on; save(); redrawLast(); }, { 'data-pg': 'showTest' });

  const net = networkView({
    features: s.features, hidden: s.hidden, task: s.task, focus: playgroundRun.focus,
    label: {
      features: pt('features'),
      feature: (name, on) => pt('feature', name, pt(on ? 'feature.on' : 'feature.off')),
      neuron: (layer, unit) => pt('neuron', layer + 1, unit + 1),
      output: pt('output'),
      outputNeuron: pt('outputNeuron'),
    },
    onToggleFeature: (f: FeatureId) => {
      const on = s.features.includes(f);
      if (on && s.features.length === 1) return; // the network needs an input
      s.features = FEATURES.filter((x) => (x === f ? !on : s.features.includes(x)));
      changed();
    },
    onFocus: (ref) => {
      playgroundRun.setFocus(ref);
      for (const b of body.querySelectorAll('.pg-net [data-neuron]')) {
        const id = (b as HTMLElement).dataset.neuron;
        b.setAttribute('aria-pressed', String(ref === null ? id === 'output' : id === `${ref.layer}-${ref.unit}`));
      }
      focusNote.textContent = ref ? pt('boundary.neuron', ref.layer + 1, ref.unit + 1) : '';
    },
    layerHeader: (layer) => layerHeader(s, layer),
  });
  const focusNote = el('p', { class: 'hint', 'data-pg': 'focus-note' }, playgroundRun.focus ? pt('boundary.neuron', playgroundRun.focus.layer + 1, playgroundRun.focus.unit + 1) : '');

  const cards = (s.race ? [s.activations, s.raceActivations] : [s.activations]).map((acts, i) => netCard(s, i, acts));
  const lossCanvas = el('canvas', { width: '440', height: '90', class: 'pg-loss-chart', 'data-pg': 'loss-chart', role: 'img', 'aria-label': pt('lossCurve') });
  const mnist = mnistActivations(s);
  const mnistButton = button(pt('mnist'), () => { if (mnist) options.openTrain(mnist); }, { 'data-pg': 'mnist' }, true);
  mnistButton.disabled = !mnist;

  const output = el('div', { class: 'pg-col pg-out-col' },
    el('div', { class: `pg-cards${s.race ? ' race' : ''}` }, ...cards.map((c) => c.root)),
    focusNote,
    el('figure', { class: 'pg-card' }, el('figcaption', { class: 'hint' }, pt('lossCurve')), lossCanvas),
    el('div', { class: 'controls' }, mnistButton),
    mnist ? '' : el('p', { class: 'hint' }, pt('mnist.hint')),
  );

  body.replaceChildren(
    el('p', { class: 'hint' }, pt('intro')),
    el('div', { class: 'pg-toolbar controls', role: 'toolbar', 'aria-label': pt('section') }, play, step, reset, epoch, speed, race, showTest),
    s.race ? el('p', { class: 'hint' }, pt('race.hint')) : '',
    message,
    el('div', { class: `pg-columns${s.race ? ' race' : ''}` }, dataControls(s, colors, csvStatus), networkControls(s, net), output),
  );

  let lastFrames: NetFrame[] = [];
  let lastHistories: LossPoint[][] = [];
  const drawFrames = (frames: NetFrame[], histories: LossPoint[][]): void => {
    lastFrames = frames;
    lastHistories = histories;
    frames.forEach((f, i) => {
      const card = cards[i];
      if (!card) return;
      const showsOutput = i > 0 || playgroundRun.focus === null;
      drawMap(card.boundary, f.big, BIG_GRID, colors, showsOutput && s.task === 'classification' ? probabilityToSigned : identityToSigned);
      const data = playgroundRun.data;
      drawPoints(card.boundary, data.train, colors, false, s.task === 'regression');
      if (s.showTest) drawPoints(card.boundary, data.test, colors, true, s.task === 'regression');
      card.loss.textContent = pt('losses', fmt(f.trainLoss), fmt(f.testLoss));
      if (showsOutput && s.task === 'classification') {
        let positive = 0;
        for (const p of f.big) if (p > 0.5) positive++;
        playgroundRun.counts[i] = { positive, negative: f.big.length - positive };
      }
    });
    if (frames[0]) {
      epoch.textContent = pt('epoch', frames[0].epoch);
      net.update(frames[0].small, frames[0].weights, colors);
      playgroundRun.links = net.links();
    }
    drawLossChart(lossCanvas, histories, colors);
  };
  const redrawLast = (): void => { if (lastFrames.length) drawFrames(lastFrames, lastHistories); };

  playgroundRun.attach({
    draw: drawFrames,
    dataChanged: redrawLast,
    playing(running) {
      play.textContent = pt(running ? 'pause' : 'play');
      play.setAttribute('aria-pressed', String(running));
    },
    message(text) {
      message.textContent = text;
    },
  });
  // The links are laid out once the section is in the document.
  requestAnimationFrame(() => net.layout(colors));
  playgroundRun.sync(s, host.customs);
  if (pendingPlay) {
    pendingPlay = false;
    playgroundRun.play();
  }
}
