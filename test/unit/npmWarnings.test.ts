// Zero npm warnings: what `npm ci` would print is checked offline, on every run of the unit layer.
// `npm ci --dry-run` reads the project's .npmrc (unknown keys) and applies the allowScripts policy
// to the lockfile (unreviewed install scripts); it prints no EBADENGINE, so the engines of every
// locked package are checked here against the Node versions package.json declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[]; hasInstallScript?: boolean }>;
};

/** npm's warning lines in some output (npm 9+ writes `npm warn`, older ones `npm WARN`). */
export function npmWarnings(output: string): string[] {
  return output.split('\n').filter((line) => /^npm warn/i.test(line.trim()));
}

function npm(args: string[]) {
  return spawnSync('npm', args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
}

test('the warning filter finds npm warnings and nothing else', () => {
  const sample = 'added 3 packages\nnpm warn EBADENGINE Unsupported engine {\nnpm WARN deprecated x@1\n  npm warn install-scripts esbuild\nwarning: other tool\n';
  assert.deepEqual(npmWarnings(sample), ['npm warn EBADENGINE Unsupported engine {', 'npm WARN deprecated x@1', '  npm warn install-scripts esbuild']);
});

test('npm ci --dry-run prints no warning (no unknown .npmrc key, every install script reviewed in allowScripts)', { timeout: 120_000 }, () => {
  const r = npm(['ci', '--dry-run', '--no-audit', '--no-fund']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(npmWarnings(`${r.stdout}\n${r.stderr}`), []);
});

test('every locked package with an install script has an allowScripts decision', () => {
  const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@[^@]*$/, '$1')));
  const undecided = Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && p.hasInstallScript)
    .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .filter((name) => !decided.has(name));
  assert.deepEqual(undecided, []);
});

// The lowest version of each Node line package.json admits (20.19.0, 22.13.0), and the running one.
const nodeVersions = [
  ...semver.validRange(pkg.engines.node)!.split('||').map((part) => semver.minVersion(part.trim())!.version),
  process.versions.node,
];

test(`no locked package refuses Node ${nodeVersions.join(', ')} (EBADENGINE)`, () => {
  assert.ok(nodeVersions.length >= 3 && nodeVersions.some((v) => v.startsWith('20.')) && nodeVersions.some((v) => v.startsWith('22.')), nodeVersions.join(', '));
  const refusals: string[] = [];
  for (const [key, p] of Object.entries(lock.packages)) {
    const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
    if (key === '' || !range) continue;
    for (const v of nodeVersions) {
      if (!semver.satisfies(v, range)) refusals.push(`${key.replace(/^.*node_modules\//, '')}@${p.version} wants node ${range}, not ${v}`);
    }
  }
  assert.deepEqual(refusals, []);
});

test('the running Node satisfies package.json engines.node', () => {
  assert.ok(semver.satisfies(process.versions.node, pkg.engines.node), `${process.versions.node} vs ${pkg.engines.node}`);
});
