// Runs a sweep from the command line (`actlab sweep`, and `actlab train --seeds N`, a sweep with
// one depth): the job on worker threads, one progress bar with runs and cells done and an ETA,
// then the grid of mean ± 95% interval per cell and the comparisons that say which differences
// are real.

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { EXIT, stopOnCtrlC, CliError, type CliIO } from '../command';
import type { Dataset } from '../../core/data/datasets';
import { loadVegaLibraries } from '../../core/report/vendor';
import { REPORT_FILE, RESULTS_FILE, type ResultsFile, type ResultsSweep } from '../../core/runs/resultsFile';
import { cellText, diffText, pValue, verdictText } from '../../core/stats/sweepText';
import { DEFAULT_CONFIG } from '../../core/train/config';
import { applyTrainingEvent, durationText, etaSeconds, jobProgress, type JobSnapshot } from '../../protocol/jobSnapshot';
import type { KernelChoice, TrainingEvent } from '../../protocol/training';
import { LATEST, pointLatest } from '../../training/experiments';
import { runJob } from '../../training/jobs/job';
import { sweepJob, type SweepJobSpec } from '../../training/jobs/sweepJob';
import { WorkerPool } from '../../training/workerPool';

export interface SweepRunOptions {
  /** The folder that keeps the experiments (for `latest`). */
  experimentsDir: string;
  workers?: number;
  kernels: KernelChoice;
  report: boolean;
  json: boolean;
}

/** One bar on a terminal (runs, cells, ETA); one line per finished run otherwise. */
class SweepProgress {
  private snapshot: JobSnapshot | undefined;
  private readonly bar?: SingleBar;
  private readonly t0 = performance.now();
  private from: number | undefined;

  constructor(private readonly io: CliIO) {
    if (process.stderr.isTTY) {
      this.bar = new SingleBar({
        stream: process.stderr, hideCursor: true, clearOnComplete: false, fps: 4, barsize: 28,
        format: 'sweep {bar} {percentage}% | runs {runs} | cells {cells} | ETA {eta} | {last}',
      }, Presets.shades_classic);
    }
  }

  handle(e: TrainingEvent): void {
    this.snapshot = applyTrainingEvent(this.snapshot, e);
    const s = this.snapshot;
    if (!s) return;
    if (e.type === 'job/started') {
      this.bar?.start(1000, 0, this.fields('starting'));
      return;
    }
    if (e.type === 'run/started' && e.notes) for (const n of e.notes) this.note(`${e.runId}: ${n}`);
    if (e.type !== 'run/progress' && e.type !== 'run/epoch' && e.type !== 'run/end') return;
    const last = e.type === 'run/end'
      ? `${e.runId}: ${e.outcome.status === 'completed' ? `test ${e.outcome.test?.accuracy.toFixed(4)}` : `${e.outcome.status}${e.outcome.error ? ` (${e.outcome.error})` : ''}`}`
      : undefined;
    const p = jobProgress(s);
    // A resumed sweep starts part done: its pace counts from the first run that moved.
    this.from ??= p.fraction;
    if (this.bar) {
      this.bar.update(Math.round(p.fraction * 1000), this.fields(last));
    } else if (e.type === 'run/end') {
      this.io.err(`[runs ${p.runsDone}/${p.runs}, cells ${p.cellsDone}/${p.cells}, ETA ${this.eta(p.fraction)}] ${last}`);
    }
  }

  private eta(fraction: number): string {
    const s = etaSeconds((performance.now() - this.t0) / 1000, fraction, this.from);
    return s === undefined ? '–' : durationText(s);
  }

  private fields(last?: string): Record<string, string> {
    const p = this.snapshot ? jobProgress(this.snapshot) : { runsDone: 0, runs: 0, cellsDone: 0, cells: 0, fraction: 0 };
    return { runs: `${p.runsDone}/${p.runs}`, cells: `${p.cellsDone}/${p.cells}`, eta: this.eta(p.fraction), ...(last ? { last } : {}) };
  }

  note(text: string): void {
    if (this.bar) process.stderr.write(`\n${text}\n`);
    else this.io.err(text);
  }

  stop(): void {
    this.bar?.stop();
  }
}

/** The grid: one row per activation, one column per depth, mean ± half the 95% interval (seeds done / planned). */
export function sweepGridText(sweep: ResultsSweep): string {
  const head = ['activation', ...sweep.depths.map((d) => `depth ${d}`)];
  const rows = sweep.activations.map((a) => [a, ...sweep.depths.map((d) => cellText(sweep.cells.find((c) => c.activation === a && c.depth === d)!))]);
  return table([head, ...rows]);
}

/** Which differences are real: every comparison, its interval, Welch's p, Holm's p and the verdict. */
export function sweepComparisonsText(sweep: ResultsSweep): string {
  const head = ['depth', 'a − b', 'difference (points)', 'p', 'Holm p', 'verdict'];
  const rows = sweep.comparisons.map((c) => [String(c.depth), `${c.a} − ${c.b}`, diffText(c),
    c.p === null ? '–' : pValue(c.p), c.pAdjusted === null ? '–' : pValue(c.pAdjusted), verdictText(c)]);
  return table([head, ...rows]);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function summary(results: ResultsFile, outDir: string, report: boolean): string {
  const sweep = results.sweep!;
  const failed = results.runs.filter((r) => r.status === 'diverged' || r.status === 'failed');
  return [
    `Test accuracy (%), mean ± half the 95% interval over seeds ${sweep.seeds.join(', ')} (seeds done/planned):`,
    sweepGridText(sweep),
    '',
    `Which differences are real (Welch's t-test, p-values Holm-adjusted over ${sweep.tests} comparisons, alpha ${sweep.alpha}):`,
    sweepComparisonsText(sweep),
    ...failed.map((r) => `${r.id}: ${r.status}${r.error ? `: ${r.error}` : r.divergence ? ` at epoch ${r.divergence.epoch}, batch ${r.divergence.batch}` : ''}`),
    '',
    `${results.runs.length} runs in ${durationText(results.wallSeconds)} on ${results.settings.workers} worker${results.settings.workers === 1 ? '' : 's'}`,
    `results: ${path.join(outDir, RESULTS_FILE)}`,
    ...(report ? [`report:  ${path.join(outDir, REPORT_FILE)}`] : []),
    `latest:  ${path.join(path.dirname(outDir), LATEST)} points at this experiment`,
  ].join('\n');
}

/**
 * Trains the sweep, prints what it found and returns the exit status: 0 every run completed, 3 a
 * run diverged or failed, 130 stopped with Ctrl-C (the runs so far are in results.json; `--resume`
 * continues them).
 */
export async function runSweep(job: Omit<SweepJobSpec, 'libraries' | 'dataset'>, dataset: Dataset, options: SweepRunOptions, io: CliIO): Promise<number> {
  const runs = job.activations.length * job.architectures.length * job.seeds.length;
  const pool = new WorkerPool({ maxWorkers: options.workers ?? Math.min(availableParallelism(), runs), kernels: options.kernels });
  pool.provideDataset(job.settings.dataset ?? DEFAULT_CONFIG.dataset, dataset);
  const view = new SweepProgress(io);
  const stop = stopOnCtrlC(io);
  let results: ResultsFile | undefined;
  try {
    const end = await runJob(sweepJob, { ...job, dataset, libraries: options.report ? loadVegaLibraries() : null }, pool, { emit: (e) => view.handle(e), signal: stop.signal });
    results = end.result;
    if (!results) throw new CliError(`the sweep failed: ${end.error ?? 'no results'}`);
    pointLatest(options.experimentsDir, path.basename(job.outDir));
  } finally {
    stop.dispose();
    view.stop();
    await pool.dispose();
  }
  io.out(options.json ? JSON.stringify(results, null, 1) : summary(results, job.outDir, options.report));
  if (stop.signal.aborted) return EXIT.interrupted;
  return results.runs.some((r) => r.status !== 'completed') ? EXIT.runsFailed : EXIT.ok;
}
