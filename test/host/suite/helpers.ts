import * as vscode from 'vscode';
import type { ActivationLabApi } from '../../../src/extension';

export const EXTENSION_ID = 'activation-lab.activation-lab';

export async function activateLab(): Promise<ActivationLabApi> {
  const ext = vscode.extensions.getExtension<ActivationLabApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Dismisses quick picks and input boxes until `pending` (a command that shows them) settles, and
 * returns its result. A dismissal while none is open does nothing, so the picker is closed however
 * late it appears on a busy machine; a command that never settles fails the test naming `what`.
 */
export async function dismissUntilSettled<T>(what: string, pending: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => { settled = true; });
  const t0 = Date.now();
  while (!settled) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what} did not finish within ${timeoutMs} ms with its pickers dismissed`);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
  }
  return result;
}

/**
 * Accepts the active item of every quick pick until `pending` settles (what pressing Enter at
 * each picker does), and returns its result; like dismissUntilSettled, however late a picker appears.
 */
export async function acceptUntilSettled<T>(what: string, pending: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => { settled = true; });
  const t0 = Date.now();
  while (!settled) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what} did not finish within ${timeoutMs} ms with Enter pressed at each picker`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 150))]);
  }
  return result;
}
