// The lines of an ONNX model's check, as `actlab verify` and VS Code's "Verify ONNX Model" both show
// them: every figure of the report written in each language, and the same figures in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyReportLines, type VerifyReport } from '../../../src/core/onnx/index';

/** A report as verifyModel returns it for a lab model: 3 classes, 10 images, 9 right. */
function report(overrides: Partial<VerifyReport> = {}): VerifyReport {
  return {
    model: 'relu.onnx', bytes: 438123, producer: 'activation-lab', irVersion: 8, opsets: [{ domain: 'ai.onnx', version: 17 }],
    inputs: [{ name: 'pixels', dtype: 'float32', shape: ['N', 784] }], outputs: [{ name: 'logits', dtype: 'float32', shape: ['N', 10] }],
    input: { name: 'pixels', layout: '[N,784]', fed: '[N,784]', batch: null }, output: { name: 'logits', kind: 'logits' },
    dataset: 'mnist', count: 10, accuracy: 0.9, confusion: [[3, 0, 0], [0, 3, 1], [0, 0, 3]], ms: 12.34, loadMs: 56.7,
    nonFinite: { count: 0, first: [] },
    parity: {
      runDir: '/runs/relu', tolerance: 'float32', maxAbsDiff: 3.25e-7, maxRatio: 0.0123, maxLogitTolerance: 2.5e-5, argmaxAgreement: 1,
      labAccuracy: 0.9, mismatches: [], passed: true, onnxAccuracy: 0.9, runAccuracy: 0.9, runTestCount: 10, labMs: 4,
    },
    passed: true, failures: [],
    ...overrides,
  };
}

const numbers = (ls: readonly string[]): string[] => ls.flatMap((l) => l.match(/\d+(?:\.\d+)?(?:e[-+]?\d+)?%?/g) ?? []);

test('a passed check: the English lines', () => {
  const en = verifyReportLines(report(), 'en');
  assert.equal(en[0], 'model:    relu.onnx (438123 bytes, from activation-lab, IR 8, ai.onnx 17)');
  assert.equal(en[1], "input:    'pixels' float32 [N, 784], fed as [N,784]");
  assert.equal(en[3], 'test set: mnist, 10 images');
  assert.equal(en[4], 'accuracy: 0.9000 (90.00%)');
  assert.equal(en[5], 'time:     12.3 ms for 10 images (1234.0 µs/image, one thread; session created in 57 ms)');
  assert.deepEqual(en.slice(7, 11), ['       0   1   2', '  0    3   0   0', '  1    0   3   1', '  2    0   0   3']);
  assert.equal(en[12], '  max |Δp| 3.25e-7, 1.23% of the float32 rounding bound (logits within 2.5e-5), argmax agreement 1.0000');
  assert.equal(en.at(-1), 'check passed');
});

test('in Chinese the words change and every figure stays, in the same order', () => {
  const en = verifyReportLines(report(), 'en');
  const zh = verifyReportLines(report(), 'zh-cn');
  assert.equal(zh.length, en.length);
  assert.equal(zh[0], '模型：relu.onnx（438123 字节，由 activation-lab 生成，IR 8，ai.onnx 17）');
  assert.equal(zh[4], '准确率：0.9000（90.00%）');
  assert.equal(zh[6], '混淆矩阵（行：真实标签，列：预测）：');
  assert.equal(zh.at(-1), '检查通过');
  assert.deepEqual(zh.slice(7, 11), en.slice(7, 11), 'the confusion matrix is numbers only');
  // the time line names the count before the milliseconds in Chinese: compare the figures as sets per line
  zh.forEach((line, i) => assert.deepEqual(numbers([line]).sort(), numbers([en[i]]).sort(), `line ${i}: ${line} / ${en[i]}`));
});

test('a failed check without parity: the note and the failures, in each language', () => {
  const r = report({ parity: null, parityNote: 'not a lab model', passed: false, failures: ['2 images gave NaN'], producer: '' });
  const en = verifyReportLines(r, 'en');
  const zh = verifyReportLines(r, 'zh-cn');
  assert.equal(en[0], 'model:    relu.onnx (438123 bytes, IR 8, ai.onnx 17)');
  assert.equal(en.at(-2), 'parity:   not checked: not a lab model');
  assert.equal(en.at(-1), 'check FAILED: 2 images gave NaN');
  assert.equal(zh.at(-2), '一致性：未检查：not a lab model');
  assert.equal(zh.at(-1), '检查未通过：2 images gave NaN');
});
