// `actlab verify <model.onnx> [--dataset ...] [--run DIR] [--limit N] [--json]`: runs a model in
// onnxruntime on the test set; for the lab's own models, compares with the lab's forward pass.
import { CliError, type CliCommand, parseCliArgs, usageText, withUsage } from '../command';
import { cliText, onnxErrorText, translator, type Translate, verbatim } from '../l10n';
import { OnnxCheckError, shapeText, verifyModel, type VerifyReport } from '../../core/onnx/index';

const USAGE = `actlab verify <model.onnx> [--dataset NAME|DIR] [--run DIR] [--limit N] [--json]

Runs an ONNX image classifier in onnxruntime-node (one thread) on the test set and reports
accuracy, the confusion matrix and the time taken. The model takes float32 pixels in [0, 1]
as [N,784], [N,28,28], [N,1,28,28] or [N,28,28,1] (the dataset's image size) and gives [N,10]
logits, probabilities or log-probabilities.
For models exported by Activation Lab, every probability is also compared with the lab's own
forward pass over the run's weights: a difference beyond what float32 rounding through the
network allows fails the check (exit code 1), and so do NaN or infinite scores for any image.
  --dataset NAME|DIR   mnist, fashion-mnist, or a folder of IDX files (default: the model's
                       own dataset for lab models, else mnist)
  --run DIR            the run folder to compare with (default: run.json beside the model,
                       then the folder recorded in the model's metadata)
  --limit N            only the first N test images
  --json               the report: {"model", "inputs", "outputs", "accuracy", "confusion",
                       "ms", "parity": {"maxAbsDiff", "argmaxAgreement", ...} | null, "passed", ...}`;

const USAGE_ZH = `在 onnxruntime-node（单线程）中用测试集运行一个 ONNX 图像分类模型，报告准确率、
混淆矩阵和用时。模型的输入是 [0, 1] 内的 float32 像素，形状为 [N,784]、[N,28,28]、
[N,1,28,28] 或 [N,28,28,1]（按数据集的图像尺寸），输出 [N,10] 的 logits、概率或对数概率。
对激活函数实验室导出的模型，还会把每个概率与实验室用这次训练的权重做的前向传播比较：
差异超出 float32 舍入在网络中传递所允许的范围即判为失败（退出码 1），任何图像的分数
出现 NaN 或无穷大也判为失败。
  --dataset NAME|DIR   mnist、fashion-mnist 或一个存有 IDX 文件的文件夹（默认：实验室的模型
                       用它自己的数据集，其他模型用 mnist）
  --run DIR            用来比较的那次训练的文件夹（默认：模型旁边的 run.json，其次是
                       模型元数据中记录的文件夹）
  --limit N            只用前 N 张测试图像
  --json               报告：\`{"model", "inputs", "outputs", "accuracy", "confusion",
                       "ms", "parity": {"maxAbsDiff", "argmaxAgreement", ...} | null, "passed", ...}\``;

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

function printReport(r: VerifyReport, out: (s: string) => void, tr: Translate): void {
  const model = { model: r.model, bytes: r.bytes, ir: r.irVersion, opsets: r.opsets.map((o) => `${o.domain} ${o.version}`).join(', ') };
  out(r.producer ? tr('verify.modelFrom', { ...model, producer: r.producer }) : tr('verify.model', model));
  const input = { name: r.input.name, dtype: String(r.inputs[0]?.dtype), shape: shapeText(r.inputs[0]?.shape ?? null), fed: r.input.fed };
  out(r.input.batch ? tr('verify.inputBatched', { ...input, batch: r.input.batch }) : tr('verify.input', input));
  const o = r.outputs.find((x) => x.name === r.output.name);
  out(tr('verify.output', { name: r.output.name, dtype: String(o?.dtype), shape: shapeText(o?.shape ?? null), kind: r.output.kind }));
  out(tr('verify.testSet', { dataset: r.dataset, count: r.count }));
  out(tr('verify.accuracy', { value: r.accuracy.toFixed(4), pct: pct(r.accuracy) }));
  out(tr('verify.time', { ms: r.ms.toFixed(1), count: r.count, perImage: ((1000 * r.ms) / r.count).toFixed(1), loadMs: r.loadMs.toFixed(0) }));
  out(tr('verify.confusion'));
  const w = Math.max(4, ...r.confusion.flat().map((v) => String(v).length + 1));
  out(`    ${r.confusion.map((_, j) => String(j).padStart(w)).join('')}`);
  r.confusion.forEach((row, i) => out(`${String(i).padStart(3)} ${row.map((v) => String(v).padStart(w)).join('')}`));
  const p = r.parity;
  if (p) {
    out(tr('verify.parity', { dir: p.runDir }));
    const bound = p.tolerance === 'float32'
      ? cliText('verify.boundFloat32', { pct: (100 * p.maxRatio).toPrecision(3), tolerance: p.maxLogitTolerance.toExponential(1) })
      : cliText('verify.boundFixed', { tolerance: p.tolerance.toExponential(0) });
    out(tr('verify.parityLine', { diff: p.maxAbsDiff.toExponential(2), bound, agreement: p.argmaxAgreement.toFixed(4) }));
    const run = p.runAccuracy !== null ? cliText('verify.runAccuracy', { accuracy: p.runAccuracy.toFixed(4), count: String(p.runTestCount) }) : '';
    out(tr('verify.accuracies', { onnx: p.onnxAccuracy.toFixed(4), lab: p.labAccuracy.toFixed(4), run, ms: p.labMs.toFixed(0) }));
  } else if (r.parityNote) {
    out(tr('verify.parityNote', { note: verbatim(r.parityNote) }));
  }
  out(r.passed ? tr('verify.passed') : tr('verify.failed', { failures: r.failures.join('; ') }));
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check an ONNX model on the test set with onnxruntime (parity with the lab for its own models)',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '用 onnxruntime 在测试集上检查 ONNX 模型（对实验室自己的模型还核对一致性）', usage: USAGE_ZH } },
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        dataset: { type: 'string' },
        run: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
      usageText(verifyCommand),
    );
    if (positionals.length !== 1) {
      const problem = positionals.length ? cliText('verify.oneFile', { args: positionals.join(' ') }) : cliText('verify.noFile');
      throw new CliError(withUsage(problem, usageText(verifyCommand)));
    }
    let limit: number | undefined;
    if (values.limit !== undefined) {
      if (!/^\d+$/.test(values.limit.trim()) || Number(values.limit) < 1) throw new CliError(cliText('verify.limit', { value: values.limit }));
      limit = Number(values.limit);
    }
    const model = positionals[0];
    let report: VerifyReport;
    try {
      report = await verifyModel(model, { dataset: values.dataset, runDir: values.run, limit });
    } catch (e) {
      if (!(e instanceof OnnxCheckError)) throw e;
      if (values.json) io.out(JSON.stringify({ model, passed: false, error: { problem: e.problem, message: e.message } }, null, 1));
      throw new CliError(onnxErrorText(e));
    }
    if (values.json) io.out(JSON.stringify(report, null, 1));
    else printReport(report, io.out, translator(io.lang));
    return report.passed ? 0 : 1;
  },
};
