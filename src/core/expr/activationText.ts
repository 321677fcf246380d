// A user's activation, written as text (the CLI's argument and --activations, an input box),
// read into what it names: a built-in, a named custom activation, or an expression over x.
// Nothing is guessed: text with brackets is either an exact id with `name(alpha=0.3)`
// parameters or an expression, never a name whose arguments are dropped (`tanh(2*x)` is the
// expression, not tanh), and text with anything after a name (`relu+`) is an expression that
// must parse. User-named keys live in null-prototype objects and Maps (`__proto__` is a name).
import { ACTIVATIONS, findActivation } from '../activations/registry';
import type { ActivationRecord } from '../activations/types';
import { resolveParams } from '../activations/params';
import { isConstantName, isFunctionName, paramNameMessage, paramsUsed, RESERVED_NAMES } from './ast';
import { clip, errorMessage, excerpt, ExprError } from './errors';
import { type ExprMessage, exprMessage as m, type ExprProblem, renderExprMessage } from './messages';
import { parseExpression } from './parser';
import { MAX_EXPRESSION_LENGTH } from './tokenizer';

/** What activation text names. Parameters are only the ones written or given, by the lab's names. */
export type ActivationChoice =
  | { id: string; params: Record<string, number> }
  | {
    expression: string;
    params: Record<string, number>;
    /** The custom activation's name when the text named one (else the text is the expression itself). */
    name?: string;
  };

/** A named custom activation: its expression and parameter defaults. */
export interface CustomDefinition {
  expression: string;
  params?: Readonly<Record<string, number>>;
}

export interface ActivationTextOptions {
  /**
   * Parameter values given beside the text (the CLI's --param). For a built-in they set its
   * parameters; for an expression they declare its parameters and each must be used.
   */
  params?: Readonly<Record<string, number>>;
  /** Named custom activations (--custom NAME=EXPR, the user's setting), by name. */
  custom?: ReadonlyMap<string, CustomDefinition>;
}

const NAME = /^[A-Za-z_][\w.]*$/;
const CALL = /^([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)$/;
const ASSIGNMENT = /^\s*([A-Za-z_]\w*)\s*=\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;

/** A null-prototype record: user-chosen keys (`__proto__`, `constructor`) are plain keys. */
export function paramRecord(entries: Iterable<readonly [string, number]> = []): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const has = (r: Readonly<Record<string, number>>, k: string): boolean => Object.prototype.hasOwnProperty.call(r, k);
/** A plain object for the caller, once every key is known to be a valid parameter name. */
const plain = (r: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(r));
const known = (): string => ACTIVATIONS.map((r) => r.id).join(', ');
const fail = (problem: ExprMessage): ExprProblem => ({ problem });
const failed = (r: object): r is ExprProblem => 'problem' in r;
/** The English sentence of a problem, for the functions that answer `T | string`. */
const english = <T extends object>(r: T | ExprProblem): T | string => (failed(r) ? renderExprMessage(r.problem, 'en') : r);

/** `alpha=0.3, beta=2` as [name, value] pairs, or undefined when any part is not name=number. */
function assignments(inside: string): [string, number][] | undefined {
  if (inside.trim() === '') return [];
  const out: [string, number][] = [];
  for (const part of inside.split(',')) {
    const m = ASSIGNMENT.exec(part);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) return undefined;
    out.push([m[1], value]);
  }
  return out;
}

/** Written parameters and --param values together; a name given both ways, or twice, is an error. */
function mergeParams(written: readonly [string, number][], given: Readonly<Record<string, number>>, what: string): Record<string, number> | ExprProblem {
  const out = paramRecord(Object.entries(given));
  const seen = new Set<string>();
  for (const [k, v] of written) {
    if (seen.has(k)) return fail(m('paramWrittenTwice', { param: clip(k), what }));
    if (has(out, k)) return fail(m('paramGivenTwice', { param: clip(k), what }));
    seen.add(k);
    out[k] = v;
  }
  return out;
}

/** A built-in with checked parameters, keyed by the lab's names (PyTorch's negative_slope → alpha). */
function builtinChoice(record: ActivationRecord, params: Record<string, number>): ActivationChoice | ExprProblem {
  try {
    resolveParams(record, params);
  } catch (e) {
    return fail(errorMessage(e));
  }
  const out = paramRecord();
  for (const [k, v] of Object.entries(params)) {
    const spec = record.params.find((s) => s.name === k) ?? record.params.find((s) => Object.values(s.frameworkNames ?? {}).includes(k));
    out[spec!.name] = v;
  }
  return { id: record.id, params: plain(out) };
}

/** A custom activation's parameters: its defaults, then the ones given; each must be one its expression uses. */
function customChoice(name: string, def: CustomDefinition, params: Record<string, number>): ActivationChoice | ExprProblem {
  const out = paramRecord(Object.entries(def.params ?? {}));
  const used = paramsOf(def.expression);
  if (!Array.isArray(used)) return fail(m('customInvalid', { name: clip(name), problem: used.problem }));
  for (const [k, v] of Object.entries(params)) {
    const problem = paramNameMessage(k);
    if (problem) return fail(problem);
    if (!used.includes(k)) {
      return fail(used.length
        ? m('unknownParamOf', { param: clip(k), name: clip(name), list: used.join(', ') })
        : m('unknownParamOfNone', { param: clip(k), name: clip(name) }));
    }
    out[k] = v;
  }
  return { expression: def.expression, params: plain(out), name };
}

/** The parameters an expression uses: every name in it that is not x, a constant or a function. */
function paramsOf(expression: string): string[] | ExprProblem {
  const names = [...new Set(Array.from(expression.matchAll(/(?<![\w.])[A-Za-z_]\w*/g), (m) => m[0]))].filter((n) => !RESERVED_NAMES.has(n));
  try {
    return paramsUsed(parseExpression(expression, { params: names }));
  } catch (e) {
    if (e instanceof ExprError) return fail(m('invalidExpression', { text: excerpt(expression, e.column), error: e.text, hint: '' }));
    throw e;
  }
}

/** An expression over x whose parameters are the given ones, each used. */
function expressionChoice(text: string, params: Record<string, number>): ActivationChoice | ExprProblem {
  const names = Object.keys(params);
  for (const n of names) {
    const problem = paramNameMessage(n);
    if (problem) return fail(problem);
  }
  let ast;
  try {
    ast = parseExpression(text, { params: names });
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    return fail(m('invalidExpression', { text: excerpt(text, e.column), error: e.text, hint: activationHint(text, e) ?? '' }));
  }
  const used = paramsUsed(ast);
  const unused = names.filter((n) => !used.includes(n));
  if (unused.length) {
    const list = unused.map((n) => clip(n)).join(', ');
    return fail(m(unused.length > 1 ? 'unusedParamOptions' : 'unusedParamOption', { list, text: excerpt(text) }));
  }
  return { expression: text, params: plain(params) };
}

/** A hint when an expression failed on a name that is an activation: use it alone, not as a function. */
function activationHint(text: string, e: ExprError): ExprMessage | undefined {
  const name = e.id === 'unknownFunction' || e.id === 'unknownName' ? String((e.args as { name: string }).name) : '';
  if (!/^[A-Za-z_][\w.]*$/.test(name)) return undefined;
  const record = findActivation(name);
  if (record) {
    const p = record.params[0];
    return p
      ? m('builtinNotFunctionWithParams', { id: record.id, param: p.name, value: p.default })
      : m('builtinNotFunction', { id: record.id });
  }
  const whole = findActivation(text);
  return whole ? m('didYouMeanActivation', { id: whole.id }) : undefined;
}

/**
 * Reads activation text. A bare name is a custom activation's name, a built-in id or alias
 * (`leaky_relu`, `LeakyReLU`, `swish`), or else an expression (`x`); `id(alpha=0.3)` gives an
 * exact id parameters; anything else is an expression over x, parsed in full. Returns the
 * choice, or a one-line error naming the problem in English (unknown names, bad parameters, a
 * parameter given twice, an unused --param, the expression's error with its column).
 */
export function parseActivationText(text: string, options: ActivationTextOptions = {}): ActivationChoice | string {
  return english(readActivationText(text, options));
}

/** parseActivationText with the problem as a message, to render in the user's language. */
export function readActivationText(text: string, options: ActivationTextOptions = {}): ActivationChoice | ExprProblem {
  if (typeof text !== 'string' || text.trim() === '') return fail(m('nameAnActivation'));
  const trimmed = text.trim();
  if (Array.from(trimmed).length > MAX_EXPRESSION_LENGTH) {
    return fail(m('activationTextTooLong', { count: Array.from(trimmed).length, max: MAX_EXPRESSION_LENGTH }));
  }
  const given = paramRecord(Object.entries(options.params ?? {}));
  const custom = options.custom ?? new Map<string, CustomDefinition>();

  if (NAME.test(trimmed)) {
    const def = custom.get(trimmed);
    if (def) return customChoice(trimmed, def, given);
    const isExpressionName = trimmed === 'x' || isConstantName(trimmed) || has(given, trimmed);
    const record = isExpressionName ? undefined : findActivation(trimmed);
    if (record) return builtinChoice(record, given);
    if (!isExpressionName && !isFunctionName(trimmed)) {
      return fail(m('unknownActivationOrExpression', { name: clip(trimmed), list: known() }));
    }
    return expressionChoice(trimmed, given);
  }

  const call = CALL.exec(trimmed);
  const written = call ? assignments(call[2]) : undefined;
  if (call && written) {
    const name = call[1];
    const def = custom.get(name);
    const record = def ? undefined : ACTIVATIONS.find((r) => r.id === name);
    if (!def && !record) {
      const near = findActivation(name);
      if (!near) return fail(m('unknownActivation', { name: clip(name), list: known() }));
      return fail(written.length
        ? m('bracketsFollowExactId', { id: near.id, params: excerpt(call[2].trim()) })
        : m('callNotName', { text: clip(trimmed), id: near.id }));
    }
    const params = mergeParams(written, given, name);
    if (failed(params)) return params;
    return def ? customChoice(name, def, params) : builtinChoice(record!, params);
  }
  return expressionChoice(trimmed, given);
}

/** Valid names for custom activations: identifiers that name no built-in and no word of the language. */
export function customNameProblem(name: string): string | undefined {
  const problem = customNameMessage(name);
  return problem && renderExprMessage(problem, 'en');
}

/** customNameProblem as a message. */
export function customNameMessage(name: string): ExprMessage | undefined {
  if (!/^[A-Za-z_]\w*$/.test(name)) return m('customNameChars', { name: clip(name) });
  if (name.length > 64) return m('customNameTooLong', { name: clip(name), count: name.length });
  if (RESERVED_NAMES.has(name)) return m('customNameReserved', { name });
  const builtin = findActivation(name);
  if (builtin) return m('customNameTaken', { name, id: builtin.id });
  return undefined;
}

/**
 * `NAME=EXPRESSION` definitions (the CLI's repeatable --custom) as a Map by name. A name defined
 * twice, a name taken by a built-in, or an empty expression is an error (a string).
 */
export function parseCustomDefinitions(defs: readonly string[]): Map<string, CustomDefinition> | string {
  const r = readCustomDefinitions(defs);
  return r instanceof Map ? r : renderExprMessage(r.problem, 'en');
}

/** parseCustomDefinitions with the problem as a message. */
export function readCustomDefinitions(defs: readonly string[]): Map<string, CustomDefinition> | ExprProblem {
  const out = new Map<string, CustomDefinition>();
  for (const def of defs) {
    const eq = def.indexOf('=');
    const name = eq < 0 ? '' : def.slice(0, eq).trim();
    const expression = eq < 0 ? '' : def.slice(eq + 1).trim();
    if (eq < 1 || name === '' || expression === '') return fail(m('customNeedsNameAndExpression', { text: excerpt(def) }));
    const problem = customNameMessage(name);
    if (problem) return fail(problem);
    if (out.has(name)) return fail(m('customDefinedTwice', { name }));
    out.set(name, { expression });
  }
  return out;
}
