// The ONNX protobuf schema through protobufjs: encode a model we build, decode any .onnx file.
// The schema is ONNX's own onnx.proto (schema/onnx.proto, copied unchanged from Debian's
// python3-onnx 1.12.0), loaded from its JSON descriptor (schema/onnx.proto.json, made by
// scripts/gen-onnx-schema.mjs) so no .proto parser ships. Field numbers never change between
// ONNX releases, so this schema reads and writes every IR version the exporter uses (7 to 10);
// fields added later are skipped on reading.

import { Reader, Root } from 'protobufjs/light';
import schema from './schema/onnx.proto.json';

const root = Root.fromJSON(schema);
const ModelProtoType = root.lookupType('onnx.ModelProto');

/** TensorProto.DataType: the element types by number. */
export const DATA_TYPE = {
  FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9,
  FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, COMPLEX64: 14, COMPLEX128: 15, BFLOAT16: 16,
} as const;

/** numpy-style names of the element types, for messages ('float32', 'uint8', ...). */
export const DATA_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
  9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128',
  16: 'bfloat16', 17: 'float8e4m3fn', 18: 'float8e4m3fnuz', 19: 'float8e5m2', 20: 'float8e5m2fnuz', 21: 'uint4', 22: 'int4',
};

/** AttributeProto.AttributeType. */
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

// The subset of the schema's messages the lab writes and reads, field names as in onnx.proto.

export interface TensorProto {
  name?: string;
  dims?: number[];
  data_type?: number;
  float_data?: number[];
  raw_data?: Uint8Array;
}

export interface AttributeProto {
  name?: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  floats?: number[];
  ints?: number[];
}

export interface NodeProto {
  name?: string;
  op_type?: string;
  domain?: string;
  input?: string[];
  output?: string[];
  attribute?: AttributeProto[];
}

export interface DimensionProto {
  dim_value?: number;
  dim_param?: string;
}

export interface TypeProto {
  tensor_type?: { elem_type?: number; shape?: { dim?: DimensionProto[] } };
  sequence_type?: unknown;
  map_type?: unknown;
  optional_type?: unknown;
  sparse_tensor_type?: unknown;
}

export interface ValueInfoProto {
  name?: string;
  type?: TypeProto;
  doc_string?: string;
}

export interface GraphProto {
  name?: string;
  node?: NodeProto[];
  initializer?: TensorProto[];
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  doc_string?: string;
}

export interface OperatorSetIdProto {
  domain?: string;
  version?: number;
}

export interface StringStringEntryProto {
  key?: string;
  value?: string;
}

export interface ModelProto {
  ir_version?: number;
  producer_name?: string;
  producer_version?: string;
  domain?: string;
  model_version?: number;
  doc_string?: string;
  graph?: GraphProto;
  opset_import?: OperatorSetIdProto[];
  metadata_props?: StringStringEntryProto[];
}

/** The model's bytes in protobuf wire format. Throws if the object does not fit the schema. */
export function encodeModel(model: ModelProto): Uint8Array {
  const problem = ModelProtoType.verify(model);
  if (problem) throw new Error(`internal error: the model does not fit the ONNX schema: ${problem}`);
  return ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
}

/** Decodes wire bytes into plain objects (int64 as numbers). Throws protobufjs's error on bad bytes. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const message = ModelProtoType.decode(bytes);
  return ModelProtoType.toObject(message, { longs: Number, enums: Number, bytes: Uint8Array, arrays: true, defaults: false });
}

/** ModelProto's field numbers and wire types (0 varint, 2 length-delimited), for telling a truncated file from another format. */
const VARINT_TYPES = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool']);
export const MODEL_FIELDS: ReadonlyMap<number, { name: string; wireType: number }> = new Map(
  ModelProtoType.fieldsArray.map((f) => [f.id, { name: f.name, wireType: !f.repeated && VARINT_TYPES.has(f.type) ? 0 : 2 }]),
);

export { Reader };
