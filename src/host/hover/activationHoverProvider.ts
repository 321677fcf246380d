import * as vscode from 'vscode';
import type { CustomActivation } from '../../core/expr/customActivation';
import { HOVER_COMMAND_IDS } from '../../core/hover/commandLinks';
import { hoverLanguage } from '../../core/hover/labels';
import { hoverMarkdown } from '../../core/hover/markdown';
import { findActivationReference } from '../../core/hover/reference';

/** Python (notebook cells included: a language filter matches every scheme), JS/TS and Markdown. */
export const HOVER_SELECTOR: vscode.DocumentSelector = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'markdown']
  .map((language) => ({ language }));

export interface HoverProviderOptions {
  log?: vscode.LogOutputChannel;
  /** The user's custom activations (hovers name them too). */
  customs?: { readonly activations: readonly CustomActivation[] };
  /** VS Code's display language; tests pass 'zh-cn' to see the Chinese hover in an English host. */
  displayLanguage?: () => string;
}

/**
 * Hover docs on activation names in code: the matching and the Markdown live in src/core/hover;
 * this class feeds them the document, the notebook's earlier cells and the custom activations.
 */
export class ActivationHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  /** Creates the provider and registers it for HOVER_SELECTOR; disposing it unregisters. */
  static register(options: HoverProviderOptions = {}): ActivationHoverProvider {
    const provider = new ActivationHoverProvider(options);
    provider.disposables.push(vscode.languages.registerHoverProvider(HOVER_SELECTOR, provider));
    return provider;
  }

  constructor(private readonly options: HoverProviderOptions = {}) {}

  /** The custom activations the hovers know. */
  get customActivations(): readonly CustomActivation[] {
    return this.options.customs?.activations ?? [];
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): vscode.Hover | undefined {
    try {
      const text = document.getText();
      const ref = findActivationReference(
        { text, languageId: document.languageId, preamble: notebookPreamble(document) },
        document.offsetAt(position),
        this.customActivations,
      );
      if (!ref || token?.isCancellationRequested) return undefined;
      const lang = hoverLanguage((this.options.displayLanguage ?? (() => vscode.env.language))());
      const md = new vscode.MarkdownString(hoverMarkdown(ref, lang));
      // Links may run the lab's own commands and no others.
      md.isTrusted = { enabledCommands: [...HOVER_COMMAND_IDS] };
      return new vscode.Hover(md, new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)));
    } catch (e) {
      this.options.log?.error(`activation hover failed in ${document.uri.toString()}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The Python text of the cells before `document` in its notebook, whose imports hold for it. */
function notebookPreamble(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  const key = document.uri.toString();
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const index = cells.findIndex((c) => c.document.uri.toString() === key);
    if (index < 0) continue;
    return cells
      .slice(0, index)
      .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === document.languageId)
      .map((c) => c.document.getText())
      .join('\n');
  }
  return undefined;
}
