// The WebAssembly kernels' exports; src/core/kernels/wasm.ts is the JS side. No AssemblyScript
// runtime or heap: the JS side owns the memory and hands in byte addresses.
export { init, gemm } from './gemm';
export {
  biasActivation, activationBackward, activationParamGradient, multiplyInPlace, addBias, biasGradient, softmaxCrossEntropy,
} from './activation';
export { adamUpdate } from './adam';
export { bytesToFloat, sumAbs } from './convert';
export { mathMap, vcos, verf, verfc, vexp, vexpm1, vlog, vlog1p, vpow, vsigmoid, vsin, vsoftplus, vtanh } from './mathExports';

/** First free byte after the module's static data: the JS side places scratch and views from here. */
export function heapBase(): usize {
  return __heap_base;
}
