// The IDX file format (LeCun, Cortes & Burges, http://yann.lecun.com/exdb/mnist/): two zero
// bytes, a type byte (0x08 = unsigned byte), a dimension count, then each dimension as a
// big-endian uint32, then the data row-major. MNIST and Fashion-MNIST ship it raw or gzipped.
// Every way a file can be wrong gets its own message naming the file and the problem.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import path from 'node:path';

export type IdxProblem =
  | 'empty' | 'not-gzip' | 'bad-gzip' | 'wrong-magic' | 'unsupported-type' | 'wrong-dimensions'
  | 'truncated' | 'trailing-bytes' | 'no-items' | 'count-mismatch' | 'shape-mismatch' | 'checksum'
  | 'missing-file' | 'unreadable' | 'not-a-file' | 'too-large' | 'bad-label';

/** The largest IDX data the lab reads (a header declaring more is refused before anything is inflated). */
export const MAX_IDX_BYTES = 2 ** 30;

/** A problem with an IDX file or a set of them; `message` says what and where, for the user. */
export class IdxError extends Error {
  constructor(readonly problem: IdxProblem, message: string) {
    super(message);
    this.name = 'IdxError';
  }
}

export interface IdxArray {
  /** e.g. [60000, 28, 28] for images, [60000] for labels. */
  dims: number[];
  /** The unsigned bytes, row-major; on a SharedArrayBuffer when asked for. */
  data: Uint8Array;
  /** sha256 (hex) of the uncompressed file, header included: what reference hashes describe. */
  sha256: string;
}

export interface ReadIdxOptions {
  /** Dimension count the caller needs (3 for images, 1 for labels). */
  expectDims?: number;
  /** Put the data on a SharedArrayBuffer that worker_threads share without copying. */
  shared?: boolean;
}

const GZIP_MAGIC0 = 0x1f;
const GZIP_MAGIC1 = 0x8b;
const IDX_UBYTE = 0x08;
const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte', 0x09: 'signed byte', 0x0b: 'int16', 0x0c: 'int32', 0x0d: 'float32', 0x0e: 'float64',
};

function hex(n: number, width: number): string {
  return `0x${n.toString(16).padStart(width, '0')}`;
}

/** Reads the IDX header of `bytes` (already decompressed); returns dims and the data offset. */
function parseHeader(bytes: Uint8Array, name: string, expectDims: number | undefined): { dims: number[]; offset: number } {
  if (bytes.length < 4) {
    throw new IdxError('truncated', `${name} is truncated: an IDX header needs at least 4 bytes, the file has ${bytes.length}`);
  }
  const magic = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const type = bytes[2];
  const ndims = bytes[3];
  if (bytes[0] !== 0 || bytes[1] !== 0 || !(type in TYPE_NAMES) || ndims === 0) {
    throw new IdxError('wrong-magic',
      `${name} is not an IDX file: wrong magic number ${hex(magic, 8)} (expected 0x00000801 for labels or ` +
      '0x00000803 for images: two zero bytes, the type byte 0x08, the number of dimensions)');
  }
  if (type !== IDX_UBYTE) {
    throw new IdxError('unsupported-type',
      `${name} holds ${TYPE_NAMES[type]} values (type byte ${hex(type, 2)}); the lab reads unsigned-byte IDX files (0x08) only`);
  }
  if (expectDims !== undefined && ndims !== expectDims) {
    const want = expectDims === 1 ? '1 dimension (labels)' : `${expectDims} dimensions (count, rows, columns for images)`;
    throw new IdxError('wrong-dimensions', `${name} has ${ndims} dimension${ndims === 1 ? '' : 's'} (magic ${hex(magic, 8)}); expected ${want}`);
  }
  const offset = 4 + 4 * ndims;
  if (bytes.length < offset) {
    throw new IdxError('truncated', `${name} is truncated: its header needs ${offset} bytes for ${ndims} dimensions, the file has ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, offset);
  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(view.getUint32(4 + 4 * d, false));
  return { dims, offset };
}

/** The data bytes a header declares; refuses more than MAX_IDX_BYTES. */
function declaredBytes(dims: number[], name: string): number {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (dims[0] === 0) throw new IdxError('no-items', `${name} declares 0 items (dimensions ${dims.join(' × ')})`);
  if (expected > MAX_IDX_BYTES) {
    throw new IdxError('too-large', `${name} declares ${dims.join(' × ')} = ${expected} data bytes, more than the ${MAX_IDX_BYTES} the lab reads`);
  }
  return expected;
}

function checkLength(dims: number[], available: number, name: string): number {
  const expected = declaredBytes(dims, name);
  if (available < expected) {
    throw new IdxError('truncated',
      `${name} is truncated: the header declares ${dims.join(' × ')} = ${expected} data bytes, the file has ${available}`);
  }
  if (available > expected) {
    throw new IdxError('trailing-bytes',
      `${name} has ${available - expected} unexpected bytes after the ${expected} data bytes its header declares (${dims.join(' × ')})`);
  }
  return expected;
}

function intoBuffer(src: Uint8Array, shared: boolean): Uint8Array {
  if (!shared) return src;
  const out = new Uint8Array(new SharedArrayBuffer(src.length));
  out.set(src);
  return out;
}

const GZIP_HEADER_PROBE = 64;

/** Inflates as much of `file` as `compressedBytes` of it give, without requiring the end of the stream. */
function inflatePrefix(file: Uint8Array, compressedBytes: number, name: string): Buffer {
  try {
    // deflate expands at most 1032:1, so the cap cannot be hit by a prefix this short
    return gunzipSync(file.subarray(0, compressedBytes), { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 1032 * compressedBytes + 1024 });
  } catch (e) {
    throw new IdxError('bad-gzip', `${name} is damaged gzip data: ${(e as Error).message}`);
  }
}

/**
 * Inflates a gzip IDX file with memory bounded by what its header declares: the header is read
 * from a short prefix first, then the whole stream is inflated with an output cap of exactly the
 * declared size plus one byte, so a file that inflates to more (a gzip bomb) stops at the cap.
 */
function inflateIdx(file: Uint8Array, name: string, expectDims: number | undefined): Uint8Array {
  let head: Buffer = Buffer.alloc(0);
  for (let k = GZIP_HEADER_PROBE; ; k *= 2) {
    head = inflatePrefix(file, Math.min(k, file.length), name);
    const needed = head.length >= 4 ? 4 + 4 * head[3] : 4;
    if (head.length >= needed || k >= file.length) break;
  }
  if (head.length === 0) throw new IdxError('empty', `${name} is empty once decompressed (0 bytes)`);
  const { dims, offset } = parseHeader(head, name, expectDims);
  const cap = offset + declaredBytes(dims, name);
  let bytes: Buffer;
  try {
    bytes = gunzipSync(file, { maxOutputLength: cap + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IdxError('trailing-bytes',
        `${name} inflates to more than the ${cap} bytes its IDX header declares (${dims.join(' × ')} plus a ${offset}-byte header): ` +
        'stopped there; the file is damaged or not what its header says');
    }
    throw new IdxError('bad-gzip', `${name} is damaged gzip data: ${(e as Error).message}`);
  }
  return bytes;
}

/** Parses an IDX file held in memory, raw or gzip-compressed (detected by its first two bytes). */
export function parseIdx(file: Uint8Array, name: string, options: ReadIdxOptions = {}): IdxArray {
  if (file.length === 0) throw new IdxError('empty', `${name} is empty (0 bytes)`);
  const looksGzip = file.length >= 2 && file[0] === GZIP_MAGIC0 && file[1] === GZIP_MAGIC1;
  if (!looksGzip && name.endsWith('.gz')) {
    throw new IdxError('not-gzip',
      `${name} is not gzip data: the name ends in .gz but the file does not start with the gzip signature 1f 8b ` +
      `(it starts with ${Array.from(file.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ')})`);
  }
  const bytes = looksGzip ? inflateIdx(file, name, options.expectDims) : file;
  const { dims, offset } = parseHeader(bytes, name, options.expectDims);
  const length = checkLength(dims, bytes.length - offset, name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { dims, data: intoBuffer(bytes.subarray(offset, offset + length), options.shared ?? false), sha256 };
}

/**
 * Reads an IDX file from disk. Raw files are read straight into their final buffer (no 47 MB
 * temporary copy for MNIST's training images); gzip files are decompressed in memory.
 */
export function readIdxFile(file: string, options: ReadIdxOptions = {}): IdxArray {
  const name = path.basename(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IdxError(code === 'ENOENT' ? 'missing-file' : 'unreadable', `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new IdxError('not-a-file', `${file} is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}, not an IDX file`);
    const size = stat.size;
    if (size === 0) throw new IdxError('empty', `${name} is empty (0 bytes)`);
    const head = new Uint8Array(Math.min(size, 4 + 4 * 255));
    readFully(fd, head, 0);
    if ((head[0] === GZIP_MAGIC0 && head[1] === GZIP_MAGIC1) || name.endsWith('.gz')) {
      return parseIdx(readFileSync(file), name, options);
    }
    const { dims, offset } = parseHeader(head, name, options.expectDims);
    const length = checkLength(dims, size - offset, name);
    const data = options.shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length);
    readFully(fd, data, offset);
    const sha256 = createHash('sha256').update(head.subarray(0, offset)).update(data).digest('hex');
    return { dims, data, sha256 };
  } catch (e) {
    if (e instanceof IdxError) throw e;
    throw new IdxError('unreadable', `cannot read ${file}: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

/** The IDX encoding of `data` with `dims` (unsigned bytes): for tests, fixtures and exports. */
export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  out[2] = IDX_UBYTE;
  out[3] = dims.length;
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}
