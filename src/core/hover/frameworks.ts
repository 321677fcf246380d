// Which framework a module path belongs to, and the short form the registry's aliases use for a
// fully qualified name ('torch.nn.functional.gelu' → 'F.gelu', 'tensorflow.keras.layers.X' → 'keras.layers.X').
import type { Framework } from '../activations/types';
import type { Bindings, SourceLanguage } from './imports';

/** Display names, the same in every UI language. */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  pytorch: 'PyTorch',
  keras: 'Keras',
  tensorflow: 'TensorFlow',
  jax: 'JAX',
  onnx: 'ONNX',
  tfjs: 'TensorFlow.js',
};

/** The framework as a hover names it: TensorFlow's bundled Keras (tf.keras, Keras 2) is called so. */
export function frameworkLabel(framework: Framework, alias: string): string {
  return framework === 'tensorflow' && alias.startsWith('tf.keras.') ? 'Keras (tf.keras)' : FRAMEWORK_NAMES[framework];
}

// Most specific first: tf.keras is Keras, not TensorFlow; torch.nn.functional is `F`.
const RULES: readonly [RegExp, Framework, string][] = [
  [/^@tensorflow\/tfjs(?:-[\w-]+)?(?:\.|$)/, 'tfjs', 'tf.'],
  [/^torch\.nn\.functional(?:\.|$)/, 'pytorch', 'F.'],
  [/^torch\.nn(?:\.|$)/, 'pytorch', 'nn.'],
  [/^torch(?:\.|$)/, 'pytorch', 'torch.'],
  [/^(?:tensorflow\.keras|tensorflow\.python\.keras|tf_keras|keras\.src|keras)(?:\.|$)/, 'keras', 'keras.'],
  [/^tensorflow_addons(?:\.|$)/, 'tensorflow', 'tfa.'],
  [/^tensorflow(?:\.|$)/, 'tensorflow', 'tf.'],
  [/^flax\.(?:linen|nnx)(?:\.|$)/, 'jax', 'jax.nn.'], // flax re-exports jax.nn's activations
  [/^jax(?:\.|$)/, 'jax', 'jax.'],
];

/** A fully qualified path's framework and its short form; undefined outside the known frameworks. */
export function canonicalName(qualified: string): { framework: Framework; name: string } | undefined {
  for (const [re, framework, short] of RULES) {
    const m = re.exec(qualified);
    if (m) return { framework, name: short + qualified.slice(m[0].length) };
  }
  return undefined;
}

/** The framework a module path belongs to, if any. */
export function frameworkOfModule(module: string): Framework | undefined {
  return canonicalName(module)?.framework;
}

/**
 * The framework a file works in: the first framework its imports name; else TensorFlow.js for
 * JavaScript (its only framework here); else undefined.
 */
export function fileFramework(bindings: Bindings, language: SourceLanguage | undefined): Framework | undefined {
  for (const module of bindings.values()) {
    const fw = frameworkOfModule(module);
    if (fw) return fw;
  }
  return language === 'javascript' ? 'tfjs' : undefined;
}
