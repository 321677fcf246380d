import type { UiLanguage } from '../core/locale';
import { CliError, type CliIO, summaryText, usageText } from './command';
import { cliCommands } from './commands/index';
import { languageFromEnv, padColumns, parseLanguage, takeLangOption, translator } from './l10n';

/** Where main writes and what it reads the locale from (the process's own by default). */
export interface MainOptions {
  env?: Readonly<Record<string, string | undefined>>;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

const line = (write: (s: string) => void) => (text: string) => write(text.endsWith('\n') ? text : `${text}\n`);

function help(lang: UiLanguage): string {
  const tr = translator(lang);
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return [
    tr('main.title'),
    '',
    tr('main.usage'),
    '',
    ...cliCommands.map((c) => `  ${padColumns(c.name, width)}  ${summaryText(c)[lang]}`),
    '',
    tr('main.more'),
    tr('main.lang'),
  ].join('\n');
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const write = {
    out: line(options.out ?? ((s) => process.stdout.write(s))),
    err: line(options.err ?? ((s) => process.stderr.write(s))),
  };
  // --lang wins over the locale; a bad --lang is reported in the locale's language
  const envLang = languageFromEnv(options.env ?? process.env);
  const taken = takeLangOption(argv);
  let lang = envLang;
  if (taken.value !== undefined) {
    const chosen = parseLanguage(taken.value);
    if (!chosen) {
      const tr = translator(envLang);
      write.err(`actlab: ${taken.value === '' ? tr('main.langNeedsValue') : tr('main.badLang', { value: taken.value })}`);
      return 1;
    }
    lang = chosen;
  }
  const io: CliIO = { ...write, lang };
  const tr = translator(lang);
  const [name, ...rest] = taken.argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help(lang));
    return name ? 0 : 1;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    io.err(`${tr('main.unknownCommand', { name })}\n\n${help(lang)}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(tr('main.usageOf', { usage: usageText(command) }));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`actlab ${name}: ${e.text[lang]}`);
      return e.exitCode;
    }
    throw e;
  }
}

if (require.main === module) {
  // `actlab list | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      const lang = parseLanguage(takeLangOption(process.argv.slice(2)).value ?? '') ?? languageFromEnv(process.env);
      process.stderr.write(`${translator(lang)('main.internalError', { detail: e instanceof Error ? e.stack ?? e.message : String(e) })}\n`);
      process.exitCode = 70;
    },
  );
}
