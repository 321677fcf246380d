// Trained playground networks exported to ONNX (features as graph nodes) and run in
// onnxruntime-node: outputs match the lab's forward pass and an independent double-precision
// forward pass on a grid, for classification and regression, native and expression-lowered
// activations, a user's expression and a learned PReLU slope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel } from '../../../src/core/onnx/proto';
import { buildPlaygroundOnnx, checkPlaygroundOnnx, PLAYGROUND_TOLERANCE } from '../../../src/core/onnx/playgroundModel';
import { OnnxCheckError } from '../../../src/core/onnx/errors';
import { generateDataset, splitTrainTest } from '../../../src/core/playground/data';
import { FEATURES, featureMatrix, gridPoints, type FeatureId } from '../../../src/core/playground/features';
import { modelOf, type PlaygroundModel } from '../../../src/core/playground/model';
import { PlaygroundTrainer } from '../../../src/core/playground/trainer';
import { getActivation } from '../../../src/core/activations/registry';
import { compileCustomActivation } from '../../../src/core/expr/index';
import type { ElementwiseActivation } from '../../../src/core/activations/types';
import type { ActivationSpec } from '../../../src/core/train/config';

/** Double-precision forward pass from the model's data alone: features by formula, records' scalar f. */
function reference(m: PlaygroundModel, x1: number, x2: number): number {
  const feature: Record<FeatureId, number> = { x1, x2, x1Squared: x1 * x1, x2Squared: x2 * x2, x1TimesX2: x1 * x2, sinX1: Math.sin(x1), sinX2: Math.sin(x2) };
  let h = m.features.map((f) => feature[f]);
  const sizes = [m.features.length, ...m.hidden, 1];
  let o = 0;
  const learnedOffset = sizes.slice(1).reduce((acc, units, l) => acc + sizes[l] * units + units, 0);
  let learned = learnedOffset;
  const records = m.activations.map((a) => ('custom' in a ? compileCustomActivation(a.custom) : getActivation(a.id)) as ElementwiseActivation);
  const params = records.map((r, l) => {
    const p: Record<string, number> = {};
    const spec = m.activations[l];
    for (const s of r.params) p[s.name] = ('custom' in spec ? spec.custom.params?.[s.name] : spec.params?.[s.name]) ?? s.default;
    for (const s of r.params) if (s.learnable) p[s.name] = m.params[learned++]!;
    return p;
  });
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, u] = [sizes[l], sizes[l + 1]];
    const z = Array.from({ length: u }, (_, j) => {
      let s = m.params[o + n * u + j];
      for (let i = 0; i < n; i++) s += h[i] * m.params[o + i * u + j];
      return s;
    });
    o += n * u + u;
    h = l + 2 < sizes.length ? z.map((v) => records[l].f(v, params[l])) : z;
  }
  return m.task === 'classification' ? 1 / (1 + Math.exp(-h[0])) : h[0];
}

function trained(task: 'classification' | 'regression', features: FeatureId[], hidden: number[], activations: ActivationSpec[]): PlaygroundTrainer {
  const data = splitTrainTest(generateDataset(task === 'classification' ? 'spiral' : 'reg-gauss', { noise: 10, seed: 3 }), 50, 3);
  const t = new PlaygroundTrainer({ task, features, hidden, activations }, { learningRate: 0.03, batchSize: 10, loss: 'cross_entropy', regularization: 'l2', regularizationRate: 0.001 }, data, 3);
  for (let e = 0; e < 20; e++) t.trainEpoch();
  return t;
}

const cases: [string, PlaygroundTrainer][] = [
  ['tanh 8-8 on every feature', trained('classification', [...FEATURES], [8, 8], [{ id: 'tanh' }, { id: 'tanh' }])],
  ['gelu (Erf below opset 20) + relu + leaky_relu', trained('classification', ['x1', 'x2', 'x1TimesX2'], [5, 4, 3], [{ id: 'gelu' }, { id: 'relu' }, { id: 'leaky_relu', params: { alpha: 0.2 } }])],
  ['a custom expression and a learned PReLU slope', trained('classification', ['x1', 'x2', 'sinX2'], [4, 3], [{ custom: { name: 'swish2', expression: 'x * sigmoid(beta * x)', params: { beta: 2 } } }, { id: 'prelu' }])],
  ['regression with mish and elu', trained('regression', ['x1', 'x2', 'x1Squared', 'x2Squared'], [6, 6], [{ id: 'mish' }, { id: 'elu' }])],
  ['no hidden layer', trained('classification', ['x1', 'x2'], [], [])],
];

for (const [name, t] of cases) {
  test(`onnxruntime reproduces the playground network: ${name}`, async () => {
    const model = modelOf(t.network);
    const built = buildPlaygroundOnnx(model);
    const n = 21;
    const points = gridPoints(n);
    const lab = Float32Array.from(t.network.forward(featureMatrix(points, n * n, model.features), n * n));
    const parity = await checkPlaygroundOnnx(built.bytes, model.task, points, lab);
    assert.equal(parity.points, n * n);
    assert.ok(parity.maxAbsDiff <= PLAYGROUND_TOLERANCE && !parity.worst, `${name}: onnxruntime vs lab, max |diff| ${parity.maxAbsDiff}`);
    const ref = Array.from({ length: n * n }, (_, i) => reference(model, points[2 * i], points[2 * i + 1]));
    const vsRef = await checkPlaygroundOnnx(built.bytes, model.task, points, ref);
    assert.ok(vsRef.maxAbsDiff <= 1e-4, `${name}: onnxruntime vs double-precision reference, max |diff| ${vsRef.maxAbsDiff}`);
    const decoded = decodeModel(built.bytes);
    assert.equal(decoded.graph?.input?.[0]?.name, 'point');
    assert.equal(decoded.graph?.output?.[0]?.name, model.task === 'classification' ? 'probability' : 'value');
    const feats = model.features.filter((f) => f !== 'x1' && f !== 'x2');
    if (feats.some((f) => f.startsWith('sin'))) assert.ok(built.ops.includes('Sin'), 'sin features are Sin nodes');
    assert.ok(built.ops.includes('Concat') && built.ops.includes('MatMul'), 'the feature transform is in the graph');
  });
}

test('a model whose parameters do not fit its architecture is refused naming both counts', () => {
  const model = modelOf(cases[0][1].network);
  assert.throws(() => buildPlaygroundOnnx({ ...model, params: model.params.slice(1) }), (e: unknown) =>
    e instanceof OnnxCheckError && /the model has 144 parameters; a 7-8-8-1 network with these activations has 145/.test(e.message));
  assert.throws(() => buildPlaygroundOnnx(model, 99), /opset 99 is not supported/);
});

test('a mismatch is reported with the first point that differs', async () => {
  const t = cases[0][1];
  const model = modelOf(t.network);
  const built = buildPlaygroundOnnx(model);
  const parity = await checkPlaygroundOnnx(built.bytes, model.task, [0, 0, 1, 1], [0.5, -3]);
  assert.ok(parity.worst && parity.maxAbsDiff > 0.5, JSON.stringify(parity));
});
