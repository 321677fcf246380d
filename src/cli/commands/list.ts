// `actlab list [--json]`: every built-in activation, from the registry.
import { ACTIVATIONS } from '../../core/activations/registry';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { toJson } from './activationArgs';

const USAGE = `actlab list [--json]

Lists every built-in activation: id, name and formula (the tutorial's six are marked *).
  --json   the full records (aliases, parameters and framework defaults, formulas, range,
           properties, pros/cons in en and zh-cn, paper, ONNX mapping, expression)`;

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the built-in activations',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length) throw new CliError(`unexpected argument '${positionals[0]}'`);
    if (values.json) {
      io.out(toJson(ACTIVATIONS));
      return 0;
    }
    const width = Math.max(...ACTIVATIONS.map((r) => r.id.length));
    const nameWidth = Math.max(...ACTIVATIONS.map((r) => r.displayName.length));
    const lines = ACTIVATIONS.map((r) => {
      const params = r.params.length ? `  [${r.params.map((p) => `${p.name}=${Number(p.default.toPrecision(6))}`).join(', ')}]` : '';
      return `${r.tutorial ? '*' : ' '} ${r.id.padEnd(width)}  ${r.displayName.padEnd(nameWidth)}  ${r.formula.unicode}${params}`;
    });
    io.out(lines.join('\n'));
    return 0;
  },
};
