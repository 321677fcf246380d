// The playground's messages: page <-> its training worker (a Web Worker in the webview), the
// page's export request to the host, the "Open Playground" command's arguments and the page's
// test report. Each is parsed here, at the boundary, into its typed form or a sentence saying what
// is wrong; one Channel carries them on each side.

import { parseCustomActivationDef } from '../core/expr/customActivation';
import { DOMAIN, type Task } from '../core/playground/data';
import { FEATURES, isFeature, type FeatureId } from '../core/playground/features';
import { LOSSES, MAX_HIDDEN_LAYERS, MAX_NEURONS, REGULARIZATIONS, type TrainSettings } from '../core/playground/network';
import { ACTIVATION_NAME, MAX_BATCH_SIZE, mergePlaygroundSettings, DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../core/playground/settings';
import { MAX_OWN_POINTS } from '../core/playground/csv';
import type { PlaygroundModel } from '../core/playground/model';
import type { ActivationSpec } from '../core/train/config';
import { arrayOf, isFiniteNumber, isInt, isRecord, isString } from './validate';

/** Grids the worker evaluates: the big view up to 200×200, the small neuron maps up to 64×64. */
export const MAX_BIG_GRID = 200;
export const MAX_SMALL_GRID = 64;
/** Networks one worker trains at once: one, or two racing. */
export const MAX_NETS = 2;

export type { PlaygroundModel };
export type { PlaygroundReport } from './labTypes';

/** Points on the wire: [x, y, label] flattened, (n, 3). */
export type FlatPoints = number[];

export interface PlaygroundSetup {
  task: Task;
  features: FeatureId[];
  hidden: number[];
  /** One activation list per network (two in a race), one activation per hidden layer. */
  nets: ActivationSpec[][];
  settings: TrainSettings;
  seed: number;
  train: FlatPoints;
  test: FlatPoints;
}

/** A neuron: its layer (hidden layers from 0; the output is layer hidden.length) and its unit. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/** What to train before a frame is drawn: nothing, whole epochs, or as many steps as fit in a time. */
export type FrameTraining = { kind: 'none' } | { kind: 'epochs'; count: number } | { kind: 'millis'; millis: number };

export interface NetFrame {
  epoch: number;
  steps: number;
  /** Mean losses now (NaN without points). */
  trainLoss: number;
  testLoss: number;
  /** The flat parameters, laid out as the network's ParamLayout. */
  weights: Float32Array;
  /** The focused neuron (the output unless one was clicked) over the big grid: (big*big). */
  big: Float32Array;
  /** Every neuron over the small grid, hidden layers first, the output last: (neurons, small*small). */
  small: Float32Array;
}

/** The page's own predictions at some points, which the exported model must reproduce. */
export interface PlaygroundCheck {
  /** (n, 2) as x1, x2. */
  points: number[];
  /** (n): probabilities of class 1, or values. */
  outputs: number[];
}

/** Page -> worker. */
export type ToPlaygroundWorker =
  | { type: 'pg/setup'; requestId: string; setup: PlaygroundSetup }
  /** Learning rate, batch size, loss, regularisation: applied from the next step, the weights stay. */
  | { type: 'pg/settings'; settings: TrainSettings }
  /** New points (the user's edits): the weights stay. */
  | { type: 'pg/data'; train: FlatPoints; test: FlatPoints }
  | { type: 'pg/frame'; requestId: string; train: FrameTraining; focus: NeuronRef | null; big: number; small: number }
  | { type: 'pg/model'; requestId: string; net: number; grid: number }
  /** Trains the first network for `millis` without drawing: the benchmark's steps per second. */
  | { type: 'pg/bench'; requestId: string; millis: number };

/** Worker -> page. */
export type FromPlaygroundWorker =
  | { type: 'pg/ready'; requestId: string }
  | { type: 'pg/failed'; requestId?: string; message: string }
  | { type: 'pg/frame'; requestId: string; nets: NetFrame[] }
  | { type: 'pg/model'; requestId: string; model: PlaygroundModel; check: PlaygroundCheck }
  | { type: 'pg/benched'; requestId: string; steps: number; millis: number };

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const requestId = (v: unknown): v is string => isString(v) && REQUEST_ID.test(v);
const isTask = (v: unknown): v is Task => v === 'classification' || v === 'regression';

/** A registry id (with parameters) or a user's expression, as the trainer's configs spell them. */
export function parseActivationSpec(v: unknown): ActivationSpec | string {
  if (!isRecord(v)) return 'an activation must be { id } or { custom }';
  if ('custom' in v) {
    const def = parseCustomActivationDef(v.custom);
    return typeof def === 'string' ? def : { custom: def };
  }
  if (!isString(v.id) || !ACTIVATION_NAME.test(v.id)) return 'an activation id must be a name';
  if (v.params === undefined) return { id: v.id };
  if (!isRecord(v.params) || Object.keys(v.params).length > 16) return `activation ${v.id}: params must be an object of numbers`;
  const params: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, x] of Object.entries(v.params)) {
    if (!ACTIVATION_NAME.test(k) || !isFiniteNumber(x)) return `activation ${v.id}: bad parameter ${JSON.stringify(k.slice(0, 40))}`;
    params[k] = x;
  }
  return { id: v.id, params };
}

function parseFeatures(v: unknown): FeatureId[] | string {
  if (!Array.isArray(v) || v.length === 0 || v.length > FEATURES.length || !v.every(isFeature)) return `features must list 1 to ${FEATURES.length} of ${FEATURES.join(', ')}`;
  return [...v];
}

function parseHidden(v: unknown): number[] | string {
  if (!Array.isArray(v) || v.length > MAX_HIDDEN_LAYERS || !v.every((h) => isInt(h, 1, MAX_NEURONS))) {
    return `hidden must list at most ${MAX_HIDDEN_LAYERS} widths from 1 to ${MAX_NEURONS}`;
  }
  return [...(v)];
}

export function parseTrainSettings(v: unknown): TrainSettings | string {
  if (!isRecord(v)) return 'settings must be an object';
  if (!isFiniteNumber(v.learningRate) || v.learningRate <= 0 || v.learningRate > 10) return 'learningRate must be in (0, 10]';
  if (!isInt(v.batchSize, 1, MAX_BATCH_SIZE)) return `batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`;
  if (!(LOSSES as readonly unknown[]).includes(v.loss)) return `loss must be one of ${LOSSES.join(', ')}`;
  if (!(REGULARIZATIONS as readonly unknown[]).includes(v.regularization)) return `regularization must be one of ${REGULARIZATIONS.join(', ')}`;
  if (!isFiniteNumber(v.regularizationRate) || v.regularizationRate < 0 || v.regularizationRate > 10) return 'regularizationRate must be in [0, 10]';
  return {
    learningRate: v.learningRate, batchSize: v.batchSize, loss: v.loss as TrainSettings['loss'],
    regularization: v.regularization as TrainSettings['regularization'], regularizationRate: v.regularizationRate,
  };
}

/** Flat [x, y, label] triples inside the plane; classification labels 0 or 1. */
export function parseFlatPoints(v: unknown, task: Task): FlatPoints | string {
  if (!Array.isArray(v) || v.length % 3 !== 0 || v.length > 3 * MAX_OWN_POINTS) return `points must be [x, y, label] triples, at most ${MAX_OWN_POINTS}`;
  for (let i = 0; i < v.length; i += 3) {
    const [x, y, label] = (v as unknown[]).slice(i, i + 3);
    if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(label)) return `point ${i / 3}: x, y and label must be numbers`;
    if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) return `point ${i / 3}: outside the plane`;
    if (task === 'classification' && label !== 0 && label !== 1) return `point ${i / 3}: a class must be 0 or 1`;
  }
  return v as number[];
}

function parseSetup(v: unknown): PlaygroundSetup | string {
  if (!isRecord(v)) return 'setup must be an object';
  if (!isTask(v.task)) return 'task must be classification or regression';
  const features = parseFeatures(v.features);
  if (typeof features === 'string') return features;
  const hidden = parseHidden(v.hidden);
  if (typeof hidden === 'string') return hidden;
  const nets = arrayOf(v.nets, (n) => {
    const list = arrayOf(n, parseActivationSpec, hidden.length, hidden.length);
    return typeof list === 'string' ? `activations: ${list}` : list;
  }, 1, MAX_NETS);
  if (typeof nets === 'string') return `nets: ${nets}`;
  const settings = parseTrainSettings(v.settings);
  if (typeof settings === 'string') return settings;
  if (!isInt(v.seed, 0, 0xffffffff)) return 'seed must be an integer from 0 to 4294967295';
  const train = parseFlatPoints(v.train, v.task);
  if (typeof train === 'string') return `train: ${train}`;
  const test = parseFlatPoints(v.test, v.task);
  if (typeof test === 'string') return `test: ${test}`;
  return { task: v.task, features, hidden, nets, settings, seed: v.seed, train, test };
}

function parseFrameTraining(v: unknown): FrameTraining | string {
  if (!isRecord(v)) return 'train must be an object';
  if (v.kind === 'none') return { kind: 'none' };
  if (v.kind === 'epochs') return isInt(v.count, 1, 10_000) ? { kind: 'epochs', count: v.count } : 'train.count must be 1 to 10000 epochs';
  if (v.kind === 'millis') return isFiniteNumber(v.millis) && v.millis > 0 && v.millis <= 10_000 ? { kind: 'millis', millis: v.millis } : 'train.millis must be in (0, 10000]';
  return 'train.kind must be none, epochs or millis';
}

function parseNeuron(v: unknown): NeuronRef | null | string {
  if (v === null) return null;
  if (!isRecord(v) || !isInt(v.layer, 0, MAX_HIDDEN_LAYERS) || !isInt(v.unit, 0, MAX_NEURONS - 1)) return 'focus must be null or { layer, unit }';
  return { layer: v.layer, unit: v.unit };
}

export function parseToPlaygroundWorker(raw: unknown): ToPlaygroundWorker | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'pg/setup': {
      if (!requestId(raw.requestId)) return 'pg/setup: bad requestId';
      const setup = parseSetup(raw.setup);
      return typeof setup === 'string' ? `pg/setup: ${setup}` : { type: raw.type, requestId: raw.requestId, setup };
    }
    case 'pg/settings': {
      const settings = parseTrainSettings(raw.settings);
      return typeof settings === 'string' ? `pg/settings: ${settings}` : { type: raw.type, settings };
    }
    case 'pg/data': {
      // The task is the worker's; the labels' range is checked again where the task is known.
      const train = parseFlatPoints(raw.train, 'regression');
      const test = parseFlatPoints(raw.test, 'regression');
      if (typeof train === 'string') return `pg/data: train: ${train}`;
      if (typeof test === 'string') return `pg/data: test: ${test}`;
      return { type: raw.type, train, test };
    }
    case 'pg/frame': {
      if (!requestId(raw.requestId)) return 'pg/frame: bad requestId';
      const train = parseFrameTraining(raw.train);
      if (typeof train === 'string') return `pg/frame: ${train}`;
      const focus = parseNeuron(raw.focus);
      if (typeof focus === 'string') return `pg/frame: ${focus}`;
      if (!isInt(raw.big, 2, MAX_BIG_GRID) || !isInt(raw.small, 2, MAX_SMALL_GRID)) return `pg/frame: grids must be 2 to ${MAX_BIG_GRID} (big) and 2 to ${MAX_SMALL_GRID} (small)`;
      return { type: raw.type, requestId: raw.requestId, train, focus, big: raw.big, small: raw.small };
    }
    case 'pg/model':
      if (!requestId(raw.requestId)) return 'pg/model: bad requestId';
      if (!isInt(raw.net, 0, MAX_NETS - 1) || !isInt(raw.grid, 2, 100)) return 'pg/model: net must be 0 or 1, grid 2 to 100';
      return { type: raw.type, requestId: raw.requestId, net: raw.net, grid: raw.grid };
    case 'pg/bench':
      if (!requestId(raw.requestId)) return 'pg/bench: bad requestId';
      return isFiniteNumber(raw.millis) && raw.millis > 0 && raw.millis <= 60_000 ? { type: raw.type, requestId: raw.requestId, millis: raw.millis } : 'pg/bench: millis must be in (0, 60000]';
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

const isFloat32 = (v: unknown, max: number): v is Float32Array => v instanceof Float32Array && v.length <= max;
/** NaN (no points) or a number; Infinity once a network diverged. */
const isLoss = (v: unknown): v is number => typeof v === 'number';

function parseNetFrame(v: unknown): NetFrame | string {
  if (!isRecord(v)) return 'net frame must be an object';
  if (!isInt(v.epoch, 0, Number.MAX_SAFE_INTEGER) || !isInt(v.steps, 0, Number.MAX_SAFE_INTEGER)) return 'epoch and steps must be integers';
  if (!isLoss(v.trainLoss) || !isLoss(v.testLoss)) return 'losses must be numbers';
  if (!isFloat32(v.weights, 100_000) || !isFloat32(v.big, MAX_BIG_GRID ** 2) || !isFloat32(v.small, (MAX_HIDDEN_LAYERS * MAX_NEURONS + 1) * MAX_SMALL_GRID ** 2)) {
    return 'weights, big and small must be Float32Arrays within their sizes';
  }
  return { epoch: v.epoch, steps: v.steps, trainLoss: v.trainLoss, testLoss: v.testLoss, weights: v.weights, big: v.big, small: v.small };
}

export function parsePlaygroundModel(v: unknown): PlaygroundModel | string {
  if (!isRecord(v)) return 'model must be an object';
  if (!isTask(v.task)) return 'model.task must be classification or regression';
  const features = parseFeatures(v.features);
  if (typeof features === 'string') return `model.${features}`;
  const hidden = parseHidden(v.hidden);
  if (typeof hidden === 'string') return `model.${hidden}`;
  const activations = arrayOf(v.activations, parseActivationSpec, hidden.length, hidden.length);
  if (typeof activations === 'string') return `model.activations: ${activations}`;
  if (!Array.isArray(v.params) || v.params.length > 100_000 || !v.params.every(isFiniteNumber)) return 'model.params must be finite numbers';
  return { task: v.task, features, hidden, activations, params: [...(v.params)] };
}

export function parsePlaygroundCheck(v: unknown): PlaygroundCheck | string {
  if (!isRecord(v)) return 'check must be an object';
  if (!Array.isArray(v.points) || !Array.isArray(v.outputs) || v.points.length !== 2 * v.outputs.length || v.outputs.length > 10_000) {
    return 'check needs points (n, 2) and outputs (n), n at most 10000';
  }
  if (!v.points.every(isFiniteNumber) || !v.outputs.every(isFiniteNumber)) return 'check points and outputs must be finite numbers';
  return { points: [...(v.points)], outputs: [...(v.outputs)] };
}

export function parseFromPlaygroundWorker(raw: unknown): FromPlaygroundWorker | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'pg/ready':
      return requestId(raw.requestId) ? { type: raw.type, requestId: raw.requestId } : 'pg/ready: bad requestId';
    case 'pg/failed':
      if (raw.requestId !== undefined && !requestId(raw.requestId)) return 'pg/failed: bad requestId';
      if (!isString(raw.message)) return 'pg/failed: message must be text';
      return { type: raw.type, ...(raw.requestId !== undefined ? { requestId: raw.requestId } : {}), message: raw.message.slice(0, 2000) };
    case 'pg/frame': {
      if (!requestId(raw.requestId)) return 'pg/frame: bad requestId';
      const nets = arrayOf(raw.nets, parseNetFrame, 1, MAX_NETS);
      return typeof nets === 'string' ? `pg/frame: ${nets}` : { type: raw.type, requestId: raw.requestId, nets };
    }
    case 'pg/model': {
      if (!requestId(raw.requestId)) return 'pg/model: bad requestId';
      const model = parsePlaygroundModel(raw.model);
      if (typeof model === 'string') return `pg/model: ${model}`;
      const check = parsePlaygroundCheck(raw.check);
      return typeof check === 'string' ? `pg/model: ${check}` : { type: raw.type, requestId: raw.requestId, model, check };
    }
    case 'pg/benched':
      if (!requestId(raw.requestId)) return 'pg/benched: bad requestId';
      return isInt(raw.steps, 0, Number.MAX_SAFE_INTEGER) && isFiniteNumber(raw.millis) ? { type: raw.type, requestId: raw.requestId, steps: raw.steps, millis: raw.millis } : 'pg/benched: steps and millis must be numbers';
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

/** What "Open Playground" (a link, a test) asks of the page: settings to apply, and whether to start training. */
export interface PlaygroundFocus {
  settings: Partial<PlaygroundSettings>;
  play?: boolean;
}

/** The valid fields of raw settings, each checked as the page's saved state is; the others dropped. */
function validSettings(raw: Record<string, unknown>): Partial<PlaygroundSettings> {
  const { settings, refused } = mergePlaygroundSettings(DEFAULT_PLAYGROUND, raw);
  const given: Partial<PlaygroundSettings> = {};
  for (const key of Object.keys(DEFAULT_PLAYGROUND) as (keyof PlaygroundSettings)[]) {
    if (raw[key] !== undefined && !refused.includes(key)) (given as Record<string, unknown>)[key] = settings[key];
  }
  return given;
}

/**
 * The command's arguments: settings fields (invalid ones dropped, as a hover link's parameters
 * are) and `play`; `activation` is a shorthand for every hidden layer's activation, and `race` may
 * name the second network's activation. Undefined when nothing usable was given.
 */
export function parsePlaygroundArgs(v: unknown): PlaygroundFocus | undefined {
  if (!isRecord(v)) return undefined;
  const raw: Record<string, unknown> = { ...v };
  if (typeof raw.activation === 'string') raw.activations = [raw.activation];
  if (typeof raw.race === 'string') {
    raw.raceActivations = [raw.race];
    raw.race = true;
  }
  const settings = validSettings(raw);
  const play = v.play === true;
  if (Object.keys(settings).length === 0 && !play) return undefined;
  return { settings, ...(play ? { play } : {}) };
}

/** A focus as lab/show carries it: { settings, play? }; invalid settings fields are dropped. */
export function parsePlaygroundFocus(v: unknown): PlaygroundFocus | string {
  if (!isRecord(v) || !isRecord(v.settings)) return 'playground must be { settings, play? }';
  if (v.play !== undefined && typeof v.play !== 'boolean') return 'playground.play must be a boolean';
  return { settings: validSettings(v.settings), ...(v.play === true ? { play: true } : {}) };
}
