// How much of each surface speaks Simplified Chinese, at any commit: the number of Chinese
// strings (string literals, JSON values or Markdown lines holding at least one CJK ideograph) in
// the files each surface is made of, read from git, so the same count runs on an old commit.
//   node scripts/l10n-counts.mjs [COMMIT ...]   (default: HEAD)   -> a Markdown table, one column per commit
import { execFileSync } from 'node:child_process';

const HAN = /[\u4e00-\u9fff]/;
const git = (...args) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The message table of an activation's parameter errors (it lives beside the registry, which is counted apart). */
const PARAM_ERRORS = 'src/core/activations/paramMessages.ts';

/** Each surface: the files it is made of (a path prefix and an ending), and how its strings are counted. */
const SURFACES = [
  ['manifest (package.nls)', (f) => f === 'package.nls.zh-cn.json', 'json'],
  ['l10n bundle (host)', (f) => f === 'l10n/bundle.l10n.zh-cn.json', 'json'],
  ['host code (src/host)', (f) => f.startsWith('src/host/') && f.endsWith('.ts'), 'literals'],
  ['webview strings', (f) => ['webview/i18n.ts', 'webview/playground/strings.ts'].includes(f), 'literals'],
  ['registry docs, pros, cons', (f) => f.startsWith('src/core/activations/') && f.endsWith('.ts') && f !== PARAM_ERRORS, 'literals-but-formulas'],
  ['registry formulas and derivatives', (f) => f.startsWith('src/core/activations/') && f.endsWith('.ts'), 'formulas'],
  ['guide and chooser', (f) => f.startsWith('src/core/guide/') && f.endsWith('.ts'), 'literals'],
  ['hover labels', (f) => f.startsWith('src/core/hover/') && f.endsWith('.ts'), 'literals'],
  ['chart titles, axes, legends', (f) => f.startsWith('src/core/charts/') && f.endsWith('.ts'), 'literals'],
  ['run statuses (one vocabulary)', (f) => f === 'src/core/train/statusText.ts', 'literals'],
  ['sweep statistics words', (f) => f.startsWith('src/core/stats/') && f.endsWith('.ts'), 'literals'],
  ['activation-parameter errors', (f) => f === PARAM_ERRORS, 'literals'],
  ['expression errors', (f) => f.startsWith('src/core/expr/') && f.endsWith('.ts'), 'literals'],
  ['CLI (actlab)', (f) => f.startsWith('src/cli/') && f.endsWith('.ts'), 'literals'],
  ['eval and verify lines (CLI and host)', (f) => f === 'src/core/analysis/evaluationText.ts' || f === 'src/core/onnx/verifyText.ts', 'literals'],
  ['ONNX check errors (verify, CLI and host)', (f) => f === 'src/core/onnx/checkMessages.ts', 'literals'],
  ['report.html', (f) => f.startsWith('src/core/report/') && f.endsWith('.ts'), 'literals'],
  ['walkthrough steps', (f) => /^media\/walkthrough\/.*\.nls\.zh-cn\.md$/.test(f), 'lines'],
  ['README.zh-cn.md', (f) => f === 'README.zh-cn.md', 'lines'],
];

/** String literals of TypeScript source ('…', "…", `…` with its ${} parts kept inside). */
function literals(src) {
  return src.match(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g) ?? [];
}

/** The Chinese forms of formulas: each `'zh-cn': '…'` whose nearest field opened before it is `formula:` or `derivative:`. */
function formulaStrings(src) {
  const out = [];
  let field = '';
  for (const m of src.matchAll(/\b(\w+):\s*[{[]|'zh-cn':\s*('(?:\\.|[^'\\\n])*')/g)) {
    if (m[1]) field = m[1];
    else if (field === 'formula' || field === 'derivative') out.push(m[2]);
  }
  return out;
}

function count(kind, text) {
  switch (kind) {
    case 'json': return Object.values(JSON.parse(text)).filter((v) => typeof v === 'string' && HAN.test(v)).length;
    case 'lines': return text.split('\n').filter((l) => HAN.test(l)).length;
    case 'literals': return literals(text).filter((s) => HAN.test(s)).length;
    case 'formulas': return formulaStrings(text).filter((s) => HAN.test(s)).length;
    case 'literals-but-formulas': return literals(text).filter((s) => HAN.test(s)).length - formulaStrings(text).filter((s) => HAN.test(s)).length;
    default: throw new Error(kind);
  }
}

function counts(commit) {
  const files = git('ls-tree', '-r', '--name-only', commit).split('\n').filter(Boolean);
  return SURFACES.map(([, match, kind]) => files.filter(match).reduce((n, f) => n + count(kind, git('show', `${commit}:${f}`)), 0));
}

const commits = process.argv.slice(2).length ? process.argv.slice(2) : ['HEAD'];
const table = commits.map(counts);
console.log(`| surface | ${commits.map((c) => git('rev-parse', '--short', c).trim()).join(' | ')} |`);
console.log(`|---|${commits.map(() => '---:').join('|')}|`);
SURFACES.forEach(([name], i) => console.log(`| ${name} | ${table.map((t) => t[i]).join(' | ')} |`));
console.log(`| **all** | ${table.map((t) => t.reduce((a, b) => a + b, 0)).join(' | ')} |`);
