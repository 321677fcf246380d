// What a run script needs from a run folder's run.json: the network, each hidden layer's
// activation (resolved through the registry or the expression compiler, as the trainer does),
// the training settings and the lab's own result. Every problem is one line naming it.
import type { ActivationRecord } from '../activations/types';
import type { RunRecord } from '../runs/runStore';
import { activationSpecName, type TrainConfig, validateConfig } from '../train/config';
import { resolveLayerActivation } from '../train/resolveActivation';

export interface LayerPlan {
  units: number;
  record: ActivationRecord;
  /** Every parameter of the activation with its value in the run. */
  params: Record<string, number>;
  /** Parameters the run learned (PReLU's slope); `params` holds their initial values. */
  learnable: string[];
  /** The layer's activation as the lab names it: 'relu', 'leaky_relu(alpha=0.3)', a custom name. */
  label: string;
}

export interface RunPlan {
  runId: string;
  /** 'MNIST', 'Fashion-MNIST' or the folder the run used. */
  datasetName: string;
  inputs: number;
  classes: number;
  layers: LayerPlan[];
  config: TrainConfig;
  /** The lab's own result, for comparison. */
  result?: { testAccuracy: number; testCount: number; epochs: number };
}

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The plan for a run's script; throws an Error whose message names what in run.json is wrong. */
export function runPlan(record: RunRecord): RunPlan {
  const config = record.config as TrainConfig | undefined;
  if (!config || typeof config !== 'object') throw new Error('run.json has no training settings (config)');
  const problems = validateConfig(config);
  if (problems.length) throw new Error(`run.json's settings are damaged: ${problems.join('; ')}`);
  const sizes = Array.isArray(record.sizes) && record.sizes.every(isPositiveInt) ? record.sizes : undefined;
  const dataset = record.dataset && typeof record.dataset === 'object' ? record.dataset : undefined;
  const inputs = sizes?.[0] ?? (isPositiveInt(dataset?.rows) && isPositiveInt(dataset?.cols) ? dataset.rows * dataset.cols : 784);
  const classes = sizes?.at(-1) ?? (isPositiveInt(dataset?.classes) ? dataset.classes : 10);
  if (sizes && (sizes.length !== config.hidden.length + 2 || config.hidden.some((h, i) => sizes[i + 1] !== h))) {
    throw new Error(`run.json is damaged: its layer sizes ${sizes.join('-')} disagree with its hidden layers ${config.hidden.join(', ')}`);
  }
  const layers = config.hidden.map((units, i): LayerPlan => {
    const spec = config.activations[i];
    let resolved;
    try {
      resolved = resolveLayerActivation(spec);
    } catch (e) {
      throw new Error(`run.json: hidden layer ${i + 1}'s activation ${activationSpecName(spec)} cannot be used: ${(e as Error).message}`);
    }
    return { units, record: resolved.kernel as ActivationRecord, params: { ...resolved.params }, learnable: resolved.learnable, label: resolved.name };
  });
  const test = record.test;
  const result = test && typeof test.accuracy === 'number' && typeof test.count === 'number'
    ? { testAccuracy: test.accuracy, testCount: test.count, epochs: Array.isArray(record.history) ? record.history.length : config.epochs }
    : undefined;
  return {
    runId: typeof record.id === 'string' ? record.id : 'run',
    datasetName: typeof dataset?.name === 'string' ? dataset.name : config.dataset,
    inputs,
    classes,
    layers,
    config,
    ...(result ? { result } : {}),
  };
}
