import * as vscode from 'vscode';
import { ACTIVATIONS } from '../core/activations/registry';
import type { ActivationRecord } from '../core/activations/types';
import { formulaText, uiLanguage } from '../core/locale';
import type { CustomActivations } from './customActivations';

interface ActivationItem extends vscode.QuickPickItem {
  record: ActivationRecord;
}

function items(customs: CustomActivations, elementwiseOnly: boolean, picked: readonly string[] = []): ActivationItem[] {
  const builtins = ACTIVATIONS.filter((a) => !elementwiseOnly || a.kind === 'elementwise');
  const lang = uiLanguage(vscode.env.language);
  return [
    ...builtins.map((record) => ({ label: record.id, description: formulaText(record.formula, lang), detail: record.doc[lang], record, picked: picked.includes(record.id) })),
    ...customs.activations.map((record) => ({ label: record.id, description: record.expression, detail: vscode.l10n.t('custom activation'), record, picked: picked.includes(record.id) })),
  ];
}

/** One activation from the registry and the user's own; undefined when the picker is dismissed. */
export async function pickActivation(customs: CustomActivations, title: string): Promise<ActivationRecord | undefined> {
  const pick = await vscode.window.showQuickPick(items(customs, false), { title, matchOnDescription: true, matchOnDetail: true });
  return pick?.record;
}

/** Several activations; undefined when dismissed or nothing was picked. */
export async function pickActivations(customs: CustomActivations, title: string, picked: readonly string[] = []): Promise<ActivationRecord[] | undefined> {
  const picks = await vscode.window.showQuickPick(items(customs, true, picked), { title, canPickMany: true, matchOnDescription: true });
  return picks && picks.length > 0 ? picks.map((p) => p.record) : undefined;
}
