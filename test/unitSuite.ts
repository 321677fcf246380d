// The unit layer in one process: every *.test.ts under the unit folders, loaded in order so their
// tests register with one node:test run. A process per file (node --test's way) costs about a
// CPU-second of start-up each, half the layer's CPU on two cores; these files share no top-level
// hooks and clean up after themselves, so nothing depends on a fresh process. A file run alone
// (scripts/run-unit-tests.mjs FILE...) still gets its own.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const UNIT_DIRS = ['test/core', 'test/cli', 'test/protocol', 'test/training', 'test/unit'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.test.ts') ? [p] : [];
  });
}

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in order, synchronously: a test file registers its tests as it loads (no top-level await here)
for (const file of UNIT_DIRS.flatMap((d) => walk(path.join(root, d))).sort()) require(file);
