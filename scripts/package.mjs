// `npm run package`: a platform-specific VSIX for linux-x64 (bundled JS, media, l10n and only
// the linux-x64 onnxruntime-node binaries; no sources, tests, dev dependencies, type declarations
// or source maps). The production bundles are built into a staging folder, never into dist/, so
// dist/ stays the development build the tests load whatever ran last.
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const pkg = require(path.join(root, 'package.json'));
const target = process.env.ACTLAB_VSIX_TARGET ?? 'linux-x64';
const [platform, arch] = target.split('-');
const out = path.join(root, `${pkg.name}-${target}-${pkg.version}.vsix`);
const stage = path.join(root, '.vsix-stage');

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.status})`);
}

/** Type declarations and source maps serve development only. */
const devOnly = (name) => /\.d\.[cm]?ts$|\.map$/.test(name);

/**
 * Links (or, across devices, copies) `from` into the stage at `rel`, skipping what `skip`
 * names: hard links cost no space, and the stage is deleted after packaging.
 */
function stageTree(from, rel, skip = () => false) {
  const to = path.join(stage, rel);
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const childRel = path.join(rel, name);
      if (!skip(childRel, name)) stageTree(path.join(from, name), childRel, skip);
    }
    return;
  }
  if (devOnly(path.basename(from)) && rel.startsWith('node_modules')) return;
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The production dependencies as npm lists them (vsce runs the same listing in the stage). */
function productionDependencies() {
  const r = spawnSync('npm', ['list', '--omit=dev', '--parseable', '--depth=99999', '--loglevel=error'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm list failed: ${r.stderr}`);
  return r.stdout.split('\n').map((l) => l.trim()).filter((l) => l && path.resolve(l) !== root).map((l) => path.relative(root, l));
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
try {
  run(process.execPath, ['scripts/build.mjs', '--production', '--outdir', path.join(stage, 'dist')]);
  // The VSIX carries MNIST (gzip, checked against its sha256) and the vega builds report.html inlines,
  // so training and reports work offline from an installed extension.
  run(process.execPath, ['scripts/prepare-mnist.mjs']);
  const vendor = path.join(root, 'media', 'vendor');
  mkdirSync(vendor, { recursive: true });
  for (const [pkgPath, file] of [['vega/vega-schema.json', 'vega.min.js'], ['vega-lite/vega-lite-schema.json', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']]) {
    copyFileSync(path.join(path.dirname(require.resolve(pkgPath)), file), path.join(vendor, file));
  }
  for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore']) stageTree(path.join(root, file), file);
  for (const dir of ['l10n', 'media']) stageTree(path.join(root, dir), dir);
  // onnxruntime-node ships every platform's binaries (about 290 MB): only this target's are staged.
  const otherPlatforms = (rel) => {
    const m = /^node_modules[\\/]onnxruntime-node[\\/]bin[\\/]napi-v\d+[\\/]([^\\/]+)(?:[\\/]([^\\/]+))?$/.exec(rel);
    return m !== null && (m[1] !== platform || (m[2] !== undefined && m[2] !== arch));
  };
  for (const dep of productionDependencies()) stageTree(path.join(root, dep), dep, otherPlatforms);
  run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--target', target, '--out', out,
    '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license'], stage);
} catch (e) {
  console.error(`[package] ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
if (process.exitCode) process.exit();
console.log(`[package] ${path.basename(out)}: ${(statSync(out).size / 1048576).toFixed(1)} MiB`);
