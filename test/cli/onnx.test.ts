// `actlab train` exports and checks every run; `actlab export` and `actlab verify` end to end,
// including one verify over the full 10000-image test set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResultsFile } from '../../src/core/runs/resultsFile';
import type { ExportResult, VerifyReport } from '../../src/core/onnx/index';
import { decodeModel, encodeModel } from '../../src/core/onnx/proto';
import { parseTrainArgs } from '../../src/cli/commands/train';
import { exportCommand } from '../../src/cli/commands/export';
import { verifyCommand } from '../../src/cli/commands/verify';
import { CliError, type CliCommand } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { ACTLAB } from './actlabBundle';

const root = path.resolve(__dirname, '..', '..');
const out = mkdtempSync(path.join(tmpdir(), 'actlab-onnx-cli-'));
test.after(() => rmSync(out, { recursive: true, force: true }));

function actlab(args: string[]) {
  return spawnSync(process.execPath, [ACTLAB, ...args], {
    cwd: root, encoding: 'utf8', timeout: 120_000,
  });
}

/** A command in this process: its exit code (a CliError's for a refusal) and what it printed. */
async function inProcess(command: CliCommand, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => { out += `${t}\n`; }, err: (t: string) => { err += `${t}\n`; } };
  try {
    return { code: await command.run(args, io), out, err };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { code: e.exitCode, out, err: `${err}${e.message}` };
  }
}

let trained: ResultsFile | undefined;
function train(): ResultsFile {
  if (trained) return trained;
  const r = actlab(['train', '--activations', 'relu', '--epochs', '1', '--limit-train', '5000', '--out', out, '--json']);
  assert.equal(r.status, 0, r.stderr);
  trained = JSON.parse(r.stdout) as ResultsFile;
  return trained;
}
const runDir = () => path.join(out, 'latest', 'runs', 'relu');

test('actlab train exports every run to ONNX and puts the verification table into results.json and report.html', { timeout: 120_000 }, () => {
  const results = train();
  const run = results.runs[0];
  const check = run.onnx!;
  assert.ok(check, 'runs[0].onnx');
  assert.equal(check.file, path.join('runs', 'relu', 'model.onnx'));
  assert.ok(existsSync(path.join(out, 'latest', check.file)));
  assert.equal(check.opset, 17);
  assert.deepEqual(check.ops, ['Flatten', 'Gemm', 'Relu', 'Softmax']);
  assert.equal(check.count, 10000);
  assert.equal(check.passed, true, check.error);
  assert.equal(check.argmaxAgreement, 1);
  assert.ok(check.maxAbsDiff! <= 1e-5, String(check.maxAbsDiff));
  assert.equal(check.onnxAccuracy, run.test!.accuracy);
  assert.equal(check.labAccuracy, run.test!.accuracy);
  const html = readFileSync(path.join(out, 'latest', 'report.html'), 'utf8');
  assert.match(html, /<h2>ONNX export and inference check<\/h2>/);
  assert.match(html, new RegExp(`<td>ReLU</td><td>runs/relu/model\\.onnx</td><td class="num">17</td>`));
  assert.deepEqual(parseTrainArgs(['--no-onnx']).onnx, false);
  assert.deepEqual(parseTrainArgs([]).onnx, true);
});

test('actlab verify <exported relu model> --json: the full test set, argmax agreement 1.0 and the run\'s own accuracy', { timeout: 120_000 }, () => {
  const results = train();
  const r = actlab(['verify', path.join(runDir(), 'model.onnx'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as VerifyReport;
  for (const k of ['model', 'inputs', 'outputs', 'accuracy', 'confusion', 'ms', 'parity'] as const) assert.ok(k in report, k);
  assert.equal(report.model, path.join(runDir(), 'model.onnx'));
  assert.deepEqual(report.inputs, [{ name: 'image', dtype: 'float32', shape: ['batch', 28, 28] }]);
  assert.deepEqual(report.outputs, [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 10] }]);
  assert.equal(report.count, 10000);
  assert.equal(report.accuracy, results.runs[0].test!.accuracy);
  assert.deepEqual(report.confusion, results.runs[0].test!.confusion);
  assert.ok(report.ms > 0);
  assert.equal(report.parity!.argmaxAgreement, 1);
  assert.ok(report.parity!.maxAbsDiff <= 1e-5);
  assert.equal(report.parity!.runAccuracy, report.accuracy);
  assert.equal(report.passed, true);
});

test('actlab export --opset 13 --out elsewhere; verify finds the run through the model\'s metadata', { timeout: 120_000 }, async () => {
  train();
  const file = path.join(out, 'exports', 'relu13.onnx');
  const e = await inProcess(exportCommand, [runDir(), '--opset', '13', '--out', file, '--json']);
  assert.equal(e.code, 0, e.err);
  const exported = JSON.parse(e.out) as ExportResult;
  assert.equal(exported.path, file);
  assert.equal(exported.opset, 13);
  assert.equal(exported.irVersion, 7);
  assert.equal(exported.bytes, readFileSync(file).length);
  const v = await inProcess(verifyCommand, [file, '--limit', '500', '--json']);
  assert.equal(v.code, 0, v.err);
  const report = JSON.parse(v.out) as VerifyReport;
  assert.equal(report.count, 500);
  assert.equal(report.parity!.runDir, runDir());
  assert.ok(report.parity!.maxAbsDiff <= 1e-5);
  const text = await inProcess(verifyCommand, [file, '--limit', '500']);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /accuracy: 0\.\d{4}/);
  assert.match(text.out, /max \|Δp\| \d\.\d\de-\d, \d+(\.\d+)?% of the float32 rounding bound \(logits within \d\.\de-\d\), argmax agreement 1\.0000/);
  assert.match(text.out, /check passed/);
  const human = await inProcess(exportCommand, [runDir(), '--out', path.join(out, 'exports', 'relu17.onnx')]);
  assert.match(human.out, /^wrote .*relu17\.onnx \(\d+ bytes, opset 17, IR 8\)\n {2}operators: Flatten, Gemm, Relu, Softmax\n {2}hidden layer 1: relu -> Relu/);
  // Without --out the run's own model.onnx (written by actlab train) is kept unless --force says otherwise.
  const own = path.join(runDir(), 'model.onnx');
  const before = readFileSync(own);
  const refused = await inProcess(exportCommand, [runDir(), '--opset', '13']);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /model\.onnx exists already: give --out FILE to write another file, or --force to replace it/);
  assert.ok(readFileSync(own).equals(before), 'the existing model.onnx is untouched');
  const again = await inProcess(exportCommand, [runDir(), '--out', path.join(out, 'exports', 'relu17.onnx')]);
  assert.equal(again.code, 1, 'an existing --out file is kept too');
  const forced = await inProcess(exportCommand, [runDir(), '--opset', '13', '--force', '--json']);
  assert.equal(forced.code, 0, forced.err);
  assert.equal((JSON.parse(forced.out) as ExportResult).opset, 13);
  assert.ok(!readFileSync(own).equals(before), 'replaced with --force');
  writeFileSync(own, before); // the other tests verify the opset-17 export
});

test('export and verify in Chinese (--lang zh-cn; LANG=zh_CN.UTF-8): the report\'s words change, its numbers and --json do not', { timeout: 120_000 }, async () => {
  train();
  const zh = async (args: string[], how: 'flag' | 'env') => {
    let stdout = '';
    let stderr = '';
    const code = await main(how === 'flag' ? ['--lang', 'zh-cn', ...args] : args, {
      env: how === 'env' ? { LANG: 'zh_CN.UTF-8' } : {}, out: (t) => { stdout += t; }, err: (t) => { stderr += t; },
    });
    return { code, out: stdout, err: stderr };
  };
  const file = path.join(out, 'exports', 'relu-zh.onnx');
  const e = await zh(['export', runDir(), '--out', file], 'flag');
  assert.equal(e.code, 0, e.err);
  assert.match(e.out, /^已写入 .*relu-zh\.onnx（\d+ 字节，opset 17，IR 8）\n {2}算子：Flatten, Gemm, Relu, Softmax\n {2}隐藏层 1：relu -> Relu\n {2}隐藏层 2：relu -> Relu\n$/);
  const refused = await zh(['export', runDir(), '--out', file], 'env');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^actlab export: \.onnx 文件已存在：.*relu-zh\.onnx exists already/);
  const v = await zh(['verify', file, '--limit', '300'], 'env');
  const en = await inProcess(verifyCommand, [file, '--limit', '300']);
  assert.equal(v.code, 0, v.err);
  const lines = v.out.trimEnd().split('\n');
  assert.match(lines[0], /^模型：.*relu-zh\.onnx（\d+ 字节，由 .+ 生成，IR 8，ai\.onnx 17）$/);
  assert.match(lines[3], /^测试集：mnist，300 张图像$/);
  assert.match(lines[5], /^用时：300 张图像共 [\d.]+ ms（每张 [\d.]+ µs，单线程；创建会话用了 \d+ ms）$/);
  assert.equal(lines[6], '混淆矩阵（行：真实标签，列：预测）：');
  assert.equal(lines.at(-1), '检查通过');
  // the same accuracy and confusion matrix as the English report (the times differ from run to run)
  const accuracy = (s: string) => /(0\.\d{4})/.exec(s.split('\n')[4])?.[1];
  assert.equal(accuracy(v.out), accuracy(en.out));
  const matrix = (s: string) => s.split('\n').slice(7, 18).join('\n');
  assert.equal(matrix(v.out), matrix(en.out));
  assert.match(matrix(v.out), /^ {4}( +\d){10}\n( +\d+( +\d+){10}\n?){10}$/);
  const json = await zh(['verify', file, '--limit', '300', '--json'], 'flag');
  const report = JSON.parse(json.out) as VerifyReport;
  assert.equal(report.passed, true);
  assert.ok(!/\p{Script=Han}/u.test(json.out), 'no Chinese in --json');
});

test('a model that disagrees with the lab beyond float32 rounding fails the check (exit 1) naming the first mismatching images', { timeout: 120_000 }, async () => {
  train();
  const model = decodeModel(readFileSync(path.join(runDir(), 'model.onnx')));
  const bias = model.graph!.initializer!.find((t) => t.name === 'dense_3/bias')!;
  const view = new DataView(bias.raw_data!.buffer, bias.raw_data!.byteOffset, bias.raw_data!.byteLength);
  view.setFloat32(12, view.getFloat32(12, true) + 0.05, true); // class 3's bias
  const file = path.join(runDir(), 'tampered.onnx'); // beside run.json: parity uses this run
  writeFileSync(file, encodeModel(model));
  const r = actlab(['verify', file, '--limit', '200', '--json']);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as VerifyReport;
  const text = await inProcess(verifyCommand, [file, '--limit', '200']);
  assert.equal(text.code, 1);
  assert.match(text.out, /check FAILED: .*first mismatching images: #0/);
  assert.equal(report.passed, false);
  assert.ok(report.parity!.maxAbsDiff > 1e-5);
  assert.ok(report.parity!.maxRatio > 1);
  assert.equal(report.parity!.tolerance, 'float32');
  assert.ok(report.parity!.mismatches[0].index === 0, 'the first image already differs');
  assert.match(report.failures[0], /tampered\.onnx's probabilities differ from the lab's forward pass by more than float32 rounding through the network allows \(up to [\d.e+]+× the bound, max \|Δp\| \d\.\d\de-\d\) over 200 test images; first mismatching images: #0 \(label 7: lab \d, onnx \d, \|Δp\| /);
});

test('bad arguments and bad files: a clear message and a non-zero exit', { timeout: 60_000 }, async () => {
  const cases: [CliCommand, string[], RegExp][] = [
    [exportCommand, [], /expected one run folder, got none/],
    [exportCommand, [path.join(out, 'nope')], /is not a usable training run: cannot read .*run\.json/],
    [exportCommand, [runDir(), '--opset', 'x'], /--opset must be an integer from 13 to 21, got 'x'/],
    [exportCommand, [runDir(), '--frobnicate'], /Unknown option '--frobnicate'/],
    [verifyCommand, [], /expected one \.onnx file, got none/],
    [verifyCommand, [path.join(out, 'missing.onnx')], /cannot read .*missing\.onnx: no such file/],
    [verifyCommand, [path.join(out, 'latest', 'results.json')], /results\.json is a text \(JSON\?\) file, not an ONNX model/],
    [verifyCommand, ['x.onnx', '--limit', '0'], /--limit must be a positive integer, got '0'/],
    [verifyCommand, [path.join(runDir(), 'model.onnx'), '--dataset', '/no/such/folder'], /cannot load the test set '\/no\/such\/folder': unknown dataset/],
  ];
  train();
  for (const [command, args, message] of cases) {
    const r = await inProcess(command, args);
    assert.equal(r.code, 1, `${command.name} ${args.join(' ')}: ${r.out}`);
    assert.match(r.err, message, `${command.name} ${args.join(' ')}`);
  }
  const opset = await inProcess(exportCommand, [runDir(), '--opset', '22']);
  assert.equal(opset.code, 1);
  assert.match(opset.err, /^opset 22 is not supported: choose an integer from 13 to 21 \(default 17\)/);
  // through the real entry point: exit code 1, the message on stderr, the error as JSON on stdout
  const json = actlab(['verify', path.join(out, 'latest', 'results.json'), '--json']);
  assert.equal(json.status, 1);
  assert.match(json.stderr, /^actlab verify: results\.json is a text \(JSON\?\) file, not an ONNX model/);
  assert.equal((JSON.parse(json.stdout) as { error: { problem: string } }).error.problem, 'not-onnx');
});
