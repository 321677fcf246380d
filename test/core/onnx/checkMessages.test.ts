// Why an ONNX model cannot be checked, in both languages: every message id keeps its English text,
// renders in Chinese with the same values and no English words (names of formats and tools, and
// code, aside), and the errors a bad file raises carry their message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ONNX_CHECK_MESSAGES, onnxCheckMessage, renderOnnxCheckMessage, type OnnxCheckArg, type OnnxCheckMessage, type OnnxCheckMessageId } from '../../../src/core/onnx/checkMessages';
import { OnnxCheckError, renderOnnxCheckError } from '../../../src/core/onnx/errors';
import { readOnnxFile } from '../../../src/core/onnx/inspect';

const IDEOGRAPH = /\p{Script=Han}/u;
const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Names and code the Chinese keeps as they are: formats, tools, fields of the ONNX schema, a command. */
const KEPT = ['`npm i onnxruntime-node`', 'torch.onnx.export', 'onnxruntime-node', 'onnxruntime', 'opset_import', 'state_dict', 'TensorFlow Lite', 'tf2onnx',
  '08 03..0a', '.pt/.pth', '.keras', '.h5', 'PyTorch', 'Keras', 'Python', 'pickle', 'protobuf', 'ONNX', 'HDF5', 'JSON', 'gzip', 'ZIP', 'IR'];

/** Sample values for each name a message uses: text with letters in it, so a value left out of the Chinese shows. */
const SAMPLE: Record<string, OnnxCheckArg> = {
  file: '/tmp/m.onnx', why: 'ENOSPC: no space', label: 'model.onnx', bytes: '50 4b 03 04', field: 'graph', need: 17, size: 4096,
  id: 23, wireType: 5, start: 812, name: 'fashion-mnist',
};

function sample(id: OnnxCheckMessageId): OnnxCheckMessage {
  const args = Object.fromEntries(names(ONNX_CHECK_MESSAGES[id].en).map((n) => [n, SAMPLE[n]]));
  return { id, args } as OnnxCheckMessage;
}

test('every message id renders in both languages with the same values and no English words in the Chinese', () => {
  for (const id of Object.keys(ONNX_CHECK_MESSAGES) as OnnxCheckMessageId[]) {
    const { en, 'zh-cn': zh } = ONNX_CHECK_MESSAGES[id];
    assert.deepEqual(names(zh), names(en), `${id}: the same values in both languages`);
    assert.ok(IDEOGRAPH.test(zh) && !/['"]/.test(zh), `${id}: Chinese text, no ASCII quotes`);
    const m = sample(id);
    const [enText, zhText] = [renderOnnxCheckMessage(m, 'en'), renderOnnxCheckMessage(m, 'zh-cn')];
    const values = Object.values(m.args as Record<string, OnnxCheckArg>).map(String);
    for (const v of values) assert.ok(enText.includes(v) && zhText.includes(v), `${id}: ${v} in both languages`);
    const rest = [...values, ...KEPT].reduce((s, v) => s.split(v).join(' '), zhText);
    assert.ok(!/[A-Za-z]/.test(rest), `${id}: English words in “${rest}”`);
  }
});

test('bad files: each error keeps its English message and carries its Chinese details', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-check-'));
  const save = (name: string, bytes: Uint8Array): string => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const cases: [string, string, string, string][] = [
    [save('empty.onnx', new Uint8Array(0)), 'empty', 'empty.onnx is empty (0 bytes): not an ONNX model', 'empty.onnx 是空文件（0 字节），不是 ONNX 模型'],
    [save('weights.onnx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 'not-onnx',
      'weights.onnx is a ZIP archive (a PyTorch .pt/.pth checkpoint or a Keras .keras file?), not an ONNX model: export it with torch.onnx.export or tf2onnx',
      'weights.onnx 是 ZIP 压缩包（PyTorch 的 .pt/.pth 检查点或 Keras 的 .keras 文件？），不是 ONNX 模型：请用 torch.onnx.export 或 tf2onnx 导出'],
    [save('corrupt.onnx', new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05])), 'not-onnx',
      'corrupt.onnx is not an ONNX model: it does not start with an ONNX header (first bytes ff fe 00 01 02 03 04 05; an ONNX file starts with its IR version, bytes 08 03..0a)',
      'corrupt.onnx 不是 ONNX 模型：它的开头不是 ONNX 文件头（前几个字节为 ff fe 00 01 02 03 04 05；ONNX 文件以 IR 版本开头，即字节 08 03..0a）'],
    [path.join(dir, 'absent.onnx'), 'unreadable', `cannot read ${path.join(dir, 'absent.onnx')}: no such file`, `无法读取 ${path.join(dir, 'absent.onnx')}：文件不存在`],
    [dir, 'unreadable', `cannot read ${dir}: it is a folder`, `无法读取 ${dir}：它是一个文件夹`],
  ];
  for (const [file, problem, en, zh] of cases) {
    const e = (() => {
      try {
        readOnnxFile(file);
      } catch (err) {
        return err;
      }
      assert.fail(`${file} was read`);
    })();
    assert.ok(e instanceof OnnxCheckError, String(e));
    assert.equal(e.problem, problem);
    assert.equal(e.message, en);
    assert.equal(renderOnnxCheckError(e, 'en'), en);
    assert.equal(renderOnnxCheckError(e, 'zh-cn'), zh);
  }
  // an error with English details only (export's) shows them as they are in every language
  const plain = new OnnxCheckError('export', 'opset 9 is not supported');
  assert.equal(renderOnnxCheckError(plain, 'zh-cn'), 'opset 9 is not supported');
  assert.equal(renderOnnxCheckMessage(onnxCheckMessage('truncated', { label: 'a.onnx', field: onnxCheckMessage('lastField'), need: 1, size: 9 }), 'zh-cn'),
    'a.onnx 不完整：它的 最后一个字段 比文件的 9 字节还多需要 1 字节（下载或复制中断了？）；请重新导出或复制');
});
