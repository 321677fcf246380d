// A trained run's ONNX check as results.json keeps it. Types only, so the page can name it too.

/** One run's row of the verification table (results.json `runs[].onnx`). */
export interface OnnxRunCheck {
  /** The .onnx file, relative to results.json. */
  file: string;
  opset: number;
  bytes: number;
  ops: string[];
  /** Test images checked. */
  count: number;
  onnxAccuracy: number | null;
  labAccuracy: number | null;
  maxAbsDiff: number | null;
  argmaxAgreement: number | null;
  /** onnxruntime's time for all `count` images, one thread. */
  ms: number | null;
  passed: boolean;
  /** Why the export or the check failed. */
  error?: string;
}
