// Parameters written as text: the CLI's `--param alpha=0.3`, `leaky_relu(alpha=0.3)` on the
// command line, and the "Define Custom Activation" boxes' `alpha=0.3, beta=2`. One reader for all.

/**
 * One `name=number` assignment: the name and its finite value, or undefined.
 */
export function parseParamAssignment(text: string): { name: string; value: number } | undefined {
  const m = /^\s*([A-Za-z_]\w*)\s*=\s*(\S+)\s*$/.exec(text);
  const value = m ? Number(m[2]) : NaN;
  return m && Number.isFinite(value) ? { name: m[1]!, value } : undefined;
}

/**
 * `alpha=0.3, beta=2` (commas or semicolons; empty text is no parameters) as a null-prototype
 * record, or a sentence naming the first part that is not `name=number` or a name given twice.
 */
export function parseParamList(text: string): Record<string, number> | string {
  const out = Object.create(null) as Record<string, number>;
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const a = parseParamAssignment(part);
    if (!a) return `'${part.slice(0, 60)}' is not of the form name=number`;
    if (a.name in out) return `the parameter ${a.name} is given twice`;
    out[a.name] = a.value;
  }
  return out;
}
