// Which WebAssembly SIMD features this runtime has, found by validating tiny modules. Relaxed
// SIMD ships enabled from V8 11.4 (Chrome 114, Electron 25, Node 22); Node 20's V8 11.3 has it
// behind --experimental-wasm-relaxed-simd, which v8.setFlagsFromString can turn on at run time
// (V8 flags are per process, so every worker_thread sees it; NODE_OPTIONS refuses this flag).

import { setFlagsFromString } from 'node:v8';
import { webAssembly } from './webAssemblyApi';

export interface WasmFeatures {
  webAssembly: boolean;
  simd: boolean;
  relaxedSimd: boolean;
  /** True when relaxed SIMD was turned on here with v8.setFlagsFromString. */
  relaxedSimdByFlag: boolean;
}

/** A module with one function `() -> v128` whose body is `body` (then `end`). */
function probeModule(body: number[]): Uint8Array {
  const code = [0x00, ...body, 0x0b]; // no locals
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
    0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
    0x0a, code.length + 2, 0x01, code.length, ...code, // code section
  ]);
}

const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)]; // v128.const 0
const SIMD_PROBE = probeModule(V128_ZERO);
// f32x4.relaxed_madd (0xfd 0x105) of three zero vectors
const RELAXED_SIMD_PROBE = probeModule([...V128_ZERO, ...V128_ZERO, ...V128_ZERO, 0xfd, 0x85, 0x02]);

function validates(bytes: Uint8Array): boolean {
  try {
    return webAssembly!.validate(bytes);
  } catch {
    return false;
  }
}

let cached: WasmFeatures | undefined;

/**
 * Detects the features once per process. With `enableRelaxedSimdFlag` (the default) and a plain
 * Node runtime lacking relaxed SIMD, it turns V8's experimental flag on first; never in Electron
 * (VS Code), whose V8 already ships the feature.
 */
export function detectWasmFeatures(enableRelaxedSimdFlag = true): WasmFeatures {
  if (cached) return cached;
  if (!webAssembly) {
    return (cached = { webAssembly: false, simd: false, relaxedSimd: false, relaxedSimdByFlag: false });
  }
  const simd = validates(SIMD_PROBE);
  let relaxedSimd = simd && validates(RELAXED_SIMD_PROBE);
  let relaxedSimdByFlag = false;
  if (simd && !relaxedSimd && enableRelaxedSimdFlag && !process.versions.electron) {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
    relaxedSimd = validates(RELAXED_SIMD_PROBE);
    relaxedSimdByFlag = relaxedSimd;
  }
  return (cached = { webAssembly: true, simd, relaxedSimd, relaxedSimdByFlag });
}
