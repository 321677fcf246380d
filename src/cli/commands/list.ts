// `actlab list [--json]`: every built-in activation, from the registry.
import { parseArgs } from 'node:util';
import { ACTIVATIONS } from '../../core/activations/registry';
import { CliError, type CliCommand } from '../command';
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
    let values;
    try {
      ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: false }));
    } catch (e) {
      throw new CliError((e as Error).message);
    }
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
