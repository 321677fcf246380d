// Where one epoch's time goes, measured so that a shared, busy machine does not blur it: one
// epoch runs on a provider that counts every kernel call by shape and keeps the last arguments
// of each; then every distinct call is replayed on its own, timed by the process's CPU time
// (best of several rounds), and its cost times its count per epoch is its share. What remains of
// the epoch's own CPU time (best of the epochs run) is the trainer's JavaScript (about 0.015 s
// an epoch with every kernel a no-op), the cache refills a kernel replayed alone does not pay,
// and on a shared machine the slowdown from the other hyperthread's tenant.
// Usage: node --import tsx bench/profile.ts [relu] [auto|js] [--limit-train N] [--epochs N]
import { parseArgs } from 'node:util';
import { loadMnist, type Dataset } from '../src/core/data/datasets';
import { createKernels, type KernelPreference, type KernelProvider } from '../src/core/kernels/index';
import { makeConfig, type ActivationSpec } from '../src/core/train/config';
import { resolveLayerActivation } from '../src/core/train/resolveActivation';
import { MlpTrainer } from '../src/core/train/trainer';
import { cpuSeconds } from './cpuTime';

export interface ProfileRow {
  what: string;
  /** Calls per (full) epoch. */
  calls: number;
  /** Thread CPU seconds per epoch: the best replayed cost of one call times the calls. */
  seconds: number;
  /** Share of the epoch's CPU time. */
  share: number;
  /** For GEMMs: nominal GFLOP/s (2mnk per call; MNIST's zero pixels make the first layer's exceed the machine's). */
  gflops?: number;
}

export interface EpochProfile {
  activation: string;
  kernels: string;
  /** Best epoch's wall time and the process's CPU time, scaled to the full 48000 + 12000 images. */
  epochSeconds: number;
  cpuSeconds: number;
  rows: ProfileRow[];
}

const TIMED = ['gemm', 'biasActivation', 'activationBackward', 'activationParamGradient', 'multiply', 'addBias',
  'biasGradient', 'softmaxCrossEntropy', 'adamUpdate', 'gatherRows', 'sumAbs'] as const;

interface Site {
  calls: number;
  flop: number;
  run: () => void;
}

/** The key a call is grouped by: the method and its shape. */
function keyOf(method: string, a: unknown[]): { key: string; flop: number } {
  if (method === 'gemm') {
    const [tA, tB, m, n, k] = a as [boolean, boolean, number, number, number];
    return { key: `gemm ${m}x${n}x${k}${tA ? ' tA' : ''}${tB ? ' tB' : ''}`, flop: 2 * m * n * k };
  }
  if (method === 'biasActivation') {
    const [m, n, , , act, , , d] = a as [number, number, unknown, unknown, string, unknown, unknown, unknown];
    return { key: `biasActivation ${act} ${m}x${n}${d ? ' (+ f\')' : ''}`, flop: 0 };
  }
  if (method === 'adamUpdate') return { key: `adamUpdate ${(a[0] as Float32Array).length}`, flop: 0 };
  return { key: method, flop: 0 };
}

/** The provider with every kernel call counted by shape, its last arguments kept for replay. */
function recording(k: KernelProvider, sites: Map<string, Site>): KernelProvider {
  const out: Record<string, unknown> = { name: k.name, alloc: k.alloc.bind(k) };
  for (const [name, value] of Object.entries(k as unknown as Record<string, unknown>)) if (!(name in out) && typeof value === 'function') out[name] = value.bind(k);
  for (const m of TIMED) {
    const f = (k as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[m];
    if (!f) continue;
    out[m] = (...a: unknown[]) => {
      const { key, flop } = keyOf(m, a);
      const site = sites.get(key) ?? { calls: 0, flop, run: () => undefined };
      site.calls++;
      // replayed later on the buffers as the run left them
      site.run = () => { f.apply(k, a); };
      sites.set(key, site);
      return f.apply(k, a);
    };
  }
  return out as unknown as KernelProvider;
}

/** Best per-call CPU seconds of `run` over `rounds` rounds of about `roundSeconds` each. */
function replay(run: () => void, rounds = 5, roundSeconds = 0.004): number {
  let n = 1;
  for (;;) {
    const t0 = cpuSeconds();
    for (let i = 0; i < n; i++) run();
    const dt = cpuSeconds() - t0;
    if (dt >= roundSeconds || n >= 1 << 16) break;
    n *= 4;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuSeconds();
    for (let i = 0; i < n; i++) run();
    best = Math.min(best, (cpuSeconds() - t0) / n);
  }
  return best;
}

/**
 * Profiles the tutorial workload on `activation` (first `limitTrain` images, scaled to the full
 * epoch): `epochs` epochs run (the best counts), then each distinct kernel call is replayed.
 */
export function profileEpoch(
  dataset: Dataset, activation: ActivationSpec | string = 'relu', kernels: KernelPreference = 'auto',
  limitTrain = 12000, epochs = 2,
): EpochProfile {
  const spec = typeof activation === 'string' ? { id: activation } : activation;
  const config = makeConfig({ epochs, activations: [spec], limitTrain, limitTest: 1 });
  const sites = new Map<string, Site>();
  const provider = createKernels(kernels);
  const trainer = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation), recording(provider, sites));
  const cpu: number[] = [];
  let last = cpuSeconds();
  const out = trainer.run(dataset, { onEpoch: () => { const now = cpuSeconds(); cpu.push(now - last); last = now; } });
  const total = Math.min(limitTrain, dataset.train.count);
  const scale = dataset.train.count / total;
  const epochCpu = Math.min(...cpu) * scale;
  const rows: ProfileRow[] = [...sites].map(([what, s]) => {
    const each = replay(s.run);
    const calls = (s.calls / epochs) * scale;
    return { what, calls: Math.round(calls), seconds: each * calls, share: (each * calls) / epochCpu, ...(s.flop ? { gflops: s.flop / each / 1e9 } : {}) };
  });
  rows.sort((a, b) => b.seconds - a.seconds);
  const kernelSeconds = rows.reduce((s, r) => s + r.seconds, 0);
  // the kernels replayed alone find their data in cache and the core to themselves; in the epoch they do not
  rows.push({ what: 'the rest: trainer JS, cache refills between kernels, neighbours', calls: 0, seconds: epochCpu - kernelSeconds, share: 1 - kernelSeconds / epochCpu });
  const name = 'custom' in spec ? spec.custom.name : spec.id;
  return { activation: name, kernels: provider.name, epochSeconds: Math.min(...out.history.map((h) => h.seconds)) * scale, cpuSeconds: epochCpu, rows };
}

export function formatProfile(p: EpochProfile): string {
  const lines = [`${p.activation} on ${p.kernels}: ${p.cpuSeconds.toFixed(3)} s of CPU per epoch (best epoch, scaled to ` +
    `48000 + 12000 images; wall ${p.epochSeconds.toFixed(3)} s); every kernel call replayed alone, best of 5`,
    `${'where'.padEnd(48)} ${'calls'.padStart(7)} ${'seconds'.padStart(8)} ${'share'.padStart(6)} ${'GFLOP/s'.padStart(8)}`];
  for (const r of p.rows) {
    lines.push(`${r.what.padEnd(48)} ${(r.calls ? String(r.calls) : '').padStart(7)} ${r.seconds.toFixed(3).padStart(8)} ` +
      `${(100 * r.share).toFixed(1).padStart(5)}% ${(r.gflops ? r.gflops.toFixed(1) : '').padStart(8)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && /bench[\\/]profile\.ts$/.test(process.argv[1])) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'limit-train': { type: 'string' }, epochs: { type: 'string' } },
  });
  const limit = values['limit-train'] === undefined ? 12000 : Number(values['limit-train']);
  const act = positionals[0] ?? 'relu';
  const spec: ActivationSpec = act.includes('x') && /[*()]/.test(act) ? { custom: { name: act, expression: act } } : { id: act };
  console.log(formatProfile(profileEpoch(loadMnist(), spec, (positionals[1] ?? 'auto') as KernelPreference, limit,
    Number(values.epochs ?? 2))));
}
