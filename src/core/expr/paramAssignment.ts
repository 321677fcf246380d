// Parameters written as text: the CLI's `--param alpha=0.3`, `leaky_relu(alpha=0.3)` on the
// command line, and the "Define Custom Activation" boxes' `alpha=0.3, beta=2`. One reader for all.
import { exprMessage, type ExprProblem, renderExprMessage } from './messages';

/**
 * One `name=number` assignment: the name and its finite value, or undefined.
 */
export function parseParamAssignment(text: string): { name: string; value: number } | undefined {
  const m = /^\s*([A-Za-z_]\w*)\s*=\s*(\S+)\s*$/.exec(text);
  const value = m ? Number(m[2]) : NaN;
  return m && Number.isFinite(value) ? { name: m[1], value } : undefined;
}

/**
 * `alpha=0.3, beta=2` (commas or semicolons; empty text is no parameters) as a null-prototype
 * record, or a sentence naming the first part that is not `name=number` or a name given twice.
 */
export function parseParamList(text: string): Record<string, number> | string {
  const r = readParamList(text);
  return 'params' in r ? r.params : renderExprMessage(r.problem, 'en');
}

/** parseParamList with the problem as a message, to render in the user's language. */
export function readParamList(text: string): { params: Record<string, number> } | ExprProblem {
  const out = Object.create(null) as Record<string, number>;
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const a = parseParamAssignment(part);
    if (!a) return { problem: exprMessage('notAnAssignment', { part: part.slice(0, 60) }) };
    if (a.name in out) return { problem: exprMessage('paramListedTwice', { name: a.name }) };
    out[a.name] = a.value;
  }
  return { params: out };
}
