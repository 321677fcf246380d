// One esbuild script, five bundles: the extension (node), the training worker and the training
// process (node), the CLI (node) and the webview (browser). Flags: --watch, --production.
import * as esbuild from 'esbuild';
import { mkdir, chmod } from 'node:fs/promises';
import path from 'node:path';
import { buildWasm } from './build-wasm.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};
// The WebAssembly kernels (assembly/) are compiled first and embedded in the node bundles as
// base64 constants read by src/core/kernels/wasmBinaries.ts, so each bundle is self-contained.
const wasm = await buildWasm();
const node = {
  ...common,
  define: {
    ...common.define,
    __ACTLAB_WASM_SIMD__: JSON.stringify(Buffer.from(wasm.simd).toString('base64')),
    __ACTLAB_WASM_RELAXED_SIMD__: JSON.stringify(Buffer.from(wasm.relaxed).toString('base64')),
  },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // onnxruntime-node carries native binaries; vscode is provided by the host.
  external: ['vscode', 'onnxruntime-node', 'tsx', 'tsx/cjs/api'],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { worker: 'src/training/trainWorker.ts' }, outdir: 'dist' },
  // ProcessPool's training process (the extension host trains there, holding no dataset itself)
  { ...node, entryPoints: { poolProcess: 'src/training/poolProcess.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    // no eval under the page's CSP: @stdlib's feature check without it (webview/shims explains)
    alias: { '@stdlib/assert-has-generator-support': './webview/shims/hasGeneratorSupport.cjs' },
  },
];

await mkdir(path.join(root, 'dist'), { recursive: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('[build] watching');
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await chmod(path.join(root, 'dist', 'cli.js'), 0o755);
  console.log(`[build] ${builds.length} bundles${production ? ' (production)' : ''} in ${Date.now() - t0} ms`);
}
