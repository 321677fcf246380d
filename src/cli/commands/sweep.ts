// `actlab sweep`: the same MLP trained for every activation x depth x seed, in parallel workers,
// with the statistics that say which differences are real. `--preset tutorial` answers the
// tutorial's depth question (does sigmoid fall behind relu as the network gets deeper?) in about
// two minutes on two cores.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError, loadData, parseCliArgs, usageText, withUsage, type CliCommand } from '../command';
import { cliText, everyLanguage, exprText } from '../l10n';
import { listText } from '../../core/locale';
import { readCustomDefinitions } from '../../core/expr/activationText';
import { isPathSegment } from '../../core/runs/pathSegment';
import { DEFAULT_CONFIG, TUTORIAL_ACTIVATIONS, type ActivationSpec, type TrainConfig } from '../../core/train/config';
import { SWEEP_LIMITS, type KernelChoice } from '../../protocol/training';
import { isSweepExperiment, newExperimentId, unfinishedSweeps } from '../../training/experiments';
import { resumeSweepSpec, seedRange, sweepArchitectures, type SweepJobSpec } from '../../training/jobs/sweepJob';
import { DEFAULT_KERNEL_CHOICE } from '../../training/workerPool';
import { checkActivations, kernelsOption, optimizerSettings, parseLayerActivation, positiveInt, resumable, splitTopLevel, writableFolder } from './train';
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

const USAGE_ZH = `对每个激活函数 × 深度 × 种子训练同一个 MLP（每个工作线程一次训练，用上所有 CPU 核），
然后给出每个格子的平均测试准确率及其 95% 置信区间，并在每个深度上指出激活函数之间哪些差异
真实存在（Welch t 检验，p 值按整个扫描实验做 Holm 校正，alpha 0.05）。

  --preset tutorial    在两个 CPU 核上约两分钟回答教程中关于深度的问题：
                       \`${TUTORIAL_PRESET.activations.join(',')}\`，深度 \`${TUTORIAL_PRESET.depths.join(',')}\`（宽度 ${TUTORIAL_PRESET.width}），
                       ${TUTORIAL_PRESET.seeds} 个种子，${TUTORIAL_PRESET.epochs} 轮，用前 ${TUTORIAL_PRESET.limitTrain} 张训练图像、
                       ${TUTORIAL_PRESET.limitTest} 张测试图像；下面的任何选项都会覆盖其中对应的部分
  --activations LIST   表格的行，用逗号分隔（默认 \`${TUTORIAL_ACTIVATIONS.join(',')}\`）；一个名字用于
                       所有隐藏层；参数写在括号里：\`leaky_relu(alpha=0.3)\`
  --custom NAME=EXPR   用关于 x 的表达式定义一个激活函数（可重复）
  --depths LIST        隐藏层的层数，例如 \`2,4,8\`（默认 \`${DEFAULTS.depths.join(',')}\`；最多 ${SWEEP_LIMITS.maxDepth}）
  --width N            每个隐藏层的神经元数（默认 ${DEFAULTS.width}）
  --hidden LIST        用一种网络结构代替 --depths 和 --width，例如 \`128,64\`（这时 \`a+b\`
                       形式的激活函数组合为每层指定一个激活函数：\`relu+tanh\`）
  --seeds N            每个格子的种子数，从 --seed 起（默认 ${DEFAULTS.seeds}；最多 ${SWEEP_LIMITS.maxSeeds}）
  --seed N             第一个种子（默认 ${DEFAULT_CONFIG.seed}）
  --epochs N           每次训练的轮数（默认 ${DEFAULTS.epochs}）
  --batch-size N、--learning-rate X、--init NAME   与 \`actlab train\` 相同
  --dataset NAME|DIR   mnist、fashion-mnist 或一个存有 IDX 文件的文件夹（默认 mnist）
  --limit-train N      只用前 N 张训练图像（其中最后 20% 作为验证集）
  --limit-test N       只用前 N 张测试图像
  --workers N          并行的工作线程数（默认：CPU 核数）
  --kernels js|auto    矩阵运算内核（默认 ${DEFAULT_KERNEL_CHOICE}）
  --out DIR            保存实验的文件夹（默认 lab-output）：新建一个 \`DIR/<时间戳>/\`，其中有
                       results.json（其中的 \`"sweep"\` 对象保存统计结果）、report.html 和
                       \`runs/<id>/\`；\`DIR/latest\` 指向它
  --resume [ID]        继续 DIR 中最新的、还有训练没完成的扫描实验（中途被打断或用 Ctrl-C 停止），
                       或扫描实验 ID：已完成的训练保留，其余的从各自的检查点继续；加上
                       --epochs N 时，训练延长到 N 轮
  --no-report          不写 report.html
  --json               把 results.json 打印到标准输出，代替表格

退出状态：0 所有训练都已完成；1 什么都没有训练（选项有误、数据无法加载、文件夹无法写入）；
3 有训练发散或失败（统计时不计入）；130 用 Ctrl-C 停止（已完成的训练和轮次保留，
可以用 --resume 继续）。`;

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
  if (items.length === 0) throw new CliError(cliText('sweep.numbers', { name }));
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
  }, usageText(sweepCommand));
  if (positionals.length) throw new CliError(withUsage(cliText('train.unexpected', { arg: positionals[0] }), usageText(sweepCommand)));
  if (values.preset !== undefined && values.preset !== 'tutorial') throw new CliError(cliText('sweep.preset', { value: values.preset }));
  const preset = values.preset === 'tutorial' ? TUTORIAL_PRESET : undefined;
  if (values.resume !== undefined) {
    const planned = (['preset', 'activations', 'custom', 'depths', 'width', 'hidden', 'seeds', 'seed', 'batch-size', 'learning-rate', 'init', 'dataset', 'limit-train', 'limit-test'] as const).filter((k) => values[k] !== undefined);
    if (planned.length) throw new CliError(cliText('sweep.resumePlanned', { list: planned.join(', --') }));
    if (values.resume !== '' && !isPathSegment(values.resume)) throw new CliError(cliText('sweep.resumeId', { dir: values.out ?? 'lab-output', value: values.resume }));
  }
  if (values.hidden !== undefined && (values.depths !== undefined || values.width !== undefined)) {
    throw new CliError(cliText('sweep.hiddenAndDepths'));
  }
  const custom = readCustomDefinitions(values.custom ?? []);
  if (!(custom instanceof Map)) throw new CliError(exprText(custom.problem));
  const activations: ActivationSpec[][] = splitTopLevel(values.activations ?? (preset?.activations ?? TUTORIAL_ACTIVATIONS).join(','), ',', '--activations')
    .map((row) => splitTopLevel(row, '+', '--activations').map((a) => parseLayerActivation(a, custom)));
  if (activations.length === 0) throw new CliError(cliText('train.activationsEmpty'));
  let architectures: number[][];
  if (values.hidden !== undefined) {
    architectures = [intList('hidden', values.hidden)];
  } else {
    const depths = values.depths !== undefined ? intList('depths', values.depths) : [...(preset?.depths ?? DEFAULTS.depths)];
    const tooDeep = depths.find((d) => d > SWEEP_LIMITS.maxDepth);
    if (tooDeep !== undefined) throw new CliError(cliText('sweep.depthMax', { max: SWEEP_LIMITS.maxDepth, value: tooDeep }));
    if (depths.length > SWEEP_LIMITS.maxDepths) throw new CliError(cliText('sweep.depthsCount', { max: SWEEP_LIMITS.maxDepths, count: depths.length }));
    const repeated = depths.find((d, i) => depths.indexOf(d) !== i);
    if (repeated !== undefined) throw new CliError(cliText('sweep.depthTwice', { depth: repeated }));
    const width = positiveInt('width', values.width) ?? preset?.width ?? DEFAULTS.width;
    if (width > SWEEP_LIMITS.maxWidth) throw new CliError(cliText('sweep.widthMax', { max: SWEEP_LIMITS.maxWidth, value: values.width! }));
    architectures = sweepArchitectures(depths, width);
  }
  for (const stack of activations) {
    if (stack.length > 1 && architectures.some((a) => a.length !== stack.length)) {
      throw new CliError(cliText('sweep.stackDepths', {
        stack: splitTopLevel(values.activations!, ',', '--activations')[activations.indexOf(stack)], count: stack.length, depths: everyLanguage((lang) => listText(architectures.map((a) => a.length), lang)),
      }));
    }
  }
  const seedCount = positiveInt('seeds', values.seeds) ?? preset?.seeds ?? DEFAULTS.seeds;
  if (seedCount > SWEEP_LIMITS.maxSeeds) throw new CliError(cliText('train.seedsMax', { max: SWEEP_LIMITS.maxSeeds, value: values.seeds! }));
  const firstSeed = positiveInt('seed', values.seed, 0) ?? DEFAULT_CONFIG.seed;
  const runs = activations.length * architectures.length * seedCount;
  if (runs > SWEEP_LIMITS.maxRuns) {
    throw new CliError(cliText('sweep.tooMany', { activations: activations.length, depths: architectures.length, seeds: seedCount, runs, max: SWEEP_LIMITS.maxRuns }));
  }
  const epochs = positiveInt('epochs', values.epochs);
  const settings: Partial<TrainConfig> = { dataset: values.dataset ?? 'mnist', epochs: epochs ?? preset?.epochs ?? DEFAULTS.epochs };
  Object.assign(settings, optimizerSettings(values));
  const limitTrain = positiveInt('limit-train', values['limit-train'], 2) ?? preset?.limitTrain;
  if (limitTrain !== undefined) settings.limitTrain = limitTrain;
  const limitTest = positiveInt('limit-test', values['limit-test']) ?? preset?.limitTest;
  if (limitTest !== undefined) settings.limitTest = limitTest;
  const kernels = kernelsOption(values.kernels);
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
  writableFolder(dir);
  if (args.resume === undefined) {
    const id = newExperimentId((name) => existsSync(path.join(dir, name)));
    return { ...args.plan, outDir: path.join(dir, id) };
  }
  const outDir = args.resume ? path.join(dir, args.resume) : unfinishedSweeps(dir)[0];
  if (!outDir) throw new CliError(cliText('sweep.nothingToResume', { dir }));
  if (!existsSync(outDir)) throw new CliError(cliText('sweep.noExperiment', { id: path.basename(outDir), dir }));
  if (!isSweepExperiment(outDir)) throw new CliError(cliText('sweep.notSweep', { dir: outDir, id: path.basename(outDir) }));
  const job = resumable(() => resumeSweepSpec(outDir));
  return { ...job, settings: { ...job.settings, ...(args.epochs !== undefined ? { epochs: args.epochs } : {}) } };
}

export const sweepCommand: CliCommand = {
  name: 'sweep',
  summary: 'train every activation x depth x seed and say which differences are real (mean ± 95% interval, Welch, Holm)',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '对每个激活函数 × 深度 × 种子训练一次，并指出哪些差异真实存在（均值 ± 95% 置信区间，Welch t 检验，Holm 校正）', usage: USAGE_ZH } },
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
