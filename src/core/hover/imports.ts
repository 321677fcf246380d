// The names a source file binds to modules through its imports, so `nn.ReLU` can be read as
// `torch.nn.ReLU` and `L.LeakyReLU` as `keras.layers.LeakyReLU`. Regular expressions over the
// text, not a parser: imports are one of the few things that are regular enough for that.

/** Local name → the dotted path it stands for ('F' → 'torch.nn.functional', 'tf' → '@tensorflow/tfjs'). */
export type Bindings = ReadonlyMap<string, string>;

export type SourceLanguage = 'python' | 'javascript';

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'js', 'ts', 'jsx', 'tsx', 'mjs', 'cjs']);
const PYTHON_LANGUAGES = new Set(['python', 'py', 'python3', 'ipython', 'jupyter', 'pycon']);

/** The family of a VS Code language id or a Markdown fence's info string; undefined for others. */
export function sourceLanguageOf(id: string): SourceLanguage | undefined {
  const key = id.trim().toLowerCase();
  if (PYTHON_LANGUAGES.has(key)) return 'python';
  if (JS_LANGUAGES.has(key)) return 'javascript';
  return undefined;
}

const PY_IMPORT = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
// `from a.b import c as d, e` and the parenthesized form that may span lines.
const PY_FROM = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm;

function parsePython(text: string, out: Map<string, string>): void {
  type Hit = { index: number; apply(): void };
  const hits: Hit[] = [];
  for (const m of text.matchAll(PY_IMPORT)) {
    hits.push({
      index: m.index,
      apply() {
        for (const part of m[1].split(',')) {
          const pm = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
          if (!pm) continue;
          const module = pm[1];
          // `import torch.nn` binds only `torch`; `import torch.nn as nn` binds `nn`.
          if (pm[2]) out.set(pm[2], module);
          else out.set(module.split('.')[0], module.split('.')[0]);
        }
      },
    });
  }
  for (const m of text.matchAll(PY_FROM)) {
    hits.push({
      index: m.index,
      apply() {
        const module = m[1];
        if (module.startsWith('.')) return; // relative imports are the user's own modules
        const names = m[2].replace(/^\(|\)$/g, '').replace(/#[^\n]*/g, '');
        for (const part of names.split(',')) {
          const pm = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
          if (pm) out.set(pm[2] ?? pm[1], `${module}.${pm[1]}`);
        }
      },
    });
  }
  // Later imports rebind earlier ones, as Python does.
  hits.sort((a, b) => a.index - b.index).forEach((h) => h.apply());
}

const QUOTED = String.raw`['"]([^'"\n]+)['"]`;
const JS_PATTERNS: readonly RegExp[] = [
  // import * as tf from '@tensorflow/tfjs'
  new RegExp(String.raw`import\s+\*\s+as\s+([\w$]+)\s+from\s+${QUOTED}`, 'g'),
  // import tf, { layers } from '...'   |   import { relu as r, layers } from '...'
  new RegExp(String.raw`import\s+(?:type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}\s*)?from\s+${QUOTED}`, 'g'),
  // const tf = require('...')   |   const { layers, relu: r } = require('...')   |   import tf = require('...')
  new RegExp(String.raw`(?:const|let|var|import)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*require\s*\(\s*${QUOTED}\s*\)`, 'g'),
];

function parseJavaScript(text: string, out: Map<string, string>): void {
  type Hit = { index: number; apply(): void };
  const hits: Hit[] = [];
  const [star, esm, cjs] = JS_PATTERNS as [RegExp, RegExp, RegExp];
  for (const m of text.matchAll(star)) hits.push({ index: m.index, apply: () => out.set(m[1], m[2]) });
  for (const [re, sep] of [[esm, /\s+as\s+/], [cjs, /\s*:\s*/]] as const) {
    for (const m of text.matchAll(re)) {
      hits.push({
        index: m.index,
        apply() {
          const module = m[3];
          if (m[1]) out.set(m[1], module);
          for (const part of (m[2] ?? '').split(',')) {
            const [name, local] = part.trim().replace(/^type\s+/, '').split(sep).map((s) => s.trim());
            if (name && /^[\w$]+$/.test(name)) out.set(local && /^[\w$]+$/.test(local) ? local : name, `${module}.${name}`);
          }
        },
      });
    }
  }
  hits.sort((a, b) => a.index - b.index).forEach((h) => h.apply());
}

/** The bindings the imports in `text` make, later imports winning. */
export function parseImports(text: string, language: SourceLanguage): Bindings {
  const out = new Map<string, string>();
  if (language === 'python') parsePython(text, out);
  else parseJavaScript(text, out);
  return out;
}
