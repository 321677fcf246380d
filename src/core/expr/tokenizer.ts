// Splits an expression into tokens with their columns. A hand-written scanner (no regular
// expressions over the input, so no catastrophic backtracking); literals are checked here.
import { clip, ExprError } from './errors';
import { type ExprMessage, exprMessage as m } from './messages';

export type TokenKind = 'number' | 'ident' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column of the first character (counted in Unicode code points). */
  column: number;
  /** The value of a number token. */
  value?: number;
}

/** The longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;

const OPERATORS = ['**', '<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '<', '>'];

// Look-alike characters people paste from papers, with what to type instead.
const LOOKALIKES: Record<string, string> = {
  '−': '-', '–': '-', '—': '-', '×': '*', '·': '*', '⋅': '*', '÷': '/', '≤': '<=', '≥': '>=', '≠': '!=',
  '²': '^2', '³': '^3', 'π': 'pi', 'σ': 'sigmoid', '（': '(', '）': ')', '，': ',',
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isIdentPart = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** An unexpected character: shown with its code point, or only the code point when it does not print. */
function unexpectedChar(c: string): ExprMessage {
  const code = c.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
  return printable ? m('unexpectedChar', { char: c, code: hex }) : m('unexpectedInvisibleChar', { code: hex });
}

export function tokenize(source: string): Token[] {
  if (typeof source !== 'string') throw new ExprError(m('notText'));
  const chars = Array.from(source);
  if (chars.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprError(m('tooLong'), undefined, m('tooLongHint', { count: chars.length, max: MAX_EXPRESSION_LENGTH }));
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    const column = i + 1;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(chars[i + 1]))) {
      const start = i;
      while (isDigit(chars[i])) i++;
      if (chars[i] === '.') {
        i++;
        while (isDigit(chars[i])) i++;
      }
      if (chars[i] === 'e' || chars[i] === 'E') {
        const save = i;
        i++;
        if (chars[i] === '+' || chars[i] === '-') i++;
        if (!isDigit(chars[i])) {
          // '2e' followed by something else: report the malformed exponent, or '2e' then a name.
          if (isIdentPart(chars[save + 1])) i = save;
          else throw new ExprError(m('malformedNumber', { text: clip(chars.slice(start, i).join('')) }), column, m('exponentNeedsDigits'));
        }
        while (isDigit(chars[i])) i++;
      }
      if (chars[i] === '.' || isIdentPart(chars[i])) {
        let end = i;
        while (end < chars.length && (chars[end] === '.' || isIdentPart(chars[end]))) end++;
        const text = chars.slice(start, end).join('');
        const hint = isIdentStart(chars[i])
          ? m('writeProductHint', { left: clip(chars.slice(start, i).join(''), 24), right: clip(chars.slice(i, end).join(''), 24) })
          : undefined;
        throw new ExprError(m('malformedNumber', { text: clip(text) }), column, hint);
      }
      const text = chars.slice(start, i).join('');
      const value = Number(text);
      if (!Number.isFinite(value)) throw new ExprError(m('numberTooLarge', { text: clip(text) }), column, m('numberTooLargeHint'));
      if (value === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) {
        throw new ExprError(m('numberTooSmall', { text: clip(text) }), column, m('numberTooSmallHint'));
      }
      tokens.push({ kind: 'number', text, column, value });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (isIdentPart(chars[i])) i++;
      tokens.push({ kind: 'ident', text: chars.slice(start, i).join(''), column });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, column });
      i++;
      continue;
    }
    const two = c + (chars[i + 1] ?? '');
    const op = OPERATORS.find((o) => (o.length === 2 ? o === two : o === c));
    if (op) {
      tokens.push({ kind: 'op', text: op === '**' ? '^' : op, column });
      i += op.length;
      continue;
    }
    if (c === '=') throw new ExprError(m('equalsNotOperator'), column, m('equalsHint'));
    if (c === '&' || c === '|' || c === '!') {
      throw new ExprError(m('logicNotSupported', { char: c }), column, m('logicHint'));
    }
    const instead = LOOKALIKES[c];
    throw new ExprError(unexpectedChar(c), column, instead ? m('didYouMeanChar', { instead }) : undefined);
  }
  tokens.push({ kind: 'end', text: '', column: chars.length + 1 });
  return tokens;
}
