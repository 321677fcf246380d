// The names people read instead of ids: an activation with its parameters ("Leaky ReLU
// (alpha 0.01)"), a run ("ReLU + Tanh", "Leaky ReLU (alpha 0.3) #2"), an experiment's time
// ("29 Nov 2026, 23:04"), and a file name made of them. Charts, tables, pickers and exported
// files all use these, so a run is called the same everywhere.
import { findActivation } from '../activations/registry';
import { displayNameIn, type UiLanguage } from '../locale';

/** A number as written in a name: 0.01, 0.3, 1.6733 (at most 5 significant digits). */
function short(v: number): string {
  return String(Number(v.toPrecision(5)));
}

/**
 * One activation spec as the lab writes it ('leaky_relu', 'leaky_relu(alpha=0.3)', a custom
 * name) to its display name in `lang` with every parameter: given ones, else the registry's
 * defaults ("Leaky ReLU (alpha 0.3)"; "GELU（tanh 近似）" in Chinese). A name the registry does not know (a custom activation) is shown as written.
 */
export function activationName(spec: string, lang: UiLanguage): string {
  const m = /^([^()]+)(?:\((.*)\))?$/.exec(spec.trim());
  const id = m?.[1] ?? spec;
  const record = findActivation(id);
  if (!record || record.id !== id) return spec;
  const given = new Map<string, number>();
  for (const part of (m?.[2] ?? '').split(',')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined && Number.isFinite(Number(v))) given.set(k.trim(), Number(v));
  }
  const params = record.params.map((p) => `${p.name} ${short(given.get(p.name) ?? p.default)}`);
  const name = displayNameIn(record, lang);
  return params.length ? `${name} (${params.join(', ')})` : name;
}

/** An activation with the parameter values a page has set (its sliders). */
export function activationNameWith(id: string, params: Readonly<Record<string, number>>, lang: UiLanguage): string {
  const given = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(',');
  return activationName(given ? `${id}(${given})` : id, lang);
}

/**
 * A run's display name in `lang` from its id and its per-layer activations: the activation's name
 * when every layer has the same one, else the layers' names joined by " + "; a repeated run keeps
 * its number.
 */
export function runName(id: string, activations: readonly string[] | undefined, lang: UiLanguage): string {
  const repeat = /-(\d+)$/.exec(id)?.[1];
  const layers = activations?.length ? activations : id.replace(/-\d+$/, '').split('+');
  const names = layers.map((spec) => activationName(spec, lang));
  const base = names.every((n) => n === names[0]) ? names[0] : names.join(' + ');
  return repeat ? `${base} #${repeat}` : base;
}

/** Display names for a chart's series, made unique ("… #2") where two runs would read the same. */
export function uniqueNames(entries: readonly { id: string; name: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Map<string, number>();
  for (const { id, name } of entries) {
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    out[id] = n === 1 ? name : `${name} #${n}`;
  }
  return out;
}

/**
 * An experiment's time in the reader's language, in the local time zone: "29 Nov 2026, 23:04";
 * in Chinese "2026 年 11 月 29 日 23:04" (a space between digits and ideographs, the lab's
 * typography, l10n/terms.md). An unreadable stamp is returned as it is.
 */
export function readableDate(iso: string, lang: UiLanguage, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const zone = timeZone ? { timeZone } : {};
  if (lang === 'en') {
    return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, ...zone }).format(d);
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, ...zone })
    .formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year} 年 ${Number(parts.month)} 月 ${Number(parts.day)} 日 ${parts.hour}:${parts.minute}`;
}

/**
 * A file name from display names: letters, digits and - only, lower case, at most 80 characters
 * ("accuracy-relu-tanh-2026-11-29-2304"); what an export dialog suggests.
 */
export function fileName(...parts: string[]): string {
  const s = parts.join('-').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.slice(0, 80).replace(/-+$/, '')) || 'chart';
}

/** A time stamp for a file name, local time: 2026-11-29-2304. */
export function fileStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
