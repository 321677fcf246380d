// Regenerates src/core/onnx/schema/onnx.proto.json, protobufjs's JSON descriptor of the ONNX
// schema src/core/onnx/schema/onnx.proto (copied unchanged from Debian's python3-onnx 1.12.0,
// /usr/lib/python3/dist-packages/onnx/onnx.proto). The bundles load the JSON (no .proto parser
// at run time); test/core/onnx/schema.test.ts checks the two still agree.
//   node scripts/gen-onnx-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const protobuf = require('protobufjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'src', 'core', 'onnx', 'schema');
const parsed = protobuf.parse(readFileSync(path.join(dir, 'onnx.proto'), 'utf8'), { keepCase: true });
writeFileSync(path.join(dir, 'onnx.proto.json'), `${JSON.stringify(parsed.root.toJSON(), null, 1)}\n`);
console.log('[onnx-schema] wrote src/core/onnx/schema/onnx.proto.json');
