// `actlab eval <id|expression> --x ... [--param name=value ...] [--json]`: f(x) and f'(x).
import { evaluateAt, JACOBIAN_MAX } from '../../core/analysis/evaluate';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { fmt, normalizeArgv, parseParamOptions, parseXs, resolveActivationArg, toJson } from './activationArgs';

const USAGE = `actlab eval <id|expression> --x <v1,v2,...|a:b:n> [--param name=value ...] [--json]

Prints x, f(x) and f'(x) for a built-in activation (see actlab list) or an expression over x.
  --x LIST|RANGE        inputs: comma-separated values, or a:b:n for n points from a to b
                        (nan, inf and -inf are accepted). For softmax and log_softmax the
                        values form one vector; f'(x) is then the Jacobian's diagonal, and
                        the whole Jacobian is printed for up to ${JACOBIAN_MAX} values.
  --param NAME=VALUE    a parameter (repeatable), e.g. --param alpha=0.3; in an expression
                        it declares the parameter: actlab eval "x*sigmoid(b*x)" --param b=2
  --json                {"activation", "params", "points": [{"x", "y", "dy"}]} (vector
                        activations add "jacobian", or "jacobianNote" past ${JACOBIAN_MAX}
                        values); non-finite numbers as "NaN", "Infinity"`;

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: "evaluate an activation and its derivative at given inputs",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--x', '--param'], ['--json']),
      {
        x: { type: 'string' },
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    );
    if (positionals.length > 1) throw new CliError(`expected one activation or expression, got ${positionals.length}: ${positionals.join(' ')} (quote an expression with spaces)`);
    const { record, label, params } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    const xs = parseXs(values.x);
    let evaluation;
    try {
      evaluation = evaluateAt(record, xs, params);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    const { points, jacobian, jacobianNote } = evaluation;
    if (values.json) {
      io.out(toJson({ activation: label, params, points, ...(jacobian ? { jacobian } : {}), ...(jacobianNote ? { jacobianNote } : {}) }));
      return 0;
    }
    const paramText = Object.keys(params).length ? Object.entries(params).map(([k, v]) => `${k}=${fmt(v)}`).join(', ') : 'no parameters';
    io.out(`${label} (${paramText})`);
    io.out(`  ${record.formula.unicode}`);
    const rows = [['x', 'f(x)', record.kind === 'vector' ? "∂fᵢ/∂xᵢ" : "f'(x)"], ...points.map((p) => [fmt(p.x), fmt(p.y), fmt(p.dy)])];
    const widths = [0, 1, 2].map((c) => rows.reduce((w, r) => Math.max(w, r[c]!.length), 0));
    for (const r of rows) io.out(r.map((cell, c) => cell.padStart(widths[c]! + 2)).join(''));
    if (jacobian) {
      io.out('Jacobian (row i: ∂fᵢ/∂xⱼ):');
      for (const row of jacobian) io.out(`  ${row.map((v) => fmt(v).padStart(14)).join('')}`);
    }
    if (jacobianNote) io.out(`note: ${jacobianNote}`);
    return 0;
  },
};
