import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
/** The parts of package.json these tests read. */
interface Manifest { engines: { vscode: string }; contributes: { commands: { command: string; category?: string; title: string }[] } }
/** A JSON file of the repository; string tables (nls files, l10n bundles) unless told otherwise. */
const readJson = <T = Record<string, string>>(p: string): T => JSON.parse(readFileSync(path.join(root, p), 'utf8')) as T;
const pkg = readJson<Manifest>('package.json');

test('engines.vscode stays at ^1.100.0 or lower (the offline test host is 1.100.3)', () => {
  const m = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
  assert.ok(m, pkg.engines.vscode);
  assert.ok(Number(m[1]) <= 100);
});

test('every command has the Activation Lab category and a localized title', () => {
  const nls = readJson('package.nls.json');
  for (const c of pkg.contributes.commands) {
    assert.match(c.command, /^activationLab\.[a-z][A-Za-z]+$/);
    assert.equal(c.category, '%category%');
    const key = /^%(.+)%$/.exec(c.title)?.[1];
    assert.ok(key && key in nls, `${c.command}: title ${c.title} not in package.nls.json`);
  }
});

test('every %key% the manifest uses is in package.nls.json', () => {
  const nls = readJson('package.nls.json');
  const used = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 0);
  for (const k of used) assert.ok(k in nls, k);
});

for (const [en, zh] of [['package.nls.json', 'package.nls.zh-cn.json'], ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']] as const) {
  test(`${en} and ${zh} have the same keys, none empty`, () => {
    const a = readJson(en);
    const b = readJson(zh);
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
    for (const [k, v] of Object.entries(b)) assert.ok(typeof v === 'string' && v.trim() !== '', `${zh}: ${k}`);
  });
}

test('every vscode.l10n.t() string in src/ is in both runtime bundles', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
  const en = readJson('l10n/bundle.l10n.json');
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const missing: string[] = [];
  let count = 0;
  for (const f of files(path.join(root, 'src'))) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
      count++;
      const key = m[2].replace(/\\(['"\\])/g, '$1');
      if (!(key in en) || !(key in zh)) missing.push(`${path.relative(root, f)}: ${key}`);
    }
  }
  assert.ok(count > 10, `found only ${count} l10n.t calls`);
  assert.deepEqual(missing, []);
});
