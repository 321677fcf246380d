// `actlab props <id|expression> [--param name=value ...] [--json]`: measured properties.
import type { OutputRange } from '../../core/activations/types';
import { analyzeActivation, SATURATION_THRESHOLD } from '../../core/analysis/properties';
import { CliError, type CliCommand, parseCliArgs } from '../command';
import { displayNameIn } from '../../core/locale';
import { cliText, padColumns, translator } from '../l10n';
import { fmt, formulaIn, normalizeArgv, parseParamOptions, resolveActivationArg, toJson } from './activationArgs';

const USAGE = `actlab props <id|expression> [--param name=value ...] [--json]

Measures an activation's properties numerically (works for expressions too): output range,
zero-centred (E[f(z)], z ~ N(0,1)), monotonic, smooth (kinks, jumps), f'(0), max |f'|,
saturation (share of z ~ N(0,s²) with |f'(z)| < ${SATURATION_THRESHOLD}), dead zone (f' = 0) and the
variance-preserving init gain 1/sqrt(E[f(z)²]) (relu: sqrt(2)).
  --param NAME=VALUE   a parameter (repeatable)
  --json               machine-readable; non-finite numbers as "Infinity", "-Infinity", "NaN"`;

const USAGE_ZH = `用数值方法测量激活函数的性质（表达式也可以）：输出范围、是否以零为中心
（E[f(z)]，z ~ N(0, 1)）、是否单调、是否平滑（折点、跳跃点）、f′(0)、max |f′|、
饱和程度（z ~ N(0, s²) 中 |f′(z)| < ${SATURATION_THRESHOLD} 的比例）、死区（f′ = 0）以及保持方差的
初始化增益 1/sqrt(E[f(z)²])（ReLU 为 sqrt(2)）。
  --param NAME=VALUE   一个参数（可重复）
  --json               机器可读的输出；非有限数写成 \`"Infinity"\`、\`"-Infinity"\`、\`"NaN"\``;

function rangeText(r: OutputRange): string {
  const lo = r.min === -Infinity ? '(−∞' : `${r.minIncluded ? '[' : '('}${fmt(r.min)}`;
  const hi = r.max === Infinity ? '∞)' : `${fmt(r.max)}${r.maxIncluded ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

const intervalText = ([lo, hi]: [number, number]): string =>
  `${lo === -Infinity ? '(−∞' : `[${fmt(lo)}`}, ${hi === Infinity ? '∞)' : `${fmt(hi)}]`}`;


export const propsCommand: CliCommand = {
  name: 'props',
  summary: 'measure an activation\'s properties (range, smoothness, saturation, init gain, ...)',
  usage: USAGE,
  translations: { 'zh-cn': { summary: '测量激活函数的性质（输出范围、平滑性、饱和、初始化增益等）', usage: USAGE_ZH } },
  run(argv, io) {
    const tr = translator(io.lang);
    const { values, positionals } = parseCliArgs(
      normalizeArgv(argv, ['--param'], ['--json']),
      {
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    );
    if (positionals.length > 1) throw new CliError(cliText('props.oneActivation', { count: positionals.length }));
    const { record, label, params, expression } = resolveActivationArg(positionals[0], parseParamOptions(values.param));
    const head = { activation: label, displayName: displayNameIn(record, 'en'), kind: record.kind, formula: record.formula, derivative: record.derivative };
    if (record.kind === 'vector') {
      // Softmax-like functions map vectors to vectors: the scalar analyses do not apply.
      if (values.json) io.out(toJson({ ...head, range: record.range, properties: record.properties }));
      else {
        io.out(tr('props.vector', { label, name: displayNameIn(record, io.lang ?? 'en') }));
        io.out(`  ${padColumns(tr('props.formula'), 13)}${formulaIn(record.formula, io.lang)}`);
        io.out(`  ${padColumns(tr('props.derivative'), 13)}${formulaIn(record.derivative, io.lang)}`);
        io.out(`  ${padColumns(tr('props.range'), 13)}${tr('props.perComponent', { range: rangeText(record.range) })}`);
      }
      return 0;
    }
    const a = analyzeActivation(record, params);
    if (values.json) {
      const { activation: _id, ...rest } = a;
      io.out(toJson({ ...head, ...rest }));
      return 0;
    }
    const paramText = Object.keys(params).length ? tr('props.params', { list: Object.entries(params).map(([k, v]) => `${k}=${fmt(v)}`).join(', ') }) : '';
    const where = (xs: number[]): string => xs.map(fmt).join(', ');
    const yesNo = (b: boolean): string => tr(b ? 'props.yes' : 'props.no');
    const kinks = a.kinks.length ? cliText('props.kinks', { list: where(a.kinks) }) : undefined;
    const jumps = a.jumps.length ? cliText('props.jumps', { list: where(a.jumps) }) : undefined;
    const notSmooth = kinks && jumps ? cliText('props.kinksAndJumps', { kinks, jumps }) : kinks ?? jumps ?? '';
    const deadWhere = a.deadZone.intervals.length ? cliText('props.deadWhere', { list: a.deadZone.intervals.map(intervalText).join(', ') }) : '';
    const lines: [string, string][] = [
      [tr('props.formula'), formulaIn(record.formula, io.lang)],
      [tr('props.derivative'), formulaIn(record.derivative, io.lang)],
      [tr('props.range'), rangeText(a.range)],
      [tr('props.zeroCentred'), tr('props.mean', { answer: yesNo(a.zeroCentred), mean: fmt(a.mean) })],
      [tr('props.monotonic'), a.monotonic ? tr('props.monotonicYes', { direction: cliText(`props.${a.monotonic}`) }) : yesNo(false)],
      [tr('props.smooth'), a.smooth ? yesNo(true) : tr('props.notSmooth', { where: notSmooth })],
      [tr('props.derivativeAtZero'), fmt(a.derivativeAtZero)],
      [tr('props.maxDerivative'), tr('props.maxAt', { value: fmt(a.maxAbsDerivative.value), x: fmt(a.maxAbsDerivative.at) })],
      [tr('props.saturation'), tr('props.saturationShares', {
        shares: a.saturation.map((s) => `s=${s.s}: ${(100 * s.share).toFixed(1)}%`).join('  '), threshold: SATURATION_THRESHOLD,
      })],
      [tr('props.deadZone'), tr('props.deadShare', { pct: (100 * a.deadZone.share).toFixed(1), where: deadWhere })],
      [tr('props.initGain'), tr('props.gain', { gain: a.initGain.toFixed(6) })],
    ];
    io.out(tr('props.title', { label, name: expression ? cliText('props.expression') : displayNameIn(record, io.lang ?? 'en'), params: paramText }));
    for (const [k, v] of lines) io.out(`  ${padColumns(k, 13)}${v}`);
    return 0;
  },
};
