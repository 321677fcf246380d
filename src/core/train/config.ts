// A training run's settings, as plain data (it crosses to workers and is saved with each run).
// The defaults are the tutorial's Keras experiment (Keras's Adam, batch 32, 10 epochs, last 20% validates).

/**
 * One hidden layer's activation: a registry id (with optional parameters) or a user expression.
 * `learn` names parameters trained with the weights (one scalar per layer, started at its value);
 * PReLU's slope is always learned.
 */
export type ActivationSpec =
  | { id: string; params?: Record<string, number>; learn?: string[] }
  | { custom: { name: string; expression: string; params?: Record<string, number> }; learn?: string[] };

export type Initializer = 'glorot_uniform' | 'he_uniform' | 'lecun_uniform';
export const INITIALIZERS: readonly Initializer[] = ['glorot_uniform', 'he_uniform', 'lecun_uniform'];

export interface TrainConfig {
  /** 'mnist', 'fashion-mnist' or a folder; recorded with the run (the data itself is passed separately). */
  dataset: string;
  /** Hidden layer widths, input to output (the tutorial's 128, 64). */
  hidden: number[];
  /** One activation per hidden layer; the output layer is always softmax. */
  activations: ActivationSpec[];
  epochs: number;
  batchSize: number;
  /** Keras's validation_split: the LAST fraction of the training arrays, taken before shuffling. */
  validationSplit: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  /** Keras's "epsilon hat", added to sqrt(v) (not to the bias-corrected sqrt(v_hat)). */
  epsilon: number;
  init: Initializer;
  seed: number;
  /** Reshuffle the training part every epoch (Keras's shuffle=True). */
  shuffle: boolean;
  /** Use only the first N training images (then split), for quick runs. */
  limitTrain?: number;
  /** Use only the first N test images. */
  limitTest?: number;
  /** Rows per forward pass when evaluating (validation, test); results do not depend on it. */
  evalBatchSize: number;
  /** How many misclassified test images to keep (the first ones, by index). */
  misclassifiedToKeep: number;
}

/** Limits every surface applies: the trainer's validation, the CLI, the commands and the page. */
export const MAX_EPOCHS = 1000;
/** Activations one chart compares (and one training job from the lab trains side by side). */
export const MAX_COMPARED_ACTIVATIONS = 12;
/** The lab's training subset bounds (its quick option trains on QUICK_LIMIT_TRAIN images). */
export const MIN_LIMIT_TRAIN = 100;
export const MAX_LIMIT_TRAIN = 60_000;
export const QUICK_LIMIT_TRAIN = 6000;

/** Test images for a run on a training subset: a fifth as many, at least 500, at most the whole test set. */
export function limitTestFor(limitTrain: number): number {
  return Math.min(10_000, Math.max(500, Math.round(limitTrain / 5)));
}

export const DEFAULT_CONFIG: Readonly<TrainConfig> = Object.freeze({
  dataset: 'mnist',
  hidden: [128, 64],
  activations: [{ id: 'relu' }, { id: 'relu' }],
  epochs: 10,
  batchSize: 32,
  validationSplit: 0.2,
  learningRate: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  init: 'glorot_uniform',
  seed: 42,
  shuffle: true,
  evalBatchSize: 256,
  misclassifiedToKeep: 16,
});

/** The tutorial's four activations, in its order. */
export const TUTORIAL_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu'] as const;

/** Full settings from partial ones; one activation given for several layers applies to each. */
export function makeConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  const config: TrainConfig = { ...DEFAULT_CONFIG, hidden: [...DEFAULT_CONFIG.hidden], ...partial };
  if (config.activations.length === 1 && config.hidden.length > 1) {
    config.activations = config.hidden.map(() => config.activations[0]);
  }
  const problems = validateConfig(config);
  if (problems.length) throw new Error(`invalid training settings: ${problems.join('; ')}`);
  return config;
}

const isInt = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** Every problem with a configuration, in words; empty when it is valid. */
export function validateConfig(c: TrainConfig): string[] {
  const p: string[] = [];
  if (!Array.isArray(c.hidden) || c.hidden.length === 0 || !c.hidden.every((h) => isInt(h, 1) && h <= 65536)) {
    p.push(`hidden must list at least one layer width between 1 and 65536, got ${JSON.stringify(c.hidden)}`);
  }
  if (!Array.isArray(c.activations) || c.activations.length !== c.hidden?.length) {
    p.push(`give one activation per hidden layer (${c.hidden?.length ?? 0}), got ${Array.isArray(c.activations) ? c.activations.length : 'none'}`);
  } else {
    c.activations.forEach((a, i) => {
      const ok = a && typeof a === 'object' &&
        (('id' in a && typeof a.id === 'string' && a.id.length > 0) ||
         ('custom' in a && typeof a.custom?.expression === 'string' && typeof a.custom?.name === 'string'));
      if (!ok) p.push(`activation ${i + 1} must be { id } or { custom: { name, expression } }`);
      else if (a.learn !== undefined && !(Array.isArray(a.learn) && a.learn.every((n) => typeof n === 'string' && /^[A-Za-z_]\w{0,31}$/.test(n)))) {
        p.push(`activation ${i + 1}: learn must list parameter names`);
      }
    });
  }
  if (!isInt(c.epochs, 1) || c.epochs > MAX_EPOCHS) p.push(`epochs must be an integer from 1 to ${MAX_EPOCHS}, got ${c.epochs}`);
  if (!isInt(c.batchSize, 1) || c.batchSize > 65536) p.push(`batch size must be an integer from 1 to 65536, got ${c.batchSize}`);
  if (!isInt(c.evalBatchSize, 1) || c.evalBatchSize > 65536) p.push(`eval batch size must be an integer from 1 to 65536, got ${c.evalBatchSize}`);
  if (!isNum(c.validationSplit) || c.validationSplit < 0 || c.validationSplit >= 1) {
    p.push(`validation split must be in [0, 1), got ${c.validationSplit}`);
  }
  if (!isNum(c.learningRate) || c.learningRate <= 0) p.push(`learning rate must be positive, got ${c.learningRate}`);
  if (!isNum(c.beta1) || c.beta1 < 0 || c.beta1 >= 1) p.push(`beta1 must be in [0, 1), got ${c.beta1}`);
  if (!isNum(c.beta2) || c.beta2 < 0 || c.beta2 >= 1) p.push(`beta2 must be in [0, 1), got ${c.beta2}`);
  if (!isNum(c.epsilon) || c.epsilon <= 0) p.push(`epsilon must be positive, got ${c.epsilon}`);
  if (!INITIALIZERS.includes(c.init)) p.push(`init must be one of ${INITIALIZERS.join(', ')}, got ${c.init}`);
  if (!isInt(c.seed, 0) || c.seed > 0xffffffff) p.push(`seed must be an integer from 0 to 4294967295, got ${c.seed}`);
  if (c.limitTrain !== undefined && !isInt(c.limitTrain, 2)) p.push(`limit-train must be an integer of at least 2, got ${c.limitTrain}`);
  if (c.limitTest !== undefined && !isInt(c.limitTest, 1)) p.push(`limit-test must be a positive integer, got ${c.limitTest}`);
  if (!isInt(c.misclassifiedToKeep, 0)) p.push(`misclassifiedToKeep must be a non-negative integer, got ${c.misclassifiedToKeep}`);
  return p;
}

/** 'relu', 'leaky_relu(alpha=0.3)', 'silu(learn=beta)': the layer's name in runs, folders and charts. */
export function activationSpecName(a: ActivationSpec): string {
  const parts = [
    ...('custom' in a ? [] : Object.entries(a.params ?? {}).map(([k, v]) => `${k}=${v}`)),
    ...(a.learn?.length ? [`learn=${a.learn.join('+')}`] : []),
  ];
  const base = 'custom' in a ? a.custom.name : a.id;
  return parts.length ? `${base}(${parts.join(',')})` : base;
}
