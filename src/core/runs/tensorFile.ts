// The lab's binary tensor file (weights, checkpoints). Layout:
//   8 bytes  magic "ACTLABT1"
//   u32 LE   format version
//   u32 LE   header length H
//   H bytes  JSON header: { kind, tensors: [{ name, shape, offset, sha256 }], meta, dataBytes, sha256 }
//   padding  to a multiple of 4
//   data     float32 little-endian, tensors at their offsets (in floats) from here
// The sha256 of the data makes damage (a truncated copy, a flipped byte) a clear error, and each
// tensor's own sha256 says which tensor it hit (files written before it existed lack it: fine).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic';
import { RunFormatError } from './errors';

export const TENSOR_FILE_VERSION = 1;
const MAGIC = Buffer.from('ACTLABT1', 'latin1');

export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
  /** sha256 (hex) of this tensor's bytes. */
  sha256?: string;
}

interface Header {
  kind: string;
  tensors: TensorEntry[];
  meta: unknown;
  dataBytes: number;
  sha256: string;
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('tensor files are little-endian; this machine is big-endian');
}

/** Writes named tensors atomically. `meta` is any JSON-able value saved in the header. */
export function saveTensorFile(file: string, kind: string, tensors: NamedTensor[], meta: unknown = {}): void {
  assertLittleEndian();
  const entries: TensorEntry[] = [];
  let offset = 0;
  const dataParts = tensors.map((t) => new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  tensors.forEach((t, i) => {
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (n !== t.data.length) throw new Error(`tensor ${t.name}: shape ${t.shape.join('x')} has ${n} values, data has ${t.data.length}`);
    entries.push({ name: t.name, shape: t.shape, offset, sha256: createHash('sha256').update(dataParts[i]).digest('hex') });
    offset += n;
  });
  const hash = createHash('sha256');
  for (const p of dataParts) hash.update(p);
  const header: Header = { kind, tensors: entries, meta, dataBytes: offset * 4, sha256: hash.digest('hex') };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = new Uint8Array(16);
  pre.set(MAGIC, 0);
  const view = new DataView(pre.buffer);
  view.setUint32(8, TENSOR_FILE_VERSION, true);
  view.setUint32(12, json.length, true);
  const pad = new Uint8Array((4 - ((16 + json.length) % 4)) % 4);
  writeFileAtomic(file, [pre, json, pad, ...dataParts]);
}

export interface TensorFile {
  kind: string;
  meta: unknown;
  tensors: Map<string, NamedTensor>;
}

/** Why a tensor file cannot be used (one line naming the file and the problem), or null when it loads and checks out. */
export function tensorFileProblem(file: string, expectKind?: string): string | null {
  try {
    loadTensorFile(file, expectKind);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Reads a tensor file, checking magic, version, lengths and checksum; errors name the file and the problem. */
export function loadTensorFile(file: string, expectKind?: string): TensorFile {
  assertLittleEndian();
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new RunFormatError('missing', `cannot read ${file}: ${(e as Error).message}`);
  }
  const damaged = (why: string) => new RunFormatError('damaged', `${name} is damaged: ${why}`);
  if (bytes.length < 16) throw damaged(`${bytes.length} bytes is shorter than the 16-byte preamble`);
  if (!bytes.subarray(0, 8).equals(MAGIC)) throw damaged('it does not start with ACTLABT1 (not an Activation Lab tensor file)');
  const version = bytes.readUInt32LE(8);
  if (version > TENSOR_FILE_VERSION) {
    throw new RunFormatError('newer-version',
      `${name} was written by a newer Activation Lab (tensor format ${version}; this version reads up to ${TENSOR_FILE_VERSION}): update the extension`);
  }
  const headerLength = bytes.readUInt32LE(12);
  if (16 + headerLength > bytes.length) throw damaged(`the header claims ${headerLength} bytes but the file ends first`);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8')) as Header;
  } catch (e) {
    throw damaged(`its header is not valid JSON (${(e as Error).message})`);
  }
  if (!header || !Array.isArray(header.tensors) || typeof header.dataBytes !== 'number' || typeof header.sha256 !== 'string') {
    throw damaged('its header lacks tensors, dataBytes or sha256');
  }
  if (expectKind && header.kind !== expectKind) throw damaged(`it holds ${header.kind}, expected ${expectKind}`);
  const dataStart = 16 + headerLength + ((4 - ((16 + headerLength) % 4)) % 4);
  const available = bytes.length - dataStart;
  if (available !== header.dataBytes) {
    throw damaged(`the header declares ${header.dataBytes} data bytes, the file has ${Math.max(0, available)}${available < header.dataBytes ? ' (truncated)' : ''}`);
  }
  const data = bytes.subarray(dataStart);
  const sha = createHash('sha256').update(data).digest('hex');
  if (sha !== header.sha256) {
    const hit = header.tensors.filter((t) => {
      const n = Array.isArray(t.shape) ? t.shape.reduce((a, b) => a * b, 1) : NaN;
      const part = data.subarray(t.offset * 4, (t.offset + n) * 4);
      return typeof t.sha256 === 'string' && createHash('sha256').update(part).digest('hex') !== t.sha256;
    }).map((t) => t.name);
    throw damaged(`its data does not match its checksum${hit.length ? ` (damaged: ${hit.slice(0, 5).join(', ')}${hit.length > 5 ? ', ...' : ''})` : ''}`);
  }
  // Copy into an aligned buffer (the Buffer may sit at any byte offset in Node's pool).
  const floats = new Float32Array(header.dataBytes / 4);
  new Uint8Array(floats.buffer).set(data);
  const tensors = new Map<string, NamedTensor>();
  for (const t of header.tensors) {
    if (!t || typeof t.name !== 'string' || !Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw damaged('its header lists a tensor without a name or shape');
    }
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (!(t.offset >= 0 && t.offset + n <= floats.length)) throw damaged(`tensor ${t.name} lies outside the data`);
    tensors.set(t.name, { name: t.name, shape: t.shape, data: floats.subarray(t.offset, t.offset + n) });
  }
  return { kind: header.kind, meta: header.meta, tensors };
}
