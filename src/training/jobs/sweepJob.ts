// A sweep as a job: one MLP per activation x depth x seed, each run kept in runs/<id>/ as the
// tutorial's experiment keeps its runs (and resumed the same way), then results.json with a
// `sweep` object (cells, comparisons, method) and report.html with the sweep's charts. `actlab
// sweep`, `actlab train --seeds N` (a sweep with one depth) and the lab all run it. The plan is
// kept in sweep.json when the job begins, so a sweep cut off before some runs started resumes whole.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../core/data/datasets';
import type { UiLanguage } from '../../core/locale';
import type { VegaLibraries } from '../../core/report/vendor';
import { writeFileAtomic } from '../../core/runs/atomic';
import { RUNS_DIR, type ResultsFile } from '../../core/runs/resultsFile';
import { sweepStatistics, type SweepGrid } from '../../core/stats/sweep';
import { activationSpecName, makeConfig, type ActivationSpec, type TrainConfig } from '../../core/train/config';
import { SWEEP_LIMITS, type RunEnd, type RunSpec } from '../../protocol/training';
import { jobInfo, type JobDefinition, type JobPlan } from './job';
import { loadQuietly, planRunIds, resultsRun, writeResults } from './trainJob';

export const SWEEP_PLAN_FILE = 'sweep.json';
const SWEEP_PLAN_FORMAT = 'activation-lab/sweep-plan';

export interface SweepJobSpec {
  /** One row per entry: one activation for every hidden layer, or one per layer (as long as every architecture). */
  activations: ActivationSpec[][];
  /** One network per depth: its hidden widths (the depth is how many); depths differ. */
  architectures: number[][];
  /** Every cell is trained once per seed (initial weights and shuffling). */
  seeds: number[];
  /** Settings shared by every run (`dataset` names the data); hidden and seed are set per run. */
  settings: Partial<TrainConfig>;
  outDir: string;
  /** Continue runs whose folders hold a matching checkpoint; finished runs are kept as they are. */
  resume?: boolean;
  /** The libraries report.html inlines; null writes no report. */
  libraries: VegaLibraries | null;
  /** The language report.html is written in (the CLI's, VS Code's display language); English when absent. */
  lang?: UiLanguage;
  /** The dataset when the caller has it loaded (results.json's sizes); loaded here otherwise. */
  dataset?: Dataset;
}

/** Depths of `width`-wide hidden layers: [2, 4] x 64 -> [[64, 64], [64, 64, 64, 64]]. */
export function sweepArchitectures(depths: readonly number[], width: number): number[][] {
  return depths.map((d) => Array.from({ length: d }, () => width));
}

/** `count` consecutive seeds from `first`: the seeds a `--seeds N` sweep trains. */
export function seedRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

interface PlannedRun {
  runId: string;
  activation: string;
  activations: ActivationSpec[];
  hidden: number[];
  seed: number;
}

/** Every run of the sweep, seed by seed (a stopped sweep has a first estimate of every cell), then depth, then row. */
function plannedRuns(spec: Pick<SweepJobSpec, 'activations' | 'architectures' | 'seeds'>): { grid: SweepGrid; runs: PlannedRun[] } {
  const { activations: stacks, architectures, seeds } = spec;
  if (stacks.length === 0) throw new Error('the sweep has no activations');
  if (architectures.length === 0) throw new Error('the sweep has no depths');
  if (seeds.length === 0) throw new Error('the sweep has no seeds');
  const depths = architectures.map((a) => a.length);
  const twice = (xs: readonly (string | number)[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  if (twice(depths) !== undefined) throw new Error(`depth ${twice(depths)} is listed twice`);
  if (twice(seeds) !== undefined) throw new Error(`seed ${twice(seeds)} is listed twice`);
  if (Math.max(...depths) > SWEEP_LIMITS.maxDepth) throw new Error(`depths go up to ${SWEEP_LIMITS.maxDepth} hidden layers`);
  if (seeds.length > SWEEP_LIMITS.maxSeeds) throw new Error(`a sweep takes at most ${SWEEP_LIMITS.maxSeeds} seeds`);
  const names = stacks.map((s) => s.map(activationSpecName).join('+'));
  if (twice(names) !== undefined) throw new Error(`${twice(names)} is listed twice`);
  const total = stacks.length * architectures.length * seeds.length;
  if (total > SWEEP_LIMITS.maxRuns) throw new Error(`${stacks.length} activations x ${depths.length} depths x ${seeds.length} seeds is ${total} runs; a sweep takes at most ${SWEEP_LIMITS.maxRuns}`);
  const rows = architectures.map((hidden) => planRunIds(stacks, hidden.length));
  const runs: PlannedRun[] = [];
  for (const seed of seeds) {
    architectures.forEach((hidden, d) => rows[d].forEach((row, i) => {
      // one architecture: its depth is no part of the name ('relu-s42')
      const runId = `${row.runId}${architectures.length > 1 ? `-d${hidden.length}` : ''}-s${seed}`;
      runs.push({ runId, activation: names[i], activations: row.activations, hidden, seed });
    }));
  }
  const grid: SweepGrid = {
    activations: names, depths, seeds: [...seeds],
    runs: runs.map((r) => ({ runId: r.runId, activation: r.activation, depth: r.hidden.length, seed: r.seed })),
  };
  return { grid, runs };
}

function plan(spec: SweepJobSpec): JobPlan {
  const { grid, runs: planned } = plannedRuns(spec);
  const runs: RunSpec[] = planned.map((r) => ({
    runId: r.runId,
    config: makeConfig({ ...spec.settings, hidden: r.hidden, activations: r.activations, seed: r.seed }),
    runDir: path.join(spec.outDir, RUNS_DIR, r.runId),
    resume: spec.resume,
  }));
  const common = runs[0].config;
  return {
    info: jobInfo('sweep', path.basename(spec.outDir), runs.map((r) => ({ runId: r.runId, activations: r.config.activations })), common.epochs, {
      ...(common.limitTrain !== undefined ? { limitTrain: common.limitTrain } : {}), ...(spec.resume ? { resumed: true } : {}), sweep: grid,
    }),
    outDir: spec.outDir,
    runs,
  };
}

/** sweep.json: what a resumed sweep plans again. */
interface SweepPlanFile {
  format: typeof SWEEP_PLAN_FORMAT;
  version: 1;
  activations: ActivationSpec[][];
  architectures: number[][];
  seeds: number[];
  settings: Partial<TrainConfig>;
}

function begin(spec: SweepJobSpec): void {
  const file: SweepPlanFile = {
    format: SWEEP_PLAN_FORMAT, version: 1,
    activations: spec.activations, architectures: spec.architectures, seeds: spec.seeds, settings: spec.settings,
  };
  writeFileAtomic(path.join(spec.outDir, SWEEP_PLAN_FILE), `${JSON.stringify(file, null, 1)}\n`);
}

const isIntArray = (v: unknown, min: number): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x) && x >= min);

/** The sweep an experiment folder holds, planned again with resume on; throws naming what is wrong with sweep.json. */
export function resumeSweepSpec(outDir: string): Pick<SweepJobSpec, 'activations' | 'architectures' | 'seeds' | 'settings' | 'outDir' | 'resume'> {
  const file = path.join(outDir, SWEEP_PLAN_FILE);
  let raw: Partial<SweepPlanFile>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<SweepPlanFile>;
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  const ok = raw && raw.format === SWEEP_PLAN_FORMAT && raw.version === 1 &&
    Array.isArray(raw.activations) && raw.activations.every((s) => Array.isArray(s) && s.length > 0) &&
    Array.isArray(raw.architectures) && raw.architectures.every((a) => isIntArray(a, 1)) &&
    isIntArray(raw.seeds, 0) && typeof raw.settings === 'object' && raw.settings !== null;
  if (!ok) throw new Error(`${file} is damaged: it is not an Activation Lab sweep plan (format ${SWEEP_PLAN_FORMAT}, version 1)`);
  const spec = { activations: raw.activations!, architectures: raw.architectures!, seeds: raw.seeds!, settings: raw.settings!, outDir, resume: true };
  try {
    plannedRuns(spec);
  } catch (e) {
    throw new Error(`${file} is damaged: ${(e as Error).message}`);
  }
  return spec;
}

function finish(spec: SweepJobSpec, p: JobPlan, ends: RunEnd[], pool: { maxWorkers: number }): ResultsFile {
  const common = p.runs[0].config;
  const runs = ends.map((e, i) => resultsRun(e, p.runs[i].config.activations.map(activationSpecName), p.runs[i].runDir!, p.outDir));
  const dataset = spec.dataset ?? (runs.some((r) => r.status === 'completed') ? undefined : loadQuietly(common.dataset));
  return writeResults(spec, p, ends, pool, runs, dataset, { sweep: { ...sweepStatistics(p.info.sweep!, runs), architectures: spec.architectures } });
}

export const sweepJob: JobDefinition<SweepJobSpec, ResultsFile> = { kind: 'sweep', plan, begin, finish };
