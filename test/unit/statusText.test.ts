// One status vocabulary on every surface: each run status has its English word (its own name, as
// results.json writes it) and a Chinese one; the host, the page, the CLI and report.html take
// them from the one table; no host file words a status by itself, and the host's sentences around
// them are in both runtime bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RUN_STATUSES } from '../../src/core/train/results';
import { RUN_STATUS_TEXT, runStateText, runStatusText } from '../../src/core/train/statusText';
import { bundles, setLocale } from '../../webview/i18n';
import { statusText } from '../../webview/jobText';
import { durationText } from '../../src/protocol/jobSnapshot';
import { countText, listText } from '../../src/core/locale';

const root = path.resolve(__dirname, '..', '..');
const IDEOGRAPH = /\p{Script=Han}/u;

test('every run status has its English word and a Chinese one, no two alike', () => {
  assert.deepEqual(Object.keys(RUN_STATUS_TEXT.en).sort(), [...RUN_STATUSES].sort());
  assert.deepEqual(Object.keys(RUN_STATUS_TEXT['zh-cn']).sort(), [...RUN_STATUSES].sort());
  for (const s of RUN_STATUSES) {
    assert.equal(runStatusText(s, 'en'), s);
    assert.match(runStatusText(s, 'zh-cn'), IDEOGRAPH, s);
    assert.doesNotMatch(runStatusText(s, 'zh-cn'), /[A-Za-z]/, s);
  }
  assert.equal(new Set(Object.values(RUN_STATUS_TEXT['zh-cn'])).size, RUN_STATUSES.length);
  // a stopped run says how far it got
  assert.equal(runStateText({ status: 'cancelled', history: { length: 2 } }, 5, 'zh-cn'), '第 2/5 轮后停止');
  assert.equal(runStateText({ status: 'cancelled', history: { length: 0 } }, 5, 'en'), 'stopped before it started');
  assert.equal(runStateText({ status: 'completed', history: { length: 5 } }, 5, 'zh-cn'), '已完成');
});

test('the page takes its status words from the same table', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    for (const s of RUN_STATUSES) assert.equal(bundles[lang][`status.${s}`], RUN_STATUS_TEXT[lang][s], `${lang} ${s}`);
    setLocale(lang);
    assert.equal(statusText({ status: 'cancelled', history: [] }, 3), runStateText({ status: 'cancelled', history: { length: 0 } }, 3, lang));
  }
  setLocale('en');
});

test('durations, counts and lists in each language: no English unit or group comma in Chinese', () => {
  assert.deepEqual([45, 185, 3720].map((s) => durationText(s)), ['45 s', '3 min 05 s', '1 h 02 min']);
  assert.deepEqual([45, 185, 3720].map((s) => durationText(s, 'zh-cn')), ['45 秒', '3 分 05 秒', '1 小时 02 分']);
  assert.equal(countText(10000, 'en'), '10,000');
  assert.equal(countText(10000, 'zh-cn'), '10000');
  assert.equal(listText([2, 4, 8], 'en'), '2, 4, 8');
  assert.equal(listText([2, 4, 8], 'zh-cn'), '2、4、8');
});

/** The host's source files. */
function hostFiles(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
  return walk(path.join(root, 'src', 'host'));
}

test('no host surface words a run status by itself: statuses go through the one vocabulary (logs aside)', () => {
  const raw: string[] = [];
  for (const file of hostFiles()) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/\blog\.(info|warn|error|debug|trace)\(/.test(line)) return; // the output channel is for developers, in English
      // a status put into text as it is: `${r.status}`, `return r.status;`, `+ run.status`
      if (/\$\{[^}]*\.status\}|return [\w.?]*\.status;|\+ [\w.?]*\.status\b/.test(line)) raw.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(raw, []);
  const runText = readFileSync(path.join(root, 'src/host/runText.ts'), 'utf8');
  assert.match(runText, /runStatusText\(status, displayLanguage\(\)\)/, 'the host words a status from the one table, in VS Code\'s language by the one rule');
});

test('the host\'s sentences around statuses are in both runtime bundles, in Chinese', () => {
  const en = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const key of ['Training finished: {0}', 'Training stopped; finished epochs are kept: {0}', '{0} on {1} test images', '{0}/{1} epochs', '{0} epochs', '{0}, {1}',
    'Training {0}% ({1}/{2} runs)', 'quick run, {0} training images', 'full run']) {
    assert.ok(key in en, `${key} in bundle.l10n.json`);
    assert.ok(key in zh && zh[key] !== key, `${key} translated in bundle.l10n.zh-cn.json`);
  }
  // the list of run outcomes in a notification: an item may hold a comma of its own
  assert.equal(zh['{0}, {1}'], '{0}；{1}');
});
