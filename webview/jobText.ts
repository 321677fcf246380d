// How the page words a job's progress: a run's bar and line, and the job's latest line. Shared by
// the Train section, the sidebar and the results board.
import type { JobSnapshot } from '../src/protocol/jobSnapshot';
import type { RunView } from '../src/protocol/labTypes';
import { runStateText, runStatusText } from '../src/core/train/statusText';
import { fill, lang, t } from './i18n';

/** A run's status in words: a stopped run says how far it got, one stopped in the queue that it never started. */
export function statusText(r: Pick<RunView, 'status' | 'history'>, epochs: number): string {
  return runStateText(r, epochs, lang());
}

/** How far a run is, 0 to 1, and a short line saying where it is. */
export function runProgress(run: RunView, epochs: number): { fraction: number; text: string } {
  const p = run.progress;
  if (run.status === 'queued') return { fraction: 0, text: runStatusText('queued', lang()) };
  if (run.status !== 'running') return { fraction: run.status === 'completed' ? 1 : run.history.length / Math.max(1, epochs), text: statusText(run, epochs) };
  if (p) {
    // The bar and the text say the same thing: how much of the whole run is done.
    const fraction = Math.min(1, (p.epoch - 1 + (p.batches ? p.batch / p.batches : 0)) / Math.max(1, p.epochs));
    return { fraction, text: fill(t('job.progress'), String(p.epoch), String(p.epochs), String(Math.round(fraction * 100)), p.accuracy.toFixed(3)) };
  }
  return { fraction: run.history.length / Math.max(1, epochs), text: `${run.history.length}/${epochs}` };
}

/** The latest line about the job: the last run that moved. */
export function lastLine(snapshot: JobSnapshot | undefined): string {
  const runs = snapshot?.runs ?? [];
  const moving = runs.find((r) => r.status === 'running') ?? runs.at(-1);
  if (!moving) return '';
  const last = moving.history.at(-1);
  const status = runStatusText(moving.status, lang());
  const line = (text: string) => fill(t('job.line'), moving.id, text);
  if (moving.test) return line(`${status} · ${fill(t('job.test'), `${(moving.test.accuracy * 100).toFixed(2)}%`)}`);
  if (moving.error) return line(`${status} · ${moving.error}`);
  if (moving.progress) return line(runProgress(moving, snapshot!.job.epochs).text);
  return line(last ? fill(t('job.epoch'), String(last.epoch), (last.val_accuracy ?? last.accuracy).toFixed(4)) : status);
}
