// `actlab verify <model.onnx> [--dataset ...] [--run DIR] [--limit N] [--json]`: runs a model in
// onnxruntime on the test set; for the lab's own models, compares with the lab's forward pass.
import { CliError, type CliCommand, parseCliArgs, usageText, withUsage } from '../command';
import { cliText, onnxErrorText } from '../l10n';
import { OnnxCheckError, verifyModel, verifyReportLines, type VerifyReport } from '../../core/onnx/index';

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
    else for (const line of verifyReportLines(report, io.lang ?? 'en')) io.out(line);
    return report.passed ? 0 : 1;
  },
};
