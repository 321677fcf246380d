// `actlab sweep`: the same MLP trained for every activation x depth x seed, in parallel workers,
// with the statistics that say which differences are real. `--preset tutorial` answers the
// tutorial's depth question (does sigmoid fall behind relu as the network gets deeper?) in about
// two minutes on two cores.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError, loadData, parseCliArgs, type CliCommand } from '../command';
import { parseCustomDefinitions } from '../../core/expr/index';
import { ensureWritableFolder } from '../../core/runs/atomic';
import { isPathSegment } from '../../core/runs/pathSegment';
import { DEFAULT_CONFIG, INITIALIZERS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type Initializer, type TrainConfig } from '../../core/train/config';
import { KERNEL_CHOICES, SWEEP_LIMITS, type KernelChoice } from '../../protocol/training';
import { isSweepExperiment, newExperimentId, unfinishedSweeps } from '../../training/experiments';
import { resumeSweepSpec, seedRange, sweepArchitectures, type SweepJobSpec } from '../../training/jobs/sweepJob';
import { DEFAULT_KERNEL_CHOICE } from '../../training/workerPool';
import { checkActivations, parseLayerActivation, positiveInt, splitTopLevel } from './train';
import { runSweep } from './sweepRun';

/** What `--preset tutorial` stands for (measured to take about two minutes on two cores; README "Sweeps"). */
export const TUTORIAL_PRESET = {
  activations: [...TUTORIAL_ACTIVATIONS],
  depths: [2, 4, 8],
  width: 64,
  seeds: 5,
  epochs: 3,
  limitTrain: 20_000,
  limitTest: 5000,
} as const;

const DEFAULTS = { depths: [2, 4, 8], width: 64, seeds: 3, epochs: 5 };

const USAGE = `actlab sweep [options]

Trains the same MLP for every activation x depth x seed (one run per worker thread, all cores),
then gives each cell's mean test accuracy with its 95% confidence interval and, at each depth,
which differences between activations are real (Welch's t-test, p-values Holm-adjusted over
the whole sweep, alpha 0.05).

  --preset tutorial    the tutorial's depth question in about two minutes on two cores:
                       ${TUTORIAL_PRESET.activations.join(',')} at depths ${TUTORIAL_PRESET.depths.join(',')} (width ${TUTORIAL_PRESET.width}),
                       ${TUTORIAL_PRESET.seeds} seeds, ${TUTORIAL_PRESET.epochs} epochs on the first ${TUTORIAL_PRESET.limitTrain} training images,
                       ${TUTORIAL_PRESET.limitTest} test images; any option below overrides its part
  --activations LIST   rows, comma-separated (default ${TUTORIAL_ACTIVATIONS.join(',')}); one name applies to
                       every hidden layer; parameters in parentheses: leaky_relu(alpha=0.3)
  --custom NAME=EXPR   defines an activation from an expression over x (repeatable)
  --depths LIST        numbers of hidden layers, e.g. 2,4,8 (default ${DEFAULTS.depths.join(',')}; at most ${SWEEP_LIMITS.maxDepth})
  --width N            units in each hidden layer (default ${DEFAULTS.width})
  --hidden LIST        one architecture instead of --depths and --width, e.g. 128,64 (a+b
                       activation stacks then give one activation per layer: relu+tanh)
  --seeds N            seeds per cell, from --seed up (default ${DEFAULTS.seeds}; at most ${SWEEP_LIMITS.maxSeeds})
  --seed N             the first seed (default ${DEFAULT_CONFIG.seed})
  --epochs N           epochs per run (default ${DEFAULTS.epochs})
  --batch-size N, --learning-rate X, --init NAME   as actlab train
  --dataset NAME|DIR   mnist, fashion-mnist, or a folder of IDX files (default mnist)
  --limit-train N      use only the first N training images (validation is the last 20% of them)
  --limit-test N       use only the first N test images
  --workers N          parallel workers (default: the core count)
  --kernels js|auto    matrix kernels (default ${DEFAULT_KERNEL_CHOICE})
  --out DIR            the folder that keeps experiments (default lab-output): a new
                       DIR/<time stamp>/ with results.json (its "sweep" object holds the
                       statistics), report.html and runs/<id>/; DIR/latest points at it
  --resume [ID]        continue the newest sweep in DIR with runs left to train (cut off or
                       stopped with Ctrl-C), or sweep ID: finished runs are kept, the others go
                       on from their checkpoints; with --epochs N, runs are extended to N epochs
  --no-report          skip report.html
  --json               print results.json to stdout instead of the tables

Exit status: 0 every run completed; 1 nothing was trained (bad options, data that does not
load, a folder that cannot be written); 3 a run diverged or failed (the statistics leave it
out); 130 stopped with Ctrl-C (finished runs and epochs kept: --resume continues).`;

export interface SweepArgs {
  experimentsDir: string;
  /** A new sweep's plan. */
  plan: Pick<SweepJobSpec, 'activations' | 'architectures' | 'seeds' | 'settings'>;
  /** --resume: '' for the newest unfinished sweep, else its id. */
  resume?: string;
  epochs?: number;
  workers?: number;
  kernels: KernelChoice;
  report: boolean;
  json: boolean;
}

/** A comma-separated list of positive integers, each named by the option on error. */
function intList(name: string, value: string): number[] {
  const items = splitTopLevel(value, ',', `--${name}`).map((v) => positiveInt(name, v)!);
  if (items.length === 0) throw new CliError(`--${name} needs at least one number, e.g. 2,4,8`);
  return items;
}

/** Reads the command line; every bad value is a CliError naming the option. */
export function parseSweepArgs(argv: string[]): SweepArgs {
  const args = argv.map((a, i) => (a === '--resume' && (i + 1 >= argv.length || argv[i + 1].startsWith('-')) ? '--resume=' : a));
  const { values, positionals } = parseCliArgs(args, {
    preset: { type: 'string' },
    activations: { type: 'string' },
    custom: { type: 'string', multiple: true },
    depths: { type: 'string' },
    width: { type: 'string' },
    hidden: { type: 'string' },
    seeds: { type: 'string' },
    seed: { type: 'string' },
    epochs: { type: 'string' },
    'batch-size': { type: 'string' },
    'learning-rate': { type: 'string' },
    init: { type: 'string' },
    dataset: { type: 'string' },
    'limit-train': { type: 'string' },
    'limit-test': { type: 'string' },
    workers: { type: 'string' },
    kernels: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'string' },
    'no-report': { type: 'boolean' },
    json: { type: 'boolean' },
  }, USAGE);
  if (positionals.length) throw new CliError(`unexpected argument '${positionals[0]}' (options start with --)\nusage: ${USAGE}`);
  if (values.preset !== undefined && values.preset !== 'tutorial') throw new CliError(`--preset must be tutorial, got '${values.preset}'`);
  const preset = values.preset === 'tutorial' ? TUTORIAL_PRESET : undefined;
  if (values.resume !== undefined) {
    const planned = (['preset', 'activations', 'custom', 'depths', 'width', 'hidden', 'seeds', 'seed', 'batch-size', 'learning-rate', 'init', 'dataset', 'limit-train', 'limit-test'] as const).filter((k) => values[k] !== undefined);
    if (planned.length) throw new CliError(`--resume continues a sweep as it was planned: leave out --${planned.join(', --')}`);
    if (values.resume !== '' && !isPathSegment(values.resume)) throw new CliError(`--resume takes a sweep's folder name (as in ${values.out ?? 'lab-output'}/), got '${values.resume}'`);
  }
  if (values.hidden !== undefined && (values.depths !== undefined || values.width !== undefined)) {
    throw new CliError('--hidden gives one architecture: leave out --depths and --width (or use them instead of --hidden)');
  }
  const custom = parseCustomDefinitions(values.custom ?? []);
  if (typeof custom === 'string') throw new CliError(custom);
  const activations: ActivationSpec[][] = splitTopLevel(values.activations ?? (preset?.activations ?? TUTORIAL_ACTIVATIONS).join(','), ',', '--activations')
    .map((row) => splitTopLevel(row, '+', '--activations').map((a) => parseLayerActivation(a, custom)));
  if (activations.length === 0) throw new CliError('--activations needs at least one activation');
  let architectures: number[][];
  if (values.hidden !== undefined) {
    architectures = [intList('hidden', values.hidden)];
  } else {
    const depths = values.depths !== undefined ? intList('depths', values.depths) : [...(preset?.depths ?? DEFAULTS.depths)];
    const tooDeep = depths.find((d) => d > SWEEP_LIMITS.maxDepth);
    if (tooDeep !== undefined) throw new CliError(`--depths must be at most ${SWEEP_LIMITS.maxDepth} hidden layers, got ${tooDeep}`);
    if (depths.length > SWEEP_LIMITS.maxDepths) throw new CliError(`--depths takes at most ${SWEEP_LIMITS.maxDepths} depths, got ${depths.length}`);
    const repeated = depths.find((d, i) => depths.indexOf(d) !== i);
    if (repeated !== undefined) throw new CliError(`--depths lists ${repeated} twice`);
    const width = positiveInt('width', values.width) ?? preset?.width ?? DEFAULTS.width;
    if (width > SWEEP_LIMITS.maxWidth) throw new CliError(`--width must be at most ${SWEEP_LIMITS.maxWidth}, got '${values.width}'`);
    architectures = sweepArchitectures(depths, width);
  }
  for (const stack of activations) {
    if (stack.length > 1 && architectures.some((a) => a.length !== stack.length)) {
      throw new CliError(`${splitTopLevel(values.activations!, ',', '--activations')[activations.indexOf(stack)]}: ${stack.length} activations, one per hidden layer, but the sweep has depths ${architectures.map((a) => a.length).join(', ')}`);
    }
  }
  const seedCount = positiveInt('seeds', values.seeds) ?? preset?.seeds ?? DEFAULTS.seeds;
  if (seedCount > SWEEP_LIMITS.maxSeeds) throw new CliError(`--seeds must be at most ${SWEEP_LIMITS.maxSeeds}, got '${values.seeds}'`);
  const firstSeed = positiveInt('seed', values.seed, 0) ?? DEFAULT_CONFIG.seed;
  const runs = activations.length * architectures.length * seedCount;
  if (runs > SWEEP_LIMITS.maxRuns) throw new CliError(`${activations.length} activations x ${architectures.length} depths x ${seedCount} seeds is ${runs} runs; a sweep takes at most ${SWEEP_LIMITS.maxRuns}`);
  const epochs = positiveInt('epochs', values.epochs);
  const settings: Partial<TrainConfig> = { dataset: values.dataset ?? 'mnist', epochs: epochs ?? preset?.epochs ?? DEFAULTS.epochs };
  const batch = positiveInt('batch-size', values['batch-size']);
  if (batch !== undefined) settings.batchSize = batch;
  const limitTrain = positiveInt('limit-train', values['limit-train'], 2) ?? preset?.limitTrain;
  if (limitTrain !== undefined) settings.limitTrain = limitTrain;
  const limitTest = positiveInt('limit-test', values['limit-test']) ?? preset?.limitTest;
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
  const kernels = (values.kernels ?? DEFAULT_KERNEL_CHOICE) as KernelChoice;
  if (!KERNEL_CHOICES.includes(kernels)) throw new CliError(`--kernels must be ${KERNEL_CHOICES.join(' or ')}, got '${kernels}'`);
  return {
    experimentsDir: path.resolve(values.out ?? 'lab-output'),
    plan: { activations, architectures, seeds: seedRange(firstSeed, seedCount), settings },
    ...(values.resume !== undefined ? { resume: values.resume } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    workers: positiveInt('workers', values.workers),
    kernels,
    report: !values['no-report'],
    json: values.json ?? false,
  };
}

/** The sweep to run: a new folder under --out, or the one --resume names (the newest with runs left when it names none). */
function sweepToRun(args: SweepArgs): Omit<SweepJobSpec, 'libraries' | 'dataset'> {
  const dir = args.experimentsDir;
  try {
    ensureWritableFolder(dir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (args.resume === undefined) {
    const id = newExperimentId((name) => existsSync(path.join(dir, name)));
    return { ...args.plan, outDir: path.join(dir, id) };
  }
  const outDir = args.resume ? path.join(dir, args.resume) : unfinishedSweeps(dir)[0];
  if (!outDir) throw new CliError(`nothing to resume in ${dir}: every sweep there has finished (name one with --resume ID and --epochs N to extend it)`);
  if (!existsSync(outDir)) throw new CliError(`no experiment ${path.basename(outDir)} in ${dir}`);
  if (!isSweepExperiment(outDir)) throw new CliError(`${outDir} is not a sweep (it has no sweep.json): continue it with actlab train --resume ${path.basename(outDir)}`);
  let job;
  try {
    job = resumeSweepSpec(outDir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  return { ...job, settings: { ...job.settings, ...(args.epochs !== undefined ? { epochs: args.epochs } : {}) } };
}

export const sweepCommand: CliCommand = {
  name: 'sweep',
  summary: 'train every activation x depth x seed and say which differences are real (mean ± 95% interval, Welch, Holm)',
  usage: USAGE,
  async run(argv, io) {
    const args = parseSweepArgs(argv);
    const fresh = args.resume === undefined;
    // A new sweep's typos and data fail before its folder is made.
    const check = (stacks: ActivationSpec[][]) => checkActivations(stacks.map((s) => ({ runId: s.map((a) => ('id' in a ? a.id : a.custom.name)).join('+'), activations: s })));
    if (fresh) check(args.plan.activations);
    const dataset = fresh ? loadData(args.plan.settings.dataset ?? DEFAULT_CONFIG.dataset) : undefined;
    const job = sweepToRun(args);
    if (!fresh) check(job.activations);
    return runSweep(job, dataset ?? loadData(job.settings.dataset ?? DEFAULT_CONFIG.dataset), args, io);
  },
};
