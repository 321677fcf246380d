// The hover's Markdown for one activation reference: name and framework, formula and derivative,
// output range, the parameter defaults of the framework in that code, a plot of f and f' (a base64
// SVG data URI, a form VS Code 1.100's hover displays), the one-line doc, pros and cons, the paper,
// and command links into the lab. The links and the facts come first: a hover shows about 250 px
// before it scrolls, and the links must not be below that fold.
import type { ActivationRecord, Framework, OutputRange, ParamSpec } from '../activations/types';
import { displayNameIn, formulaText } from '../locale';
import { activationPlotSvg } from '../plot/activationPlot';
import { svgDataUri } from '../plot/svgPlot';
import { HOVER_COMMANDS, commandUri, type CompareActivationsArgs, type CopyAsCodeLinkArgs, type OpenGuideArgs, type OpenLabArgs } from './commandLinks';
import { FRAMEWORK_NAMES } from './frameworks';
import { label, type HoverLanguage } from './labels';
import type { ActivationReference } from './reference';

/** Text shown literally in Markdown: the characters that would start emphasis, code, links or HTML are escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** An inline code span that survives backticks in its content. */
export function codeSpan(s: string): string {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

/** A number as a person would write a default: 0.01, 0.3, 0.166667, 1e-8. */
export function formatNumber(v: number): string {
  if (v === Infinity) return '\u221e';
  if (v === -Infinity) return '\u2212\u221e';
  return String(Number(v.toPrecision(6))).replace(/^-/, '\u2212');
}

/** An interval in the usual notation: [0, ∞), (0, 1), (−∞, ∞). */
export function formatRange(r: OutputRange): string {
  const lo = Number.isFinite(r.min) ? formatNumber(Number(r.min.toPrecision(4))) : '\u2212\u221e';
  const hi = Number.isFinite(r.max) ? formatNumber(Number(r.max.toPrecision(4))) : '\u221e';
  return `${r.minIncluded && Number.isFinite(r.min) ? '[' : '('}${lo}, ${hi}${r.maxIncluded && Number.isFinite(r.max) ? ']' : ')'}`;
}

/** A parameter's name as the framework spells it (PyTorch's `negative_slope` for the lab's alpha). */
function paramName(spec: ParamSpec, framework: Framework | undefined): string {
  return (framework && spec.frameworkNames?.[framework]) || spec.name;
}

function paramList(record: ActivationRecord, values: Record<string, number>, framework: Framework | undefined, lang: HoverLanguage): string {
  return record.params
    .filter((s) => s.name in values)
    .map((s) => `${codeSpan(paramName(s, framework))} = ${formatNumber(values[s.name])}${s.learnable ? ` ${label(lang, 'learned')}` : ''}`)
    .join(', ');
}

export interface HoverMarkdownOptions {
  /** Plot size in CSS pixels. */
  plotWidth?: number;
  plotHeight?: number;
}

/**
 * The framework as every hover names it: TensorFlow's bundled Keras (`tf.keras.…`) is Keras, as
 * `keras.…` is (the code span beside it shows which was written), so one framework has one name.
 */
export function hoverFrameworkName(framework: Framework, alias: string): string {
  return framework === 'tensorflow' && alias.startsWith('tf.keras.') ? FRAMEWORK_NAMES.keras : FRAMEWORK_NAMES[framework];
}

/** The whole hover as Markdown (to be trusted for HOVER_COMMANDS only). */
export function hoverMarkdown(ref: ActivationReference, lang: HoverLanguage, options: HoverMarkdownOptions = {}): string {
  const { record, framework } = ref;
  const custom = record.origin === 'custom';
  const name = escapeMarkdown(displayNameIn(record, lang));
  const lines: string[] = [];

  const where = [custom ? label(lang, 'custom') : codeSpan(ref.written), framework ? hoverFrameworkName(framework, ref.alias) : undefined].filter(Boolean);
  lines.push(`**${name}** \u00b7 ${where.join(' \u00b7 ')}`, '');
  // The plot uses the values in this call where given, else the framework's defaults.
  const params = { ...ref.defaults, ...ref.given };
  lines.push(linksLine(record, params, framework, lang), '');

  const facts = [
    `**${label(lang, 'formula')}** ${codeSpan(formulaText(record.formula, lang))}`,
    `**${label(lang, 'derivative')}** ${codeSpan(formulaText(record.derivative, lang))}`,
    `**${label(lang, 'range')}** ${formatRange(record.range)}`,
  ];
  const defaultsTitle = framework ? label(lang, 'defaultsIn', hoverFrameworkName(framework, ref.alias)) : label(lang, 'defaults');
  facts.push(`**${defaultsTitle}** ${record.params.length ? paramList(record, ref.defaults, framework, lang) : label(lang, 'noParams')}`);
  if (Object.keys(ref.given).length) facts.push(`**${label(lang, 'inThisCall')}** ${paramList(record, ref.given, framework, lang)}`);
  lines.push(facts.join('  \n'), '');

  const svg = activationPlotSvg(record, params, { width: options.plotWidth, height: options.plotHeight }, lang);
  lines.push(`![${escapeMarkdown(label(lang, 'plotAlt', displayNameIn(record, lang)))}](${svgDataUri(svg)})`);
  // The legend says f and f'; a vector activation's plot needs to say which slice it shows.
  if (record.kind === 'vector') lines.push('', `*${escapeMarkdown(label(lang, 'sliceCaption', record.id))}*`);
  lines.push('', escapeMarkdown(record.doc[lang]), '');

  for (const [key, items] of [['pros', record.pros], ['cons', record.cons]] as const) {
    if (!items.length) continue;
    lines.push(`**${label(lang, key)}**`, '', ...items.slice(0, 3).map((t) => `- ${escapeMarkdown(t[lang])}`), '');
  }
  if (record.paper) {
    const p = record.paper;
    const link = `[${escapeMarkdown(p.title)}](${encodeURI(p.url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
    lines.push(`${label(lang, 'paper', link)} (${escapeMarkdown(p.authors)}, ${p.year})`, '');
  }

  return lines.join('\n').trimEnd();
}

/** The command links into the lab, on one line under the hover's title. */
function linksLine(record: ActivationRecord, params: Record<string, number>, framework: Framework | undefined, lang: HoverLanguage): string {
  const openLab: OpenLabArgs = { activation: record.id, params, ...(framework ? { framework } : {}) };
  const compare: CompareActivationsArgs = [record.id];
  const guide: OpenGuideArgs = { activation: record.id };
  const copy: CopyAsCodeLinkArgs = { activation: record.id, params, ...(framework ? { framework } : {}) };
  const title = (key: 'openInLabTip' | 'compareTip' | 'guideTip' | 'copyAsCodeTip'): string => label(lang, key, displayNameIn(record, lang)).replace(/["\\]/g, '\\$&');
  return [
    `[${label(lang, 'openInLab')}](${commandUri(HOVER_COMMANDS.openLab, openLab)} "${title('openInLabTip')}")`,
    `[${label(lang, 'compare')}](${commandUri(HOVER_COMMANDS.compare, compare)} "${title('compareTip')}")`,
    `[${label(lang, 'guide')}](${commandUri(HOVER_COMMANDS.guide, guide)} "${title('guideTip')}")`,
    `[${label(lang, 'copyAsCode')}](${commandUri(HOVER_COMMANDS.copyAsCode, copy)} "${title('copyAsCodeTip')}")`,
  ].join(' \u00b7 ');
}

