// The frameworks "Copy as code" writes for, and how each is named in the activation registry.
import type { Framework } from '../activations/types';

export type CodeFramework = 'pytorch' | 'keras' | 'jax';

export const CODE_FRAMEWORKS: readonly CodeFramework[] = ['pytorch', 'keras', 'jax'];

export const CODE_FRAMEWORK_LABELS: Readonly<Record<CodeFramework, string>> = {
  pytorch: 'PyTorch',
  keras: 'Keras (TensorFlow)',
  jax: 'JAX',
};

export const isCodeFramework = (v: string): v is CodeFramework => (CODE_FRAMEWORKS as readonly string[]).includes(v);

/** A framework by name (case-insensitive; 'torch', 'tensorflow' and 'tf' are accepted), or a one-line problem. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- names both outcomes; isCodeFramework tells them apart
export function parseCodeFramework(text: string | undefined): CodeFramework | string {
  const t = (text ?? '').trim().toLowerCase();
  const aliases: Record<string, CodeFramework> = { pytorch: 'pytorch', torch: 'pytorch', keras: 'keras', tensorflow: 'keras', tf: 'keras', jax: 'jax' };
  if (Object.hasOwn(aliases, t)) return aliases[t]; // not `in`: 'constructor' is in every object
  return t === '' ? `name a framework: ${CODE_FRAMEWORKS.join(', ')}` : `unknown framework '${text}'; use ${CODE_FRAMEWORKS.join(', ')}`;
}

/** The framework whose code a hover was over, as the framework to write for (TensorFlow code gets Keras). */
export function codeFrameworkOf(framework: Framework | undefined): CodeFramework | undefined {
  switch (framework) {
    case 'pytorch': return 'pytorch';
    case 'keras': case 'tensorflow': return 'keras';
    case 'jax': return 'jax';
    default: return undefined;
  }
}
