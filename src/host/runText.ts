// How the host words a run for a person (notifications, pickers, the status bar): in VS Code's
// display language by the lab's one locale rule, with the one status vocabulary of every surface.
import * as vscode from 'vscode';
import { activationName, runName } from '../core/charts/names';
import { countText, listText, uiLanguage, type UiLanguage } from '../core/locale';
import type { ResultsRun } from '../core/runs/resultsFile';
import { runStateText, runStatusText } from '../core/train/statusText';
import type { RunStatus } from '../core/train/results';

/** VS Code's display language as the lab's UI language (zh-cn, zh-sg, zh-hans: Chinese; zh-tw: English). */
export function displayLanguage(): UiLanguage {
  return uiLanguage(vscode.env.language);
}

/** A run's name in the display language: "ReLU + Tanh", "Leaky ReLU (alpha 0.3) #2", "GELU（tanh 近似）". */
export function runWords(id: string, activations: readonly string[] = []): string {
  return runName(id, activations, displayLanguage());
}

/** An activation spec ('leaky_relu(alpha=0.3)') by name and parameters in the display language. */
export function activationWords(spec: string): string {
  return activationName(spec, displayLanguage());
}

/** A count of images as the display language writes it: 10,000 or 10000. */
export function countWords(n: number): string {
  return countText(n, displayLanguage());
}

/** A run's status: 'completed', '已完成'. */
export function statusWords(status: RunStatus): string {
  return runStatusText(status, displayLanguage());
}

/** One run's ending in words: "97.50% on 10,000 test images", "stopped after 2/5 epochs", "stopped before it started", "diverged". */
export function runOutcomeText(r: Pick<ResultsRun, 'status' | 'test' | 'history'>, epochs: number): string {
  if (r.test) return vscode.l10n.t('{0} on {1} test images', `${(r.test.accuracy * 100).toFixed(2)}%`, countWords(r.test.count));
  return runStateText(r, epochs, displayLanguage());
}

/** Items of a list: "a, b, c"; in Chinese "a、b、c". */
export function listWords(items: readonly string[]): string {
  return listText(items, displayLanguage());
}

/** Items of a sentence that may hold commas of their own (a run's outcome): "a, b"; in Chinese "a；b". */
export function outcomeList(items: readonly string[]): string {
  return items.length ? items.reduce((list, item) => vscode.l10n.t('{0}, {1}', list, item)) : '';
}
