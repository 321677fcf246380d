// `actlab export <run-dir> [--opset N] [--out file.onnx] [--json]`: a trained run as a .onnx file.
import { CliError, type CliCommand, parseCliArgs } from '../command';
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

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a trained run to an ONNX model',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        opset: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`expected one run folder, got ${positionals.length ? positionals.join(' ') : 'none'}\nusage: ${USAGE}`);
    let opset: number | undefined;
    if (values.opset !== undefined) {
      if (!/^\d+$/.test(values.opset.trim())) throw new CliError(`--opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got '${values.opset}'`);
      opset = Number(values.opset);
    }
    let result;
    try {
      result = exportRun(positionals[0]!, { opset, out: values.out, overwrite: values.force ?? false });
    } catch (e) {
      if (e instanceof OnnxCheckError) throw new CliError(e.message);
      throw e;
    }
    if (values.json) {
      io.out(JSON.stringify(result, null, 1));
      return 0;
    }
    io.out(`wrote ${result.path} (${result.bytes} bytes, opset ${result.opset}, IR ${result.irVersion})`);
    io.out(`  operators: ${result.ops.join(', ')}`);
    result.layers.forEach((l, i) => {
      io.out(`  hidden layer ${i + 1}: ${l.activation} -> ${l.native ?? `subgraph of ${l.ops.join(', ')}`}`);
    });
    return 0;
  },
};
