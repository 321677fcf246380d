import { labForward, labProbabilities } from '/work/wt-rel/src/core/onnx/labModel';
import { mnistTest, tinyNetwork } from '/work/wt-rel/test/core/onnx/fixtures';
const ds = mnistTest();
const net = tinyNetwork({ id: 'tanh' }, 7, [784, 128, 64, 10]);
let t = performance.now(); labProbabilities(net, ds.test.images, ds.test.labels, 0, 10000); console.log('probs', (performance.now() - t).toFixed(0));
t = performance.now(); labForward(net, ds.test.images, ds.test.labels, 0, 10000); console.log('forward+bound', (performance.now() - t).toFixed(0));
