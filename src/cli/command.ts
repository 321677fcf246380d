import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadDataset, type Dataset } from '../core/data/datasets';
import { IdxError } from '../core/data/idx';

/** One `actlab` subcommand. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** The exit statuses every command uses (`actlab train` documents its own in its usage). */
export const EXIT = {
  ok: 0,
  /** Bad input or an error: nothing was done. */
  error: 1,
  /** The work ran, but a run diverged or failed, or a check failed. */
  runsFailed: 3,
  /** Stopped with Ctrl-C. */
  interrupted: 130,
} as const;

/** An error whose message is meant for the user as it is (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.error) {
    super(message);
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * util.parseArgs with positionals allowed, its errors turned into a CliError (with the usage when
 * given), so every command reports a bad option the same way.
 */
export function parseCliArgs<const O extends OptionsConfig>(args: string[], options: O, usage?: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(usage ? `${(e as Error).message}\nusage: ${usage}` : (e as Error).message);
  }
}

/** The dataset, or a CliError saying why it does not load. */
export function loadData(spec: string): Dataset {
  try {
    return loadDataset(spec);
  } catch (e) {
    if (e instanceof IdxError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * Ctrl-C stops the work (finished epochs are kept), a second Ctrl-C quits at once. Returns the
 * signal the work watches and the function that stops listening.
 */
export function stopOnCtrlC(io: CliIO): { signal: AbortSignal; dispose(): void } {
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(EXIT.interrupted);
    io.err('\nstopping: finished epochs are kept (Ctrl-C again to quit now)');
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: stop.signal, dispose: () => process.off('SIGINT', onSigint) };
}
