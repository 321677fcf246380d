// `actlab train`: the tutorial's experiment headless. With no options: sigmoid, tanh, relu and
// leaky_relu MLPs (784-128-64-10, Adam, batch 32, 10 epochs) on MNIST, in parallel workers,
// written to lab-output/ (results.json, runs/<id>/, report.html).

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { CliError, type CliCommand, type CliIO } from '../command';
import { loadDataset, type Dataset } from '../../core/data/datasets';
import { IdxError } from '../../core/data/idx';
import { DEFAULT_CONFIG, INITIALIZERS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type Initializer, type TrainConfig } from '../../core/train/config';
import { planRuns, runExperiment, REPORT_FILE, RESULTS_FILE, type PlannedRun, type ResultsFile } from '../../core/train/experiment';
import { DEFAULT_KERNEL_CHOICE, TrainingPool, type PoolEvent } from '../../core/train/pool';
import { resolveLayerActivation } from '../../core/train/resolveActivation';
import { loadVegaLibraries } from '../../core/report/vendor';
import type { OnnxRunCheck } from '../../core/onnx/trainCheck';
import type { KernelChoice } from '../../protocol/worker';

const USAGE = `actlab train [options]

Runs the tutorial's experiment: one MLP per activation, trained in parallel workers.

  --activations LIST   runs to train, comma-separated (default: ${TUTORIAL_ACTIVATIONS.join(',')}).
                       One name applies to every hidden layer; a+b mixes them per layer
                       (relu+tanh); parameters in parentheses: leaky_relu(alpha=0.3).
  --custom NAME=EXPR   defines an activation from an expression over x (repeatable),
                       e.g. --custom "swish2=x*sigmoid(2*x)" --activations swish2
  --epochs N           epochs per run (default ${DEFAULT_CONFIG.epochs})
  --batch-size N       batch size (default ${DEFAULT_CONFIG.batchSize})
  --hidden LIST        hidden layer widths (default ${DEFAULT_CONFIG.hidden.join(',')})
  --seed N             seed for initialization and shuffling (default ${DEFAULT_CONFIG.seed})
  --learning-rate X    Adam's learning rate (default ${DEFAULT_CONFIG.learningRate})
  --init NAME          ${INITIALIZERS.join(', ')} (default ${DEFAULT_CONFIG.init})
  --dataset NAME|DIR   mnist, fashion-mnist, or a folder of IDX files (default mnist)
  --workers N          parallel workers (default: the core count, at most one per run)
  --limit-train N      use only the first N training images (validation is the last 20% of them)
  --limit-test N       use only the first N test images
  --kernels js|auto    matrix kernels: plain TypeScript, or the fastest available (default ${DEFAULT_KERNEL_CHOICE})
  --out DIR            output folder (default lab-output)
  --resume             continue runs from their checkpoints in DIR when the settings match
  --no-report          skip report.html
  --no-onnx            skip exporting each completed run to ONNX (runs/<id>/model.onnx) and
                       checking it in onnxruntime against the lab's forward pass
  --json               print results.json to stdout instead of a summary`;

function positiveInt(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`--${name} must be an integer of at least ${min}, got '${value}'`);
  }
  return Number(value);
}

/** Splits on commas outside parentheses: "relu,leaky_relu(alpha=0.3,x=1)" -> two items. */
function splitTopLevel(text: string, sep: string): string[] {
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
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** "leaky_relu(alpha=0.3)" -> { id, params }; a --custom name -> its expression. */
function parseActivation(text: string, custom: Map<string, string>): ActivationSpec {
  const m = /^([A-Za-z_][\w.-]*)\s*(?:\((.*)\))?$/.exec(text);
  if (!m) throw new CliError(`cannot read the activation '${text}' (expected name or name(param=value,...))`);
  const params: Record<string, number> = {};
  for (const part of m[2] ? splitTopLevel(m[2], ',') : []) {
    const kv = /^([A-Za-z_]\w*)\s*=\s*(\S+)$/.exec(part);
    const value = kv ? Number(kv[2]) : NaN;
    if (!kv || !Number.isFinite(value)) throw new CliError(`cannot read the parameter '${part}' of ${m[1]} (expected name=number)`);
    params[kv[1]!] = value;
  }
  const expression = custom.get(m[1]!);
  if (expression !== undefined) return { custom: { name: m[1]!, expression, params } };
  return Object.keys(params).length ? { id: m[1]!, params } : { id: m[1]! };
}

export interface TrainPlan {
  runs: PlannedRun[];
  settings: Partial<TrainConfig>;
  dataset: string;
  workers?: number;
  kernels: KernelChoice;
  outDir: string;
  resume: boolean;
  report: boolean;
  /** Export and check every completed run in ONNX (--no-onnx turns it off). */
  onnx: boolean;
  json: boolean;
}

/** Reads the command line into a plan; every bad value is a CliError naming the option. */
export function parseTrainArgs(argv: string[]): TrainPlan {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        activations: { type: 'string' },
        custom: { type: 'string', multiple: true },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        hidden: { type: 'string' },
        seed: { type: 'string' },
        'learning-rate': { type: 'string' },
        init: { type: 'string' },
        dataset: { type: 'string' },
        workers: { type: 'string' },
        'limit-train': { type: 'string' },
        'limit-test': { type: 'string' },
        kernels: { type: 'string' },
        out: { type: 'string' },
        resume: { type: 'boolean' },
        'no-report': { type: 'boolean' },
        'no-onnx': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nusage: ${USAGE}`);
  }
  const custom = new Map<string, string>();
  for (const def of values.custom ?? []) {
    const eq = def.indexOf('=');
    const name = def.slice(0, eq).trim();
    if (eq < 1 || !/^[A-Za-z_][\w]*$/.test(name)) throw new CliError(`--custom needs NAME=EXPRESSION, got '${def}'`);
    custom.set(name, def.slice(eq + 1).trim());
  }
  const hidden = values.hidden === undefined ? [...DEFAULT_CONFIG.hidden]
    : splitTopLevel(values.hidden, ',').map((h) => positiveInt('hidden', h)!);
  if (hidden.length === 0) throw new CliError('--hidden needs at least one width, e.g. 128,64');
  const stacks = splitTopLevel(values.activations ?? TUTORIAL_ACTIVATIONS.join(','), ',')
    .map((run) => splitTopLevel(run, '+').map((a) => parseActivation(a, custom)));
  if (stacks.length === 0) throw new CliError('--activations needs at least one activation');
  let runs: PlannedRun[];
  try {
    runs = planRuns(stacks, hidden.length);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const settings: Partial<TrainConfig> = { hidden };
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
  const kernels = values.kernels ?? DEFAULT_KERNEL_CHOICE;
  if (kernels !== 'js' && kernels !== 'auto') throw new CliError(`--kernels must be js or auto, got '${kernels}'`);
  return {
    runs,
    settings,
    dataset: values.dataset ?? 'mnist',
    workers: positiveInt('workers', values.workers),
    kernels,
    outDir: path.resolve(values.out ?? 'lab-output'),
    resume: values.resume ?? false,
    report: !values['no-report'],
    onnx: !values['no-onnx'],
    json: values.json ?? false,
  };
}

/** Checks every activation resolves before any worker starts: a typo fails fast, with the registry's message. */
function checkActivations(runs: PlannedRun[]): void {
  for (const run of runs) {
    for (const spec of run.activations) {
      try {
        resolveLayerActivation(spec);
      } catch (e) {
        throw new CliError(`run ${run.id}: ${(e as Error).message}`);
      }
    }
  }
}

/** Progress bars on stderr when it is a terminal; one line per epoch otherwise. */
class ProgressView {
  private readonly multibar?: MultiBar;
  private readonly bars = new Map<string, SingleBar>();

  constructor(private readonly io: CliIO, runs: PlannedRun[], private readonly epochs: number) {
    if (process.stderr.isTTY) {
      this.multibar = new MultiBar({
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        fps: 8,
        format: '{run} {bar} {percentage}% | epoch {epoch}/{epochs} | loss {loss} acc {acc} | val {val} | {status}',
        barsize: 24,
      }, Presets.shades_classic);
      const width = Math.max(...runs.map((r) => r.id.length));
      for (const r of runs) {
        this.bars.set(r.id, this.multibar.create(epochs, 0, { run: r.id.padEnd(width), epoch: 0, epochs, loss: '–', acc: '–', val: '–', status: 'queued' }));
      }
    }
  }

  handle(e: PoolEvent): void {
    const bar = this.bars.get(e.runId);
    switch (e.type) {
      case 'run/started':
        bar?.update({ status: `training (${e.kernels})` });
        if (!bar) this.io.err(`${e.runId}: started (${e.kernels} kernels${e.resumedFromEpoch ? `, resuming after epoch ${e.resumedFromEpoch}` : ''})`);
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
        const r = e.result;
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
    '',
    `results: ${path.join(outDir, RESULTS_FILE)}`,
    ...(report ? [`report:  ${path.join(outDir, REPORT_FILE)}`] : []),
  ];
  return lines.join('\n');
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: "run the tutorial's MNIST experiment (sigmoid, tanh, relu, leaky_relu) in parallel workers",
  usage: USAGE,
  async run(argv, io) {
    const plan = parseTrainArgs(argv);
    checkActivations(plan.runs);
    let dataset: Dataset;
    try {
      dataset = loadDataset(plan.dataset);
    } catch (e) {
      if (e instanceof IdxError) throw new CliError(e.message);
      throw e;
    }
    const libraries = plan.report ? loadVegaLibraries() : null;
    const workers = plan.workers ?? Math.min(availableParallelism(), plan.runs.length);
    const pool = new TrainingPool({ maxWorkers: workers, kernels: plan.kernels });
    const view = new ProgressView(io, plan.runs, plan.settings.epochs ?? DEFAULT_CONFIG.epochs);
    pool.onEvent((e) => view.handle(e));
    let interrupted = false;
    const onSigint = () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      io.err('\nstopping: finished epochs are kept (Ctrl-C again to quit now)');
      pool.cancelAll();
    };
    process.on('SIGINT', onSigint);
    let results: ResultsFile;
    try {
      results = await runExperiment({
        runs: plan.runs, settings: { ...plan.settings, dataset: plan.dataset }, dataset, outDir: plan.outDir, pool, resume: plan.resume, libraries,
        onnx: plan.onnx,
        onOnnxCheck: (id, c) => view.note(c.passed
          ? `${id}: ONNX ${c.file} (opset ${c.opset}) checked on ${c.count} images: max |Δp| ${c.maxAbsDiff?.toExponential(2)}, argmax agreement ${c.argmaxAgreement}, ${c.ms?.toFixed(0)} ms`
          : `${id}: ONNX check failed: ${c.error}`),
      });
    } catch (e) {
      throw new CliError(`training failed: ${(e as Error).message}`);
    } finally {
      process.off('SIGINT', onSigint);
      view.stop();
      await pool.dispose();
    }
    io.out(plan.json ? JSON.stringify(results, null, 1) : summary(results, plan.outDir, plan.report));
    if (interrupted) return 130;
    return results.runs.some((r) => r.status === 'failed' || (r.onnx && !r.onnx.passed)) ? 1 : 0;
  },
};
