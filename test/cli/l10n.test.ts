// actlab in the user's language: --lang en|zh-cn, else LC_ALL, LC_MESSAGES, LANG. Each localised
// command runs once in Chinese (by LANG=zh_CN.UTF-8 and by --lang zh-cn); --json and the numbers
// of the text tables are the same in every language; a bad --lang is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { cliCommands } from '../../src/cli/commands/index';
import { usageText } from '../../src/cli/command';
import { CLI_MESSAGES } from '../../src/cli/messages';
import { cliText, languageFromEnv, padColumns, takeLangOption } from '../../src/cli/l10n';
import { trainSummary } from '../../src/cli/commands/train';
import { sweepSummary } from '../../src/cli/commands/sweepRun';
import type { ResultsFile } from '../../src/core/runs/resultsFile';
import { ACTLAB } from './actlabBundle';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'actlab-l10n-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const IDEOGRAPH = /\p{Script=Han}/u;

/** actlab in this process with the given locale variables: exit code, stdout, stderr. */
async function actlab(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { env, out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** The lines of a text table that hold only numbers (and signs): what scripts parse. */
const numberRows = (text: string): string[] => text.split('\n').filter((l) => /^[\s\d.eE+\-−∞a-z]*\d[\s\d.eE+\-−∞a-z]*$/.test(l) && !/[A-Za-z]{2}/.test(l));

test('the locale decides: LC_ALL, then LC_MESSAGES, then LANG; empty ones are skipped; C and Traditional Chinese are English', () => {
  assert.equal(languageFromEnv({}), 'en');
  assert.equal(languageFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(languageFromEnv({ LANG: 'zh_SG.utf8' }), 'zh-cn');
  assert.equal(languageFromEnv({ LANG: 'zh_TW.UTF-8' }), 'en');
  assert.equal(languageFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(languageFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
  assert.equal(languageFromEnv({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'en');
  assert.equal(languageFromEnv({ LC_ALL: '', LC_MESSAGES: ' ', LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  // --lang anywhere before `--`, with its value apart or joined; after `--` it is an argument
  assert.deepEqual(takeLangOption(['eval', '--lang', 'zh-cn', 'relu']), { argv: ['eval', 'relu'], value: 'zh-cn' });
  assert.deepEqual(takeLangOption(['--lang=en', 'list']), { argv: ['list'], value: 'en' });
  assert.deepEqual(takeLangOption(['eval', '--', '--lang', 'x']), { argv: ['eval', '--', '--lang', 'x'] });
  assert.deepEqual(takeLangOption(['list', '--lang']), { argv: ['list'], value: '' });
});

test('--lang xx, --lang without a value: refused with a clear one-line message, in the locale\'s language, nothing run', async () => {
  const bad = await actlab(['--lang', 'xx', 'list'], EN);
  assert.equal(bad.code, 1);
  assert.equal(bad.out, '');
  assert.equal(bad.err, "actlab: --lang must be en or zh-cn, got 'xx'\n");
  const badZh = await actlab(['list', '--lang=fr'], ZH);
  assert.equal(badZh.code, 1);
  assert.equal(badZh.err, 'actlab: --lang 只能是 en 或 zh-cn，实际为“fr”\n');
  const empty = await actlab(['list', '--lang'], EN);
  assert.equal(empty.code, 1);
  assert.equal(empty.err, 'actlab: --lang needs a value: en or zh-cn\n');
  // the real entry point, with the locale of the environment
  const r = spawnSync(process.execPath, [ACTLAB, '--lang', 'xx', 'list'], { cwd: root, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'actlab: --lang 只能是 en 或 zh-cn，实际为“xx”\n');
  assert.equal(r.stdout, '');
});

test('--lang wins over the locale, both ways', async () => {
  const en = await actlab(['eval', 'relu', '--x', '1', '--lang', 'en'], ZH);
  assert.match(en.out, /^relu \(no parameters\)$/m);
  const zh = await actlab(['--lang', 'ZH-CN', 'eval', 'relu', '--x', '1'], EN);
  assert.match(zh.out, /^relu（无参数）$/m);
});

test('help and usage in Chinese: the commands\' summaries, the synopsis kept as it is', async () => {
  for (const env of [ZH, undefined]) {
    const help = await actlab(env ? ['help'] : ['--lang', 'zh-cn', 'help'], env ?? {});
    assert.equal(help.code, 0);
    assert.match(help.out, /^用法：actlab <命令> \[选项\]$/m);
    assert.match(help.out, /^ {2}eval {11}计算激活函数及其导数在给定输入处的值$/m);
    assert.match(help.out, /--lang en\|zh-cn/);
  }
  const usage = await actlab(['props', '--help'], ZH);
  assert.match(usage.out, /^用法：actlab props <id\|expression> \[--param name=value \.\.\.\] \[--json\]\n\n用数值方法测量/);
  // every command has a Chinese summary and usage
  assert.ok(cliCommands.some((c) => c.name === 'train') && cliCommands.some((c) => c.name === 'sweep'));
  for (const c of cliCommands) {
    const zh = usageText(c)['zh-cn'];
    assert.ok(IDEOGRAPH.test(c.translations?.['zh-cn']?.summary ?? ''), `${c.name}: a Chinese summary`);
    assert.equal(zh.split('\n')[0], c.usage.split('\n')[0], `${c.name}: the synopsis is shared`);
    assert.ok(IDEOGRAPH.test(zh), `${c.name}: a Chinese usage`);
    // every option the English usage documents is in the Chinese one
    for (const option of new Set(c.usage.match(/^ {2}--[a-z-]+/gm) ?? [])) assert.ok(zh.includes(option.trim()), `${c.name}: ${option.trim()} in the Chinese usage`);
  }
  const unknown = await actlab(['evaluate'], ZH);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /^actlab: 未知命令“evaluate”\n\nactlab：激活函数实验室的命令行工具/);
});

test('list in Chinese: formulas in their Chinese form; --json the same in every language', async () => {
  const zh = await actlab(['list'], ZH);
  const en = await actlab(['list'], EN);
  assert.equal(zh.code, 0);
  assert.match(zh.out, /^\* leaky_relu +Leaky ReLU +LeakyReLU\(x\)：x > 0 时为 x，否则为 αx {2}\[alpha=0\.01\]$/m);
  assert.match(en.out, /^\* leaky_relu +Leaky ReLU +LeakyReLU\(x\) = x if x > 0, else αx {2}\[alpha=0\.01\]$/m);
  assert.equal(zh.out.split('\n').length, en.out.split('\n').length);
  assert.equal((await actlab(['list', '--json'], ZH)).out, (await actlab(['list', '--json'], EN)).out);
});

test('eval in Chinese: the words change, the numbers and --json do not', async () => {
  const args = ['eval', 'leaky_relu', '--x', '-2:2:5', '--param', 'alpha=0.3'];
  const zh = await actlab(args, ZH);
  const en = await actlab(args, EN);
  assert.equal(zh.code, 0);
  assert.deepEqual(zh.out.split('\n').slice(0, 3), ['leaky_relu（alpha=0.3）', '  LeakyReLU(x)：x > 0 时为 x，否则为 αx', '   x  f(x)  f′(x)']);
  assert.equal(en.out.split('\n')[2], "   x  f(x)  f'(x)");
  assert.deepEqual(numberRows(zh.out), numberRows(en.out));
  assert.deepEqual(numberRows(en.out).map((l) => l.trim().split(/\s+/)), [['-2', '-0.6', '0.3'], ['-1', '-0.3', '0.3'], ['0', '0', '0.3'], ['1', '1', '1'], ['2', '2', '1']]);
  assert.equal((await actlab([...args, '--json'], ZH)).out, (await actlab([...args, '--json'], EN)).out);
  // softmax past the Jacobian's limit: the note in Chinese, and in English as the core words it
  const many = ['eval', 'softmax', '--x', '0:1:20'];
  assert.match((await actlab(many, ZH)).out, /^注：20×20 的雅可比矩阵没有打印（最多 16 个值时才打印）；∂fᵢ\/∂xᵢ 是它的对角线$/m);
  const { evaluateAt } = await import('../../src/core/analysis/evaluate');
  const { getActivation } = await import('../../src/core/activations/registry');
  const note = evaluateAt(getActivation('softmax'), Array.from({ length: 20 }, (_, i) => i / 19), {}).jacobianNote;
  assert.ok((await actlab(many, EN)).out.includes(`\nnote: ${note}\n`), 'the English note is the core\'s own');
  // an error with its column, in Chinese, on stderr
  const bad = await actlab(['--lang', 'zh-cn', 'eval', 'x + expp(x)', '--x', '1']);
  assert.equal(bad.code, 1);
  assert.equal(bad.out, '');
  assert.match(bad.err, /^actlab eval: 表达式“x \+ expp\(x\)”无效：未知函数“expp”（第 5 列；已知函数：exp, log, .*）\n$/);
  assert.equal((await actlab(['eval', 'relu', '--x', '1,zz'], ZH)).err, 'actlab eval: --x 的第 2 个值：“zz”不是数字\n');
});

test('a parameter error in Chinese: the record\'s own check and the range, exit status 1, nothing on stdout', async () => {
  const zh = await actlab(['eval', 'hardtanh', '--param', 'min_val=2', '--param', 'max_val=1', '--x', '0', '--lang', 'zh-cn']);
  assert.equal(zh.code, 1);
  assert.equal(zh.out, '');
  assert.equal(zh.err, 'actlab eval: hardtanh 的参数无效：min_val（2）必须小于 max_val（1）\n');
  const en = await actlab(['eval', 'hardtanh', '--param', 'min_val=2', '--param', 'max_val=1', '--x', '0'], EN);
  assert.equal(en.code, 1);
  assert.equal(en.err, 'actlab eval: invalid parameters for hardtanh: min_val (2) must be less than max_val (1)\n');
  // written in brackets, read by the activation text, and a range, by the locale
  assert.equal((await actlab(['eval', 'hardtanh(min_val=2)', '--x', '0'], ZH)).err, 'actlab eval: hardtanh 的参数无效：min_val（2）必须小于 max_val（1）\n');
  assert.equal((await actlab(['props', 'leaky_relu', '--param', 'alpha=5'], ZH)).err, 'actlab props: leaky_relu 的参数 alpha 必须在 [0, 1] 内，实际为 5\n');
  assert.equal((await actlab(['eval', 'relu', '--param', 'alpha=1', '--x', '0'], ZH)).err, 'actlab eval: relu 没有参数“alpha”（它没有参数）\n');
});

test('props in Chinese: the table\'s words, the prime ′ in a custom derivative, aligned labels; --json unchanged', async () => {
  const zh = await actlab(['props', 'x*sigmoid(b*x)', '--param', 'b=2'], ZH);
  const en = await actlab(['props', 'x*sigmoid(b*x)', '--param', 'b=2'], EN);
  assert.equal(zh.code, 0);
  const lines = zh.out.split('\n');
  assert.equal(lines[0], 'x*sigmoid(b*x)（表达式，b=2）');
  assert.equal(lines[2], '  导数         f′(x) = sigmoid(b*x) + x*(sigmoid(b*x)*(1 - sigmoid(b*x))*b)');
  assert.match(en.out.split('\n')[2], /^ {2}derivative {3}f'\(x\) = sigmoid/);
  for (const label of ['公式', '导数', '输出范围', '以零为中心', '单调', '平滑', 'f′(0)', 'max |f′|', '饱和', '死区', '初始化增益']) {
    assert.ok(lines.some((l) => l.startsWith(`  ${padColumns(label, 13)}`)), label);
  }
  // the values' numbers are the English ones (the dead zone's share moves before N(0, 1) in Chinese)
  const numbers = (s: string) => s.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)?.sort();
  assert.deepEqual(numbers(zh.out.split('\n').slice(3).join('\n')), numbers(en.out.split('\n').slice(3).join('\n')));
  const relu = await actlab(['props', 'relu'], ZH);
  assert.match(relu.out, /^ {2}平滑 {9}否（折点：0）$/m);
  assert.match(relu.out, /^ {2}单调 {9}是（递增）$/m);
  assert.equal((await actlab(['props', 'relu', '--json'], ZH)).out, (await actlab(['props', 'relu', '--json'], EN)).out);
  assert.match((await actlab(['props', 'softmax'], ZH)).out, /^softmax（Softmax）：向量激活函数；数值分析只适用于逐元素的激活函数。$/m);
});

test('gradient-flow in Chinese: header words, the same bars and ratios; errors in Chinese', async () => {
  const args = ['gradient-flow', 'tanh', '--depth', '3', '--width', '8', '--seeds', '1'];
  const zh = await actlab(args, ZH);
  const en = await actlab(args, EN);
  assert.equal(zh.code, 0);
  assert.equal(zh.out.split('\n')[0], 'tanh：深度 3，宽度 8，glorot_uniform 初始化，1 个种子（几何平均）');
  assert.equal(en.out.split('\n')[0], 'tanh: depth 3, width 8, glorot_uniform init, 1 seed (geometric mean)');
  assert.equal(zh.out.split('\n')[1], '   层  ‖∂L/∂W‖，相对于第 3 层');
  assert.deepEqual(zh.out.split('\n').slice(2), en.out.split('\n').slice(2));
  assert.equal((await actlab([...args, '--json'], ZH)).out, (await actlab([...args, '--json'], EN)).out);
  assert.equal((await actlab(['gradient-flow', 'softmax'], ZH)).err, 'actlab gradient-flow: softmax 是向量激活函数；梯度流需要逐元素的激活函数（隐藏层的激活函数）\n');
  assert.equal((await actlab(['gradient-flow', 'relu', '--init', 'zeros'], ZH)).err,
    'actlab gradient-flow: --init 必须是 glorot_uniform, he_normal, lecun_normal, gain 之一，实际为“zeros”\n');
});

test('code in Chinese: the Python is the same, the errors are Chinese', async () => {
  const zh = await actlab(['code', 'leaky_relu', '--framework', 'keras'], ZH);
  const en = await actlab(['code', 'leaky_relu', '--framework', 'keras'], EN);
  assert.equal(zh.code, 0);
  assert.equal(zh.out, en.out, 'generated code is code, not prose');
  const cases: [string[], string][] = [
    [['relu'], '请指定框架：--framework pytorch|keras|jax'],
    [[], '请给出一个激活函数、表达式或一次训练的文件夹（含空格的表达式请加引号）'],
    [['reluu', '--framework', 'jax'], '未知激活函数“reluu”（也可以写一个关于 x 的表达式）；已知激活函数：sigmoid, tanh'],
    [['leaky_relu', '--framework', 'jax', '--param', 'alpha'], '--param 需要 name=number 的形式，实际为“alpha”'],
  ];
  const exp = path.join(work, 'experiment');
  mkdirSync(path.join(exp, 'runs'), { recursive: true });
  cases.push([[exp, '--framework', 'pytorch'], `${exp} 是实验文件夹；请指定其中的一次训练（但其中没有训练）`]);
  for (const [args, want] of cases) {
    const r = await actlab(['code', ...args], ZH);
    assert.equal(r.code, 1, args.join(' '));
    assert.ok(r.err.startsWith(`actlab code: ${want}`), `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, '');
  }
});

test('export and verify in Chinese: bad arguments, with the usage, and a missing file', async () => {
  const noFolder = await actlab(['export'], ZH);
  assert.equal(noFolder.code, 1);
  assert.match(noFolder.err, /^actlab export: 请给出一次训练的文件夹\n用法：actlab export <run-dir> .*\n\n把一次已完成的训练/);
  assert.equal((await actlab(['export', 'a', '--opset', 'x'], ZH)).err, 'actlab export: --opset 必须是 13 到 21 之间的整数，实际为“x”\n');
  const unknown = await actlab(['export', 'a', '--frobnicate'], ZH);
  assert.match(unknown.err, /^actlab export: 未知选项“--frobnicate”（以 - 开头的位置参数请写在 -- 之后）\n用法：/);
  const missing = await actlab(['export', path.join(work, 'nothing-here')], ZH);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /^actlab export: 这次训练无法导出：.*nothing-here/);
  assert.equal((await actlab(['verify'], ZH)).err.split('\n')[0], 'actlab verify: 请给出一个 .onnx 文件');
  assert.equal((await actlab(['verify', 'm.onnx', '--limit', '0'], ZH)).err, 'actlab verify: --limit 必须是正整数，实际为“0”\n');
  const absent = await actlab(['verify', path.join(work, 'absent.onnx')], ZH);
  assert.equal(absent.code, 1);
  assert.match(absent.err, /^actlab verify: 无法读取文件：/);
  assert.equal(absent.err, `actlab verify: 无法读取文件：无法读取 ${path.join(work, 'absent.onnx')}：文件不存在\n`);
  // a corrupt model: the summary and the details in Chinese, with the bytes found
  writeFileSync(path.join(work, 'corrupt.onnx'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]));
  const corrupt = await actlab(['verify', path.join(work, 'corrupt.onnx'), '--lang', 'zh-cn']);
  assert.equal(corrupt.code, 1);
  assert.equal(corrupt.out, '');
  assert.equal(corrupt.err, 'actlab verify: 文件不是 ONNX 模型：corrupt.onnx 不是 ONNX 模型：它的开头不是 ONNX 文件头（前几个字节为 ff fe 00 01 02 03 04 05；ONNX 文件以 IR 版本开头，即字节 08 03..0a）\n');
  // English as before
  assert.match((await actlab(['verify', path.join(work, 'absent.onnx')], EN)).err, /^actlab verify: (?!无法)/);
  assert.equal((await actlab(['verify', path.join(work, 'corrupt.onnx')], EN)).err,
    'actlab verify: corrupt.onnx is not an ONNX model: it does not start with an ONNX header (first bytes ff fe 00 01 02 03 04 05; an ONNX file starts with its IR version, bytes 08 03..0a)\n');
});

test('every CLI message has its English and Chinese text, with the same values named', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [id, text] of Object.entries(CLI_MESSAGES)) {
    assert.ok(text.en.trim() && text['zh-cn'].trim(), id);
    assert.deepEqual(names(text['zh-cn']), names(text.en), `${id}: the same values`);
    assert.notEqual(text['zh-cn'], text.en, `${id}: a Chinese text of its own`);
  }
  assert.deepEqual(cliText('x.value', { index: 3 }), { en: '--x value 3', 'zh-cn': '--x 的第 3 个值' });
});

/** actlab as a process (training runs in worker threads), with a locale: exit code, stdout, stderr. */
function actlabProcess(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [ACTLAB, ...args], {
    cwd: root, encoding: 'utf8', timeout: 150_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env },
  });
}

/** Every number in a text, sorted: what must not change with the language. */
const numbersOf = (s: string): string[] => (s.match(/\d+(\.\d+)?(e[+-]?\d+)?/g) ?? []).sort();

test('train and sweep refuse bad options in Chinese, with the same exit status; English as before', async () => {
  const out = path.join(work, 'never');
  const cases: [string[], string][] = [
    [['train', '--epochs', '0'], '--epochs 必须是不小于 1 的整数，实际为“0”'],
    [['train', '--activations', 'relu,,tanh'], '--activations：“relu,,tanh”中两个 , 之间是空项'],
    [['train', '--activations', 'relu+tanh+elu'], 'relu+tanh+elu：3 个激活函数，但有 2 个隐藏层'],
    [['train', '--activations', 'tanh(2*x)'], '“tanh(2*x)”是表达式：请先用 --custom NAME=EXPRESSION 给它起名，再训练 NAME'],
    [['train', '--activations', 'relu,tanh', '--learn', 'beta'], '--learn beta：这次实验的激活函数都没有这个参数'],
    [['train', '--activations', 'softmax'], '训练 softmax：softmax 不是逐元素的激活函数，而隐藏层需要逐元素的激活函数（softmax 属于输出层）'],
    [['train', '--learning-rate', '0'], '--learning-rate 必须是正数，实际为“0”'],
    [['train', '--kernels', 'gpu'], '--kernels 必须是 js 或 auto，实际为“gpu”'],
    [['train', '--seeds', '99'], '--seeds 最大为 20，实际为“99”'],
    [['train', '--resume', '--activations', 'relu'], '--resume 按原来的计划继续一次实验：请去掉 --activations'],
    [['train', '--dataset', '/nonexistent/folder'], '无法加载数据集：unknown dataset'],
    [['sweep', '--depths', '2,2'], '--depths 把 2 列了两次'],
    [['sweep', '--hidden', '64', '--depths', '2'], '--hidden 给出的是一种网络结构：请去掉 --depths 和 --width（或者用它们代替 --hidden）'],
    [['sweep', '--preset', 'huge'], '--preset 只能是 tutorial，实际为“huge”'],
    [['sweep', '--activations', 'relu,sigmoid,tanh,elu,gelu,silu,mish,selu,softplus,relu6,hard_tanh', '--depths', '1,2,3,4,5,6,7,8', '--seeds', '20'],
      '11 个激活函数 × 8 个深度 × 20 个种子共 1760 次训练；一次扫描实验最多 1000 次'],
    [['sweep', '--custom', 'sq=x*', '--activations', 'sq'], '自定义激活函数 sq'],
  ];
  for (const [args, want] of cases) {
    const zh = await actlab([...args, '--out', out], ZH);
    assert.equal(zh.code, 1, args.join(' '));
    assert.equal(zh.out, '');
    assert.ok(zh.err.startsWith(`actlab ${args[0]}: ${want}`), `${args.join(' ')}: ${zh.err}`);
    const en = await actlab([...args, '--out', out], EN);
    assert.equal(en.code, 1);
    assert.doesNotMatch(en.err, IDEOGRAPH, `${args.join(' ')} in English: ${en.err}`);
  }
  assert.ok(!existsSync(out), 'nothing was written');
  const stray = await actlab(['sweep', 'stray'], ZH);
  assert.match(stray.err, /^actlab sweep: 多余的参数“stray”（选项以 -- 开头）\n用法：actlab sweep \[options\]\n\n对每个激活函数/);
  const usage = await actlab(['train', '--help'], ZH);
  assert.match(usage.out, /^用法：actlab train \[options\]\n\n运行教程的实验/);
});

test('actlab train in Chinese: the progress, the table and the statuses in Chinese, the numbers those of results.json; --json as in English; report.html in Chinese', { timeout: 180_000 }, () => {
  const out = mkdtempSync(path.join(work, 'train-'));
  const r = actlabProcess(['train', '--activations', 'relu', '--epochs', '1', '--limit-train', '500', '--limit-test', '200', '--out', out, '--json'], ZH);
  assert.equal(r.status, 0, r.stderr);
  // --json is data: the statuses are results.json's own and no Chinese gets in
  assert.doesNotMatch(r.stdout, IDEOGRAPH);
  const results = JSON.parse(r.stdout) as ResultsFile;
  assert.deepEqual(results, JSON.parse(readFileSync(path.join(out, 'latest', 'results.json'), 'utf8')));
  assert.equal(results.runs[0].status, 'completed');
  // progress on stderr, every line in Chinese
  const run = results.runs[0];
  const epoch = run.history[0];
  assert.ok(r.stderr.includes(`relu：第 1/1 轮，损失 ${epoch.loss.toFixed(4)}，准确率 ${epoch.accuracy.toFixed(4)}，验证损失 ${epoch.val_loss!.toFixed(4)}，` +
    `验证准确率 ${epoch.val_accuracy!.toFixed(4)}（${epoch.seconds.toFixed(1)} 秒）\n`), r.stderr);
  assert.ok(r.stderr.includes(`relu：测试准确率 ${run.test!.accuracy.toFixed(4)}\n`), r.stderr);
  assert.match(r.stderr, /^relu：ONNX runs\/relu\/model\.onnx（opset \d+）已在 200 张图像上检查：max \|Δp\| [\d.e+-]+，argmax 一致率 1，\d+ ms$/m);
  for (const line of r.stderr.trim().split('\n')) assert.match(line, IDEOGRAPH, line);
  // the table a person reads: the same numbers as in English, the words and the status Chinese
  const dir = path.join(out, readdirSync(out).find((n) => n !== 'latest')!);
  const zh = trainSummary(results, dir, true, 'zh-cn');
  const en = trainSummary(results, dir, true, 'en');
  assert.deepEqual(numbersOf(zh), numbersOf(en));
  assert.match(zh, new RegExp(`^训练 {2}状态 {8}测试准确率 {2}测试损失 {2}秒/轮 {2}ONNX（max \\|Δp\\|）\\nrelu {2}已完成 {10}${run.test!.accuracy.toFixed(4)}`));
  assert.match(en, new RegExp(`^run {3}status {6}test acc {2}test loss {2}s/epoch {2}onnx \\(max \\|Δp\\|\\)\\nrelu {2}completed {5}${run.test!.accuracy.toFixed(4)}`));
  assert.match(zh, /\n结果：.*results\.json\n报告：.*report\.html\n最新：.*latest 指向这次实验$/);
  assert.match(readFileSync(path.join(dir, 'report.html'), 'utf8'), /^<!doctype html>\n<html lang="zh-CN">[\s\S]*<h1>训练报告<\/h1>/);
  rmSync(out, { recursive: true, force: true });
});

test('actlab sweep in Chinese: the progress line, the grid and the verdicts in Chinese; the same numbers as in English', { timeout: 180_000 }, () => {
  const out = mkdtempSync(path.join(work, 'sweep-'));
  const r = actlabProcess(['--lang', 'zh-cn', 'sweep', '--activations', 'relu,tanh', '--hidden', '8', '--seeds', '2', '--epochs', '1', '--limit-train', '300', '--limit-test', '100', '--no-report', '--out', out], EN);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^\[训练 4\/4，格子 2\/2，剩余约 [^\]]+\] (relu|tanh)-s4[23]：测试 0\.\d{4}$/m);
  assert.match(r.stdout, /^测试准确率（%）：种子 42、43 上的均值 ± 95% 置信区间的半宽（已完成\/计划的种子数）：\n激活函数 {2}深度 1\nrelu {6}\d+\.\d\d ± \d+\.\d\d \(2\/2\)/);
  assert.match(r.stdout, /\n深度 +a − b +差值（百分点） +p +Holm 校正的 p +结论\n1 +relu − tanh +[+−]?\d+\.\d\d ± \d+\.\d\d +(< )?[\d.]+ +(< )?[\d.]+ +(无法区分|relu 更好|tanh 更好)\n/);
  assert.match(r.stdout, /\n4 次训练，用时 \d+ 秒，\d 个工作线程\n结果：/);
  const results = JSON.parse(readFileSync(path.join(out, 'latest', 'results.json'), 'utf8')) as ResultsFile;
  assert.doesNotMatch(JSON.stringify({ ...results, sweep: { ...results.sweep, methodZh: '' } }), IDEOGRAPH, 'results.json is data (its method has its own Chinese field)');
  const dir = path.join(out, readdirSync(out).find((n) => n !== 'latest')!);
  assert.equal(r.stdout.trim(), sweepSummary(results, dir, false, 'zh-cn'));
  assert.deepEqual(numbersOf(sweepSummary(results, dir, false, 'zh-cn')).filter((n) => !['95', '1'].includes(n)),
    numbersOf(sweepSummary(results, dir, false, 'en')).filter((n) => !['95', '1'].includes(n)));
  rmSync(out, { recursive: true, force: true });
});
