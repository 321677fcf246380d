// A test layer in one process: every *.test.ts under the folders given as arguments, loaded in
// order so their tests register with one node:test run. A process per file (node --test's way)
// costs about a CPU-second of start-up each, and a browser per file for the webview tests: on two
// cores that was half the unit layer's CPU. The unit files share no top-level hooks and clean up
// after themselves; the webview files share one browser (test/webview/harness.ts counts its
// users). A file run alone (scripts/run-unit-tests.mjs FILE...) still gets its own process.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.test.ts') ? [p] : [];
  });
}

const root = path.resolve(__dirname, '..');
const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: node --import tsx test/oneProcess.ts FOLDER...');
const files = dirs.flatMap((d) => walk(path.resolve(root, d))).sort();
if (files.length === 0) throw new Error(`no test files under ${dirs.join(', ')}`);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in order, synchronously: a test file registers its tests as it loads (no top-level await here)
for (const file of files) require(file);
