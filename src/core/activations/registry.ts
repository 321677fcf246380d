// The one activation registry every surface reads: the list, lookup by id, and lookup by a
// framework's name for hovers ('nn.ReLU', 'F.leaky_relu', "activation='tanh'", 'jax.nn.silu').
import { celu, elu, selu, softplus } from './exponentialFamily';
import { resolveParams } from './params';
import { hardtanh, softsign, tanh, tanhshrink } from './tanhFamily';
import { leakyRelu, prelu, relu, relu6, thresholdedRelu } from './reluFamily';
import { gelu, geluTanh, hardSwish, mish, silu } from './selfGatedFamily';
import { hardshrink, identity, softshrink } from './shrinkFamily';
import { hardSigmoid, logSigmoidRecord, sigmoid } from './sigmoidFamily';
import { logSoftmax, softmax } from './softmaxFamily';
import type { ActivationRecord, Framework } from './types';
import { FRAMEWORKS } from './types';

export { resolveParams, paramDefault } from './params';
export { ParamError, renderParamMessage, type ParamMessage } from './paramMessages';

/** Every built-in activation: the tutorial's six first, in its order, then the rest. */
export const ACTIVATIONS: readonly ActivationRecord[] = Object.freeze([
  sigmoid, tanh, relu, leakyRelu, elu, softmax,
  selu, celu, gelu, geluTanh, silu, mish, softplus, softsign,
  hardSigmoid, hardSwish, relu6, hardtanh, prelu, thresholdedRelu,
  logSigmoidRecord, tanhshrink, softshrink, hardshrink, identity, logSoftmax,
].map((r) => Object.freeze(r)));

const byId = new Map<string, ActivationRecord>(ACTIVATIONS.map((r) => [r.id, r]));

/** What an alias lookup found: the record, whose name it is, and the parameters it implies. */
export interface AliasMatch {
  record: ActivationRecord;
  /** The framework the alias belongs to; undefined when the name was the lab's own id. */
  framework?: Framework;
  /** The alias as the registry spells it (e.g. "'tanh'" for activation='tanh'). */
  alias: string;
  /** The parameters that name implies (Keras's LeakyReLU layer: alpha 0.3). */
  params: Record<string, number>;
}

interface AliasEntry { record: ActivationRecord; framework: Framework; alias: string }

const exactIndex = new Map<string, AliasEntry[]>();
const foldedIndex = new Map<string, AliasEntry[]>();
for (const record of ACTIVATIONS) {
  for (const framework of FRAMEWORKS) {
    for (const alias of record.aliases[framework] ?? []) {
      const entry = { record, framework, alias };
      for (const [index, key] of [[exactIndex, alias], [foldedIndex, alias.toLowerCase()]] as const) {
        const list = index.get(key) ?? [];
        list.push(entry);
        index.set(key, list);
      }
    }
  }
}

// Long module paths to the short forms the registry lists, tried after the name as written.
const PREFIXES: readonly [RegExp, string][] = [
  [/^torch\.nn\.functional\./, 'F.'],
  [/^nn\.functional\./, 'F.'],
  [/^torch\.nn\./, 'nn.'],
  [/^tensorflow\./, 'tf.'],
  [/^tf\.keras\./, 'keras.'],
  [/^keras\.src\./, 'keras.'],
  [/^(activations|layers)\./, 'keras.$1.'],
  [/^jnp\./, 'jax.numpy.'],
];

/** The keys to try for a name, most literal first. */
function candidates(name: string): string[] {
  let s = name.trim().replace(/^activation\s*=\s*/, '');
  const quoted = /^(['"])(.*)\1$/.exec(s);
  if (quoted) return [`'${quoted[2]}'`];
  const out = [s];
  // Code a hover reads (`nn.ReLU()`): the callee names the layer. findActivation never gets here with a call.
  const call = /^([\w.]+)\s*\(.*\)$/s.exec(s);
  if (call) out.push((s = call[1]!));
  for (const [re, to] of PREFIXES) {
    if (re.test(s)) {
      s = s.replace(re, to);
      out.push(s);
    }
  }
  out.push(`'${s}'`); // a bare 'tanh' may be the string form activation='tanh'
  return out;
}

function pick(entries: AliasEntry[] | undefined, framework?: Framework): AliasEntry | undefined {
  return entries?.find((e) => framework === undefined || e.framework === framework);
}

/** Every match for a framework name, exact spellings first (e.g. ONNX 'Shrink' is soft- and hardshrink). */
export function findAllByAlias(name: string, framework?: Framework): AliasMatch[] {
  const seen = new Set<string>();
  const out: AliasMatch[] = [];
  const add = (e: AliasEntry): void => {
    const key = `${e.record.id}/${e.framework}/${e.alias}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ record: e.record, framework: e.framework, alias: e.alias, params: resolveParams(e.record, {}, e.framework, e.alias) });
  };
  const keys = candidates(name);
  for (const index of [exactIndex, foldedIndex]) {
    for (const key of keys) {
      for (const e of index.get(index === exactIndex ? key : key.toLowerCase()) ?? []) {
        if (framework === undefined || e.framework === framework) add(e);
      }
    }
    if (out.length) return out;
  }
  const own = byId.get(name.trim());
  if (own && framework === undefined) out.push({ record: own, alias: own.id, params: resolveParams(own) });
  return out;
}

/**
 * The record a framework's name refers to, e.g. 'nn.ReLU', 'torch.nn.functional.leaky_relu',
 * 'tf.keras.activations.swish', "activation='tanh'", 'jax.nn.silu', 'tf.leakyRelu'; with
 * `framework`, only that framework's names match. Undefined when nothing matches.
 */
export function findByAlias(name: string, framework?: Framework): AliasMatch | undefined {
  const keys = candidates(name);
  for (const index of [exactIndex, foldedIndex]) {
    for (const key of keys) {
      const e = pick(index.get(index === exactIndex ? key : key.toLowerCase()), framework);
      if (e) return { record: e.record, framework: e.framework, alias: e.alias, params: resolveParams(e.record, {}, e.framework, e.alias) };
    }
  }
  const own = byId.get(name.trim());
  return own && framework === undefined ? { record: own, alias: own.id, params: resolveParams(own) } : undefined;
}

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');
const bySquashedId = new Map<string, ActivationRecord>(ACTIVATIONS.map((r) => [squash(r.id), r]));

/** What findActivation takes: a name, dotted or spaced, never a call, a quoted string or an expression. */
const PLAIN_NAME = /^[A-Za-z_][\w.\- ]*$/;

/**
 * The record for an id, or undefined. Accepts aliases ('swish' → silu, 'nn.ReLU') and spellings
 * like 'LeakyReLU'. Only names: 'tanh(2*x)' or "activation='tanh'" find nothing here (a hover
 * reads code through findByAlias; user text goes through parseActivationText).
 */
export function findActivation(id: string): ActivationRecord | undefined {
  const key = typeof id === 'string' ? id.trim() : '';
  if (!PLAIN_NAME.test(key)) return undefined;
  return byId.get(key) ?? findByAlias(key)?.record ?? bySquashedId.get(squash(key));
}

/** The record for an id or alias; throws an Error naming the unknown id and listing the known ones. */
export function getActivation(id: string): ActivationRecord {
  const record = findActivation(id);
  if (!record) throw new Error(`unknown activation '${id}'; known: ${ACTIVATIONS.map((r) => r.id).join(', ')}`);
  return record;
}
