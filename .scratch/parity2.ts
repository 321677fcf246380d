import * as ort from '/work/wt-rel/node_modules/onnxruntime-node';
import { buildOnnxModel, encodeModel, hiddenActivation, type MlpNetwork } from '/work/wt-rel/src/core/onnx/index';
import { labForward } from '/work/wt-rel/src/core/onnx/labModel';
import { compareWithLab } from '/work/wt-rel/src/core/onnx/verify';
import { ACTIVATION_CASES, mnistTest, testPixels, tinyNetwork } from '/work/wt-rel/test/core/onnx/fixtures';
import { makeConfig, type ActivationSpec } from '/work/wt-rel/src/core/train/config';
import { MlpTrainer } from '/work/wt-rel/src/core/train/trainer';
import { resolveLayerActivation } from '/work/wt-rel/src/core/train/resolveActivation';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
const N = 1000;
const cache = new Map<string, Float32Array>();
async function onnxProbs(net: MlpNetwork, x: Float32Array) {
  const s = await ort.InferenceSession.create(encodeModel(buildOnnxModel(net, { opset: 17 }).model), { intraOpNumThreads: 1 });
  const out = await s.run({ image: new ort.Tensor('float32', x, [N, 28, 28]) });
  await s.release();
  return out.probabilities!.data as Float32Array;
}
function trained(spec: ActivationSpec, lr: number, hidden = [32, 16]): MlpNetwork {
  const config = makeConfig({ hidden, activations: [spec], epochs: 1, limitTrain: 3000, limitTest: 100, learningRate: lr });
  const t = new MlpTrainer(config, 784, 10, config.activations.map(resolveLayerActivation));
  t.run(mnistTest());
  const dense = t.layout.dense.map((d) => ({ inputs: d.inputs, units: d.units, W: t.params.slice(d.weightOffset, d.weightOffset + d.inputs * d.units), b: t.params.slice(d.biasOffset, d.biasOffset + d.units) }));
  return { rows: 28, cols: 28, dense, hidden: hidden.map(() => hiddenActivation(spec)) };
}
function clone(net: MlpNetwork): MlpNetwork { return { ...net, dense: net.dense.map((d) => ({ ...d, W: d.W.slice(), b: d.b.slice() })) }; }
(async () => {
  const ds = mnistTest(); const x = testPixels(N);
  const cases: [string, MlpNetwork, MlpNetwork, boolean][] = [];
  for (const c of ACTIVATION_CASES) cases.push([c.label, tinyNetwork(c.spec), tinyNetwork(c.spec), true]);
  for (const [name, net] of [['relu', trained({ id: 'relu' }, 1e-3)], ['tanh', trained({ id: 'tanh' }, 1e-3)], ['x^4', trained({ custom: { name: 'q', expression: 'x^4' } }, 1e-3)], ['gelu', trained({ id: 'gelu' }, 1e-3)], ['sigmoid', trained({ id: 'sigmoid' }, 1e-3)], ['tanh lr1000', trained({ id: 'tanh' }, 1000)]] as [string, MlpNetwork][]) {
    cases.push([`${name} correct`, net, net, true]);
    for (const [what, edit] of [
      ['W3[0,0]', (n: MlpNetwork) => { n.dense[2]!.W[0] += 1e-3; }],
      ['W3[5,3]', (n: MlpNetwork) => { n.dense[2]!.W[5 * 10 + 3] += 1e-3; }],
      ['W1 centre', (n: MlpNetwork) => { n.dense[0]!.W[(14 * 28 + 14) * 32 + 1] += 1e-3; }],
      ['b2[3]', (n: MlpNetwork) => { n.dense[1]!.b[3] += 1e-3; }],
      ['W2[7,2]', (n: MlpNetwork) => { n.dense[1]!.W[7 * 16 + 2] += 1e-3; }],
      ['b3[1]', (n: MlpNetwork) => { n.dense[2]!.b[1] += 1e-3; }],
    ] as [string, (n: MlpNetwork) => void][]) { const p = clone(net); edit(p); cases.push([`${name} ${what}`, p, net, false]); }
  }
  const probs = await Promise.all(cases.map(([, e]) => onnxProbs(e, x)));
  for (const cfg of [{}]) {
    Object.assign(process.env, cfg, { K_SQRT: '1', K_NORM: '2' });
    const okRatios: string[] = [];
    let worstOk = 0, worstOkName = '', bestBad = Infinity, bestBadName = '';
    const lines: string[] = [];
    cases.forEach(([name, , ref, ok], i) => {
      const st = compareWithLab(probs[i]!, labForward(ref, ds.test.images, ds.test.labels, 0, N), ds.test.labels, 10);
      if (ok && st.maxRatio > worstOk) { worstOk = st.maxRatio; worstOkName = name; }
      if (ok && st.maxRatio > 0.01) okRatios.push(`${name}:${st.maxRatio.toExponential(1)}`);
      if (!ok && !name.startsWith('tanh lr1000') && st.maxRatio < bestBad) { bestBad = st.maxRatio; bestBadName = name; }
      if (!ok) lines.push(`${name}:${st.maxRatio.toExponential(1)}`);
    });
    console.log(JSON.stringify(cfg), 'worst correct', worstOk.toExponential(2), worstOkName, '| weakest wrong', bestBad.toExponential(2), bestBadName);
    console.log('   ', lines.join('  '));
    console.log('    ok>0.01:', okRatios.join('  '));
  }
})();
