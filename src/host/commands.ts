import * as vscode from 'vscode';
import { LabPanel } from './labPanel';
import type { TrainingController } from './trainingController';
import { defineCustomActivation, evaluateAtX } from './activationCommands';
import { pickActivation, pickActivations } from './activationPicker';
import { deleteRun, showRuns } from './runCommands';
import { exportOnnxCommand, verifyOnnxCommand } from './onnxCommands';
import { copyAsCode } from './codeCommands';
import { parseCompareArgs, parseOpenLabArgs } from '../protocol/commandArgs';
import { datasetSpec } from './settings';

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
    'activationLab.openLab': (args?: unknown) => {
      const focus = parseOpenLabArgs(args);
      // The code's parameters (Keras LeakyReLU's alpha 0.3) go with it; the page sets its sliders to them.
      LabPanel.show(extensionUri, log, 'functions', focus ? { activations: [focus.activation], view: 'plot', ...(focus.params ? { params: focus.params } : {}) } : undefined);
    },
    'activationLab.plotActivation': async () => {
      const record = await pickActivation(log, vscode.l10n.t('Plot Activation'));
      if (record) LabPanel.show(extensionUri, log, 'functions', { activations: [record.id], view: 'plot' });
      return record?.id;
    },
    'activationLab.compareActivations': async (ids?: unknown) => {
      // Two or more ids compare at once; one id (a hover's link) preselects it in the picker.
      const given = parseCompareArgs(ids);
      const chosen = given && given.length > 1
        ? given
        : (await pickActivations(log, vscode.l10n.t('Compare Activations'), given ?? ['sigmoid', 'tanh', 'relu']))?.map((r) => r.id);
      if (chosen) LabPanel.show(extensionUri, log, 'functions', { activations: chosen, view: 'compare' });
      return chosen;
    },
    'activationLab.evaluateActivation': () => evaluateAtX(log),
    'activationLab.defineCustomActivation': () => defineCustomActivation(),
    'activationLab.trainOnMnist': () => training.trainCommand(),
    'activationLab.stopTraining': () => training.stop(),
    'activationLab.exportOnnx': () => exportOnnxCommand(training.experimentsDir, log),
    'activationLab.verifyOnnx': () => verifyOnnxCommand(log, datasetSpec),
    'activationLab.openGuide': () => {
      LabPanel.show(extensionUri, log, 'guide');
    },
    'activationLab.showRuns': () => showRuns(training.experimentsDir),
    'activationLab.deleteRun': () => deleteRun(training.experimentsDir, log),
    // From a hover link or the lab page: { activation, params?, framework? } or { run: <folder> }.
    'activationLab.copyAsCode': (args?: unknown) => copyAsCode(args, log, training.experimentsDir),
  };
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(labCommands(ctx)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
