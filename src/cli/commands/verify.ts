// `actlab verify <model.onnx> [--dataset ...] [--run DIR] [--limit N] [--json]`: runs a model in
// onnxruntime on the test set; for the lab's own models, compares with the lab's forward pass.
import { CliError, type CliCommand, parseCliArgs } from '../command';
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

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

function printReport(r: VerifyReport, out: (s: string) => void): void {
  out(`model:    ${r.model} (${r.bytes} bytes${r.producer ? `, from ${r.producer}` : ''}, IR ${r.irVersion}, ${r.opsets.map((o) => `${o.domain} ${o.version}`).join(', ')})`);
  out(`input:    '${r.input.name}' ${r.inputs[0]?.dtype} ${shapeText(r.inputs[0]?.shape ?? null)}, fed as ${r.input.fed}${r.input.batch ? ` in batches of ${r.input.batch}` : ''}`);
  const o = r.outputs.find((x) => x.name === r.output.name);
  out(`output:   '${r.output.name}' ${o?.dtype} ${shapeText(o?.shape ?? null)}, read as ${r.output.kind}`);
  out(`test set: ${r.dataset}, ${r.count} images`);
  out(`accuracy: ${r.accuracy.toFixed(4)} (${pct(r.accuracy)})`);
  out(`time:     ${r.ms.toFixed(1)} ms for ${r.count} images (${((1000 * r.ms) / r.count).toFixed(1)} µs/image, one thread; session created in ${r.loadMs.toFixed(0)} ms)`);
  out('confusion (rows: label, columns: predicted):');
  const w = Math.max(4, ...r.confusion.flat().map((v) => String(v).length + 1));
  out(`    ${r.confusion.map((_, j) => String(j).padStart(w)).join('')}`);
  r.confusion.forEach((row, i) => out(`${String(i).padStart(3)} ${row.map((v) => String(v).padStart(w)).join('')}`));
  const p = r.parity;
  if (p) {
    out(`parity with the lab's forward pass (${p.runDir}):`);
    const bound = p.tolerance === 'float32'
      ? `${(100 * p.maxRatio).toPrecision(3)}% of the float32 rounding bound (logits within ${p.maxLogitTolerance.toExponential(1)})`
      : `fixed tolerance ${p.tolerance.toExponential(0)}`;
    out(`  max |Δp| ${p.maxAbsDiff.toExponential(2)}, ${bound}, argmax agreement ${p.argmaxAgreement.toFixed(4)}`);
    out(`  accuracy: onnx ${p.onnxAccuracy.toFixed(4)}, lab ${p.labAccuracy.toFixed(4)}` +
      (p.runAccuracy !== null ? `, the run's own ${p.runAccuracy.toFixed(4)} (${p.runTestCount} images)` : '') + `; lab forward ${p.labMs.toFixed(0)} ms`);
  } else if (r.parityNote) {
    out(`parity:   not checked: ${r.parityNote}`);
  }
  out(r.passed ? 'check passed' : `check FAILED: ${r.failures.join('; ')}`);
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check an ONNX model on the test set with onnxruntime (parity with the lab for its own models)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        dataset: { type: 'string' },
        run: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`expected one .onnx file, got ${positionals.length ? positionals.join(' ') : 'none'}\nusage: ${USAGE}`);
    let limit: number | undefined;
    if (values.limit !== undefined) {
      if (!/^\d+$/.test(values.limit.trim()) || Number(values.limit) < 1) throw new CliError(`--limit must be a positive integer, got '${values.limit}'`);
      limit = Number(values.limit);
    }
    const model = positionals[0]!;
    let report: VerifyReport;
    try {
      report = await verifyModel(model, { dataset: values.dataset, runDir: values.run, limit });
    } catch (e) {
      if (!(e instanceof OnnxCheckError)) throw e;
      if (values.json) io.out(JSON.stringify({ model, passed: false, error: { problem: e.problem, message: e.message } }, null, 1));
      throw new CliError(e.message);
    }
    if (values.json) io.out(JSON.stringify(report, null, 1));
    else printReport(report, io.out);
    return report.passed ? 0 : 1;
  },
};
