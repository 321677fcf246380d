// A small sweep's results.json as the report reads it: sigmoid and relu at depths 2 and 8 over
// three seeds, sigmoid falling behind at depth 8 (the tutorial's claim), gradients that shrink with
// sigmoid. Built by hand so the report tests do not train.
import type { ResultsFile, ResultsRun } from '../../../src/core/runs/resultsFile';
import { sweepStatistics, type SweepGrid } from '../../../src/core/stats/sweep';
import { makeConfig } from '../../../src/core/train/config';

export function sweepResults(): ResultsFile {
  const { activations: _a, dataset: _d, ...settings } = makeConfig({ epochs: 1 });
  const grid: SweepGrid = { activations: ['sigmoid', 'relu'], depths: [2, 8], seeds: [1, 2, 3], runs: [] };
  const runs: ResultsRun[] = [];
  for (const seed of grid.seeds) for (const depth of grid.depths) for (const activation of grid.activations) {
    const id = `${activation}-d${depth}-s${seed}`;
    grid.runs.push({ runId: id, activation, depth, seed });
    const accuracy = activation === 'sigmoid' && depth === 8 ? 0.4 + seed * 0.03 : 0.95 + seed * 0.002;
    const layers = Array.from({ length: depth + 1 }, (_, l) => ({ meanAbsGradient: (activation === 'sigmoid' ? 1e-5 : 1e-3) * (l + 1) }));
    runs.push({
      id, activations: Array.from({ length: depth }, () => activation), status: 'completed', dir: `runs/${id}`,
      history: [{ epoch: 1, loss: 1 - accuracy, accuracy, seconds: 1, layers }],
      test: { loss: 0.2, accuracy, count: 500, confusion: [], misclassified: [] }, secondsPerEpoch: 1, wallSeconds: 1,
    });
  }
  return {
    format: 'activation-lab/results', version: 1, createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', wallSeconds: 60,
    dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 400, validation: 100, test: 500 },
    settings: { ...settings, workers: 2 }, runs,
    sweep: { ...sweepStatistics(grid, runs), architectures: [[16, 16], Array.from({ length: 8 }, () => 16)] },
  };
}
