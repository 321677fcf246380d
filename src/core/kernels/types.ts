// The contract between the trainer and its matrix kernels. Two providers implement it: plain
// TypeScript (`js.ts`, the reference and fallback) and WebAssembly SIMD (`wasm.ts`). All
// matrices are row-major Float32Array views.

export type KernelName = 'js' | 'wasm-simd' | 'wasm-relaxed-simd';

export interface Kernels {
  readonly name: KernelName;
  /**
   * Allocates `n` zeroed floats that the kernels can work on. For the WASM provider the view
   * lives in its linear memory; views stay valid for the provider's lifetime (no growth after
   * `freeze()`). The trainer allocates everything once, up front: no allocation per step.
   */
  alloc(n: number): Float32Array;
  /**
   * C(m,n) = beta*C + op(A) op(B), where op(A) is (m,k) and op(B) is (k,n).
   * transA: A is stored (k,m); transB: B is stored (n,k). beta is 0 (overwrite) or 1 (accumulate).
   */
  gemm(
    transA: boolean, transB: boolean, m: number, n: number, k: number,
    a: Float32Array, b: Float32Array, beta: 0 | 1, c: Float32Array,
  ): void;
}
