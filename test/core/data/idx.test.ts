import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { encodeIdx, IdxError, parseIdx, readIdxFile, type IdxProblem } from '../../../src/core/data/idx';
import { findIdxFiles, loadIdxFolder } from '../../../src/core/data/datasets';

const images = encodeIdx([3, 2, 2], Uint8Array.from({ length: 12 }, (_, i) => i * 20));
const labels = encodeIdx([3], Uint8Array.from([0, 1, 2]));

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'actlab-idx-'));
}

/** Asserts `fn` throws an IdxError of `problem` whose message matches `message`. */
function throwsIdx(fn: () => unknown, problem: IdxProblem, message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof IdxError, `not an IdxError: ${String(e)}`);
    assert.equal(e.problem, problem, e.message);
    assert.match(e.message, message);
    return true;
  });
}

test('a valid IDX file reads back: dims, data, sha256 of the raw file', () => {
  const r = parseIdx(images, 'imgs', { expectDims: 3 });
  assert.deepEqual(r.dims, [3, 2, 2]);
  assert.deepEqual(Array.from(r.data), Array.from({ length: 12 }, (_, i) => i * 20));
  assert.equal(r.sha256, createHash('sha256').update(images).digest('hex'));
});

test('gzip and raw files give the same data; shared buffers are SharedArrayBuffers', () => {
  const dir = tmp();
  try {
    writeFileSync(path.join(dir, 'a-idx3-ubyte'), images);
    writeFileSync(path.join(dir, 'a-idx3-ubyte.gz'), gzipSync(images));
    const raw = readIdxFile(path.join(dir, 'a-idx3-ubyte'), { shared: true });
    const gz = readIdxFile(path.join(dir, 'a-idx3-ubyte.gz'), { shared: true });
    assert.deepEqual(Array.from(gz.data), Array.from(raw.data));
    assert.equal(gz.sha256, raw.sha256, 'the hash is of the uncompressed file, what reference hashes describe');
    assert.ok(raw.data.buffer instanceof SharedArrayBuffer);
    assert.ok(gz.data.buffer instanceof SharedArrayBuffer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty file says it is empty', () => {
  throwsIdx(() => parseIdx(new Uint8Array(0), 'x-idx1-ubyte'), 'empty', /x-idx1-ubyte is empty \(0 bytes\)/);
  const dir = tmp();
  try {
    writeFileSync(path.join(dir, 'e-idx1-ubyte'), '');
    throwsIdx(() => readIdxFile(path.join(dir, 'e-idx1-ubyte')), 'empty', /e-idx1-ubyte is empty/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a .gz file that is not gzip says so, and damaged gzip says so', () => {
  throwsIdx(() => parseIdx(images, 'train-images-idx3-ubyte.gz'), 'not-gzip',
    /train-images-idx3-ubyte\.gz is not gzip data: .*gzip signature 1f 8b \(it starts with 00 00 08 03\)/);
  const gz = gzipSync(images);
  throwsIdx(() => parseIdx(gz.subarray(0, gz.length - 10), 'cut.gz'), 'bad-gzip', /cut\.gz is damaged gzip data/);
});

test('a wrong magic number is named, in hex, with what was expected', () => {
  const bad = images.slice();
  bad[0] = 0x12;
  throwsIdx(() => parseIdx(bad, 'f'), 'wrong-magic', /f is not an IDX file: wrong magic number 0x12000803 \(expected 0x00000801 for labels or 0x00000803 for images/);
  throwsIdx(() => parseIdx(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'zip'), 'wrong-magic', /wrong magic number 0x504b0304/);
});

test('non-byte element types and wrong dimension counts are refused by name', () => {
  const floats = images.slice();
  floats[2] = 0x0d;
  throwsIdx(() => parseIdx(floats, 'f'), 'unsupported-type', /f holds float32 values \(type byte 0x0d\)/);
  throwsIdx(() => parseIdx(labels, 'labels', { expectDims: 3 }), 'wrong-dimensions', /labels has 1 dimension .*expected 3 dimensions/);
  throwsIdx(() => parseIdx(images, 'images', { expectDims: 1 }), 'wrong-dimensions', /images has 3 dimensions .*expected 1 dimension \(labels\)/);
});

test('a truncated file says how many bytes the header declares and how many there are', () => {
  throwsIdx(() => parseIdx(images.subarray(0, images.length - 5), 't'), 'truncated',
    /t is truncated: the header declares 3 × 2 × 2 = 12 data bytes, the file has 7/);
  throwsIdx(() => parseIdx(images.subarray(0, 9), 'h'), 'truncated', /h is truncated: its header needs 16 bytes for 3 dimensions, the file has 9/);
  throwsIdx(() => parseIdx(images.subarray(0, 3), 'tiny'), 'truncated', /tiny is truncated: an IDX header needs at least 4 bytes/);
  const dir = tmp();
  try {
    // the raw reader takes a different path (straight into the buffer): same messages
    writeFileSync(path.join(dir, 'cut-idx3-ubyte'), images.subarray(0, images.length - 1));
    throwsIdx(() => readIdxFile(path.join(dir, 'cut-idx3-ubyte')), 'truncated', /declares 3 × 2 × 2 = 12 data bytes, the file has 11/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bytes past the declared data and zero items are errors', () => {
  const long = new Uint8Array(images.length + 3);
  long.set(images);
  throwsIdx(() => parseIdx(long, 'l'), 'trailing-bytes', /l has 3 unexpected bytes after the 12 data bytes/);
  throwsIdx(() => parseIdx(encodeIdx([0, 28, 28], new Uint8Array(0)), 'z'), 'no-items', /z declares 0 items/);
});

function writeFolder(dir: string, files: Record<string, Uint8Array>): void {
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
}

test('a label count different from the image count is named with both counts', () => {
  const dir = tmp();
  try {
    writeFolder(dir, {
      'train-images-idx3-ubyte': images,
      'train-labels-idx1-ubyte': encodeIdx([2], Uint8Array.from([0, 1])),
      't10k-images-idx3-ubyte': images,
      't10k-labels-idx1-ubyte': labels,
    });
    throwsIdx(() => loadIdxFolder(dir), 'count-mismatch',
      /training set: the labels file train-labels-idx1-ubyte has 2 labels but the images file train-images-idx3-ubyte has 3 images/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder missing files lists the missing ones; differing image sizes are refused', () => {
  const dir = tmp();
  try {
    writeFolder(dir, { 'train-images-idx3-ubyte.gz': gzipSync(images), 'train-labels-idx1-ubyte': labels });
    throwsIdx(() => findIdxFiles(dir), 'missing-file', /lacks t10k-images-idx3-ubyte\[\.gz\], t10k-labels-idx1-ubyte\[\.gz\]/);
    writeFolder(dir, { 't10k-images-idx3-ubyte': encodeIdx([3, 3, 1], new Uint8Array(9)), 't10k-labels-idx1-ubyte': labels });
    throwsIdx(() => loadIdxFolder(dir), 'shape-mismatch', /t10k-images-idx3-ubyte has 3×1 images but train-images-idx3-ubyte.gz has 2×2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throwsIdx(() => findIdxFiles('/nonexistent/actlab'), 'missing-file', /cannot read the dataset folder \/nonexistent\/actlab/);
});

test('a folder of IDX files loads; a sha256 table catches a changed file', () => {
  const dir = tmp();
  try {
    writeFolder(dir, {
      'train-images-idx3-ubyte.gz': gzipSync(images), 'train-labels-idx1-ubyte.gz': gzipSync(labels),
      'test-images-idx3-ubyte': images, 'test-labels-idx1-ubyte': labels,
    });
    const ds = loadIdxFolder(dir, { name: 'tiny' });
    assert.equal(ds.name, 'tiny');
    assert.deepEqual([ds.rows, ds.cols, ds.classes, ds.train.count, ds.test.count], [2, 2, 3, 3, 3]);
    assert.deepEqual(Array.from(ds.train.labels), [0, 1, 2]);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const table = { 'train-images-idx3-ubyte': sha(images), 'train-labels-idx1-ubyte': sha(labels), 'test-images-idx3-ubyte': sha(images), 'test-labels-idx1-ubyte': sha(labels) };
    assert.equal(loadIdxFolder(dir, { sha256: table }).verified, true);
    const changed = images.slice();
    changed[20] ^= 1;
    writeFolder(dir, { 'test-images-idx3-ubyte': changed });
    throwsIdx(() => loadIdxFolder(dir, { sha256: table }), 'checksum', /test-images-idx3-ubyte does not match the published MNIST file: sha256 [0-9a-f]{64}, expected/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
