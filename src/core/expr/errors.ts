// The one error type of the expression language: the problem in words, the 1-based column (in
// characters) where it is, and an optional hint: "unknown function 'expp' at column 5 (known: ...)".
// Messages quote user text only in clipped form, so a 20 KB expression never fills a terminal.

export class ExprError extends Error {
  constructor(readonly problem: string, readonly column?: number, readonly hint?: string) {
    super(`${problem}${column === undefined ? '' : ` at column ${column}`}${hint ? ` (${hint})` : ''}`);
    this.name = 'ExprError';
  }
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
