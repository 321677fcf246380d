// Why an ONNX model cannot be exported, read or checked, in words for the user. Every failure
// of export, inspection and verification is one of these: `message` is the English text, and
// renderOnnxCheckError gives it in the user's language where it carries a message.
import type { UiLanguage } from '../locale';
import { renderOnnxCheckMessage, type OnnxCheckMessage } from './checkMessages';

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
  /** The details as a message, to render in a language; absent where they are English text only (export's). */
  readonly text?: OnnxCheckMessage;

  constructor(readonly problem: OnnxProblem, details: string | OnnxCheckMessage) {
    super(typeof details === 'string' ? details : renderOnnxCheckMessage(details, 'en'));
    this.name = 'OnnxCheckError';
    if (typeof details !== 'string') this.text = details;
  }
}

/** An ONNX check's details in a language: from its message where it has one, else its English text. */
export function renderOnnxCheckError(e: Pick<OnnxCheckError, 'message' | 'text'>, lang: UiLanguage): string {
  return e.text ? renderOnnxCheckMessage(e.text, lang) : e.message;
}
