// The errors of an activation's parameters (resolveParams and each record's checkParams) in English
// and Simplified Chinese, by id. A ParamError carries its message (an id and the values it names),
// so it is rendered in the user's language where it is shown; `Error.message` stays the English text.
import type { Placeholders } from '../expr/messages';
import { listText, type UiLanguage } from '../locale';
import { fillTemplate } from '../template';

export const PARAM_MESSAGES = {
  unknownParam: { en: "unknown parameter '{name}' for {id} (its parameters: {list})", 'zh-cn': '{id} 没有参数“{name}”（它的参数：{list}）' },
  unknownParamNone: { en: "unknown parameter '{name}' for {id} (it has no parameters)", 'zh-cn': '{id} 没有参数“{name}”（它没有参数）' },
  givenTwice: {
    en: "parameter {param} of {id} is given twice (as '{first}' and '{second}')",
    'zh-cn': '{id} 的参数 {param} 给了两次（写作“{first}”和“{second}”）',
  },
  notFinite: { en: 'parameter {param} of {id} must be a finite number, got {value}', 'zh-cn': '{id} 的参数 {param} 必须是有限的数，实际为 {value}' },
  outOfRange: { en: 'parameter {param} of {id} must be in {range}, got {value}', 'zh-cn': '{id} 的参数 {param} 必须在 {range} 内，实际为 {value}' },
  invalidCombination: { en: 'invalid parameters for {id}: {problem}', 'zh-cn': '{id} 的参数无效：{problem}' },
  // the records' own checks across parameters
  minBelowMax: { en: '{min} ({minValue}) must be less than {max} ({maxValue})', 'zh-cn': '{min}（{minValue}）必须小于 {max}（{maxValue}）' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

export type ParamMessageId = keyof typeof PARAM_MESSAGES;

/** A value a parameter message names: text, a number, a list of names, or another parameter message. */
export type ParamArg = string | number | readonly string[] | ParamMessage;

/** One message: its id and the value of each name in its text. */
export type ParamMessage<K extends ParamMessageId = ParamMessageId> = K extends ParamMessageId
  ? { readonly id: K; readonly args: { readonly [P in Placeholders<(typeof PARAM_MESSAGES)[K]['en']>]: ParamArg } }
  : never;

/** A message by id; the arguments are checked against the names in its English text. */
export function paramMessage<K extends ParamMessageId>(id: K, args: ParamMessage<K>['args']): ParamMessage<K> {
  return { id, args } as ParamMessage<K>;
}

/** A message in a language; a list of names is written as the language lists them, a nested message in the same language. */
export function renderParamMessage(message: ParamMessage, lang: UiLanguage): string {
  const args = message.args as Readonly<Record<string, ParamArg>>;
  const value = (v: ParamArg): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return listText(v as readonly string[], lang);
    return renderParamMessage(v as ParamMessage, lang);
  };
  return fillTemplate(PARAM_MESSAGES[message.id][lang], args, value);
}

/** Parameters an activation does not accept; `text` says why, in every language. */
export class ParamError extends Error {
  constructor(readonly text: ParamMessage) {
    super(renderParamMessage(text, 'en'));
    this.name = 'ParamError';
  }
}
