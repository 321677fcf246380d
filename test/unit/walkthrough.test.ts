// The walkthrough (contributes.walkthroughs): the tutorial's chapters in order, each step's text
// in English and Simplified Chinese, its markdown in both languages (VS Code reads
// `<name>.nls.<locale>.md` before `<name>.md`), every image the markdown shows, every command a
// button runs, and the images equal to what scripts/walkthrough-media.ts draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCompareArgs, parseOpenLabArgs } from '../../src/protocol/commandArgs';
import { walkthroughImages, WALKTHROUGH_MEDIA_DIR } from '../../scripts/walkthrough-media';

const root = path.resolve(__dirname, '..', '..');
interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }
/** The parts of package.json these tests read. */
interface Manifest { contributes: { commands: { command: string }[]; walkthroughs: { id: string; title: string; description: string; steps: Step[] }[] } }
/** A JSON file of the repository; string tables (nls files) unless told otherwise. */
const readJson = <T = Record<string, string>>(p: string): T => JSON.parse(readFileSync(path.join(root, p), 'utf8')) as T;
const pkg = readJson<Manifest>('package.json');
const nls: Record<string, Record<string, string>> = { en: readJson('package.nls.json'), 'zh-cn': readJson('package.nls.zh-cn.json') };

const walkthroughs = pkg.contributes.walkthroughs;
const steps = walkthroughs[0].steps;
const declared = new Set(pkg.contributes.commands.map((c) => c.command));
/** VS Code's own commands a step may run. */
const WORKBENCH = new Set(['workbench.action.terminal.new']);

const key = (s: string): string => /^%(.+)%$/.exec(s)?.[1] ?? assert.fail(`${s} is not a %key%`);

/** Every `command:` link in a description: the id and its arguments (a JSON array). */
function commandLinks(description: string): { id: string; args: unknown[] }[] {
  return [...description.matchAll(/\]\(command:([\w.]+)(?:\?([^)\s]+))?\)/g)].map((m) => ({ id: m[1], args: m[2] ? (JSON.parse(decodeURIComponent(m[2])) as unknown[]) : [] }));
}

test("one walkthrough, the tutorial's chapters in order", () => {
  assert.equal(walkthroughs.length, 1);
  assert.deepEqual(steps.map((s) => s.id), ['activation', 'classics', 'softmax', 'choosing', 'experiment', 'custom', 'depth', 'mixing', 'copy']);
});

for (const lang of ['en', 'zh-cn'] as const) {
  test(`every title and description is in ${lang === 'en' ? 'package.nls.json' : 'package.nls.zh-cn.json'}, with the same buttons`, () => {
    const w = walkthroughs[0];
    for (const s of [w.title, w.description, ...steps.flatMap((st) => [st.title, st.description])]) {
      assert.ok(nls[lang][key(s)]?.trim(), `${lang}: ${s}`);
    }
    for (const st of steps) {
      const links = commandLinks(nls[lang][key(st.description)]).map((l) => JSON.stringify(l));
      assert.deepEqual(links, commandLinks(nls.en[key(st.description)]).map((l) => JSON.stringify(l)), st.id);
    }
  });
}

test('every button runs a declared command (or a workbench one) with arguments that command accepts', () => {
  for (const st of steps) {
    const links = commandLinks(nls.en[key(st.description)]);
    assert.ok(links.length >= 1, `${st.id} has no button`);
    for (const { id, args } of links) {
      assert.ok(declared.has(id) || WORKBENCH.has(id), `${st.id}: ${id}`);
      assert.ok(Array.isArray(args), `${st.id}: ${id} arguments must be a JSON array`);
      if (id === 'activationLab.openLab' && args.length) assert.ok(parseOpenLabArgs(args[0]), `${st.id}: ${JSON.stringify(args)}`);
      if (id === 'activationLab.compareActivations' && args.length) assert.ok(parseCompareArgs(args[0]), `${st.id}: ${JSON.stringify(args)}`);
    }
    for (const e of st.completionEvents ?? []) {
      const command = /^onCommand:(.+)$/.exec(e)?.[1];
      assert.ok(command && (declared.has(command) || WORKBENCH.has(command)), `${st.id}: ${e}`);
    }
  }
});

test('every step shows markdown in English and Simplified Chinese, and every image it names exists', () => {
  for (const st of steps) {
    const md = st.media.markdown;
    assert.ok(md && md.startsWith('media/walkthrough/') && md.endsWith('.md'), `${st.id}: ${md}`);
    const zh = md.replace(/\.md$/, '.nls.zh-cn.md');
    for (const file of [md, zh]) {
      const text = readFileSync(path.join(root, file), 'utf8');
      assert.match(text, /^# \S/, `${file} starts with a heading`);
      for (const [, src] of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        assert.ok(existsSync(path.join(root, path.dirname(file), src)), `${file}: ${src}`);
      }
    }
    // The two languages show the same images in the same order (a Chinese copy of a plot, `name.zh-cn.svg`, writes its legend in Chinese).
    const images = (file: string) => [...readFileSync(path.join(root, file), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(images(zh).map((src) => src.replace(/\.zh-cn\.svg$/, '.svg')), images(md), st.id);
    // and it shows the Chinese copy wherever one is drawn
    for (const src of images(zh)) assert.ok(src.endsWith('.zh-cn.svg') || !existsSync(path.join(root, path.dirname(zh), src.replace(/\.svg$/, '.zh-cn.svg'))), `${zh}: ${src}`);
    assert.match(readFileSync(path.join(root, zh), 'utf8'), /[\u4e00-\u9fff]/, `${zh} is in Chinese`);
  }
});

test('the images are what scripts/walkthrough-media.ts draws from the lab (node --import tsx scripts/walkthrough-media.ts)', () => {
  const images = walkthroughImages();
  assert.ok(Object.keys(images).length >= 7);
  for (const [name, svg] of Object.entries(images)) {
    const file = path.join(WALKTHROUGH_MEDIA_DIR, name);
    assert.ok(existsSync(file), name);
    assert.equal(readFileSync(file, 'utf8'), `${svg}\n`, `${name} is stale`);
  }
});
