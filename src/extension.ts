import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { CustomActivations } from './host/customActivations';
import { ActivationHoverProvider } from './host/hover/activationHoverProvider';
import { LabPanels, type LabPanel } from './host/labPanel';
import type { LabServices } from './host/labSession';
import { ReportPanel } from './host/reportPanel';
import { SidebarView } from './host/sidebarView';
import { TrainingStatusBar } from './host/statusBar';
import { TrainingController } from './host/trainingController';

/** What `activate` returns: a small handle the integration tests use to observe surfaces. */
export interface ActivationLabApi {
  sidebar: SidebarView;
  training: TrainingController;
  reports: ReportPanel;
  statusBar: TrainingStatusBar;
  labPanel(): LabPanel | undefined;
  /** performance.now() when the bundle had loaded, when activate was called, when the hover provider was registered, and when activate returned. */
  startup: { loaded: number; called: number; hoverRegistered: number; activated: number };
}

// Module evaluation ends here: everything above was loaded.
const loaded = performance.now();

// Only wiring: every surface is a class in src/host/ that disposes what it registers, and gets
// the services it uses through its constructor.
export function activate(context: vscode.ExtensionContext): ActivationLabApi {
  const called = performance.now();
  const log = vscode.window.createOutputChannel('Activation Lab', { log: true });
  const customs = new CustomActivations(log);
  // Hovers first: activation often starts because a Python file opened, and its first hover may come at once.
  context.subscriptions.push(log, customs, ActivationHoverProvider.register({ log, customs }));
  const hoverRegistered = performance.now();
  const training = new TrainingController(context.globalStorageUri, log);
  const base = { extensionUri: context.extensionUri, log, training, customs };
  const reports = new ReportPanel(base);
  const services: LabServices = { ...base, reports };
  const panels = new LabPanels(services);
  const sidebar = new SidebarView(services, panels);
  const statusBar = new TrainingStatusBar(training);
  context.subscriptions.push(
    training,
    reports,
    panels,
    sidebar,
    statusBar,
    vscode.window.registerWebviewViewProvider(SidebarView.viewId, sidebar),
    ...registerCommands(services, panels),
  );
  // A job cut off by a closed window or a crash can go on from its checkpoints: looked for after start-up.
  setTimeout(() => {
    void training.offerResume();
    statusBar.findLastExperiment();
  }, 0);
  const activated = performance.now();
  log.info(`activated: bundle loaded at ${loaded.toFixed(0)} ms, activate called ${(called - loaded).toFixed(0)} ms later; hovers ready ${(hoverRegistered - called).toFixed(0)} ms and everything ${(activated - called).toFixed(0)} ms into activate`);
  return { sidebar, training, reports, statusBar, labPanel: () => panels.current, startup: { loaded, called, hoverRegistered, activated } };
}

export function deactivate(): void {}
