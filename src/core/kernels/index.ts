// Picks the fastest matrix kernels this runtime runs: WebAssembly relaxed SIMD (FMA), else plain
// WebAssembly SIMD, else the plain TypeScript loops.

import { detectWasmFeatures } from './features';
import type { KernelProvider } from './fused';
import { createJsKernels } from './js';
import type { KernelName } from './types';
import { createWasmKernels, type WasmKernelOptions } from './wasm';
import { loadWasmBinaries } from './wasmBinaries';

export type { CompiledActivation, FusedActivation, FusedKernels, KernelProvider } from './fused';
export { activationKernelFor, compileExpressionKernel, type ActivationKernel, type KernelActivation } from './activationKernel';
export { MAX_VECTOR_VALUES } from './exprWasm/compile';
export { FUSED_ACTIVATIONS, isFusedActivation } from './fused';
export { detectWasmFeatures } from './features';
export type { KernelName, Kernels } from './types';

/** 'auto': the best available; 'wasm': the best WebAssembly one (fails without SIMD); or a name. */
export type KernelPreference = 'auto' | 'wasm' | KernelName;

export interface CreateKernelsOptions extends WasmKernelOptions {
  /** May turn on V8's relaxed-SIMD flag in plain Node 20 (default true; see features.ts). */
  enableRelaxedSimdFlag?: boolean;
}

/** The provider names this runtime can run, fastest first. */
export function availableKernels(options: CreateKernelsOptions = {}): KernelName[] {
  const f = detectWasmFeatures(options.enableRelaxedSimdFlag ?? true);
  const names: KernelName[] = [];
  if (f.relaxedSimd) names.push('wasm-relaxed-simd');
  if (f.simd) names.push('wasm-simd');
  names.push('js');
  return names;
}

export function createKernels(preference: KernelPreference = 'auto', options: CreateKernelsOptions = {}): KernelProvider {
  const available = availableKernels(options);
  let name: KernelName;
  if (preference === 'auto') {
    // a feature probe that passes while the real module fails to compile falls through to the next
    for (const candidate of available) {
      try {
        return create(candidate, options);
      } catch (e) {
        if (candidate === 'js') throw e;
      }
    }
    name = 'js';
  } else if (preference === 'wasm') {
    if (available[0] === 'js') throw new Error('WebAssembly SIMD kernels are not available in this runtime');
    name = available[0]!;
  } else {
    if (!available.includes(preference)) {
      throw new Error(`kernels '${preference}' are not available in this runtime (available: ${available.join(', ')})`);
    }
    name = preference;
  }
  return create(name, options);
}

function create(name: KernelName, options: CreateKernelsOptions): KernelProvider {
  if (name === 'js') return createJsKernels();
  const binaries = loadWasmBinaries();
  return createWasmKernels(name === 'wasm-relaxed-simd' ? binaries.relaxed : binaries.simd, name, options);
}
