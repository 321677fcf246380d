// The user's custom activations from the setting `activationLab.customActivations`
// ([{ name, expression, params }]), compiled; bad entries are reported by index and skipped,
// so one typo does not hide the others.
import { compileCustomActivation, type CustomActivation } from './customActivation';

export interface CompiledCustomActivations {
  activations: CustomActivation[];
  /** One line per entry that was skipped, naming it and the problem. */
  problems: string[];
}

export function compileCustomActivations(setting: unknown): CompiledCustomActivations {
  const activations: CustomActivation[] = [];
  const problems: string[] = [];
  if (setting === undefined || setting === null) return { activations, problems };
  if (!Array.isArray(setting)) {
    problems.push(`activationLab.customActivations must be an array of { name, expression, params }, got ${typeof setting}`);
    return { activations, problems };
  }
  setting.forEach((def: unknown, i) => {
    const label = typeof (def as { name?: unknown })?.name === 'string' ? `'${(def as { name: string }).name}'` : `#${i + 1}`;
    try {
      const compiled = compileCustomActivation(def as Parameters<typeof compileCustomActivation>[0]);
      if (activations.some((a) => a.id === compiled.id)) throw new Error(`the name is defined twice; the first definition is used`);
      activations.push(compiled);
    } catch (e) {
      problems.push(`custom activation ${label} (entry ${i + 1}) skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { activations, problems };
}
