import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { LabPanel } from './host/labPanel';
import { SidebarView } from './host/sidebarView';
import { TrainingController } from './host/trainingController';

/** What `activate` returns: a small handle the integration tests use to observe surfaces. */
export interface ActivationLabApi {
  sidebar: SidebarView;
  training: TrainingController;
  labPanel(): LabPanel | undefined;
}

// Only wiring: every surface is a class in src/host/ that disposes what it registers.
export function activate(context: vscode.ExtensionContext): ActivationLabApi {
  const log = vscode.window.createOutputChannel('Activation Lab', { log: true });
  const sidebar = new SidebarView(context.extensionUri, log);
  const training = new TrainingController(context.globalStorageUri, log);
  context.subscriptions.push(
    log,
    sidebar,
    training,
    vscode.window.registerWebviewViewProvider(SidebarView.viewId, sidebar),
    LabPanel.registerSerializer(context.extensionUri, log),
    ...registerCommands({ extensionUri: context.extensionUri, log, training }),
  );
  return { sidebar, training, labPanel: () => LabPanel.instance };
}

export function deactivate(): void {
  LabPanel.instance?.dispose();
}
