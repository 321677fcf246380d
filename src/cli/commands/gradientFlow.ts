// `actlab gradient-flow <id|expression> --depth 20 --width 64 [--json]`: the vanishing-gradient
// picture of an MLP at initialisation.
import { FLOW_INITS, gradientFlow, GradientFlowError, type FlowInit } from '../../core/analysis/gradientFlow';
import { excerpt } from '../../core/expr/errors';
import { CliError, type CliCommand, parseCliArgs } from '../command';
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

function intOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(v)) throw new CliError(`--${name} must be an integer, got '${text}'`);
  return v;
}

export const gradientFlowCommand: CliCommand = {
  name: 'gradient-flow',
  summary: 'gradient norm per layer of a deep MLP at initialisation (vanishing gradients)',
  usage: USAGE,
  async run(argv, io) {
    const valueOptions = ['--depth', '--width', '--seeds', '--seed', '--batch', '--init', '--param'];
    const { values, positionals } = parseCliArgs(normalizeArgv(argv, valueOptions, ['--json']), {
          depth: { type: 'string' }, width: { type: 'string' }, seeds: { type: 'string' }, seed: { type: 'string' },
          batch: { type: 'string' }, init: { type: 'string' }, param: { type: 'string', multiple: true }, json: { type: 'boolean' },
        });
    if (positionals.length > 1) throw new CliError(`expected one activation, got ${positionals.length} (quote an expression with spaces)`);
    const { record, label, params } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    if (record.kind !== 'elementwise') throw new CliError(`${record.id} is a vector activation; gradient flow needs an elementwise one (a hidden-layer activation)`);
    const init = (values.init ?? 'glorot_uniform') as FlowInit;
    if (!FLOW_INITS.includes(init)) throw new CliError(`--init must be one of ${FLOW_INITS.join(', ')}, got '${values.init}'`);
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
      if (e instanceof GradientFlowError) throw new CliError(`${excerpt(label)}: ${e.problem}`);
      throw new CliError((e as Error).message);
    }
    if (values.json) {
      io.out(toJson({ ...result, activation: label }));
      return 0;
    }
    const { depth, width, seeds, relativeGradNorm } = result;
    io.out(`${label}: depth ${depth}, width ${width}, ${init} init, ${seeds} seed${seeds === 1 ? '' : 's'} (geometric mean)`);
    io.out(`layer  ‖∂L/∂W‖ relative to layer ${depth}`);
    // Bars on a log scale: the smallest ratio (at least 1e-12 below the largest) to the largest.
    const logs = relativeGradNorm.map((v) => Math.log10(Math.max(v, 1e-300)));
    const hi = Math.max(...logs);
    const lo = Math.min(Math.min(...logs), hi - 1);
    relativeGradNorm.forEach((v, i) => {
      const bar = '█'.repeat(Math.max(1, Math.round((30 * (logs[i]! - lo)) / (hi - lo))));
      io.out(`${String(i + 1).padStart(5)}  ${v.toExponential(2).padEnd(10)}${bar}`);
    });
    return 0;
  },
};
