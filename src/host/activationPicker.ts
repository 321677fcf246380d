import * as vscode from 'vscode';
import { ACTIVATIONS } from '../core/activations/registry';
import type { ActivationRecord } from '../core/activations/types';
import { formulaText, uiLanguage } from '../core/locale';
import { compileCustomActivations } from '../core/expr/customActivations';
import type { CustomActivation } from '../core/expr/index';
import { rawCustomActivations } from './settings';

/** The user's custom activations as saved; entries that no longer compile are logged and skipped. */
export function customActivations(log?: vscode.LogOutputChannel): CustomActivation[] {
  const { activations, problems } = compileCustomActivations(rawCustomActivations());
  for (const p of problems) log?.warn(p);
  return activations;
}

interface ActivationItem extends vscode.QuickPickItem {
  record: ActivationRecord;
}

function items(log: vscode.LogOutputChannel, elementwiseOnly: boolean, picked: readonly string[] = []): ActivationItem[] {
  const builtins = ACTIVATIONS.filter((a) => !elementwiseOnly || a.kind === 'elementwise');
  const lang = uiLanguage(vscode.env.language);
  return [
    ...builtins.map((record) => ({ label: record.id, description: formulaText(record.formula, lang), detail: record.doc[lang], record, picked: picked.includes(record.id) })),
    ...customActivations(log).map((record) => ({ label: record.id, description: record.expression, detail: vscode.l10n.t('custom activation'), record, picked: picked.includes(record.id) })),
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
