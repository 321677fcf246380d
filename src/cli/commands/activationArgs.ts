// Argument helpers shared by the activation commands (list, eval, props, gradient-flow):
// an id-or-expression, --param name=value, --x lists and ranges, and JSON output.
import { getActivation, resolveParams } from '../../core/activations/registry';
import type { ActivationRecord } from '../../core/activations/types';
import { compileCustomActivation, errorMessage, exprMessage } from '../../core/expr/index';
import { paramRecord, readActivationText } from '../../core/expr/activationText';
import { excerpt } from '../../core/expr/errors';
import { CliError } from '../command';
import { cliText, exprErrorText, exprText, type Localised } from '../l10n';
import { parseParamAssignment } from '../../core/expr/paramAssignment';

export interface ActivationArg {
  record: ActivationRecord;
  /** What the user wrote: the id, or the expression. */
  label: string;
  params: Record<string, number>;
  /** Whether the argument is an expression over x (its record is named 'expression'). */
  expression: boolean;
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
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const name = a.split('=')[0];
    if (valueOptions.includes(name)) {
      if (a.includes('=')) options.push(a);
      else if (i + 1 < argv.length) options.push(`${a}=${argv[++i]}`);
      else throw new CliError(cliText('args.needsValue', { option: a }));
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
    if (!a) throw new CliError(cliText('param.expects', { text: excerpt(text) }));
    if (Object.prototype.hasOwnProperty.call(out, a.name)) throw new CliError(cliText('param.twice', { name: excerpt(a.name) }));
    out[a.name] = a.value;
  }
  return out;
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity };

function parseNumber(text: string, what: Localised): number {
  const t = text.trim();
  const special = SPECIAL[t.toLowerCase()];
  if (special !== undefined) return special;
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new CliError(cliText('x.notNumber', { what, text: excerpt(text) }));
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
  if (text === undefined) throw new CliError(cliText('x.missing'));
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 3) throw new CliError(cliText('x.rangeForm', { text: excerpt(text) }));
    const a = parseNumber(parts[0], cliText('x.rangeStart'));
    const b = parseNumber(parts[1], cliText('x.rangeEnd'));
    const n = Number(parts[2].trim());
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new CliError(cliText('x.rangeFinite', { text: excerpt(text) }));
    if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(cliText('x.rangeCount', { text: excerpt(parts[2]) }));
    return n === 1 ? [a] : Array.from({ length: n }, (_, i) => linearPoint(a, b, i, n));
  }
  const items = text.split(',');
  if (items.length > 100_000) throw new CliError(cliText('x.tooMany'));
  return items.map((s, i) => parseNumber(s, cliText('x.value', { index: i + 1 })));
}

/**
 * A built-in (id, alias, or `id(alpha=0.3)`), or else an expression over x, read by the core's
 * parseActivationText; `given` are the --param values.
 */
export function resolveActivationArg(arg: string | undefined, given: Record<string, number>): ActivationArg {
  const choice = readActivationText(arg ?? '', { params: given });
  if ('problem' in choice) throw new CliError(exprText(choice.problem));
  if ('id' in choice) {
    const record = getActivation(choice.id);
    try {
      const params = resolveParams(record, choice.params);
      const written = Object.keys(choice.params).length && !Object.keys(given).length;
      return { record, label: written ? (arg ?? '').trim() : record.id, params, expression: false };
    } catch (e) {
      throw new CliError(exprErrorText(e));
    }
  }
  try {
    const record = compileCustomActivation({ name: 'expression', expression: choice.expression, params: choice.params });
    return { record, label: choice.expression, params: paramRecord(Object.entries(choice.params)), expression: true };
  } catch (e) {
    throw new CliError(exprText(exprMessage('invalidExpression', { text: excerpt(choice.expression), error: errorMessage(e), hint: '' })));
  }
}

/** JSON with ±Infinity and NaN written as the strings "Infinity", "-Infinity", "NaN". */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}

// The text forms `actlab eval` shares with VS Code's "Evaluate Activation at x".
export { numberText as fmt, formulaIn } from '../../core/analysis/evaluationText';
