// Where one epoch's time goes: the trainer on a kernel provider whose every method is timed
// (performance.now around each call: about 40k calls an epoch, well under 1% overhead). What is
// left of the epoch's wall time is the trainer's own JavaScript (loop, labels, argmax, views).
// Usage: node --import tsx bench/profile.ts [relu] [auto|js] [--limit-train N]
import { parseArgs } from 'node:util';
import { loadMnist, type Dataset } from '../src/core/data/datasets';
import { createKernels, type KernelPreference, type KernelProvider } from '../src/core/kernels/index';
import { makeConfig } from '../src/core/train/config';
import { resolveLayerActivation } from '../src/core/train/resolveActivation';
import { MlpTrainer } from '../src/core/train/trainer';

export interface ProfileRow {
  what: string;
  calls: number;
  seconds: number;
  /** Share of the epoch's wall time. */
  share: number;
  /** For GEMMs: nominal GFLOP/s (2mnk per call). */
  gflops?: number;
}

export interface EpochProfile {
  activation: string;
  kernels: string;
  epochSeconds: number;
  /** This thread's CPU time during the epoch: less than the wall time when other tenants had the core. */
  cpuSeconds: number;
  rows: ProfileRow[];
}

const TIMED = ['gemm', 'biasActivation', 'activationBackward', 'biasGradient', 'softmaxCrossEntropy', 'adamUpdate', 'gatherRows', 'sumAbs'] as const;

/** The provider with every kernel call timed into `acc` (GEMMs by shape). */
function timed(k: KernelProvider, acc: Map<string, { calls: number; seconds: number; flop: number }>): KernelProvider {
  const add = (key: string, t0: number, flop = 0): void => {
    const e = acc.get(key) ?? { calls: 0, seconds: 0, flop: 0 };
    e.calls++;
    e.seconds += (performance.now() - t0) / 1000;
    e.flop += flop;
    acc.set(key, e);
  };
  const out: Record<string, unknown> = { name: k.name, alloc: k.alloc.bind(k) };
  for (const m of TIMED) {
    const f = (k as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[m];
    if (!f) continue;
    out[m] = m === 'gemm'
      ? (...a: unknown[]) => {
          const t0 = performance.now();
          const r = f.apply(k, a);
          const [tA, tB, mm, n, kk] = a as [boolean, boolean, number, number, number];
          add(`gemm ${mm}x${n}x${kk}${tA ? ' tA' : ''}${tB ? ' tB' : ''}`, t0, 2 * mm * n * kk);
          return r;
        }
      : (...a: unknown[]) => {
          const t0 = performance.now();
          const r = f.apply(k, a);
          add(m, t0);
          return r;
        };
  }
  return out as unknown as KernelProvider;
}

/** One epoch of the tutorial workload (or the first `limitTrain` images), timed by kernel. */
export function profileEpoch(dataset: Dataset, activation = 'relu', kernels: KernelPreference = 'auto', limitTrain?: number): EpochProfile {
  const config = makeConfig({ epochs: 1, activations: [{ id: activation }], limitTrain, limitTest: 1 });
  const acc = new Map<string, { calls: number; seconds: number; flop: number }>();
  const provider = createKernels(kernels);
  const trainer = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation), timed(provider, acc));
  const cpu0 = process.cpuUsage();
  const out = trainer.run(dataset);
  const cpu = process.cpuUsage(cpu0);
  const epochSeconds = out.history[0]!.seconds;
  const rows: ProfileRow[] = [...acc].map(([what, e]) => ({
    what, calls: e.calls, seconds: e.seconds, share: e.seconds / epochSeconds,
    ...(e.flop ? { gflops: e.flop / e.seconds / 1e9 } : {}),
  }));
  rows.sort((a, b) => b.seconds - a.seconds);
  const kernelSeconds = rows.reduce((s, r) => s + r.seconds, 0);
  rows.push({ what: 'trainer JS (loop, labels, argmax, views, timing)', calls: 0, seconds: epochSeconds - kernelSeconds, share: 1 - kernelSeconds / epochSeconds });
  return { activation, kernels: provider.name, epochSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows };
}

export function formatProfile(p: EpochProfile): string {
  const lines = [`${p.activation} on ${p.kernels}: ${p.epochSeconds.toFixed(3)} s for the epoch (profiled; ` +
    `CPU time ${p.cpuSeconds.toFixed(3)} s, so about ${Math.max(0, 100 * (1 - p.cpuSeconds / p.epochSeconds)).toFixed(0)}% of the wall time the thread waited for a core)`,
    `${'where'.padEnd(48)} ${'calls'.padStart(7)} ${'seconds'.padStart(8)} ${'share'.padStart(6)} ${'GFLOP/s'.padStart(8)}`];
  for (const r of p.rows) {
    lines.push(`${r.what.padEnd(48)} ${(r.calls ? String(r.calls) : '').padStart(7)} ${r.seconds.toFixed(3).padStart(8)} ` +
      `${(100 * r.share).toFixed(1).padStart(5)}% ${(r.gflops ? r.gflops.toFixed(1) : '').padStart(8)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && /bench[\\/]profile\.ts$/.test(process.argv[1])) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'limit-train': { type: 'string' } } });
  const limit = values['limit-train'] === undefined ? undefined : Number(values['limit-train']);
  console.log(formatProfile(profileEpoch(loadMnist(), positionals[0] ?? 'relu', (positionals[1] ?? 'auto') as KernelPreference, limit)));
}
