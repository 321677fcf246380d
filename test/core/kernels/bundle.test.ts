// A bundle built the way scripts/build.mjs builds dist/*.js carries the WebAssembly kernels
// inline: run from a folder with no sources nearby, it still gets the relaxed-SIMD kernels
// (turning V8's flag on itself in plain Node 20) and computes a product correctly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..', '..');

describe('kernels in a bundle', () => {
  it('embeds both WebAssembly builds and picks relaxed SIMD without any file on disk', async () => {
    const { buildWasm } = (await import(path.join(root, 'scripts', 'build-wasm.mjs'))) as {
      buildWasm: () => Promise<{ simd: Uint8Array; relaxed: Uint8Array }>;
    };
    const wasm = await buildWasm();
    const dir = mkdtempSync(path.join(tmpdir(), 'actlab-kernels-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      writeFileSync(entry, [
        `import { createKernels } from ${JSON.stringify(path.join(root, 'src', 'core', 'kernels', 'index'))};`,
        `const k = createKernels('auto');`,
        `const a = k.alloc(6), b = k.alloc(6), c = k.alloc(4);`,
        `a.set([1, 2, 3, 4, 5, 6]); b.set([7, 8, 9, 10, 11, 12]);`,
        `k.gemm(false, false, 2, 2, 3, a, b, 0, c);`,
        `console.log(JSON.stringify({ name: k.name, c: Array.from(c) }));`,
      ].join('\n'));
      const out = path.join(dir, 'bundle.js');
      await esbuild.build({
        entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
        define: {
          __ACTLAB_WASM_SIMD__: JSON.stringify(Buffer.from(wasm.simd).toString('base64')),
          __ACTLAB_WASM_RELAXED_SIMD__: JSON.stringify(Buffer.from(wasm.relaxed).toString('base64')),
        },
      });
      const result = JSON.parse(execFileSync(process.execPath, [out], { cwd: dir, encoding: 'utf8' })) as { name: string; c: number[] };
      assert.equal(result.name, 'wasm-relaxed-simd');
      // [1 2 3; 4 5 6] [7 8; 9 10; 11 12] = [58 64; 139 154]
      assert.deepEqual(result.c, [58, 64, 139, 154]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
