// Arguments of the lab's commands when something other than the palette runs them: hover links
// (`command:` URIs), the sidebar, tests. They arrive as untyped JSON, so each has a parser that
// returns undefined for anything malformed (the command then behaves as if run from the palette).
import type { Framework } from '../core/activations/types';
import type { CompareActivationsArgs, OpenGuideArgs, OpenLabArgs } from '../core/hover/commandLinks';
import { PATH_SEGMENT } from '../core/runs/pathSegment';
import { LAB_SECTIONS, type LabSection } from './labTypes';
import { parseFocusParams } from './messages';
import { isRecord } from './validate';

export type { CompareActivationsArgs, OpenGuideArgs, OpenLabArgs };

const ID = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;

/** Malformed parameters are dropped (the lab then shows the defaults); the activation still opens. */
export function parseOpenLabArgs(v: unknown): OpenLabArgs | undefined {
  if (!isRecord(v) || typeof v.activation !== 'string' || !ID.test(v.activation)) return undefined;
  const parsed = v.params === undefined ? undefined : parseFocusParams(v.params);
  const params = typeof parsed === 'object' ? parsed : undefined;
  return { activation: v.activation, ...(typeof v.framework === 'string' ? { framework: v.framework as Framework } : {}), ...(params ? { params } : {}) };
}

export function parseCompareArgs(v: unknown): CompareActivationsArgs | undefined {
  return Array.isArray(v) && v.length > 0 && v.length <= 32 && v.every((x) => typeof x === 'string' && ID.test(x)) ? (v as string[]) : undefined;
}

export function parseOpenGuideArgs(v: unknown): OpenGuideArgs | undefined {
  return isRecord(v) && typeof v.activation === 'string' && ID.test(v.activation) ? { activation: v.activation } : undefined;
}

/** `activationLab.openLab` from the status bar: `{ section }`, one of the lab's sections. */
export function parseOpenSectionArgs(v: unknown): LabSection | undefined {
  return isRecord(v) && (LAB_SECTIONS as readonly unknown[]).includes(v.section) ? (v.section as LabSection) : undefined;
}

/**
 * `activationLab.openReport` and `activationLab.showRuns` from the status bar, a notification or a
 * test: `{ experiment, run? }`, each one folder name. Anything else: undefined (the palette's picker).
 */
export function parseReportArgs(v: unknown): { experiment: string; run?: string } | undefined {
  if (!isRecord(v) || typeof v.experiment !== 'string' || !PATH_SEGMENT.test(v.experiment)) return undefined;
  if (v.run !== undefined && (typeof v.run !== 'string' || !PATH_SEGMENT.test(v.run))) return undefined;
  return { experiment: v.experiment, ...(typeof v.run === 'string' ? { run: v.run } : {}) };
}
