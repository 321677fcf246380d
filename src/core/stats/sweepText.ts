// A sweep's numbers in words, the same on every surface (the CLI, report.html, the page, the
// guide's chooser): accuracies in percentage points, intervals as ± half-widths, p-values to the
// precision a verdict needs, and the verdict in English and Simplified Chinese.
import type { UiLanguage } from '../locale';
import type { SampleSummary } from './summary';
import type { SweepCell, SweepComparison } from './sweep';

/** A fraction of 1 in percentage points, two decimals: 0.97561 -> '97.56'. */
export function points(v: number): string {
  return (v * 100).toFixed(2);
}

/** Half the width of an interval, in points. */
export function halfPoints(ci: readonly [number, number]): string {
  return points((ci[1] - ci[0]) / 2);
}

/** A p-value to the precision a verdict needs: '< 0.001', '0.004', '0.62'. */
export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** 'p < 0.001', 'p = 0.004', 'p = 0.62'. */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${pValue(p)}`;
}

const NOT_ENOUGH: Record<UiLanguage, string> = { en: 'not enough seeds', 'zh-cn': '种子不够' };

/** A cell as '97.56 ± 0.29' (mean ± half the 95% interval, points), '97.47 (not enough seeds)' for one seed, '–' for none. */
export function summaryText(s: SampleSummary, lang: UiLanguage = 'en', scale = 100, digits = 2): string {
  if (s.mean === null) return '–';
  const m = (s.mean * scale).toFixed(digits);
  if (!s.ci95) return lang === 'en' ? `${m} (${NOT_ENOUGH.en})` : `${m}（${NOT_ENOUGH['zh-cn']}）`;
  return `${m} ± ${(((s.ci95[1] - s.ci95[0]) / 2) * scale).toFixed(digits)}`;
}

/** A cell's accuracy with how many of its seeds have finished: '97.56 ± 0.29 (3/3)'. */
export function cellText(c: SweepCell, lang: UiLanguage = 'en'): string {
  return `${summaryText(c, lang)} (${c.n}/${c.planned})`;
}

/** The verdict alone: 'relu better', 'not distinguishable', ... */
export function verdictText(c: SweepComparison, lang: UiLanguage = 'en'): string {
  switch (c.verdict) {
    case 'a-better': return lang === 'en' ? `${c.a} better` : `${c.a} 更好`;
    case 'b-better': return lang === 'en' ? `${c.b} better` : `${c.b} 更好`;
    case 'not-distinguishable': return lang === 'en' ? 'not distinguishable' : '无法区分';
    case 'not-enough-seeds': return lang === 'en' ? NOT_ENOUGH.en : NOT_ENOUGH['zh-cn'];
    case 'no-spread': return lang === 'en' ? 'no spread between seeds' : '各种子结果完全相同';
  }
}

/** The difference with its interval, in points: '+12.08 ± 1.31'. */
export function diffText(c: SweepComparison): string {
  if (c.diff === null) return '–';
  const sign = c.diff > 0 ? '+' : c.diff < 0 ? '−' : '';
  return `${sign}${points(Math.abs(c.diff))}${c.ci95 ? ` ± ${halfPoints(c.ci95)}` : ''}`;
}

/**
 * The comparison in one sentence, citing the Holm-adjusted p-value: 'at depth 8, relu beats
 * sigmoid by 12.08 ± 1.31 points, p < 0.001'; 'at depth 2, relu and tanh are not distinguishable
 * (difference 0.10 ± 0.40 points, p = 0.62)'.
 */
export function comparisonSentence(c: SweepComparison, lang: UiLanguage = 'en'): string {
  const zh = lang !== 'en';
  const at = zh ? `深度为 ${c.depth} 时，` : `at depth ${c.depth}, `;
  switch (c.verdict) {
    case 'a-better':
    case 'b-better': {
      const [win, lose] = c.verdict === 'a-better' ? [c.a, c.b] : [c.b, c.a];
      const by = `${points(Math.abs(c.diff!))} ± ${halfPoints(c.ci95!)}`;
      return zh ? `${at}${win} 比 ${lose} 高 ${by} 个百分点，${pText(c.pAdjusted!)}` : `${at}${win} beats ${lose} by ${by} points, ${pText(c.pAdjusted!)}`;
    }
    case 'not-distinguishable': {
      const diff = `${c.diff! < 0 ? '−' : ''}${points(Math.abs(c.diff!))} ± ${halfPoints(c.ci95!)}`;
      return zh ? `${at}${c.a} 与 ${c.b} 无法区分（差值 ${diff} 个百分点，${pText(c.pAdjusted!)}）`
        : `${at}${c.a} and ${c.b} are not distinguishable (difference ${diff} points, ${pText(c.pAdjusted!)})`;
    }
    case 'not-enough-seeds':
      return zh ? `${at}${c.a} 与 ${c.b}：种子不够，无法比较（每个格子至少要 2 个种子）`
        : `at depth ${c.depth}, ${c.a} and ${c.b}: not enough seeds to compare (each cell needs at least 2)`;
    case 'no-spread':
      return zh ? `${at}${c.a} 与 ${c.b} 每个种子的准确率都相同，无法检验` : `at depth ${c.depth}, ${c.a} and ${c.b} gave the same accuracy for every seed: nothing to test`;
  }
}
