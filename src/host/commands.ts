import * as vscode from 'vscode';
import { LabPanel } from './labPanel';
import type { TrainingController } from './trainingController';
import { defineCustomActivation, evaluateAtX } from './activationCommands';
import { pickActivation, pickActivations } from './activationPicker';
import { deleteRun, showRuns } from './runCommands';

/** Everything a command handler may need; built once in `extension.ts`. */
export interface CommandContext {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  training: TrainingController;
}

/** Command ids (as declared in package.json) and their handlers. Every picker may be dismissed. */
export function labCommands(ctx: CommandContext): Record<string, (...args: unknown[]) => unknown> {
  const { extensionUri, log, training } = ctx;
  return {
    'activationLab.openLab': () => {
      LabPanel.show(extensionUri, log);
    },
    'activationLab.plotActivation': async () => {
      const record = await pickActivation(log, vscode.l10n.t('Plot Activation'));
      if (record) LabPanel.show(extensionUri, log, 'functions');
      return record?.id;
    },
    'activationLab.compareActivations': async (ids?: unknown) => {
      const given = Array.isArray(ids) && ids.every((i) => typeof i === 'string') ? (ids as string[]) : undefined;
      const records = given ? undefined : await pickActivations(log, vscode.l10n.t('Compare Activations'), ['sigmoid', 'tanh', 'relu']);
      const chosen = given ?? records?.map((r) => r.id);
      if (chosen) LabPanel.show(extensionUri, log, 'functions');
      return chosen;
    },
    'activationLab.evaluateActivation': () => evaluateAtX(log),
    'activationLab.defineCustomActivation': () => defineCustomActivation(),
    'activationLab.trainOnMnist': () => training.trainCommand(),
    'activationLab.stopTraining': () => training.stop(),
    'activationLab.openGuide': () => {
      LabPanel.show(extensionUri, log, 'guide');
    },
    'activationLab.showRuns': () => showRuns(training.experimentsDir),
    'activationLab.deleteRun': () => deleteRun(training.experimentsDir, log),
  };
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(labCommands(ctx)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
