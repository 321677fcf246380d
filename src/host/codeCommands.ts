import * as vscode from 'vscode';
import { findActivation, resolveParams } from '../core/activations/registry';
import type { ActivationRecord, Framework } from '../core/activations/types';
import {
  activationSource, CODE_FRAMEWORK_LABELS, CODE_FRAMEWORKS, codeFrameworkOf, type CodeFramework, isCodeFramework, runScript,
} from '../core/codegen/index';
import { renderExprError } from '../core/expr/index';
import { loadRunRecord } from '../core/runs/runStore';
import { parseFocusParams } from '../protocol/messages';
import { isRecord } from '../protocol/validate';
import { pickActivation } from './activationPicker';
import type { CustomActivations } from './customActivations';
import { pickRun } from './runCommands';
import { displayLanguage } from './runText';

/**
 * `activationLab.copyAsCode` arguments from a hover link, the lab page or a test: an activation
 * (with parameters) or a run folder; the framework and where the code goes are asked when absent.
 */
export interface CopyAsCodeArgs {
  activation?: string;
  params?: Record<string, number>;
  run?: string;
  /** A code framework, or the framework of the code a hover was over (TensorFlow gets Keras). */
  framework?: CodeFramework;
  destination?: 'clipboard' | 'editor';
}

// A built-in id, or a custom activation's name as saved (at most 64 characters, no control characters).
// eslint-disable-next-line no-control-regex -- keeping control characters out is the point
const NAME = /^[^\u0000-\u001f\u007f]{1,64}$/;

/** Malformed parts are dropped (the command then asks for them); anything else gives undefined. */
export function parseCopyAsCodeArgs(v: unknown): CopyAsCodeArgs | undefined {
  if (!isRecord(v)) return undefined;
  const out: CopyAsCodeArgs = {};
  if (typeof v.activation === 'string' && NAME.test(v.activation)) out.activation = v.activation;
  else if (typeof v.run === 'string' && v.run.length > 0 && v.run.length < 4096) out.run = v.run;
  else return undefined;
  const params = out.activation && v.params !== undefined ? parseFocusParams(v.params) : undefined;
  if (params && typeof params === 'object') out.params = params;
  if (typeof v.framework === 'string') {
    const fw = isCodeFramework(v.framework) ? v.framework : codeFrameworkOf(v.framework as Framework);
    if (fw) out.framework = fw;
  }
  if (v.destination === 'clipboard' || v.destination === 'editor') out.destination = v.destination;
  return out;
}

type Subject = { code: (fw: CodeFramework) => string; name: string };

function activationSubject(record: ActivationRecord, params: Record<string, number>): Subject {
  return { name: record.id, code: (fw) => activationSource(record, params, fw) };
}

function runSubject(dir: string): Subject {
  const record = loadRunRecord(dir);
  return { name: record.id, code: (fw) => runScript(record, fw) };
}

/** The subject named by the arguments, or picked: an activation or a run. */
async function subjectOf(args: CopyAsCodeArgs | undefined, customs: CustomActivations, experimentsDir: string): Promise<Subject | undefined> {
  if (args?.activation) {
    const record = findActivation(args.activation) ?? customs.activations.find((c) => c.id === args.activation);
    if (!record) throw new Error(vscode.l10n.t("Unknown activation '{0}'.", args.activation));
    return activationSubject(record, resolveParams(record, args.params ?? {}));
  }
  if (args?.run) return runSubject(args.run);
  const title = vscode.l10n.t('Copy as Code');
  const kinds = [
    { label: `$(symbol-function) ${vscode.l10n.t('An activation')}`, detail: vscode.l10n.t('A Python function f(x) with its parameters'), subject: 'activation' as const },
    { label: `$(history) ${vscode.l10n.t('A training run')}`, detail: vscode.l10n.t('A script that trains the same network with the same settings'), subject: 'run' as const },
  ];
  const kind = (await vscode.window.showQuickPick(kinds, { title }))?.subject;
  if (kind === 'activation') {
    const record = await pickActivation(customs, title);
    return record && activationSubject(record, resolveParams(record));
  }
  if (kind === 'run') {
    const run = await pickRun(experimentsDir, title);
    return run && runSubject(run.dir);
  }
  return undefined;
}

async function pickFramework(): Promise<CodeFramework | undefined> {
  const items = CODE_FRAMEWORKS.map((fw) => ({ label: CODE_FRAMEWORK_LABELS[fw], fw }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Copy as Code: framework') }))?.fw;
}

async function pickDestination(): Promise<'clipboard' | 'editor' | undefined> {
  const items = [
    { label: `$(clippy) ${vscode.l10n.t('Copy to Clipboard')}`, destination: 'clipboard' as const },
    { label: `$(new-file) ${vscode.l10n.t('Open in New Editor')}`, destination: 'editor' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Copy as Code: where to') }))?.destination;
}

/**
 * "Copy as Code": an activation or a run as PyTorch, Keras or JAX code, to the clipboard or a new
 * untitled Python editor. Returns the code (undefined when a picker is dismissed or it fails).
 */
export async function copyAsCode(rawArgs: unknown, customs: CustomActivations, log: vscode.LogOutputChannel, experimentsDir: string): Promise<string | undefined> {
  const args = rawArgs === undefined ? undefined : parseCopyAsCodeArgs(rawArgs);
  if (rawArgs !== undefined && !args) log.warn(`copyAsCode: ignoring malformed arguments ${JSON.stringify(rawArgs)?.slice(0, 200)}`);
  try {
    const subject = await subjectOf(args, customs, experimentsDir);
    if (!subject) return undefined;
    const framework = args?.framework ?? (await pickFramework());
    if (!framework) return undefined;
    const code = subject.code(framework);
    const destination = args?.destination ?? (await pickDestination());
    if (destination === 'clipboard') {
      await vscode.env.clipboard.writeText(code);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} as {1} code.', subject.name, CODE_FRAMEWORK_LABELS[framework]));
    } else if (destination === 'editor') {
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: code });
      await vscode.window.showTextDocument(doc);
    } else {
      return undefined;
    }
    return code;
  } catch (e) {
    log.error(`copyAsCode: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Copy as Code failed: {0}', renderExprError(e, displayLanguage())));
    return undefined;
  }
}
