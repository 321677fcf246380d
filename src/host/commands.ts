import * as vscode from 'vscode';
import { LabPanel } from './labPanel';
import type { TrainingController } from './trainingController';

/** Everything a command handler may need; built once in `extension.ts`. */
export interface CommandContext {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  training: TrainingController;
}

/** Command ids (as declared in package.json) and their handlers. */
export function labCommands(ctx: CommandContext): Record<string, (...args: unknown[]) => unknown> {
  return {
    'activationLab.openLab': () => {
      LabPanel.show(ctx.extensionUri, ctx.log);
    },
    'activationLab.trainOnMnist': () => ctx.training.trainCommand(),
    'activationLab.stopTraining': () => ctx.training.stop(),
  };
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(labCommands(ctx)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
