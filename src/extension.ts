import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { LabPanel } from './host/labPanel';
import { SidebarView } from './host/sidebarView';
import { TrainingController } from './host/trainingController';
import { ActivationHoverProvider } from './host/hover/activationHoverProvider';
import { provideLabServices } from './host/labServices';

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
    provideLabServices(training, log),
    vscode.window.registerWebviewViewProvider(SidebarView.viewId, sidebar),
    LabPanel.registerSerializer(context.extensionUri, log),
    ActivationHoverProvider.register({ log }),
    ...registerCommands({ extensionUri: context.extensionUri, log, training }),
  );
  // A job cut off by a closed window or a crash can go on from its checkpoints.
  void training.offerResume();
  return { sidebar, training, labPanel: () => LabPanel.instance };
}

export function deactivate(): void {
  LabPanel.instance?.dispose();
}
