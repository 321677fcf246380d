// `actlab gradient-flow <id|expression> --depth 20 --width 64 [--json]`: the vanishing-gradient
// picture of an MLP at initialisation.
import { FLOW_INITS, gradientFlow, GradientFlowError, type FlowInit } from '../../core/analysis/gradientFlow';
import { excerpt } from '../../core/expr/errors';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { cliText, exprErrorText, translator, verbatim } from '../l10n';
import { normalizeArgv, parseParamOptions, resolveActivationArg, toJson } from './activationArgs';

const USAGE = `actlab gradient-flow <id|expression> [--depth 20] [--width 64] [options] [--json]

For an MLP of --depth square layers of --width units at initialisation (biases 0, inputs
N(0,1), a random output gradient), prints the norm of the gradient reaching each layer's
weights relative to the last layer's: how gradients vanish or explode with depth. Averaged
over seeds in log space; the same seed gives the same numbers.
  --depth N          layers, 1 to 50 (default 20)
  --width N          units per layer, 1 to 1024 (default 64)
  --seeds N          networks to average (default 5)
  --seed N           base seed (default 0)
  --batch N          input rows per network (default 32)
  --init NAME        ${FLOW_INITS.join(', ')} (default glorot_uniform, Keras's and the
                     tutorial's; 'gain' uses N(0, g²/w) with the activation's init gain g)
  --param NAME=VALUE an activation parameter (repeatable)
  --json             machine-readable`;

const USAGE_ZH = `对一个由 --depth 个宽为 --width 的方阵层组成、处于初始化状态的多层感知机（偏置为 0，
输入服从 N(0,1)，输出梯度随机），打印到达每一层权重的梯度范数与最后一层之比：梯度如何
随深度消失或爆炸。结果是多个随机种子在对数空间中的平均；相同的种子给出相同的数。
  --depth N          层数，1 到 50（默认 20）
  --width N          每层的神经元数，1 到 1024（默认 64）
  --seeds N          参与平均的网络个数（默认 5）
  --seed N           起始随机种子（默认 0）
  --batch N          每个网络的输入行数（默认 32）
  --init NAME        ${FLOW_INITS.join('、')}（默认 glorot_uniform，与 Keras 和教程
                     相同；gain 使用 N(0, g²/w)，g 为激活函数的初始化增益）
  --param NAME=VALUE 激活函数的一个参数（可重复）
  --json             机器可读的输出`;

function intOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(v)) throw new CliError(cliText('flow.integer', { name, text }));
  return v;
}

export const gradientFlowCommand: CliCommand = {
  name: 'gradient-flow',
  summary: 'gradient norm per layer of a deep MLP at initialisation (vanishing gradients)',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '深层多层感知机在初始化时每一层的梯度范数（梯度消失）', usage: USAGE_ZH } },
  run(argv, io) {
    const tr = translator(io.lang);
    const valueOptions = ['--depth', '--width', '--seeds', '--seed', '--batch', '--init', '--param'];
    const { values, positionals } = parseCliArgs(normalizeArgv(argv, valueOptions, ['--json']), {
          depth: { type: 'string' }, width: { type: 'string' }, seeds: { type: 'string' }, seed: { type: 'string' },
          batch: { type: 'string' }, init: { type: 'string' }, param: { type: 'string', multiple: true }, json: { type: 'boolean' },
        });
    if (positionals.length > 1) throw new CliError(cliText('flow.oneActivation', { count: positionals.length }));
    const { record, label, params } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    if (record.kind !== 'elementwise') throw new CliError(cliText('flow.vector', { id: record.id }));
    const init = (values.init ?? 'glorot_uniform') as FlowInit;
    if (!FLOW_INITS.includes(init)) throw new CliError(cliText('flow.init', { list: FLOW_INITS.join(', '), value: String(values.init) }));
    let result;
    try {
      result = gradientFlow(record, {
        depth: intOption('depth', values.depth, 20),
        width: intOption('width', values.width, 64),
        seeds: intOption('seeds', values.seeds, 5),
        seed: intOption('seed', values.seed, 0),
        batch: intOption('batch', values.batch, 32),
        init,
        params,
      });
    } catch (e) {
      if (e instanceof CliError) throw e;
      if (e instanceof GradientFlowError) throw new CliError(cliText('flow.failed', { label: excerpt(label), problem: verbatim(e.problem) }));
      throw new CliError(exprErrorText(e));
    }
    if (values.json) {
      io.out(toJson({ ...result, activation: label }));
      return 0;
    }
    const { depth, width, seeds, relativeGradNorm } = result;
    io.out(tr(seeds === 1 ? 'flow.titleOneSeed' : 'flow.title', { label, depth, width, init, seeds }));
    io.out(tr('flow.header', { depth }));
    // Bars on a log scale: the smallest ratio (at least 1e-12 below the largest) to the largest.
    const logs = relativeGradNorm.map((v) => Math.log10(Math.max(v, 1e-300)));
    const hi = Math.max(...logs);
    const lo = Math.min(Math.min(...logs), hi - 1);
    relativeGradNorm.forEach((v, i) => {
      const bar = '█'.repeat(Math.max(1, Math.round((30 * (logs[i] - lo)) / (hi - lo))));
      io.out(`${String(i + 1).padStart(5)}  ${v.toExponential(2).padEnd(10)}${bar}`);
    });
    return 0;
  },
};
