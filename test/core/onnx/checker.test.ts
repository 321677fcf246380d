// The official ONNX checker (Debian's python3-onnx, which knows opsets up to 17) on exported
// models: onnx.checker.check_model(model, full_check=True) for every activation case at opsets
// 13 and 17, and the official parser reads back the inputs, outputs and metadata we wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOnnxModel, encodeModel } from '../../../src/core/onnx/index';
import { ACTIVATION_CASES, tinyNetwork } from './fixtures';

const PYTHON = '/usr/bin/python3';

const CHECK_SCRIPT = `
import json, sys
import onnx
out = []
for p in sys.argv[1:]:
    m = onnx.load(p)
    try:
        onnx.checker.check_model(m, full_check=True)
        error = None
    except Exception as e:
        error = str(e)
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    out.append({
        "file": p, "error": error, "ir_version": m.ir_version, "producer": m.producer_name,
        "opsets": [[o.domain, o.version] for o in m.opset_import],
        "inputs": [[v.name, v.type.tensor_type.elem_type, dims(v)] for v in m.graph.input],
        "outputs": [[v.name, v.type.tensor_type.elem_type, dims(v)] for v in m.graph.output],
        "metadata": {p.key: p.value for p in m.metadata_props},
        "initializers": len(m.graph.initializer),
    })
print(json.dumps(out))
`;

function requireOnnxPython(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import onnx; print(onnx.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    assert.fail(`the official ONNX checker is missing: ${PYTHON} cannot import onnx (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}). ` +
      'Run scripts/ensure-system-deps.sh (it installs Debian\'s python3-onnx).');
  }
}

test('exported models pass onnx.checker.check_model(full_check=True) at opsets 13 and 17', { timeout: 120_000 }, () => {
  requireOnnxPython();
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-onnx-checker-'));
  try {
    const files: { file: string; label: string; opset: number }[] = [];
    for (const c of ACTIVATION_CASES) {
      for (const opset of [13, 17]) {
        const file = path.join(dir, `${files.length}.onnx`);
        const metadata = { activations: JSON.stringify([c.label, c.label]), dataset: 'mnist' };
        writeFileSync(file, encodeModel(buildOnnxModel(tinyNetwork(c.spec), { opset, metadata }).model));
        files.push({ file, label: c.label, opset });
      }
    }
    // A control the checker must reject: a Gemm reading a tensor nothing produces.
    const broken = buildOnnxModel(tinyNetwork({ id: 'relu' }), { opset: 17 }).model;
    broken.graph!.node!.find((n) => n.op_type === 'Gemm')!.input![0] = 'nowhere';
    const brokenFile = path.join(dir, 'broken.onnx');
    writeFileSync(brokenFile, encodeModel(broken));
    const r = spawnSync(PYTHON, ['-c', CHECK_SCRIPT, ...files.map((f) => f.file), brokenFile], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as {
      file: string; error: string | null; ir_version: number; producer: string; opsets: [string, number][];
      inputs: [string, number, (string | number)[]][]; outputs: [string, number, (string | number)[]][]; metadata: Record<string, string>; initializers: number;
    }[];
    assert.equal(results.length, files.length + 1);
    assert.match(results.pop()!.error ?? 'accepted', /nowhere/, 'the checker rejects the broken control model');
    results.forEach((m, i) => {
      const f = files[i];
      assert.equal(m.error, null, `${f.label} at opset ${f.opset}: ${m.error}`);
      assert.equal(m.ir_version, f.opset === 13 ? 7 : 8);
      assert.deepEqual(m.opsets, [['', f.opset]]);
      assert.equal(m.producer, 'Activation Lab');
      assert.deepEqual(m.inputs, [['image', 1, ['batch', 28, 28]]]);
      assert.deepEqual(m.outputs, [['probabilities', 1, ['batch', 10]]]);
      assert.equal(m.metadata.dataset, 'mnist');
      assert.deepEqual(JSON.parse(m.metadata.activations), [f.label, f.label]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
