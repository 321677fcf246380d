// The training job as the page follows it: the host's snapshot, then each event folded in with
// the same reducer the host uses; and the views that follow it live (the Train section's board,
// the sidebar's progress list, the status line). The one place the page projects job events.
import { applyTrainingEvent, isJobRunning, type JobSnapshot } from '../src/protocol/jobSnapshot';
import type { TrainingEvent } from '../src/protocol/training';
import type { ResultsBoard } from './resultsBoard';

let snapshot: JobSnapshot | undefined;
let board: ResultsBoard | undefined;
const listeners = new Set<() => void>();

export function currentJob(): JobSnapshot | undefined {
  return snapshot;
}

export function jobRunning(): boolean {
  return isJobRunning(snapshot);
}

/** The Train section's board, when it is on screen; it draws the snapshot, then each event. */
export function mountBoard(b: ResultsBoard | undefined): Promise<void> {
  board = b;
  return b && snapshot ? b.draw(snapshot) : Promise.resolve();
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

function changed(): void {
  for (const f of listeners) f();
}

/** The host's replay after `webview/ready`. */
export function applySnapshot(s: JobSnapshot | null): void {
  snapshot = s ?? undefined;
  if (board && snapshot) void board.draw(snapshot);
  changed();
}

export function applyEvent(e: TrainingEvent): void {
  snapshot = applyTrainingEvent(snapshot, e);
  if (board && snapshot) void board.follow(e, snapshot);
  changed();
}
