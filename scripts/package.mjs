// `npm run package`: a platform-specific VSIX for linux-x64 (bundled JS, media, l10n and only
// the linux-x64 onnxruntime-node binaries; no sources, tests or dev dependencies).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const pkg = require(path.join(root, 'package.json'));
const target = process.env.ACTLAB_VSIX_TARGET ?? 'linux-x64';
const out = path.join(root, `${pkg.name}-${target}-${pkg.version}.vsix`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[package] ${cmd} ${args.join(' ')} failed (${r.status})`);
    process.exit(r.status ?? 1);
  }
}

run(process.execPath, ['scripts/build.mjs', '--production']);
// The VSIX carries MNIST (gzip, checked against its sha256) and the vega builds report.html inlines,
// so training and reports work offline from an installed extension.
run(process.execPath, ['scripts/prepare-mnist.mjs']);
const vendor = path.join(root, 'media', 'vendor');
mkdirSync(vendor, { recursive: true });
for (const [pkgPath, file] of [['vega/vega-schema.json', 'vega.min.js'], ['vega-lite/vega-lite-schema.json', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']]) {
  copyFileSync(path.join(path.dirname(require.resolve(pkgPath)), file), path.join(vendor, file));
}
run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--target', target, '--out', out,
  '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license']);
console.log(`[package] ${path.basename(out)}: ${(statSync(out).size / 1048576).toFixed(1)} MiB`);
