// A user's activation, written as text (the CLI's argument and --activations, an input box),
// read into what it names: a built-in, a named custom activation, or an expression over x.
// Nothing is guessed: text with brackets is either an exact id with `name(alpha=0.3)`
// parameters or an expression, never a name whose arguments are dropped (`tanh(2*x)` is the
// expression, not tanh), and text with anything after a name (`relu+`) is an expression that
// must parse. User-named keys live in null-prototype objects and Maps (`__proto__` is a name).
import { ACTIVATIONS, findActivation } from '../activations/registry';
import type { ActivationRecord } from '../activations/types';
import { resolveParams } from '../activations/params';
import { isConstantName, isFunctionName, paramNameProblem, paramsUsed, RESERVED_NAMES } from './ast';
import { clip, excerpt, ExprError } from './errors';
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
const quote = (text: string, column?: number): string => `'${excerpt(text, column)}'`;

/** `alpha=0.3, beta=2` as [name, value] pairs, or undefined when any part is not name=number. */
function assignments(inside: string): [string, number][] | undefined {
  if (inside.trim() === '') return [];
  const out: [string, number][] = [];
  for (const part of inside.split(',')) {
    const m = ASSIGNMENT.exec(part);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) return undefined;
    out.push([m[1]!, value]);
  }
  return out;
}

/** Written parameters and --param values together; a name given both ways, or twice, is an error. */
function mergeParams(written: readonly [string, number][], given: Readonly<Record<string, number>>, what: string): Record<string, number> | string {
  const out = paramRecord(Object.entries(given));
  const seen = new Set<string>();
  for (const [k, v] of written) {
    if (seen.has(k)) return `parameter ${clip(k)} of ${what} is written twice`;
    if (has(out, k)) return `parameter ${clip(k)} of ${what} is given twice (in brackets and as --param)`;
    seen.add(k);
    out[k] = v;
  }
  return out;
}

/** A built-in with checked parameters, keyed by the lab's names (PyTorch's negative_slope → alpha). */
function builtinChoice(record: ActivationRecord, params: Record<string, number>): ActivationChoice | string {
  try {
    resolveParams(record, params);
  } catch (e) {
    return (e as Error).message;
  }
  const out = paramRecord();
  for (const [k, v] of Object.entries(params)) {
    const spec = record.params.find((s) => s.name === k) ?? record.params.find((s) => Object.values(s.frameworkNames ?? {}).includes(k));
    out[spec!.name] = v;
  }
  return { id: record.id, params: plain(out) };
}

/** A custom activation's parameters: its defaults, then the ones given; each must be one its expression uses. */
function customChoice(name: string, def: CustomDefinition, params: Record<string, number>): ActivationChoice | string {
  const out = paramRecord(Object.entries(def.params ?? {}));
  const used = paramsOf(def.expression);
  if (typeof used === 'string') return `custom activation ${clip(name)}: ${used}`;
  for (const [k, v] of Object.entries(params)) {
    const problem = paramNameProblem(k);
    if (problem) return problem;
    if (!used.includes(k)) {
      const known = used.length ? `its parameters: ${used.join(', ')}` : 'it has no parameters';
      return `unknown parameter '${clip(k)}' for ${clip(name)} (${known})`;
    }
    out[k] = v;
  }
  return { expression: def.expression, params: plain(out), name };
}

/** The parameters an expression uses: every name in it that is not x, a constant or a function. */
function paramsOf(expression: string): string[] | string {
  const names = [...new Set(Array.from(expression.matchAll(/(?<![\w.])[A-Za-z_]\w*/g), (m) => m[0]))].filter((n) => !RESERVED_NAMES.has(n));
  try {
    return paramsUsed(parseExpression(expression, { params: names }));
  } catch (e) {
    if (e instanceof ExprError) return `invalid expression ${quote(expression, e.column)}: ${e.message}`;
    throw e;
  }
}

/** An expression over x whose parameters are the given ones, each used. */
function expressionChoice(text: string, params: Record<string, number>): ActivationChoice | string {
  const names = Object.keys(params);
  for (const n of names) {
    const problem = paramNameProblem(n);
    if (problem) return problem;
  }
  let ast;
  try {
    ast = parseExpression(text, { params: names });
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    return `invalid expression ${quote(text, e.column)}: ${e.message}${activationHint(text, e)}`;
  }
  const used = paramsUsed(ast);
  const unused = names.filter((n) => !used.includes(n));
  if (unused.length) {
    const list = unused.map((n) => clip(n)).join(', ');
    return `--param ${list} ${unused.length > 1 ? 'are' : 'is'} not used by the expression ${quote(text)} ` +
      '(a parameter of an expression must appear in it)';
  }
  return { expression: text, params: plain(params) };
}

/** A hint when an expression failed on a name that is an activation: use it alone, not as a function. */
function activationHint(text: string, e: ExprError): string {
  const m = /'([A-Za-z_][\w.]*)'/.exec(e.problem);
  const name = m?.[1];
  if (!name || !/unknown (function|name)/.test(e.problem)) return '';
  const record = findActivation(name);
  if (record) {
    return `; ${record.id} is a built-in activation, not a function of the expression language: write it alone` +
      (record.params.length ? `, with parameters as ${record.id}(${record.params[0]!.name}=${record.params[0]!.default})` : '');
  }
  const whole = findActivation(text);
  return whole ? `; did you mean ${whole.id}?` : '';
}

/**
 * Reads activation text. A bare name is a custom activation's name, a built-in id or alias
 * (`leaky_relu`, `LeakyReLU`, `swish`), or else an expression (`x`); `id(alpha=0.3)` gives an
 * exact id parameters; anything else is an expression over x, parsed in full. Returns the
 * choice, or a one-line error naming the problem (unknown names, bad parameters, a parameter
 * given twice, an unused --param, the expression's error with its column).
 */
export function parseActivationText(text: string, options: ActivationTextOptions = {}): ActivationChoice | string {
  if (typeof text !== 'string' || text.trim() === '') return 'name an activation (see actlab list) or write an expression over x';
  const trimmed = text.trim();
  if (Array.from(trimmed).length > MAX_EXPRESSION_LENGTH) {
    return `the activation text is too long (${Array.from(trimmed).length} characters; at most ${MAX_EXPRESSION_LENGTH})`;
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
      return `unknown activation '${clip(trimmed)}'; known: ${known()} (or write an expression over x)`;
    }
    return expressionChoice(trimmed, given);
  }

  const call = CALL.exec(trimmed);
  const written = call ? assignments(call[2]!) : undefined;
  if (call && written) {
    const name = call[1]!;
    const def = custom.get(name);
    const record = def ? undefined : ACTIVATIONS.find((r) => r.id === name);
    if (!def && !record) {
      const near = findActivation(name);
      if (!near) return `unknown activation '${clip(name)}'; known: ${known()}`;
      return written.length
        ? `parameters in brackets follow an exact id: write ${near.id}(${excerpt(call[2]!.trim())}) (see actlab list)`
        : `'${clip(trimmed)}' is a call, not an activation's name: write ${near.id}`;
    }
    const params = mergeParams(written, given, name);
    if (typeof params === 'string') return params;
    return def ? customChoice(name, def, params) : builtinChoice(record!, params);
  }
  return expressionChoice(trimmed, given);
}

/** Valid names for custom activations: identifiers that name no built-in and no word of the language. */
export function customNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_]\w*$/.test(name)) return `custom activation name '${clip(name)}' must be letters, digits and _ (not starting with a digit)`;
  if (name.length > 64) return `custom activation name '${clip(name)}' is too long (${name.length} characters; at most 64)`;
  if (RESERVED_NAMES.has(name)) return `custom activation name '${name}' is a word of the expression language (x, pi, e and function names)`;
  const builtin = findActivation(name);
  if (builtin) return `custom activation name '${name}' is taken by the built-in ${builtin.id}; choose another name`;
  return undefined;
}

/**
 * `NAME=EXPRESSION` definitions (the CLI's repeatable --custom) as a Map by name. A name defined
 * twice, a name taken by a built-in, or an empty expression is an error (a string).
 */
export function parseCustomDefinitions(defs: readonly string[]): Map<string, CustomDefinition> | string {
  const out = new Map<string, CustomDefinition>();
  for (const def of defs) {
    const eq = def.indexOf('=');
    const name = eq < 0 ? '' : def.slice(0, eq).trim();
    const expression = eq < 0 ? '' : def.slice(eq + 1).trim();
    if (eq < 1 || name === '' || expression === '') return `--custom needs NAME=EXPRESSION, got '${excerpt(def)}'`;
    const problem = customNameProblem(name);
    if (problem) return problem;
    if (out.has(name)) return `custom activation ${name} is defined twice (--custom ${name}=...): give each name once`;
    out.set(name, { expression });
  }
  return out;
}
