// Runs are kept, one folder each:
//   <runs>/<id>/run.json        config, status, history, test results (versioned JSON)
//   <runs>/<id>/checkpoint.bin  parameters + Adam state after the last finished epoch (resume)
//   <runs>/<id>/weights.bin     the final weights, named as Keras names them (dense_1/kernel ...)
// Every write is atomic; every read checks the format version and says what is wrong.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TrainConfig } from '../train/config';
import type { ParamLayout } from '../train/mlp';
import type { EpochMetrics } from '../train/results';
import type { TrainerState } from '../train/trainer';
import { writeFileAtomic } from './atomic';
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunRecord } from './runRecord';
import { RunFormatError } from './errors';
import { loadTensorFile, saveTensorFile, type NamedTensor } from './tensorFile';

export { RUN_FORMAT, RUN_FORMAT_VERSION, type DatasetInfo, type RunRecord } from './runRecord';
export const RUN_FILE = 'run.json';
export const CHECKPOINT_FILE = 'checkpoint.bin';
export const WEIGHTS_FILE = 'weights.bin';

/** A folder-safe run id: 'leaky_relu(alpha=0.3)' -> 'leaky_relu-alpha0.3'; letters, digits, . _ + - kept, the rest _. */
export function runId(name: string): string {
  const id = name.replace(/\(/g, '-').replace(/[)=]/g, '').replace(/,/g, '-')
    .replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '_');
  return id.slice(0, 100) || 'run';
}

export function saveRunRecord(dir: string, record: RunRecord): void {
  writeFileAtomic(path.join(dir, RUN_FILE), `${JSON.stringify(record, null, 1)}\n`);
}

export function loadRunRecord(dir: string): RunRecord {
  const file = path.join(dir, RUN_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RunFormatError('missing', `cannot read ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new RunFormatError('damaged', `${file} is damaged: not valid JSON (${(e as Error).message})`);
  }
  const r = raw as Partial<RunRecord> | null;
  if (!r || typeof r !== 'object' || r.format !== RUN_FORMAT || typeof r.version !== 'number') {
    throw new RunFormatError('damaged', `${file} is damaged: it is not an Activation Lab run file (no format "${RUN_FORMAT}" with a version)`);
  }
  if (r.version > RUN_FORMAT_VERSION) {
    throw new RunFormatError('newer-version',
      `${file} was written by a newer Activation Lab (run format ${r.version}; this version reads up to ${RUN_FORMAT_VERSION}): update the extension to open it`);
  }
  const missing = (['id', 'status', 'config', 'history', 'activations'] as const).filter((k) => r[k] === undefined);
  if (missing.length || !Array.isArray(r.history)) {
    throw new RunFormatError('damaged', `${file} is damaged: it lacks ${missing.length ? missing.join(', ') : 'a history list'}`);
  }
  return r as RunRecord;
}

/** The weights as named tensors: views into the one parameter buffer, no copies. */
export function namedWeights(params: Float32Array, layout: ParamLayout): NamedTensor[] {
  const out: NamedTensor[] = [];
  layout.dense.forEach((d, l) => {
    out.push({ name: `dense_${l + 1}/kernel`, shape: [d.inputs, d.units], data: params.subarray(d.weightOffset, d.weightOffset + d.inputs * d.units) });
    out.push({ name: `dense_${l + 1}/bias`, shape: [d.units], data: params.subarray(d.biasOffset, d.biasOffset + d.units) });
  });
  for (const a of layout.activationParams) {
    out.push({ name: `activation_${a.layer + 1}/${a.name}`, shape: [1], data: params.subarray(a.offset, a.offset + 1) });
  }
  return out;
}

export function saveWeights(dir: string, params: Float32Array, layout: ParamLayout, activations: string[]): void {
  saveTensorFile(path.join(dir, WEIGHTS_FILE), 'weights', namedWeights(params, layout), { sizes: layout.sizes, activations });
}

export interface LoadedWeights {
  sizes: number[];
  activations: string[];
  tensors: Map<string, NamedTensor>;
}

export function loadWeights(dir: string): LoadedWeights {
  const f = loadTensorFile(path.join(dir, WEIGHTS_FILE), 'weights');
  const meta = f.meta as { sizes?: number[]; activations?: string[] };
  return { sizes: meta.sizes ?? [], activations: meta.activations ?? [], tensors: f.tensors };
}

interface CheckpointMeta {
  epoch: number;
  step: number;
  history: EpochMetrics[];
  config: TrainConfig;
}

/** Parameters and Adam state after `state.epoch` finished epochs: one atomic write. */
export function saveCheckpoint(dir: string, state: TrainerState, config: TrainConfig): void {
  const meta: CheckpointMeta = { epoch: state.epoch, step: state.step, history: state.history, config };
  const n = state.params.length;
  saveTensorFile(path.join(dir, CHECKPOINT_FILE), 'checkpoint', [
    { name: 'params', shape: [n], data: state.params },
    { name: 'adam/m', shape: [n], data: state.m },
    { name: 'adam/v', shape: [n], data: state.v },
  ], meta);
}

export interface Checkpoint extends TrainerState {
  config: TrainConfig;
}

export function loadCheckpoint(dir: string): Checkpoint {
  const file = path.join(dir, CHECKPOINT_FILE);
  const f = loadTensorFile(file, 'checkpoint');
  const meta = f.meta as Partial<CheckpointMeta>;
  const get = (name: string) => {
    const t = f.tensors.get(name);
    if (!t) throw new RunFormatError('damaged', `${file} is damaged: it lacks the tensor ${name}`);
    return t.data;
  };
  if (typeof meta?.epoch !== 'number' || typeof meta.step !== 'number' || !Array.isArray(meta.history) || !meta.config) {
    throw new RunFormatError('damaged', `${file} is damaged: its header lacks epoch, step, history or config`);
  }
  return { epoch: meta.epoch, step: meta.step, history: meta.history, config: meta.config, params: get('params'), m: get('adam/m'), v: get('adam/v') };
}

/**
 * Why a checkpoint cannot continue a run with `config`, or null when it can. Everything but the
 * epoch count must match (more epochs extends a finished run).
 */
export function resumeMismatch(checkpoint: Checkpoint, config: TrainConfig): string | null {
  const strip = (c: TrainConfig) => stableJson({ ...c, epochs: 0 });
  if (strip(checkpoint.config) !== strip(config)) return 'the run was started with different settings';
  if (checkpoint.epoch >= config.epochs) return `the checkpoint already has ${checkpoint.epoch} of ${config.epochs} epochs`;
  return null;
}

/**
 * A run that already finished with these settings: its record, when run.json says completed with
 * every epoch and a test result and its weights are on disk. Resuming a whole experiment keeps such
 * runs as they are instead of training them again.
 */
export function finishedRun(dir: string, config: TrainConfig): RunRecord | undefined {
  let record: RunRecord;
  try {
    record = loadRunRecord(dir);
  } catch {
    return undefined;
  }
  const finished = record.status === 'completed' && record.test !== undefined && record.history.length === config.epochs;
  return finished && existsSync(path.join(dir, WEIGHTS_FILE)) && stableJson(record.config) === stableJson(config) ? record : undefined;
}

/** JSON with object keys sorted at every level: equal settings compare equal whatever their key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function hasCheckpoint(dir: string): boolean {
  return existsSync(path.join(dir, CHECKPOINT_FILE));
}

/** Every run folder under `runsDir` with its record, or the error that kept it from loading. */
export function listRuns(runsDir: string): { dir: string; record?: RunRecord; error?: string }[] {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return [];
  }
  return names
    .map((n) => path.join(runsDir, n))
    .filter((d) => statSync(d).isDirectory() && existsSync(path.join(d, RUN_FILE)))
    .map((dir) => {
      try {
        return { dir, record: loadRunRecord(dir) };
      } catch (e) {
        return { dir, error: (e as Error).message };
      }
    });
}
