// An activation evaluated at x as a person reads it, in English or Simplified Chinese: the lines
// `actlab eval` prints and VS Code's "Evaluate Activation at x" writes to its output channel. The
// words change with the language; the numbers are the same characters in both.
import type { ActivationRecord, MathText } from '../activations/types';
import { formulaText, type UiLanguage } from '../locale';
import { JACOBIAN_MAX, type Evaluation } from './evaluate';
import { fillTemplate } from '../template';

/** The words of the table by id; `{name}` is a value. */
export const EVALUATION_TEXT = {
  title: { en: '{label} ({params})', 'zh-cn': '{label}（{params}）' },
  noParams: { en: 'no parameters', 'zh-cn': '无参数' },
  derivative: { en: "f'(x)", 'zh-cn': 'f′(x)' },
  jacobian: { en: 'Jacobian (row i: ∂fᵢ/∂xⱼ):', 'zh-cn': '雅可比矩阵（第 i 行：∂fᵢ/∂xⱼ）：' },
  jacobianNote: {
    en: 'note: the {n}×{n} Jacobian is not printed (only up to {max} values); ∂fᵢ/∂xᵢ is its diagonal',
    'zh-cn': '注：{n}×{n} 的雅可比矩阵没有打印（最多 {max} 个值时才打印）；∂fᵢ/∂xᵢ 是它的对角线',
  },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

type EvaluationTextId = keyof typeof EVALUATION_TEXT;

function text(id: EvaluationTextId, lang: UiLanguage, values: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(EVALUATION_TEXT[id][lang], values);
}

/** A number for a text table: up to 8 significant digits, no trailing zeros; -0, NaN and ±Infinity as such. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  return String(Number(v.toPrecision(8)));
}

/** A formula as a language shows it: its Chinese form where it has words, and in Chinese the prime ′ (a custom record writes f'). */
export function formulaIn(math: MathText, lang: UiLanguage = 'en'): string {
  const shown = formulaText(math, lang);
  return lang === 'en' ? shown : shown.replace(/'/g, '′');
}

/**
 * The evaluation as lines: `label (params)`, the formula, then x, f(x) and f'(x) right-aligned (a
 * vector activation: its outputs and the Jacobian's diagonal, then the whole Jacobian when it is
 * small, or a note). `params` are the values used, by name.
 */
export function evaluationLines(record: ActivationRecord, label: string, params: Readonly<Record<string, number>>, evaluation: Evaluation, lang: UiLanguage): string[] {
  const { points, jacobian, jacobianNote } = evaluation;
  const given = Object.entries(params);
  const paramText = given.length ? given.map(([k, v]) => `${k}=${numberText(v)}`).join(', ') : text('noParams', lang);
  const lines = [text('title', lang, { label, params: paramText }), `  ${formulaIn(record.formula, lang)}`];
  const rows = [['x', 'f(x)', record.kind === 'vector' ? '∂fᵢ/∂xᵢ' : text('derivative', lang)], ...points.map((p) => [numberText(p.x), numberText(p.y), numberText(p.dy)])];
  const widths = [0, 1, 2].map((c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
  for (const r of rows) lines.push(r.map((cell, c) => cell.padStart(widths[c] + 2)).join(''));
  if (jacobian) {
    lines.push(text('jacobian', lang));
    for (const row of jacobian) lines.push(`  ${row.map((v) => numberText(v).padStart(14)).join('')}`);
  }
  if (jacobianNote) lines.push(text('jacobianNote', lang, { n: points.length, max: JACOBIAN_MAX }));
  return lines;
}
