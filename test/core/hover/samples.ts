// The sample files the host suite hovers over, read here too so the pure matcher is checked on
// the very same text; `offsetOf` finds a position by a needle instead of hard-coded columns.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLES_DIR = path.resolve(__dirname, '..', '..', 'host', 'fixtures', 'samples');

export function sample(name: string): string {
  return readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

/** The offset of `needle`'s `occurrence`-th appearance (0-based) in `text`, plus `delta`; throws if absent. */
export function offsetOf(text: string, needle: string, delta = 0, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not in the text`);
  }
  return at + delta;
}
