// Why an ONNX model cannot be read, loaded or checked, in English and Simplified Chinese, by id. An
// OnnxCheckError carries its message (an id and the values it names) so that each surface shows it
// in the user's language; `Error.message` stays the English text. Another library's own words
// (onnxruntime's, protobuf's, the file system's) are passed through as values.
import type { Placeholders } from '../expr/messages';
import type { UiLanguage } from '../locale';
import { fillTemplate } from '../template';

export const ONNX_CHECK_MESSAGES = {
  // reading the file
  cannotRead: { en: 'cannot read {file}: {why}', 'zh-cn': '无法读取 {file}：{why}' },
  noSuchFile: { en: 'no such file', 'zh-cn': '文件不存在' },
  isFolder: { en: 'it is a folder', 'zh-cn': '它是一个文件夹' },
  empty: { en: '{label} is empty (0 bytes): not an ONNX model', 'zh-cn': '{label} 是空文件（0 字节），不是 ONNX 模型' },
  zip: {
    en: '{label} is a ZIP archive (a PyTorch .pt/.pth checkpoint or a Keras .keras file?), not an ONNX model: export it with torch.onnx.export or tf2onnx',
    'zh-cn': '{label} 是 ZIP 压缩包（PyTorch 的 .pt/.pth 检查点或 Keras 的 .keras 文件？），不是 ONNX 模型：请用 torch.onnx.export 或 tf2onnx 导出',
  },
  hdf5: { en: '{label} is an HDF5 file (a Keras .h5 model?), not an ONNX model: convert it with tf2onnx', 'zh-cn': '{label} 是 HDF5 文件（Keras 的 .h5 模型？），不是 ONNX 模型：请用 tf2onnx 转换' },
  tflite: { en: '{label} is a TensorFlow Lite model, not an ONNX model: convert it with tf2onnx', 'zh-cn': '{label} 是 TensorFlow Lite 模型，不是 ONNX 模型：请用 tf2onnx 转换' },
  gzip: { en: '{label} is gzip-compressed: decompress it first', 'zh-cn': '{label} 是 gzip 压缩文件：请先解压' },
  pickle: {
    en: '{label} is a Python pickle (a PyTorch state_dict?), not an ONNX model: export it with torch.onnx.export',
    'zh-cn': '{label} 是 Python pickle 文件（PyTorch 的 state_dict？），不是 ONNX 模型：请用 torch.onnx.export 导出',
  },
  jsonText: { en: '{label} is a text (JSON?) file, not an ONNX model (ONNX is a binary protobuf file)', 'zh-cn': '{label} 是文本文件（JSON？），不是 ONNX 模型（ONNX 是二进制的 protobuf 文件）' },
  plainText: { en: '{label} is a text file, not an ONNX model (ONNX is a binary protobuf file)', 'zh-cn': '{label} 是文本文件，不是 ONNX 模型（ONNX 是二进制的 protobuf 文件）' },
  notOnnxHeader: {
    en: '{label} is not an ONNX model: it does not start with an ONNX header (first bytes {bytes}; an ONNX file starts with its IR version, bytes 08 03..0a)',
    'zh-cn': '{label} 不是 ONNX 模型：它的开头不是 ONNX 文件头（前几个字节为 {bytes}；ONNX 文件以 IR 版本开头，即字节 08 03..0a）',
  },
  truncated: {
    en: "{label} is truncated: its {field} needs {need} more bytes than the file's {size} (an interrupted download or copy?); export or copy it again",
    'zh-cn': '{label} 不完整：它的 {field} 比文件的 {size} 字节还多需要 {need} 字节（下载或复制中断了？）；请重新导出或复制',
  },
  lastField: { en: 'last field', 'zh-cn': '最后一个字段' },
  unknownField: {
    en: '{label} is damaged: an unknown field (number {id}, wire type {wireType}) at byte {start} of {size}',
    'zh-cn': '{label} 已损坏：第 {start} 字节处（共 {size} 字节）有一个未知字段（编号 {id}，线路类型 {wireType}）',
  },
  undecodable: { en: '{label} is damaged: it cannot be decoded as ONNX ({why})', 'zh-cn': '{label} 已损坏：无法按 ONNX 格式解码（{why}）' },
  noGraph: { en: '{label} has no graph: not an ONNX model (or cut short before its graph)', 'zh-cn': '{label} 没有计算图：不是 ONNX 模型（或在计算图之前就被截断了）' },
  noOpset: {
    en: '{label} has no opset_import: not a complete ONNX model (cut short after its graph?)',
    'zh-cn': '{label} 没有 opset_import：不是完整的 ONNX 模型（在计算图之后被截断了？）',
  },
  // loading and running it
  runtimeMissing: {
    en: 'onnxruntime-node cannot be loaded ({why}): install it with `npm i onnxruntime-node` (or reinstall the extension)',
    'zh-cn': '无法加载 onnxruntime-node（{why}）：请用 `npm i onnxruntime-node` 安装（或重新安装扩展）',
  },
  runtimeCannotLoad: { en: 'onnxruntime cannot load {label}: {why}', 'zh-cn': 'onnxruntime 无法加载 {label}：{why}' },
  // the test set
  datasetCannotLoad: { en: "cannot load the test set '{name}': {why}", 'zh-cn': '无法加载测试集“{name}”：{why}' },
  datasetEmpty: { en: "the test set '{name}' has no images to check", 'zh-cn': '测试集“{name}”中没有可以检查的图像' },
  unexpected: { en: 'checking {label} failed unexpectedly: {why}', 'zh-cn': '检查 {label} 时意外失败：{why}' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

export type OnnxCheckMessageId = keyof typeof ONNX_CHECK_MESSAGES;

/** A value a message names: text, a number, or another message. */
export type OnnxCheckArg = string | number | OnnxCheckMessage;

/** One message: its id and the value of each name in its text. */
export type OnnxCheckMessage<K extends OnnxCheckMessageId = OnnxCheckMessageId> = K extends OnnxCheckMessageId
  ? { readonly id: K; readonly args: { readonly [P in Placeholders<(typeof ONNX_CHECK_MESSAGES)[K]['en']>]: OnnxCheckArg } }
  : never;

type ArgsOf<K extends OnnxCheckMessageId> = OnnxCheckMessage<K>['args'];

/** A message by id; the arguments are checked against the names in its English text. */
export function onnxCheckMessage<K extends OnnxCheckMessageId>(id: K, ...args: keyof ArgsOf<K> extends never ? [] : [ArgsOf<K>]): OnnxCheckMessage<K> {
  return { id, args: args[0] ?? {} } as OnnxCheckMessage<K>;
}

/** A message in a language; a nested message is rendered in the same language. */
export function renderOnnxCheckMessage(message: OnnxCheckMessage, lang: UiLanguage): string {
  const args = message.args as Readonly<Record<string, OnnxCheckArg>>;
  const value = (v: OnnxCheckArg): string => (typeof v === 'object' ? renderOnnxCheckMessage(v, lang) : String(v));
  return fillTemplate(ONNX_CHECK_MESSAGES[message.id][lang], args, value);
}
