// Sweep: start one from the page (activations, depths, width, seeds, epochs, a quick subset),
// watch its grid fill cell by cell with error bars growing as seeds finish, stop it and resume it.
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { MAX_COMPARED_ACTIVATIONS, MAX_EPOCHS, QUICK_LIMIT_TRAIN } from '../../src/core/train/config';
import { durationText, etaSeconds, jobProgress, type JobSnapshot } from '../../src/protocol/jobSnapshot';
import { SWEEP_LIMITS } from '../../src/protocol/training';
import { button, checkbox, el, integerField, labelled, textField } from '../dom';
import { count, lang, shownName, t } from '../i18n';
import { page, savePage } from '../state';
import { SweepBoard } from '../sweepBoard';
import { currentJob, jobRunning, mountBoard, onJobChange } from '../trainStore';
import { post } from '../vscodeApi';
import { trainableIds } from './train';

/** The depths field as numbers, or undefined when it does not read as 1 to maxDepths distinct depths. */
export function parseDepths(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > SWEEP_LIMITS.maxDepths || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  const depths = parts.map(Number);
  if (depths.some((d) => d < 1 || d > SWEEP_LIMITS.maxDepth) || new Set(depths).size !== depths.length) return undefined;
  return depths;
}

const fill = (s: string, ...args: (string | number)[]): string => s.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

/** Posts sweep/start from the page's choices; returns a problem in words, or undefined. */
export function startSweep(): string | undefined {
  const s = page.sweep;
  const acts = s.activations.filter((id) => trainableIds().includes(id));
  if (acts.length === 0) return t('train.pickOne');
  const depths = parseDepths(s.depths);
  if (!depths) return fill(t('sweep.badDepths'), SWEEP_LIMITS.maxDepth, SWEEP_LIMITS.maxDepths);
  const runs = acts.length * depths.length * s.seeds;
  if (runs > SWEEP_LIMITS.maxRuns) return fill(t('sweep.tooMany'), runs, SWEEP_LIMITS.maxRuns);
  post({ type: 'sweep/start', activations: acts, depths, width: s.width, seeds: s.seeds, epochs: s.epochs, ...(s.quick ? { limitTrain: QUICK_LIMIT_TRAIN } : {}) });
  return undefined;
}

/** A whole-number field (VS Code's) bound to the page's state: out-of-range values are marked and not kept. */
function numberField(value: number, min: number, max: number, attr: string, set: (v: number) => void): HTMLElement {
  return integerField(value, min, max, (v) => { set(v); savePage(); }, { [attr]: '' });
}

/** The ETA's clock: started when the page first sees a job, from the fraction done then (a resumed sweep starts part done). */
let clock: { jobId: string; t0: number; from: number } | undefined;

export function sweepStatus(job: JobSnapshot | undefined): string {
  if (!job?.job.sweep) return job ? t('sweep.notSweep') : t('sweep.idle');
  const p = jobProgress(job);
  const line = fill(t('sweep.progress'), p.runsDone, p.runs, p.cellsDone, p.cells);
  // a status word, then what follows it: a space in English, none after Chinese punctuation
  const after = (word: string, rest: string) => fill(t('train.after'), word, rest);
  if (job.ended) return job.ended.status === 'cancelled' ? `${line} · ${t('sweep.stopped')}` : job.ended.error ? after(t('train.failed'), job.ended.error) : after(t('train.finished'), line);
  if (clock?.jobId !== job.job.id) clock = { jobId: job.job.id, t0: Date.now(), from: p.fraction };
  const eta = etaSeconds((Date.now() - clock.t0) / 1000, p.fraction, clock.from);
  return after(t('train.running'), eta === undefined ? line : `${line} · ${fill(t('sweep.eta'), durationText(eta, lang()))}`);
}

export function renderSweep(root: HTMLElement): void {
  const s = page.sweep;
  const problem = el('p', { class: 'error', role: 'alert' });
  const picks = el('fieldset', { class: 'picks' }, el('legend', {}, t('sweep.activations')),
    ...trainableIds().map((id) => checkbox(shownName(ACTIVATIONS.find((a) => a.id === id)!), s.activations.includes(id), (on) => {
      s.activations = on ? [...s.activations, id].slice(-MAX_COMPARED_ACTIVATIONS) : s.activations.filter((x) => x !== id);
      savePage();
    }, { 'data-sweep-activation': id })));
  const depths = textField(s.depths, { class: 'text-input', 'data-sweep-depths': '', spellcheck: 'false' });
  depths.addEventListener('input', () => {
    s.depths = depths.value;
    const ok = parseDepths(depths.value) !== undefined;
    depths.invalid = !ok;
    if (ok) depths.removeAttribute('aria-invalid');
    else depths.setAttribute('aria-invalid', 'true');
    savePage();
  });
  const width = numberField(s.width, 1, SWEEP_LIMITS.maxWidth, 'data-sweep-width', (v) => { s.width = v; });
  const seeds = numberField(s.seeds, 1, SWEEP_LIMITS.maxSeeds, 'data-sweep-seeds', (v) => { s.seeds = v; });
  const epochs = numberField(s.epochs, 1, MAX_EPOCHS, 'data-sweep-epochs', (v) => { s.epochs = v; });
  const quick = checkbox(fill(t('train.quick'), count(QUICK_LIMIT_TRAIN)), s.quick, (on) => { s.quick = on; savePage(); }, { 'data-sweep-quick': '' });
  const start = button(t('sweep.start'), () => { problem.textContent = startSweep() ?? ''; }, { 'data-action': 'sweep' }, false, 'play');
  const stop = button(t('train.stop'), () => post({ type: 'train/stop' }), { 'data-action': 'stop' }, true, 'debug-stop');
  const resume = button(t('sweep.resume'), () => {
    const job = currentJob();
    if (job) post({ type: 'train/resume', id: job.job.id });
  }, { 'data-action': 'resume' }, true, 'debug-continue');
  const status = el('p', { class: 'status', 'data-sweep-status': '', 'aria-live': 'polite' });
  const sync = () => {
    const job = currentJob();
    start.disabled = jobRunning();
    stop.disabled = !jobRunning();
    resume.hidden = !(job?.job.sweep && job.ended?.status === 'cancelled');
    status.textContent = sweepStatus(job);
  };
  sync();
  onJobChange(sync);
  const board = new SweepBoard('sweep');
  root.append(
    el('p', { class: 'hint' }, t('sweep.hint')),
    el('div', { class: 'train-form' }, picks,
      el('div', { class: 'controls' }, labelled(t('sweep.depths'), depths), labelled(t('sweep.width'), width), labelled(t('sweep.seeds'), seeds), labelled(t('train.epochs'), epochs)),
      el('div', { class: 'controls' }, quick, start, stop, resume), problem),
    status,
    board.element,
  );
  void mountBoard(board);
}
