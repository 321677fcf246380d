// Parameter resolution: given values (by the lab's name or a framework's name) over the
// defaults of the alias, the framework or the lab, checked against each ParamSpec's range.
import { ParamError, paramMessage } from './paramMessages';
import type { ActivationInfo, Framework, ParamSpec, Params } from './types';

/** The default of one parameter as `alias` (or else `framework`) would use it. */
export function paramDefault(spec: ParamSpec, framework?: Framework, alias?: string): number {
  if (alias !== undefined && spec.aliasDefaults?.[alias] !== undefined) return spec.aliasDefaults[alias];
  if (framework !== undefined && spec.frameworkDefaults?.[framework] !== undefined) return spec.frameworkDefaults[framework];
  return spec.default;
}

function findSpec(record: ActivationInfo, name: string, framework?: Framework): ParamSpec | undefined {
  const exact = record.params.find((s) => s.name === name);
  if (exact) return exact;
  if (framework) {
    const own = record.params.find((s) => s.frameworkNames?.[framework] === name);
    if (own) return own;
  }
  return record.params.find((s) => Object.values(s.frameworkNames ?? {}).includes(name));
}

function rangeText(spec: ParamSpec): string {
  const lo = spec.min === undefined ? '(-∞' : `${spec.minExclusive ? '(' : '['}${spec.min}`;
  const hi = spec.max === undefined ? '∞)' : `${spec.max}${spec.maxExclusive ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

function inRange(spec: ParamSpec, v: number): boolean {
  if (spec.min !== undefined && (spec.minExclusive ? !(v > spec.min) : !(v >= spec.min))) return false;
  if (spec.max !== undefined && (spec.maxExclusive ? !(v < spec.max) : !(v <= spec.max))) return false;
  return true;
}

/**
 * Every parameter of `record` with a value: `given` ones (by the lab's name, or by a
 * framework's name such as PyTorch's `negative_slope`), the rest from the defaults of `alias`,
 * `framework` or the lab. Throws a ParamError naming the problem for unknown names, non-finite or
 * out-of-range values.
 */
export function resolveParams(record: ActivationInfo, given: Params = {}, framework?: Framework, alias?: string): Record<string, number> {
  const out: Record<string, number> = {};
  const seenAs: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const spec = findSpec(record, name, framework);
    if (!spec) {
      throw new ParamError(record.params.length
        ? paramMessage('unknownParam', { name, id: record.id, list: record.params.map((s) => s.name) })
        : paramMessage('unknownParamNone', { name, id: record.id }));
    }
    if (spec.name in seenAs) {
      throw new ParamError(paramMessage('givenTwice', { param: spec.name, id: record.id, first: seenAs[spec.name], second: name }));
    }
    seenAs[spec.name] = name;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ParamError(paramMessage('notFinite', { param: spec.name, id: record.id, value: String(value) }));
    }
    if (!inRange(spec, value)) {
      throw new ParamError(paramMessage('outOfRange', { param: spec.name, id: record.id, range: rangeText(spec), value }));
    }
    out[spec.name] = value;
  }
  for (const spec of record.params) {
    if (!(spec.name in out)) out[spec.name] = paramDefault(spec, framework, alias);
  }
  const problem = record.checkParams?.(out);
  if (problem) throw new ParamError(paramMessage('invalidCombination', { id: record.id, problem }));
  return out;
}
