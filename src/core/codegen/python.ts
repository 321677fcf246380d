// Python source fragments: number and string literals, identifiers, and a set of imports that
// prints itself in the conventional order.

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Names the generated code itself uses (modules, builtins, the scripts' functions): nothing may shadow them. */
const TAKEN = new Set([
  'argparse', 'gzip', 'math', 'os', 're', 'sys', 'time', 'np', 'torch', 'nn', 'F', 'tf', 'keras', 'jax', 'jnp',
  'f', 'x', 'abs', 'min', 'max', 'float', 'int', 'len', 'print', 'range',
  'main', 'parse_args', 'read_idx', 'find_idx', 'load_data', 'validation_split', 'build_model', 'evaluate',
  'forward', 'loss_fn', 'train_step', 'predict', 'init_params', 'init_limit', 'adam_step', 'Activation',
]);

/** A parameter's name as a Python identifier: the lab's name, with `_` appended where Python or the code needs it. */
export function pythonName(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || '_';
  return KEYWORDS.has(id) || TAKEN.has(id) ? `${id}_` : id;
}

/** A float literal Python reads back as the same double: 0.01, 1e-07, 2.0, -0.5. */
export function pythonFloat(v: number): string {
  if (!Number.isFinite(v)) return v !== v ? "float('nan')" : v > 0 ? "float('inf')" : "-float('inf')";
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A number literal: integers without a decimal point (layer widths, epochs), else as pythonFloat. */
export function pythonNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : pythonFloat(v);
}

/** A single-quoted string literal. */
export function pythonString(s: string): string {
  // eslint-disable-next-line no-control-regex -- escaping the control characters is the point
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}

/** A comment line's text: no line breaks, so user text cannot end the comment early. */
export function commentText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** The import lines generated code uses, by the name they bind. */
export const IMPORT = {
  math: 'import math',
  np: 'import numpy as np',
  torch: 'import torch',
  nn: 'from torch import nn',
  F: 'import torch.nn.functional as F',
  tf: 'import tensorflow as tf',
  keras: 'from tensorflow import keras',
  jax: 'import jax',
  jnp: 'import jax.numpy as jnp',
  jsp: 'import jax.scipy.special',
} as const;

export type ImportName = keyof typeof IMPORT;

/** Import lines, collected while writing code and printed standard library first, then numpy, then the framework. */
export class Imports {
  private readonly lines = new Set<string>();

  add(line: string): this {
    this.lines.add(line);
    return this;
  }

  has(line: string): boolean {
    return this.lines.has(line);
  }

  toString(): string {
    const moduleOf = (l: string): string => /^(?:import|from)\s+([\w.]+)/.exec(l)?.[1] ?? '';
    const rank = (l: string): number => {
      const top = moduleOf(l).split('.')[0];
      if (['argparse', 'gzip', 'math', 'os', 're', 'sys', 'time'].includes(top)) return 0;
      return top === 'numpy' ? 1 : 2;
    };
    const key = (l: string): string => `${rank(l)} ${moduleOf(l)} ${l.startsWith('from') ? 1 : 0}`;
    const sorted = [...this.lines].sort((a, b) => key(a).localeCompare(key(b)) || a.localeCompare(b));
    // PEP 8: the standard library, then third-party modules, a blank line between.
    return sorted.map((l, i) => (i > 0 && rank(l) > 0 && rank(sorted[i - 1]) === 0 ? `\n${l}` : l)).join('\n');
  }
}
