// `npm run bench`: one table from one run on this machine, so every ratio compares like with
// like. The machine is shared: the load average, and for every step the cores this benchmark got
// and the cores everyone else used (/proc/stat), are recorded, and speed is measured both by the
// wall clock (best epoch: noise only ever slows an epoch) and by this process's CPU time, which a
// neighbour's load barely moves.
//   1. every built-in activation of the registry and two custom expressions (compiled at run
//      start), 2 epochs each on 1/5 of the images, in rounds, relu first and last in every round:
//      s/epoch scaled to the full epoch, and the ratio to relu;
//   2. relu for full epochs against PyTorch and numpy (one thread each; Debian's, installed when
//      missing), in interleaved rounds, then each for --epochs epochs for the test accuracy;
//   3. N different runs on N worker threads against one run alone, for N up to the cores present
//      (`actlab train --workers N`), with the peak resident memory;
//   4. GEMM GFLOP/s on the layer shapes and the machine's multiply-add ceiling (bench/gemm.ts,
//      bench/fmaPeak.ts); where a relu epoch's time goes (bench/profile.ts); the plain TypeScript
//      path on a fifth of an epoch; the extension-host growth while training (bench/hostGrowth.ts).
// It prints the table and writes bench/results.json. About 4 minutes on 2 quiet cores.
// Usage: npm run bench [-- --quick] [--skip-deps] [--epochs N] [--rounds N] [--activation-rounds N] [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACTIVATIONS } from '../src/core/activations/registry';
import { loadMnist, type Dataset } from '../src/core/data/datasets';
import { availableKernels, createKernels, detectWasmFeatures, type KernelProvider } from '../src/core/kernels/index';
import { createJsKernels } from '../src/core/kernels/js';
import { makeConfig, type ActivationSpec } from '../src/core/train/config';
import type { ResultsFile } from '../src/core/runs/resultsFile';
import { resolveLayerActivation } from '../src/core/train/resolveActivation';
import { MlpTrainer } from '../src/core/train/trainer';
import { cpuSeconds } from './cpuTime';
import { fmaPeak, type FmaPeak } from './fmaPeak';
import { benchGemm, formatGemmTable, type ProviderResult } from './gemm';
import { formatProfile, profileEpoch, type EpochProfile } from './profile';

const ROOT = path.resolve(__dirname, '..');
const PYTHON = '/usr/bin/python3';
/** Images for the activation table and the JS fallback: 1/5 of the split (9600 train + 2400 validation). */
const SUBSET_IMAGES = 12000;
const SUBSET_SCALE = 60000 / SUBSET_IMAGES;
/** The two custom expressions of the issue's table, compiled to WebAssembly when a run starts. */
const CUSTOM_EXPRESSIONS = ['x*sigmoid(2*x)', 'x*tanh(softplus(x))'];
/** The runs of the N-on-N scaling, N = 1, 2, ...: different activations, as a comparison has. */
const SCALING_ACTIVATIONS = ['relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu', 'gelu', 'silu', 'mish', 'selu', 'softplus',
  'softsign', 'hard_swish', 'celu', 'gelu_tanh', 'log_sigmoid', 'relu6'];

const GOALS = {
  slowestBuiltin: 1.3,
  customExpression: 1.5,
  vsPytorch: 0.35,
  vsNumpy: 0.6,
  accuracy: 0.97,
  gemmRelaxed: 60,
  scaling: 1.3,
  peakMB: 400,
  hostGrowthMB: 50,
};

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-deps': { type: 'boolean', default: false },
    epochs: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    'activation-rounds': { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results.json') },
  },
});
const EPOCHS = Number(opts.epochs ?? (opts.quick ? 3 : 10));
const SPEED_ROUNDS = opts.quick ? 1 : 2;
const SPEED_EPOCHS = 2;
const ACTIVATION_ROUNDS = Number(opts['activation-rounds'] ?? (opts.quick ? 1 : 3));
const SCALING_EPOCHS = opts.quick ? 2 : 3;
const SCALING_REPEATS = opts.quick ? 1 : 2;
if (!Number.isInteger(EPOCHS) || EPOCHS < 1) throw new Error(`--epochs must be a positive integer, got ${opts.epochs}`);
if (!Number.isInteger(ACTIVATION_ROUNDS) || ACTIVATION_ROUNDS < 1) throw new Error(`--activation-rounds must be a positive integer, got ${opts['activation-rounds']}`);

const t00 = performance.now();
const log = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - t00) / 1000).toFixed(0).padStart(4)} s, load ${os.loadavg()[0].toFixed(2)}] ${msg}\n`);
};
const loads: { step: string; load1: number; load5: number }[] = [];
const markLoad = (step: string): void => {
  const [l1, l5] = os.loadavg();
  loads.push({ step, load1: l1, load5: l5 });
};

/** The environment for numpy and PyTorch: one thread, and OpenBLAS's own core detection (see the env notes). */
function peerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** How busy the machine was during a step: the step's own CPU and everyone else's, in cores. */
interface Sharing {
  step: string;
  wallSeconds: number;
  ownCores: number;
  othersCores: number;
}
const sharing: Sharing[] = [];
const USER_HZ = 100;

/** Busy and total jiffies of the whole machine (/proc/stat's first line): other tenants show here. */
function machineJiffies(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f as [number, number, number, number, number, number, number, number];
    const busy = user + nice + system + irq + softirq + (steal ?? 0);
    return { busy, total: busy + idle + iowait };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

function recordSharing(step: string, before: { busy: number }, wallSeconds: number, ownCpuSeconds: number): Sharing {
  const busyCores = (machineJiffies().busy - before.busy) / USER_HZ / wallSeconds;
  const ownCores = ownCpuSeconds / wallSeconds;
  const entry = { step, wallSeconds, ownCores, othersCores: Math.max(0, busyCores - ownCores) };
  sharing.push(entry);
  return entry;
}

/** Runs `fn` in this process, recording its CPU and the machine's. */
function inProcess<T>(step: string, fn: () => T): T {
  const before = machineJiffies();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const cpu = process.cpuUsage(cpu0);
  recordSharing(step, before, (performance.now() - t0) / 1000, (cpu.user + cpu.system) / 1e6);
  return out;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak of the summed VmRSS of the process tree, sampled every 100 ms (MB). */
  treePeakMB: number;
  /** /usr/bin/time's figures for the command (its waited-for children included), when it is installed. */
  cpuSeconds: number | null;
  maxRssMB: number | null;
}

const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TIME_MARK = 'ACTLAB_BENCH_TIME';

/** Every pid under `root` (itself included), from /proc's children lists. */
function treePids(root: number): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${out[i]}/task/${t}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return out;
}

function rssKB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs a command (under /usr/bin/time when there), echoing its stderr lines with a prefix, sampling the tree's memory. */
function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; prefix: string; echo?: boolean }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const before = machineJiffies();
    const [file, argv] = TIME_BIN ? [TIME_BIN, ['-f', `${TIME_MARK} %U %S %M`, cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', partial = '', peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treePids(child.pid).reduce((s, p) => s + rssKB(p), 0));
    }, 100);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (options.echo === false) return;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const l of lines) if (l.trim() && !l.startsWith(TIME_MARK)) process.stderr.write(`  ${options.prefix} | ${l}\n`);
    });
    child.on('error', (e) => { clearInterval(timer); reject(e); });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const t = new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+) (\\d+)`).exec(stderr);
      const cpuSeconds = t ? Number(t[1]) + Number(t[2]) : null;
      if (cpuSeconds !== null) recordSharing(options.prefix, before, seconds, cpuSeconds);
      resolve({ code, stdout, stderr, seconds, treePeakMB: peak / 1024, cpuSeconds, maxRssMB: t ? Number(t[3]) / 1024 : null });
    });
  });
}

// ---------------------------------------------------------------------------------------------

interface PeerRun {
  framework: 'pytorch' | 'numpy';
  activation: string;
  epochs: number;
  secondsPerEpochMedian: number;
  epochSeconds: number[];
  /** CPU seconds of each epoch (Python's process_time, one thread). */
  epochCpuSeconds: number[];
  testAccuracy: number;
  version?: string;
  blas?: unknown;
}

async function torchRun(activation: string, epochs: number, label: string): Promise<PeerRun> {
  const r = await run(PYTHON, ['bench/torch_mlp.py', '--activations', activation, '--epochs', String(epochs), '--threads', '1'],
    { env: peerEnv(), prefix: label });
  if (r.code !== 0) throw new Error(`torch_mlp.py failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    version: string; threads: number; runs: { history: { seconds: number; cpuSeconds: number }[]; test: { accuracy: number } }[];
  };
  const run0 = out.runs[0];
  const secs = run0.history.map((h) => h.seconds);
  return {
    framework: 'pytorch', activation, epochs, epochSeconds: secs, epochCpuSeconds: run0.history.map((h) => h.cpuSeconds),
    secondsPerEpochMedian: median(secs), testAccuracy: run0.test.accuracy, version: `${out.version} (${out.threads} thread)`,
  };
}

async function numpyRun(activation: string, epochs: number, dir: string, label: string): Promise<PeerRun> {
  const json = path.join(dir, `numpy-${activation}.json`);
  const r = await run(PYTHON, ['bench/numpy_mlp.py', '--activation', activation, '--epochs', String(epochs), '--json', json],
    { env: peerEnv(), prefix: label });
  if (r.code !== 0) throw new Error(`numpy_mlp.py failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(readFileSync(json, 'utf8')) as {
    numpy: string; openblas: { core: string | null; threads: number | null }; epochs: { seconds: number; cpu_seconds: number }[]; test_accuracy: number;
  };
  const secs = out.epochs.map((e) => e.seconds);
  return {
    framework: 'numpy', activation, epochs, epochSeconds: secs, epochCpuSeconds: out.epochs.map((e) => e.cpu_seconds),
    secondsPerEpochMedian: median(secs), testAccuracy: out.test_accuracy,
    version: `${out.numpy}, OpenBLAS ${out.openblas.core ?? '?'} (${out.openblas.threads ?? '?'} thread)`, blas: out.openblas,
  };
}

interface Comparison {
  label: string;
  workers: number;
  wallSeconds: number;
  /** results.json's wallSeconds (the experiment inside the CLI, without process start). */
  experimentSeconds: number;
  /** /usr/bin/time's maximum resident set size of the CLI process (its worker threads included). */
  maxRssMB: number | null;
  /** The process tree's summed VmRSS, sampled every 100 ms. */
  treePeakMB: number;
  /** CPU time of the CLI and its worker threads (user + system). */
  cpuSeconds: number | null;
  runs: { id: string; status: string; kernels?: string; epochSeconds: number[]; testAccuracy: number | null }[];
}

/** `actlab train` on the built CLI with these activations (one run each) on `workers` worker threads. */
async function cliTrain(workers: number, epochs: number, noOnnx: boolean, activations: string[], label: string): Promise<Comparison> {
  const out = mkdtempSync(path.join(os.tmpdir(), `actlab-bench-${workers}w-`));
  try {
    const cli = [path.join(ROOT, 'dist', 'cli.js'), 'train', '--workers', String(workers), '--epochs', String(epochs),
      '--kernels', 'auto', '--out', out, '--no-report', ...(noOnnx ? ['--no-onnx'] : []), '--activations', activations.join(',')];
    const r = await run(process.execPath, cli, { prefix: label });
    if (r.code !== 0) throw new Error(`actlab train --workers ${workers} failed (exit ${r.code})`);
    const results = JSON.parse(readFileSync(path.join(out, 'latest', 'results.json'), 'utf8')) as ResultsFile;
    return {
      label, workers, wallSeconds: r.seconds, experimentSeconds: results.wallSeconds,
      maxRssMB: r.maxRssMB, treePeakMB: r.treePeakMB, cpuSeconds: r.cpuSeconds,
      runs: results.runs.map((x) => ({ id: x.id, status: x.status, kernels: x.kernels, epochSeconds: x.history.map((h) => h.seconds), testAccuracy: x.test?.accuracy ?? null })),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface HostGrowth {
  pool: string;
  baselineMB: number;
  peakMB: number;
  growthMB: number;
  runs: { id: string; status: string }[];
}

async function hostGrowth(kind: 'remote' | 'local'): Promise<HostGrowth> {
  const r = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/hostGrowth.ts', kind, '--epochs', '2'], { prefix: `host ${kind}` });
  if (r.code !== 0) throw new Error(`hostGrowth.ts ${kind} failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as HostGrowth;
}

// ---------------------------------------------------------------------------------------------

/** One training run in this process: per-epoch wall and CPU seconds, scaled to the full epoch. */
interface HereRun {
  wall: number[];
  cpu: number[];
  /** How each hidden layer's activation ran ('fused', 'compiled', 'js'), and why not faster where it could be. */
  paths: string[];
  notes: string[];
  testAccuracy: number | null;
}

function trainHere(dataset: Dataset, spec: ActivationSpec, kernels: KernelProvider, epochs: number, images?: number, limitTest = 1): HereRun {
  const config = makeConfig({ epochs, limitTrain: images, limitTest, activations: [spec] });
  const trainer = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation), kernels);
  const scale = images ? dataset.train.count / Math.min(images, dataset.train.count) : 1;
  const cpu: number[] = [];
  let last = cpuSeconds();
  const out = trainer.run(dataset, { onEpoch: () => { const now = cpuSeconds(); cpu.push((now - last) * scale); last = now; } });
  return {
    wall: out.history.map((h) => h.seconds * scale), cpu, paths: trainer.activationPaths, notes: trainer.kernelNotes,
    testAccuracy: out.test?.accuracy ?? null,
  };
}

const specLabel = (spec: ActivationSpec): string => ('custom' in spec ? spec.custom.expression : spec.id);

interface ActivationRow {
  activation: string;
  kind: 'builtin' | 'custom';
  path: string;
  /** Best epoch over every round, full-epoch seconds. */
  wallSeconds: number;
  cpuSeconds: number;
  wallVsRelu: number;
  cpuVsRelu: number;
  epochs: number;
  notes: string[];
}

/** Every built-in and the custom expressions on the subset, `rounds` rounds, relu first and last in each. */
function activationTable(dataset: Dataset, rounds: number): ActivationRow[] {
  const specs: ActivationSpec[] = [
    ...ACTIVATIONS.filter((r) => r.kind === 'elementwise').map((r) => ({ id: r.id })),
    ...CUSTOM_EXPRESSIONS.map((e, i) => ({ custom: { name: `custom${i + 1}`, expression: e } })),
  ];
  const kernels = createKernels('auto', { memoryBytes: 1024 * 1024 * 1024 });
  const runs = new Map<string, { spec: ActivationSpec; wall: number[]; cpu: number[]; path: string; notes: string[] }>();
  const add = (spec: ActivationSpec): void => {
    const r = trainHere(dataset, spec, kernels, SPEED_EPOCHS, SUBSET_IMAGES);
    const key = specLabel(spec);
    const entry = runs.get(key) ?? { spec, wall: [], cpu: [], path: r.paths[0], notes: r.notes };
    entry.wall.push(...r.wall);
    entry.cpu.push(...r.cpu);
    runs.set(key, entry);
  };
  for (let round = 1; round <= rounds; round++) {
    log(`activation table, round ${round}/${rounds}: ${specs.length} activations, ${SPEED_EPOCHS} epochs each on ${SUBSET_IMAGES} images`);
    // relu brackets each round (and the order alternates), so a slow stretch of the machine hits relu too
    const order = round % 2 ? specs : [...specs].reverse();
    add({ id: 'relu' });
    for (const spec of order) if (specLabel(spec) !== 'relu') add(spec);
    add({ id: 'relu' });
  }
  const relu = runs.get('relu')!;
  const reluWall = Math.min(...relu.wall), reluCpu = Math.min(...relu.cpu);
  return [...runs.values()].map(({ spec, wall, cpu, path: how, notes }) => ({
    activation: specLabel(spec), kind: 'custom' in spec ? 'custom' : 'builtin', path: how,
    wallSeconds: Math.min(...wall), cpuSeconds: Math.min(...cpu),
    wallVsRelu: Math.min(...wall) / reluWall, cpuVsRelu: Math.min(...cpu) / reluCpu, epochs: wall.length, notes,
  }));
}

interface ScalingRow {
  workers: number;
  activations: string[];
  /** Best over the repeats: the experiment's wall time (results.json), the CLI's, and its peak memory. */
  experimentSeconds: number;
  cliSeconds: number;
  vsOneRun: number;
  maxRssMB: number | null;
  treePeakMB: number;
  ownCores: number | null;
  othersCores: number | null;
}

// ---------------------------------------------------------------------------------------------

interface Check {
  goal: string;
  value: number | null;
  limit: string;
  met: boolean | null;
}

function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

const best = (xs: number[]): number | null => (xs.length ? Math.min(...xs) : null);
const ratio = (a: number | null | undefined, b: number | null | undefined): number | null => (a && b ? a / b : null);

async function main(): Promise<void> {
  markLoad('start');
  const cores = os.availableParallelism();
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores, memoryGB: os.totalmem() / 2 ** 30,
    node: process.version, platform: `${os.type()} ${os.release()}`,
    git: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || null,
  };
  log(`${machine.cpu}, ${machine.cores} cores, node ${machine.node}; epochs ${EPOCHS}${opts.quick ? ' (--quick)' : ''}`);

  // 0. Python peers (apt when missing) and the bundles.
  if (!opts['skip-deps']) {
    log('checking system packages (scripts/ensure-system-deps.sh)');
    const deps = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-system-deps.sh')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (deps.status !== 0) log('ensure-system-deps.sh failed: the peers may be missing');
  }
  const peerCheck = spawnSync(PYTHON, ['-c', 'import numpy, torch; print(numpy.__version__, torch.__version__)'], { env: peerEnv(), encoding: 'utf8' });
  const havePeers = peerCheck.status === 0;
  if (!havePeers) log(`PyTorch/numpy unavailable (${(peerCheck.stderr || String(peerCheck.error)).trim().split('\n').pop()}): peers skipped`);
  log('building the bundles');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
  const help = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'train', '--help'], { encoding: 'utf8' });
  const noOnnx = `${help.stdout}${help.stderr}`.includes('--no-onnx');
  const features = detectWasmFeatures();
  const mnist = loadMnist();

  // 1. Every activation, on the subset, in this process.
  markLoad('activations');
  const activations = inProcess('activation table', () => activationTable(mnist, ACTIVATION_ROUNDS));

  // 2. relu against the peers: full epochs, interleaved rounds, then the accuracy runs.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-bench-peers-'));
  const peers: PeerRun[] = [];
  const wall = { lab: [] as number[], pytorch: [] as number[], numpy: [] as number[] };
  const cpu = { lab: [] as number[], pytorch: [] as number[], numpy: [] as number[] };
  let labAccuracy: number | null = null;
  const labKernels = createKernels('auto');
  try {
    for (let round = 1; round <= SPEED_ROUNDS; round++) {
      log(`relu speed round ${round}/${SPEED_ROUNDS}: lab, PyTorch, numpy (${SPEED_EPOCHS} full epochs each)`);
      markLoad(`speed round ${round}`);
      const lab = inProcess(`lab relu #${round}`, () => trainHere(mnist, { id: 'relu' }, labKernels, SPEED_EPOCHS));
      wall.lab.push(...lab.wall);
      cpu.lab.push(...lab.cpu);
      if (havePeers) {
        const t = await torchRun('relu', SPEED_EPOCHS, `torch relu #${round}`);
        wall.pytorch.push(...t.epochSeconds);
        cpu.pytorch.push(...t.epochCpuSeconds);
        const n = await numpyRun('relu', SPEED_EPOCHS, dir, `numpy relu #${round}`);
        wall.numpy.push(...n.epochSeconds);
        cpu.numpy.push(...n.epochCpuSeconds);
      }
    }
    log(`relu, ${EPOCHS} epochs, for the test accuracy: lab, PyTorch, numpy`);
    markLoad('accuracy');
    const lab = inProcess('lab relu accuracy', () => trainHere(mnist, { id: 'relu' }, createKernels('auto'), EPOCHS, undefined, mnist.test.count));
    wall.lab.push(...lab.wall);
    cpu.lab.push(...lab.cpu);
    labAccuracy = lab.testAccuracy;
    if (havePeers) {
      for (const r of [await torchRun('relu', EPOCHS, 'torch relu accuracy'), await numpyRun('relu', EPOCHS, dir, 'numpy relu accuracy')]) {
        peers.push(r);
        wall[r.framework].push(...r.epochSeconds);
        cpu[r.framework].push(...r.epochCpuSeconds);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peer = (framework: string) => peers.find((p) => p.framework === framework);

  // 3. N different runs on N workers against one run alone.
  const scaling: ScalingRow[] = [];
  const workerCounts = [...new Set([1, 2, 4, 8, 16].filter((n) => n <= cores).concat(cores))].sort((a, b) => a - b);
  for (const n of workerCounts) {
    const acts = SCALING_ACTIVATIONS.slice(0, Math.min(n, SCALING_ACTIVATIONS.length));
    const tries: { c: Comparison; share: Sharing | undefined }[] = [];
    for (let rep = 1; rep <= SCALING_REPEATS; rep++) {
      log(`${n} run${n > 1 ? 's' : ''} on ${n} worker${n > 1 ? 's' : ''} (${acts.join(', ')}), ${SCALING_EPOCHS} epochs, #${rep}`);
      markLoad(`scaling ${n} #${rep}`);
      const label = `scaling ${n}w #${rep}`;
      const c = await cliTrain(n, SCALING_EPOCHS, noOnnx, acts, label);
      tries.push({ c, share: sharing.find((x) => x.step === label) });
    }
    const pick = tries.reduce((a, b) => (b.c.experimentSeconds < a.c.experimentSeconds ? b : a));
    scaling.push({
      workers: n, activations: acts, experimentSeconds: pick.c.experimentSeconds, cliSeconds: pick.c.wallSeconds, vsOneRun: NaN,
      maxRssMB: Math.max(...tries.map((t) => t.c.maxRssMB ?? 0)) || null, treePeakMB: Math.max(...tries.map((t) => t.c.treePeakMB)),
      ownCores: pick.share?.ownCores ?? null, othersCores: pick.share?.othersCores ?? null,
    });
  }
  for (const s of scaling) s.vsOneRun = s.experimentSeconds / scaling[0].experimentSeconds;

  // 4. GEMM and the multiply-add ceiling, the profile, the JS fallback, host growth.
  log('GEMM on the layer shapes, and the multiply-add peak');
  markLoad('gemm');
  const rounds = Number(opts.rounds);
  const gemm: ProviderResult[] = inProcess('GEMM', () => benchGemm(availableKernels(), rounds));
  const peak: FmaPeak = inProcess('multiply-add peak', () => fmaPeak());
  log('profiling a relu epoch (every kernel call replayed on its own)');
  markLoad('profile');
  const profile: EpochProfile = inProcess('profile', () => profileEpoch(mnist, 'relu', 'auto', SUBSET_IMAGES));
  log('JS fallback, relu, 1/5 epoch');
  markLoad('js fallback');
  const js = inProcess('JS fallback relu', () => trainHere(mnist, { id: 'relu' }, createJsKernels(), 1, SUBSET_IMAGES));
  log('extension-host growth: ProcessPool, then in-process WorkerPool');
  markLoad('host growth');
  const growth = { remote: await hostGrowth('remote'), local: await hostGrowth('local') };
  markLoad('end');

  // ------------------------------------------------------------------------------------------
  const builtins = activations.filter((a) => a.kind === 'builtin');
  const slowest = builtins.reduce((a, b) => (b.wallVsRelu > a.wallVsRelu ? b : a));
  const slowestCpu = builtins.reduce((a, b) => (b.cpuVsRelu > a.cpuVsRelu ? b : a));
  const customs = activations.filter((a) => a.kind === 'custom');
  const labWall = best(wall.lab), torchWall = best(wall.pytorch), numpyWall = best(wall.numpy);
  const labCpu = best(cpu.lab), torchCpu = best(cpu.pytorch), numpyCpu = best(cpu.numpy);
  const gemmOf = (name: string) => gemm.find((g) => g.provider === name)?.epochRandom.gflopsMedian ?? null;
  const atCores = scaling[scaling.length - 1];
  const peakMB = Math.max(...scaling.map((s) => Math.max(s.maxRssMB ?? 0, s.treePeakMB)));
  const checks: Check[] = [
    { goal: `slowest built-in / relu (${slowestCpu.activation}), CPU s/epoch`, value: slowestCpu.cpuVsRelu, limit: `<= ${GOALS.slowestBuiltin}`, met: null },
    { goal: `slowest built-in / relu (${slowest.activation}), wall s/epoch`, value: slowest.wallVsRelu, limit: `<= ${GOALS.slowestBuiltin}`, met: null },
    ...customs.map((c): Check => ({ goal: `${c.activation} / relu, CPU s/epoch`, value: c.cpuVsRelu, limit: `<= ${GOALS.customExpression}`, met: null })),
    ...customs.map((c): Check => ({ goal: `${c.activation} / relu, wall s/epoch`, value: c.wallVsRelu, limit: `<= ${GOALS.customExpression}`, met: null })),
    { goal: 'relu s/epoch / PyTorch 1 thread (best epochs)', value: ratio(labWall, torchWall), limit: `<= ${GOALS.vsPytorch}`, met: null },
    { goal: 'relu s/epoch / numpy 1 thread (best epochs)', value: ratio(labWall, numpyWall), limit: `<= ${GOALS.vsNumpy}`, met: null },
    { goal: 'relu CPU s/epoch / PyTorch', value: ratio(labCpu, torchCpu), limit: `<= ${GOALS.vsPytorch}`, met: null },
    { goal: 'relu CPU s/epoch / numpy', value: ratio(labCpu, numpyCpu), limit: `<= ${GOALS.vsNumpy}`, met: null },
    { goal: `relu test accuracy after ${EPOCHS} epochs`, value: labAccuracy, limit: `>= ${GOALS.accuracy}`, met: null },
    { goal: 'GEMM wasm-relaxed-simd, GFLOP/s (layer shapes, random)', value: gemmOf('wasm-relaxed-simd'), limit: `>= ${GOALS.gemmRelaxed}`, met: null },
    { goal: `${atCores.workers} runs on ${atCores.workers} cores / one run, wall`, value: atCores.vsOneRun, limit: `<= ${GOALS.scaling}`, met: null },
    { goal: 'peak resident memory of those runs, MB', value: peakMB, limit: `<= ${GOALS.peakMB}`, met: null },
    { goal: 'host growth while training (ProcessPool), MB', value: growth.remote.growthMB, limit: `<= ${GOALS.hostGrowthMB}`, met: null },
  ];
  for (const c of checks) {
    const [op, lim] = c.limit.split(' ') as ['<=' | '>=', string];
    c.met = c.value === null ? null : op === '<=' ? c.value <= Number(lim) : c.value >= Number(lim);
  }
  if (EPOCHS < 10) checks.find((c) => c.goal.startsWith('relu test accuracy'))!.met = null; // judged after 10 epochs

  const lines: string[] = [];
  const loadStart = loads[0], loadEnd = loads[loads.length - 1];
  const maxLoad = Math.max(...loads.map((l) => l.load1));
  lines.push(`Activation Lab benchmark, ${new Date().toISOString()}, git ${machine.git ?? '?'}`);
  lines.push(`${machine.cpu}, ${machine.cores} cores present, node ${machine.node}; WebAssembly SIMD ${features.simd ? 'yes' : 'no'}, relaxed SIMD ${features.relaxedSimd ? (features.relaxedSimdByFlag ? 'yes (V8 flag)' : 'yes') : 'no'}`);
  lines.push(`load average (1 min / 5 min): ${loadStart.load1.toFixed(2)} / ${loadStart.load5.toFixed(2)} at start, ${loadEnd.load1.toFixed(2)} / ${loadEnd.load5.toFixed(2)} at end, ${maxLoad.toFixed(2)} at most (shared machine: CPU-time figures are the steadier ones)`);
  lines.push('');
  lines.push(`Seconds per epoch (48000 + 12000 images, batch 32, 784-128-64-10), best epoch of ${SPEED_EPOCHS} x ${ACTIVATION_ROUNDS} rounds, timed on`);
  lines.push(`${SUBSET_IMAGES} images and scaled x${SUBSET_SCALE}; one worker (this process), ${activations[0] ? createKernels('auto').name : '?'} kernels`);
  lines.push(`${'activation'.padEnd(22)} ${'path'.padEnd(9)} ${'s/epoch'.padStart(8)} ${'vs relu'.padStart(8)} ${'CPU s'.padStart(8)} ${'vs relu'.padStart(8)}`);
  for (const a of activations) {
    lines.push(`${a.activation.padEnd(22)} ${a.path.padEnd(9)} ${fmt(a.wallSeconds, 3).padStart(8)} ${fmt(a.wallVsRelu, 2).padStart(8)} ${fmt(a.cpuSeconds, 3).padStart(8)} ${fmt(a.cpuVsRelu, 2).padStart(8)}`);
  }
  const notes = activations.flatMap((a) => a.notes);
  if (notes.length) lines.push(`  notes: ${notes.join('; ')}`);
  lines.push('');
  lines.push(`relu, full epochs (best of ${wall.lab.length} / ${wall.pytorch.length} / ${wall.numpy.length} epochs)   lab        PyTorch, 1 thread     numpy, 1 thread`);
  lines.push(`  s/epoch (wall), ratio lab/peer    ${fmt(labWall, 3).padStart(8)}   ${`${fmt(torchWall, 3)} (${fmt(ratio(labWall, torchWall), 2)})`.padStart(18)}   ${`${fmt(numpyWall, 3)} (${fmt(ratio(labWall, numpyWall), 2)})`.padStart(16)}`);
  lines.push(`  s/epoch (CPU), ratio lab/peer     ${fmt(labCpu, 3).padStart(8)}   ${`${fmt(torchCpu, 3)} (${fmt(ratio(labCpu, torchCpu), 2)})`.padStart(18)}   ${`${fmt(numpyCpu, 3)} (${fmt(ratio(labCpu, numpyCpu), 2)})`.padStart(16)}`);
  lines.push(`  test accuracy after ${EPOCHS} epochs     ${fmt(labAccuracy, 4).padStart(8)}   ${fmt(peer('pytorch')?.testAccuracy, 4).padStart(18)}   ${fmt(peer('numpy')?.testAccuracy, 4).padStart(16)}`);
  lines.push(`  ${peer('pytorch')?.version ?? 'PyTorch not run'}; numpy ${peer('numpy')?.version ?? 'not run'}`);
  lines.push(`  the plain TypeScript path (--kernels js): ${fmt(best(js.wall), 2)} s/epoch (timed on ${SUBSET_IMAGES} images, x${SUBSET_SCALE})`);
  lines.push('');
  lines.push(`N different runs on N worker threads (actlab train --workers N, ${SCALING_EPOCHS} epochs each; ${cores} cores present, N up to ${workerCounts[workerCounts.length - 1]})`);
  lines.push(`  ${'N'.padStart(3)}  ${'runs'.padEnd(40)} ${'wall s'.padStart(7)} ${'vs one'.padStart(7)}  cores got / others  peak resident`);
  for (const s of scaling) {
    lines.push(`  ${String(s.workers).padStart(3)}  ${s.activations.join(',').slice(0, 40).padEnd(40)} ${fmt(s.experimentSeconds, 1).padStart(7)} ${fmt(s.vsOneRun, 2).padStart(7)}  ${`${fmt(s.ownCores, 2)} / ${fmt(s.othersCores, 2)}`.padEnd(18)}  ${fmt(s.maxRssMB, 0)} MB (max RSS), ${fmt(s.treePeakMB, 0)} MB (sampled)`);
  }
  lines.push('');
  lines.push(`GEMM on the layer shapes (${rounds} rounds, CPU time; the goal figure is the epoch-weighted median with random operands)`);
  lines.push(formatGemmTable(gemm));
  lines.push(`  the machine's four-lane multiply-add ceiling (bench/fmaPeak.ts): relaxed SIMD ${fmt(peak.relaxedSimd, 1)} GFLOP/s, SIMD mul + add ${fmt(peak.simd, 1)} GFLOP/s`);
  lines.push('');
  lines.push('Where a relu epoch goes (bench/profile.ts):');
  lines.push(formatProfile(profile));
  lines.push('');
  lines.push('How shared the machine was (cores busy during each step: this benchmark\'s, everyone else\'s)');
  for (const x of sharing) lines.push(`  ${x.step.padEnd(28)} ${fmt(x.wallSeconds, 1).padStart(6)} s   own ${fmt(x.ownCores, 2)}   others ${fmt(x.othersCores, 2)}`);
  lines.push('');
  lines.push('Extension-host growth while 2 runs train 2 epochs (resident memory of the training host, peak minus before)');
  lines.push(`  ProcessPool (dataset and workers in a child process): +${fmt(growth.remote.growthMB, 1)} MB (from ${fmt(growth.remote.baselineMB, 0)} MB)`);
  lines.push(`  in-process WorkerPool + loadDataset, for contrast: +${fmt(growth.local.growthMB, 1)} MB (from ${fmt(growth.local.baselineMB, 0)} MB)`);
  lines.push('');
  lines.push('Goals');
  for (const c of checks) {
    lines.push(`  ${c.goal.padEnd(56)} ${fmt(c.value, c.value !== null && c.value > 10 ? 1 : 3).padStart(8)}  ${c.limit.padEnd(8)}  ${c.met === null ? 'n/a' : c.met ? 'met' : 'NOT MET'}`);
  }
  const table = lines.join('\n');
  console.log(table);

  const results = {
    format: 'activation-lab/bench', version: 2, createdAt: new Date().toISOString(), seconds: (performance.now() - t00) / 1000,
    machine, loadAverage: loads, sharing, wasm: features, epochs: EPOCHS, quick: opts.quick,
    activations: { images: SUBSET_IMAGES, scale: SUBSET_SCALE, epochs: SPEED_EPOCHS, rounds: ACTIVATION_ROUNDS, rows: activations },
    relu: { wall, cpu, labAccuracy, peers, jsFallback: { images: SUBSET_IMAGES, secondsPerEpoch: best(js.wall), cpuSecondsPerEpoch: best(js.cpu) } },
    scaling: { cores, epochs: SCALING_EPOCHS, rows: scaling },
    gemm, fmaPeak: peak, profile, hostGrowth: growth, goals: checks, table,
  };
  const tmp = `${opts.out}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 1)}\n`);
  renameSync(tmp, opts.out);
  log(`wrote ${path.relative(ROOT, opts.out)}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
