// One esbuild script, the bundles: the extension (node) and the command modules it loads on
// first use, the training worker and the training process (node), the CLI (node), the
// playground's Web Worker and the webview (browser), and the codicon font beside them; the webview
// carries the playground worker's code as a string (it starts it from a blob: URL). Flags:
// --watch, --production, --outdir DIR (default dist/; packaging builds its production bundles
// elsewhere, so dist/ is always the development build the tests load).
import * as esbuild from 'esbuild';
import { mkdir, chmod, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildWasm } from './build-wasm.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outAt = process.argv.indexOf('--outdir');
const outdir = outAt > 0 && process.argv[outAt + 1] ? path.resolve(root, process.argv[outAt + 1]) : path.join(root, 'dist');
const require = createRequire(import.meta.url);

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
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir },
  // Loaded by the extension on first use (src/host/lazyFeature.ts): the ONNX and code-generation commands.
  { ...node, entryPoints: { onnxCommands: 'src/host/onnxCommands.ts', codeCommands: 'src/host/codeCommands.ts', playgroundExport: 'src/host/playgroundExport.ts' }, outdir },
  { ...node, entryPoints: { worker: 'src/training/trainWorker.ts' }, outdir },
  // ProcessPool's training process (the extension host trains there, holding no dataset itself)
  { ...node, entryPoints: { poolProcess: 'src/training/poolProcess.ts' }, outdir },
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    banner: { js: '#!/usr/bin/env node' },
  },
];

// The browser bundles are whitespace- and syntax-minified even in development (names kept, the map
// linked): the page parses 4.5 MB unminified, about 0.4 s of every webview's start (and of every
// browser test's).
const browser = { ...common, platform: 'browser', format: 'iife', target: 'chrome120', minifyWhitespace: true, minifySyntax: true };
// The playground's training worker: built first, in memory, then defined into the webview bundle.
const playgroundWorker = { ...browser, entryPoints: { playgroundWorker: 'webview/playground/worker.ts' }, outdir, write: false, sourcemap: false };
const webview = (workerSource) => ({
  ...browser,
  define: { ...browser.define, __ACTLAB_PLAYGROUND_WORKER__: JSON.stringify(workerSource) },
  entryPoints: { webview: 'webview/main.ts' },
  outdir,
  // no eval under the page's CSP: @stdlib's feature check without it (webview/shims explains)
  alias: { '@stdlib/assert-has-generator-support': './webview/shims/hasGeneratorSupport.cjs' },
});
const workerText = (result) => result.outputFiles.find((f) => f.path.endsWith('.js')).text;

await mkdir(outdir, { recursive: true });

/** VS Code's icon font and its CSS, from @vscode/codicons, for the page's codicons (no committed copy). */
async function copyCodicons() {
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  await mkdir(path.join(outdir, 'codicons'), { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) await copyFile(path.join(from, file), path.join(outdir, 'codicons', file));
}
await copyCodicons();
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  // A changed worker rebuilds the webview with its new text.
  let webviewCtx;
  const workerCtx = await esbuild.context({
    ...playgroundWorker,
    plugins: [{ name: 'webview-after-worker', setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        await webviewCtx?.dispose();
        webviewCtx = await esbuild.context(webview(workerText(result)));
        await webviewCtx.watch();
      });
    } }],
  });
  await workerCtx.watch();
  console.log('[build] watching');
} else {
  const t0 = Date.now();
  const [worker] = await Promise.all([esbuild.build(playgroundWorker), ...builds.map((b) => esbuild.build(b))]);
  await esbuild.build(webview(workerText(worker)));
  await chmod(path.join(outdir, 'cli.js'), 0o755);
  console.log(`[build] ${builds.length + 2} bundles${production ? ' (production)' : ''} in ${path.relative(root, outdir)}/ in ${Date.now() - t0} ms`);
}
