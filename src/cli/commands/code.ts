// `actlab code <activation|expression|run-dir> --framework pytorch|keras|jax [--param name=value ...]`:
// an activation as a Python function, or a run as a training script, on stdout.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { activationSource, CODE_FRAMEWORKS, isCodeFramework, parseCodeFramework, runScript } from '../../core/codegen/index';
import { loadRunRecord, RUN_FILE } from '../../core/runs/runStore';
import { RUNS_DIR } from '../../core/runs/resultsFile';
import { CliError, type CliCommand, parseCliArgs, usageText } from '../command';
import { cliText, verbatim } from '../l10n';
import { normalizeArgv, parseParamOptions, resolveActivationArg } from './activationArgs';

const USAGE = `actlab code <id|expression|run-dir> --framework ${CODE_FRAMEWORKS.join('|')} [--param name=value ...]

Prints Python for a framework, with the framework's own defaults written out where they differ
from the lab's (Keras's LeakyReLU 0.3 against 0.01, PyTorch's Adam epsilon 1e-8 against 1e-7):
  - for a built-in activation (see actlab list) or an expression over x: a function f(x) with
    the parameters as keyword arguments (the framework's own op where it has one, else the
    expression translated operator by operator);
  - for a run folder (e.g. lab-output/runs/relu): a script that trains the same network with
    the same settings and prints test_accuracy=<value>; run it with
    python3 script.py --data DIR [--epochs N] [--limit-train N] [--limit-test N] [--seed N]
  --framework NAME      ${CODE_FRAMEWORKS.join(', ')} (Keras code uses TensorFlow's ops)
  --param NAME=VALUE    an activation's parameter (repeatable), e.g. --param alpha=0.3`;

const USAGE_ZH = `为某个框架打印 Python 代码，框架自己的默认值与实验室不同时会写明（Keras 的 LeakyReLU
为 0.3，实验室为 0.01；PyTorch 的 Adam epsilon 为 1e-8，实验室为 1e-7）：
  - 对内置激活函数（见 actlab list）或关于 x 的表达式：一个函数 f(x)，参数作为关键字
    参数（框架有对应的算子时用它，否则把表达式逐个运算符翻译过去）；
  - 对一次训练的文件夹（例如 lab-output/runs/relu）：一个用相同设置训练相同网络、并打印
    \`test_accuracy=<value>\` 的脚本；这样运行它：
    \`python3 script.py --data DIR [--epochs N] [--limit-train N] [--limit-test N] [--seed N]\`
  --framework NAME      ${CODE_FRAMEWORKS.join('、')}（Keras 代码使用 TensorFlow 的算子）
  --param NAME=VALUE    激活函数的一个参数（可重复），例如 --param alpha=0.3`;

/** What the argument names: a run folder (by path) or else an activation. */
function runFolderOf(arg: string): string | undefined {
  if (!existsSync(arg)) return undefined;
  const stat = statSync(arg);
  if (stat.isFile()) {
    if (path.basename(arg) === RUN_FILE) return path.dirname(arg);
    throw new CliError(cliText('code.isFile', { arg, file: RUN_FILE }));
  }
  if (!existsSync(path.join(arg, RUN_FILE)) && existsSync(path.join(arg, RUNS_DIR))) {
    const runs = readdirSync(path.join(arg, RUNS_DIR)).filter((n) => existsSync(path.join(arg, RUNS_DIR, n, RUN_FILE)));
    throw new CliError(runs.length
      ? cliText('code.experiment', { arg, list: runs.map((n) => path.join(arg, RUNS_DIR, n)).join(', ') })
      : cliText('code.experimentEmpty', { arg }));
  }
  return arg;
}

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'write an activation or a run as PyTorch, Keras or JAX code',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '把激活函数或一次训练写成 PyTorch、Keras 或 JAX 代码', usage: USAGE_ZH } },
  run(argv, io) {
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--framework', '--param'], []),
      {
        framework: { type: 'string' },
        param: { type: 'string', multiple: true },
      },
      usageText(codeCommand),
    );
    if (positionals.length !== 1) {
      throw new CliError(positionals.length ? cliText('code.oneArg', { args: positionals.join(' ') }) : cliText('code.noArg'));
    }
    if (values.framework === undefined) throw new CliError(cliText('code.framework', { list: CODE_FRAMEWORKS.join('|') }));
    const fw = parseCodeFramework(values.framework);
    if (!isCodeFramework(fw)) throw new CliError(cliText('code.badFramework', { problem: verbatim(fw) }));
    const arg = positionals[0];
    const given = parseParamOptions(values.param);

    const runDir = runFolderOf(arg);
    if (runDir !== undefined) {
      if (Object.keys(given).length) throw new CliError(cliText('code.paramWithRun'));
      let record;
      try {
        record = loadRunRecord(runDir);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      try {
        io.out(runScript(record, fw));
      } catch (e) {
        throw new CliError(`${path.join(runDir, RUN_FILE)}: ${(e as Error).message}`);
      }
      return 0;
    }
    let activation;
    try {
      activation = resolveActivationArg(arg, given);
    } catch (e) {
      // A path-like argument that is neither a folder nor an expression: say the folder is missing.
      if (e instanceof CliError && /[\\/]/.test(arg) && /^[\w.\\/: -]+$/.test(arg) && !/\bx\b/.test(arg)) {
        throw new CliError(cliText('code.noFolder', { arg }));
      }
      throw e;
    }
    io.out(activationSource(activation.record, activation.params, fw));
    return 0;
  },
};
