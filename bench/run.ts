// `npm run bench`: the lab against its peers on the tutorial's workload. Every figure comes from
// this one run on this machine, so the ratios compare like with like. The machine is shared: the
// load average and, for every step, the cores this benchmark got and the cores everyone else used
// (/proc/stat) are recorded.
//   - seconds per epoch of the tutorial workload (48000 train + 12000 validation, batch 32) with
//     relu and sigmoid: the lab's fast path (one worker, `actlab train`), PyTorch and numpy (one
//     thread each), in interleaved rounds so a neighbour's burst hits all alike; the ratios use each
//     system's best epoch (noise only ever slows an epoch), the median is shown beside it. The
//     plain TypeScript fallback is timed on 1/5 of an epoch and scaled;
//   - test accuracy after 10 epochs, relu: the lab and its peers;
//   - GEMM GFLOP/s on the layer shapes (bench/gemm.ts);
//   - the four-activation comparison's wall time with 1 and 2 workers (twice each, the best
//     counts) and its peak resident memory;
//   - the extension-host growth while training through ProcessPool (bench/hostGrowth.ts);
//   - where a fast-path epoch's time goes (bench/profile.ts).
// It installs the Python peers with apt when missing (scripts/ensure-system-deps.sh), builds the
// bundles, prints a table and writes bench/results.json. About 4 minutes on 2 quiet cores.
// Usage: npm run bench [-- --quick] [--skip-deps] [--epochs N] [--speed-rounds N] [--rounds N] [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadMnist } from '../src/core/data/datasets';
import { availableKernels, detectWasmFeatures } from '../src/core/kernels/index';
import { createJsKernels } from '../src/core/kernels/js';
import { makeConfig, TUTORIAL_ACTIVATIONS } from '../src/core/train/config';
import type { ResultsFile } from '../src/core/runs/resultsFile';
import { resolveLayerActivation } from '../src/core/train/resolveActivation';
import { MlpTrainer } from '../src/core/train/trainer';
import { benchGemm, formatGemmTable, type ProviderResult } from './gemm';
import { formatProfile, profileEpoch, type EpochProfile } from './profile';

const ROOT = path.resolve(__dirname, '..');
const PYTHON = '/usr/bin/python3';
/** The JS fallback trains on this many images: 1/5 of the full split's work (7680 train + 1920 validation). */
const JS_FRACTION_IMAGES = 12000;
const JS_SCALE = 60000 / JS_FRACTION_IMAGES;

const GOALS = {
  vsPytorch: 0.5,
  vsNumpy: 0.8,
  accuracy: 0.97,
  gemmRelaxed: 35,
  gemmSimd: 25,
  twoWorkers: 0.6,
  peakMB: 400,
  hostGrowthMB: 50,
};

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-deps': { type: 'boolean', default: false },
    epochs: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    'speed-rounds': { type: 'string', default: '3' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results.json') },
  },
});
const EPOCHS = Number(opts.epochs ?? (opts.quick ? 3 : 10));
const SPEED_ROUNDS = Number(opts['speed-rounds']);
const SPEED_EPOCHS = 2;
const COMPARISON_REPEATS = opts.quick ? 1 : 2;
if (!Number.isInteger(EPOCHS) || EPOCHS < 1) throw new Error(`--epochs must be a positive integer, got ${opts.epochs}`);
if (!Number.isInteger(SPEED_ROUNDS) || SPEED_ROUNDS < 1) throw new Error(`--speed-rounds must be a positive integer, got ${opts['speed-rounds']}`);

const t00 = performance.now();
const log = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - t00) / 1000).toFixed(0).padStart(4)} s, load ${os.loadavg()[0]!.toFixed(2)}] ${msg}\n`);
};
const loads: { step: string; load1: number; load5: number }[] = [];
const markLoad = (step: string): void => {
  const [l1, l5] = os.loadavg();
  loads.push({ step, load1: l1!, load5: l5! });
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
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
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
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
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
  testAccuracy: number;
  version?: string;
  blas?: unknown;
}

async function torchRun(activation: string, epochs: number, label: string): Promise<PeerRun> {
  const r = await run(PYTHON, ['bench/torch_mlp.py', '--activations', activation, '--epochs', String(epochs), '--threads', '1'],
    { env: peerEnv(), prefix: label });
  if (r.code !== 0) throw new Error(`torch_mlp.py failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    version: string; threads: number; runs: { history: { seconds: number }[]; test: { accuracy: number } }[];
  };
  const run0 = out.runs[0]!;
  const secs = run0.history.map((h) => h.seconds);
  return { framework: 'pytorch', activation, epochs, epochSeconds: secs, secondsPerEpochMedian: median(secs), testAccuracy: run0.test.accuracy, version: `${out.version} (${out.threads} thread)` };
}

async function numpyRun(activation: string, epochs: number, dir: string, label: string): Promise<PeerRun> {
  const json = path.join(dir, `numpy-${activation}.json`);
  const r = await run(PYTHON, ['bench/numpy_mlp.py', '--activation', activation, '--epochs', String(epochs), '--json', json],
    { env: peerEnv(), prefix: label });
  if (r.code !== 0) throw new Error(`numpy_mlp.py failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(readFileSync(json, 'utf8')) as {
    numpy: string; openblas: { core: string | null; threads: number | null }; epochs: { seconds: number }[]; test_accuracy: number;
  };
  const secs = out.epochs.map((e) => e.seconds);
  return {
    framework: 'numpy', activation, epochs, epochSeconds: secs, secondsPerEpochMedian: median(secs), testAccuracy: out.test_accuracy,
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

/** `actlab train` on the built CLI: every tutorial activation, or one. */
async function cliTrain(workers: number, epochs: number, noOnnx: boolean, activation: string | undefined, label: string): Promise<Comparison> {
  const out = mkdtempSync(path.join(os.tmpdir(), `actlab-bench-${workers}w-`));
  try {
    const cli = [path.join(ROOT, 'dist', 'cli.js'), 'train', '--workers', String(workers), '--epochs', String(epochs),
      '--kernels', 'auto', '--out', out, '--no-report', ...(noOnnx ? ['--no-onnx'] : []), ...(activation ? ['--activations', activation] : [])];
    const r = await run(process.execPath, cli, { prefix: label });
    if (r.code !== 0) throw new Error(`actlab train --workers ${workers} failed (exit ${r.code})`);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as ResultsFile;
    return {
      label, workers, wallSeconds: r.seconds, experimentSeconds: results.wallSeconds,
      maxRssMB: r.maxRssMB, treePeakMB: r.treePeakMB, cpuSeconds: r.cpuSeconds,
      runs: results.runs.map((x) => ({ id: x.id, status: x.status, kernels: x.kernels, epochSeconds: x.history.map((h) => h.seconds), testAccuracy: x.test?.accuracy ?? null })),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface JsFallback {
  activation: string;
  images: number;
  fractionSeconds: number;
  /** Scaled to the full 48000 + 12000 images. */
  secondsPerEpoch: number;
}

/** The plain TypeScript path on 1/5 of the epoch's work (same 80/20 split), scaled by 5. */
function jsFallback(activation: string): JsFallback {
  const mnist = loadMnist();
  const config = makeConfig({ epochs: 1, limitTrain: JS_FRACTION_IMAGES, limitTest: 1, activations: [{ id: activation }] });
  const trainer = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation), createJsKernels());
  const seconds = trainer.run(mnist).history[0]!.seconds;
  return { activation, images: JS_FRACTION_IMAGES, fractionSeconds: seconds, secondsPerEpoch: seconds * JS_SCALE };
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

interface Check {
  goal: string;
  value: number | null;
  limit: string;
  met: boolean | null;
}

function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

async function main(): Promise<void> {
  markLoad('start');
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGB: os.totalmem() / 2 ** 30,
    node: process.version, platform: `${os.type()} ${os.release()}`,
    git: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || null,
  };
  log(`${machine.cpu}, ${machine.cores} cores, node ${machine.node}; epochs ${EPOCHS}${opts.quick ? ' (--quick)' : ''}`);

  // 1. Python peers (apt when missing) and the bundles.
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

  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-bench-peers-'));
  const peers: PeerRun[] = [];
  /** Every epoch time measured with one system training alone, by 'system/activation'. */
  const epochs = new Map<string, number[]>();
  const addEpochs = (key: string, secs: number[]): void => { epochs.set(key, [...(epochs.get(key) ?? []), ...secs]); };
  const comparisons: Comparison[] = [];
  let labKernels: string | undefined;
  try {
    // 2. Speed: short runs of the lab (one worker, actlab train), PyTorch and numpy, interleaved
    //    round by round so that another tenant's burst hits all three alike.
    for (let round = 1; round <= SPEED_ROUNDS; round++) {
      for (const activation of ['relu', 'sigmoid']) {
        log(`speed round ${round}/${SPEED_ROUNDS}, ${activation}: lab, PyTorch, numpy (${SPEED_EPOCHS} epochs each)`);
        const lab = await cliTrain(1, SPEED_EPOCHS, noOnnx, activation, `lab ${activation} #${round}`);
        labKernels = lab.runs[0]?.kernels ?? labKernels;
        addEpochs(`lab/${activation}`, lab.runs[0]?.epochSeconds ?? []);
        if (havePeers) {
          addEpochs(`pytorch/${activation}`, (await torchRun(activation, SPEED_EPOCHS, `torch ${activation} #${round}`)).epochSeconds);
          addEpochs(`numpy/${activation}`, (await numpyRun(activation, SPEED_EPOCHS, dir, `numpy ${activation} #${round}`)).epochSeconds);
        }
      }
    }

    // 3. The four-activation comparison, 1 then 2 workers, twice: wall time, memory, and the
    //    lab's accuracy after EPOCHS epochs.
    for (let rep = 1; rep <= COMPARISON_REPEATS; rep++) {
      for (const workers of [1, 2]) {
        log(`four-activation comparison (${TUTORIAL_ACTIVATIONS.join(', ')}), ${EPOCHS} epochs, ${workers} worker(s), #${rep}`);
        markLoad(`comparison ${workers}w #${rep}`);
        const c = await cliTrain(workers, EPOCHS, noOnnx, undefined, `comparison ${workers}w #${rep}`);
        comparisons.push(c);
        if (workers === 1) for (const r of c.runs) if (r.id === 'relu' || r.id === 'sigmoid') addEpochs(`lab/${r.id}`, r.epochSeconds);
      }
    }

    // 4. The peers' relu accuracy after EPOCHS epochs (their epoch times join the speed samples).
    if (havePeers) {
      log(`PyTorch and numpy relu, ${EPOCHS} epochs (accuracy)`);
      markLoad('peers accuracy');
      for (const r of [await torchRun('relu', EPOCHS, 'torch relu accuracy'), await numpyRun('relu', EPOCHS, dir, 'numpy relu accuracy')]) {
        peers.push(r);
        addEpochs(`${r.framework}/relu`, r.epochSeconds);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peer = (framework: string) => peers.find((p) => p.framework === framework);

  // 5. The JS fallback (a fifth of an epoch, scaled) and the fast path's profile.
  log('JS fallback, relu and sigmoid, 1/5 epoch each');
  markLoad('js fallback');
  const js = ['relu', 'sigmoid'].map((a) => inProcess(`JS fallback ${a}`, () => jsFallback(a)));
  log('profiling one fast-path relu epoch');
  markLoad('profile');
  const mnist = loadMnist();
  const profile: EpochProfile = inProcess('profile', () => profileEpoch(mnist, 'relu', 'auto'));

  // 6. GEMM on the layer shapes.
  log('GEMM on the layer shapes');
  markLoad('gemm');
  const rounds = Number(opts.rounds);
  const gemm: ProviderResult[] = inProcess('GEMM', () => benchGemm(availableKernels(), rounds));

  // 7. Extension-host growth: ProcessPool, and the in-process pool for contrast.
  log('extension-host growth: ProcessPool, then in-process WorkerPool');
  markLoad('host growth');
  const growth = { remote: await hostGrowth('remote'), local: await hostGrowth('local') };
  markLoad('end');

  // ------------------------------------------------------------------------------------------
  const speed = (key: string) => {
    const t = epochs.get(key) ?? [];
    return t.length ? { best: Math.min(...t), median: median(t), epochs: t.length } : null;
  };
  const lab = { relu: speed('lab/relu'), sigmoid: speed('lab/sigmoid') };
  const pytorch = { relu: speed('pytorch/relu'), sigmoid: speed('pytorch/sigmoid') };
  const numpy = { relu: speed('numpy/relu'), sigmoid: speed('numpy/sigmoid') };
  const firstOne = comparisons.find((c) => c.workers === 1)!;
  const labRelu = firstOne.runs.find((r) => r.id === 'relu');
  const best = (workers: number) => Math.min(...comparisons.filter((c) => c.workers === workers).map((c) => c.wallSeconds));
  const gemmOf = (name: string) => gemm.find((g) => g.provider === name)?.epochRandom.gflopsMedian ?? null;
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);
  const peakMB = Math.max(...comparisons.map((c) => Math.max(c.maxRssMB ?? 0, c.treePeakMB)));
  const checks: Check[] = [
    { goal: 'lab relu s/epoch / PyTorch (best epochs)', value: ratio(lab.relu?.best, pytorch.relu?.best), limit: `<= ${GOALS.vsPytorch}`, met: null },
    { goal: 'lab relu s/epoch / numpy (best epochs)', value: ratio(lab.relu?.best, numpy.relu?.best), limit: `<= ${GOALS.vsNumpy}`, met: null },
    { goal: `lab relu test accuracy after ${EPOCHS} epochs`, value: labRelu?.testAccuracy ?? null, limit: `>= ${GOALS.accuracy}`, met: null },
    { goal: 'GEMM wasm-relaxed-simd, GFLOP/s', value: gemmOf('wasm-relaxed-simd'), limit: `>= ${GOALS.gemmRelaxed}`, met: null },
    { goal: 'GEMM wasm-simd, GFLOP/s', value: gemmOf('wasm-simd'), limit: `>= ${GOALS.gemmSimd}`, met: null },
    { goal: 'comparison wall time, 2 workers / 1 (best)', value: ratio(best(2), best(1)), limit: `<= ${GOALS.twoWorkers}`, met: null },
    { goal: 'comparison peak resident memory, MB', value: peakMB, limit: `<= ${GOALS.peakMB}`, met: null },
    { goal: 'host growth while training (ProcessPool), MB', value: growth.remote.growthMB, limit: `<= ${GOALS.hostGrowthMB}`, met: null },
  ];
  for (const c of checks) {
    const [op, lim] = c.limit.split(' ') as ['<=' | '>=', string];
    c.met = c.value === null ? null : op === '<=' ? c.value <= Number(lim) : c.value >= Number(lim);
  }
  if (EPOCHS < 10) checks[2]!.met = null; // accuracy is judged after 10 epochs

  const cell = (x: { best: number; median: number } | null, digits: number) => (x ? `${x.best.toFixed(digits)} / ${x.median.toFixed(digits)}` : '–').padStart(16);
  const count = (x: { epochs: number } | null) => (x ? String(x.epochs) : '0');
  const lines: string[] = [];
  const loadStart = loads[0]!, loadEnd = loads[loads.length - 1]!;
  lines.push(`Activation Lab benchmark, ${new Date().toISOString()}, git ${machine.git ?? '?'}`);
  lines.push(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB.toFixed(0)} GB, node ${machine.node}; WebAssembly SIMD ${features.simd ? 'yes' : 'no'}, relaxed SIMD ${features.relaxedSimd ? (features.relaxedSimdByFlag ? 'yes (V8 flag)' : 'yes') : 'no'}`);
  lines.push(`load average (1 min / 5 min): ${loadStart.load1.toFixed(2)} / ${loadStart.load5.toFixed(2)} at start, ${loadEnd.load1.toFixed(2)} / ${loadEnd.load5.toFixed(2)} at end (shared machine)`);
  lines.push('');
  lines.push('Seconds per epoch: 48000 train + 12000 validation images, batch 32; best / median epoch over every epoch');
  lines.push(`measured with that system training alone (${SPEED_ROUNDS} interleaved rounds of ${SPEED_EPOCHS} epochs, plus the longer runs below)`);
  lines.push(`${''.padEnd(34)} ${'relu'.padStart(16)} ${'sigmoid'.padStart(16)}  epochs  note`);
  lines.push(`${`lab ${labKernels ?? '?'}, 1 worker`.padEnd(34)} ${cell(lab.relu, 3)} ${cell(lab.sigmoid, 3)}  ${count(lab.relu).padStart(3)}/${count(lab.sigmoid).padEnd(3)} actlab train --workers 1`);
  lines.push(`${'lab JS fallback (--kernels js)'.padEnd(34)} ${js[0]!.secondsPerEpoch.toFixed(2).padStart(16)} ${js[1]!.secondsPerEpoch.toFixed(2).padStart(16)}  1/${JS_SCALE}     timed on ${JS_FRACTION_IMAGES} images (1/${JS_SCALE} of the epoch), x${JS_SCALE}`);
  lines.push(`${'PyTorch, 1 thread'.padEnd(34)} ${cell(pytorch.relu, 3)} ${cell(pytorch.sigmoid, 3)}  ${count(pytorch.relu).padStart(3)}/${count(pytorch.sigmoid).padEnd(3)} ${peer('pytorch')?.version ?? 'not run'}`);
  lines.push(`${'numpy, 1 thread'.padEnd(34)} ${cell(numpy.relu, 3)} ${cell(numpy.sigmoid, 3)}  ${count(numpy.relu).padStart(3)}/${count(numpy.sigmoid).padEnd(3)} ${peer('numpy')?.version ?? 'not run'}`);
  lines.push('');
  lines.push(`Test accuracy after ${EPOCHS} epochs, relu: lab ${fmt(labRelu?.testAccuracy, 4)}, PyTorch ${fmt(peer('pytorch')?.testAccuracy, 4)}, numpy ${fmt(peer('numpy')?.testAccuracy, 4)}`);
  lines.push(`  (the lab's other runs in the comparison: ${firstOne.runs.filter((r) => r.id !== 'relu').map((r) => `${r.id} ${fmt(r.testAccuracy, 4)}`).join(', ')})`);
  lines.push('');
  lines.push(`Four-activation comparison (${TUTORIAL_ACTIVATIONS.join(', ')}; ${EPOCHS} epochs each; actlab train --no-report${noOnnx ? ' --no-onnx' : ''})`);
  for (const c of comparisons) {
    const share = sharing.find((x) => x.step === c.label);
    lines.push(`  ${c.workers} worker${c.workers > 1 ? 's' : ' '}: wall ${fmt(c.wallSeconds, 1)} s (CPU ${fmt(c.cpuSeconds, 1)} s; got ${fmt(share?.ownCores, 2)} cores, others ${fmt(share?.othersCores, 2)}), ` +
      `peak resident ${fmt(c.maxRssMB, 0)} MB (max RSS), ${fmt(c.treePeakMB, 0)} MB (sampled)`);
  }
  lines.push('');
  lines.push('How shared the machine was (cores busy during each step: this benchmark\'s, everyone else\'s)');
  for (const x of sharing) lines.push(`  ${x.step.padEnd(28)} ${fmt(x.wallSeconds, 1).padStart(6)} s   own ${fmt(x.ownCores, 2)}   others ${fmt(x.othersCores, 2)}`);
  lines.push('');
  lines.push('Extension-host growth while 2 runs train 2 epochs (resident memory of the training host, peak minus before)');
  lines.push(`  ProcessPool (dataset and workers in a child process): +${fmt(growth.remote.growthMB, 1)} MB (from ${fmt(growth.remote.baselineMB, 0)} MB)`);
  lines.push(`  in-process WorkerPool + loadDataset, for contrast: +${fmt(growth.local.growthMB, 1)} MB (from ${fmt(growth.local.baselineMB, 0)} MB)`);
  lines.push('');
  lines.push(`GEMM on the layer shapes (${rounds} rounds; the goal figure is the epoch-weighted median with random operands)`);
  lines.push(formatGemmTable(gemm));
  lines.push('');
  lines.push('Where a fast-path relu epoch goes (every kernel call timed):');
  lines.push(formatProfile(profile));
  lines.push('');
  lines.push('Goals');
  for (const c of checks) {
    lines.push(`  ${c.goal.padEnd(46)} ${fmt(c.value, c.value !== null && c.value > 10 ? 1 : 3).padStart(8)}  ${c.limit.padEnd(8)}  ${c.met === null ? 'n/a' : c.met ? 'met' : 'NOT MET'}`);
  }
  const table = lines.join('\n');
  console.log(table);

  const results = {
    format: 'activation-lab/bench', version: 1, createdAt: new Date().toISOString(), seconds: (performance.now() - t00) / 1000,
    machine, loadAverage: loads, sharing, wasm: features, epochs: EPOCHS, quick: opts.quick,
    secondsPerEpoch: {
      lab: { kernels: labKernels, ...lab, source: 'actlab train --workers 1' },
      labJsFallback: { relu: js[0]!.secondsPerEpoch, sigmoid: js[1]!.secondsPerEpoch, scaledFrom: js },
      pytorch, numpy, samples: Object.fromEntries(epochs),
    },
    accuracyRelu: { epochs: EPOCHS, lab: labRelu?.testAccuracy ?? null, pytorch: peer('pytorch')?.testAccuracy ?? null, numpy: peer('numpy')?.testAccuracy ?? null },
    peers, comparisons, hostGrowth: growth, gemm, profile, goals: checks, table,
  };
  const tmp = `${opts.out}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 1)}\n`);
  renameSync(tmp, opts.out!);
  log(`wrote ${path.relative(ROOT, opts.out!)}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
