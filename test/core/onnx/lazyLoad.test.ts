// Importing the ONNX module (as the extension does at activation) must not load onnxruntime-node:
// it is required only when a check runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

test('importing src/core/onnx loads no onnxruntime-node until a check needs it', () => {
  const script = `
    const onnx = require(${JSON.stringify(path.join(root, 'src', 'core', 'onnx', 'index.ts'))});
    const loaded = () => Object.keys(require.cache).some((k) => k.includes('onnxruntime-node'));
    const before = loaded();
    require(${JSON.stringify(path.join(root, 'src', 'core', 'onnx', 'runtime.ts'))}).loadOnnxRuntime();
    console.log(JSON.stringify({ before, after: loaded(), api: typeof onnx.verifyModel }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { before: false, after: true, api: 'function' });
});
