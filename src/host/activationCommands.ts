import * as vscode from 'vscode';
import { resolveParams } from '../core/activations/registry';
import { evaluateAt } from '../core/analysis/evaluate';
import { evaluationLines } from '../core/analysis/evaluationText';
import type { ActivationRecord } from '../core/activations/types';
import { compileCustomActivation, renderExprError, renderExprMessage, type CustomActivationDef } from '../core/expr/index';
import { displayNameIn, type UiLanguage } from '../core/locale';
import { readParamList } from '../core/expr/paramAssignment';
import { pickActivation } from './activationPicker';
import type { CustomActivations } from './customActivations';
import { displayLanguage } from './runText';

/** Parses "1, -2.5, 1e-3" into numbers; a string says what is wrong. */
export function parseNumberList(text: string): number[] | string {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return vscode.l10n.t('Enter one or more numbers separated by commas');
  if (parts.length > 64) return vscode.l10n.t('At most 64 numbers');
  const values = parts.map(Number);
  const bad = parts.find((p, i) => !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) || !Number.isFinite(values[i]));
  return bad === undefined ? values : vscode.l10n.t("'{0}' is not a finite number", bad);
}

/** Parses "alpha=0.1, beta=2" into parameters; a string says what is wrong. */
export function parseParams(text: string): Record<string, number> | string {
  const read = readParamList(text);
  return 'params' in read ? read.params : vscode.l10n.t('Parameters are name=number, separated by commas: {0}', renderExprMessage(read.problem, displayLanguage()));
}

/**
 * f(x) and f'(x) as the lines `actlab eval` prints, in `lang` (VS Code's display language unless
 * given): the activation and its parameters, its formula, the table (softmax: the vector and its
 * Jacobian's diagonal, then the Jacobian when small). Throws the activation's own error when its
 * values cannot be computed.
 */
export function evaluateTable(record: ActivationRecord, xs: number[], given: Record<string, number> = {}, lang: UiLanguage = displayLanguage()): string[] {
  const p = resolveParams(record, given);
  return evaluationLines(record, record.id, p, evaluateAt(record, xs, p), lang);
}

/** The parameters of a record as "alpha=0.01, beta=1" (its defaults), what the input box starts with. */
function paramText(record: ActivationRecord): string {
  return record.params.map((s) => `${s.name}=${s.default}`).join(', ');
}

/** Parsed parameters a record accepts: only its own names, a combination it allows; else what is wrong. */
export function parseParamsFor(record: ActivationRecord, text: string): Record<string, number> | string {
  const params = parseParams(text);
  if (typeof params === 'string') return params;
  const unknown = Object.keys(params).filter((k) => !record.params.some((s) => s.name === k));
  if (unknown.length) return vscode.l10n.t('{0} has no parameter {1}; its parameters: {2}', displayNameIn(record, displayLanguage()), unknown.join(', '), record.params.map((s) => s.name).join(', '));
  try {
    resolveParams(record, params); // each value in its range, and a combination the record allows
  } catch (e) {
    return vscode.l10n.t('Parameters not accepted: {0}', renderExprError(e, displayLanguage()));
  }
  return params;
}

/**
 * "Evaluate Activation at x": pick, set its parameters (when it has any: the defaults are filled
 * in), type x values; the table of f(x) and f'(x) goes to the output channel, which is shown.
 */
export async function evaluateAtX(customs: CustomActivations, log: vscode.LogOutputChannel): Promise<string[] | undefined> {
  const record = await pickActivation(customs, vscode.l10n.t('Evaluate Activation at x'));
  if (!record) return undefined;
  let given: Record<string, number> = {};
  if (record.params.length) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Evaluate {0}: parameters', displayNameIn(record, displayLanguage())),
      prompt: vscode.l10n.t('name=value, separated by commas; the defaults are filled in'),
      value: paramText(record),
      validateInput: (v) => {
        const r = parseParamsFor(record, v);
        return typeof r === 'string' ? r : undefined;
      },
    });
    if (text === undefined) return undefined;
    const parsed = parseParamsFor(record, text);
    if (typeof parsed === 'string') return undefined;
    given = parsed;
  }
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Evaluate {0} at x', record.id),
    prompt: record.kind === 'vector' ? vscode.l10n.t('A vector of logits, e.g. 1, 2, 3') : vscode.l10n.t('One or more x values, e.g. -1, 0, 2'),
    value: record.kind === 'vector' ? '1, 2, 3' : '-1, 0, 1',
    validateInput: (v) => {
      const r = parseNumberList(v);
      return typeof r === 'string' ? r : undefined;
    },
  });
  if (text === undefined) return undefined;
  const xs = parseNumberList(text);
  if (typeof xs === 'string') return undefined;
  let lines: string[];
  try {
    lines = evaluateTable(record, xs, given);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot evaluate {0}: {1}', record.id, renderExprError(e, displayLanguage())));
    return undefined;
  }
  for (const l of lines) log.info(l);
  log.show(true);
  return lines;
}

/**
 * "Define Custom Activation": a name, optional parameters, and an expression validated as it is
 * typed (parse errors with their column, derivative checked on a grid); saved to user settings.
 */
export async function defineCustomActivation(customs: CustomActivations): Promise<CustomActivationDef | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Define Custom Activation (1/3): name'),
    placeHolder: 'swish2',
    validateInput: (v) => (/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(v.trim()) ? undefined : vscode.l10n.t('A name of letters, digits and _ (at most 64), starting with a letter')),
  });
  if (name === undefined) return undefined;
  const paramText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Define Custom Activation (2/3): parameters'),
    prompt: vscode.l10n.t('Optional defaults, e.g. beta=2, alpha=0.1 (leave empty for none)'),
    validateInput: (v) => {
      const r = parseParams(v);
      return typeof r === 'string' ? r : undefined;
    },
  });
  if (paramText === undefined) return undefined;
  const params = parseParams(paramText);
  if (typeof params === 'string') return undefined;
  const check = (expression: string): string | undefined => {
    try {
      compileCustomActivation({ name: name.trim(), expression, params });
      return undefined;
    } catch (e) {
      return renderExprError(e, displayLanguage()); // with its column, in VS Code's display language
    }
  };
  const expression = await vscode.window.showInputBox({
    title: vscode.l10n.t('Define Custom Activation (3/3): f(x)'),
    prompt: vscode.l10n.t('An expression over x{0}: + - * / ^, exp log sqrt abs tanh sigmoid erf sin cos min max, where(cond, a, b)', Object.keys(params).length ? `, ${Object.keys(params).join(', ')}` : ''),
    placeHolder: 'x*sigmoid(beta*x)',
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter an expression') : check(v)),
  });
  if (expression === undefined) return undefined;
  const error = check(expression);
  if (error) {
    void vscode.window.showErrorMessage(error);
    return undefined;
  }
  const def: CustomActivationDef = { name: name.trim(), expression: expression.trim(), params };
  await customs.save(def);
  const derivative = compileCustomActivation(def).derivativeExpression;
  void vscode.window.showInformationMessage(vscode.l10n.t("Saved '{0}': f(x) = {1}, f'(x) = {2}", def.name, def.expression, derivative));
  return def;
}
