import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadDataset, type Dataset } from '../core/data/datasets';
import { IdxError } from '../core/data/idx';
import type { UiLanguage } from '../core/locale';
import { cliText, explained, type Localised, translator, verbatim } from './l10n';

/** One `actlab` subcommand. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  /** The one-line summary and the usage text, in English. */
  summary: string;
  usage: string;
  /**
   * The summary and usage in other languages (English where absent). A translated usage is the
   * text after the usage's first line: the synopsis (`actlab list [--json]`) is shared.
   */
  translations?: Partial<Record<UiLanguage, { summary: string; usage: string }>>;
  /** The exit code; a command that waits for nothing returns it at once (and throws rather than rejects). */
  run(argv: string[], io: CliIO): number | Promise<number>;
}

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface CliIO {
  // Function properties, not methods: commands pass them on detached (`printReport(report, io.out)`).
  out: (text: string) => void;
  err: (text: string) => void;
  /** The language of what a person reads (results, progress, usage); English when absent. */
  readonly lang?: UiLanguage;
}

/** A command's summary in a language. */
export function summaryText(command: CliCommand): Localised {
  return { en: command.summary, 'zh-cn': command.translations?.['zh-cn']?.summary ?? command.summary };
}

/** A command's usage in every language: its synopsis line, then the translated text. */
export function usageText(command: CliCommand): Localised {
  const synopsis = command.usage.split('\n')[0];
  const zh = command.translations?.['zh-cn']?.usage;
  return { en: command.usage, 'zh-cn': zh === undefined ? command.usage : `${synopsis}\n\n${zh}` };
}

/** An error message followed by the command's usage. */
export function withUsage(message: Localised, usage: string | Localised): Localised {
  return cliText('args.withUsage', { message, usage: typeof usage === 'string' ? verbatim(usage) : usage });
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

/**
 * An error whose message is meant for the user as it is (no stack trace). Given as text in every
 * language (cliText), it is shown in the user's; `message` is the English text.
 */
export class CliError extends Error {
  readonly text: Localised;

  constructor(message: string | Localised, readonly exitCode: number = EXIT.error) {
    const text = typeof message === 'string' ? verbatim(message) : message;
    super(text.en);
    this.text = text;
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs's error in every language: Node's own English, and a Chinese sentence naming the option. */
function parseArgsProblem(e: Error & { code?: string }): Localised {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (option === undefined) return verbatim(e.message);
  const zh = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? cliText('args.unknownOption', { option })
    : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(e.message) ? cliText('args.missingValue', { option })
      : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(e.message) ? cliText('args.noValue', { option })
        : verbatim(e.message);
  return { en: e.message, 'zh-cn': zh['zh-cn'] };
}

/**
 * util.parseArgs with positionals allowed, its errors turned into a CliError (with the usage when
 * given), so every command reports a bad option the same way.
 */
export function parseCliArgs<const O extends OptionsConfig>(args: string[], options: O, usage?: string | Localised) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const problem = parseArgsProblem(e as Error);
    throw new CliError(usage ? withUsage(problem, usage) : problem);
  }
}

/** The dataset, or a CliError saying why it does not load. */
export function loadData(spec: string): Dataset {
  try {
    return loadDataset(spec);
  } catch (e) {
    if (e instanceof IdxError) throw new CliError(explained(cliText('train.dataProblem'), e.message));
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
    io.err(`\n${translator(io.lang)('train.stopping')}`);
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: stop.signal, dispose: () => process.off('SIGINT', onSigint) };
}
