// What a user chooses in the playground, as plain JSON data: saved with the page's state, given
// by the "Open Playground" command's arguments, checked by one merge that keeps only valid values
// (an older page's saved state, a link's arguments) and names what it dropped.

import {
  CLASSIFICATION_DATASETS, MAX_NOISE, MAX_TRAIN_PERCENT, MIN_TRAIN_PERCENT, REGRESSION_DATASETS, generateDataset, splitTrainTest,
  type ClassificationDataset, type Point, type RegressionDataset, type Task,
} from './data';
import { MAX_OWN_POINTS } from './csv';
import { FEATURES, isFeature, orderedFeatures, type FeatureId } from './features';
import { LOSSES, MAX_HIDDEN_LAYERS, MAX_NEURONS, REGULARIZATIONS, type LossKind, type Regularization } from './network';

/** TF Playground's choices of learning rate and regularisation rate. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const MAX_BATCH_SIZE = 30;
/** How fast Play trains: one epoch per drawn frame (TF Playground's pace), or as fast as the worker can. */
export const SPEEDS = ['normal', 'fast'] as const;
export type Speed = (typeof SPEEDS)[number];

/** A dataset choice per task: a generated set, or the user's own points. */
export type ClassificationSource = ClassificationDataset | 'own';
export type RegressionSource = RegressionDataset | 'own';

/** One own point as saved: [x, y, label]. */
export type SavedPoint = [number, number, number];

export interface PlaygroundSettings {
  task: Task;
  dataset: ClassificationSource;
  regDataset: RegressionSource;
  /** Percent, 0 to 50. */
  noise: number;
  /** Percent of the points that train, 10 to 90. */
  trainPercent: number;
  /** Seeds the data, the split, the initial weights and the batch order. */
  seed: number;
  features: FeatureId[];
  hidden: number[];
  /** One activation name per hidden layer: a registry id or a saved custom activation's name. */
  activations: string[];
  /** Race mode: a second network with these activations (same data, same initial weights). */
  race: boolean;
  raceActivations: string[];
  learningRate: number;
  batchSize: number;
  loss: LossKind;
  regularization: Regularization;
  regularizationRate: number;
  showTest: boolean;
  speed: Speed;
  /** The class (or, for regression, the sign of the value) a click adds; shift-click adds the other. */
  brush: 0 | 1;
  own: { classification: SavedPoint[]; regression: SavedPoint[] };
}

/** TF Playground's defaults: circle, no noise, half the points train, x1 and x2, 4-2 tanh, rate 0.03, batch 10. */
export const DEFAULT_PLAYGROUND: Readonly<PlaygroundSettings> = Object.freeze({
  task: 'classification',
  dataset: 'circle',
  regDataset: 'reg-plane',
  noise: 0,
  trainPercent: 50,
  seed: 1,
  features: ['x1', 'x2'],
  hidden: [4, 2],
  activations: ['tanh', 'tanh'],
  race: false,
  raceActivations: ['relu', 'relu'],
  learningRate: 0.03,
  batchSize: 10,
  loss: 'cross_entropy',
  regularization: 'none',
  regularizationRate: 0,
  showTest: false,
  speed: 'normal',
  brush: 1,
  own: { classification: [], regression: [] },
}) as Readonly<PlaygroundSettings>;

/** A copy of the defaults that may be changed. */
export function defaultPlayground(): PlaygroundSettings {
  return structuredCloneSettings(DEFAULT_PLAYGROUND);
}

function structuredCloneSettings(s: Readonly<PlaygroundSettings>): PlaygroundSettings {
  return {
    ...s,
    features: [...s.features],
    hidden: [...s.hidden],
    activations: [...s.activations],
    raceActivations: [...s.raceActivations],
    own: { classification: s.own.classification.map((p) => [...p] as SavedPoint), regression: s.own.regression.map((p) => [...p] as SavedPoint) },
  };
}

/** An activation name as the page and the host spell them: a registry id or a custom name. */
export const ACTIVATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A hidden-layer list: widths 1..8, at most six layers. */
function hiddenWidths(v: unknown): number[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_HIDDEN_LAYERS) return undefined;
  return v.every((h) => Number.isInteger(h) && h >= 1 && h <= MAX_NEURONS) ? [...(v as number[])] : undefined;
}

function names(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_HIDDEN_LAYERS) return undefined;
  return v.every((a) => typeof a === 'string' && ACTIVATION_NAME.test(a)) ? [...(v as string[])] : undefined;
}

function points(v: unknown, task: Task): SavedPoint[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_OWN_POINTS) return undefined;
  const ok = v.every((p) => Array.isArray(p) && p.length === 3 && p.every(isNum) && Math.abs(p[0]) <= 6 && Math.abs(p[1]) <= 6 &&
    (task === 'regression' || p[2] === 0 || p[2] === 1));
  return ok ? v.map((p) => [...(p as SavedPoint)] as SavedPoint) : undefined;
}

/** One activation per layer: the list fitted to the layer count (the last one repeats, or the default). */
export function fitActivations(list: readonly string[], layers: number, fallback = 'tanh'): string[] {
  return Array.from({ length: layers }, (_, i) => list[i] ?? list[list.length - 1] ?? fallback);
}

/**
 * `base` with every valid field of `raw` applied; the names of the fields refused (unknown values,
 * wrong types, out of range). Never throws: a saved state from an older page or a link's
 * arguments can only set what the playground can show.
 */
export function mergePlaygroundSettings(base: Readonly<PlaygroundSettings>, raw: unknown): { settings: PlaygroundSettings; refused: string[] } {
  const out = structuredCloneSettings(base);
  const refused: string[] = [];
  if (!isRecord(raw)) return { settings: out, refused: raw === undefined ? [] : ['settings'] };
  const take = <K extends keyof PlaygroundSettings>(key: K, valid: (v: unknown) => PlaygroundSettings[K] | undefined): void => {
    if (raw[key] === undefined) return;
    const v = valid(raw[key]);
    if (v === undefined) refused.push(key);
    else out[key] = v;
  };
  take('task', (v) => (v === 'classification' || v === 'regression' ? v : undefined));
  take('dataset', (v) => (oneOf(CLASSIFICATION_DATASETS, v) || v === 'own' ? v : undefined));
  take('regDataset', (v) => (oneOf(REGRESSION_DATASETS, v) || v === 'own' ? v : undefined));
  take('noise', (v) => (isNum(v) && v >= 0 && v <= MAX_NOISE ? v : undefined));
  take('trainPercent', (v) => (isNum(v) && v >= MIN_TRAIN_PERCENT && v <= MAX_TRAIN_PERCENT ? v : undefined));
  take('seed', (v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff ? (v as number) : undefined));
  take('features', (v) => (Array.isArray(v) && v.length > 0 && v.length <= FEATURES.length && v.every(isFeature) ? orderedFeatures(v) : undefined));
  take('hidden', hiddenWidths);
  take('activations', names);
  take('race', (v) => (typeof v === 'boolean' ? v : undefined));
  take('raceActivations', names);
  take('learningRate', (v) => (isNum(v) && v > 0 && v <= 10 ? v : undefined));
  take('batchSize', (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_BATCH_SIZE ? (v as number) : undefined));
  take('loss', (v) => (oneOf(LOSSES, v) ? v : undefined));
  take('regularization', (v) => (oneOf(REGULARIZATIONS, v) ? v : undefined));
  take('regularizationRate', (v) => (isNum(v) && v >= 0 && v <= 10 ? v : undefined));
  take('showTest', (v) => (typeof v === 'boolean' ? v : undefined));
  take('speed', (v) => (oneOf(SPEEDS, v) ? v : undefined));
  take('brush', (v) => (v === 0 || v === 1 ? v : undefined));
  take('own', (v) => {
    if (!isRecord(v)) return undefined;
    const classification = v.classification === undefined ? [] : points(v.classification, 'classification');
    const regression = v.regression === undefined ? [] : points(v.regression, 'regression');
    return classification && regression ? { classification, regression } : undefined;
  });
  // Layers and their activations agree: a link may give one activation for every layer.
  out.activations = fitActivations(out.activations, out.hidden.length);
  out.raceActivations = fitActivations(out.raceActivations, out.hidden.length, 'relu');
  return { settings: out, refused };
}

/** The dataset the settings show: the generated set of the task, or the user's points. */
export function sourceOf(s: Pick<PlaygroundSettings, 'task' | 'dataset' | 'regDataset'>): ClassificationSource | RegressionSource {
  return s.task === 'classification' ? s.dataset : s.regDataset;
}

/** The points the settings train and test on, split by trainPercent with the seed. */
export function playgroundData(s: PlaygroundSettings): { train: Point[]; test: Point[] } {
  const source = sourceOf(s);
  const all: Point[] = source === 'own'
    ? s.own[s.task].map(([x, y, label]) => ({ x, y, label }))
    : generateDataset(source, { noise: s.noise, seed: s.seed });
  return splitTrainTest(all, s.trainPercent, s.seed);
}
