// Which activation a position in code refers to, in which framework, with which defaults.
// A name counts when it is a qualified name the registry knows (`nn.ReLU`, `tf.keras.activations.swish`,
// read through the file's imports), a name imported from a framework (`from jax.nn import silu`),
// a call (`relu(x)`), an activation argument (`activation='tanh'`, `activation=softclip`), or
// a string given to `Activation(...)`. Words that merely contain a name (`relu_count`, `prelude`)
// and plain variables (`elu = 3`) are not references.
import { findActivation, findByAlias, resolveParams, type AliasMatch } from '../activations/registry';
import type { ActivationRecord, Framework } from '../activations/types';
import type { CustomActivation } from '../expr/customActivation';
import { canonicalName, fileFramework } from './frameworks';
import { parseImports, sourceLanguageOf, type Bindings, type SourceLanguage } from './imports';
import {
  callArguments, dottedNameAt, fenceAt, isActivationArgument, isActivationStringContext, isCalled, isDefinition, isOnnxOpContext, lineAt, stringAt, type StringLiteral,
} from './scan';

/** How the name was written: decides nothing about the hover's content, but tests and logs read it. */
export type ReferenceForm = 'qualified' | 'imported' | 'call' | 'argument' | 'string';

export interface ActivationReference {
  /** Offsets of the name in the document's text (a string's content, without its quotes). */
  start: number;
  end: number;
  written: string;
  form: ReferenceForm;
  record: ActivationRecord;
  /** The framework of the code around it; undefined when nothing says (Markdown prose, plain code). */
  framework?: Framework;
  /** The registry alias that matched (for a custom activation, its name). */
  alias: string;
  /** The parameter defaults of that framework and alias (Keras's LeakyReLU: alpha 0.3). */
  defaults: Record<string, number>;
  /** Numeric keyword arguments given in this call, by the lab's parameter names. */
  given: Record<string, number>;
}

export interface HoverDocument {
  text: string;
  /** VS Code's language id: python, javascript, typescript, javascriptreact, typescriptreact, markdown. */
  languageId: string;
  /** Code before this text whose imports count too (a notebook's earlier cells). */
  preamble?: string;
}

interface Context {
  text: string;
  language: SourceLanguage | undefined;
  bindings: Bindings;
  framework: Framework | undefined;
  custom: readonly CustomActivation[];
}

type Hit = Pick<ActivationReference, 'record' | 'framework' | 'alias' | 'defaults'>;

const NO_BINDINGS: Bindings = new Map();
const MAX_NAME = 80;

function fromAlias(m: AliasMatch): Hit {
  return { record: m.record, framework: m.framework, alias: m.alias, defaults: m.params };
}

function fromCustom(c: CustomActivation): Hit {
  return { record: c, framework: undefined, alias: c.id, defaults: resolveParams(c) };
}

/** Alias spellings that carry a call's keyword argument: `F.gelu(approximate='tanh')` is gelu_tanh. */
function keywordVariants(name: string, args: string | undefined): string[] {
  return [...(args ?? '').matchAll(/([A-Za-z_]\w*)\s*=\s*('[^']*'|"[^"]*"|[A-Za-z_]\w*)/g)]
    .map((m) => `${name}(${m[1]}=${m[2].replace(/^"(.*)"$/, "'$1'")})`);
}

/** The last segment of a dotted name, without call arguments: `nn.GELU(approximate='tanh')` → `GELU`. */
const lastSegment = (name: string): string => name.replace(/\(.*$/s, '').split('.').pop()!;

/**
 * The first of `names` the registry knows, spelled with the same case (code is case-sensitive:
 * flax's `nn.ReLU` does not exist, its `nn.relu` does). A spelling with a keyword argument counts
 * only when the registry lists it with that argument (the registry would otherwise drop it).
 */
function lookupAlias(names: readonly string[], framework: Framework | undefined): Hit | undefined {
  for (const n of names) {
    const m = findByAlias(n, framework);
    if (!m || lastSegment(m.alias) !== lastSegment(n)) continue;
    if (!n.includes('(') || m.alias.toLowerCase() === n.toLowerCase()) return fromAlias(m);
  }
  return undefined;
}

/**
 * A bare name (`relu(x)`, `activation='tanh'`) in a file working in `framework`: a custom
 * activation first, then the registry's string forms, ids and other spellings.
 */
function lookupPlainName(name: string, framework: Framework | undefined, custom: readonly CustomActivation[]): Hit | undefined {
  const own = custom.find((c) => c.id === name);
  if (own) return fromCustom(own);
  if (name.length > MAX_NAME || !/^[A-Za-z_][\w-]*$/.test(name)) return undefined;
  const exact = framework && (findByAlias(`'${name}'`, framework) ?? findByAlias(name, framework));
  if (exact) return fromAlias(exact);
  const record = findByAlias(`'${name}'`)?.record ?? findActivation(name);
  if (!record || record.origin === 'custom') return undefined;
  return { record, framework, alias: name, defaults: resolveParams(record, {}, framework) };
}

/** The framework whose string forms a file uses: Keras for TensorFlow, PyTorch's own (Transformer layers), TF.js's. */
function stringFramework(ctx: Context): Framework {
  if (ctx.framework === 'pytorch' || ctx.framework === 'tfjs') return ctx.framework;
  return ctx.language === 'javascript' ? 'tfjs' : 'keras';
}

const NUMBER_KWARG = /([A-Za-z_$][\w$]*)\s*[=:]\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?![\w.])/g;

/** Numeric keyword arguments of a call that name one of the record's parameters (and are valid for it). */
function givenParams(hit: Hit, args: string | undefined): Record<string, number> {
  const given: Record<string, number> = {};
  for (const m of (args ?? '').matchAll(NUMBER_KWARG)) {
    const spec = hit.record.params.find((s) => s.name === m[1] || Object.values(s.frameworkNames ?? {}).includes(m[1]));
    if (!spec) continue;
    const value = Number(m[2]);
    try {
      resolveParams(hit.record, { ...given, [spec.name]: value }, hit.framework);
      given[spec.name] = value;
    } catch {
      // An out-of-range value in the code is the code's business; the hover shows the defaults.
    }
  }
  return given;
}

function matchString(ctx: Context, line: string, lineStart: number, str: StringLiteral): ActivationReference | undefined {
  const before = line.slice(0, str.open);
  const onnx = isOnnxOpContext(before);
  if (!onnx && !isActivationStringContext(before)) return undefined;
  const value = str.value.trim();
  const hit = lookupPlainName(value, onnx ? 'onnx' : stringFramework(ctx), ctx.custom);
  if (!hit) return undefined;
  const lead = str.value.length - str.value.trimStart().length;
  const start = lineStart + str.open + 1 + lead;
  return { ...hit, start, end: start + value.length, written: value, form: 'string', given: {} };
}

function matchName(ctx: Context, line: string, lineStart: number, col: number): ActivationReference | undefined {
  const name = dottedNameAt(line, col);
  if (!name) return undefined;
  const { segments } = name;
  // `nn.ReLU.forward` hovered on ReLU: try the name up to the hovered segment too.
  const tries = name.segment < segments.length - 1 ? [segments, segments.slice(0, name.segment + 1)] : [segments];
  for (const segs of tries) {
    const written = segs.join('.');
    const end = name.start + written.length;
    const args = callArguments(line, end);
    const found = segs.length === 1 ? matchBare(ctx, written, line, name.start, end, args) : matchQualified(ctx, segs, args);
    if (found) {
      const [hit, form] = found;
      return { ...hit, start: lineStart + name.start, end: lineStart + end, written, form, given: givenParams(hit, args) };
    }
  }
  return undefined;
}

/**
 * A fully qualified name: the registry's own reading first (it knows that `tf.keras` is TensorFlow's
 * Keras 2, whose hard_sigmoid slope is 0.2), then the short form in the framework the module names.
 */
function lookupQualified(qualified: string, canon: { framework: Framework; name: string }, args: string | undefined): Hit | undefined {
  return lookupAlias(keywordVariants(canon.name, args), canon.framework)
    ?? lookupAlias(keywordVariants(qualified, args), undefined)
    ?? lookupAlias([qualified], undefined)
    ?? lookupAlias([canon.name], canon.framework);
}

function matchQualified(ctx: Context, segs: string[], args: string | undefined): [Hit, ReferenceForm] | undefined {
  const written = segs.join('.');
  if (written.length > MAX_NAME) return undefined;
  const module = ctx.bindings.get(segs[0]);
  if (module === undefined) {
    // Not imported here (Markdown prose, a snippet): read it as written, preferring the file's framework.
    const names = [...keywordVariants(written, args), written];
    const hit = (ctx.framework && lookupAlias(names, ctx.framework)) || lookupAlias(names, undefined);
    return hit && [hit, 'qualified'];
  }
  const qualified = [module, ...segs.slice(1)].join('.');
  const canon = canonicalName(qualified);
  if (!canon) return undefined; // `np.tanh`, `mylib.relu`: bound to something that is not a framework
  const hit = lookupQualified(qualified, canon, args);
  return hit && [hit, 'qualified'];
}

function matchBare(ctx: Context, name: string, line: string, start: number, end: number, args: string | undefined): [Hit, ReferenceForm] | undefined {
  const module = ctx.bindings.get(name);
  const canon = module === undefined ? undefined : canonicalName(module);
  if (module !== undefined && canon) {
    // `from torch.nn.functional import elu`: the name is that function wherever it appears.
    const hit = lookupQualified(module, canon, args);
    return hit && [hit, 'imported'];
  }
  const called = isCalled(line, end) && !isDefinition(line, start);
  const argument = !called && isActivationArgument(line.slice(0, start));
  if (!called && !argument) return undefined;
  const hit = lookupPlainName(name, ctx.framework, ctx.custom);
  // `identity(x)` and `linear(x)` are too common as plain functions to mean the activation.
  if (!hit || (called && hit.record.id === 'identity')) return undefined;
  return [hit, called ? 'call' : 'argument'];
}

function matchIn(ctx: Context, offset: number): ActivationReference | undefined {
  const { start: lineStart, text: line } = lineAt(ctx.text, offset);
  const col = offset - lineStart;
  if (col > line.length) return undefined;
  // A name inside a string that is not an activation argument (a docstring, prose with an
  // apostrophe) is still read as a name.
  const str = stringAt(line, col, ctx.language);
  return (str && matchString(ctx, line, lineStart, str)) || matchName(ctx, line, lineStart, col);
}

function contextFor(text: string, language: SourceLanguage | undefined, importsText: string, custom: readonly CustomActivation[]): Context {
  const bindings = language
    ? parseImports(importsText, language)
    : new Map([...parseImports(importsText, 'python'), ...parseImports(importsText, 'javascript')]);
  return { text, language, bindings, framework: fileFramework(bindings, language), custom };
}

/**
 * The activation referred to at `offset` of `doc`, or undefined. In Markdown, a fenced block is
 * read as code in its fence's language with its own imports; prose has no imports.
 */
export function findActivationReference(doc: HoverDocument, offset: number, custom: readonly CustomActivation[] = []): ActivationReference | undefined {
  if (offset < 0 || offset > doc.text.length) return undefined;
  if (doc.languageId === 'markdown') {
    const fence = fenceAt(doc.text, offset);
    if (!fence) return matchIn({ text: doc.text, language: undefined, bindings: NO_BINDINGS, framework: undefined, custom }, offset);
    const ctx = contextFor(fence.content, sourceLanguageOf(fence.info), fence.content, custom);
    const ref = matchIn(ctx, offset - fence.contentStart);
    return ref && { ...ref, start: ref.start + fence.contentStart, end: ref.end + fence.contentStart };
  }
  const language = sourceLanguageOf(doc.languageId);
  const importsText = doc.preamble ? `${doc.preamble}\n${doc.text}` : doc.text;
  return matchIn(contextFor(doc.text, language, importsText, custom), offset);
}
