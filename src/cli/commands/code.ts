// `actlab code <activation|expression|run-dir> --framework pytorch|keras|jax [--param name=value ...]`:
// an activation as a Python function, or a run as a training script, on stdout.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { activationSource, CODE_FRAMEWORKS, isCodeFramework, parseCodeFramework, runScript } from '../../core/codegen/index';
import { loadRunRecord, RUN_FILE } from '../../core/runs/runStore';
import { RUNS_DIR } from '../../core/runs/resultsFile';
import { CliError, type CliCommand, parseCliArgs } from '../command';
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

/** What the argument names: a run folder (by path) or else an activation. */
function runFolderOf(arg: string): string | undefined {
  if (!existsSync(arg)) return undefined;
  const stat = statSync(arg);
  if (stat.isFile()) {
    if (path.basename(arg) === RUN_FILE) return path.dirname(arg);
    throw new CliError(`${arg} is a file; give a run folder (one that holds ${RUN_FILE})`);
  }
  if (!existsSync(path.join(arg, RUN_FILE)) && existsSync(path.join(arg, RUNS_DIR))) {
    const runs = readdirSync(path.join(arg, RUNS_DIR)).filter((n) => existsSync(path.join(arg, RUNS_DIR, n, RUN_FILE)));
    throw new CliError(`${arg} is an experiment folder; name one of its runs${runs.length ? `: ${runs.map((n) => path.join(arg, RUNS_DIR, n)).join(', ')}` : ' (it has none)'}`);
  }
  return arg;
}

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'write an activation or a run as PyTorch, Keras or JAX code',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--framework', '--param'], []),
      {
        framework: { type: 'string' },
        param: { type: 'string', multiple: true },
      },
      USAGE,
    );
    if (positionals.length !== 1) {
      throw new CliError(`expected one activation, expression or run folder, got ${positionals.length ? positionals.join(' ') : 'none'} (quote an expression with spaces)`);
    }
    if (values.framework === undefined) throw new CliError(`give the framework: --framework ${CODE_FRAMEWORKS.join('|')}`);
    const fw = parseCodeFramework(values.framework);
    if (!isCodeFramework(fw)) throw new CliError(`--framework: ${fw}`);
    const arg = positionals[0]!;
    const given = parseParamOptions(values.param);

    const runDir = runFolderOf(arg);
    if (runDir !== undefined) {
      if (Object.keys(given).length) throw new CliError('--param applies to an activation; a run folder brings its own parameters');
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
        throw new CliError(`no run folder ${arg} (and it is not an activation or an expression over x)`);
      }
      throw e;
    }
    io.out(activationSource(activation.record, activation.params, fw));
    return 0;
  },
};
