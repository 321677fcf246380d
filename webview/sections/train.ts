// Train: start the tutorial's experiment from the page (activations, epochs, a quick subset),
// follow it live, and read the results when it ends.
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { MAX_COMPARED_ACTIVATIONS, MAX_EPOCHS, QUICK_LIMIT_TRAIN } from '../../src/core/train/config';
import { button, checkbox, el, labelled } from '../dom';
import { t } from '../i18n';
import { ResultsBoard } from '../resultsBoard';
import { SWEEP_LIMITS } from '../../src/protocol/training';
import { SweepBoard } from '../sweepBoard';
import { page, savePage } from '../state';
import { lastLine, runProgress } from '../jobText';
import { currentJob, jobRunning, mountBoard, onJobChange } from '../trainStore';
import { post } from '../vscodeApi';

export function trainableIds(): string[] {
  return ACTIVATIONS.filter((a) => a.kind === 'elementwise').map((a) => a.id);
}

/** Posts train/start from the page's choices; returns a problem in words, or undefined. */
export function startTraining(): string | undefined {
  const acts = page.train.activations.filter((id) => trainableIds().includes(id));
  if (acts.length === 0) return t('train.pickOne');
  post({
    type: 'train/start', activations: acts, epochs: page.train.epochs, ...(page.train.quick ? { limitTrain: QUICK_LIMIT_TRAIN } : {}),
    ...(page.train.seeds > 1 ? { seeds: page.train.seeds } : {}),
  });
  return undefined;
}

export function trainForm(compact: boolean): HTMLElement {
  const problem = el('p', { class: 'error', role: 'alert' });
  const ids = compact ? ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu'] : trainableIds();
  const picks = el('fieldset', { class: 'picks' }, el('legend', {}, t('train.activations')),
    ...ids.map((id) => checkbox(ACTIVATIONS.find((a) => a.id === id)!.displayName, page.train.activations.includes(id), (on) => {
      page.train.activations = on ? [...page.train.activations, id].slice(-MAX_COMPARED_ACTIVATIONS) : page.train.activations.filter((x) => x !== id);
      savePage();
    }, { 'data-train': id })));
  const epochs = el('input', { type: 'number', min: '1', max: String(MAX_EPOCHS), step: '1', value: String(page.train.epochs), class: 'num-input', 'data-epochs': '' });
  epochs.addEventListener('change', () => {
    const v = Number(epochs.value);
    if (!Number.isInteger(v) || v < 1 || v > MAX_EPOCHS) { epochs.setAttribute('aria-invalid', 'true'); return; }
    epochs.removeAttribute('aria-invalid');
    page.train.epochs = v;
    savePage();
  });
  // Each activation over several seeds: its mean ± 95% interval and which differences are real.
  const seeds = el('input', { type: 'number', min: '1', max: String(SWEEP_LIMITS.maxSeeds), step: '1', value: String(page.train.seeds), class: 'num-input', 'data-seeds': '' });
  seeds.addEventListener('change', () => {
    const v = Number(seeds.value);
    if (!Number.isInteger(v) || v < 1 || v > SWEEP_LIMITS.maxSeeds) { seeds.setAttribute('aria-invalid', 'true'); return; }
    seeds.removeAttribute('aria-invalid');
    page.train.seeds = v;
    savePage();
  });
  const quick = checkbox(t('train.quick').replace('{0}', QUICK_LIMIT_TRAIN.toLocaleString('en')), page.train.quick, (on) => { page.train.quick = on; savePage(); }, { 'data-quick': '' });
  const start = button(t('train.start'), () => { problem.textContent = startTraining() ?? ''; }, { 'data-action': 'train' });
  const stop = button(t('train.stop'), () => post({ type: 'train/stop' }), { 'data-action': 'stop' }, true);
  const sync = () => {
    start.disabled = jobRunning();
    stop.disabled = !jobRunning();
  };
  sync();
  onJobChange(sync);
  return el('div', { class: 'train-form' }, picks, el('div', { class: 'controls' }, labelled(t('train.epochs'), epochs), ...(compact ? [] : [labelled(t('train.seeds'), seeds)]), quick, start, stop), problem);
}

/** One progress bar per run of the current job. */
export function progressList(): HTMLElement {
  const list = el('ul', { class: 'progress-list', 'aria-live': 'polite' });
  const draw = () => {
    const job = currentJob();
    list.replaceChildren(...(job?.runs ?? []).map((run) => {
      const p = runProgress(run, job!.job.epochs);
      const bar = el('progress', { max: '1', value: String(p.fraction), 'aria-label': run.id });
      return el('li', { 'data-run': run.id }, el('span', { class: 'run-name' }, run.id), bar, el('span', { class: 'hint' }, p.text));
    }));
  };
  draw();
  onJobChange(draw);
  return list;
}

export function renderTrain(root: HTMLElement): void {
  const statusLine = el('p', { class: 'status', 'data-train-status': '', 'aria-live': 'polite' });
  const drawStatus = () => {
    const job = currentJob();
    statusLine.textContent = !job ? t('train.idle')
      : !job.ended ? `${t('train.running')} ${lastLine(job)}`
      : job.ended.error ? `${t('train.failed')} ${job.ended.error}` : `${t('train.finished')} ${lastLine(job)}`;
  };
  drawStatus();
  onJobChange(drawStatus);
  const board = new ResultsBoard('train');
  // Training over seeds is a sweep with one depth: its statistics above the runs' curves.
  const sweep = new SweepBoard('train');
  root.append(
    el('p', { class: 'hint' }, t('train.hint')),
    trainForm(false),
    statusLine,
    progressList(),
    sweep.element,
    board.element,
  );
  void mountBoard(sweep);
  void mountBoard(board);
}
