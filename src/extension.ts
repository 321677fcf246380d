import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { CustomActivations } from './host/customActivations';
import { ActivationHoverProvider } from './host/hover/activationHoverProvider';
import { LabPanels, type LabPanel } from './host/labPanel';
import type { LabServices } from './host/labSession';
import { SidebarView } from './host/sidebarView';
import { TrainingController } from './host/trainingController';

/** What `activate` returns: a small handle the integration tests use to observe surfaces. */
export interface ActivationLabApi {
  sidebar: SidebarView;
  training: TrainingController;
  labPanel(): LabPanel | undefined;
}

// Only wiring: every surface is a class in src/host/ that disposes what it registers, and gets
// the services it uses through its constructor.
export function activate(context: vscode.ExtensionContext): ActivationLabApi {
  const log = vscode.window.createOutputChannel('Activation Lab', { log: true });
  const customs = new CustomActivations(log);
  const training = new TrainingController(context.globalStorageUri, log);
  const services: LabServices = { extensionUri: context.extensionUri, log, training, customs };
  const panels = new LabPanels(services);
  const sidebar = new SidebarView(services, panels);
  context.subscriptions.push(
    log,
    customs,
    training,
    panels,
    sidebar,
    ActivationHoverProvider.register({ log, customs }),
    vscode.window.registerWebviewViewProvider(SidebarView.viewId, sidebar),
    ...registerCommands(services, panels),
  );
  // A job cut off by a closed window or a crash can go on from its checkpoints.
  void training.offerResume();
  return { sidebar, training, labPanel: () => panels.current };
}

export function deactivate(): void {}
