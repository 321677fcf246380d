// Reads any .onnx file's header facts (inputs, outputs, shapes, element types, opsets,
// metadata) through the same protobuf schema, and tells apart the ways a file is not a usable
// ONNX model: empty, another format (named when its magic bytes say which), cut short, damaged.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { onnxCheckMessage, type OnnxCheckArg, type OnnxCheckMessage } from './checkMessages';
import { OnnxCheckError } from './errors';
import { DATA_TYPE_NAMES, decodeModel, MODEL_FIELDS, Reader, type ModelProto, type ValueInfoProto } from './proto';

export interface TensorInfo {
  name: string;
  /** 'float32', 'uint8', ...; 'sequence', 'map', ... for non-tensor values; 'unknown' if undeclared. */
  dtype: string;
  /** Dimensions: a number, a symbolic name ('batch', 'N'), or null when unknown; null for an undeclared shape. */
  shape: (number | string | null)[] | null;
}

export interface OnnxModelInfo {
  /** The file's name, as messages use it. */
  label: string;
  bytes: number;
  irVersion: number;
  producerName: string;
  producerVersion: string;
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
  /** Graph inputs fed at run time (initializers listed as inputs by old exporters are left out). */
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** Operator types, 'domain:Op' outside the default domain, in first-use order. */
  ops: string[];
  nodeCount: number;
  model: ModelProto;
}

/** "[batch, 28, 28]" */
export function shapeText(shape: TensorInfo['shape']): string {
  return shape ? `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]` : '[unknown shape]';
}

function tensorInfo(v: ValueInfoProto): TensorInfo {
  const t = v.type;
  const name = v.name ?? '';
  if (!t?.tensor_type) {
    const kind = t?.sequence_type ? 'sequence' : t?.map_type ? 'map' : t?.optional_type ? 'optional' : t?.sparse_tensor_type ? 'sparse tensor' : 'unknown';
    return { name, dtype: kind, shape: null };
  }
  const elem = t.tensor_type.elem_type;
  const dims = t.tensor_type.shape?.dim;
  return {
    name,
    dtype: elem ? DATA_TYPE_NAMES[elem] ?? `data type ${elem}` : 'unknown',
    shape: t.tensor_type.shape ? (dims ?? []).map((d) => (d.dim_value !== undefined ? Number(d.dim_value) : d.dim_param ? d.dim_param : null)) : null,
  };
}

const hexBytes = (b: Uint8Array, n = 8) => Array.from(b.subarray(0, n), (x) => x.toString(16).padStart(2, '0')).join(' ');

/** Another format recognised by its first bytes, as a phrase; undefined if none matches. */
function sniffOtherFormat(b: Uint8Array, label: string): OnnxCheckMessage | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return onnxCheckMessage('zip', { label });
  }
  if (ascii(0, 8) === '\x89HDF\r\n\x1a\n') return onnxCheckMessage('hdf5', { label });
  if (b.length >= 8 && ascii(4, 8) === 'TFL3') return onnxCheckMessage('tflite', { label });
  if (b[0] === 0x1f && b[1] === 0x8b) return onnxCheckMessage('gzip', { label });
  if (b[0] === 0x80 && b[1] >= 2 && b[1] <= 5) return onnxCheckMessage('pickle', { label });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 256));
  if (/^\s*[{[]/.test(text)) return onnxCheckMessage('jsonText', { label });
  if (/^[\t\n\r\x20-\x7e]{16,}/.test(text)) return onnxCheckMessage('plainText', { label });
  return undefined;
}

/**
 * Walks ModelProto's top-level fields without decoding them: an ONNX file starts with
 * ir_version (field 1) and every field is one ModelProto knows; a field that runs past the end
 * means the file was cut short.
 */
function scanTopLevel(b: Uint8Array, label: string): void {
  const r = Reader.create(b);
  let first = true;
  const notOnnx = () => new OnnxCheckError('not-onnx', onnxCheckMessage('notOnnxHeader', { label, bytes: hexBytes(b) }));
  const truncated = (field: OnnxCheckArg, need: number) => new OnnxCheckError('truncated', onnxCheckMessage('truncated', { label, field, need, size: b.length }));
  while (r.pos < r.len) {
    const start = r.pos;
    let tag: number;
    try {
      tag = r.uint32();
    } catch {
      throw first ? notOnnx() : truncated(onnxCheckMessage('lastField'), 1);
    }
    const id = tag >>> 3;
    const wireType = tag & 7;
    const field = MODEL_FIELDS.get(id);
    if (!field || field.wireType !== wireType) {
      if (first) throw notOnnx();
      throw new OnnxCheckError('damaged', onnxCheckMessage('unknownField', { label, id, wireType, start, size: b.length }));
    }
    if (wireType === 0) {
      let value: number;
      try {
        value = Number(r.uint64());
      } catch {
        throw first ? notOnnx() : truncated(field.name, 1);
      }
      if (first && (id !== 1 || value < 1 || value > 100)) throw notOnnx();
    } else {
      if (first) throw notOnnx();
      let length: number;
      try {
        length = r.uint32();
      } catch {
        throw truncated(field.name, 1);
      }
      if (r.pos + length > r.len) throw truncated(field.name, r.pos + length - r.len);
      r.skip(length);
    }
    first = false;
  }
}

/** Inspects a model's bytes. Throws OnnxCheckError naming the problem for anything that is not a complete ONNX model. */
export function inspectOnnxBytes(bytes: Uint8Array, label: string): OnnxModelInfo {
  if (bytes.length === 0) throw new OnnxCheckError('empty', onnxCheckMessage('empty', { label }));
  const other = sniffOtherFormat(bytes, label);
  if (other) throw new OnnxCheckError('not-onnx', other);
  scanTopLevel(bytes, label);
  let model: ModelProto;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    throw new OnnxCheckError('damaged', onnxCheckMessage('undecodable', { label, why: (e as Error).message }));
  }
  const graph = model.graph;
  if (!graph) throw new OnnxCheckError('not-onnx', onnxCheckMessage('noGraph', { label }));
  if (!model.opset_import?.length) throw new OnnxCheckError('damaged', onnxCheckMessage('noOpset', { label }));
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const ops = [...new Set((graph.node ?? []).map((n) => (n.domain && n.domain !== 'ai.onnx' ? `${n.domain}:${n.op_type}` : n.op_type ?? '?')))];
  return {
    label,
    bytes: bytes.length,
    irVersion: Number(model.ir_version ?? 0),
    producerName: model.producer_name ?? '',
    producerVersion: model.producer_version ?? '',
    opsets: model.opset_import.map((o) => ({ domain: o.domain || 'ai.onnx', version: Number(o.version ?? 0) })),
    metadata: Object.fromEntries((model.metadata_props ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
    inputs: (graph.input ?? []).filter((v) => !initializers.has(v.name)).map(tensorInfo),
    outputs: (graph.output ?? []).map(tensorInfo),
    ops,
    nodeCount: graph.node?.length ?? 0,
    model,
  };
}

/** Reads and inspects a .onnx file: its bytes and what they hold. */
export function readOnnxFile(file: string): { bytes: Uint8Array; info: OnnxModelInfo } {
  const label = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? onnxCheckMessage('noSuchFile') : code === 'EISDIR' ? onnxCheckMessage('isFolder') : (e as Error).message;
    throw new OnnxCheckError('unreadable', onnxCheckMessage('cannotRead', { file, why }));
  }
  return { bytes, info: inspectOnnxBytes(bytes, label) };
}
