import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { encodeIdx, IdxError, parseIdx, readIdxFile, type IdxProblem } from '../../../src/core/data/idx';
import { findIdxFiles, loadDataset, loadIdxFolder } from '../../../src/core/data/datasets';

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
    assert.deepEqual([ds.rows, ds.cols, ds.classes, ds.train.count, ds.test.count], [2, 2, 10, 3, 3], 'no classes.txt: the ten digits');
    writeFileSync(path.join(dir, 'classes.txt'), 'cat\ndog\n\nbird\n');
    const declared = loadIdxFolder(dir);
    assert.deepEqual([declared.classes, ...declared.classNames], [3, 'cat', 'dog', 'bird']);
    rmSync(path.join(dir, 'classes.txt'));
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

/** A folder of the four files with the given labels (3 images of 2×2 in each split). */
function labelledFolder(dir: string, train: number[], test: number[]): void {
  writeFolder(dir, {
    'train-images-idx3-ubyte': images, 'train-labels-idx1-ubyte': encodeIdx([3], Uint8Array.from(train)),
    't10k-images-idx3-ubyte': images, 't10k-labels-idx1-ubyte': encodeIdx([3], Uint8Array.from(test)),
  });
}

test('labels outside the classes the dataset declares are refused with the file, the index and the value', () => {
  const dir = tmp();
  try {
    labelledFolder(dir, [0, 255, 9], [1, 2, 3]);
    throwsIdx(() => loadIdxFolder(dir), 'bad-label',
      new RegExp(`${path.join(dir, 'train-labels-idx1-ubyte').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: label 255 at index 1 is outside the 10 classes the dataset declares \\(0 to 9\\)`));
    labelledFolder(dir, [0, 1, 2], [1, 10, 12]);
    throwsIdx(() => loadDataset(dir), 'bad-label', /t10k-labels-idx1-ubyte: label 10 at index 1 is outside the 10 classes .*2 labels are outside in all/);
    labelledFolder(dir, [0, 1, 2], [0, 1, 2]);
    writeFileSync(path.join(dir, 'classes.txt'), 'a\nb\n');
    throwsIdx(() => loadIdxFolder(dir), 'bad-label', /train-labels-idx1-ubyte: label 2 at index 2 is outside the 2 classes the dataset declares \(0 to 1\)/);
    writeFileSync(path.join(dir, 'classes.txt'), 'only\n');
    throwsIdx(() => loadIdxFolder(dir), 'bad-label', /classes\.txt lists 1 class; a dataset needs 2 to 256/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a directory (or a dangling link) named like an IDX file is a clear error, not EISDIR', () => {
  const dir = tmp();
  try {
    labelledFolder(dir, [0, 1, 2], [0, 1, 2]);
    rmSync(path.join(dir, 'train-images-idx3-ubyte'));
    mkdirSync(path.join(dir, 'train-images-idx3-ubyte'));
    throwsIdx(() => loadDataset(dir), 'not-a-file', /train-images-idx3-ubyte is a directory, not an IDX file/);
    throwsIdx(() => readIdxFile(path.join(dir, 'train-images-idx3-ubyte')), 'not-a-file', /is a directory, not an IDX file/);
    rmSync(path.join(dir, 'train-images-idx3-ubyte'), { recursive: true });
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'train-images-idx3-ubyte'));
    throwsIdx(() => loadDataset(dir), 'not-a-file', /train-images-idx3-ubyte is unreadable \(ENOENT\), not an IDX file/);
    // A raw file beside a directory of the .gz name: the file is used.
    rmSync(path.join(dir, 'train-images-idx3-ubyte'));
    writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), images);
    mkdirSync(path.join(dir, 'train-images-idx3-ubyte.gz'));
    assert.equal(loadDataset(dir).train.count, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A gzip file of `members` concatenated gzip members: the first holds `header` and `chunk` zeros, the rest `chunk` zeros each. */
function gzipBomb(header: Uint8Array, chunk: number, members: number): Buffer {
  const first = gzipSync(Buffer.concat([header, Buffer.alloc(chunk)]), { level: 9 });
  const rest = gzipSync(Buffer.alloc(chunk), { level: 9 });
  return Buffer.concat([first, ...Array.from({ length: members - 1 }, () => rest)]);
}

test('a gzip bomb stops at the size its IDX header declares; a header declaring too much is refused before inflating', () => {
  // 3 × 2 × 2 images declared, 64 MB inflated: the cap is 29 bytes.
  const header = encodeIdx([3, 2, 2], new Uint8Array(0));
  const bomb = gzipBomb(header, 1 << 20, 64);
  assert.ok(bomb.length < 200_000, `${bomb.length} bytes on disk`);
  throwsIdx(() => parseIdx(bomb, 'bomb-idx3-ubyte.gz'), 'trailing-bytes',
    /bomb-idx3-ubyte\.gz inflates to more than the 28 bytes its IDX header declares \(3 × 2 × 2 plus a 16-byte header\): stopped there/);
  throwsIdx(() => parseIdx(gzipSync(encodeIdx([70000, 200, 200], new Uint8Array(0))), 'huge.gz'), 'too-large',
    /huge\.gz declares 70000 × 200 × 200 = 2800000000 data bytes, more than the 1073741824 the lab reads/);
  // The same inflate gives a valid file of the declared size: the cap is exact, not a guess.
  const exact = gzipBomb(encodeIdx([4, 1024, 256], new Uint8Array(0)), 1 << 20, 1);
  assert.equal(parseIdx(exact, 'exact.gz', { expectDims: 3 }).data.length, 1 << 20);
});

test('a 1 GB gzip bomb fails in a process whose peak memory stays far below 1 GB', () => {
  const dir = tmp();
  try {
    const file = path.join(dir, 'train-images-idx3-ubyte.gz');
    writeFileSync(file, gzipBomb(encodeIdx([60000, 28, 28], new Uint8Array(0)), 1 << 20, 1024));
    const script = `const { readIdxFile } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/core/data/idx.ts'))});
      let message = '';
      try { readIdxFile(${JSON.stringify(file)}); } catch (e) { message = e.message; }
      // VmHWM: this process's own peak (getrusage's maxRSS can carry the parent's over fork and exec)
      const hwm = Number(/VmHWM:\\s+(\\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]);
      process.stdout.write(JSON.stringify({ message, maxRssMB: hwm / 1024 }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    const { message, maxRssMB } = JSON.parse(out) as { message: string; maxRssMB: number };
    assert.match(message, /inflates to more than the 47040016 bytes its IDX header declares/);
    // Inflating it whole took 2.1 GB; capped at the declared 47 MB it needs the runtime plus about that.
    assert.ok(maxRssMB < 400, `peak RSS ${maxRssMB.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
