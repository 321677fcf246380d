// The training vocabulary every side shares: what to train (RunSpec), what happens to a run
// (RunEvent) and to a job of runs (JobEvent). A worker's events travel unchanged through the
// pool, the training process, the host and into the page; each hop validates them with the one
// parser here. What is stored is core's RunRecord (run.json) and ResultsFile (results.json).

import type { KernelName } from '../core/kernels/types';
import { PATH_SEGMENT } from '../core/runs/pathSegment';
import type { SweepGrid } from '../core/stats/sweep';
import type { TrainConfig } from '../core/train/config';
import type { EpochMetrics, Progress, RunOutcome } from '../core/train/results';
import { isRunEndStatus } from '../core/train/results';
import { arrayOf, isInt, isRecord, isString, optional, parseEpoch, parseProgress, parseTest, stringArray } from './validate';

/** Which matrix kernels a run uses: the plain TypeScript ones, or the fastest available. */
export type KernelChoice = 'js' | 'auto';
export const KERNEL_CHOICES: readonly KernelChoice[] = ['js', 'auto'];

/**
 * Deliberate failures, for tests of failure handling only: at a batch, the run throws or its
 * worker exits; at an epoch's end, the disk is full ('enospc': saving the checkpoint fails).
 */
export interface FaultInjection {
  kind: 'throw' | 'exit' | 'enospc';
  epoch: number;
  batch: number;
}

const FAULT_KINDS: readonly unknown[] = ['throw', 'exit', 'enospc'];

/** What to train: one network with its settings, and where it is kept. */
export interface RunSpec {
  /** Unique within its job; also the run's folder name. */
  runId: string;
  /** `config.dataset` names the data: 'mnist', 'fashion-mnist' or a folder of IDX files. */
  config: TrainConfig;
  /** The run's folder (run.json, checkpoint.bin, weights.bin); omitted: nothing is saved. */
  runDir?: string;
  /** Continue from runDir's checkpoint when it matches the settings. */
  resume?: boolean;
  fault?: FaultInjection;
}

export const RUN_EVENT_TYPES = ['run/queued', 'run/started', 'run/progress', 'run/epoch', 'run/end'] as const;

/** What happens to a run, in order: queued, started, progress and epochs, one end. */
export type RunEvent =
  | { type: 'run/queued'; runId: string }
  | {
    type: 'run/started'; runId: string; kernels: KernelName; paramCount: number;
    /** Continued after this many epochs from a checkpoint; `history` holds them. */
    resumedFromEpoch?: number; history?: EpochMetrics[];
    /** Things the user should know about how it runs (e.g. an expression that could not be compiled). */
    notes?: string[];
  }
  | { type: 'run/progress'; runId: string; progress: Progress }
  | { type: 'run/epoch'; runId: string; metrics: EpochMetrics }
  | { type: 'run/end'; runId: string; outcome: RunOutcome };

export type RunEnd = Extract<RunEvent, { type: 'run/end' }>;

/** The kinds of job the training runtime runs (each is one planner in src/training/jobs/). */
export const JOB_KINDS = ['train', 'sweep'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** How a job can end: every run ended and the results were written; stopped by the user; or an error before results. */
export const JOB_END_STATUSES = ['completed', 'cancelled', 'failed'] as const;
export type JobEndStatus = (typeof JOB_END_STATUSES)[number];

/** A job as its owner announces it when it starts. */
export interface JobInfo {
  /** The experiment's folder name (its results.json id). */
  id: string;
  kind: JobKind;
  runs: { runId: string; activations: string[] }[];
  epochs: number;
  /** Quick runs: only the first N training images. */
  limitTrain?: number;
  startedAt: string;
  resumed?: boolean;
  /** A sweep's axes and which cell and seed each run is (kind 'sweep'). */
  sweep?: SweepGrid;
}

/** What one sweep may hold, on every surface (the CLI, the host, the page). */
export const SWEEP_LIMITS = {
  /** Seeds per cell. */
  maxSeeds: 20,
  /** Hidden layers of the deepest network. */
  maxDepth: 32,
  /** Width of each hidden layer. */
  maxWidth: 4096,
  /** Depths in one sweep. */
  maxDepths: 8,
  /** Runs in one sweep (cells x seeds). */
  maxRuns: 1000,
} as const;

export type JobEvent =
  | { type: 'job/started'; job: JobInfo }
  /** `hasResults`: results.json was written (also for a stopped job: the runs as far as they got). */
  | { type: 'job/ended'; jobId: string; status: JobEndStatus; hasResults: boolean; error?: string };

/** Everything the owner of a job publishes, in order. */
export type TrainingEvent = JobEvent | RunEvent;

/** Run and job ids become folder names: one path segment each. */
const RUN_ID = PATH_SEGMENT;
const KERNEL_NAMES = new Set(['js', 'wasm-simd', 'wasm-relaxed-simd']);
const MAX_HISTORY = 100_000;

function parseOutcome(v: unknown): RunOutcome | string {
  if (!isRecord(v)) return 'outcome is not an object';
  if (!isRunEndStatus(v.status)) return `bad status ${JSON.stringify(v.status)}`;
  const history = arrayOf(v.history, parseEpoch, 0, MAX_HISTORY);
  if (typeof history === 'string') return `history: ${history}`;
  const test = parseTest(v.test);
  if (typeof test === 'string') return `test: ${test}`;
  if (!optional(v.error, isString)) return 'error must be a string';
  if (!optional(v.kernels, (k) => KERNEL_NAMES.has(k as string))) return `unknown kernels ${JSON.stringify(v.kernels)}`;
  if (!optional(v.paramCount, (n) => isInt(n, 0, 1e12)) || !optional(v.resumedFromEpoch, (n) => isInt(n, 0, 1e9))) return 'paramCount and resumedFromEpoch must be integers';
  if (!optional(v.wallSeconds, (n) => typeof n === 'number')) return 'wallSeconds must be a number';
  if (v.divergence !== undefined && !(isRecord(v.divergence) && isInt(v.divergence.epoch, 0, 1e9) && isInt(v.divergence.batch, 0, 1e12))) return 'bad divergence';
  if (v.sizes !== undefined && !(isRecord(v.sizes) && ['train', 'validation', 'test'].every((k) => isInt((v.sizes as Record<string, unknown>)[k], 0, 1e9)))) return 'bad sizes';
  const { test: _raw, ...rest } = v as unknown as RunOutcome;
  return { ...rest, history, ...(test ? { test } : {}) };
}

/** Validates a run event from a worker, the training process or the host; the event or what is wrong. */
export function parseRunEvent(v: unknown): RunEvent | string {
  if (!isRecord(v)) return 'event is not an object';
  if (!(RUN_EVENT_TYPES as readonly unknown[]).includes(v.type)) return `unknown run event type ${JSON.stringify(v.type)}`;
  if (!isString(v.runId) || !RUN_ID.test(v.runId)) return `${String(v.type)}: runId must be one path segment`;
  const runId = v.runId;
  switch (v.type) {
    case 'run/queued':
      return { type: v.type, runId };
    case 'run/started': {
      if (!KERNEL_NAMES.has(v.kernels as string)) return `run/started ${runId}: unknown kernels ${JSON.stringify(v.kernels)}`;
      if (!isInt(v.paramCount, 0, 1e12)) return `run/started ${runId}: paramCount must be an integer`;
      if (!optional(v.resumedFromEpoch, (n) => isInt(n, 0, 1e9))) return `run/started ${runId}: resumedFromEpoch must be an integer`;
      const history = v.history === undefined ? undefined : arrayOf(v.history, parseEpoch, 0, MAX_HISTORY);
      if (typeof history === 'string') return `run/started ${runId}: history: ${history}`;
      const notes = v.notes === undefined ? undefined : stringArray(v.notes, (s) => s.length <= 2000, 0, 16);
      if (notes && !Array.isArray(notes)) return `run/started ${runId}: notes: ${notes.error}`;
      return {
        type: v.type, runId, kernels: v.kernels as KernelName, paramCount: v.paramCount,
        ...(v.resumedFromEpoch !== undefined ? { resumedFromEpoch: v.resumedFromEpoch as number } : {}),
        ...(history ? { history } : {}), ...(notes ? { notes } : {}),
      };
    }
    case 'run/progress': {
      const progress = parseProgress(v.progress);
      return typeof progress === 'string' ? `run/progress ${runId}: ${progress}` : { type: v.type, runId, progress };
    }
    case 'run/epoch': {
      const metrics = parseEpoch(v.metrics);
      return typeof metrics === 'string' ? `run/epoch ${runId}: ${metrics}` : { type: v.type, runId, metrics };
    }
    case 'run/end': {
      const outcome = parseOutcome(v.outcome);
      return typeof outcome === 'string' ? `run/end ${runId}: ${outcome}` : { type: v.type, runId, outcome };
    }
    default:
      return `unknown run event type ${JSON.stringify(v.type)}`; // unreachable: the types were checked above
  }
}

export function parseJobInfo(v: unknown): JobInfo | string {
  if (!isRecord(v)) return 'job is not an object';
  if (!isString(v.id) || !RUN_ID.test(v.id)) return 'job id must be one path segment';
  if (!(JOB_KINDS as readonly unknown[]).includes(v.kind)) return `unknown job kind ${JSON.stringify(v.kind)}`;
  const runs = arrayOf(v.runs, (r) => {
    if (!isRecord(r) || !isString(r.runId) || !RUN_ID.test(r.runId)) return 'run needs a runId';
    const acts = stringArray(r.activations, (a) => a.length <= 200, 0, 64);
    return Array.isArray(acts) ? { runId: r.runId, activations: acts } : `activations: ${acts.error}`;
  }, 0, 4096);
  if (typeof runs === 'string') return `runs: ${runs}`;
  if (!isInt(v.epochs, 0, 1e6) || !optional(v.limitTrain, (n) => isInt(n, 1, 1e9))) return 'epochs and limitTrain must be integers';
  if (!isString(v.startedAt) || !optional(v.resumed, (b) => typeof b === 'boolean')) return 'startedAt must be a string';
  const sweep = v.sweep === undefined ? undefined : parseSweepGrid(v.sweep);
  if (typeof sweep === 'string') return `sweep: ${sweep}`;
  return {
    id: v.id, kind: v.kind as JobKind, runs, epochs: v.epochs, startedAt: v.startedAt,
    ...(v.limitTrain !== undefined ? { limitTrain: v.limitTrain as number } : {}), ...(v.resumed ? { resumed: true } : {}),
    ...(sweep ? { sweep } : {}),
  };
}

const ROW_NAME = (s: string) => s.length >= 1 && s.length <= 200;

/** A sweep's grid from a message: its axes, and runs that each name a cell on them. */
export function parseSweepGrid(v: unknown): SweepGrid | string {
  if (!isRecord(v)) return 'grid is not an object';
  const activations = stringArray(v.activations, ROW_NAME, 1, 64);
  if (!Array.isArray(activations)) return `activations: ${activations.error}`;
  const depths = arrayOf(v.depths, (d) => (isInt(d, 1, SWEEP_LIMITS.maxDepth) ? d : `depth must be an integer from 1 to ${SWEEP_LIMITS.maxDepth}`), 1, SWEEP_LIMITS.maxDepths);
  if (typeof depths === 'string') return `depths: ${depths}`;
  const seeds = arrayOf(v.seeds, (d) => (isInt(d, 0, 0xffffffff) ? d : 'seed must be a non-negative integer'), 1, SWEEP_LIMITS.maxSeeds);
  if (typeof seeds === 'string') return `seeds: ${seeds}`;
  const runs = arrayOf(v.runs, (r) => {
    if (!isRecord(r) || !isString(r.runId) || !RUN_ID.test(r.runId)) return 'run needs a runId';
    if (!isString(r.activation) || !activations.includes(r.activation)) return `run ${r.runId}: activation is not one of the grid's`;
    if (!isInt(r.depth, 1, SWEEP_LIMITS.maxDepth) || !depths.includes(r.depth)) return `run ${r.runId}: depth is not one of the grid's`;
    if (!isInt(r.seed, 0, 0xffffffff) || !seeds.includes(r.seed)) return `run ${r.runId}: seed is not one of the grid's`;
    return { runId: r.runId, activation: r.activation, depth: r.depth, seed: r.seed };
  }, 0, SWEEP_LIMITS.maxRuns);
  if (typeof runs === 'string') return `runs: ${runs}`;
  return { activations, depths, seeds, runs };
}

/** Validates a job or run event (what the host sends the page). */
export function parseTrainingEvent(v: unknown): TrainingEvent | string {
  if (!isRecord(v)) return 'event is not an object';
  if (v.type === 'job/started') {
    const job = parseJobInfo(v.job);
    return typeof job === 'string' ? `job/started: ${job}` : { type: v.type, job };
  }
  if (v.type === 'job/ended') {
    if (!isString(v.jobId) || !RUN_ID.test(v.jobId)) return 'job/ended: jobId must be one path segment';
    if (!(JOB_END_STATUSES as readonly unknown[]).includes(v.status)) return `job/ended: bad status ${JSON.stringify(v.status)}`;
    if (!optional(v.error, isString)) return 'job/ended: error must be a string';
    if (typeof v.hasResults !== 'boolean') return 'job/ended: hasResults must be a boolean';
    return { type: v.type, jobId: v.jobId, status: v.status as JobEndStatus, hasResults: v.hasResults, ...(v.error !== undefined ? { error: v.error as string } : {}) };
  }
  return parseRunEvent(v);
}

/** Checks a run spec's envelope (the config itself is checked by the trainer's validateConfig). */
export function parseRunSpec(v: unknown): RunSpec | string {
  if (!isRecord(v)) return 'spec is not an object';
  if (!isString(v.runId) || !RUN_ID.test(v.runId)) return 'spec.runId must be one path segment (letters, digits, . _ + -; not . or ..)';
  if (!isRecord(v.config)) return `spec ${v.runId}: config must be an object`;
  if (typeof v.config.dataset !== 'string' || v.config.dataset.trim() === '') return `spec ${v.runId}: config.dataset must name the data`;
  if (!optional(v.runDir, isString)) return `spec ${v.runId}: runDir must be a string`;
  if (!optional(v.resume, (b) => typeof b === 'boolean')) return `spec ${v.runId}: resume must be a boolean`;
  if (v.fault !== undefined && !(isRecord(v.fault) && FAULT_KINDS.includes(v.fault.kind))) return `spec ${v.runId}: bad fault`;
  return v as unknown as RunSpec;
}
