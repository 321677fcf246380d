// The user's custom activations from the setting `activationLab.customActivations`
// ([{ name, expression, params }]), compiled; bad entries are reported by index and skipped,
// so one typo does not hide the others. Compiling is not free (the derivative is checked on a
// grid), so a cache reuses each entry's record while its definition is unchanged.
import { compileCustomActivation, parseCustomActivationDef, type CustomActivation, type CustomActivationDef } from './customActivation';

export interface CompiledCustomActivations {
  /** The definitions that compiled, in the setting's order. */
  defs: CustomActivationDef[];
  activations: CustomActivation[];
  /** One line per entry that was skipped, naming it and the problem. */
  problems: string[];
}

/** Compiled records (or why they did not compile) by the JSON of their definition. */
export type CustomActivationCache = Map<string, CustomActivation | Error>;

export function compileCustomActivations(setting: unknown, cache: CustomActivationCache = new Map()): CompiledCustomActivations {
  const out: CompiledCustomActivations = { defs: [], activations: [], problems: [] };
  if (setting === undefined || setting === null) return out;
  if (!Array.isArray(setting)) {
    out.problems.push(`activationLab.customActivations must be an array of { name, expression, params }, got ${typeof setting}`);
    return out;
  }
  const seen = new Set<string>();
  const used = new Set<string>();
  setting.forEach((raw: unknown, i) => {
    const def = parseCustomActivationDef(raw);
    const label = typeof def === 'string' ? `#${i + 1}` : `'${def.name}'`;
    const skip = (why: string) => out.problems.push(`custom activation ${label} (entry ${i + 1}) skipped: ${why}`);
    if (typeof def === 'string') return skip(def);
    if (seen.has(def.name)) return skip('the name is defined twice; the first definition is used');
    const key = JSON.stringify([def.name, def.expression, Object.entries(def.params ?? {})]);
    used.add(key);
    let compiled = cache.get(key);
    if (!compiled) {
      try {
        compiled = compileCustomActivation(def);
      } catch (e) {
        compiled = e instanceof Error ? e : new Error(String(e));
      }
      cache.set(key, compiled);
    }
    if (compiled instanceof Error) return skip(compiled.message);
    seen.add(def.name);
    out.defs.push(def);
    out.activations.push(compiled);
  });
  // Only the setting's current entries stay cached.
  for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
  return out;
}
