// The experiments the lab lists: every `experiments/<stamp>/results.json` under a folder, newest
// first, summarised; and one experiment's results in the shape the lab draws. A damaged
// results.json is reported by name, never thrown past the caller.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_FILE } from '../train/experiment';
import type { ExperimentSummary, ResultsView } from '../../protocol/labTypes';
import { EXPERIMENT_ID } from '../../protocol/messages';
import { isRecord, parseExperimentSummary, parseResultsView } from '../../protocol/validate';

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

/** Experiments that have a results.json, newest first (folder names are ISO time stamps). */
export function listExperiments(experimentsDir: string, limit = 20): ExperimentList {
  const out: ExperimentList = { experiments: [], damaged: [] };
  if (!existsSync(experimentsDir)) return out;
  let names: string[];
  try {
    names = readdirSync(experimentsDir);
  } catch (e) {
    out.damaged.push({ id: '.', problem: `cannot list ${experimentsDir}: ${(e as Error).message}` });
    return out;
  }
  // existsSync and isDirectory say false (never throw) for dangling links and unreadable entries
  const isDir = (p: string): boolean => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const ids = names
    .filter((n) => EXPERIMENT_ID.test(n) && existsSync(path.join(experimentsDir, n, RESULTS_FILE)) && isDir(path.join(experimentsDir, n)))
    .sort()
    .reverse();
  for (const id of ids) {
    if (out.experiments.length >= limit) break;
    const view = readResultsView(experimentsDir, id);
    if (typeof view === 'string') {
      out.damaged.push({ id, problem: view });
      continue;
    }
    const summary = parseExperimentSummary({
      id,
      createdAt: view.createdAt,
      dataset: view.dataset.name,
      epochs: view.epochs,
      runs: view.runs.map((r) => {
        const last = r.history[r.history.length - 1];
        return { id: r.id, status: r.status, testAccuracy: r.test?.accuracy ?? null, valAccuracy: last?.val_accuracy ?? null };
      }),
    });
    if (typeof summary === 'string') out.damaged.push({ id, problem: summary });
    else out.experiments.push(summary);
  }
  return out;
}
