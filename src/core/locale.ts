// The one rule that decides the UI language from a locale tag, for every surface (webview, hovers,
// pickers): Simplified Chinese where the tag asks for it, English otherwise. Traditional Chinese
// falls back to English until a Traditional bundle exists (VS Code does the same for its own
// l10n bundles: `zh-tw` finds no `bundle.l10n.zh-tw.json`).

export type UiLanguage = 'en' | 'zh-cn';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'zh-cn'];

/** Regions whose Chinese is written in Simplified characters (China, Singapore). */
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg']);

/**
 * The UI language for a locale tag: VS Code's `env.language` (`zh-cn`), a BCP 47 tag
 * (`zh-Hans-CN`) or a POSIX locale (`zh_CN.UTF-8`). zh, zh-cn, zh-sg, zh-hans and zh-hans-*
 * give Simplified Chinese; zh-tw, zh-hk, zh-mo, zh-hant(-*) and every other language, English.
 */
export function uiLanguage(tag: string): UiLanguage {
  // POSIX: drop the encoding and modifier (zh_CN.UTF-8@pinyin), then '_' is '-'.
  const parts = tag.trim().toLowerCase().replace(/[.@].*$/, '').split(/[-_]/);
  if (parts[0] !== 'zh') return 'en';
  const rest = parts.slice(1);
  if (rest.length === 0) return 'zh-cn';
  if (rest[0] === 'hans') return 'zh-cn';
  if (rest[0] === 'hant') return 'en';
  return SIMPLIFIED_REGIONS.has(rest[0]) ? 'zh-cn' : 'en';
}

/** A formula's plain form in the UI language: its Chinese form where it has words, else the shared one. */
export function formulaText(math: { readonly unicode: string; readonly 'zh-cn'?: string }, lang: UiLanguage): string {
  return (lang === 'zh-cn' && math['zh-cn']) || math.unicode;
}

/** An activation's name as the language shows it: its Chinese name where the English one carries words, else the one name. */
export function displayNameIn(record: { readonly displayName: string; readonly displayNames?: { readonly 'zh-cn': string } }, lang: UiLanguage): string {
  return (lang === 'zh-cn' && record.displayNames?.['zh-cn']) || record.displayName;
}

/** A count as the language writes it: 10,000 in English; 10000 in Chinese, where a group comma would read as a comma. */
export function countText(n: number, lang: UiLanguage): string {
  return lang === 'en' ? n.toLocaleString('en') : String(n);
}

/** Items of a list in running text: "2, 4, 8"; in Chinese with the enumeration comma, "2、4、8". */
export function listText(items: readonly (string | number)[], lang: UiLanguage): string {
  return items.join(lang === 'en' ? ', ' : '、');
}
