/**
 * One `name=number` parameter assignment (the CLI's `--param alpha=0.3`, the "Define Custom
 * Activation" box's `alpha=0.3, beta=2`): the name and its finite value, or undefined.
 */
export function parseParamAssignment(text: string): { name: string; value: number } | undefined {
  const m = /^\s*([A-Za-z_]\w*)\s*=\s*(\S+)\s*$/.exec(text);
  const value = m ? Number(m[2]) : NaN;
  return m && Number.isFinite(value) ? { name: m[1]!, value } : undefined;
}
