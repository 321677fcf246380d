// Compiles the AssemblyScript kernels (assembly/) to WebAssembly twice: plain SIMD (f32x4 mul +
// add) and relaxed SIMD (FMA). Outputs go to dist/wasm/ (git-ignored); scripts/build.mjs embeds
// them into the node bundles. Skips work when the outputs are newer than every input.
// Usage: node scripts/build-wasm.mjs [--force]
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const wasmDir = path.join(root, 'dist', 'wasm');

/** The two builds: the file name and the extra asc flags. */
export const wasmVariants = {
  simd: { file: 'kernels-simd.wasm', flags: ['--enable', 'simd'] },
  relaxed: { file: 'kernels-relaxed-simd.wasm', flags: ['--enable', 'simd', '--enable', 'relaxed-simd'] },
};

// No AssemblyScript runtime, heap or abort import: the JS side owns the (imported) memory.
const commonFlags = ['--runtime', 'stub', '--noAssert', '--use', 'abort=', '-O3', '--importMemory'];

async function mtime(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return -1;
  }
}

async function inputsNewestMtime() {
  const sources = (await readdir(path.join(root, 'assembly'))).map((f) => path.join(root, 'assembly', f));
  const inputs = [...sources, fileURLToPath(import.meta.url), path.join(root, 'node_modules/assemblyscript/package.json')];
  return Math.max(...(await Promise.all(inputs.map(mtime))));
}

/**
 * Builds both variants when stale (or always with force) and returns their bytes.
 * @returns {Promise<{ simd: Uint8Array, relaxed: Uint8Array, built: boolean }>}
 */
export async function buildWasm({ force = false } = {}) {
  await mkdir(wasmDir, { recursive: true });
  const newestInput = await inputsNewestMtime();
  let built = false;
  for (const { file, flags } of Object.values(wasmVariants)) {
    const out = path.join(wasmDir, file);
    if (!force && (await mtime(out)) > newestInput) continue;
    // loaded only when there is work: the compiler (with binaryen) takes a moment to load
    const { default: asc } = await import('assemblyscript/asc');
    const stderr = [];
    const argv = ['assembly/index.ts', '--baseDir', root, ...commonFlags, ...flags, '--outFile', out];
    const { error } = await asc.main(argv, {
      stdout: { write: () => true },
      stderr: { write: (s) => { stderr.push(String(s)); return true; } },
    });
    if (error) throw new Error(`AssemblyScript build of ${file} failed: ${error.message}\n${stderr.join('')}`);
    built = true;
  }
  const simd = new Uint8Array(await readFile(path.join(wasmDir, wasmVariants.simd.file)));
  const relaxed = new Uint8Array(await readFile(path.join(wasmDir, wasmVariants.relaxed.file)));
  return { simd, relaxed, built };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const { simd, relaxed, built } = await buildWasm({ force: process.argv.includes('--force') });
  console.log(`[build-wasm] ${built ? 'built' : 'up to date'}: simd ${simd.length} B, relaxed-simd ${relaxed.length} B (${Date.now() - t0} ms)`);
}
