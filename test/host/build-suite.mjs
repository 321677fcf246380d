// Compiles the extension-host Mocha suite to out/test/host/ (cjs; vscode and mocha resolved at run time).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { root } from './vscodeServer.mjs';

/** Bundles the suite's index plus every `*.test.ts` in `dir`. */
export async function buildSuite(dir = 'test/host/suite', outdir = 'out/test/host') {
  const entryPoints = { index: 'test/host/suite/index.ts' };
  for (const f of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.test.ts'))) {
    entryPoints[f.replace(/\.ts$/, '')] = path.join(dir, f);
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'onnxruntime-node', 'tsx/cjs/api'],
    logLevel: 'warning',
  });
  return path.join(root, outdir, 'index.js');
}
