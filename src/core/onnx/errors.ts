// Why an ONNX model cannot be exported, read or checked, in words for the user. Every failure
// of export, inspection and verification is one of these: callers show `message` as it is.

export type OnnxProblem =
  | 'unreadable'       // the file cannot be read
  | 'empty'            // zero bytes
  | 'not-onnx'         // another format (ZIP, HDF5, text, random bytes...)
  | 'truncated'        // an ONNX file cut short
  | 'damaged'          // starts as ONNX but does not decode
  | 'input-shape'      // no input of a shape the check can feed
  | 'input-dtype'      // the input is not float32
  | 'output-shape'     // no output of one score per class
  | 'output-dtype'     // the output is not float
  | 'runtime-missing'  // onnxruntime-node is not installed
  | 'runtime'          // onnxruntime refused the model or failed running it
  | 'dataset'          // the test set cannot be loaded
  | 'run'              // the training run cannot be exported (no weights, damaged, ...)
  | 'export'           // an activation or option the exporter cannot handle
  | 'write'            // the .onnx file cannot be written
  | 'exists';          // the .onnx file is there already and replacing it was not asked for

export class OnnxCheckError extends Error {
  constructor(readonly problem: OnnxProblem, message: string) {
    super(message);
    this.name = 'OnnxCheckError';
  }
}
