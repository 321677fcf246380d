// `npm run test:electron`: the same suite under @vscode/test-electron, for desktops that can
// download VS Code (it cannot run offline here).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { root } from './vscodeServer.mjs';

const extensionTestsPath = await buildSuite();
const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-ws-'));
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
