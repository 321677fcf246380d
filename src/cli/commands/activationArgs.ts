// Argument helpers shared by the activation commands (list, eval, props, gradient-flow):
// an id-or-expression, --param name=value, --x lists and ranges, and JSON output.
import { getActivation, resolveParams } from '../../core/activations/registry';
import type { ActivationRecord } from '../../core/activations/types';
import { compileCustomActivation } from '../../core/expr/index';
import { paramRecord, parseActivationText } from '../../core/expr/activationText';
import { excerpt } from '../../core/expr/errors';
import { CliError } from '../command';
import { parseParamAssignment } from '../../core/expr/paramAssignment';

export interface ActivationArg {
  record: ActivationRecord;
  /** What the user wrote: the id, or the expression. */
  label: string;
  params: Record<string, number>;
}

/**
 * Makes `--x -1,0,2` and a leading-dash expression ('-x^2') readable by util.parseArgs: a
 * value option takes the next token whatever it starts with, and other dash tokens that are
 * not known options become positionals.
 */
export function normalizeArgv(argv: readonly string[], valueOptions: readonly string[], flags: readonly string[]): string[] {
  const options: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const name = a.split('=')[0]!;
    if (valueOptions.includes(name)) {
      if (a.includes('=')) options.push(a);
      else if (i + 1 < argv.length) options.push(`${a}=${argv[++i]}`);
      else throw new CliError(`${a} needs a value`);
    } else if (flags.includes(a) || (a.startsWith('--') && a.length > 2)) {
      options.push(a); // unknown --options are reported by parseArgs
    } else {
      positionals.push(a);
    }
  }
  return positionals.length ? [...options, '--', ...positionals] : options;
}

/** `--param alpha=0.2` (repeatable) as { alpha: 0.2 }, in a null-prototype record (`__proto__` is just a name). */
export function parseParamOptions(values: readonly string[] | undefined): Record<string, number> {
  const out = paramRecord();
  for (const text of values ?? []) {
    const a = parseParamAssignment(text);
    if (!a) throw new CliError(`--param expects name=number, got '${excerpt(text)}'`);
    if (Object.prototype.hasOwnProperty.call(out, a.name)) throw new CliError(`--param ${excerpt(a.name)} is given twice`);
    out[a.name] = a.value;
  }
  return out;
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity };

function parseNumber(text: string, what: string): number {
  const t = text.trim();
  const special = SPECIAL[t.toLowerCase()];
  if (special !== undefined) return special;
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new CliError(`${what}: '${excerpt(text)}' is not a number`);
  return v;
}

/**
 * The i-th of n evenly spaced points from a to b, as a·(1 − t) + b·t: finite whenever a and b
 * are (b − a overflows for -1e308:1e308), exactly a and b at the ends, and monotonic.
 */
export function linearPoint(a: number, b: number, i: number, n: number): number {
  if (i === 0) return a;
  if (i === n - 1) return b;
  const t = i / (n - 1);
  return a * (1 - t) + b * t;
}

/** `--x` as a list "v1,v2,..." or a range "a:b:n" (n evenly spaced points from a to b). */
export function parseXs(text: string | undefined): number[] {
  if (text === undefined) throw new CliError('give the inputs with --x v1,v2,... or --x a:b:n');
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 3) throw new CliError(`--x range must be a:b:n, got '${excerpt(text)}'`);
    const a = parseNumber(parts[0]!, '--x range start');
    const b = parseNumber(parts[1]!, '--x range end');
    const n = Number(parts[2]!.trim());
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new CliError(`--x range ends must be finite, got '${excerpt(text)}'`);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(`--x range needs a point count n from 1 to 100000, got '${excerpt(parts[2]!)}'`);
    return n === 1 ? [a] : Array.from({ length: n }, (_, i) => linearPoint(a, b, i, n));
  }
  const items = text.split(',');
  if (items.length > 100_000) throw new CliError('--x lists at most 100000 values');
  return items.map((s, i) => parseNumber(s, `--x value ${i + 1}`));
}

/**
 * A built-in (id, alias, or `id(alpha=0.3)`), or else an expression over x, read by the core's
 * parseActivationText; `given` are the --param values.
 */
export function resolveActivationArg(arg: string | undefined, given: Record<string, number>): ActivationArg {
  const choice = parseActivationText(arg ?? '', { params: given });
  if (typeof choice === 'string') throw new CliError(choice);
  if ('id' in choice) {
    const record = getActivation(choice.id);
    try {
      const params = resolveParams(record, choice.params);
      const written = Object.keys(choice.params).length && !Object.keys(given).length;
      return { record, label: written ? (arg ?? '').trim() : record.id, params };
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  try {
    const record = compileCustomActivation({ name: 'expression', expression: choice.expression, params: choice.params });
    return { record, label: choice.expression, params: paramRecord(Object.entries(choice.params)) };
  } catch (e) {
    throw new CliError(`invalid expression '${excerpt(choice.expression)}': ${(e as Error).message}`);
  }
}

/** JSON with ±Infinity and NaN written as the strings "Infinity", "-Infinity", "NaN". */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}

/** A number for a text table: up to 8 significant digits, no trailing zeros. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  return String(Number(v.toPrecision(8)));
}
