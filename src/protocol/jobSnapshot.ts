// The current job as a page draws it, folded from the owner's events: one pure reducer the host
// uses to keep the replay a page gets when it opens mid-job, and the page uses to follow along.

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
  const run = i >= 0 ? s.runs[i]! : freshRun(e.runId, []);
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

/** How far a job is, for a status line or a progress bar: every run counted, not only the last one. */
export interface JobProgress {
  /** Runs that have ended (completed, stopped, diverged or failed), of all. */
  runsEnded: number;
  runs: number;
  /** Runs training now. */
  running: string[];
  /** Share of the job's planned epochs done, 0 to 1 (an epoch in progress counted by its batches). */
  fraction: number;
}

export function jobProgress(s: JobSnapshot): JobProgress {
  const epochs = Math.max(1, s.job.epochs);
  let done = 0;
  for (const r of s.runs) {
    const p = r.status === 'running' && r.progress && r.progress.batches ? r.progress.batch / r.progress.batches : 0;
    done += r.status === 'completed' ? epochs : Math.min(epochs, r.history.length + p);
  }
  return {
    runsEnded: s.runs.filter((r) => r.status !== 'queued' && r.status !== 'running').length,
    runs: s.runs.length,
    running: s.runs.filter((r) => r.status === 'running').map((r) => r.id),
    fraction: s.runs.length ? done / (epochs * s.runs.length) : 0,
  };
}
