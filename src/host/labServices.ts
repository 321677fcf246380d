import * as vscode from 'vscode';
import type { TrainingController } from './trainingController';
import { TrainingFeed } from './trainingFeed';

/** What the lab webviews use from the rest of the extension. */
export interface LabServices {
  training: TrainingController;
  feed: TrainingFeed;
}

let current: LabServices | undefined;

/** Wires the lab webviews to the extension's TrainingController (called once in activate). */
export function provideLabServices(training: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable {
  current?.feed.dispose();
  current = { training, feed: new TrainingFeed(training, log) };
  return { dispose: () => { current?.feed.dispose(); current = undefined; } };
}

/** The lab's services; undefined before activation or after deactivation. */
export function labServices(): LabServices | undefined {
  return current;
}
