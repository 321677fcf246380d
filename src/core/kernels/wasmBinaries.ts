// The compiled kernels' bytes. Bundles (dist/*.js) carry them inline: scripts/build.mjs defines
// the two constants below as base64. Code run from source (tests, benches through tsx) reads
// dist/wasm/, rebuilding it first when assembly/ is newer.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

declare const __ACTLAB_WASM_SIMD__: string | undefined;
declare const __ACTLAB_WASM_RELAXED_SIMD__: string | undefined;

export interface WasmBinaries {
  simd: Uint8Array;
  relaxed: Uint8Array;
}

let cached: WasmBinaries | undefined;

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function fromSource(): WasmBinaries {
  const root = path.resolve(__dirname, '..', '..', '..');
  const script = path.join(root, 'scripts', 'build-wasm.mjs');
  const simdFile = path.join(root, 'dist', 'wasm', 'kernels-simd.wasm');
  const relaxedFile = path.join(root, 'dist', 'wasm', 'kernels-relaxed-simd.wasm');
  const assembly = path.join(root, 'assembly');
  let newest = mtime(script);
  try {
    for (const f of readdirSync(assembly)) newest = Math.max(newest, mtime(path.join(assembly, f)));
  } catch {
    throw new Error(`WASM kernels: neither embedded bytes nor the sources in ${assembly} were found`);
  }
  if (Math.min(mtime(simdFile), mtime(relaxedFile)) <= newest) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { simd: new Uint8Array(readFileSync(simdFile)), relaxed: new Uint8Array(readFileSync(relaxedFile)) };
}

export function loadWasmBinaries(): WasmBinaries {
  if (cached) return cached;
  if (typeof __ACTLAB_WASM_SIMD__ === 'string' && typeof __ACTLAB_WASM_RELAXED_SIMD__ === 'string') {
    cached = {
      simd: new Uint8Array(Buffer.from(__ACTLAB_WASM_SIMD__, 'base64')),
      relaxed: new Uint8Array(Buffer.from(__ACTLAB_WASM_RELAXED_SIMD__, 'base64')),
    };
  } else {
    cached = fromSource();
  }
  return cached;
}
