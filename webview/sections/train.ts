// Train: start the tutorial's experiment from the page (built-in and saved custom activations,
// epochs, a quick subset, the network's hidden layers, learning rate and batch size, which
// activation parameters to learn; the optimizer is Adam), follow it live, and read the results when it ends. With no job in this
// session it shows the newest experiment's results.
import { ACTIVATIONS, findActivation } from '../../src/core/activations/registry';
import { readableDate } from '../../src/core/charts/names';
import { DEFAULT_CONFIG, MAX_COMPARED_ACTIVATIONS, MAX_EPOCHS, QUICK_LIMIT_TRAIN } from '../../src/core/train/config';
import { jobProgress } from '../../src/protocol/jobSnapshot';
import { MAX_LEARNED_PARAMS, TRAIN_BOUNDS, type TrainSettings } from '../../src/protocol/messages';
import { recordFor } from '../activations';
import { checkbox, el, integerField, labelled, textField, button } from '../dom';
import { count, fill, lang, shownActivation, shownName, t } from '../i18n';
import { lastLine, runProgress, statusText } from '../jobText';
import { ResultsBoard } from '../resultsBoard';
import { SWEEP_LIMITS } from '../../src/protocol/training';
import { SweepBoard } from '../sweepBoard';
import { host, page, savePage } from '../state';
import { currentJob, jobRunning, mountBoard, onJobChange } from '../trainStore';
import { post } from '../vscodeApi';

export function trainableIds(): string[] {
  return ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => a.id);
}

/** The user's saved activations that can train (elementwise, compiled without error), by name. */
function customIds(): string[] {
  return host.customs.map((d) => d.name).filter((name) => recordFor(name, host.customs)?.kind === 'elementwise' && !trainableIds().includes(name));
}

/** "128, 64" to [128, 64] within the bounds, or undefined. */
export function parseHidden(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const b = TRAIN_BOUNDS;
  if (parts.length < b.hiddenLayers.min || parts.length > b.hiddenLayers.max) return undefined;
  const widths = parts.map(Number);
  return parts.every((p) => /^\d+$/.test(p)) && widths.every((w) => w >= b.hiddenWidth.min && w <= b.hiddenWidth.max) ? widths : undefined;
}

/** The page's network and optimizer settings, or the reason they cannot be used. */
function chosenSettings(): TrainSettings | string {
  const s = page.train;
  const hidden = parseHidden(s.hidden);
  if (!hidden) return t('train.badHidden');
  const lr = Number(s.learningRate);
  if (!(lr >= TRAIN_BOUNDS.learningRate.min && lr <= TRAIN_BOUNDS.learningRate.max)) return t('train.badLr');
  const out: TrainSettings = {};
  // Only what differs from the tutorial's settings travels (the host fills in the rest).
  if (hidden.join(',') !== DEFAULT_CONFIG.hidden.join(',')) out.hidden = hidden;
  if (lr !== DEFAULT_CONFIG.learningRate) out.learningRate = lr;
  if (s.batchSize !== DEFAULT_CONFIG.batchSize) out.batchSize = s.batchSize;
  return out;
}

/** The activations the page would train: the ticked ones that can train, in the order ticked. */
function chosenActivations(): string[] {
  const allowed = new Set([...trainableIds(), ...customIds()]);
  return page.train.activations.filter((id) => allowed.has(id));
}

/** A parameter the chosen activations could learn, and which of them have it (the host learns it in each). */
export interface LearnChoice {
  name: string;
  activations: string[];
}

/**
 * The chosen activations' parameters by name, in the order they first appear, at most
 * MAX_LEARNED_PARAMS; `always` are those an activation learns anyway (PReLU's slope), not offered.
 */
export function learnChoices(acts: readonly string[]): { choices: LearnChoice[]; always: { activation: string; param: string }[] } {
  const byName = new Map<string, string[]>();
  const always: { activation: string; param: string }[] = [];
  for (const id of acts) {
    for (const p of recordFor(id, host.customs)?.params ?? []) {
      if (p.learnable) always.push({ activation: id, param: p.name });
      else byName.set(p.name, [...(byName.get(p.name) ?? []), id]);
    }
  }
  const choices = [...byName].map(([name, activations]) => ({ name, activations })).slice(0, MAX_LEARNED_PARAMS);
  return { choices, always };
}

/** Posts train/start from the page's choices; returns a problem in words, or undefined. `learn`: whether this form offers learning. */
export function startTraining(learn = true): string | undefined {
  const acts = chosenActivations();
  if (acts.length === 0) return t('train.pickOne');
  const settings = chosenSettings();
  if (typeof settings === 'string') return settings;
  // Only names some chosen activation has: a name ticked for an activation since unticked stays in the page, unsent.
  const offered = learn ? learnChoices(acts).choices.map((c) => c.name) : [];
  const learned = offered.filter((n) => page.train.learn.includes(n));
  post({
    type: 'train/start', activations: acts, epochs: page.train.epochs, ...(page.train.quick ? { limitTrain: QUICK_LIMIT_TRAIN } : {}),
    ...(page.train.seeds > 1 ? { seeds: page.train.seeds } : {}), ...(learned.length ? { learn: learned } : {}), ...settings,
  });
  return undefined;
}

/** An activation as the Train form names it: built-ins with their default parameters, custom ones by their name. */
function trainLabel(id: string): string {
  return trainableIds().includes(id) ? shownActivation(id) : id;
}

/** An activation's short name (no parameters): "Leaky ReLU", or a custom one's name. */
function shortLabel(id: string): string {
  const record = trainableIds().includes(id) ? findActivation(id) : undefined;
  return record ? shownName(record) : id;
}

/**
 * A "Learn alpha (Leaky ReLU, ELU)" checkbox per parameter the chosen activations have, redrawn
 * when the choice changes; the ticked names are kept in the page (one unticked activation later
 * does not lose them).
 */
function learnPicks(): { element: HTMLElement; redraw: () => void } {
  const element = el('fieldset', { class: 'picks', 'data-learn-picks': '' });
  const redraw = () => {
    const { choices, always } = learnChoices(chosenActivations());
    element.hidden = choices.length === 0 && always.length === 0;
    const sep = t('list.sep');
    element.replaceChildren(
      el('legend', {}, t('train.learn')),
      ...choices.map((c) => checkbox(fill(t('train.learnParam'), c.name, c.activations.map(shortLabel).join(sep)), page.train.learn.includes(c.name), (on) => {
        page.train.learn = on ? [...page.train.learn.filter((n) => n !== c.name), c.name] : page.train.learn.filter((n) => n !== c.name);
        savePage();
      }, { 'data-learn': c.name })),
      ...always.map((a) => el('p', { class: 'hint', 'data-learn-always': a.activation }, fill(t('train.learnAlways'), shortLabel(a.activation), a.param))),
      el('p', { class: 'hint' }, t('train.learnHint')),
    );
  };
  redraw();
  return { element, redraw };
}

export function trainForm(compact: boolean): HTMLElement {
  const problem = el('p', { class: 'error', role: 'alert' });
  const ids = compact ? ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu'] : trainableIds();
  // The sidebar's small launcher trains the activations as they are; learning is chosen in the panel.
  const learn = compact ? undefined : learnPicks();
  const pick = (id: string, custom = false) => {
    const box = checkbox(trainLabel(id), page.train.activations.includes(id), (on) => {
      page.train.activations = on ? [...page.train.activations, id].slice(-MAX_COMPARED_ACTIVATIONS) : page.train.activations.filter((x) => x !== id);
      savePage();
      learn?.redraw();
    }, { 'data-train': id, ...(custom ? { 'data-custom-activation': '' } : {}) });
    if (custom) box.append(el('span', { class: 'badge' }, t('fn.custom')));
    return box;
  };
  const customs = customIds();
  const picks = el('fieldset', { class: 'picks' }, el('legend', {}, t('train.activations')),
    ...ids.map((id) => pick(id)), ...customs.map((id) => pick(id, true)));
  if (!compact && customs.length === 0) picks.append(el('p', { class: 'hint' }, t('train.noCustom')));
  const epochs = integerField(page.train.epochs, 1, MAX_EPOCHS, (v) => { page.train.epochs = v; savePage(); }, { 'data-epochs': '' });
  // Each activation over several seeds: its mean ± 95% interval and which differences are real.
  const seeds = integerField(page.train.seeds, 1, SWEEP_LIMITS.maxSeeds, (v) => { page.train.seeds = v; savePage(); }, { 'data-seeds': '' });
  const quick = checkbox(fill(t('train.quick'), count(QUICK_LIMIT_TRAIN)), page.train.quick, (on) => { page.train.quick = on; savePage(); }, { 'data-quick': '' });
  const start = button(t('train.start'), () => { problem.textContent = startTraining(!compact) ?? ''; }, { 'data-action': 'train' }, false, 'play');
  const stop = button(t('train.stop'), () => post({ type: 'train/stop' }), { 'data-action': 'stop' }, true, 'debug-stop');
  const sync = () => {
    start.disabled = jobRunning();
    stop.disabled = !jobRunning();
  };
  sync();
  onJobChange(sync);
  const form = el('div', { class: 'train-form' }, picks);
  if (learn) form.append(learn.element);
  if (!compact) form.append(networkSettings());
  form.append(el('div', { class: 'controls' }, labelled(t('train.epochs'), epochs), ...(compact ? [] : [labelled(t('train.seeds'), seeds)]), quick, start, stop), problem);
  return form;
}

/** Hidden layers, learning rate, batch size and the (fixed) optimizer: what TensorFlow Playground users look for. */
function networkSettings(): HTMLElement {
  const s = page.train;
  const hidden = textField(s.hidden, { 'data-setting': 'hidden', class: 'text-input', placeholder: '128, 64' });
  hidden.addEventListener('change', () => {
    const ok = parseHidden(hidden.value) !== undefined;
    hidden.invalid = !ok;
    if (ok) { s.hidden = hidden.value; savePage(); }
  });
  // A text field: a number field's step would mark 0.001 invalid; the value is checked here instead.
  const lr = textField(s.learningRate, { 'data-setting': 'learningRate', class: 'num-input wide-num', inputmode: 'decimal' });
  lr.addEventListener('change', () => {
    const v = Number(lr.value);
    const ok = /^\s*(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i.test(lr.value) && v >= TRAIN_BOUNDS.learningRate.min && v <= TRAIN_BOUNDS.learningRate.max;
    lr.invalid = !ok;
    if (ok) { s.learningRate = lr.value.trim(); savePage(); }
  });
  const batch = integerField(s.batchSize, TRAIN_BOUNDS.batchSize.min, TRAIN_BOUNDS.batchSize.max, (v) => { s.batchSize = v; savePage(); }, { 'data-setting': 'batchSize' });
  const optimizer = el('span', { class: 'fixed-setting', 'data-setting': 'optimizer' }, t('train.adam'));
  const reset = button(t('train.resetSettings'), () => {
    s.hidden = DEFAULT_CONFIG.hidden.join(', ');
    s.learningRate = String(DEFAULT_CONFIG.learningRate);
    s.batchSize = DEFAULT_CONFIG.batchSize;
    savePage();
    hidden.value = s.hidden;
    lr.value = s.learningRate;
    batch.value = String(s.batchSize);
    for (const f of [hidden, lr, batch]) f.invalid = false;
  }, { 'data-action': 'reset-settings' }, true, 'discard');
  return el('fieldset', { class: 'picks settings' }, el('legend', {}, t('train.settings')),
    el('div', { class: 'controls' },
      labelled(t('train.hidden'), hidden), labelled(t('train.lr'), lr), labelled(t('train.batch'), batch),
      el('div', { class: 'field' }, el('span', { class: 'field-label' }, t('train.optimizer')), optimizer),
      reset),
    el('p', { class: 'hint' }, t('train.settingsHint')));
}

/** One progress bar per run of the current job: a stopped run's bar shows how far it got, never a full bar. */
export function progressList(): HTMLElement {
  const list = el('ul', { class: 'progress-list', 'aria-live': 'polite' });
  const draw = () => {
    const job = currentJob();
    list.replaceChildren(...(job?.runs ?? []).map((run) => {
      const p = runProgress(run, job!.job.epochs);
      const bar = el('progress', { max: '1', value: String(p.fraction), 'aria-label': activationNameOf(run.id, run.activations) });
      return el('li', { 'data-run': run.id, 'data-status': run.status }, el('span', { class: 'run-name' }, activationNameOf(run.id, run.activations)), bar, el('span', { class: 'hint' }, p.text));
    }));
  };
  draw();
  onJobChange(draw);
  return list;
}

function activationNameOf(id: string, activations: readonly string[]): string {
  const first = activations[0];
  return first && activations.every((a) => a === first) ? trainLabel(first) : id;
}

/** The job in one line: every run counted (how many ended, how much of all the epochs is done), then the latest news. */
export function jobLine(): string {
  const job = currentJob();
  if (!job) return '';
  const p = jobProgress(job);
  const summary = fill(t('train.summary'), String(p.runsDone), String(p.runs), String(Math.floor(p.epochsFraction * 100)));
  // a status word, then what follows it: a space in English, none after Chinese punctuation
  const after = (word: string, rest: string) => fill(t('train.after'), word, rest);
  if (!job.ended) return after(t('train.running'), `${summary} · ${lastLine(job)}`);
  if (job.ended.error) return after(t('train.failed'), job.ended.error);
  // Every run's ending, not only the last one's.
  const outcomes = job.runs.map((r) => `${activationNameOf(r.id, r.activations)} ${r.test ? `${(r.test.accuracy * 100).toFixed(2)}% ${fill(t('acc.onImages'), count(r.test.count))}` : statusText(r, job.job.epochs)}`);
  return after(job.ended.status === 'cancelled' ? t('train.stopped') : t('train.finished'), fill(t('train.outcomes'), summary, outcomes.join(t('list.sep'))));
}

/** The newest experiment, drawn when no job ran in this session (after a reload, the last results stay in view). */
function lastExperiment(board: ResultsBoard, heading: HTMLElement): void {
  const newest = host.experiments[0];
  if (!newest) {
    heading.textContent = t('train.idle');
    board.element.hidden = true;
    return;
  }
  heading.textContent = fill(t('train.lastResults'), readableDate(newest.createdAt, lang()));
  const cached = host.results.get(newest.id);
  if (cached) void board.load(cached);
  else post({ type: 'runs/open', id: newest.id });
}

export function renderTrain(root: HTMLElement): void {
  const statusLine = el('p', { class: 'status', 'data-train-status': '', 'aria-live': 'polite' });
  const heading = el('h3', { 'data-train-heading': '' });
  const board = new ResultsBoard('train');
  const drawStatus = () => {
    statusLine.textContent = jobLine();
    statusLine.hidden = !currentJob();
  };
  drawStatus();
  onJobChange(drawStatus);
  // Training over seeds is a sweep with one depth: its statistics above the runs' curves.
  const sweep = new SweepBoard('train');
  root.append(
    el('p', { class: 'hint' }, t('train.hint')),
    trainForm(false),
    statusLine,
    progressList(),
    heading,
    sweep.element,
    board.element,
  );
  let following = false;
  const follow = () => {
    following = true;
    heading.textContent = t('train.thisJob');
    board.element.hidden = false;
    void mountBoard(sweep);
    void mountBoard(board);
  };
  if (currentJob()) follow();
  else {
    lastExperiment(board, heading);
    onResults = (id) => {
      if (following || !board.element.isConnected || id !== host.experiments[0]?.id) return;
      const view = host.results.get(id);
      board.element.hidden = false;
      if (view) void board.load(view);
    };
    // A job started here: the board follows it instead of the old results.
    onJobChange(() => {
      if (!following && currentJob() && board.element.isConnected) follow();
    });
  }
}

let onResults: ((id: string) => void) | undefined;

/** Results the host sent: the Train section draws them if they are the newest experiment's, which it asked for. */
export function trainResultsArrived(id: string): void {
  onResults?.(id);
}
