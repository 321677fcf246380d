// The house's layers, from the import graph the test computes itself: src/core imports nothing
// outside src/core; src/protocol imports only itself and core; src/training never imports the
// VS Code glue, the CLI or the page; nothing in src/ or webview/ imports in a circle (type-only
// imports count: a circle of types is still two files that cannot be read apart).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

// import x from '...', import type {..} from '...', export * from '...', import('...'), require('...'), import '...'
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The module specifiers a file names, comments left out. */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2]);
}

/** A relative specifier as a repository file (x.ts or x/index.ts), or undefined for a package. */
function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

type Graph = Map<string, string[]>;

function importGraph(dirs: string[]): Graph {
  const files = dirs.flatMap((d) => tsFiles(path.join(root, d)));
  const graph: Graph = new Map();
  for (const f of files) {
    const targets = specifiers(readFileSync(f, 'utf8')).map((s) => resolve(f, s)).filter((t): t is string => t !== undefined);
    graph.set(path.relative(root, f), [...new Set(targets.map((t) => path.relative(root, t)))]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or one file that imports itself (Tarjan). */
export function circles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const graph = importGraph(['src', 'webview']);
const under = (dir: string) => (f: string) => f.startsWith(`${dir}/`);

/** Every import from a file under `from` to a file outside the allowed folders. */
function crossings(from: string, allowed: string[]): string[] {
  return [...graph].filter(([f]) => under(from)(f))
    .flatMap(([f, targets]) => targets.filter((t) => !allowed.some((a) => under(a)(t))).map((t) => `${f} -> ${t}`));
}

test('the import graph is read: every layer has files and arrows', () => {
  for (const dir of ['src/core', 'src/protocol', 'src/training', 'src/host', 'src/cli', 'webview']) {
    assert.ok([...graph.keys()].some(under(dir)), `${dir} has files`);
  }
  assert.ok([...graph.values()].reduce((n, t) => n + t.length, 0) > 200, 'hundreds of imports resolved');
  assert.deepEqual(specifiers("import type { A } from './a';\nexport * from \"./b\";\n// import x from './c';\nconst m = require('./d'); import('./e');\nimport './f';"), ['./a', './b', './d', './e', './f']);
});

test('src/core imports nothing outside src/core', () => {
  assert.deepEqual(crossings('src/core', ['src/core']), []);
});

test('src/protocol imports only itself and src/core (core never imports it back)', () => {
  assert.deepEqual(crossings('src/protocol', ['src/protocol', 'src/core']), []);
});

test('src/training imports only core, protocol and itself: no VS Code glue, CLI or page', () => {
  assert.deepEqual(crossings('src/training', ['src/training', 'src/protocol', 'src/core']), []);
});

test('the page imports only itself, protocol and core', () => {
  assert.deepEqual(crossings('webview', ['webview', 'src/protocol', 'src/core']), []);
});

test('no import circles anywhere in src/ and webview/', () => {
  assert.deepEqual(circles(graph), []);
});

test('the circle finder finds circles, long and short, and nothing else', () => {
  const g: Graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']], ['f', ['d']]]);
  assert.deepEqual(circles(g).sort(), [['a', 'b', 'c'], ['e']]);
  assert.deepEqual(circles(new Map([['x', ['y']], ['y', []]])), []);
});
