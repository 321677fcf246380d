// Lexical look-around on one line: the dotted name or the string literal under a position, and
// what surrounds it (a call's parenthesis, a keyword argument, a definition).
import type { SourceLanguage } from './imports';

const IDENT_CHAR = /[A-Za-z0-9_$]/;

/** A dotted name such as `torch.nn.functional.gelu`, with the segment under the position. */
export interface DottedName {
  start: number;
  end: number;
  segments: string[];
  /** Index of the segment the position is on. */
  segment: number;
}

/** The line of `text` around `offset`: its start offset and content (without the line break). */
export function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  return { start, text: line.endsWith('\r') ? line.slice(0, -1) : line };
}

/**
 * The dotted name under column `col` of `line` (a position just after a name counts, as in VS
 * Code's word lookup). Undefined when there is none, or when it is a member of an expression
 * (`f().relu`, `x[0].relu`) or a number.
 */
export function dottedNameAt(line: string, col: number): DottedName | undefined {
  const isNameChar = (i: number): boolean => i >= 0 && i < line.length && (IDENT_CHAR.test(line[i]) || line[i] === '.');
  let at = col;
  if (!isNameChar(at) || line[at] === '.') at = isNameChar(col - 1) && line[col - 1] !== '.' ? col - 1 : -1;
  if (at < 0) return undefined;
  let start = at;
  while (isNameChar(start - 1)) start--;
  let end = at + 1;
  while (isNameChar(end)) end++;
  // `.relu` after `)` or `]` is a member of an expression, not a name we can resolve.
  if (line[start] === '.') return undefined;
  while (line[end - 1] === '.') end--;
  const segments = line.slice(start, end).split('.');
  if (segments.some((s) => s === '' || /^[0-9]/.test(s))) return undefined;
  let segment = 0;
  for (let i = start; i < at; i++) if (line[i] === '.') segment++;
  return { start, end, segments, segment };
}

/** A string literal on one line: the offsets of its content (between the quotes) and the quote. */
export interface StringLiteral {
  /** Index of the opening quote. */
  open: number;
  /** Index of the closing quote (line length when unterminated). */
  close: number;
  value: string;
}

/**
 * The string literal whose quotes enclose column `col` (the quotes themselves included). Skips
 * comments (`#` in Python, `//` in JavaScript) so a quote in a comment opens nothing.
 */
export function stringAt(line: string, col: number, language: SourceLanguage | undefined): StringLiteral | undefined {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (language === 'python' && c === '#') return undefined;
    if (language === 'javascript' && c === '/' && line[i + 1] === '/') return undefined;
    if (c === '"' || c === "'" || (c === '`' && language === 'javascript')) {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      const close = Math.min(j, line.length);
      if (col >= i && col <= close) return { open: i, close, value: line.slice(i + 1, close) };
      i = close + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

// `activation='relu'`, `recurrent_activation="sigmoid"`, JS `activation: 'relu'`, JSON `"activation": "relu"`.
const ACTIVATION_KEYWORD = /(?:^|[^\w$])["']?[A-Za-z_]*activation["']?\s*[=:]\s*$/i;
// `layers.Activation('relu')`, `keras.activations.get('relu')`, `Dense(64, 'relu')` (Keras's second positional argument).
const ACTIVATION_CALL = /(?:\bActivation|\bactivations\.(?:get|deserialize)|\bDense)\s*\(\s*$|\bDense\s*\(\s*[^,()'"]+,\s*$/;

/** Whether the text before a value (a string or a bare name) makes it an activation argument. */
export function isActivationArgument(before: string): boolean {
  return ACTIVATION_KEYWORD.test(before);
}

/** Whether the text before a string literal makes it an activation argument. */
export function isActivationStringContext(before: string): boolean {
  return ACTIVATION_KEYWORD.test(before) || ACTIVATION_CALL.test(before);
}

/** Whether the text before a string literal makes it an ONNX operator type (`helper.make_node('Relu', ...)`, `op_type == 'Elu'`). */
export function isOnnxOpContext(before: string): boolean {
  return /\bmake_node\s*\(\s*$|\bop_type\s*(?:==|=|:)\s*$/.test(before);
}

/** Whether the name ending at `end` is called: the next non-blank character is `(`. */
export function isCalled(line: string, end: number): boolean {
  return /^\s*\(/.test(line.slice(end));
}

/** Whether the name starting at `start` is being defined (`def relu(`, `function relu(`, `class ReLU(`). */
export function isDefinition(line: string, start: number): boolean {
  return /\b(?:def|function|class|fn)\s+$/.test(line.slice(0, start));
}

/**
 * The argument text of the call whose `(` follows `end`, up to its matching `)` or the end of the
 * line; undefined when the name is not called.
 */
export function callArguments(line: string, end: number): string | undefined {
  const m = /^\s*\(/.exec(line.slice(end));
  if (!m) return undefined;
  const from = end + m[0].length;
  let depth = 1;
  for (let i = from; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return line.slice(from, i);
  }
  return line.slice(from);
}

/** A fenced code block of a Markdown document that holds an offset. */
export interface Fence {
  /** Offset of the first character of the block's content. */
  contentStart: number;
  content: string;
  info: string;
}

const FENCE = /^[ ]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n`]*$/;

/** The fenced code block (``` or ~~~) whose content holds `offset`, if any. */
export function fenceAt(text: string, offset: number): Fence | undefined {
  let open: { marker: string; info: string; contentStart: number } | undefined;
  let pos = 0;
  for (;;) {
    let nl = text.indexOf('\n', pos);
    const last = nl < 0;
    if (last) nl = text.length;
    const m = FENCE.exec(text.slice(pos, nl).replace(/\r$/, ''));
    if (open) {
      const closing = m !== null && m[1][0] === open.marker[0] && m[1].length >= open.marker.length && m[2] === '';
      if (closing || last) {
        const contentEnd = closing ? pos : text.length;
        if (offset >= open.contentStart && (closing ? offset < contentEnd : offset <= contentEnd)) {
          return { contentStart: open.contentStart, content: text.slice(open.contentStart, contentEnd), info: open.info };
        }
        open = undefined;
      }
    } else {
      if (offset < pos) return undefined; // the offset was in prose
      if (m) open = { marker: m[1], info: m[2], contentStart: Math.min(nl + 1, text.length) };
    }
    if (last) return undefined;
    pos = nl + 1;
  }
}
