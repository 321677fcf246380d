// Runs the plain-Node unit tests (node's built-in runner, TypeScript through tsx).
// Node 20's --test does not expand globs or pick up .ts files, so this lists them.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// `--webview` runs the browser tests of the webview bundle instead (they need a build and chromium).
const webview = process.argv.includes('--webview');
const dirs = webview ? ['test/webview'] : ['test/core', 'test/cli', 'test/protocol', 'test/training', 'test/unit']; // the unit folders are test/unitSuite.ts's too
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir) {
  let out = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// The whole unit layer runs in one process (test/unitSuite.ts says why); named files, and the
// browser tests (each file starts its own browser and server in top-level hooks), one process each.
if (!webview && only.length === 0) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=spec', path.join(root, 'test/unitSuite.ts')], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const files = (only.length ? only : dirs.flatMap((d) => walk(path.join(root, d)))).sort();
if (files.length === 0) {
  console.error('no unit test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
