// The playground's live run: the worker, the network it trains (set up again when what defines it
// changes), the Play loop (one frame request per animation frame, so training never outruns the
// drawing), the loss histories and what the page reports. It outlives the section's DOM: leaving
// and coming back, or a theme change, redraws the same run.
import type { ActivationSpec } from '../../src/core/train/config';
import type { Point } from '../../src/core/playground/data';
import { effectiveLoss, type TrainSettings } from '../../src/core/playground/network';
import { playgroundData, sourceOf, type PlaygroundSettings } from '../../src/core/playground/settings';
import type { FlatPoints, FrameTraining, NetFrame, NeuronRef, PlaygroundReport } from '../../src/protocol/playground';
import type { CustomActivationDef } from '../../src/core/expr/customActivation';
import { ACTIVATIONS } from '../../src/core/activations/registry';
import { appendLoss, type LossPoint } from './lossChart';
import { SMALL_GRID } from './networkView';
import { pt } from './strings';
import { startPlaygroundWorker, type PlaygroundWorker } from './workerClient';

/** The big view's grid: TF Playground's density of 100 cells a side. */
export const BIG_GRID = 100;
/** Fast mode trains this long in the worker per drawn frame. */
const FAST_MILLIS = 10;

/** What the run draws into; the section attaches it when it renders. */
export interface RunViews {
  draw(frames: NetFrame[], histories: LossPoint[][]): void;
  /** The data changed: redraw the points (and the dataset thumbnails). */
  dataChanged(): void;
  playing(running: boolean): void;
  message(text: string): void;
}

const ELEMENTWISE = new Set(ACTIVATIONS.filter((r) => r.kind === 'elementwise').map((r) => r.id));

/** Activation names as specs: built-in ids as themselves, saved custom names as their expressions. */
export function activationSpecs(names: readonly string[], customs: readonly CustomActivationDef[]): { specs: ActivationSpec[]; problems: string[] } {
  const problems: string[] = [];
  const specs = names.map((name, i): ActivationSpec => {
    if (ELEMENTWISE.has(name)) return { id: name };
    const def = customs.find((c) => c.name === name);
    if (def) return { custom: { name: def.name, expression: def.expression, ...(def.params ? { params: { ...def.params } } : {}) } };
    problems.push(pt('unknownActivation', name, i + 1));
    return { id: 'tanh' };
  });
  return { specs, problems };
}

const flat = (points: readonly Point[]): FlatPoints => points.flatMap((p) => [p.x, p.y, p.label]);

export function trainSettingsOf(s: PlaygroundSettings): TrainSettings {
  return { learningRate: s.learningRate, batchSize: s.batchSize, loss: effectiveLoss(s.task, s.loss), regularization: s.regularization, regularizationRate: s.regularizationRate };
}

class PlaygroundRun {
  private worker: PlaygroundWorker | undefined;
  private netKey = '';
  private dataKey = '';
  private settingsKey = '';
  private generation = 0;
  private inflight = false;
  private ready = false;
  private views: RunViews | undefined;
  data: { train: Point[]; test: Point[] } = { train: [], test: [] };
  running = false;
  /** The neuron the big view of network A shows; null: the output. */
  focus: NeuronRef | null = null;
  last: NetFrame[] = [];
  histories: LossPoint[][] = [];
  boundaryFrames: number[] = [];
  counts: { positive: number; negative: number }[] = [];
  activations: string[][] = [];
  message = '';
  /** Frames drawn since the page loaded (the benchmark reads it). */
  framesDrawn = 0;

  attach(views: RunViews | undefined): void {
    this.views = views;
    if (views && this.last.length) views.draw(this.last, this.histories);
    views?.playing(this.running);
    if (views && this.message) views.message(this.message);
  }

  /** Shows a message in the section (a refused activation, a worker's error). */
  say(text: string): void {
    this.message = text;
    this.views?.message(text);
  }

  private ensureWorker(): PlaygroundWorker {
    this.worker ??= startPlaygroundWorker((problem) => {
      this.pause();
      this.say(problem);
    });
    return this.worker;
  }

  /** Brings the worker in line with the settings: a new network when what defines it changed, else new points or training settings. */
  sync(s: PlaygroundSettings, customs: readonly CustomActivationDef[]): void {
    const a = activationSpecs(s.activations, customs);
    const b = activationSpecs(s.raceActivations, customs);
    const nets = s.race ? [a.specs, b.specs] : [a.specs];
    const source = sourceOf(s);
    const netKey = JSON.stringify({ task: s.task, source, noise: s.noise, trainPercent: s.trainPercent, seed: s.seed, features: s.features, hidden: s.hidden, nets });
    const dataKey = JSON.stringify(source === 'own' ? s.own[s.task] : null);
    const settings = trainSettingsOf(s);
    const settingsKey = JSON.stringify(settings);
    const problems = [...a.problems, ...(s.race ? b.problems : [])];
    if (netKey !== this.netKey) {
      this.netKey = netKey;
      this.dataKey = dataKey;
      this.settingsKey = settingsKey;
      this.data = playgroundData(s);
      this.activations = s.race ? [s.activations, s.raceActivations] : [s.activations];
      this.setup(s, nets, settings, problems);
    } else if (dataKey !== this.dataKey) {
      this.dataKey = dataKey;
      this.data = playgroundData(s);
      this.ensureWorker().channel.send({ type: 'pg/data', train: flat(this.data.train), test: flat(this.data.test) });
      this.views?.dataChanged();
      this.request({ kind: 'none' });
    }
    if (settingsKey !== this.settingsKey) {
      this.settingsKey = settingsKey;
      this.ensureWorker().channel.send({ type: 'pg/settings', settings });
    }
  }

  /** A fresh network from the same seed: the same initial weights again. */
  reset(s: PlaygroundSettings, customs: readonly CustomActivationDef[]): void {
    this.netKey = '';
    this.sync(s, customs);
  }

  private setup(s: PlaygroundSettings, nets: ActivationSpec[][], settings: TrainSettings, problems: string[]): void {
    const generation = ++this.generation;
    this.ready = false;
    this.last = [];
    this.histories = nets.map(() => []);
    this.boundaryFrames = nets.map(() => 0);
    this.counts = nets.map(() => ({ positive: 0, negative: 0 }));
    if (this.focus && (this.focus.layer >= s.hidden.length || this.focus.unit >= s.hidden[this.focus.layer])) this.focus = null;
    this.say(problems.join(' '));
    this.views?.dataChanged();
    const worker = this.ensureWorker();
    worker.ask((requestId) => ({
      type: 'pg/setup', requestId,
      setup: { task: s.task, features: s.features, hidden: s.hidden, nets, settings, seed: s.seed, train: flat(this.data.train), test: flat(this.data.test) },
    }), 'pg/ready').then(() => {
      if (generation !== this.generation) return;
      this.ready = true;
      if (this.data.train.length === 0) this.say([this.message, pt('noPoints')].filter(Boolean).join(' '));
      this.request({ kind: 'none' });
      if (this.running) this.loop();
    }, (e: unknown) => {
      if (generation !== this.generation) return;
      this.pause();
      this.say((e as Error).message);
    });
  }

  play(): void {
    if (this.running) return;
    this.running = true;
    this.views?.playing(true);
    this.loop();
  }

  pause(): void {
    this.running = false;
    this.views?.playing(false);
  }

  /** One epoch, then a drawn frame. */
  step(): void {
    this.pause();
    this.request({ kind: 'epochs', count: 1 });
  }

  /** Shows another neuron large (null: the output). */
  setFocus(ref: NeuronRef | null): void {
    this.focus = ref;
    this.request({ kind: 'none' });
  }

  /** Stops asking for frames (the section is gone); the network and its history stay. */
  detach(): void {
    this.views = undefined;
    this.running = false;
  }

  private loop(): void {
    if (!this.running) return;
    requestAnimationFrame(() => {
      if (!this.running) return;
      if (!this.inflight && this.ready) this.request(this.speedPlan());
      this.loop();
    });
  }

  private speed: 'normal' | 'fast' = 'normal';

  setSpeed(speed: 'normal' | 'fast'): void {
    this.speed = speed;
  }

  private speedPlan(): FrameTraining {
    return this.speed === 'fast' ? { kind: 'millis', millis: FAST_MILLIS } : { kind: 'epochs', count: 1 };
  }

  private request(plan: FrameTraining): void {
    if (!this.ready || !this.worker) return;
    if (this.inflight && plan.kind === 'none') return; // a frame is on its way anyway
    const generation = this.generation;
    this.inflight = true;
    this.worker.ask((requestId) => ({ type: 'pg/frame', requestId, train: plan, focus: this.focus, big: BIG_GRID, small: SMALL_GRID }), 'pg/frame').then((m) => {
      this.inflight = false;
      if (generation !== this.generation) return;
      this.last = m.nets;
      m.nets.forEach((f, i) => {
        appendLoss(this.histories[i], { epoch: f.epoch, train: f.trainLoss, test: f.testLoss });
        this.boundaryFrames[i] = (this.boundaryFrames[i] ?? 0) + 1;
      });
      if (this.views) {
        this.views.draw(m.nets, this.histories);
        this.framesDrawn++;
      }
    }, (e: unknown) => {
      this.inflight = false;
      if (generation !== this.generation) return;
      this.pause();
      this.say((e as Error).message);
    });
  }

  /** The first network's model and its predictions on a grid, for export. */
  model(net: number) {
    return this.ensureWorker().ask((requestId) => ({ type: 'pg/model', requestId, net, grid: 21 }), 'pg/model');
  }

  /** Trains for `millis` without drawing: steps per second of the worker alone. */
  bench(millis: number) {
    return this.ensureWorker().ask((requestId) => ({ type: 'pg/bench', requestId, millis }), 'pg/benched', millis + 30_000);
  }

  /** Network A's connections as the view last drew them. */
  links = { positive: 0, negative: 0, zero: 0 };

  report(dataset: string): PlaygroundReport {
    const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
    return {
      running: this.running,
      race: this.histories.length > 1,
      dataset,
      nets: this.histories.map((_, i) => ({
        activations: this.activations[i] ?? [],
        epoch: this.last[i]?.epoch ?? 0,
        trainLoss: num(this.last[i]?.trainLoss),
        testLoss: num(this.last[i]?.testLoss),
        boundaryFrames: this.boundaryFrames[i] ?? 0,
        positive: this.counts[i]?.positive ?? 0,
        negative: this.counts[i]?.negative ?? 0,
      })),
      links: { ...this.links },
      message: this.message,
    };
  }
}

/** The page's one playground run. */
export const playgroundRun = new PlaygroundRun();
