// The bundles load the ONNX schema from its JSON descriptor; this keeps it equal to the
// committed onnx.proto (ONNX's own schema), so regenerating is the only way to change it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

const dir = path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'onnx', 'schema');

test('schema/onnx.proto.json is protobufjs\'s descriptor of schema/onnx.proto (node scripts/gen-onnx-schema.mjs)', () => {
  const proto = readFileSync(path.join(dir, 'onnx.proto'), 'utf8');
  assert.match(proto, /SPDX-License-Identifier: Apache-2\.0/);
  assert.match(proto, /^package onnx;$/m);
  const parsed = protobuf.parse(proto, { keepCase: true }).root.toJSON();
  const committed: unknown = JSON.parse(readFileSync(path.join(dir, 'onnx.proto.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(parsed)));
});

test('the field numbers the exporter relies on are ONNX\'s', () => {
  const root = protobuf.Root.fromJSON(JSON.parse(readFileSync(path.join(dir, 'onnx.proto.json'), 'utf8')) as protobuf.INamespace);
  const ids = (type: string) => Object.fromEntries(root.lookupType(type).fieldsArray.map((f) => [f.name, f.id]));
  assert.deepEqual(
    (({ ir_version, producer_name, producer_version, model_version, doc_string, graph, opset_import, metadata_props }) =>
      ({ ir_version, producer_name, producer_version, model_version, doc_string, graph, opset_import, metadata_props }))(ids('onnx.ModelProto')),
    { ir_version: 1, producer_name: 2, producer_version: 3, model_version: 5, doc_string: 6, graph: 7, opset_import: 8, metadata_props: 14 },
  );
  const t = ids('onnx.TensorProto');
  assert.deepEqual([t.dims, t.data_type, t.name, t.raw_data], [1, 2, 8, 9]);
  const n = ids('onnx.NodeProto');
  assert.deepEqual([n.input, n.output, n.name, n.op_type, n.attribute], [1, 2, 3, 4, 5]);
});
