// Runs the plain-Node unit tests (node's built-in runner, TypeScript through tsx); `--webview`
// runs the browser tests of the webview bundle instead (they need a build and chromium). A whole
// layer runs in one process (test/oneProcess.ts says why); files named on the command line run
// one process each, as node --test runs them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const webview = process.argv.includes('--webview');
const dirs = webview ? ['test/webview'] : ['test/core', 'test/cli', 'test/protocol', 'test/training', 'test/unit'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

// The CLI tests run dist/cli.js and the browser tests load dist/webview.js: build first (esbuild,
// about 2 s), unless npm test has just built (it sets ACTLAB_BUILT).
if (process.env.ACTLAB_BUILT !== '1') {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const args = only.length
  ? ['--import', 'tsx', '--test', '--test-reporter=spec', ...only.sort()]
  : ['--import', 'tsx', '--test-reporter=spec', path.join(root, 'test/oneProcess.ts'), ...dirs];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
