// `actlab train`: the tutorial's experiment headless. With no options: sigmoid, tanh, relu and
// leaky_relu MLPs (784-128-64-10, Adam, batch 32, 10 epochs) on MNIST, in parallel workers,
// written to lab-output/ (results.json, runs/<id>/, report.html).

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { CliError, EXIT, loadData, parseCliArgs, stopOnCtrlC, usageText, withUsage, type CliCommand, type CliIO } from '../command';
import { cliText, columnsTable, explained, exprErrorText, exprText, translator, verbatim, type Localised, type Translate } from '../l10n';
import { clip, type CustomDefinition } from '../../core/expr/index';
import { readActivationText, readCustomDefinitions } from '../../core/expr/activationText';
import { CLI_MESSAGES } from '../messages';
import type { UiLanguage } from '../../core/locale';
import { runStatusText } from '../../core/train/statusText';
import { exportAndVerifyRun, type OnnxRunCheck } from '../../core/onnx/trainCheck';
import { loadVegaLibraries } from '../../core/report/vendor';
import { ensureWritableFolder } from '../../core/runs/atomic';
import { isPathSegment } from '../../core/runs/pathSegment';
import { RUNS_DIR, type ResultsFile } from '../../core/runs/resultsFile';
import { activationSpecName, DEFAULT_CONFIG, INITIALIZERS, TUTORIAL_ACTIVATIONS, type ActivationSpec, type Initializer, type TrainConfig } from '../../core/train/config';
import { learnWherever } from '../../core/train/learn';
import { findActivation } from '../../core/activations/registry';
import { resolveLayerActivation } from '../../core/train/resolveActivation';
import { KERNEL_CHOICES, SWEEP_LIMITS, type KernelChoice, type RunEvent, type TrainingEvent } from '../../protocol/training';
import { interruptedExperiments, isSweepExperiment, newExperimentId, pointLatest, resumeJobSpec } from '../../training/experiments';
import { resumeSweepSpec, seedRange } from '../../training/jobs/sweepJob';
import { runSweep } from './sweepRun';
import { endText, whereLines } from './runText';
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

const USAGE_ZH = `运行教程的实验：每个激活函数训练一个 MLP，在多个工作线程中并行训练。

  --activations LIST   要训练的激活函数，用逗号分隔（默认：\`${TUTORIAL_ACTIVATIONS.join(',')}\`）。
                       一个名字用于所有隐藏层；\`a+b\` 表示逐层混用（\`relu+tanh\`）；
                       参数写在括号里：\`leaky_relu(alpha=0.3)\`
  --custom NAME=EXPR   用关于 x 的表达式定义一个激活函数（可重复），例如
                       \`--custom "swish2=x*sigmoid(2*x)" --activations swish2\`
  --learn NAMES        把这些激活函数参数与权重一起训练，每层一个值，从默认值或给定值
                       开始（用逗号分隔），例如 \`--activations silu --learn beta\`；激活函数
                       没有该参数的训练保持不变（PReLU 的斜率总是可学习的）
  --epochs N           每次训练的轮数（默认 ${DEFAULT_CONFIG.epochs}）
  --batch-size N       批大小（默认 ${DEFAULT_CONFIG.batchSize}）
  --hidden LIST        各隐藏层的宽度（默认 \`${DEFAULT_CONFIG.hidden.join(',')}\`）
  --seed N             初始化和打乱数据用的随机种子（默认 ${DEFAULT_CONFIG.seed}）
  --seeds N            每个激活函数训练 N 次，种子从 --seed 起依次为 N、N+1……，并报告每个
                       激活函数的均值 ± 95% 置信区间，以及哪些差异真实存在（Welch t 检验，
                       Holm 校正）：只有一个深度的扫描实验（见 \`actlab sweep\`）
  --learning-rate X    Adam 的学习率（默认 ${DEFAULT_CONFIG.learningRate}）
  --init NAME          ${INITIALIZERS.join('、')}（默认 ${DEFAULT_CONFIG.init}）
  --dataset NAME|DIR   mnist、fashion-mnist 或一个存有 IDX 文件的文件夹（默认 mnist）
  --workers N          并行的工作线程数（默认：CPU 核数，每次训练最多一个）
  --limit-train N      只用前 N 张训练图像（其中最后 20% 作为验证集）
  --limit-test N       只用前 N 张测试图像
  --kernels js|auto    矩阵运算内核：纯 TypeScript，或可用的最快内核（默认 ${DEFAULT_KERNEL_CHOICE}）
  --out DIR            保存实验的文件夹（默认 lab-output）：这个命令每运行一次就写入一个新的
                       \`DIR/<时间戳>/\`（results.json、report.html、\`runs/<id>/\`），并让
                       \`DIR/latest\` 指向它；之前的实验都不会被覆盖
  --resume [ID]        继续 DIR 中最新的、在训练中途被打断的实验（或实验 ID）：已完成的训练
                       保留，其余的从各自的检查点继续；加上 --epochs N 时，训练延长到 N 轮
  --no-report          不写 report.html
  --no-onnx            不把每次完成的训练导出为 ONNX（\`runs/<id>/model.onnx\`），也不在
                       onnxruntime 中与实验室的前向传播核对
  --json               把 results.json 打印到标准输出，代替摘要

退出状态：0 所有训练都已完成（且 ONNX 检查通过）；1 什么都没有训练（选项有误、数据无法加载、
文件夹无法写入）；3 有训练发散或失败，或 ONNX 检查未通过（results.json 中写明是哪个）；
130 用 Ctrl-C 停止（已完成的轮次保留）。`;

export function positiveInt(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(cliText('train.integer', { name, min, value }));
  }
  return Number(value);
}

/**
 * Splits on `sep` outside parentheses: "relu,leaky_relu(alpha=0.3,x=1)" -> two items. An empty
 * item ("relu+", "relu,,tanh") is an error naming the text: nothing is silently dropped.
 */
export function splitTopLevel(text: string, sep: string, what: string | Localised): string[] {
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
  if (items.some((s) => s === '')) {
    const values = { what, text: clip(text) };
    throw new CliError(sep === '+' ? cliText('train.emptyItemPlus', values) : cliText('train.emptyItemBetween', { ...values, sep }));
  }
  return items;
}

/**
 * One layer's activation as written: a built-in (an exact id with `name(alpha=0.3)` parameters,
 * or an alias), or a --custom name. The text is read by the expression language's one reader,
 * never guessed; an expression must be named with --custom to be trained (its name is the run's).
 */
export function parseLayerActivation(text: string, custom: ReadonlyMap<string, CustomDefinition>): ActivationSpec {
  const choice = readActivationText(text, { custom });
  if ('problem' in choice) throw new CliError(exprText(choice.problem));
  if ('id' in choice) return Object.keys(choice.params).length ? { id: choice.id, params: choice.params } : { id: choice.id };
  if (choice.name === undefined) throw new CliError(cliText('train.nameExpression', { text: clip(text) }));
  return { custom: { name: choice.name, expression: choice.expression, params: choice.params } };
}

/** The stacks with `names` learned wherever a layer's activation has the parameter (learn.ts); a name none has is an error. */
function learnIn(stacks: ActivationSpec[][], names: string[]): ActivationSpec[][] {
  const { stacks: learned, lacking } = learnWherever(stacks, names);
  if (lacking.length) throw new CliError(cliText(lacking.length > 1 ? 'train.learnNoneMany' : 'train.learnNone', { list: lacking.join(', ') }));
  return learned;
}

/** --batch-size, --learning-rate and --init as train and sweep both read them; each bad value is a CliError naming the option. */
export function optimizerSettings(values: { 'batch-size'?: string; 'learning-rate'?: string; init?: string }): Partial<TrainConfig> {
  const settings: Partial<TrainConfig> = {};
  const batch = positiveInt('batch-size', values['batch-size']);
  if (batch !== undefined) settings.batchSize = batch;
  if (values['learning-rate'] !== undefined) {
    const lr = Number(values['learning-rate']);
    if (!(lr > 0 && Number.isFinite(lr))) throw new CliError(cliText('train.learningRate', { value: values['learning-rate'] }));
    settings.learningRate = lr;
  }
  if (values.init !== undefined) {
    if (!INITIALIZERS.includes(values.init as Initializer)) throw new CliError(cliText('flow.init', { list: INITIALIZERS.join(', '), value: values.init }));
    settings.init = values.init as Initializer;
  }
  return settings;
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
  }, usageText(trainCommand));
  if (positionals.length) throw new CliError(withUsage(cliText('train.unexpected', { arg: positionals[0] }), usageText(trainCommand)));
  if (values.resume !== undefined) {
    const planned = (['activations', 'custom', 'learn', 'hidden', 'batch-size', 'seed', 'seeds', 'learning-rate', 'init', 'dataset', 'limit-train', 'limit-test'] as const).filter((k) => values[k] !== undefined);
    if (planned.length) throw new CliError(cliText('train.resumePlanned', { list: planned.join(', --') }));
    if (values.resume !== '' && !isPathSegment(values.resume)) throw new CliError(cliText('train.resumeId', { dir: values.out ?? 'lab-output', value: values.resume }));
  }
  const custom = readCustomDefinitions(values.custom ?? []);
  if (!(custom instanceof Map)) throw new CliError(exprText(custom.problem));
  const hidden = values.hidden === undefined ? [...DEFAULT_CONFIG.hidden]
    : splitTopLevel(values.hidden, ',', '--hidden').map((h) => positiveInt('hidden', h)!);
  if (hidden.length === 0) throw new CliError(cliText('train.hiddenEmpty'));
  const stacks = splitTopLevel(values.activations ?? TUTORIAL_ACTIVATIONS.join(','), ',', '--activations')
    .map((run) => splitTopLevel(run, '+', '--activations').map((a) => parseLayerActivation(a, custom)));
  if (stacks.length === 0) throw new CliError(cliText('train.activationsEmpty'));
  const wrong = stacks.find((stack) => stack.length > 1 && stack.length !== hidden.length);
  if (wrong) throw new CliError(cliText('train.layerCount', { stack: wrong.map(activationSpecName).join('+'), count: wrong.length, layers: hidden.length }));
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
  Object.assign(settings, optimizerSettings(values));
  const seed = positiveInt('seed', values.seed, 0);
  if (seed !== undefined) settings.seed = seed;
  const limitTrain = positiveInt('limit-train', values['limit-train'], 2);
  if (limitTrain !== undefined) settings.limitTrain = limitTrain;
  const limitTest = positiveInt('limit-test', values['limit-test']);
  if (limitTest !== undefined) settings.limitTest = limitTest;
  const seeds = positiveInt('seeds', values.seeds);
  if (seeds !== undefined && seeds > SWEEP_LIMITS.maxSeeds) throw new CliError(cliText('train.seedsMax', { max: SWEEP_LIMITS.maxSeeds, value: values.seeds! }));
  const kernels = kernelsOption(values.kernels);
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

/** --kernels: js or auto (the default when absent). */
export function kernelsOption(value: string | undefined): KernelChoice {
  const kernels = (value ?? DEFAULT_KERNEL_CHOICE) as KernelChoice;
  if (!KERNEL_CHOICES.includes(kernels)) throw new CliError(cliText('train.kernels', { list: cliText('train.or', { a: KERNEL_CHOICES[0], b: KERNEL_CHOICES[1] }), value: kernels }));
  return kernels;
}

/** Checks every activation resolves before any worker starts: a typo fails fast, with the registry's message. */
export function checkActivations(runs: TrainJobSpec['runs']): void {
  for (const run of runs) {
    for (const spec of run.activations) {
      const record = 'id' in spec ? findActivation(spec.id) : undefined;
      if (record && record.kind !== 'elementwise') throw new CliError(cliText('train.runProblem', { run: run.runId, problem: cliText('train.notElementwise', { id: record.id }) }));
      try {
        resolveLayerActivation(spec);
      } catch (e) {
        throw new CliError(cliText('train.runProblem', { run: run.runId, problem: exprErrorText(e) }));
      }
    }
  }
}

/** Progress bars on stderr when it is a terminal; one line per epoch otherwise, in the reader's language. */
class ProgressView {
  private readonly multibar?: MultiBar;
  private readonly bars = new Map<string, SingleBar>();
  private readonly lang: UiLanguage;
  private readonly tr: Translate;

  constructor(private readonly io: CliIO, runs: TrainJobSpec['runs'], private readonly epochs: number) {
    this.lang = io.lang ?? 'en';
    this.tr = translator(this.lang);
    if (process.stderr.isTTY) {
      this.multibar = new MultiBar({
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        fps: 8,
        // the bar's own placeholders ({bar}, {percentage}, ...) are filled by cli-progress
        format: CLI_MESSAGES['train.bar'][this.lang],
        barsize: 24,
      }, Presets.shades_classic);
      const width = Math.max(...runs.map((r) => r.runId.length));
      for (const r of runs) {
        this.bars.set(r.runId, this.multibar.create(epochs, 0, { run: r.runId.padEnd(width), epoch: 0, epochs, loss: '–', acc: '–', val: '–', status: runStatusText('queued', this.lang) }));
      }
    }
  }

  handle(e: TrainingEvent): void {
    if (e.type === 'job/started' || e.type === 'job/ended') return;
    this.runEvent(e);
  }

  private line(run: string, text: string): string {
    return this.tr('train.line', { run, text });
  }

  private runEvent(e: RunEvent): void {
    const bar = this.bars.get(e.runId);
    const tr = this.tr;
    switch (e.type) {
      case 'run/started':
        bar?.update({ status: tr('train.training', { kernels: e.kernels }) });
        if (!bar) {
          this.io.err(this.line(e.runId, e.resumedFromEpoch
            ? tr('train.startedResuming', { kernels: e.kernels, epoch: e.resumedFromEpoch })
            : tr('train.started', { kernels: e.kernels })));
        }
        for (const n of e.notes ?? []) this.note(this.line(e.runId, n));
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
          this.io.err(this.line(e.runId, tr('train.epochLine', {
            epoch: m.epoch, epochs: this.epochs, loss: m.loss.toFixed(4), accuracy: m.accuracy.toFixed(4),
            valLoss: m.val_loss?.toFixed(4) ?? '–', valAccuracy: val, seconds: m.seconds.toFixed(1),
          })));
        }
        break;
      }
      case 'run/end': {
        const r = e.outcome;
        const what = r.status === 'completed' ? tr('train.testAccuracy', { value: String(r.test?.accuracy.toFixed(4)) })
          : endText({ status: r.status, ...(r.error ? { error: r.error } : {}), ...(r.divergence ? { divergence: r.divergence } : {}) }, this.lang);
        bar?.update({ status: what });
        if (!bar) this.io.err(this.line(e.runId, what));
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
function onnxCell(check: OnnxRunCheck | undefined, tr: Translate): string {
  if (!check) return '–';
  return check.passed ? tr('train.onnxOk', { diff: String(check.maxAbsDiff?.toExponential(1)) }) : tr('train.onnxBad');
}

/** What `actlab train` prints when it is done: the table of runs, what failed, where the experiment went. */
export function trainSummary(results: ResultsFile, outDir: string, report: boolean, lang: UiLanguage): string {
  const tr = translator(lang);
  const head = [tr('train.col.run'), tr('train.col.status'), tr('train.col.testAccuracy'), tr('train.col.testLoss'), tr('train.col.secondsPerEpoch'), tr('train.col.onnx')];
  const rows = results.runs.map((r) => [r.id, runStatusText(r.status, lang), r.test ? r.test.accuracy.toFixed(4) : '–', r.test ? r.test.loss.toFixed(4) : '–',
    r.secondsPerEpoch === null ? '–' : r.secondsPerEpoch.toFixed(2), onnxCell(r.onnx, tr)]);
  const line = (run: string, text: string) => tr('train.line', { run, text });
  return [
    columnsTable([head, ...rows], { right: [2, 3, 4], min: [0, 10] }),
    ...results.runs.filter((r) => r.onnx && !r.onnx.passed).map((r) => line(r.id, tr('train.onnxFailed', { error: r.onnx!.error ?? cliText('train.unknownReason') }))),
    ...results.runs.filter((r) => r.status === 'diverged' || r.status === 'failed').map((r) => line(r.id, endText(r, lang))),
    '',
    ...whereLines(outDir, report, tr),
  ].join('\n');
}

/** Every completed run exported to ONNX and checked, unless --no-onnx. */
function onnxCheck(args: TrainArgs): Pick<TrainJobSpec, 'onnx'> {
  return args.onnx ? { onnx: { check: exportAndVerifyRun } } : {};
}

/** The folder that keeps the experiments, made if needed; a CliError saying why it cannot hold files. */
export function writableFolder(dir: string): void {
  try {
    ensureWritableFolder(dir);
  } catch (e) {
    throw new CliError(explained(cliText('train.folderProblem'), (e as Error).message));
  }
}

/** An experiment's plan read back from its folder; a CliError saying why it cannot be. */
export function resumable<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new CliError(explained(cliText('train.resumeProblem'), (e as Error).message));
  }
}

/**
 * The experiment to run: a new folder under --out, or the one --resume names (the newest cut off
 * mid-training when it names none). The folder must be able to hold files before anything starts.
 */
function experiment(args: TrainArgs): Omit<TrainJobSpec, 'libraries' | 'dataset' | 'onOnnxCheck'> {
  const dir = args.experimentsDir;
  writableFolder(dir);
  if (args.resume === undefined) {
    const id = newExperimentId((name) => existsSync(path.join(dir, name)));
    return { ...args.plan, outDir: path.join(dir, id), ...onnxCheck(args) };
  }
  const outDir = args.resume ? path.join(dir, args.resume) : interruptedExperiments(dir)[0];
  if (!outDir) throw new CliError(cliText('train.nothingToResume', { dir }));
  if (!existsSync(path.join(outDir, RUNS_DIR))) throw new CliError(cliText('train.noRuns', { dir: outDir }));
  const resumed = resumable(() => resumeJobSpec(outDir));
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
    const job = resumable(() => resumeSweepSpec(outDir));
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
  translations: { 'zh-cn': { summary: '在多个工作线程中并行运行教程的 MNIST 实验（sigmoid、tanh、relu、leaky_relu）', usage: USAGE_ZH } },
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
    const lang = io.lang ?? 'en';
    const tr = translator(lang);
    const view = new ProgressView(io, job.runs, job.settings.epochs ?? DEFAULT_CONFIG.epochs);
    const stop = stopOnCtrlC(io);
    let results: ResultsFile | undefined;
    try {
      const end = await runJob(trainJob, {
        ...job, dataset, libraries: args.report ? loadVegaLibraries() : null, lang,
        onOnnxCheck: (id, c) => view.note(tr('train.line', {
          run: id,
          text: c.passed
            ? cliText('train.onnxChecked', { file: c.file, opset: c.opset, count: c.count, diff: String(c.maxAbsDiff?.toExponential(2)), agreement: String(c.argmaxAgreement), ms: String(c.ms?.toFixed(0)) })
            : cliText('train.onnxFailed', { error: String(c.error) }),
        })),
      }, pool, { emit: (e) => view.handle(e), signal: stop.signal });
      results = end.result;
      if (!results) throw new CliError(cliText('train.failed', { detail: end.error ? verbatim(end.error) : cliText('train.noResults') }));
      pointLatest(args.experimentsDir, path.basename(job.outDir));
    } finally {
      stop.dispose();
      view.stop();
      await pool.dispose();
    }
    io.out(args.json ? JSON.stringify(results, null, 1) : trainSummary(results, job.outDir, args.report, lang));
    if (stop.signal.aborted) return EXIT.interrupted;
    return results.runs.some((r) => r.status !== 'completed' || (r.onnx && !r.onnx.passed)) ? EXIT.runsFailed : EXIT.ok;
  },
};
