// Simplified Chinese as a first language: every Chinese string the product ships uses the terms of
// l10n/terms.md (its table's forbidden variants are read from the file) and its typography rules
// (full-width punctuation in Chinese sentences, half-width in formulas and code, a space between
// Chinese and Latin text, no ASCII quotes, the prime ′).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATIONS, resolveParams } from '../../src/core/activations/registry';
import { FRAMEWORKS } from '../../src/core/activations/types';
import { CHART_LABELS } from '../../src/core/charts/labels';
import { CONSTRAINTS, recommend, type Constraint } from '../../src/core/guide/chooser';
import { CONSIDERATIONS, LAYER_ADVICE, LAYER_ROLES, TASKS, TUTORIAL_FUNCTIONS } from '../../src/core/guide/content';
import { EXPECTED_RESULT, YOUR_RUNS } from '../../src/core/guide/experiment';
import { NON_LINEARITY } from '../../src/core/guide/nonLinearity';
import { QUESTIONS, QUESTIONS_INTRO, QUESTIONS_TITLE } from '../../src/core/guide/questions';
import { READING, READING_TITLE } from '../../src/core/guide/reading';
import { TRENDS, TRENDS_TITLE } from '../../src/core/guide/trends';
import { HOVER_LABELS } from '../../src/core/hover/labels';
import { hoverMarkdown } from '../../src/core/hover/markdown';
import { displayNameIn, formulaText } from '../../src/core/locale';
import { EVALUATION_TEXT } from '../../src/core/analysis/evaluationText';
import { VERIFY_TEXT } from '../../src/core/onnx/verifyText';
import { ONNX_CHECK_MESSAGES } from '../../src/core/onnx/checkMessages';
import { EXPR_MESSAGES } from '../../src/core/expr/messages';
import { PARAM_MESSAGES } from '../../src/core/activations/paramMessages';
import { CLI_MESSAGES } from '../../src/cli/messages';
import { cliCommands } from '../../src/cli/commands/index';
import { bundles } from '../../webview/i18n';
import { PLAYGROUND_STRINGS } from '../../webview/playground/strings';
import { sweepMethod, type SweepComparison } from '../../src/core/stats/sweep';
import { cellText, comparisonSentence, verdictText } from '../../src/core/stats/sweepText';
import { REPORT_TEXT } from '../../src/core/report/text';
import { RUN_STATUS_TEXT, runStateText } from '../../src/core/train/statusText';

const root = path.resolve(__dirname, '..', '..');
const read = (p: string): string => readFileSync(path.join(root, p), 'utf8');

/** One shipped string and where it comes from (for the failure message). */
interface Shipped {
  surface: string;
  where: string;
  text: string;
}

/** Every string the Simplified Chinese UI shows, by surface. */
function shippedChinese(): Shipped[] {
  const out: Shipped[] = [];
  const add = (surface: string, where: string, text: string): void => void out.push({ surface, where, text });
  for (const [k, v] of Object.entries(JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>)) add('l10n bundle', k, v);
  for (const [k, v] of Object.entries(JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>)) add('package.nls', k, v);
  for (const [k, v] of Object.entries(bundles['zh-cn'])) add('webview strings', k, v);
  for (const [k, v] of Object.entries(PLAYGROUND_STRINGS['zh-cn'])) add('playground strings', k, v);
  for (const r of ACTIVATIONS) {
    add('registry', `${r.id}.displayName`, displayNameIn(r, 'zh-cn'));
    add('registry', `${r.id}.doc`, r.doc['zh-cn']);
    r.pros.forEach((p, i) => add('registry', `${r.id}.pros[${i}]`, p['zh-cn']));
    r.cons.forEach((c, i) => add('registry', `${r.id}.cons[${i}]`, c['zh-cn']));
    for (const p of r.params) if (p.doc) add('registry', `${r.id}.params.${p.name}`, p.doc['zh-cn']);
    add('formulas', `${r.id}.formula`, formulaText(r.formula, 'zh-cn'));
    add('formulas', `${r.id}.derivative`, formulaText(r.derivative, 'zh-cn'));
  }
  const guide = (where: string, text: { 'zh-cn': string }): void => add('guide', where, text['zh-cn']);
  for (const a of LAYER_ADVICE) { guide(`advice.${a.role}.${a.task ?? ''}.title`, a.title); guide(`advice.${a.role}.${a.task ?? ''}`, a.text); }
  for (const s of [...CONSIDERATIONS, ...TRENDS, TUTORIAL_FUNCTIONS, NON_LINEARITY, EXPECTED_RESULT]) { guide(`${s.id}.title`, s.title); guide(s.id, s.text); }
  for (const [k, v] of Object.entries(YOUR_RUNS)) guide(`yourRuns.${k}`, v);
  for (const q of QUESTIONS) { guide(`${q.id}.question`, q.question); guide(`${q.id}.answer`, q.answer); }
  for (const r of READING) { guide(`reading.${r.url}`, r.note); add('guide', `reading.${r.url}.title`, r.title); if (r.byline) add('guide', `reading.${r.url}.byline`, r.byline); }
  for (const [k, v] of Object.entries({ TRENDS_TITLE, QUESTIONS_TITLE, QUESTIONS_INTRO, READING_TITLE })) guide(k, v);
  // the chooser's reasons: every answer it can give, with runs as evidence
  const seen = new Set<string>();
  const constraintSets: Constraint[][] = [[], ...CONSTRAINTS.map((c) => [c]), [...CONSTRAINTS]];
  for (const role of LAYER_ROLES) for (const task of TASKS) for (const depth of [2, 20]) for (const constraints of constraintSets) {
    const evidence = { relu: 0.975, tanh: 0.97, sigmoid: 0.96, softmax: 0.9, identity: 0.9 };
    // the evidence's provenance too: none given, a quick run, a full run
    for (const evidenceFrom of [undefined, { experiment: 'x', createdAt: '2026-01-01T00:00:00.000Z', epochs: 5, quick: true, trainImages: 6000, testImages: 1200 }, { experiment: 'y', createdAt: '2026-01-01T00:00:00.000Z', epochs: 10, quick: false, testImages: 10000 }]) {
      for (const rec of recommend({ role, task, depth, constraints, evidence, ...(evidenceFrom ? { evidenceFrom } : {}) })) {
        for (const reason of rec.reasons) if (!seen.has(reason.text['zh-cn'])) { seen.add(reason.text['zh-cn']); add('chooser', rec.activation, reason.text['zh-cn']); }
      }
    }
  }
  // a sweep's words: its method, every verdict and sentence, and the chooser citing it
  add('sweep', 'method', sweepMethod(18)['zh-cn']);
  const base = { depth: 8, a: 'relu', b: 'sigmoid', nA: 3, nB: 3, diff: 0.12, ci95: [0.1, 0.14] as [number, number], t: 9, df: 3.1, p: 0.0004, pAdjusted: 0.002, significant: true };
  const comparisons: SweepComparison[] = (['a-better', 'b-better', 'not-distinguishable', 'not-enough-seeds', 'no-spread'] as const).map((verdict) => ({ ...base, verdict }));
  for (const c of comparisons) { add('sweep', `${c.verdict} sentence`, comparisonSentence(c, 'zh-cn')); add('sweep', `${c.verdict} verdict`, verdictText(c, 'zh-cn')); }
  add('sweep', 'one seed', cellText({ activation: 'relu', depth: 2, planned: 3, seeds: [1], accuracies: [0.97], n: 1, mean: 0.97, sd: null, ci95: null, finalLoss: { n: 1, mean: 0.1, sd: null, ci95: null }, gradients: [] }, 'zh-cn'));
  for (const depth of [8, 5]) {
    for (const rec of recommend({ role: 'hidden', task: 'multiclass', depth, constraints: [], sweep: { depths: [2, 8], seeds: [1, 2, 3], comparisons: comparisons.map((c, i) => ({ ...c, a: ['relu', 'tanh', 'elu', 'gelu', 'silu'][i] })) } })) {
      for (const reason of rec.reasons) if (reason.fromSweep) add('chooser (sweep)', `${rec.activation} at ${depth}`, reason.text['zh-cn']);
    }
  }
  for (const [k, v] of Object.entries(HOVER_LABELS['zh-cn'])) add('hover labels', k, v);
  for (const r of ACTIVATIONS) for (const framework of [undefined, ...FRAMEWORKS]) {
    if (framework && !r.aliases[framework]) continue;
    const ref = { start: 0, end: 1, written: r.id, form: 'qualified' as const, record: r, framework, alias: r.id, defaults: resolveParams(r, {}, framework), given: {} };
    add('hover', `${r.id} (${framework ?? 'no framework'})`, hoverMarkdown(ref, 'zh-cn'));
  }
  for (const [k, v] of Object.entries(CHART_LABELS['zh-cn'])) add('chart labels', k, v);
  // message tables: a named value ({name}) reads as a placeholder, like the bundles' {0}
  const placeholders = (text: string): string => text.replace(/\{[A-Za-z]\w*\}/g, '{0}');
  for (const [k, v] of Object.entries(EXPR_MESSAGES)) add('expression errors', k, placeholders(v['zh-cn']));
  for (const [k, v] of Object.entries(PARAM_MESSAGES)) add('parameter errors', k, placeholders(v['zh-cn']));
  for (const [k, v] of Object.entries(CLI_MESSAGES)) add('CLI messages', k, placeholders(v['zh-cn']));
  // what `actlab eval` / `actlab verify` print and the host writes to its output channel
  for (const [k, v] of Object.entries(EVALUATION_TEXT)) add('evaluation', k, placeholders(v['zh-cn']));
  for (const [k, v] of Object.entries(VERIFY_TEXT)) add('verification', k, placeholders(v['zh-cn']));
  for (const [k, v] of Object.entries(ONNX_CHECK_MESSAGES)) add('ONNX check errors', k, placeholders(v['zh-cn']));
  for (const c of cliCommands) {
    const zh = c.translations?.['zh-cn'];
    if (zh) { add('CLI usage', `${c.name}.summary`, zh.summary); add('CLI usage', `${c.name}.usage`, zh.usage); }
  }
  // report.html's words (its markup out, <code> spans as code) and the statuses every surface shows
  for (const [k, v] of Object.entries(REPORT_TEXT['zh-cn'])) add('report.html', k, placeholders(v.replace(/<code>[^<]*<\/code>/g, '`code`').replace(/<[^>]+>/g, '')));
  for (const [k, v] of Object.entries(RUN_STATUS_TEXT['zh-cn'])) add('statuses', k, v);
  add('statuses', 'stopped', runStateText({ status: 'cancelled', history: { length: 2 } }, 5, 'zh-cn'));
  add('statuses', 'stopped before', runStateText({ status: 'cancelled', history: { length: 0 } }, 5, 'zh-cn'));
  // the walkthrough's Chinese steps, paragraph by paragraph (a code span may wrap)
  for (const name of readdirSync(path.join(root, 'media/walkthrough')).filter((n) => n.endsWith('.nls.zh-cn.md'))) {
    read(`media/walkthrough/${name}`).split(/\n\s*\n/).forEach((paragraph, i) => add('walkthrough', `${name} paragraph ${i + 1}`, paragraph));
  }
  // the Chinese README, line by line, outside fenced code
  read('README.zh-cn.md').split(/^```[\s\S]*?^```$/m).join('').split('\n').forEach((line, i) => add('README.zh-cn.md', `line ${i + 1}`, line));
  return out;
}

const IDEOGRAPH = /\p{Script=Han}/u;
const IDEO = '\\u4e00-\\u9fff';
/** Full-width punctuation: CJK symbols, full-width forms, curly quotes. */
const FULL = '\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';

/** Removes what the rules exempt: code spans, Markdown link targets (with their titles); placeholders become a Latin letter. */
function exemptRemoved(s: string): string {
  // code spans, and command-line options (`--epochs N` in a CLI usage is what the user types)
  let out = s.replace(/`[^`]*`/g, ' ').replace(/(?<![\w-])--[a-z][a-z-]*/g, ' ');
  // `](target "title")`: a URL and a tooltip, with balanced brackets inside
  for (let i = out.indexOf(']('); i >= 0; i = out.indexOf('](', i + 1)) {
    let depth = 0;
    let quoted = false;
    let j = i + 1;
    for (; j < out.length; j++) {
      const c = out[j];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === '(') depth++;
      else if (!quoted && c === ')' && --depth === 0) break;
    }
    out = `${out.slice(0, i + 1)}${out.slice(j + 1)}`;
  }
  // an image is `![alt](target)`: its `!` is Markdown, not punctuation
  return out.replace(/!\[/g, '[').replace(/\\([\\`*_[\]<>|~])/g, '$1').replace(/\{\d+\}/g, 'X');
}

/** The typography problems of one Chinese string, each with its context. */
function typographyProblems(text: string): string[] {
  if (!IDEOGRAPH.test(text)) return /['"]/.test(exemptRemoved(text)) ? ['ASCII quote or prime'] : [];
  const s = exemptRemoved(text);
  const problems: string[] = [];
  const at = (i: number): string => s.slice(Math.max(0, i - 6), i + 7);
  const cjkOrFull = new RegExp(`[${IDEO}${FULL}]`);
  const ideo = new RegExp(`[${IDEO}]`);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const prev = s[i - 1] ?? '';
    const next = s[i + 1] ?? '';
    if (c === '\n') depth = 0;
    if (c === '(' || c === '[') depth++;
    if ((c === ')' || c === ']') && depth > 0) depth--;
    if (';?!'.includes(c)) problems.push(`half-width ${c} in Chinese text: “${at(i)}”`);
    else if (c === '(' || c === ')') {
      // a formula's bracket may meet a full-width mark (`f(x)，`); an ideograph inside or against it is Chinese text
      if (ideo.test(prev) || ideo.test(next)) problems.push(`half-width ${c} in a Chinese sentence: “${at(i)}”`);
    } else if (c === ',' || c === ':') {
      const touches = cjkOrFull.test(prev) || cjkOrFull.test(next);
      const glued = /\p{L}/u.test(next);
      const restOfLine = s.slice(i + 1).split('\n')[0];
      const sentenceComma = c === ',' && depth === 0 && ideo.test(restOfLine);
      if (touches || glued || sentenceComma) problems.push(`half-width ${c} in a Chinese sentence: “${at(i)}”`);
    } else if (c === '.' && ideo.test(prev)) problems.push(`half-width . after Chinese: “${at(i)}”`);
    else if (c === "'" || c === '"') problems.push(`ASCII ${c} (quotes are “ ”, the prime is ′): “${at(i)}”`);
  }
  const latin = '[A-Za-z0-9\\u0370-\\u03ff]';
  for (const m of s.matchAll(new RegExp(`[${IDEO}]${latin}|${latin}[${IDEO}]`, 'gu'))) problems.push(`no space between Chinese and Latin: “${at(m.index)}”`);
  return problems;
}

interface Forbidden {
  concept: string;
  written: string;
  pattern: RegExp;
}

/** The forbidden variants of l10n/terms.md's table: `text` literally, `/re/flags` as a regular expression. */
function forbiddenVariants(): Forbidden[] {
  const md = read('l10n/terms.md');
  const table = md.slice(md.indexOf('## Terms'), md.indexOf('## Typography'));
  const rows = table.split('\n').filter((l) => l.startsWith('|')).slice(2);
  assert.ok(rows.length >= 20, `terms.md has ${rows.length} rows`);
  return rows.flatMap((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    assert.equal(cells.length, 4, `a row of four cells: ${row}`);
    return [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => {
      const re = /^\/(.+)\/([a-z]*)$/.exec(m[1]);
      const pattern = re ? new RegExp(re[1], `${re[2]}u`) : new RegExp(m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u');
      return { concept: cells[0], written: m[1], pattern };
    });
  });
}

test('every surface ships Chinese strings (the scan reads them all)', () => {
  const bySurface = new Map<string, number>();
  for (const s of shippedChinese()) if (IDEOGRAPH.test(s.text)) bySurface.set(s.surface, (bySurface.get(s.surface) ?? 0) + 1);
  for (const surface of ['l10n bundle', 'package.nls', 'webview strings', 'playground strings', 'registry', 'formulas', 'guide', 'chooser', 'hover labels', 'hover', 'chart labels', 'expression errors', 'parameter errors', 'CLI messages', 'evaluation', 'verification', 'ONNX check errors', 'CLI usage', 'report.html', 'statuses', 'walkthrough', 'README.zh-cn.md']) {
    assert.ok((bySurface.get(surface) ?? 0) > 0, `no Chinese strings found for ${surface}`);
  }
});

test("no Chinese string uses a variant that l10n/terms.md forbids", () => {
  const forbidden = forbiddenVariants();
  assert.ok(forbidden.some((f) => f.written === '光滑') && forbidden.some((f) => f.written === 'Worker'), 'the table is read');
  const hits: string[] = [];
  for (const s of shippedChinese()) {
    if (!IDEOGRAPH.test(s.text)) continue;
    const text = exemptRemoved(s.text);
    for (const f of forbidden) if (f.pattern.test(text)) hits.push(`${s.surface} ${s.where}: ${f.written} (${f.concept}) in “${s.text.slice(0, 120)}”`);
  }
  assert.deepEqual(hits, []);
});

test('every Chinese string follows the typography rules of l10n/terms.md', () => {
  const problems = shippedChinese().flatMap((s) => typographyProblems(s.text).map((p) => `${s.surface} ${s.where}: ${p}`));
  assert.deepEqual(problems, []);
});

test('the typography check catches each rule and lets formulas and code through', () => {
  const bad: [string, RegExp][] = [
    ['线性整流单元:正输入原样通过', /half-width :/],
    ['输出不以零为中心(均值 0.5),会拖慢', /half-width \(/],
    ['PyTorch 中为 0.01;Keras 为 0.3', /half-width ;/],
    ['选哪个激活函数?回答几个问题', /half-width \?/],
    ['为 0.01,Keras 的层', /half-width ,/],
    ['ReLU, ELU 和 GELU', /half-width ,/],
    ['已完成.', /half-width \./],
    ['单元会"死亡"', /ASCII "/],
    ["它较小的 f' 相乘", /ASCII '/],
    ['ReLU的导数', /no space/],
    ['第3轮', /no space/],
    ['斜率α', /no space/],
  ];
  for (const [text, problem] of bad) assert.ok(typographyProblems(text).some((p) => problem.test(p)), `${text}: ${typographyProblems(text).join('; ') || 'nothing found'}`);
  const good = [
    '输出落在 (0, 1) 内，表示正类的概率；',
    'x > 0 时 f′ = 1：梯度穿过深层网络也不会衰减。',
    '用 x{0} 写出的表达式：+ - * / ^、exp log、where(cond, a, b)',
    '参数格式示例：beta=1, alpha=0.1',
    '留空表示使用自带的 MNIST；也可以填 `fashion-mnist`，或一个文件夹。',
    '**论文：[Delving Deep (ImageNet)](https://arxiv.org/abs/1502.01852 "在实验室中打开 GELU (tanh)") (K. He, 2015)',
    'PReLU′(x)：x > 0 时为 1，否则为 a；∂PReLU/∂a = min(0, x)',
  ];
  for (const text of good) assert.deepEqual(typographyProblems(text), [], text);
  // a formula without Chinese still may not use the ASCII prime
  assert.deepEqual(typographyProblems("σ'(x) = σ(x)·(1 − σ(x))"), ['ASCII quote or prime']);
});

test('the prime: Chinese text writes f′ and never mixes in f\'', () => {
  const zh = shippedChinese().filter((s) => IDEOGRAPH.test(s.text) || s.surface === 'formulas');
  assert.ok(zh.some((s) => s.text.includes('f′')), 'f′ is used');
  assert.deepEqual(zh.filter((s) => /[A-Za-z)]'/.test(exemptRemoved(s.text))).map((s) => `${s.surface} ${s.where}`), []);
});
