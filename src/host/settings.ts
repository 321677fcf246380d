import * as vscode from 'vscode';
import type { CustomActivationDef } from '../core/expr/index';

// The lab's settings, read and written in one place (declared in package.json).
export const SETTINGS_SECTION = 'activationLab';
const CUSTOM_ACTIVATIONS = 'customActivations';
/** Full name, for `affectsConfiguration` and `inspect`. */
export const CUSTOM_ACTIVATIONS_SETTING = `${SETTINGS_SECTION}.${CUSTOM_ACTIVATIONS}`;

/** The dataset to train and verify on: the setting, or the bundled MNIST. */
export function datasetSpec(): string {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('dataset.path')?.trim() || 'mnist';
}

/** The custom-activations setting as stored: untrusted JSON for the callers to validate. */
export function rawCustomActivations(): unknown {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(CUSTOM_ACTIVATIONS);
}

/** Saves a custom activation to the user settings, replacing one of the same name. */
export async function saveCustomActivation(def: CustomActivationDef): Promise<void> {
  const raw = rawCustomActivations();
  const saved: unknown[] = Array.isArray(raw) ? raw : [];
  const existing = saved.filter((d) => (d as { name?: unknown } | null)?.name !== def.name);
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(CUSTOM_ACTIVATIONS, [...existing, def], vscode.ConfigurationTarget.Global);
}
