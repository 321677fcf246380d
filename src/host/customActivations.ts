import * as vscode from 'vscode';
import { compileCustomActivations, type CustomActivationCache } from '../core/expr/customActivations';
import type { CustomActivation, CustomActivationDef } from '../core/expr/index';
import { CUSTOM_ACTIVATIONS_SETTING, rawCustomActivations, saveCustomActivation } from './settings';

/**
 * The user's custom activations, one service for every surface (pickers, hovers, the lab, the
 * trainer): the setting compiled once per change (each unchanged entry's record reused), bad
 * entries named in the log once per change.
 */
export class CustomActivations implements vscode.Disposable {
  private readonly cache: CustomActivationCache = new Map();
  private current: { defs: CustomActivationDef[]; activations: CustomActivation[] } = { defs: [], activations: [] };
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires after the setting changed and was compiled again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.reload();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CUSTOM_ACTIVATIONS_SETTING)) return;
      this.reload();
      this.changed.fire();
    });
  }

  /** The definitions that compile, as saved. */
  get defs(): readonly CustomActivationDef[] {
    return this.current.defs;
  }

  /** Their compiled records. */
  get activations(): readonly CustomActivation[] {
    return this.current.activations;
  }

  find(name: string): { def: CustomActivationDef; activation: CustomActivation } | undefined {
    const i = this.current.defs.findIndex((d) => d.name === name);
    return i < 0 ? undefined : { def: this.current.defs[i], activation: this.current.activations[i] };
  }

  /** Saves a definition to the user settings (replacing one of the same name); the change event follows. */
  save(def: CustomActivationDef): Thenable<void> {
    return saveCustomActivation(def);
  }

  private reload(): void {
    const { defs, activations, problems } = compileCustomActivations(rawCustomActivations(), this.cache);
    this.current = { defs, activations };
    for (const p of problems) this.log.warn(p);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
