// `npm run bench:seeds`: fidelity over seeds. The tutorial's four activations (784-128-64-10,
// Adam, batch 32) trained over 5 seeds with the lab (`actlab sweep --hidden 128,64`, all cores)
// and with PyTorch (bench/torch_mlp.py, Debian's torch, one thread per process, two processes at
// a time), the same seeds for both. Prints each activation's test accuracy as mean ± sd for both,
// their difference with its 95% interval and Welch's p (the lab's own statistics, checked against
// SciPy in the unit tests), and whether the means are within 0.2 points. Writes bench/seeds.json.
// The full run (10 epochs on all 60000 images, 40 trainings) takes about 15 minutes on two
// shared cores. Usage: npm run bench:seeds [-- --epochs N] [--seeds N] [--limit-train N] [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResultsFile } from '../src/core/runs/resultsFile';
import { summarize } from '../src/core/stats/summary';
import { pText } from '../src/core/stats/sweepText';
import { welchTest } from '../src/core/stats/welch';
import { TUTORIAL_ACTIVATIONS } from '../src/core/train/config';

const ROOT = path.resolve(__dirname, '..');
const PYTHON = '/usr/bin/python3';
/** Every activation's mean should be within this many points of PyTorch's. */
const GOAL_POINTS = 0.2;

const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    seeds: { type: 'string', default: '5' },
    'first-seed': { type: 'string', default: '1' },
    'limit-train': { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'seeds.json') },
  },
});
const int = (name: string, v: string | undefined, min: number): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`--${name} must be an integer of at least ${min}, got '${v}'`);
  return Number(v);
};
const EPOCHS = int('epochs', opts.epochs, 1)!;
const SEEDS = Array.from({ length: int('seeds', opts.seeds, 2)! }, (_, i) => int('first-seed', opts['first-seed'], 0)! + i);
const LIMIT_TRAIN = int('limit-train', opts['limit-train'], 100);
const ACTIVATIONS = [...TUTORIAL_ACTIVATIONS];

const t00 = performance.now();
const elapsed = () => (performance.now() - t00) / 1000;
const log = (msg: string): void => void process.stderr.write(`[seeds ${elapsed().toFixed(0).padStart(4)} s, load ${os.loadavg()[0].toFixed(2)}] ${msg}\n`);
const loads: number[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err.slice(-2000)}`))));
  });
}

/** The lab: one sweep with one architecture, every activation x seed on all cores. */
async function lab(): Promise<Map<string, number[]>> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'actlab-seeds-'));
  try {
    const args = ['dist/cli.js', 'sweep', '--activations', ACTIVATIONS.join(','), '--hidden', '128,64', '--seeds', String(SEEDS.length),
      '--seed', String(SEEDS[0]), '--epochs', String(EPOCHS), '--no-report', '--json', '--out', out, ...(LIMIT_TRAIN ? ['--limit-train', String(LIMIT_TRAIN)] : [])];
    const results = JSON.parse(await run(process.execPath, args)) as ResultsFile;
    return new Map(results.sweep!.cells.map((c) => [c.activation, c.accuracies]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** PyTorch: one process per seed (all four activations), one thread each, two at a time. */
async function pytorch(): Promise<Map<string, number[]>> {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const bySeed = new Map<number, Map<string, number>>();
  const queue = [...SEEDS];
  const worker = async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
      const args = ['bench/torch_mlp.py', '--activations', ACTIVATIONS.join(','), '--epochs', String(EPOCHS), '--seed', String(seed), '--threads', '1',
        ...(LIMIT_TRAIN ? ['--limit-train', String(LIMIT_TRAIN)] : [])];
      const r = JSON.parse(await run(PYTHON, args, env)) as { runs: { activation: string; test: { accuracy: number } }[] };
      bySeed.set(seed, new Map(r.runs.map((x) => [x.activation, x.test.accuracy])));
      log(`PyTorch seed ${seed}: ${r.runs.map((x) => `${x.activation} ${(x.test.accuracy * 100).toFixed(2)}`).join(', ')}`);
      loads.push(os.loadavg()[0]);
    }
  };
  await Promise.all([worker(), worker()]);
  return new Map(ACTIVATIONS.map((a) => [a, SEEDS.map((s) => bySeed.get(s)!.get(a)!)]));
}

const pts = (v: number | null, digits = 2) => (v === null ? '–' : (v * 100).toFixed(digits));

async function main(): Promise<void> {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`${PYTHON} cannot import torch and numpy: apt-get install python3-torch python3-numpy libopenblas0-pthread (scripts/ensure-system-deps.sh)`);
  // the bundles the lab trains with (ACTLAB_SKIP_BUILD=1 keeps a build made just before)
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js')) || process.env.ACTLAB_SKIP_BUILD !== '1') {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('the build failed');
  }
  log(`${ACTIVATIONS.length} activations x seeds ${SEEDS.join(', ')}, ${EPOCHS} epochs${LIMIT_TRAIN ? ` on ${LIMIT_TRAIN} images` : ' on all 60000'}: the lab first, then PyTorch`);
  const t0 = elapsed();
  const labAcc = await lab();
  const labSeconds = elapsed() - t0;
  loads.push(os.loadavg()[0]);
  log(`lab done in ${labSeconds.toFixed(0)} s`);
  const t1 = elapsed();
  const torchAcc = await pytorch();
  const torchSeconds = elapsed() - t1;
  const rows = ACTIVATIONS.map((a) => {
    const l = summarize(labAcc.get(a)!);
    const p = summarize(torchAcc.get(a)!);
    const w = welchTest(labAcc.get(a)!, torchAcc.get(a)!);
    const diff = l.mean! - p.mean!;
    return { activation: a, lab: { ...l, accuracies: labAcc.get(a)! }, pytorch: { ...p, accuracies: torchAcc.get(a)! }, diff, welch: w, withinGoal: Math.abs(diff) * 100 <= GOAL_POINTS };
  });
  const head = ['activation', 'lab mean ± sd', 'PyTorch mean ± sd', 'lab − PyTorch (95% CI)', 'Welch p', `within ${GOAL_POINTS}`];
  const lines = [head, ...rows.map((r) => [
    r.activation, `${pts(r.lab.mean)} ± ${pts(r.lab.sd)}`, `${pts(r.pytorch.mean)} ± ${pts(r.pytorch.sd)}`,
    `${r.diff >= 0 ? '+' : '−'}${(Math.abs(r.diff) * 100).toFixed(2)}${typeof r.welch === 'object' ? ` [${pts(r.welch.ci95[0])}, ${pts(r.welch.ci95[1])}]` : ''}`,
    typeof r.welch === 'object' ? pText(r.welch.p).replace('p ', '') : r.welch, r.withinGoal ? 'yes' : 'NO',
  ])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const table = lines.map((l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
  table.splice(1, 0, `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  const summary = `test accuracy (%) over seeds ${SEEDS.join(', ')}, ${EPOCHS} epochs${LIMIT_TRAIN ? `, first ${LIMIT_TRAIN} images` : ''}; lab ${labSeconds.toFixed(0)} s (all cores), PyTorch ${torchSeconds.toFixed(0)} s (two one-thread processes); total ${elapsed().toFixed(0)} s; load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} on ${os.availableParallelism()} cores`;
  console.log(`${table.join('\n')}\n${summary}`);
  writeFileSync(opts.out, `${JSON.stringify({ epochs: EPOCHS, seeds: SEEDS, limitTrain: LIMIT_TRAIN ?? null, labSeconds, torchSeconds, totalSeconds: elapsed(), loads, goalPoints: GOAL_POINTS, rows }, null, 1)}\n`);
  if (rows.some((r) => !r.withinGoal)) process.exitCode = 3;
}

main().catch((e: unknown) => {
  console.error(`bench/seeds: ${(e as Error).message}`);
  process.exitCode = 1;
});
