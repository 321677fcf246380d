import * as vscode from 'vscode';
import path from 'node:path';
import { activationSpecName } from '../core/train/config';
import type { PoolEvent } from '../core/train/pool';
import type { TrainEvent, TrainStatus } from '../protocol/messages';
import type { TrainingController, TrainRequest } from './trainingController';

/** A pool event in the lab's message shape (the parts the webview draws). */
export function toTrainEvent(e: PoolEvent): TrainEvent {
  switch (e.type) {
    case 'run/queued':
    case 'run/started':
      return { type: e.type, runId: e.runId };
    case 'run/progress': {
      const p = e.progress;
      return { type: e.type, runId: e.runId, epoch: p.epoch, epochs: p.epochs, batch: p.batch, batches: p.batches, loss: p.loss, accuracy: p.accuracy };
    }
    case 'run/epoch': {
      const m = e.metrics;
      return {
        type: e.type, runId: e.runId,
        metrics: { epoch: m.epoch, loss: m.loss, accuracy: m.accuracy, val_loss: m.val_loss, val_accuracy: m.val_accuracy, seconds: m.seconds, layers: m.layers },
      };
    }
    case 'run/end': {
      const t = e.result.test;
      return {
        type: e.type, runId: e.runId, status: e.result.status,
        test: t ? { loss: t.loss, accuracy: t.accuracy, count: t.count, confusion: t.confusion, misclassified: t.misclassified.map((m) => ({ index: m.index, label: m.label, predicted: m.predicted, pixelsBase64: m.pixelsBase64 })) } : null,
        ...(e.result.error ? { error: e.result.error } : {}),
      };
    }
  }
}

/**
 * The current training job as every lab webview sees it: its status and the events so far
 * (started, epochs, ends and each run's latest progress), so a page opened or reloaded
 * mid-run replays them. One per extension host, fed by the TrainingController's events.
 */
export class TrainingFeed implements vscode.Disposable {
  private status: TrainStatus = { running: false, activations: [], epochs: 0 };
  private events: TrainEvent[] = [];
  private readonly progress = new Map<string, TrainEvent>();
  private readonly ended = new Set<string>();
  /** Whether the current job was started from the lab (start() then reports its end). */
  private ownJob = false;
  private readonly emitter = new vscode.EventEmitter<{ status?: TrainStatus; event?: TrainEvent; finished?: boolean }>();
  private readonly subscription: vscode.Disposable;
  /** Fires a status change, an event, or `finished` once results.json is written. */
  readonly onUpdate = this.emitter.event;

  constructor(readonly training: TrainingController, private readonly log: vscode.LogOutputChannel) {
    this.subscription = training.onEvent((e) => this.onPoolEvent(e));
  }

  get current(): TrainStatus {
    return this.status;
  }

  /** Everything a freshly loaded page needs to redraw the current job. */
  replay(): TrainEvent[] {
    return [...this.events, ...this.progress.values()];
  }

  /** Starts a job from the lab; resolves when it ends (status carries the experiment folder or the error). */
  async start(request: TrainRequest): Promise<void> {
    this.begin(request.activations.map((a) => (typeof a === 'string' ? a : activationSpecName(a))), request.epochs);
    this.ownJob = true;
    try {
      const result = await this.training.train(request);
      this.finish(result ? path.basename(result.outDir) : undefined, result ? undefined : 'training failed or was stopped before results were written');
    } catch (e) {
      this.finish(undefined, (e as Error).message);
    } finally {
      this.ownJob = false;
    }
  }

  private begin(activations: string[], epochs: number): void {
    this.events = [];
    this.progress.clear();
    this.ended.clear();
    this.status = { running: true, activations, epochs };
    this.emitter.fire({ status: this.status });
  }

  private finish(experiment: string | undefined, error: string | undefined): void {
    this.status = { ...this.status, running: false, ...(experiment ? { experiment } : {}), ...(error ? { error } : {}) };
    this.emitter.fire({ status: this.status, finished: true });
  }

  private onPoolEvent(e: PoolEvent): void {
    // A job started by the "Train on MNIST" command: the first event after idle opens it.
    if (!this.status.running && e.type === 'run/queued') this.begin([], 0);
    if (e.type === 'run/queued' && !this.status.activations.includes(e.runId)) {
      this.status = { ...this.status, activations: [...this.status.activations, e.runId] };
    }
    let event: TrainEvent;
    try {
      event = toTrainEvent(e);
    } catch (err) {
      this.log.warn(`could not forward a training event: ${(err as Error).message}`);
      return;
    }
    if (event.type === 'run/progress') {
      this.progress.set(event.runId, event);
      if (this.status.epochs === 0) this.status = { ...this.status, epochs: event.epochs };
    } else {
      this.events.push(event);
    }
    if (event.type === 'run/end') {
      this.progress.delete(event.runId);
      this.ended.add(event.runId);
    }
    this.emitter.fire({ event });
    // Command-started jobs: all runs ended means results.json follows within moments.
    if (event.type === 'run/end' && !this.ownJob && this.status.activations.every((id) => this.ended.has(id))) {
      setTimeout(() => {
        if (this.status.running && !this.training.isRunning) this.finish(undefined, undefined);
      }, 1000);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
