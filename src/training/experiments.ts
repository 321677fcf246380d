// The experiments kept under one folder (VS Code keeps them in its storage): `<dir>/<id>/`
// with results.json, report.html and runs/<runId>/. Listing, reading for the lab, picking runs,
// deleting one, finding those cut off mid-training and planning their resumption. A damaged
// file is reported by name, never thrown past the caller.

import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/runs/atomic';
import { isPathSegment } from '../core/runs/pathSegment';
import { RESULTS_FILE, RUNS_DIR, type ResultsFile } from '../core/runs/resultsFile';
import { listRuns, loadCheckpoint, type RunRecord } from '../core/runs/runStore';
import type { TrainConfig } from '../core/train/config';
import type { ExperimentSummary, ResultsView } from '../protocol/labTypes';
import { EXPERIMENT_ID } from '../protocol/messages';
import { isRecord, parseExperimentSummary, parseResultsView } from '../protocol/validate';
import type { TrainJobSpec } from './jobs/trainJob';
import { SWEEP_PLAN_FILE } from './jobs/sweepJob';

/** A fresh experiment folder name: the start time, readable and sortable ('2026-11-30T10-04-05-123Z'). */
export function newExperimentId(existing: (id: string) => boolean, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let id = stamp;
  for (let n = 2; existing(id); n++) id = `${stamp}-${n}`;
  return id;
}

/** When an experiment was started, read back from its id (newExperimentId's stamp) as an ISO time; undefined for another name. */
export function experimentTime(id: string): string | undefined {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/.exec(id);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : undefined;
}

/** The name of the pointer, beside the experiments, to the newest one. */
export const LATEST = 'latest';

/**
 * Points `<dir>/latest` at experiment `id` (a relative symbolic link, replaced atomically), so
 * `latest/report.html` is always the newest report. Where links cannot be made, `latest.txt`
 * names the id instead. Returns the pointer's path, or undefined when a real folder named
 * `latest` is in the way (it is left alone).
 */
export function pointLatest(dir: string, id: string): string | undefined {
  const link = path.join(dir, LATEST);
  try {
    if (!lstatSync(link).isSymbolicLink()) return undefined;
  } catch {
    // no pointer yet
  }
  const tmp = `${link}.${process.pid}.tmp`;
  try {
    rmSync(tmp, { force: true });
    symlinkSync(id, tmp, 'dir');
    renameSync(tmp, link);
    return link;
  } catch {
    rmSync(tmp, { force: true });
    writeFileAtomic(`${link}.txt`, `${id}\n`);
    return `${link}.txt`;
  }
}

/** The parts of results.json the lab reads, checked; a string says what is wrong with the file. */
export function readResultsView(experimentsDir: string, id: string): ResultsView | string {
  if (!EXPERIMENT_ID.test(id)) return `bad experiment id ${JSON.stringify(id)}`;
  const file = path.join(experimentsDir, id, RESULTS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `cannot read ${file}: ${(e as Error).message}`;
  }
  if (!isRecord(raw) || raw.format !== 'activation-lab/results' || raw.version !== 1) return `${file} is not an activation-lab/results version 1 file`;
  const settings = isRecord(raw.settings) ? raw.settings : {};
  const view = parseResultsView({ ...raw, epochs: settings.epochs, limitTrain: settings.limitTrain });
  return typeof view === 'string' ? `${file}: ${view}` : view;
}

export interface ExperimentList {
  experiments: ExperimentSummary[];
  /** Folders whose results.json could not be read, with the reason. */
  damaged: { id: string; problem: string }[];
}

/** Sub-folders whose names can be experiment ids, newest first (the names are ISO time stamps). */
function experimentFolders(experimentsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(experimentsDir);
  } catch {
    return [];
  }
  // `latest` points at one of them: listing it too would show that experiment twice.
  return names.filter((n) => n !== LATEST && EXPERIMENT_ID.test(n) && isDirectory(path.join(experimentsDir, n))).sort().reverse();
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false; // a dangling link or an entry we may not read is no experiment
  }
}

/** Experiments that have a results.json, newest first. */
export function listExperiments(experimentsDir: string, limit = 20): ExperimentList {
  const out: ExperimentList = { experiments: [], damaged: [] };
  for (const id of experimentFolders(experimentsDir)) {
    if (out.experiments.length >= limit) break;
    if (!existsSync(path.join(experimentsDir, id, RESULTS_FILE))) continue;
    const view = readResultsView(experimentsDir, id);
    if (typeof view === 'string') {
      out.damaged.push({ id, problem: view });
      continue;
    }
    const summary = parseExperimentSummary({
      id,
      ...(view.sweep ? { sweep: view.sweep } : {}),
      createdAt: view.createdAt,
      dataset: view.dataset.name,
      epochs: view.epochs,
      limitTrain: view.limitTrain,
      runs: view.runs.map((r) => ({ id: r.id, status: r.status, testAccuracy: r.test?.accuracy ?? null, valAccuracy: r.history.at(-1)?.val_accuracy ?? null })),
    });
    if (typeof summary === 'string') out.damaged.push({ id, problem: summary });
    else out.experiments.push(summary);
  }
  return out;
}

/** A run folder found under an experiment, with its record or why it could not be read. */
export interface StoredRun {
  experimentDir: string;
  dir: string;
  record?: RunRecord;
  error?: string;
}

/** Every run of every experiment, newest experiment first. */
export function storedRuns(experimentsDir: string): StoredRun[] {
  return experimentFolders(experimentsDir).flatMap((name) => {
    const experimentDir = path.join(experimentsDir, name);
    return listRuns(path.join(experimentDir, RUNS_DIR)).map((r) => ({ experimentDir, ...r }));
  });
}

/** Deletes a run's folder and its entry in the experiment's results.json (rewritten atomically). */
export function removeRun(run: Pick<StoredRun, 'experimentDir' | 'dir'>): void {
  rmSync(run.dir, { recursive: true, force: true });
  const resultsFile = path.join(run.experimentDir, RESULTS_FILE);
  if (!existsSync(resultsFile)) return;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as ResultsFile;
    const rel = path.relative(run.experimentDir, run.dir);
    results.runs = results.runs.filter((r) => r.dir !== rel);
    writeFileAtomic(resultsFile, `${JSON.stringify(results, null, 1)}\n`);
  } catch {
    // A damaged results.json stays as it was: the run folder itself is gone either way.
  }
}

/**
 * Experiments cut off mid-training (VS Code closed or crashed): a run.json still says queued or
 * running and no results.json was written. Newest first. Runs at start-up, so folders with a
 * results.json (every finished job) are passed over before any run.json is read.
 */
export function interruptedExperiments(experimentsDir: string): string[] {
  return experimentFolders(experimentsDir)
    .map((name) => path.join(experimentsDir, name))
    .filter((dir) => !existsSync(path.join(dir, RESULTS_FILE)))
    // a sweep keeps its plan from the start: cut off before any run began, it is still unfinished
    .filter((dir) => isSweepExperiment(dir) || listRuns(path.join(dir, RUNS_DIR)).some((r) => r.record?.status === 'running' || r.record?.status === 'queued'));
}

/** Whether an experiment folder holds a sweep (its plan, sweep.json), to be resumed as one. */
export function isSweepExperiment(outDir: string): boolean {
  return existsSync(path.join(outDir, SWEEP_PLAN_FILE));
}

/**
 * Sweeps with runs left to train, newest first: cut off mid-training, or stopped (their
 * results.json lists a run that did not complete, or fewer runs than planned).
 */
export function unfinishedSweeps(experimentsDir: string): string[] {
  return experimentFolders(experimentsDir).map((name) => path.join(experimentsDir, name)).filter((dir) => {
    if (!isSweepExperiment(dir)) return false;
    try {
      const results = JSON.parse(readFileSync(path.join(dir, RESULTS_FILE), 'utf8')) as ResultsFile;
      const planned = results.sweep?.cells.reduce((s, c) => s + c.planned, 0) ?? 0;
      return results.runs.length < planned || results.runs.some((r) => r.status !== 'completed');
    } catch {
      return true; // no readable results.json: cut off before the job could write it
    }
  });
}

/** The job that continues an interrupted experiment: its runs as they were planned, resumed from their checkpoints. */
export function resumeJobSpec(outDir: string): Pick<TrainJobSpec, 'runs' | 'settings' | 'outDir' | 'resume'> {
  // A run's id is its folder's name (a run.json's own id field could name any path); its settings
  // come from run.json, or from the checkpoint when run.json is damaged (resuming then rebuilds it).
  const runs = listRuns(path.join(outDir, RUNS_DIR)).flatMap((r) => {
    const runId = path.basename(r.dir);
    if (!isPathSegment(runId)) return [];
    const config = r.record?.config ?? checkpointConfig(r.dir);
    return config ? [{ runId, config }] : [];
  });
  const first = runs[0];
  if (!first) throw new Error(`${outDir} holds no runs to resume (no readable run.json or checkpoint.bin under ${RUNS_DIR}/)`);
  const { activations: _a, ...settings }: TrainConfig = first.config;
  return { outDir, runs: runs.map((r) => ({ runId: r.runId, activations: r.config.activations })), settings, resume: true };
}

function checkpointConfig(dir: string): TrainConfig | undefined {
  try {
    return loadCheckpoint(dir).config;
  } catch {
    return undefined;
  }
}
