// ONNX export of trained runs and inference checks with onnxruntime-node. Importing this module
// does not load onnxruntime-node: it is required when a check runs.
export { OnnxCheckError, renderOnnxCheckError, type OnnxProblem } from './errors';
export { DEFAULT_OPSET, MIN_OPSET, MAX_OPSET, irVersionFor, opsetProblem } from './opsets';
export {
  buildOnnxModel, exportRun, runMetadata, META, MODEL_FILE, INPUT_NAME, OUTPUT_NAME, PRODUCER_NAME, LAB_VERSION,
  type BuiltModel, type ExportOptions, type ExportResult, type ExportedLayer,
} from './export';
export { inspectOnnxBytes, readOnnxFile, shapeText, type OnnxModelInfo, type TensorInfo } from './inspect';
export { hiddenActivation, labProbabilities, layerSizes, loadLabModel, type LabModel, type MlpNetwork, type DenseLayer, type HiddenActivation } from './labModel';
export { encodeModel, decodeModel } from './proto';
export {
  verifyModel, detectOutputKind, isLabModel, PARITY_TOLERANCE,
  type VerifyOptions, type VerifyReport, type ParityReport, type ParityMismatch, type InputLayout, type OutputKind,
} from './verify';
export { exportAndVerifyRun, type OnnxRunCheck } from './trainCheck';
export { verifyReportLines, VERIFY_TEXT } from './verifyText';
