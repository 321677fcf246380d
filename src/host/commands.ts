import * as vscode from 'vscode';
import { parseCompareArgs, parseOpenGuideArgs, parseOpenLabArgs, parseOpenSectionArgs } from '../protocol/commandArgs';
import { parsePlaygroundArgs } from '../protocol/playground';
import { defineCustomActivation, evaluateAtX } from './activationCommands';
import { pickActivation, pickActivations } from './activationPicker';
import type { LabPanels } from './labPanel';
import type { LabServices } from './labSession';
import { lazyFeature } from './lazyFeature';
import { deleteRun, openReport, showRuns } from './runCommands';

const onnx = lazyFeature<typeof import('./onnxCommands')>('onnxCommands');
const code = lazyFeature<typeof import('./codeCommands')>('codeCommands');
import { datasetSpec } from './settings';

/** Command ids (as declared in package.json) and their handlers. Every picker may be dismissed. */
export function labCommands(services: LabServices, panels: LabPanels): Record<string, (...args: unknown[]) => unknown> {
  const { log, training, customs } = services;
  return {
    'activationLab.openLab': (args?: unknown) => {
      // The status bar opens the Train section while a job runs.
      const section = parseOpenSectionArgs(args);
      if (section) return void panels.show(section);
      const focus = parseOpenLabArgs(args);
      // The code's parameters (Keras LeakyReLU's alpha 0.3) go with it; the page sets its sliders to them.
      panels.show('functions', focus ? { activations: [focus.activation], view: 'plot', ...(focus.params ? { params: focus.params } : {}) } : undefined);
    },
    'activationLab.plotActivation': async () => {
      const record = await pickActivation(customs, vscode.l10n.t('Plot Activation'));
      if (record) panels.show('functions', { activations: [record.id], view: 'plot' });
      return record?.id;
    },
    'activationLab.compareActivations': async (ids?: unknown) => {
      // Two or more ids compare at once; one id (a hover's link) preselects it in the picker.
      const given = parseCompareArgs(ids);
      const chosen = given && given.length > 1
        ? given
        : (await pickActivations(customs, vscode.l10n.t('Compare Activations'), given ?? ['sigmoid', 'tanh', 'relu']))?.map((r) => r.id);
      if (chosen) panels.show('functions', { activations: chosen, view: 'compare' });
      return chosen;
    },
    'activationLab.evaluateActivation': () => evaluateAtX(customs, log),
    'activationLab.defineCustomActivation': () => defineCustomActivation(customs),
    'activationLab.trainOnMnist': () => training.trainCommand(),
    'activationLab.stopTraining': () => training.stop(),
    'activationLab.exportOnnx': () => onnx().exportOnnxCommand(training.experimentsDir, log),
    'activationLab.verifyOnnx': () => onnx().verifyOnnxCommand(log, datasetSpec),
    'activationLab.openGuide': (args?: unknown) => {
      // A hover's link names its activation: the guide opens on it.
      const guide = parseOpenGuideArgs(args);
      panels.show('guide', guide ? { activations: [guide.activation] } : undefined);
    },
    // From a link or a test: playground settings ({ dataset: 'spiral', activation: 'tanh', race: 'relu', play: true, ... }); invalid ones are dropped.
    'activationLab.openPlayground': (args?: unknown) => {
      panels.show('playground', undefined, parsePlaygroundArgs(args));
    },
    // From the palette: a picker. With { experiment, run } (a link, the tests): that run's report.
    'activationLab.showRuns': (args?: unknown) => showRuns(training.experimentsDir, services.reports, args),
    'activationLab.openReport': (args?: unknown) => openReport(training.experimentsDir, services.reports, args),
    'activationLab.deleteRun': () => deleteRun(training.experimentsDir, log),
    // From a hover link or the lab page: { activation, params?, framework? } or { run: <folder> }.
    'activationLab.copyAsCode': (args?: unknown) => code().copyAsCode(args, customs, log, training.experimentsDir),
  };
}

export function registerCommands(services: LabServices, panels: LabPanels): vscode.Disposable[] {
  return Object.entries(labCommands(services, panels)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
