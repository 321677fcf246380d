// The errors of the expression language: the problem as a message (an id and its values), the
// 1-based column (in characters) where it is, and an optional hint. `message` is the English
// text ("unknown function 'expp' at column 5 (known: ...)"); renderExprError gives it in the
// user's language. Messages quote user text only in clipped form, so a 20 KB expression never
// fills a terminal.
import { ParamError, renderParamMessage } from '../activations/paramMessages';
import { UI_LANGUAGES, type UiLanguage } from '../locale';
import { type ExprMessage, exprMessage, renderExprMessage } from './messages';

/** The problem, its column and its hint as one message. */
function located(problem: ExprMessage, column: number | undefined, hint: ExprMessage | undefined): ExprMessage {
  if (column === undefined) return hint ? exprMessage('problemWithHint', { problem, hint }) : problem;
  return hint ? exprMessage('problemAtWithHint', { problem, column, hint }) : exprMessage('problemAt', { problem, column });
}

export class ExprError extends Error {
  /** The problem in English, without its column and hint. */
  readonly problem: string;
  /** The hint in English. */
  readonly hint?: string;
  /** The problem's message id and the values it names. */
  readonly id: ExprMessage['id'];
  readonly args: ExprMessage['args'];
  /** The whole error (problem, column, hint) as one message, to render in a language. */
  readonly text: ExprMessage;

  constructor(problem: ExprMessage, readonly column?: number, hint?: ExprMessage) {
    const text = located(problem, column, hint);
    super(renderExprMessage(text, 'en'));
    this.name = 'ExprError';
    this.problem = renderExprMessage(problem, 'en');
    if (hint) this.hint = renderExprMessage(hint, 'en');
    this.id = problem.id;
    this.args = problem.args;
    this.text = text;
  }
}

/** A custom activation's definition is wrong outside its expression: its name or its parameters. */
export class CustomActivationError extends Error {
  constructor(readonly text: ExprMessage) {
    super(renderExprMessage(text, 'en'));
    this.name = 'CustomActivationError';
  }
}

/**
 * An error in a language: the expression language's own errors and an activation's parameter
 * errors rendered from their messages, anything else by its (English) message.
 */
export function renderExprError(error: unknown, lang: UiLanguage): string {
  if (error instanceof ExprError || error instanceof CustomActivationError) return renderExprMessage(error.text, lang);
  if (error instanceof ParamError) return renderParamMessage(error.text, lang);
  return error instanceof Error ? error.message : String(error);
}

/** An error as a message: the expression language's own, a parameter error in every language, or another's English text as it is. */
export function errorMessage(error: unknown): ExprMessage {
  if (error instanceof ExprError || error instanceof CustomActivationError) return error.text;
  if (error instanceof ParamError) {
    const text = Object.fromEntries(UI_LANGUAGES.map((lang) => [lang, renderParamMessage(error.text, lang)])) as Record<UiLanguage, string>;
    return exprMessage('verbatim', { text });
  }
  return exprMessage('verbatim', { text: error instanceof Error ? error.message : String(error) });
}

/** The longest piece of user text a message quotes whole. */
export const QUOTE_MAX = 60;

/** `text` cut to at most `max` characters (code points), with an ellipsis where it was cut. */
export function clip(text: string, max = QUOTE_MAX): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The part of `text` a message shows: all of it when short, else a window around the 1-based
 * `column` (or the start) with ellipses at the cuts. The message keeps saying the column of the
 * whole text, so the window is only there to be recognised.
 */
export function excerpt(text: string, column?: number, max = QUOTE_MAX): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const at = column === undefined ? 0 : Math.min(Math.max(column - 1, 0), chars.length - 1);
  const start = Math.max(0, Math.min(at - Math.floor(max / 2), chars.length - max));
  const end = Math.min(chars.length, start + max);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
