// The current training job as the page knows it (kept across section redraws), and the views
// that follow it live: the Train section's board and the sidebar's progress list.
import type { TrainEvent, TrainStatus } from '../src/protocol/messages';
import type { ResultsBoard } from './resultsBoard';

export interface RunProgress {
  fraction: number;
  text: string;
}

export const job = {
  runs: [] as string[],
  events: [] as TrainEvent[],
  progress: new Map<string, RunProgress>(),
  ended: new Set<string>(),
  lastLine: '',
  epochs: 0,
};

let board: ResultsBoard | undefined;
const listeners = new Set<() => void>();

/** The Train section's board, when it is on screen; it gets the job replayed and then each event. */
export function mountBoard(b: ResultsBoard | undefined): Promise<void> {
  board = b;
  if (!b) return Promise.resolve();
  return (async () => {
    await b.start(job.runs);
    for (const e of job.events) await feed(b, e);
    for (const [runId, p] of job.progress) if (!job.ended.has(runId)) b.setStatus(runId, 'running', p.text);
  })();
}

/** Something that redraws on every change (the sidebar's progress, the Train status line). */
export function onJobChange(f: () => void): void {
  listeners.add(f);
}

/** Before the page redraws: the old views' listeners and board go with their elements. */
export function resetJobViews(): void {
  listeners.clear();
  board = undefined;
}

let wasRunning = false;

export function applyStatus(status: TrainStatus): void {
  const changed = status.activations.join('\n') !== job.runs.join('\n');
  if (changed || (status.running && !wasRunning)) {
    job.runs = [...status.activations];
    job.events = [];
    job.progress.clear();
    job.ended.clear();
    job.lastLine = '';
    if (board) void board.start(job.runs);
  }
  wasRunning = status.running;
  job.epochs = status.epochs;
  for (const f of listeners) f();
}

function feed(b: ResultsBoard, e: TrainEvent): Promise<void> {
  switch (e.type) {
    case 'run/queued':
      b.setStatus(e.runId, 'queued');
      return Promise.resolve();
    case 'run/started':
      b.setStatus(e.runId, 'running');
      return Promise.resolve();
    case 'run/epoch':
      return b.addEpoch(e.runId, e.metrics);
    case 'run/end':
      return b.endRun(e.runId, e.status, e.test);
    case 'run/progress':
      b.setStatus(e.runId, 'running', job.progress.get(e.runId)?.text);
      return Promise.resolve();
  }
}

export function applyEvent(e: TrainEvent): void {
  if (!job.runs.includes(e.runId)) job.runs.push(e.runId);
  if (e.type === 'run/progress') {
    const fraction = e.epochs > 0 ? Math.min(1, (e.epoch - 1 + (e.batches ? e.batch / e.batches : 0)) / e.epochs) : 0;
    const text = `${e.epoch}/${e.epochs} · ${Math.round((e.batches ? e.batch / e.batches : 0) * 100)}% · acc ${e.accuracy.toFixed(3)}`;
    job.progress.set(e.runId, { fraction, text });
    job.lastLine = `${e.runId}: ${text}`;
  } else {
    job.events.push(e);
    if (e.type === 'run/epoch') {
      if (job.epochs > 0) job.progress.set(e.runId, { fraction: Math.min(1, e.metrics.epoch / job.epochs), text: `${e.metrics.epoch}/${job.epochs}` });
      job.lastLine = `${e.runId}: epoch ${e.metrics.epoch}, val ${(e.metrics.val_accuracy ?? e.metrics.accuracy).toFixed(4)}`;
    }
    if (e.type === 'run/end') {
      job.ended.add(e.runId);
      job.progress.set(e.runId, { fraction: 1, text: e.status });
      job.lastLine = `${e.runId}: ${e.status}${e.test ? ` · test ${(e.test.accuracy * 100).toFixed(2)}%` : ''}${e.error ? ` · ${e.error}` : ''}`;
    }
  }
  if (board) void feed(board, e);
  for (const f of listeners) f();
}
