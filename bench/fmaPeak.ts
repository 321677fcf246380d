// The machine's ceiling for WebAssembly GEMM: a loop of independent four-lane multiply-adds
// (twelve chains, more than latency x throughput, nothing loaded) in both builds' forms, relaxed
// SIMD's fused f32x4.relaxed_madd and plain SIMD's f32x4.mul then f32x4.add. The module is
// written with the expression compiler's binary writer. GFLOP/s from CPU time, best of rounds.
import { detectWasmFeatures } from '../src/core/kernels/features';
import { Code, I32, ModuleBuilder, SIMD, V128, type ValueType } from '../src/core/kernels/exprWasm/wasmBinary';
import { webAssembly } from '../src/core/kernels/webAssemblyApi';
import { cpuSeconds } from './cpuTime';

const CHAINS = 12;

function peakLoop(fused: boolean): (n: number) => void {
  const code = new Code();
  const n = 0, acc0 = 1, b = acc0 + CHAINS, c = b + 1;
  code.f32x4Const([0.9999999, 0.9999999, 0.9999999, 0.9999999]).localSet(b);
  code.f32x4Const([1e-7, 1e-7, 1e-7, 1e-7]).localSet(c);
  for (let i = 0; i < CHAINS; i++) code.f32x4Const([1 + i, 1, 1, 1]).localSet(acc0 + i);
  code.loop();
  for (let i = 0; i < CHAINS; i++) {
    if (fused) code.localGet(acc0 + i).localGet(b).localGet(c).simd(SIMD.f32x4RelaxedMadd);
    else code.localGet(acc0 + i).localGet(b).simd(SIMD.f32x4Mul).localGet(c).simd(SIMD.f32x4Add);
    code.localSet(acc0 + i);
  }
  code.localGet(n).i32Const(1).i32Sub().localTee(n).brIf(0).end();
  // keep the chains alive: their sum to memory
  code.i32Const(0).localGet(acc0);
  for (let i = 1; i < CHAINS; i++) code.localGet(acc0 + i).simd(SIMD.f32x4Add);
  code.v128Store();
  const locals: ValueType[] = Array.from({ length: CHAINS + 2 }, (): ValueType => V128);
  const module = new ModuleBuilder();
  module.addFunction({ params: [I32], results: [] }, locals, code, 'peak');
  const memory = new webAssembly!.Memory({ initial: 1, maximum: 1 });
  const instance = new webAssembly!.Instance(new webAssembly!.Module(module.toBytes()), { env: { memory } });
  return instance.exports.peak as (n: number) => void;
}

export interface FmaPeak {
  relaxedSimd: number | null;
  simd: number;
}

/** GFLOP/s of the loop (8 flop per four-lane multiply-add), best of `rounds`. */
export function fmaPeak(rounds = 7): FmaPeak {
  const measure = (fused: boolean): number => {
    const run = peakLoop(fused);
    const n = 2_000_000;
    run(n * 5); // tier up to the optimizing compiler
    let best = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = cpuSeconds();
      run(n);
      best = Math.max(best, (n * CHAINS * 8) / (cpuSeconds() - t0) / 1e9);
    }
    return best;
  };
  return { relaxedSimd: detectWasmFeatures().relaxedSimd ? measure(true) : null, simd: measure(false) };
}

if (process.argv[1] && /bench[\\/]fmaPeak\.ts$/.test(process.argv[1])) {
  const p = fmaPeak();
  console.log(`WebAssembly four-lane multiply-add peak, one core: relaxed SIMD ${p.relaxedSimd?.toFixed(1) ?? 'n/a'} GFLOP/s, SIMD (mul + add) ${p.simd.toFixed(1)} GFLOP/s`);
}
