// `actlab train`: the tutorial's experiment headless. With no options: sigmoid, tanh, relu and
// leaky_relu MLPs (784-128-64-10, Adam, batch 32, 10 epochs) on MNIST, in parallel workers,
// written to lab-output/ (results.json, runs/<id>/, report.html).

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { CliError, EXIT, loadData, parseCliArgs, stopOnCtrlC, type CliCommand, type CliIO } from '../command';
import { clip, parseActivationText, parseCustomDefinitions, type CustomDefinition } from '../../core/expr/index';
import { exportAndVerifyRun, type OnnxRunCheck } from '../../core/onnx/trainCheck';
import { loadVegaLibraries } from '../../core/report/vendor';
import { ensureWritableFolder } from '../../core/runs/atomic';
import { isPathSegment } from '../../core/runs/pathSegment';
import { REPORT_FILE, RESULTS_FILE, RUNS_DIR, type ResultsFile } from '../../core/runs/resultsFile';
import { DEFAULT_CONFIG, INITIALIZERS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type Initializer, type TrainConfig } from '../../core/train/config';
import { learnWherever } from '../../core/train/learn';
import { resolveLayerActivation } from '../../core/train/resolveActivation';
import { KERNEL_CHOICES, SWEEP_LIMITS, type KernelChoice, type RunEvent, type TrainingEvent } from '../../protocol/training';
import { interruptedExperiments, isSweepExperiment, LATEST, newExperimentId, pointLatest, resumeJobSpec } from '../../training/experiments';
import { resumeSweepSpec, seedRange } from '../../training/jobs/sweepJob';
import { runSweep } from './sweepRun';
import { runJob } from '../../training/jobs/job';
import { planRunIds, trainJob, type TrainJobSpec } from '../../training/jobs/trainJob';
import { DEFAULT_KERNEL_CHOICE, WorkerPool } from '../../training/workerPool';

const USAGE = `actlab train [options]

Runs the tutorial's experiment: one MLP per activation, trained in parallel workers.

  --activations LIST   runs to train, comma-separated (default: ${TUTORIAL_ACTIVATIONS.join(',')}).
                       One name applies to every hidden layer; a+b mixes them per layer
                       (relu+tanh); parameters in parentheses: leaky_relu(alpha=0.3).
  --custom NAME=EXPR   defines an activation from an expression over x (repeatable),
                       e.g. --custom "swish2=x*sigmoid(2*x)" --activations swish2
  --learn NAMES        train these activation parameters with the weights, one value per
                       layer started at its default or given value (comma-separated), e.g.
                       --activations silu --learn beta; a run whose activation lacks one is left
                       as it is (PReLU's slope is always learned)
  --epochs N           epochs per run (default ${DEFAULT_CONFIG.epochs})
  --batch-size N       batch size (default ${DEFAULT_CONFIG.batchSize})
  --hidden LIST        hidden layer widths (default ${DEFAULT_CONFIG.hidden.join(',')})
  --seed N             seed for initialization and shuffling (default ${DEFAULT_CONFIG.seed})
  --seeds N            train each activation N times, with seeds N, N+1, ... from --seed, and
                       report each one's mean ± 95% interval and which differences are real
                       (Welch's t-test, Holm-adjusted): a sweep with one depth (see actlab sweep)
  --learning-rate X    Adam's learning rate (default ${DEFAULT_CONFIG.learningRate})
  --init NAME          ${INITIALIZERS.join(', ')} (default ${DEFAULT_CONFIG.init})
  --dataset NAME|DIR   mnist, fashion-mnist, or a folder of IDX files (default mnist)
  --workers N          parallel workers (default: the core count, at most one per run)
  --limit-train N      use only the first N training images (validation is the last 20% of them)
  --limit-test N       use only the first N test images
  --kernels js|auto    matrix kernels: plain TypeScript, or the fastest available (default ${DEFAULT_KERNEL_CHOICE})
  --out DIR            the folder that keeps experiments (default lab-output): each run of this
                       command writes a new DIR/<time stamp>/ (results.json, report.html,
                       runs/<id>/) and points DIR/latest at it; nothing earlier is replaced
  --resume [ID]        continue the newest experiment in DIR that was cut off mid-training (or
                       experiment ID): finished runs are kept, the others go on from their
                       checkpoints; with --epochs N, runs are extended to N epochs
  --no-report          skip report.html
  --no-onnx            skip exporting each completed run to ONNX (runs/<id>/model.onnx) and
                       checking it in onnxruntime against the lab's forward pass
  --json               print results.json to stdout instead of a summary

Exit status: 0 every run completed (and its ONNX check passed); 1 nothing was trained (bad
options, data that does not load, a folder that cannot be written); 3 a run diverged or failed,
or an ONNX check failed (results.json says which); 130 stopped with Ctrl-C (finished epochs kept).`;

export function positiveInt(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`--${name} must be an integer of at least ${min}, got '${value}'`);
  }
  return Number(value);
}

/**
 * Splits on `sep` outside parentheses: "relu,leaky_relu(alpha=0.3,x=1)" -> two items. An empty
 * item ("relu+", "relu,,tanh") is an error naming the text: nothing is silently dropped.
 */
export function splitTopLevel(text: string, sep: string, what: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  const items = out.map((s) => s.trim());
  if (items.some((s) => s === '')) throw new CliError(`${what}: '${clip(text)}' has an empty item ${sep === '+' ? 'around a +' : `between the ${sep}s`}`);
  return items;
}

/**
 * One layer's activation as written: a built-in (an exact id with `name(alpha=0.3)` parameters,
 * or an alias), or a --custom name. The text is read by the expression language's one reader,
 * never guessed; an expression must be named with --custom to be trained (its name is the run's).
 */
export function parseLayerActivation(text: string, custom: ReadonlyMap<string, CustomDefinition>): ActivationSpec {
  const choice = parseActivationText(text, { custom });
  if (typeof choice === 'string') throw new CliError(choice);
  if ('id' in choice) return Object.keys(choice.params).length ? { id: choice.id, params: choice.params } : { id: choice.id };
  if (choice.name === undefined) throw new CliError(`'${clip(text)}' is an expression: name it with --custom NAME=EXPRESSION and train NAME`);
  return { custom: { name: choice.name, expression: choice.expression, params: choice.params } };
}

/** The stacks with `names` learned wherever a layer's activation has the parameter (learn.ts); a name none has is an error. */
function learnIn(stacks: ActivationSpec[][], names: string[]): ActivationSpec[][] {
  const { stacks: learned, lacking } = learnWherever(stacks, names);
  if (lacking.length) throw new CliError(`--learn ${lacking.join(', ')}: no activation of this experiment has ${lacking.length > 1 ? 'these parameters' : 'this parameter'}`);
  return learned;
}

/** What `actlab train` was asked: the experiment (a new one, or one to resume), and how to run and show it. */
export interface TrainArgs {
  /** The folder that keeps the experiments (--out). */
  experimentsDir: string;
  /** A new experiment's runs and settings. */
  plan: Pick<TrainJobSpec, 'runs' | 'settings'>;
  /** --resume: '' for the newest interrupted experiment, else its id. */
  resume?: string;
  /** --epochs as given (a resumed experiment keeps its own unless told). */
  epochs?: number;
  onnx: boolean;
  workers?: number;
  kernels: KernelChoice;
  /** Write report.html (--no-report turns it off). */
  report: boolean;
  json: boolean;
  /** --seeds N (2 or more): each activation over N seeds, a sweep with one depth. */
  seeds?: number;
}

/** Reads the command line; every bad value is a CliError naming the option. */
export function parseTrainArgs(argv: string[]): TrainArgs {
  // `--resume` alone means the newest interrupted experiment: give it an empty value for parseArgs.
  const args = argv.map((a, i) => (a === '--resume' && (i + 1 >= argv.length || argv[i + 1].startsWith('-')) ? '--resume=' : a));
  const { values, positionals } = parseCliArgs(args, {
        activations: { type: 'string' },
        custom: { type: 'string', multiple: true },
    learn: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        hidden: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        'learning-rate': { type: 'string' },
        init: { type: 'string' },
        dataset: { type: 'string' },
        workers: { type: 'string' },
        'limit-train': { type: 'string' },
        'limit-test': { type: 'string' },
        kernels: { type: 'string' },
        out: { type: 'string' },
        resume: { type: 'string' },
        'no-report': { type: 'boolean' },
    'no-onnx': { type: 'boolean' },
    json: { type: 'boolean' },
  }, USAGE);
  if (positionals.length) throw new CliError(`unexpected argument '${positionals[0]}' (options start with --)\nusage: ${USAGE}`);
  if (values.resume !== undefined) {
    const planned = (['activations', 'custom', 'learn', 'hidden', 'batch-size', 'seed', 'seeds', 'learning-rate', 'init', 'dataset', 'limit-train', 'limit-test'] as const).filter((k) => values[k] !== undefined);
    if (planned.length) throw new CliError(`--resume continues an experiment as it was planned: leave out --${planned.join(', --')}`);
    if (values.resume !== '' && !isPathSegment(values.resume)) throw new CliError(`--resume takes an experiment's folder name (as in ${values.out ?? 'lab-output'}/), got '${values.resume}'`);
  }
  const custom = parseCustomDefinitions(values.custom ?? []);
  if (typeof custom === 'string') throw new CliError(custom);
  const hidden = values.hidden === undefined ? [...DEFAULT_CONFIG.hidden]
    : splitTopLevel(values.hidden, ',', '--hidden').map((h) => positiveInt('hidden', h)!);
  if (hidden.length === 0) throw new CliError('--hidden needs at least one width, e.g. 128,64');
  const stacks = splitTopLevel(values.activations ?? TUTORIAL_ACTIVATIONS.join(','), ',', '--activations')
    .map((run) => splitTopLevel(run, '+', '--activations').map((a) => parseLayerActivation(a, custom)));
  if (stacks.length === 0) throw new CliError('--activations needs at least one activation');
  const learned = values.learn === undefined ? stacks : learnIn(stacks, splitTopLevel(values.learn, ',', '--learn'));
  let runs: TrainJobSpec['runs'];
  try {
    runs = planRunIds(learned, hidden.length);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const settings: Partial<TrainConfig> = { hidden, dataset: values.dataset ?? 'mnist' };
  const epochs = positiveInt('epochs', values.epochs);
  if (epochs !== undefined) settings.epochs = epochs;
  const batch = positiveInt('batch-size', values['batch-size']);
  if (batch !== undefined) settings.batchSize = batch;
  const seed = positiveInt('seed', values.seed, 0);
  if (seed !== undefined) settings.seed = seed;
  const limitTrain = positiveInt('limit-train', values['limit-train'], 2);
  if (limitTrain !== undefined) settings.limitTrain = limitTrain;
  const limitTest = positiveInt('limit-test', values['limit-test']);
  if (limitTest !== undefined) settings.limitTest = limitTest;
  if (values['learning-rate'] !== undefined) {
    const lr = Number(values['learning-rate']);
    if (!(lr > 0 && Number.isFinite(lr))) throw new CliError(`--learning-rate must be a positive number, got '${values['learning-rate']}'`);
    settings.learningRate = lr;
  }
  if (values.init !== undefined) {
    if (!INITIALIZERS.includes(values.init as Initializer)) throw new CliError(`--init must be one of ${INITIALIZERS.join(', ')}, got '${values.init}'`);
    settings.init = values.init as Initializer;
  }
  const seeds = positiveInt('seeds', values.seeds);
  if (seeds !== undefined && seeds > SWEEP_LIMITS.maxSeeds) throw new CliError(`--seeds must be at most ${SWEEP_LIMITS.maxSeeds}, got '${values.seeds}'`);
  const kernels = (values.kernels ?? DEFAULT_KERNEL_CHOICE) as KernelChoice;
  if (!KERNEL_CHOICES.includes(kernels)) throw new CliError(`--kernels must be ${KERNEL_CHOICES.join(' or ')}, got '${kernels}'`);
  return {
    experimentsDir: path.resolve(values.out ?? 'lab-output'),
    plan: { runs, settings },
    ...(values.resume !== undefined ? { resume: values.resume } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    onnx: !values['no-onnx'],
    workers: positiveInt('workers', values.workers),
    kernels,
    report: !values['no-report'],
    json: values.json ?? false,
    ...(seeds !== undefined && seeds > 1 ? { seeds } : {}),
  };
}

/** Checks every activation resolves before any worker starts: a typo fails fast, with the registry's message. */
export function checkActivations(runs: TrainJobSpec['runs']): void {
  for (const run of runs) {
    for (const spec of run.activations) {
      try {
        resolveLayerActivation(spec);
      } catch (e) {
        throw new CliError(`run ${run.runId}: ${(e as Error).message}`);
      }
    }
  }
}

/** Progress bars on stderr when it is a terminal; one line per epoch otherwise. */
class ProgressView {
  private readonly multibar?: MultiBar;
  private readonly bars = new Map<string, SingleBar>();

  constructor(private readonly io: CliIO, runs: TrainJobSpec['runs'], private readonly epochs: number) {
    if (process.stderr.isTTY) {
      this.multibar = new MultiBar({
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        fps: 8,
        format: '{run} {bar} {percentage}% | epoch {epoch}/{epochs} | loss {loss} acc {acc} | val {val} | {status}',
        barsize: 24,
      }, Presets.shades_classic);
      const width = Math.max(...runs.map((r) => r.runId.length));
      for (const r of runs) {
        this.bars.set(r.runId, this.multibar.create(epochs, 0, { run: r.runId.padEnd(width), epoch: 0, epochs, loss: '–', acc: '–', val: '–', status: 'queued' }));
      }
    }
  }

  handle(e: TrainingEvent): void {
    if (e.type === 'job/started' || e.type === 'job/ended') return;
    this.runEvent(e);
  }

  private runEvent(e: RunEvent): void {
    const bar = this.bars.get(e.runId);
    switch (e.type) {
      case 'run/started':
        bar?.update({ status: `training (${e.kernels})` });
        if (!bar) this.io.err(`${e.runId}: started (${e.kernels} kernels${e.resumedFromEpoch ? `, resuming after epoch ${e.resumedFromEpoch}` : ''})`);
        for (const n of e.notes ?? []) this.note(`${e.runId}: ${n}`);
        break;
      case 'run/progress': {
        const p = e.progress;
        bar?.update(p.epoch - 1 + p.batch / p.batches, { epoch: p.epoch, loss: p.loss.toFixed(4), acc: p.accuracy.toFixed(4) });
        break;
      }
      case 'run/epoch': {
        const m = e.metrics;
        const val = m.val_accuracy === undefined ? '–' : m.val_accuracy.toFixed(4);
        bar?.update(m.epoch, { epoch: m.epoch, loss: m.loss.toFixed(4), acc: m.accuracy.toFixed(4), val });
        if (!bar) {
          this.io.err(`${e.runId}: epoch ${m.epoch}/${this.epochs} loss ${m.loss.toFixed(4)} accuracy ${m.accuracy.toFixed(4)} ` +
            `val_loss ${m.val_loss?.toFixed(4) ?? '–'} val_accuracy ${val} (${m.seconds.toFixed(1)} s)`);
        }
        break;
      }
      case 'run/end': {
        const r = e.outcome;
        const what = r.status === 'completed' ? `test accuracy ${r.test?.accuracy.toFixed(4)}`
          : r.status === 'diverged' ? `diverged at epoch ${r.divergence?.epoch}, batch ${r.divergence?.batch}`
          : r.status === 'failed' ? `failed: ${r.error}` : r.status;
        bar?.update({ status: what });
        if (!bar) this.io.err(`${e.runId}: ${what}`);
        break;
      }
    }
  }

  /** A line on stderr that does not garble the bars. */
  note(text: string): void {
    if (this.multibar) this.multibar.log(`${text}\n`);
    else this.io.err(text);
  }

  stop(): void {
    this.multibar?.stop();
  }
}

/** The ONNX column: 'ok 1.2e-06' (max |Δp|), 'FAILED', or '–' when not checked. */
function onnxCell(check: OnnxRunCheck | undefined): string {
  if (!check) return '–';
  return check.passed ? `ok ${check.maxAbsDiff?.toExponential(1)}` : 'FAILED';
}

function summary(results: ResultsFile, outDir: string, report: boolean): string {
  const width = Math.max(3, ...results.runs.map((r) => r.id.length));
  const lines = [
    `${'run'.padEnd(width)}  status      test acc  test loss  s/epoch  onnx (max |Δp|)`,
    ...results.runs.map((r) => `${r.id.padEnd(width)}  ${r.status.padEnd(10)}  ${(r.test ? r.test.accuracy.toFixed(4) : '–').padStart(8)}  ` +
      `${(r.test ? r.test.loss.toFixed(4) : '–').padStart(9)}  ${(r.secondsPerEpoch === null ? '–' : r.secondsPerEpoch.toFixed(2)).padStart(7)}  ${onnxCell(r.onnx)}`),
    ...results.runs.filter((r) => r.onnx && !r.onnx.passed).map((r) => `${r.id}: ONNX check failed: ${r.onnx!.error ?? 'unknown reason'}`),
    ...results.runs.filter((r) => r.status === 'diverged' || r.status === 'failed').map((r) => `${r.id}: ${r.status}${r.error ? `: ${r.error}` : r.divergence ? ` at epoch ${r.divergence.epoch}, batch ${r.divergence.batch}` : ''}`),
    '',
    `results: ${path.join(outDir, RESULTS_FILE)}`,
    ...(report ? [`report:  ${path.join(outDir, REPORT_FILE)}`] : []),
    `latest:  ${path.join(path.dirname(outDir), LATEST)} points at this experiment`,
  ];
  return lines.join('\n');
}

/** Every completed run exported to ONNX and checked, unless --no-onnx. */
function onnxCheck(args: TrainArgs): Pick<TrainJobSpec, 'onnx'> {
  return args.onnx ? { onnx: { check: exportAndVerifyRun } } : {};
}

/**
 * The experiment to run: a new folder under --out, or the one --resume names (the newest cut off
 * mid-training when it names none). The folder must be able to hold files before anything starts.
 */
function experiment(args: TrainArgs): Omit<TrainJobSpec, 'libraries' | 'dataset' | 'onOnnxCheck'> {
  const dir = args.experimentsDir;
  try {
    ensureWritableFolder(dir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (args.resume === undefined) {
    const id = newExperimentId((name) => existsSync(path.join(dir, name)));
    return { ...args.plan, outDir: path.join(dir, id), ...onnxCheck(args) };
  }
  const outDir = args.resume ? path.join(dir, args.resume) : interruptedExperiments(dir)[0];
  if (!outDir) throw new CliError(`nothing to resume in ${dir}: no experiment there was cut off mid-training (name a finished one with --resume ID to extend it)`);
  if (!existsSync(path.join(outDir, RUNS_DIR))) throw new CliError(`${outDir} holds no runs to resume`);
  let resumed;
  try {
    resumed = resumeJobSpec(outDir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  return { ...resumed, settings: { ...resumed.settings, ...(args.epochs !== undefined ? { epochs: args.epochs } : {}) }, ...onnxCheck(args) };
}

/**
 * --seeds N, or --resume of an experiment trained that way: each activation over seeds is a sweep
 * with one depth, run as one. Undefined for a plain experiment.
 */
function seedsSweep(args: TrainArgs, io: CliIO): Promise<number> | undefined {
  const options = { experimentsDir: args.experimentsDir, workers: args.workers, kernels: args.kernels, report: args.report, json: args.json };
  if (args.resume !== undefined) {
    const outDir = args.resume ? path.join(args.experimentsDir, args.resume) : interruptedExperiments(args.experimentsDir)[0];
    if (!outDir || !isSweepExperiment(outDir)) return undefined;
    let job;
    try {
      job = resumeSweepSpec(outDir);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    for (const stack of job.activations) checkActivations([{ runId: path.basename(outDir), activations: stack }]);
    const settings = { ...job.settings, ...(args.epochs !== undefined ? { epochs: args.epochs } : {}) };
    return runSweep({ ...job, settings }, loadData(settings.dataset ?? DEFAULT_CONFIG.dataset), options, io);
  }
  if (args.seeds === undefined) return undefined;
  checkActivations(args.plan.runs);
  const dataset = loadData(args.plan.settings.dataset ?? DEFAULT_CONFIG.dataset);
  const { hidden = [...DEFAULT_CONFIG.hidden], seed = DEFAULT_CONFIG.seed, ...settings } = args.plan.settings;
  const job = experiment(args);
  return runSweep({
    activations: args.plan.runs.map((r) => (r.activations.every((a) => a === r.activations[0]) ? [r.activations[0]] : r.activations)),
    architectures: [hidden], seeds: seedRange(seed, args.seeds), settings, outDir: job.outDir,
  }, dataset, options, io);
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: "run the tutorial's MNIST experiment (sigmoid, tanh, relu, leaky_relu) in parallel workers",
  usage: USAGE,
  async run(argv, io) {
    const args = parseTrainArgs(argv);
    const seeds = seedsSweep(args, io);
    if (seeds) return seeds;
    // A new experiment's typos and data fail before its folder is made; a resumed one's runs are read from its folder first.
    const fresh = args.resume === undefined;
    if (fresh) checkActivations(args.plan.runs);
    let dataset = fresh ? loadData(args.plan.settings.dataset ?? DEFAULT_CONFIG.dataset) : undefined;
    const job = experiment(args);
    if (!fresh) checkActivations(job.runs);
    const dataSpec = job.settings.dataset ?? DEFAULT_CONFIG.dataset;
    dataset ??= loadData(dataSpec);
    const pool = new WorkerPool({ maxWorkers: args.workers ?? Math.min(availableParallelism(), job.runs.length), kernels: args.kernels });
    pool.provideDataset(dataSpec, dataset);
    const view = new ProgressView(io, job.runs, job.settings.epochs ?? DEFAULT_CONFIG.epochs);
    const stop = stopOnCtrlC(io);
    let results: ResultsFile | undefined;
    try {
      const end = await runJob(trainJob, {
        ...job, dataset, libraries: args.report ? loadVegaLibraries() : null,
        onOnnxCheck: (id, c) => view.note(c.passed
          ? `${id}: ONNX ${c.file} (opset ${c.opset}) checked on ${c.count} images: max |Δp| ${c.maxAbsDiff?.toExponential(2)}, argmax agreement ${c.argmaxAgreement}, ${c.ms?.toFixed(0)} ms`
          : `${id}: ONNX check failed: ${c.error}`),
      }, pool, { emit: (e) => view.handle(e), signal: stop.signal });
      results = end.result;
      if (!results) throw new CliError(`training failed: ${end.error ?? 'no results'}`);
      pointLatest(args.experimentsDir, path.basename(job.outDir));
    } finally {
      stop.dispose();
      view.stop();
      await pool.dispose();
    }
    io.out(args.json ? JSON.stringify(results, null, 1) : summary(results, job.outDir, args.report));
    if (stop.signal.aborted) return EXIT.interrupted;
    return results.runs.some((r) => r.status !== 'completed' || (r.onnx && !r.onnx.passed)) ? EXIT.runsFailed : EXIT.ok;
  },
};
