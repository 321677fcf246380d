// Runs are kept, one folder each:
//   <runs>/<id>/run.json        config, status, history, test results (versioned JSON)
//   <runs>/<id>/checkpoint.bin  parameters + Adam state after the last finished epoch (resume)
//   <runs>/<id>/weights.bin     the final weights, named as Keras names them (dense_1/kernel ...)
// Every write is atomic; every read checks the format version and says what is wrong.

import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TrainConfig } from '../train/config';
import type { ParamLayout } from '../train/mlp';
import type { EpochMetrics } from '../train/results';
import type { TrainerState } from '../train/trainer';
import { writeFileAtomic } from './atomic';
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunRecord } from './runRecord';
import { RunFormatError } from './errors';
import { loadTensorFile, saveTensorFile, tensorFileProblem, type NamedTensor } from './tensorFile';

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
 * epoch count must match (more epochs extends a finished run); the message names each setting
 * that differs. A checkpoint holding every epoch can continue: only the test pass is left.
 */
export function resumeMismatch(checkpoint: Checkpoint, config: TrainConfig): string | null {
  const differing = settingDifferences(checkpoint.config, config);
  if (differing.length) {
    return `the run was started with different settings: ${differing.slice(0, 6).join('; ')}${differing.length > 6 ? `; and ${differing.length - 6} more` : ''}`;
  }
  if (checkpoint.epoch > config.epochs) return `the checkpoint already has ${checkpoint.epoch} epochs, more than the ${config.epochs} asked for`;
  return null;
}

/** Each setting (epochs aside) whose value differs, as "seed 42 then, 7 now". */
export function settingDifferences(then: TrainConfig, now: TrainConfig): string[] {
  const a = (then ?? {}) as unknown as Record<string, unknown>;
  const b = (now ?? {}) as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'epochs').sort();
  const show = (v: unknown): string => (v === undefined ? 'unset' : clipped(stableJson(v)));
  return keys.filter((k) => stableJson(a[k]) !== stableJson(b[k])).map((k) => `${k} ${show(a[k])} then, ${show(b[k])} now`);
}

const clipped = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Why a run's weights.bin cannot be used with its record (damaged, missing, or other layer sizes), or null. */
export function weightsProblem(dir: string, record: Pick<RunRecord, 'sizes'>): string | null {
  const problem = tensorFileProblem(path.join(dir, WEIGHTS_FILE), 'weights');
  if (problem) return problem;
  const sizes = loadWeights(dir).sizes;
  if (Array.isArray(record.sizes) && stableJson(sizes) !== stableJson(record.sizes)) {
    return `${WEIGHTS_FILE} holds layers ${sizes.join('-')}, ${RUN_FILE} says ${record.sizes.join('-')}`;
  }
  return null;
}

/**
 * A run that already finished with these settings: its record, when run.json says completed with
 * every epoch and a test result and its weights.bin loads and checks out (checksums, layer sizes).
 * Resuming a whole experiment keeps such runs as they are instead of training them again; a run
 * whose weights are damaged is not finished (storedRunState says what can be recovered).
 */
export function finishedRun(dir: string, config: TrainConfig): RunRecord | undefined {
  let record: RunRecord;
  try {
    record = loadRunRecord(dir);
  } catch {
    return undefined;
  }
  const finished = record.status === 'completed' && record.test !== undefined && record.history.length === config.epochs;
  return finished && stableJson(record.config) === stableJson(config) && weightsProblem(dir, record) === null ? record : undefined;
}

/** What a run folder holds for resuming with `config`, each stored file checked. */
export interface StoredRunState {
  /**
   * 'finished': keep the run as it is (record). 'resume': continue from the checkpoint, which may
   * already hold every epoch (then only the test pass is left, and weights.bin is written again).
   * 'restart': nothing usable was stored. 'mismatch': the checkpoint was made with other settings.
   */
  action: 'finished' | 'resume' | 'restart' | 'mismatch';
  record?: RunRecord;
  checkpoint?: Checkpoint;
  /** One line per damaged file: what it was, what is recovered from where, what is lost. */
  notes: string[];
  /** For 'mismatch': the settings that differ. */
  problem?: string;
}

/**
 * Checks a run folder before resuming it: run.json, weights.bin and checkpoint.bin, each loaded
 * with its checksums. A finished run with damaged weights resumes from a checkpoint that holds
 * every epoch (its parameters are the final weights); a damaged run.json is rebuilt from the
 * checkpoint's settings and history, the test result measured again. The notes say what was
 * recovered and what was not.
 */
export function storedRunState(dir: string, config: TrainConfig): StoredRunState {
  const notes: string[] = [];
  let record: RunRecord | undefined;
  let recordProblem: string | undefined;
  try {
    record = loadRunRecord(dir);
  } catch (e) {
    if ((e as RunFormatError).problem !== 'missing') recordProblem = (e as Error).message;
  }
  const finished = record !== undefined && record.status === 'completed' && record.test !== undefined &&
    record.history.length === config.epochs && stableJson(record.config) === stableJson(config);
  const weights = finished ? weightsProblem(dir, record!) : null;
  if (finished && weights === null) return { action: 'finished', record, notes };

  let checkpoint: Checkpoint | undefined;
  let checkpointProblem: string | undefined;
  if (hasCheckpoint(dir)) {
    try {
      checkpoint = loadCheckpoint(dir);
    } catch (e) {
      checkpointProblem = (e as Error).message;
    }
  }
  if (checkpoint) {
    const mismatch = resumeMismatch(checkpoint, config);
    if (mismatch) return { action: 'mismatch', record, notes, problem: mismatch };
  }
  const complete = checkpoint !== undefined && checkpoint.epoch === config.epochs;
  if (recordProblem) {
    notes.push(checkpoint
      ? `${recordProblem}; its settings and ${checkpoint.epoch} epochs of history are recovered from ${CHECKPOINT_FILE}` +
        `${complete ? ' and its test result is measured again from the final weights' : ''}; its start time and kernel name are lost`
      : `${recordProblem}; with no usable ${CHECKPOINT_FILE} nothing of the run is recovered: it is trained again from the start`);
  }
  if (finished && weights) {
    notes.push(complete
      ? `${weights}; it is written again from ${CHECKPOINT_FILE}, which holds the weights after epoch ${checkpoint!.epoch}`
      : `${weights}; ${CHECKPOINT_FILE} ${checkpointProblem ? 'is damaged too' : 'does not hold the last epoch'}, so the run is trained again`);
  }
  if (checkpointProblem) {
    const kept = record?.history.length ? `the ${record.history.length} epochs ${RUN_FILE} lists cannot be continued; ` : '';
    notes.push(`${checkpointProblem}; ${kept}the run starts again from epoch 1`);
  }
  if (checkpoint) return { action: 'resume', record, checkpoint, notes };
  return { action: 'restart', record, notes };
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

/**
 * Every run folder under `runsDir` with its record, or the error that kept it from loading. An
 * entry that cannot be looked at (a dangling link, no permission) is listed with the reason
 * instead of ending the listing: listing never throws.
 */
export function listRuns(runsDir: string): { dir: string; record?: RunRecord; error?: string }[] {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return [];
  }
  const out: { dir: string; record?: RunRecord; error?: string }[] = [];
  for (const name of names.sort()) {
    const dir = path.join(runsDir, name);
    const kind = entryKind(dir);
    if (kind === 'other') continue;
    if (kind !== 'dir') {
      out.push({ dir, error: kind });
      continue;
    }
    if (!existsSync(path.join(dir, RUN_FILE))) continue;
    try {
      out.push({ dir, record: loadRunRecord(dir) });
    } catch (e) {
      out.push({ dir, error: (e as Error).message });
    }
  }
  return out;
}

/** 'dir' for a folder (or a link to one), 'other' for anything else that is fine to skip, or why it cannot be looked at. */
function entryKind(p: string): string {
  try {
    return statSync(p).isDirectory() ? 'dir' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      // gone between the listing and now
    }
    if (link && code === 'ENOENT') return `${path.basename(p)} is a link to a missing folder`;
    if (code === 'ENOENT') return 'other';
    return `${path.basename(p)} cannot be read (${code ?? (e as Error).message})`;
  }
}
