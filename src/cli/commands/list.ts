// `actlab list [--json]`: every built-in activation, from the registry.
import { ACTIVATIONS } from '../../core/activations/registry';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { displayNameIn } from '../../core/locale';
import { cliText, columnWidth, padColumns } from '../l10n';
import { formulaIn, toJson } from './activationArgs';

const USAGE = `actlab list [--json]

Lists every built-in activation: id, name and formula (the tutorial's six are marked *).
  --json   the full records (aliases, parameters and framework defaults, formulas, range,
           properties, pros/cons in en and zh-cn, paper, ONNX mapping, expression)`;

const USAGE_ZH = `列出所有内置激活函数：id、名称和公式（教程中的六个标有 *）。
  --json   完整的记录（别名、参数及各框架的默认值、公式、输出范围、性质、
           英文和中文的优点与缺点、论文、ONNX 映射、表达式）`;

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the built-in activations',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '列出内置激活函数', usage: USAGE_ZH } },
  run(argv, io) {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length) throw new CliError(cliText('args.unexpected', { arg: positionals[0] }));
    if (values.json) {
      io.out(toJson(ACTIVATIONS));
      return 0;
    }
    const width = Math.max(...ACTIVATIONS.map((r) => r.id.length));
    // Names in terminal columns: an ideograph takes two, so a Chinese name lines up with the rest.
    const names = ACTIVATIONS.map((r) => displayNameIn(r, io.lang ?? 'en'));
    const nameWidth = Math.max(...names.map(columnWidth));
    const lines = ACTIVATIONS.map((r, i) => {
      const params = r.params.length ? `  [${r.params.map((p) => `${p.name}=${Number(p.default.toPrecision(6))}`).join(', ')}]` : '';
      return `${r.tutorial ? '*' : ' '} ${r.id.padEnd(width)}  ${padColumns(names[i], nameWidth)}  ${formulaIn(r.formula, io.lang)}${params}`;
    });
    io.out(lines.join('\n'));
    return 0;
  },
};
