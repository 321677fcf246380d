// Splits an expression into tokens with their columns. A hand-written scanner (no regular
// expressions over the input, so no catastrophic backtracking); literals are checked here.
import { clip, ExprError } from './errors';

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

function describeChar(c: string): string {
  const code = c.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
  return printable ? `'${c}' (${hex})` : hex;
}

export function tokenize(source: string): Token[] {
  if (typeof source !== 'string') throw new ExprError('the expression must be text');
  const chars = Array.from(source);
  if (chars.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprError('expression is too long', undefined, `${chars.length} characters; at most ${MAX_EXPRESSION_LENGTH}`);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
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
          else throw new ExprError(`malformed number '${clip(chars.slice(start, i).join(''))}'`, column, 'the exponent needs digits');
        }
        while (isDigit(chars[i])) i++;
      }
      if (chars[i] === '.' || isIdentPart(chars[i])) {
        let end = i;
        while (end < chars.length && (chars[end] === '.' || isIdentPart(chars[end]))) end++;
        const text = chars.slice(start, end).join('');
        const hint = isIdentStart(chars[i]) ? `write ${clip(chars.slice(start, i).join(''), 24)}*${clip(chars.slice(i, end).join(''), 24)} to multiply` : undefined;
        throw new ExprError(`malformed number '${clip(text)}'`, column, hint);
      }
      const text = chars.slice(start, i).join('');
      const value = Number(text);
      if (!Number.isFinite(value)) throw new ExprError(`number '${clip(text)}' is too large`, column, 'beyond ±1.8e308');
      if (value === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) {
        throw new ExprError(`number '${clip(text)}' is too small`, column, 'it rounds to 0');
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
    if (c === '=') throw new ExprError("'=' is not an operator", column, "use '==' to compare");
    if (c === '&' || c === '|' || c === '!') {
      throw new ExprError(`'${c}' is not supported`, column, 'combine conditions with where(...), min or max');
    }
    const instead = LOOKALIKES[c];
    throw new ExprError(`unexpected character ${describeChar(c)}`, column, instead ? `did you mean '${instead}'?` : undefined);
  }
  tokens.push({ kind: 'end', text: '', column: chars.length + 1 });
  return tokens;
}
