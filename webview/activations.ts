// The activations the page can draw: the registry's built-ins (the single source of f and f')
// and the user's saved custom ones, compiled by the same expression compiler the trainer uses.
import { ACTIVATIONS, findActivation } from '../src/core/activations/registry';
import type { ActivationRecord, ParamSpec } from '../src/core/activations/types';
import type { CustomActivationDef } from '../src/core/expr/customActivation';
import { compileCustomActivations, type CustomActivationCache } from '../src/core/expr/customActivations';

const cache: CustomActivationCache = new Map();

/** The saved activations compiled as the host compiles them (one compiler, one cache per side). */
function compiled(customs: readonly CustomActivationDef[]): ActivationRecord[] {
  const { activations, problems } = compileCustomActivations(customs, cache);
  for (const p of problems) console.warn(`[activation-lab] ${p}`);
  return activations;
}

/** Built-ins first (the tutorial's six in its order), then the user's. */
export function allActivations(customs: readonly CustomActivationDef[]): ActivationRecord[] {
  return [...ACTIVATIONS, ...compiled(customs)];
}

export function recordFor(id: string, customs: readonly CustomActivationDef[]): ActivationRecord | undefined {
  return ACTIVATIONS.find((r) => r.id === id) ?? compiled(customs).find((r) => r.id === id) ?? findActivation(id);
}

/** A slider's range for a parameter: its declared bounds, else a span around the default. */
export function sliderRange(spec: ParamSpec): { min: number; max: number; step: number } {
  const d = spec.default;
  const span = Math.max(1, Math.abs(d) * 4);
  const min = spec.min !== undefined ? spec.min : d - span;
  let max = spec.max !== undefined ? spec.max : d + span;
  if (!(max > min)) max = min + 1;
  const lo = spec.minExclusive ? min + (max - min) / 1000 : min;
  const hi = spec.maxExclusive ? max - (max - min) / 1000 : max;
  return { min: lo, max: hi, step: (hi - lo) / 200 };
}

/** Parameter values for a record: the page's choices where valid, else the defaults. */
export function paramsFor(record: ActivationRecord, chosen: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of record.params) {
    const v = chosen?.[spec.name];
    const r = sliderRange(spec);
    out[spec.name] = typeof v === 'number' && Number.isFinite(v) && v >= r.min && v <= r.max ? v : spec.default;
  }
  if (record.checkParams?.(out)) for (const spec of record.params) out[spec.name] = spec.default;
  return out;
}

/**
 * The values a host focus asks for (a hover's `LeakyReLU(alpha=0.3)`) on top of the page's own:
 * only the record's parameter names, and only values its sliders can show; the names left out are listed.
 */
export function focusParams(record: ActivationRecord, current: Record<string, number> | undefined, given: Record<string, number>): { params: Record<string, number>; ignored: string[] } {
  const chosen = paramsFor(record, current);
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    const spec = record.params.find((s) => s.name === name);
    const r = spec && sliderRange(spec);
    if (r && value >= r.min && value <= r.max) chosen[name] = value;
    else ignored.push(name);
  }
  // A combination the activation rejects (hardtanh's min_val above max_val) falls back to the defaults.
  return { params: paramsFor(record, chosen), ignored };
}
