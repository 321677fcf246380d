import { parseArgs, type ParseArgsConfig } from 'node:util';

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

/** An error whose message is meant for the user as it is (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
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
