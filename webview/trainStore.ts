// The training job as the page follows it: the host's snapshot, then each event folded in with
// the same reducer the host uses; and the views that follow it live (the Train section's board,
// the sidebar's progress list, the status line). The one place the page projects job events.
import { applyTrainingEvent, isJobRunning, type JobSnapshot } from '../src/protocol/jobSnapshot';
import type { TrainingEvent } from '../src/protocol/training';

/** A view that draws the job: the whole snapshot first, then each event (the Train board, the sweep grid). */
export interface JobBoard {
  draw(snapshot: JobSnapshot): Promise<void>;
  follow(e: TrainingEvent, snapshot: JobSnapshot): Promise<void>;
}

let snapshot: JobSnapshot | undefined;
const boards = new Set<JobBoard>();
const listeners = new Set<() => void>();

export function currentJob(): JobSnapshot | undefined {
  return snapshot;
}

export function jobRunning(): boolean {
  return isJobRunning(snapshot);
}

/** A board on screen (the Train section's, the sweep grid); it draws the snapshot, then each event. */
export function mountBoard(b: JobBoard): Promise<void> {
  boards.add(b);
  return snapshot ? b.draw(snapshot) : Promise.resolve();
}

/** Something that redraws on every change (the sidebar's progress, the Train status line). */
export function onJobChange(f: () => void): void {
  listeners.add(f);
}

/** Before the page redraws: the old views' listeners and board go with their elements. */
export function resetJobViews(): void {
  listeners.clear();
  boards.clear();
}

function changed(): void {
  for (const f of listeners) f();
}

/** The host's replay after `webview/ready`. */
export function applySnapshot(s: JobSnapshot | null): void {
  snapshot = s ?? undefined;
  if (snapshot) for (const b of boards) void b.draw(snapshot);
  changed();
}

export function applyEvent(e: TrainingEvent): void {
  snapshot = applyTrainingEvent(snapshot, e);
  if (snapshot) for (const b of boards) void b.follow(e, snapshot);
  changed();
}
