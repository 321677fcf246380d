// The operator sets the exporter writes, and the IR version each needs: the oldest IR that
// carries the opset (onnx/docs/Versioning.md, "Released Versions"), so older runtimes load it.

export const DEFAULT_OPSET = 17;
export const MIN_OPSET = 13;
export const MAX_OPSET = 21;

/** IR version by opset: 13-14 -> 7 (ONNX 1.8-1.9), 15-18 -> 8 (1.10-1.13), 19-20 -> 9 (1.14-1.15), 21 -> 10 (1.16). */
export function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

/** A problem with an opset in words, or undefined when the exporter supports it. */
export function opsetProblem(opset: number): string | undefined {
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    return `opset ${opset} is not supported: choose an integer from ${MIN_OPSET} to ${MAX_OPSET} (default ${DEFAULT_OPSET})`;
  }
  return undefined;
}
