// `actlab export <run-dir> [--opset N] [--out file.onnx] [--json]`: a trained run as a .onnx file.
import { CliError, type CliCommand, parseCliArgs, usageText, withUsage } from '../command';
import { cliText, onnxErrorText, translator } from '../l10n';
import { DEFAULT_OPSET, exportRun, MAX_OPSET, MIN_OPSET, OnnxCheckError } from '../../core/onnx/index';

const USAGE = `actlab export <run-dir> [--opset N] [--out file.onnx] [--force] [--json]

Exports a completed training run (a folder holding run.json and weights.bin, e.g.
lab-output/runs/relu) to ONNX: input 'image' float32 [batch, 28, 28] with pixels in [0, 1],
Gemm + activation per hidden layer, output 'probabilities' [batch, 10].
  --opset N      operator set, ${MIN_OPSET} to ${MAX_OPSET} (default ${DEFAULT_OPSET}); activations without an operator
                 in that set are exported as subgraphs of primitive operators
  --out FILE     where to write (default <run-dir>/model.onnx)
  --force        replace the file when it exists (without it, an existing file, such as the
                 model.onnx that actlab train wrote, is kept and the export stops)
  --json         {"path", "bytes", "opset", "irVersion", "ops", "layers"}`;

const USAGE_ZH = `把一次已完成的训练（一个存有 run.json 和 weights.bin 的文件夹，例如
lab-output/runs/relu）导出为 ONNX：输入 \`image\`，float32 [batch, 28, 28]，像素值在 [0, 1] 内；
每个隐藏层为 Gemm + 激活函数；输出 \`probabilities\` [batch, 10]。
  --opset N      算子集版本，${MIN_OPSET} 到 ${MAX_OPSET}（默认 ${DEFAULT_OPSET}）；在该算子集中没有对应算子的
                 激活函数，导出为由基本算子组成的子图
  --out FILE     写到哪里（默认 <run-dir>/model.onnx）
  --force        文件已存在时替换它（不加此选项时，已有的文件，例如 actlab train 写出的
                 model.onnx，会保留下来，导出随即停止）
  --json         \`{"path", "bytes", "opset", "irVersion", "ops", "layers"}\``;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a trained run to an ONNX model',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '把训练好的模型导出为 ONNX', usage: USAGE_ZH } },
  run(argv, io) {
    const tr = translator(io.lang);
    const { values, positionals } = parseCliArgs(
      argv,
      {
        opset: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usageText(exportCommand),
    );
    if (positionals.length !== 1) {
      const problem = positionals.length ? cliText('export.oneFolder', { args: positionals.join(' ') }) : cliText('export.noFolder');
      throw new CliError(withUsage(problem, usageText(exportCommand)));
    }
    let opset: number | undefined;
    if (values.opset !== undefined) {
      if (!/^\d+$/.test(values.opset.trim())) throw new CliError(cliText('export.opset', { min: MIN_OPSET, max: MAX_OPSET, value: values.opset }));
      opset = Number(values.opset);
    }
    let result;
    try {
      result = exportRun(positionals[0], { opset, out: values.out, overwrite: values.force ?? false });
    } catch (e) {
      if (e instanceof OnnxCheckError) throw new CliError(onnxErrorText(e));
      throw e;
    }
    if (values.json) {
      io.out(JSON.stringify(result, null, 1));
      return 0;
    }
    io.out(tr('export.wrote', { path: result.path, bytes: result.bytes, opset: result.opset, ir: result.irVersion }));
    io.out(tr('export.operators', { list: result.ops.join(', ') }));
    result.layers.forEach((l, i) => {
      io.out(tr('export.layer', { index: i + 1, activation: l.activation, target: l.native ?? cliText('export.subgraph', { ops: l.ops.join(', ') }) }));
    });
    return 0;
  },
};
