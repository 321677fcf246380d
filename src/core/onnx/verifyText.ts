// An ONNX model's check as a person reads it, in English or Simplified Chinese: the lines `actlab
// verify` prints and VS Code's "Verify ONNX Model" writes to its output channel. The words change
// with the language; the numbers are the same characters in both.
import type { UiLanguage } from '../locale';
import { shapeText } from './inspect';
import type { VerifyReport } from './verify';
import { fillTemplate } from '../template';

/** The words of the report by id; `{name}` is a value. */
export const VERIFY_TEXT = {
  model: { en: 'model:    {model} ({bytes} bytes, IR {ir}, {opsets})', 'zh-cn': '模型：{model}（{bytes} 字节，IR {ir}，{opsets}）' },
  modelFrom: {
    en: 'model:    {model} ({bytes} bytes, from {producer}, IR {ir}, {opsets})',
    'zh-cn': '模型：{model}（{bytes} 字节，由 {producer} 生成，IR {ir}，{opsets}）',
  },
  input: { en: "input:    '{name}' {dtype} {shape}, fed as {fed}", 'zh-cn': '输入：“{name}”，{dtype} {shape}，按 {fed} 送入' },
  inputBatched: {
    en: "input:    '{name}' {dtype} {shape}, fed as {fed} in batches of {batch}",
    'zh-cn': '输入：“{name}”，{dtype} {shape}，按 {fed} 送入，每批 {batch} 张',
  },
  output: { en: "output:   '{name}' {dtype} {shape}, read as {kind}", 'zh-cn': '输出：“{name}”，{dtype} {shape}，按 {kind} 读取' },
  testSet: { en: 'test set: {dataset}, {count} images', 'zh-cn': '测试集：{dataset}，{count} 张图像' },
  accuracy: { en: 'accuracy: {value} ({pct})', 'zh-cn': '准确率：{value}（{pct}）' },
  time: {
    en: 'time:     {ms} ms for {count} images ({perImage} µs/image, one thread; session created in {loadMs} ms)',
    'zh-cn': '用时：{count} 张图像共 {ms} ms（每张 {perImage} µs，单线程；创建会话用了 {loadMs} ms）',
  },
  confusion: { en: 'confusion (rows: label, columns: predicted):', 'zh-cn': '混淆矩阵（行：真实标签，列：预测）：' },
  parity: { en: "parity with the lab's forward pass ({dir}):", 'zh-cn': '与实验室前向传播的一致性（{dir}）：' },
  boundFloat32: {
    en: '{pct}% of the float32 rounding bound (logits within {tolerance})',
    'zh-cn': '为 float32 舍入误差界的 {pct}%（logits 相差在 {tolerance} 以内）',
  },
  boundFixed: { en: 'fixed tolerance {tolerance}', 'zh-cn': '固定容差 {tolerance}' },
  parityLine: { en: '  max |Δp| {diff}, {bound}, argmax agreement {agreement}', 'zh-cn': '  max |Δp| {diff}，{bound}，argmax 一致率 {agreement}' },
  accuracies: { en: '  accuracy: onnx {onnx}, lab {lab}{run}; lab forward {ms} ms', 'zh-cn': '  准确率：onnx {onnx}，实验室 {lab}{run}；实验室前向传播 {ms} ms' },
  runAccuracy: { en: ", the run's own {accuracy} ({count} images)", 'zh-cn': '，训练时记录的 {accuracy}（{count} 张图像）' },
  parityNote: { en: 'parity:   not checked: {note}', 'zh-cn': '一致性：未检查：{note}' },
  passed: { en: 'check passed', 'zh-cn': '检查通过' },
  failed: { en: 'check FAILED: {failures}', 'zh-cn': '检查未通过：{failures}' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

type VerifyTextId = keyof typeof VERIFY_TEXT;

function text(id: VerifyTextId, lang: UiLanguage, values: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(VERIFY_TEXT[id][lang], values);
}

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/** The report as lines: the model, its input and output, the test set, accuracy, time, the confusion matrix, parity with the lab, the verdict. */
export function verifyReportLines(r: VerifyReport, lang: UiLanguage): string[] {
  const out: string[] = [];
  const model = { model: r.model, bytes: r.bytes, ir: r.irVersion, opsets: r.opsets.map((o) => `${o.domain} ${o.version}`).join(', ') };
  out.push(r.producer ? text('modelFrom', lang, { ...model, producer: r.producer }) : text('model', lang, model));
  const input = { name: r.input.name, dtype: String(r.inputs[0]?.dtype), shape: shapeText(r.inputs[0]?.shape ?? null), fed: r.input.fed };
  out.push(r.input.batch ? text('inputBatched', lang, { ...input, batch: r.input.batch }) : text('input', lang, input));
  const o = r.outputs.find((x) => x.name === r.output.name);
  out.push(text('output', lang, { name: r.output.name, dtype: String(o?.dtype), shape: shapeText(o?.shape ?? null), kind: r.output.kind }));
  out.push(text('testSet', lang, { dataset: r.dataset, count: r.count }));
  out.push(text('accuracy', lang, { value: r.accuracy.toFixed(4), pct: pct(r.accuracy) }));
  out.push(text('time', lang, { ms: r.ms.toFixed(1), count: r.count, perImage: ((1000 * r.ms) / r.count).toFixed(1), loadMs: r.loadMs.toFixed(0) }));
  out.push(text('confusion', lang));
  const w = Math.max(4, ...r.confusion.flat().map((v) => String(v).length + 1));
  out.push(`    ${r.confusion.map((_, j) => String(j).padStart(w)).join('')}`);
  r.confusion.forEach((row, i) => out.push(`${String(i).padStart(3)} ${row.map((v) => String(v).padStart(w)).join('')}`));
  const p = r.parity;
  if (p) {
    out.push(text('parity', lang, { dir: p.runDir }));
    const bound = p.tolerance === 'float32'
      ? text('boundFloat32', lang, { pct: (100 * p.maxRatio).toPrecision(3), tolerance: p.maxLogitTolerance.toExponential(1) })
      : text('boundFixed', lang, { tolerance: p.tolerance.toExponential(0) });
    out.push(text('parityLine', lang, { diff: p.maxAbsDiff.toExponential(2), bound, agreement: p.argmaxAgreement.toFixed(4) }));
    const run = p.runAccuracy !== null ? text('runAccuracy', lang, { accuracy: p.runAccuracy.toFixed(4), count: String(p.runTestCount) }) : '';
    out.push(text('accuracies', lang, { onnx: p.onnxAccuracy.toFixed(4), lab: p.labAccuracy.toFixed(4), run, ms: p.labMs.toFixed(0) }));
  } else if (r.parityNote) {
    out.push(text('parityNote', lang, { note: r.parityNote }));
  }
  out.push(r.passed ? text('passed', lang) : text('failed', lang, { failures: r.failures.join('; ') }));
  return out;
}
