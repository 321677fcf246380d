// `actlab eval <id|expression> --x ... [--param name=value ...] [--json]`: f(x) and f'(x).
import { evaluateAt, JACOBIAN_MAX } from '../../core/analysis/evaluate';
import { evaluationLines } from '../../core/analysis/evaluationText';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { cliText, exprErrorText } from '../l10n';
import { normalizeArgv, parseParamOptions, parseXs, resolveActivationArg, toJson } from './activationArgs';

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

const USAGE_ZH = `对内置激活函数（见 actlab list）或关于 x 的表达式，打印 x、f(x) 和 f′(x)。
  --x LIST|RANGE        输入：用逗号分隔的值，或用 \`a:b:n\` 表示从 a 到 b 的 n 个点
                        （也接受 nan、inf 和 -inf）。对 softmax 和 log_softmax，这些值
                        组成一个向量，此时 f′(x) 是雅可比矩阵的对角线；值不超过
                        ${JACOBIAN_MAX} 个时还会打印整个雅可比矩阵。
  --param NAME=VALUE    一个参数（可重复），例如 --param alpha=0.3；用于表达式时即声明
                        这个参数：\`actlab eval "x*sigmoid(b*x)" --param b=2\`
  --json                \`{"activation", "params", "points": [{"x", "y", "dy"}]}\`（向量激活函数
                        另有 \`"jacobian"\`，超过 ${JACOBIAN_MAX} 个值时为 \`"jacobianNote"\`）；
                        非有限数写成 \`"NaN"\`、\`"Infinity"\``;

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: "evaluate an activation and its derivative at given inputs",
  usage: USAGE,
  translations: { 'zh-cn': { summary: '计算激活函数及其导数在给定输入处的值', usage: USAGE_ZH } },
  run(argv, io) {
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--x', '--param'], ['--json']),
      {
        x: { type: 'string' },
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    );
    if (positionals.length > 1) throw new CliError(cliText('eval.oneActivation', { count: positionals.length, args: positionals.join(' ') }));
    const { record, label, params } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    const xs = parseXs(values.x);
    let evaluation;
    try {
      evaluation = evaluateAt(record, xs, params);
    } catch (e) {
      throw new CliError(exprErrorText(e));
    }
    const { points, jacobian, jacobianNote } = evaluation;
    if (values.json) {
      io.out(toJson({ activation: label, params, points, ...(jacobian ? { jacobian } : {}), ...(jacobianNote ? { jacobianNote } : {}) }));
      return 0;
    }
    for (const line of evaluationLines(record, label, params, evaluation, io.lang ?? 'en')) io.out(line);
    return 0;
  },
};
