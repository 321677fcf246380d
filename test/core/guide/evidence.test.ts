import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend } from '../../../src/core/guide/chooser';
import { chooserEvidence, type EvidenceExperiment } from '../../../src/core/guide/evidence';

const run = (id: string, acc: number | null, testCount: number, activations = [id, id]) => ({ id, activations, testAccuracy: acc, testCount });
const quick: EvidenceExperiment = { id: 'q', createdAt: '2026-03-01T00:00:00.000Z', epochs: 2, limitTrain: 6000, runs: [run('relu', 0.9167, 1200), run('tanh', 0.99, 1200)] };
const full: EvidenceExperiment = { id: 'f', createdAt: '2026-02-01T00:00:00.000Z', epochs: 10, runs: [run('relu', 0.975, 10000), run('sigmoid', 0.97, 10000)] };
const older: EvidenceExperiment = { id: 'o', createdAt: '2026-01-01T00:00:00.000Z', epochs: 10, runs: [run('relu', 0.95, 10000), run('elu', 0.99, 10000)] };

test('evidence for a hidden layer: the newest full experiment, whole; quick runs only when there is no full one', () => {
  const e = chooserEvidence('hidden', [quick, older, full])!;
  assert.equal(e.source.experiment, 'f');
  assert.deepEqual(e.accuracy, { relu: 0.975, sigmoid: 0.97 }, 'one experiment: the older full run\'s elu 0.99 is not mixed in');
  assert.deepEqual({ quick: e.source.quick, testImages: e.source.testImages }, { quick: false, testImages: 10000 });
  const q = chooserEvidence('hidden', [quick])!;
  assert.deepEqual({ experiment: q.source.experiment, quick: q.source.quick, trainImages: q.source.trainImages, testImages: q.source.testImages }, { experiment: 'q', quick: true, trainImages: 6000, testImages: 1200 });
});

test('no evidence for an input or output layer, nor from an experiment of one activation or of mixed layers', () => {
  assert.equal(chooserEvidence('output', [full]), undefined);
  assert.equal(chooserEvidence('input', [full]), undefined);
  const single: EvidenceExperiment = { id: 's', createdAt: '2026-04-01T00:00:00.000Z', epochs: 1, runs: [run('relu', 0.9, 100), run('relu+tanh', 0.95, 100, ['relu', 'tanh']), run('leaky_relu', 0.9, 100, ['leaky_relu(alpha=0.3)', 'leaky_relu(alpha=0.3)'])] };
  assert.equal(chooserEvidence('hidden', [single]), undefined);
});

test('the chooser takes runs as evidence for hidden layers only, says where they come from, and marks drawbacks as cons', () => {
  const hidden = recommend({ role: 'hidden', task: 'multiclass', depth: 2, constraints: [], evidence: { relu: 0.975, sigmoid: 0.97 }, evidenceFrom: { experiment: 'q', createdAt: 'c', epochs: 2, quick: true, trainImages: 6000, testImages: 1200 } });
  const reason = hidden.find((r) => r.activation === 'relu')!.reasons.find((x) => x.kind === 'evidence')!;
  assert.match(reason.text.en, /97\.50% test accuracy in your quick run \(6,000 training images, 2 epochs, tested on 1,200 images\)/);
  assert.match(reason.text['zh-cn'], /快速训练：6000 张训练图像，2 轮，在 1200 张测试图像上/);
  const output = recommend({ role: 'output', task: 'binary', depth: 2, constraints: [], evidence: { sigmoid: 0.5, tanh: 0.99, softmax: 0.7 } });
  assert.ok(output.every((r) => r.reasons.every((x) => x.kind !== 'evidence')), 'hidden-layer runs say nothing about the output layer');
  const tanh = output.find((r) => r.activation === 'tanh')!.reasons[0];
  assert.equal(tanh.kind, 'con', 'tanh would need rescaling: a drawback, though it adds 2 points');
  assert.equal(recommend({ role: 'output', task: 'regression', depth: 2, constraints: [] }).find((r) => r.activation === 'relu')!.reasons[0].kind, 'con');
  // a score is the sum of its reasons' points
  for (const r of hidden) assert.ok(Math.abs(r.reasons.reduce((s, x) => s + x.weight, 0) - r.score) < 0.011, r.activation);
});
