// The current job as a page draws it, folded from the owner's events: one pure reducer the host
// uses to keep the replay a page gets when it opens mid-job, and the page uses to follow along.

import type { UiLanguage } from '../core/locale';
import { secondsPerEpoch } from '../core/train/results';
import type { RunView } from './labTypes';
import { JOB_END_STATUSES, parseJobInfo, type JobEndStatus, type JobInfo, type TrainingEvent } from './training';
import { arrayOf, isRecord, isString, optional, parseRunView } from './validate';

export interface JobSnapshot {
  job: JobInfo;
  /** In the job's order; a run the announcement did not list is appended when its first event comes. */
  runs: RunView[];
  ended?: { status: JobEndStatus; hasResults: boolean; error?: string };
}

function freshRun(runId: string, activations: string[]): RunView {
  return { id: runId, activations, status: 'queued', history: [], test: null, secondsPerEpoch: null };
}

/**
 * The snapshot after one event (a new object; the old one is left as it was). A job/started
 * starts over; run events before any job/started have nothing to attach to and are ignored.
 */
export function applyTrainingEvent(s: JobSnapshot | undefined, e: TrainingEvent): JobSnapshot | undefined {
  if (e.type === 'job/started') {
    return { job: e.job, runs: e.job.runs.map((r) => freshRun(r.runId, r.activations)) };
  }
  if (!s) return undefined;
  if (e.type === 'job/ended') {
    if (e.jobId !== s.job.id) return s;
    return { ...s, ended: { status: e.status, hasResults: e.hasResults, ...(e.error ? { error: e.error } : {}) } };
  }
  const i = s.runs.findIndex((r) => r.id === e.runId);
  const run = i >= 0 ? s.runs[i] : freshRun(e.runId, []);
  let next: RunView;
  switch (e.type) {
    case 'run/queued':
      next = { ...run, status: 'queued' };
      break;
    case 'run/started': {
      const history = e.history ?? run.history;
      next = { ...run, status: 'running', history, secondsPerEpoch: secondsPerEpoch(history) };
      break;
    }
    case 'run/progress':
      next = { ...run, status: 'running', progress: e.progress };
      break;
    case 'run/epoch': {
      const history = [...run.history.filter((h) => h.epoch !== e.metrics.epoch), e.metrics].sort((a, b) => a.epoch - b.epoch);
      const { progress: _done, ...rest } = run;
      next = { ...rest, status: 'running', history, secondsPerEpoch: secondsPerEpoch(history) };
      break;
    }
    case 'run/end': {
      const { progress: _done, ...rest } = run;
      const o = e.outcome;
      next = {
        ...rest, status: o.status, history: o.history, test: o.test ?? null, secondsPerEpoch: secondsPerEpoch(o.history),
        ...(o.error ? { error: o.error } : {}),
      };
      break;
    }
  }
  const runs = [...s.runs];
  if (i >= 0) runs[i] = next;
  else runs.push(next);
  return { ...s, runs };
}

/** Whether the job is still going: announced and not ended. */
export function isJobRunning(s: JobSnapshot | undefined): boolean {
  return s !== undefined && s.ended === undefined;
}

/** Validates a snapshot from the host (the page trusts nothing blindly). */
export function parseJobSnapshot(v: unknown): JobSnapshot | string {
  if (!isRecord(v)) return 'snapshot is not an object';
  const job = parseJobInfo(v.job);
  if (typeof job === 'string') return `job: ${job}`;
  const runs = arrayOf(v.runs, parseRunView, 0, 4096);
  if (typeof runs === 'string') return `runs: ${runs}`;
  if (v.ended === undefined) return { job, runs };
  const e = v.ended;
  if (!isRecord(e) || !(JOB_END_STATUSES as readonly unknown[]).includes(e.status) || typeof e.hasResults !== 'boolean' || !optional(e.error, isString)) return 'bad ended';
  return { job, runs, ended: { status: e.status as JobEndStatus, hasResults: e.hasResults, ...(isString(e.error) ? { error: e.error } : {}) } };
}

/** How far a job is: runs and (for a sweep) cells ended, and the share of its epochs trained. */
export interface JobProgress {
  runsDone: number;
  runs: number;
  /** A sweep's cells whose every seed has ended; 0 of 0 for other jobs. */
  cellsDone: number;
  cells: number;
  /** Runs training now. */
  running: string[];
  /** Work done, every run counted alike (0 to 1): an ended run is whole (it has nothing left), a running one by its batches. For bars and ETAs. */
  fraction: number;
  /** Epochs trained over epochs planned (0 to 1): a run stopped early counts only what it trained. For saying how much was trained. */
  epochsFraction: number;
}

const ended = (r: RunView) => r.status !== 'queued' && r.status !== 'running';

export function jobProgress(s: JobSnapshot): JobProgress {
  const epochs = Math.max(1, s.job.epochs);
  const runFraction = (r: RunView): number => {
    if (ended(r)) return 1;
    const p = r.progress;
    return Math.min(1, p ? (p.epoch - 1 + (p.batches ? p.batch / p.batches : 0)) / Math.max(1, p.epochs) : r.history.length / epochs);
  };
  const epochsTrained = (r: RunView): number => {
    const p = r.status === 'running' && r.progress && r.progress.batches ? r.progress.batch / r.progress.batches : 0;
    return r.status === 'completed' ? epochs : Math.min(epochs, r.history.length + p);
  };
  const byId = new Map(s.runs.map((r) => [r.id, r]));
  const grid = s.job.sweep;
  const cells = grid ? grid.depths.length * grid.activations.length : 0;
  const cellsDone = grid
    ? grid.depths.reduce((n, depth) => n + grid.activations.filter((a) => grid.runs
      .filter((r) => r.activation === a && r.depth === depth).every((r) => { const run = byId.get(r.runId); return run !== undefined && ended(run); })).length, 0)
    : 0;
  return {
    runsDone: s.runs.filter(ended).length,
    runs: s.runs.length,
    cellsDone,
    cells,
    running: s.runs.filter((r) => r.status === 'running').map((r) => r.id),
    fraction: s.runs.length ? s.runs.reduce((sum, r) => sum + runFraction(r), 0) / s.runs.length : 0,
    epochsFraction: s.runs.length ? s.runs.reduce((sum, r) => sum + epochsTrained(r), 0) / (epochs * s.runs.length) : 0,
  };
}

/**
 * Seconds left at the pace so far: the work done since `from` (the fraction when the clock
 * started: a resumed job begins part done) took `elapsedSeconds`. Undefined until there is a pace.
 */
export function etaSeconds(elapsedSeconds: number, fraction: number, from = 0): number | undefined {
  const done = fraction - from;
  if (!(done > 0.005) || !(elapsedSeconds > 0)) return undefined;
  return Math.max(0, (elapsedSeconds * (1 - fraction)) / done);
}

/** Hours, minutes, seconds. */
const DURATION_UNITS: Readonly<Record<UiLanguage, readonly [string, string, string]>> = { en: ['h', 'min', 's'], 'zh-cn': ['小时', '分', '秒'] };

/** '45 s', '3 min 05 s', '1 h 02 min'; in Chinese '3 分 05 秒'. */
export function durationText(seconds: number, lang: UiLanguage = 'en'): string {
  const s = Math.round(seconds);
  const [h, min, sec] = DURATION_UNITS[lang];
  if (s < 60) return `${s} ${sec}`;
  if (s < 3600) return `${Math.floor(s / 60)} ${min} ${String(s % 60).padStart(2, '0')} ${sec}`;
  return `${Math.floor(s / 3600)} ${h} ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} ${min}`;
}
