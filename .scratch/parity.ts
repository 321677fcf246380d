import * as ort from '/work/wt-rel/node_modules/onnxruntime-node';
import { buildOnnxModel, encodeModel, hiddenActivation, type MlpNetwork } from '/work/wt-rel/src/core/onnx/index';
import { labForward } from '/work/wt-rel/src/core/onnx/labModel';
import { compareWithLab } from '/work/wt-rel/src/core/onnx/verify';
import { ACTIVATION_CASES, mnistTest, testPixels, tinyNetwork } from '/work/wt-rel/test/core/onnx/fixtures';
import { makeConfig, type ActivationSpec } from '/work/wt-rel/src/core/train/config';
import { MlpTrainer } from '/work/wt-rel/src/core/train/trainer';
import { resolveLayerActivation } from '/work/wt-rel/src/core/train/resolveActivation';
const N = 1000;
async function onnxProbs(net: MlpNetwork, x: Float32Array) {
  const s = await ort.InferenceSession.create(encodeModel(buildOnnxModel(net, { opset: 17 }).model), { intraOpNumThreads: 1 });
  const out = await s.run({ image: new ort.Tensor('float32', x, [N, 28, 28]) });
  await s.release();
  return out.probabilities!.data as Float32Array;
}
function trained(spec: ActivationSpec, lr: number, hidden = [32, 16]): MlpNetwork {
  const config = makeConfig({ hidden, activations: [spec], epochs: 1, limitTrain: 3000, limitTest: 100, learningRate: lr });
  const acts = config.activations.map(resolveLayerActivation);
  const t = new MlpTrainer(config, 784, 10, acts);
  const o = t.run(mnistTest());
  const dense = t.layout.dense.map((d) => ({ inputs: d.inputs, units: d.units, W: t.params.slice(d.weightOffset, d.weightOffset + d.inputs * d.units), b: t.params.slice(d.biasOffset, d.biasOffset + d.units) }));
  console.log('  trained', JSON.stringify(spec), lr, o.status, o.test?.accuracy);
  return { rows: 28, cols: 28, dense, hidden: hidden.map(() => hiddenActivation(spec)) };
}
function clone(net: MlpNetwork): MlpNetwork { return { ...net, dense: net.dense.map((d) => ({ ...d, W: d.W.slice(), b: d.b.slice() })) }; }
(async () => {
  const ds = mnistTest(); const x = testPixels(N);
  const check = async (label: string, exported: MlpNetwork, ref: MlpNetwork) => {
    const lab = labForward(ref, ds.test.images, ds.test.labels, 0, N);
    const st = compareWithLab(await onnxProbs(exported, x), lab, ds.test.labels, 10);
    console.log(label.padEnd(40), 'ratio', st.maxRatio.toExponential(2), 'maxdp', st.maxAbsDiff.toExponential(2), 'maxLogitTol', st.maxLogitTolerance.toExponential(2));
  };
  let t = performance.now();
  for (const c of ACTIVATION_CASES) await check(c.label, tinyNetwork(c.spec), tinyNetwork(c.spec));
  console.log('ms', performance.now() - t);
  const models: [string, MlpNetwork][] = [
    ['relu', trained({ id: 'relu' }, 1e-3)],
    ['tanh', trained({ id: 'tanh' }, 1e-3)],
    ['x^4', trained({ custom: { name: 'q', expression: 'x^4' } }, 1e-3)],
    ['tanh lr1000', trained({ id: 'tanh' }, 1000)],
    ['sigmoid lr 10', trained({ id: 'sigmoid' }, 10)],
  ];
  for (const [name, net] of models) {
    await check(`${name} correct`, net, net);
    for (const [what, edit] of [
      ['W3[0,0]', (n: MlpNetwork) => { n.dense[2]!.W[0] += 1e-3; }],
      ['W3[5,3]', (n: MlpNetwork) => { n.dense[2]!.W[5 * 10 + 3] += 1e-3; }],
      ['W1 centre', (n: MlpNetwork) => { n.dense[0]!.W[(14 * 28 + 14) * 32 + 1] += 1e-3; }],
      ['b2[3]', (n: MlpNetwork) => { n.dense[1]!.b[3] += 1e-3; }],
      ['W2[7,2]', (n: MlpNetwork) => { n.dense[1]!.W[7 * 16 + 2] += 1e-3; }],
    ] as [string, (n: MlpNetwork) => void][]) {
      const p = clone(net); edit(p);
      await check(`${name} ${what}+1e-3`, p, net);
    }
  }
})();
