import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { LabPanel } from './host/labPanel';
import { SidebarView } from './host/sidebarView';

/** What `activate` returns: a small handle the integration tests use to observe surfaces. */
export interface ActivationLabApi {
  sidebar: SidebarView;
  labPanel(): LabPanel | undefined;
}

// Only wiring: every surface is a class in src/host/ that disposes what it registers.
export function activate(context: vscode.ExtensionContext): ActivationLabApi {
  const log = vscode.window.createOutputChannel('Activation Lab', { log: true });
  const sidebar = new SidebarView(context.extensionUri, log);
  context.subscriptions.push(
    log,
    sidebar,
    vscode.window.registerWebviewViewProvider(SidebarView.viewId, sidebar),
    LabPanel.registerSerializer(context.extensionUri, log),
    ...registerCommands({ extensionUri: context.extensionUri, log }),
  );
  return { sidebar, labPanel: () => LabPanel.instance };
}

export function deactivate(): void {
  LabPanel.instance?.dispose();
}
