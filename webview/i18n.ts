// Webview strings in English and Simplified Chinese; the host tells the page its locale.
const en = {
  'section.functions': 'Functions',
  'section.train': 'Train',
  'section.runs': 'Runs',
  'section.guide': 'Guide',
  'status.loading': 'Loading…',
  'status.ready': 'Ready',
  'sections.label': 'Lab sections',
} as const;

export type MessageKey = keyof typeof en;

const zhCn: Record<MessageKey, string> = {
  'section.functions': '函数',
  'section.train': '训练',
  'section.runs': '运行记录',
  'section.guide': '选择指南',
  'status.loading': '加载中…',
  'status.ready': '就绪',
  'sections.label': '实验室分区',
};

export const bundles: Record<string, Record<MessageKey, string>> = { en, 'zh-cn': zhCn };

let current: Record<MessageKey, string> = en;

export function setLocale(locale: string): void {
  current = bundles[locale.toLowerCase()] ?? (locale.toLowerCase().startsWith('zh') ? zhCn : en);
}

export function t(key: MessageKey): string {
  return current[key];
}
