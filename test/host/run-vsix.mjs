// The VSIX test: package the extension, install the VSIX into the VS Code server with its own
// --install-extension, and check from a probe extension that the installed copy activates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { ensureServerInstalled, installVsix, root, runSuiteInHost } from './vscodeServer.mjs';

ensureServerInstalled();
if (!process.argv.includes('--no-package')) {
  const r = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const vsix = readdirSync(root).filter((f) => /^activation-lab-linux-x64-.*\.vsix$/.test(f)).map((f) => path.join(root, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!vsix) {
  console.error('[vsix] no activation-lab-linux-x64-*.vsix to install');
  process.exit(1);
}
console.log(`[vsix] ${path.basename(vsix)}: ${(statSync(vsix).size / 1048576).toFixed(1)} MiB`);
const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'actlab-ext-'));
try {
  installVsix(vsix, extensionsDir);
  console.log(`[vsix] installed: ${readdirSync(extensionsDir).filter((f) => !f.startsWith('.') && f !== 'extensions.json').join(', ')}`);
  const extensionTestsPath = await buildSuite('test/host/vsix', 'out/test/vsix');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-ws-'));
  const code = await runSuiteInHost({ extensionDevelopmentPath: path.join(root, 'test/host/vsix-probe'), extensionTestsPath, folder, extensionsDir });
  rmSync(extensionsDir, { recursive: true, force: true });
  process.exit(code);
} catch (e) {
  rmSync(extensionsDir, { recursive: true, force: true });
  console.error(`[vsix] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
