// How much a training host's resident memory grows while two runs train: the extension host's
// case. `remote` trains through ProcessPool (dataset and workers in a forked process, what the
// extension host uses); `local` loads the dataset here and trains on worker_threads
// (WorkerPool, the CLI's way). Uses the built bundles (dist/worker.js, dist/poolProcess.js).
// Usage: node --expose-gc --import tsx bench/hostGrowth.ts remote|local [--epochs 2]
// Prints one JSON object: { pool, baselineMB, peakMB, growthMB, samples, runs: [{ id, status, ... }] }.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../src/core/data/datasets';
import { makeConfig } from '../src/core/train/config';
import { runJob } from '../src/training/jobs/job';
import { trainJob } from '../src/training/jobs/trainJob';
import { ProcessPool } from '../src/training/processPool';
import type { RunPool } from '../src/training/runPool';
import { WorkerPool } from '../src/training/workerPool';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { epochs: { type: 'string', default: '2' } } });
  const kind = positionals[0];
  if (kind !== 'remote' && kind !== 'local') throw new Error('usage: hostGrowth.ts remote|local [--epochs N]');
  const epochs = Number(values.epochs);
  const dist = path.join(__dirname, '..', 'dist');
  for (const f of ['worker.js', 'poolProcess.js']) {
    if (!existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: run npm run build first`);
  }
  // touch the code paths once so module loading is not counted as growth
  makeConfig({ epochs });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let samples = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    samples++;
  }, 50);

  const outDir = mkdtempSync(path.join(tmpdir(), `actlab-growth-${kind}-`));
  let pool: RunPool;
  let dataset;
  if (kind === 'remote') {
    pool = new ProcessPool({ maxWorkers: 2, entry: { file: path.join(dist, 'poolProcess.js'), execArgv: [] } });
  } else {
    dataset = loadDataset('mnist'); // what an extension host training in-process would hold
    const local = new WorkerPool({ maxWorkers: 2, worker: { file: path.join(dist, 'worker.js'), execArgv: [] } });
    local.provideDataset('mnist', dataset);
    pool = local;
  }
  try {
    const end = await runJob(trainJob, {
      runs: [{ runId: 'relu', activations: [{ id: 'relu' }, { id: 'relu' }] }, { runId: 'sigmoid', activations: [{ id: 'sigmoid' }, { id: 'sigmoid' }] }],
      settings: { epochs, dataset: 'mnist' },
      dataset, outDir, libraries: null,
    }, pool);
    const results = end.result;
    if (!results) throw new Error(end.error);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    process.stdout.write(`${JSON.stringify({
      pool: kind, epochs, baselineMB: baseline / MB, peakMB: peak / MB, growthMB: (peak - baseline) / MB, samples,
      runs: results.runs.map((r) => ({ id: r.id, status: r.status, kernels: r.kernels, secondsPerEpoch: r.secondsPerEpoch, error: r.error })),
    })}\n`);
  } finally {
    clearInterval(timer);
    await pool.dispose();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`hostGrowth: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
