// `npm run test:host`: the extension-host suite in the offline VS Code server (1.100.3).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { ensureServerInstalled, root, runSuiteInHost } from './vscodeServer.mjs';

ensureServerInstalled();
const extensionTestsPath = await buildSuite();
const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-ws-'));
const t0 = Date.now();
const code = await runSuiteInHost({ extensionDevelopmentPath: root, extensionTestsPath, folder });
console.log(`[host] extension-host suite exited with ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
