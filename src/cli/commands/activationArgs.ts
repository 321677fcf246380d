// Argument helpers shared by the activation commands (list, eval, props, gradient-flow):
// an id-or-expression, --param name=value, --x lists and ranges, and JSON output.
import { ACTIVATIONS, findActivation, resolveParams } from '../../core/activations/registry';
import type { ActivationRecord } from '../../core/activations/types';
import { compileCustomActivation } from '../../core/expr/index';
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

/** `--param alpha=0.2` (repeatable) as { alpha: 0.2 }. */
export function parseParamOptions(values: readonly string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const text of values ?? []) {
    const a = parseParamAssignment(text);
    if (!a) throw new CliError(`--param expects name=number, got '${text}'`);
    if (a.name in out) throw new CliError(`--param ${a.name} is given twice`);
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
  if (!Number.isFinite(v)) throw new CliError(`${what}: '${text}' is not a number`);
  return v;
}

/** `--x` as a list "v1,v2,..." or a range "a:b:n" (n evenly spaced points from a to b). */
export function parseXs(text: string | undefined): number[] {
  if (text === undefined) throw new CliError('give the inputs with --x v1,v2,... or --x a:b:n');
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 3) throw new CliError(`--x range must be a:b:n, got '${text}'`);
    const a = parseNumber(parts[0]!, '--x range start');
    const b = parseNumber(parts[1]!, '--x range end');
    const n = Number(parts[2]!.trim());
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new CliError(`--x range ends must be finite, got '${text}'`);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(`--x range needs a point count n from 1 to 100000, got '${parts[2]}'`);
    return n === 1 ? [a] : Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
  }
  const items = text.split(',');
  if (items.length > 100_000) throw new CliError('--x lists at most 100000 values');
  return items.map((s, i) => parseNumber(s, `--x value ${i + 1}`));
}

/** A registry id or alias, or else an expression over x; `given` are the --param values. */
export function resolveActivationArg(arg: string | undefined, given: Record<string, number>): ActivationArg {
  if (arg === undefined || arg.trim() === '') throw new CliError('name an activation (see actlab list) or write an expression over x');
  const builtin = findActivation(arg);
  if (builtin) {
    try {
      return { record: builtin, label: builtin.id, params: resolveParams(builtin, given) };
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  try {
    const record = compileCustomActivation({ name: 'expression', expression: arg, params: given });
    return { record, label: arg.trim(), params: { ...given } };
  } catch (e) {
    const message = (e as Error).message;
    if (/^\s*[A-Za-z_][\w.]*\s*$/.test(arg)) {
      throw new CliError(`unknown activation '${arg.trim()}'; known: ${ACTIVATIONS.map((r) => r.id).join(', ')} (or write an expression over x)`);
    }
    throw new CliError(`invalid expression '${arg}': ${message}`);
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
