// The hover's own words in English and Simplified Chinese. One table per language with the same
// keys (the type says so, and test/core/hover/labels.test.ts checks none is empty); the
// activations' own texts (doc, pros, cons) come from the registry in both languages.
import { uiLanguage, type UiLanguage } from '../locale';

export type HoverLanguage = UiLanguage;

const en = {
  formula: 'Formula',
  derivative: 'Derivative',
  range: 'Output range',
  defaultsIn: 'Defaults in {0}',
  defaults: 'Defaults',
  noParams: 'no parameters',
  inThisCall: 'In this call',
  learned: '(learned)',
  pros: 'Pros',
  cons: 'Cons',
  paper: 'Paper: {0}',
  custom: 'custom activation',
  plotAlt: 'Plot of {0} and its derivative',
  sliceCaption: 'Two-class slice {0}([x, 0])\u2080 (solid) and its derivative (dashed) on [\u22124, 4]',
  openInLab: 'Open in Lab',
  compare: 'Compare',
  guide: 'Guide',
  openInLabTip: 'Plot {0} in the Activation Lab',
  compareTip: 'Compare {0} with other activations',
  guideTip: 'Read about {0} in the guide',
  copyAsCode: 'Copy as Code',
  copyAsCodeTip: 'Copy {0} as PyTorch, Keras or JAX code',
} as const;

export type LabelKey = keyof typeof en;

export const HOVER_LABELS: Readonly<Record<HoverLanguage, Readonly<Record<LabelKey, string>>>> = {
  en,
  'zh-cn': {
    formula: '公式',
    derivative: '导数',
    range: '输出范围',
    defaultsIn: '{0} 中的默认值',
    defaults: '默认值',
    noParams: '无参数',
    inThisCall: '本次调用',
    learned: '（可学习）',
    pros: '优点',
    cons: '缺点',
    paper: '论文：{0}',
    custom: '自定义激活函数',
    plotAlt: '{0} 及其导数的图像',
    sliceCaption: '输入为 [x, 0] 时的第一个输出 {0}([x, 0])\u2080（实线）及其导数（虚线），x \u2208 [\u22124, 4]',
    openInLab: '在实验室中打开',
    compare: '比较',
    guide: '指南',
    openInLabTip: '在激活函数实验室中绘制 {0}',
    compareTip: '将 {0} 与其他激活函数比较',
    guideTip: '在指南中阅读 {0}',
    copyAsCode: '复制为代码',
    copyAsCodeTip: '将 {0} 复制为 PyTorch、Keras 或 JAX 代码',
  },
};

/** The hover language for VS Code's display language (`vscode.env.language`): the lab's one locale rule. */
export function hoverLanguage(displayLanguage: string): HoverLanguage {
  return uiLanguage(displayLanguage);
}

/** A label with `{0}`, `{1}`... filled in. */
export function label(lang: HoverLanguage, key: LabelKey, ...args: string[]): string {
  return HOVER_LABELS[lang][key].replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
}
