import * as vscode from 'vscode';
import { ACTIVATIONS } from '../core/activations/registry';
import type { ActivationRecord } from '../core/activations/types';
import { compileCustomActivation, type CustomActivationDef } from '../core/expr/index';

/** The setting that holds the user's own activations (saved by "Define Custom Activation" and the lab). */
export const CUSTOM_ACTIVATIONS_SETTING = 'customActivations';

/** The user's custom activations as saved; entries that no longer compile are logged and skipped. */
export function customActivations(log?: vscode.LogOutputChannel): { def: CustomActivationDef; record: ActivationRecord }[] {
  const raw = vscode.workspace.getConfiguration('activationLab').get<unknown>(CUSTOM_ACTIVATIONS_SETTING);
  if (!Array.isArray(raw)) return [];
  const out: { def: CustomActivationDef; record: ActivationRecord }[] = [];
  for (const def of raw as CustomActivationDef[]) {
    try {
      out.push({ def, record: compileCustomActivation(def) });
    } catch (e) {
      log?.warn(`skipped custom activation ${JSON.stringify((def as { name?: unknown })?.name)}: ${(e as Error).message}`);
    }
  }
  return out;
}

interface ActivationItem extends vscode.QuickPickItem {
  record: ActivationRecord;
}

function items(log: vscode.LogOutputChannel, elementwiseOnly: boolean, picked: readonly string[] = []): ActivationItem[] {
  const builtins = ACTIVATIONS.filter((a) => !elementwiseOnly || a.kind === 'elementwise');
  const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
  return [
    ...builtins.map((record) => ({ label: record.id, description: record.formula.unicode, detail: record.doc[lang], record, picked: picked.includes(record.id) })),
    ...customActivations(log).map(({ def, record }) => ({ label: record.id, description: def.expression, detail: vscode.l10n.t('custom activation'), record, picked: picked.includes(record.id) })),
  ];
}

/** One activation from the registry and the user's own; undefined when the picker is dismissed. */
export async function pickActivation(log: vscode.LogOutputChannel, title: string): Promise<ActivationRecord | undefined> {
  const pick = await vscode.window.showQuickPick(items(log, false), { title, matchOnDescription: true, matchOnDetail: true });
  return pick?.record;
}

/** Several activations; undefined when dismissed or nothing was picked. */
export async function pickActivations(log: vscode.LogOutputChannel, title: string, picked: readonly string[] = []): Promise<ActivationRecord[] | undefined> {
  const picks = await vscode.window.showQuickPick(items(log, true, picked), { title, canPickMany: true, matchOnDescription: true });
  return picks && picks.length > 0 ? picks.map((p) => p.record) : undefined;
}
