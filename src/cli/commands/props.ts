// `actlab props <id|expression> [--param name=value ...] [--json]`: measured properties.
import type { OutputRange } from '../../core/activations/types';
import { analyzeActivation, SATURATION_THRESHOLD } from '../../core/analysis/properties';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { fmt, normalizeArgv, parseParamOptions, resolveActivationArg, toJson } from './activationArgs';

const USAGE = `actlab props <id|expression> [--param name=value ...] [--json]

Measures an activation's properties numerically (works for expressions too): output range,
zero-centred (E[f(z)], z ~ N(0,1)), monotonic, smooth (kinks, jumps), f'(0), max |f'|,
saturation (share of z ~ N(0,s²) with |f'(z)| < ${SATURATION_THRESHOLD}), dead zone (f' = 0) and the
variance-preserving init gain 1/sqrt(E[f(z)²]) (relu: sqrt(2)).
  --param NAME=VALUE   a parameter (repeatable)
  --json               machine-readable; non-finite numbers as "Infinity", "-Infinity", "NaN"`;

function rangeText(r: OutputRange): string {
  const lo = r.min === -Infinity ? '(−∞' : `${r.minIncluded ? '[' : '('}${fmt(r.min)}`;
  const hi = r.max === Infinity ? '∞)' : `${fmt(r.max)}${r.maxIncluded ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

const intervalText = ([lo, hi]: [number, number]): string =>
  `${lo === -Infinity ? '(−∞' : `[${fmt(lo)}`}, ${hi === Infinity ? '∞)' : `${fmt(hi)}]`}`;

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const propsCommand: CliCommand = {
  name: 'props',
  summary: 'measure an activation\'s properties (range, smoothness, saturation, init gain, ...)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--param'], ['--json']),
      {
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    );
    if (positionals.length > 1) throw new CliError(`expected one activation or expression, got ${positionals.length} (quote an expression with spaces)`);
    const { record, label, params } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    const head = { activation: label, displayName: record.displayName, kind: record.kind, formula: record.formula, derivative: record.derivative };
    if (record.kind === 'vector') {
      // Softmax-like functions map vectors to vectors: the scalar analyses do not apply.
      if (values.json) io.out(toJson({ ...head, range: record.range, properties: record.properties }));
      else {
        io.out(`${label} (${record.displayName}): a vector activation; measured analyses apply to elementwise ones.`);
        io.out(`  formula      ${record.formula.unicode}`);
        io.out(`  derivative   ${record.derivative.unicode}`);
        io.out(`  range        ${rangeText(record.range)} per component`);
      }
      return 0;
    }
    const a = analyzeActivation(record, params);
    if (values.json) {
      const { activation: _id, ...rest } = a;
      io.out(toJson({ ...head, ...rest }));
      return 0;
    }
    const paramText = Object.keys(params).length ? ` (${Object.entries(params).map(([k, v]) => `${k}=${fmt(v)}`).join(', ')})` : '';
    const where = (xs: number[]): string => xs.map(fmt).join(', ');
    const lines: [string, string][] = [
      ['formula', record.formula.unicode],
      ['derivative', record.derivative.unicode],
      ['range', rangeText(a.range)],
      ['zero-centred', `${yesNo(a.zeroCentred)} (E[f(z)] = ${fmt(a.mean)}, z ~ N(0, 1))`],
      ['monotonic', a.monotonic ? `yes (${a.monotonic})` : 'no'],
      ['smooth', a.smooth ? 'yes' : `no (${[a.kinks.length ? `kinks at ${where(a.kinks)}` : '', a.jumps.length ? `jumps at ${where(a.jumps)}` : ''].filter(Boolean).join('; ')})`],
      ["f'(0)", fmt(a.derivativeAtZero)],
      ["max |f'|", `${fmt(a.maxAbsDerivative.value)} (at x = ${fmt(a.maxAbsDerivative.at)})`],
      ['saturation', `${a.saturation.map((s) => `s=${s.s}: ${(100 * s.share).toFixed(1)}%`).join('  ')}  (|f'| < ${SATURATION_THRESHOLD})`],
      ['dead zone', `${(100 * a.deadZone.share).toFixed(1)}% of N(0, 1)${a.deadZone.intervals.length ? `; f' = 0 on ${a.deadZone.intervals.map(intervalText).join(', ')}` : ''}`],
      ['init gain', `${a.initGain.toFixed(6)} (1/sqrt(E[f(z)²]))`],
    ];
    io.out(`${label} (${record.displayName})${paramText}`);
    for (const [k, v] of lines) io.out(`  ${k.padEnd(13)}${v}`);
    return 0;
  },
};
