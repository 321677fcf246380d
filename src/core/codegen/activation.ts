// One activation as a Python function `f(x, <params>)` for PyTorch, Keras (TensorFlow ops) or JAX:
// the framework's own op where it computes exactly the lab's function for these parameter
// values, else the lab's expression translated node by node. Parameter values are always
// written out, so a framework default that differs from the lab's (Keras's LeakyReLU 0.3)
// cannot change the function; a comment names such defaults.
import { paramDefault } from '../activations/params';
import type { ActivationRecord, Framework } from '../activations/types';
import type { CustomActivation } from '../expr/customActivation';
import type { Expr } from '../expr/ast';
import { displayNameIn } from '../locale';
import { parseExpression } from '../expr/parser';
import { pythonExpression } from './expression';
import { CODE_FRAMEWORK_LABELS, type CodeFramework } from './frameworks';
import { commentText, IMPORT, type ImportName, Imports, pythonFloat, pythonName } from './python';

/** The framework's op for one activation; `p(name)` is the Python name of a parameter. */
interface NativeOp {
  /** Absent where the formula is written out, for the reason in `note`. */
  call?(p: (name: string) => string): string;
  imports: ImportName[];
  /** The op equals the lab's function only for these parameter values. */
  when?: Readonly<Record<string, number>>;
  /** Something a reader of this framework's code should know (a default that differs). */
  note?: string;
}

const op = (call: NonNullable<NativeOp['call']>, imports: ImportName[], extra: Partial<NativeOp> = {}): NativeOp => ({ call, imports, ...extra });
const formulaOnly = (note: string): NativeOp => ({ imports: [], note });

/** Built-ins by id: the frameworks' long-standing ops (PyTorch 1.12+, TensorFlow 2.4+, JAX 0.4). */
const NATIVE: Readonly<Record<string, Partial<Record<CodeFramework, NativeOp>>>> = {
  sigmoid: { pytorch: op(() => 'torch.sigmoid(x)', ['torch']), keras: op(() => 'tf.sigmoid(x)', ['tf']), jax: op(() => 'jax.nn.sigmoid(x)', ['jax']) },
  tanh: { pytorch: op(() => 'torch.tanh(x)', ['torch']), keras: op(() => 'tf.tanh(x)', ['tf']), jax: op(() => 'jnp.tanh(x)', ['jnp']) },
  relu: { pytorch: op(() => 'torch.relu(x)', ['torch']), keras: op(() => 'tf.nn.relu(x)', ['tf']), jax: op(() => 'jax.nn.relu(x)', ['jax']) },
  leaky_relu: {
    pytorch: op((p) => `F.leaky_relu(x, negative_slope=${p('alpha')})`, ['F']),
    keras: op((p) => `tf.nn.leaky_relu(x, alpha=${p('alpha')})`, ['tf']),
    jax: op((p) => `jax.nn.leaky_relu(x, negative_slope=${p('alpha')})`, ['jax']),
  },
  elu: {
    pytorch: op((p) => `F.elu(x, alpha=${p('alpha')})`, ['F']),
    keras: op(() => 'tf.nn.elu(x)', ['tf'], { when: { alpha: 1 } }),
    jax: op((p) => `jax.nn.elu(x, alpha=${p('alpha')})`, ['jax']),
  },
  softmax: {
    pytorch: op(() => 'torch.softmax(x, dim=-1)', ['torch']),
    keras: op(() => 'tf.nn.softmax(x, axis=-1)', ['tf']),
    jax: op(() => 'jax.nn.softmax(x, axis=-1)', ['jax']),
  },
  log_softmax: {
    pytorch: op(() => 'torch.log_softmax(x, dim=-1)', ['torch']),
    keras: op(() => 'tf.nn.log_softmax(x, axis=-1)', ['tf']),
    jax: op(() => 'jax.nn.log_softmax(x, axis=-1)', ['jax']),
  },
  selu: { pytorch: op(() => 'F.selu(x)', ['F']), keras: op(() => 'tf.nn.selu(x)', ['tf']), jax: op(() => 'jax.nn.selu(x)', ['jax']) },
  celu: { pytorch: op((p) => `F.celu(x, alpha=${p('alpha')})`, ['F']), jax: op((p) => `jax.nn.celu(x, alpha=${p('alpha')})`, ['jax']) },
  gelu: {
    pytorch: op(() => 'F.gelu(x)', ['F']),
    keras: op(() => 'tf.nn.gelu(x, approximate=False)', ['tf']),
    jax: op(() => 'jax.nn.gelu(x, approximate=False)', ['jax'], { note: 'jax.nn.gelu defaults to approximate=True (the tanh form); the exact GELU needs approximate=False.' }),
  },
  gelu_tanh: {
    pytorch: op(() => "F.gelu(x, approximate='tanh')", ['F']),
    keras: op(() => 'tf.nn.gelu(x, approximate=True)', ['tf']),
    jax: op(() => 'jax.nn.gelu(x, approximate=True)', ['jax']),
  },
  silu: {
    pytorch: op(() => 'F.silu(x)', ['F'], { when: { beta: 1 } }),
    keras: op(() => 'tf.nn.silu(x)', ['tf'], { when: { beta: 1 } }),
    jax: op(() => 'jax.nn.silu(x)', ['jax'], { when: { beta: 1 } }),
  },
  mish: { pytorch: op(() => 'F.mish(x)', ['F']) },
  softplus: {
    pytorch: op((p) => `F.softplus(x, beta=${p('beta')}, threshold=${p('threshold')})`, ['F']),
    // Above the threshold the lab returns x itself; tf's and jax's softplus differ from x there by log1p(e^-20) < 3e-9.
    keras: op(() => 'tf.nn.softplus(x)', ['tf'], { when: { beta: 1, threshold: 20 } }),
    jax: op(() => 'jax.nn.softplus(x)', ['jax'], { when: { beta: 1, threshold: 20 } }),
  },
  softsign: { pytorch: op(() => 'F.softsign(x)', ['F']), keras: op(() => 'tf.nn.softsign(x)', ['tf']), jax: op(() => 'jax.nn.soft_sign(x)', ['jax']) },
  hard_sigmoid: {
    pytorch: op(() => 'F.hardsigmoid(x)', ['F'], { when: { alpha: 1 / 6, beta: 0.5 } }),
    keras: formulaOnly('keras.activations.hard_sigmoid is x/6 + 1/2 clipped in Keras 3 but 0.2x + 0.5 clipped in Keras 2, so the formula is written out.'),
    jax: op(() => 'jax.nn.hard_sigmoid(x)', ['jax'], { when: { alpha: 1 / 6, beta: 0.5 } }),
  },
  hard_swish: { pytorch: op(() => 'F.hardswish(x)', ['F']), jax: op(() => 'jax.nn.hard_swish(x)', ['jax']) },
  relu6: { pytorch: op(() => 'F.relu6(x)', ['F']), keras: op(() => 'tf.nn.relu6(x)', ['tf']), jax: op(() => 'jax.nn.relu6(x)', ['jax']) },
  hardtanh: {
    pytorch: op((p) => `F.hardtanh(x, min_val=${p('min_val')}, max_val=${p('max_val')})`, ['F']),
    keras: op((p) => `tf.clip_by_value(x, ${p('min_val')}, ${p('max_val')})`, ['tf']),
    jax: op((p) => `jnp.clip(x, ${p('min_val')}, ${p('max_val')})`, ['jnp']),
  },
  prelu: {
    pytorch: formulaOnly('In a model, nn.PReLU(init=alpha) learns alpha; this function keeps it fixed.'),
    keras: formulaOnly('In a model, keras.layers.PReLU learns alpha; this function keeps it fixed.'),
  },
  thresholded_relu: { pytorch: op((p) => `F.threshold(x, ${p('theta')}, 0.0)`, ['F']) },
  log_sigmoid: { pytorch: op(() => 'F.logsigmoid(x)', ['F']), keras: op(() => 'tf.math.log_sigmoid(x)', ['tf']), jax: op(() => 'jax.nn.log_sigmoid(x)', ['jax']) },
  tanhshrink: { pytorch: op(() => 'F.tanhshrink(x)', ['F']) },
  softshrink: { pytorch: op((p) => `F.softshrink(x, ${p('lambd')})`, ['F']) },
  hardshrink: { pytorch: op((p) => `F.hardshrink(x, ${p('lambd')})`, ['F']) },
  identity: { pytorch: op(() => 'x', []), keras: op(() => 'x', []), jax: op(() => 'x', []) },
};

/** The registry's framework names whose defaults a reader of this framework's code meets. */
const REGISTRY_FRAMEWORKS: Readonly<Record<CodeFramework, readonly Framework[]>> = {
  pytorch: ['pytorch'],
  keras: ['keras', 'tensorflow'],
  jax: ['jax'],
};

export interface ActivationCode {
  /** `def f(x, alpha=0.01):` and its body. */
  definition: string;
  imports: Imports;
  /** Whether the framework's own op computes it (else the lab's expression, translated). */
  native: boolean;
  /** Comment lines: framework defaults that differ from the values used, and caveats. */
  notes: string[];
}

export interface ActivationCodeOptions {
  /** The function's name (default `f`). */
  name?: string;
  /** Write the lab's expression even where the framework has an op (tests compare both routes). */
  forceExpression?: boolean;
  /** Add to these imports instead of a new set. */
  imports?: Imports;
}

const matches = (values: Readonly<Record<string, number>>, when: Readonly<Record<string, number>> | undefined): boolean =>
  !when || Object.entries(when).every(([k, v]) => values[k] !== undefined && Math.abs(values[k] - v) <= 1e-12 * Math.max(1, Math.abs(v)));

/** The expression an elementwise record computes: a custom activation's own, a built-in's `expression`. */
export function activationExpression(record: ActivationRecord): Expr | undefined {
  if (record.origin === 'custom') return (record as CustomActivation).ast;
  if (record.kind !== 'elementwise') return undefined;
  return parseExpression(record.expression, { params: record.params.map((s) => s.name) });
}

/**
 * Notes on this framework's own defaults where the registry records one that differs from the
 * lab's (Keras's LeakyReLU 0.3) and from the value this code passes.
 */
function defaultNotes(record: ActivationRecord, params: Readonly<Record<string, number>>, framework: CodeFramework): string[] {
  const notes: string[] = [];
  for (const spec of record.params) {
    const value = params[spec.name];
    if (value === undefined) continue;
    const byDefault = new Map<number, string[]>();
    for (const fw of REGISTRY_FRAMEWORKS[framework]) {
      for (const alias of record.aliases[fw] ?? []) {
        const d = paramDefault(spec, fw, alias);
        // The string form activation='...' takes no parameters; equal defaults need no word.
        if (alias.startsWith("'") || d === spec.default || d === value) continue;
        byDefault.set(d, [...(byDefault.get(d) ?? []), alias]);
      }
    }
    if (byDefault.size === 0) continue;
    const own = REGISTRY_FRAMEWORKS[framework].map((fw) => spec.frameworkNames?.[fw]).find(Boolean);
    const parts = [...byDefault].map(([d, aliases]) => `${aliases.join(' and ')} ${aliases.length > 1 ? 'default' : 'defaults'} to ${pythonFloat(d)}`);
    notes.push(`${spec.name}${own && own !== spec.name ? ` (${own})` : ''} is ${pythonFloat(value)} here${value === spec.default ? " (the lab's default)" : ''}; ${parts.join(', ')}.`);
  }
  return notes;
}

function docstring(text: string): string {
  return `"""${commentText(text).replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}"""`;
}

/** The activation as a Python function of x with its parameters as keyword arguments. */
export function activationFunction(
  record: ActivationRecord,
  params: Readonly<Record<string, number>>,
  framework: CodeFramework,
  options: ActivationCodeOptions = {},
): ActivationCode {
  const imports = options.imports ?? new Imports();
  const names = new Map(record.params.map((s) => [s.name, pythonName(s.name)]));
  const p = (name: string): string => names.get(name) ?? pythonName(name);
  const notes = defaultNotes(record, params, framework);
  const native = record.origin === 'builtin' && !options.forceExpression ? NATIVE[record.id]?.[framework] : undefined;
  let body: string;
  let usedNative = false;
  if (native?.call && matches(params, native.when)) {
    for (const i of native.imports) imports.add(IMPORT[i]);
    body = native.call(p);
    usedNative = true;
  } else {
    const ast = activationExpression(record);
    if (!ast) throw new Error(`${record.id} has no ${CODE_FRAMEWORK_LABELS[framework]} op and no expression to translate`);
    body = pythonExpression(ast, { framework, imports, paramName: p });
  }
  if (native?.note) notes.push(native.note);
  const signature = ['x', ...record.params.map((s) => `${p(s.name)}=${pythonFloat(params[s.name] ?? s.default)}`)].join(', ');
  const what = record.origin === 'custom' ? record.formula.unicode : `${displayNameIn(record, 'en')}: ${record.formula.unicode}`;
  const definition = [
    `def ${options.name ?? 'f'}(${signature}):`,
    `    ${docstring(what)}`,
    `    return ${body}`,
  ].join('\n');
  return { definition, imports, native: usedNative, notes };
}

/** A whole snippet to paste: a header, the imports and the function `f`. */
export function activationSource(record: ActivationRecord, params: Readonly<Record<string, number>>, framework: CodeFramework): string {
  const code = activationFunction(record, params, framework);
  const values = record.params.map((s) => `${s.name}=${pythonFloat(params[s.name] ?? s.default)}`).join(', ');
  const custom = record.origin === 'custom';
  // Code and its comments are in English whatever the UI language; the command line names an unnamed expression 'expression'.
  const title = !custom ? displayNameIn(record, 'en') : record.id === 'expression' ? 'An expression' : `Custom activation ${record.id}`;
  const header = [
    `# ${commentText(title)}${values ? ` (${values})` : ''} for ${CODE_FRAMEWORK_LABELS[framework]}, written by Activation Lab.`,
    `# ${commentText(record.formula.unicode)}`,
    // A built-in's formula is typeset; say which expression the code was translated from.
    ...(code.native || custom ? [] : [`# Translated from the lab's expression: ${commentText((record as { expression: string }).expression)}`]),
    ...code.notes.map((n) => `# Note: ${commentText(n)}`),
  ];
  const imports = code.imports.toString();
  return `${header.join('\n')}\n${imports ? `${imports}\n` : ''}\n\n${code.definition}\n`;
}
