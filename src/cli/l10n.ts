// The language `actlab` speaks: --lang en|zh-cn, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG,
// in that order; `zh_CN.UTF-8`), decided by the lab's one rule (uiLanguage). Text is rendered in
// every language at once (a Localised), so an error thrown deep in a command is shown in the
// user's language where it is caught, and `Error.message` stays English.
import { renderExprError, renderExprMessage, type ExprMessage } from '../core/expr/index';
import type { Placeholders } from '../core/expr/messages';
import { UI_LANGUAGES, uiLanguage, type UiLanguage } from '../core/locale';
import { renderOnnxCheckError, type OnnxCheckError } from '../core/onnx/errors';
import { CLI_MESSAGES, type CliMessageId } from './messages';

/** One text in every UI language. */
export type Localised = Readonly<Record<UiLanguage, string>>;

/** A value a CLI message names: text and numbers as they are, or text already in every language. */
export type CliArg = string | number | Localised;

type ArgsOf<K extends CliMessageId> = { readonly [P in Placeholders<(typeof CLI_MESSAGES)[K]['en']>]: CliArg };

/** The same text in every language (a path, a number, another module's English sentence). */
export const verbatim = (text: string): Localised => ({ en: text, 'zh-cn': text });

/** A text built per language. */
export function everyLanguage(render: (lang: UiLanguage) => string): Localised {
  return Object.fromEntries(UI_LANGUAGES.map((l) => [l, render(l)])) as Record<UiLanguage, string>;
}

/** A message of CLI_MESSAGES in every language; the values are checked against its English text. */
export function cliText<K extends CliMessageId>(id: K, ...args: keyof ArgsOf<K> extends never ? [] : [ArgsOf<K>]): Localised {
  const values = (args[0] ?? {}) as Readonly<Record<string, CliArg>>;
  return everyLanguage((lang) => CLI_MESSAGES[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const v = values[name];
    return typeof v === 'object' ? v[lang] : String(v);
  }));
}

/** A function that renders CLI messages in one language: `tr('props.formula')`. */
export type Translate = <K extends CliMessageId>(id: K, ...args: keyof ArgsOf<K> extends never ? [] : [ArgsOf<K>]) => string;

/** `tr` for a language (English when none is given, as for a CliIO made without one). */
export function translator(lang: UiLanguage = 'en'): Translate {
  return ((id: CliMessageId, ...args: [Record<string, CliArg>?]) => (cliText as (i: CliMessageId, ...a: unknown[]) => Localised)(id, ...args)[lang]);
}

/** An expression-language message or error in every language. */
export const exprText = (message: ExprMessage): Localised => everyLanguage((lang) => renderExprMessage(message, lang));
export const exprErrorText = (error: unknown): Localised => everyLanguage((lang) => renderExprError(error, lang));

/** The language of the POSIX locale: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty. */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): UiLanguage {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return tag === undefined ? 'en' : uiLanguage(tag);
}

/** --lang's value as a UI language (en, zh-cn, any case), or undefined when it names none. */
export function parseLanguage(value: string): UiLanguage | undefined {
  return UI_LANGUAGES.find((l) => l === value.trim().toLowerCase());
}

/**
 * Takes the global `--lang VALUE` / `--lang=VALUE` out of the arguments (before a `--`, after which
 * everything is a positional). Returns the other arguments and the value given, if any; `--lang`
 * last, with no value, gives an empty value.
 */
export function takeLangOption(argv: readonly string[]): { argv: string[]; value?: string } {
  const out: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') value = i + 1 < argv.length ? argv[++i] : '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else out.push(a);
  }
  return value === undefined ? { argv: out } : { argv: out, value };
}

/** Columns a character takes in a terminal: two for CJK ideographs and full-width forms. */
function columns(c: string): number {
  const code = c.codePointAt(0)!;
  const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
  return wide ? 2 : 1;
}

/** Terminal columns `text` takes. */
export function columnWidth(text: string): number {
  return Array.from(text).reduce((n, c) => n + columns(c), 0);
}

/** `text` padded with spaces to `width` terminal columns (a Chinese label lines up with the English ones). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columnWidth(text)));
}

/** An ONNX check's error: English as it is; in Chinese, what went wrong first, then the details (in Chinese where they carry a message). */
export function onnxErrorText(e: Pick<OnnxCheckError, 'problem' | 'message' | 'text'>): Localised {
  const details = cliText('onnx.details', { summary: cliText(`onnx.${e.problem}`), details: everyLanguage((lang) => renderOnnxCheckError(e, lang)) });
  return { ...details, en: e.message };
}

/**
 * Another module's English error with what it means first, for a Chinese reader: English as it
 * is; in Chinese, `summary` (a CLI message) and then the details.
 */
export function explained(summary: Localised, details: string): Localised {
  return { ...cliText('onnx.details', { summary, details }), en: details };
}

/** A table of text in terminal columns: a header row, then the rows; `right` columns are right-aligned, `min` gives a column's least width. */
export function columnsTable(rows: readonly (readonly string[])[], options: { right?: readonly number[]; min?: readonly number[] } = {}): string {
  const widths = rows[0].map((_, i) => Math.max(options.min?.[i] ?? 0, ...rows.map((r) => columnWidth(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => {
    const pad = ' '.repeat(Math.max(0, widths[i] - columnWidth(cell)));
    return options.right?.includes(i) ? pad + cell : cell + pad;
  }).join('  ').trimEnd()).join('\n');
}
