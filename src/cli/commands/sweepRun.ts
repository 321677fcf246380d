// Runs a sweep from the command line (`actlab sweep`, and `actlab train --seeds N`, a sweep with
// one depth): the job on worker threads, one progress bar with runs and cells done and an ETA,
// then the grid of mean ± 95% interval per cell and the comparisons that say which differences
// are real.

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { EXIT, stopOnCtrlC, CliError, type CliIO } from '../command';
import { cliText, columnsTable, translator, verbatim, type Translate } from '../l10n';
import { CLI_MESSAGES } from '../messages';
import type { Dataset } from '../../core/data/datasets';
import { listText, type UiLanguage } from '../../core/locale';
import { loadVegaLibraries } from '../../core/report/vendor';
import type { ResultsFile, ResultsSweep } from '../../core/runs/resultsFile';
import { cellText, diffText, pValue, verdictText } from '../../core/stats/sweepText';
import { DEFAULT_CONFIG } from '../../core/train/config';
import { applyTrainingEvent, durationText, etaSeconds, jobProgress, type JobSnapshot } from '../../protocol/jobSnapshot';
import type { KernelChoice, TrainingEvent } from '../../protocol/training';
import { pointLatest } from '../../training/experiments';
import { runJob } from '../../training/jobs/job';
import { sweepJob, type SweepJobSpec } from '../../training/jobs/sweepJob';
import { WorkerPool } from '../../training/workerPool';
import { endText, whereLines } from './runText';

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
  private readonly lang: UiLanguage;
  private readonly tr: Translate;

  constructor(private readonly io: CliIO) {
    this.lang = io.lang ?? 'en';
    this.tr = translator(this.lang);
    if (process.stderr.isTTY) {
      this.bar = new SingleBar({
        stream: process.stderr, hideCursor: true, clearOnComplete: false, fps: 4, barsize: 28,
        // the bar's own placeholders ({bar}, {percentage}, ...) are filled by cli-progress
        format: CLI_MESSAGES['sweep.bar'][this.lang],
      }, Presets.shades_classic);
    }
  }

  handle(e: TrainingEvent): void {
    this.snapshot = applyTrainingEvent(this.snapshot, e);
    const s = this.snapshot;
    if (!s) return;
    if (e.type === 'job/started') {
      this.bar?.start(1000, 0, this.fields(this.tr('sweep.starting')));
      return;
    }
    if (e.type === 'run/started' && e.notes) for (const n of e.notes) this.note(this.tr('train.line', { run: e.runId, text: n }));
    if (e.type !== 'run/progress' && e.type !== 'run/epoch' && e.type !== 'run/end') return;
    const o = e.type === 'run/end' ? e.outcome : undefined;
    const last = e.type === 'run/end' && o
      ? this.tr('train.line', {
        run: e.runId,
        text: o.status === 'completed' ? this.tr('sweep.test', { value: String(o.test?.accuracy.toFixed(4)) })
          : endText({ status: o.status, ...(o.error ? { error: o.error } : {}), ...(o.divergence ? { divergence: o.divergence } : {}) }, this.lang),
      })
      : undefined;
    const p = jobProgress(s);
    // A resumed sweep starts part done: its pace counts from the first run that moved.
    this.from ??= p.fraction;
    if (this.bar) {
      this.bar.update(Math.round(p.fraction * 1000), this.fields(last));
    } else if (e.type === 'run/end') {
      this.io.err(this.tr('sweep.line', { runs: `${p.runsDone}/${p.runs}`, cells: `${p.cellsDone}/${p.cells}`, eta: this.eta(p.fraction), last: last ?? '' }));
    }
  }

  private eta(fraction: number): string {
    const s = etaSeconds((performance.now() - this.t0) / 1000, fraction, this.from);
    return s === undefined ? '–' : durationText(s, this.lang);
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
export function sweepGridText(sweep: ResultsSweep, lang: UiLanguage = 'en'): string {
  const tr = translator(lang);
  const head = [tr('sweep.col.activation'), ...sweep.depths.map((depth) => tr('sweep.col.depth', { depth }))];
  const rows = sweep.activations.map((a) => [a, ...sweep.depths.map((d) => cellText(sweep.cells.find((c) => c.activation === a && c.depth === d)!, lang))]);
  return columnsTable([head, ...rows]);
}

/** Which differences are real: every comparison, its interval, Welch's p, Holm's p and the verdict. */
export function sweepComparisonsText(sweep: ResultsSweep, lang: UiLanguage = 'en'): string {
  const tr = translator(lang);
  const head = [tr('sweep.col.depthOnly'), 'a − b', tr('sweep.col.difference'), 'p', tr('sweep.col.holm'), tr('sweep.col.verdict')];
  const rows = sweep.comparisons.map((c) => [String(c.depth), `${c.a} − ${c.b}`, diffText(c),
    c.p === null ? '–' : pValue(c.p), c.pAdjusted === null ? '–' : pValue(c.pAdjusted), verdictText(c, lang)]);
  return columnsTable([head, ...rows]);
}

/** What `actlab sweep` prints when it is done: the grid, the comparisons, what failed, where the sweep went. */
export function sweepSummary(results: ResultsFile, outDir: string, report: boolean, lang: UiLanguage): string {
  const tr = translator(lang);
  const sweep = results.sweep!;
  const failed = results.runs.filter((r) => r.status === 'diverged' || r.status === 'failed');
  const workers = results.settings.workers;
  const total = { runs: results.runs.length, duration: durationText(results.wallSeconds, lang) };
  return [
    tr('sweep.gridTitle', { seeds: listText(sweep.seeds, lang) }),
    sweepGridText(sweep, lang),
    '',
    tr('sweep.comparisonsTitle', { tests: sweep.tests, alpha: sweep.alpha }),
    sweepComparisonsText(sweep, lang),
    ...failed.map((r) => tr('train.line', { run: r.id, text: endText(r, lang) })),
    '',
    workers === 1 ? tr('sweep.totalOneWorker', total) : tr('sweep.total', { ...total, workers }),
    ...whereLines(outDir, report, tr),
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
  const lang = io.lang ?? 'en';
  const view = new SweepProgress(io);
  const stop = stopOnCtrlC(io);
  let results: ResultsFile | undefined;
  try {
    const end = await runJob(sweepJob, { ...job, dataset, libraries: options.report ? loadVegaLibraries() : null, lang }, pool, { emit: (e) => view.handle(e), signal: stop.signal });
    results = end.result;
    if (!results) throw new CliError(cliText('sweep.failed', { detail: end.error ? verbatim(end.error) : cliText('train.noResults') }));
    pointLatest(options.experimentsDir, path.basename(job.outDir));
  } finally {
    stop.dispose();
    view.stop();
    await pool.dispose();
  }
  io.out(options.json ? JSON.stringify(results, null, 1) : sweepSummary(results, job.outDir, options.report, lang));
  if (stop.signal.aborted) return EXIT.interrupted;
  return results.runs.some((r) => r.status !== 'completed') ? EXIT.runsFailed : EXIT.ok;
}
