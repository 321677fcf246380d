// The parts every run script shares, whatever the framework: the docstring that states the
// experiment, the command line (--data, --epochs, --limit-train, --limit-test, --seed), the IDX
// reader (raw or .gz, the lab's file names) and Keras's validation split.
import { commentText, pythonFloat, pythonNumber } from './python';
import type { RunPlan } from './runPlan';
import { CODE_FRAMEWORK_LABELS, type CodeFramework } from './frameworks';

const INIT_NAMES = { glorot_uniform: 'Glorot-uniform', he_uniform: 'He-uniform', lecun_uniform: 'LeCun-uniform' } as const;

const DATASET_NAMES: Readonly<Record<string, string>> = { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST' };

function docText(s: string): string {
  return commentText(s).replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}

/** The network in words: 784 -> Dense(128, relu) -> Dense(64, relu) -> Dense(10, softmax). */
export function networkText(plan: RunPlan): string {
  return [String(plan.inputs), ...plan.layers.map((l) => `Dense(${l.units}, ${l.label})`), `Dense(${plan.classes}, softmax)`].join(' -> ');
}

/** The module docstring: what the script reproduces, the lab's result, and how to run it. */
export function scriptDocstring(plan: RunPlan, framework: CodeFramework, frameworkNotes: readonly string[]): string {
  const c = plan.config;
  const limits = [
    c.limitTrain !== undefined ? `the first ${c.limitTrain} training images` : undefined,
    c.limitTest !== undefined ? `the first ${c.limitTest} test images` : undefined,
  ].filter(Boolean);
  const lines = [
    `Activation Lab's run '${plan.runId}' as a ${CODE_FRAMEWORK_LABELS[framework]} script.`,
    '',
    `The experiment: ${networkText(plan)} on ${DATASET_NAMES[plan.datasetName] ?? plan.datasetName}${limits.length ? ` (${limits.join(', ')})` : ''};`,
    `Adam (learning rate ${pythonFloat(c.learningRate)}, beta_1 ${pythonFloat(c.beta1)}, beta_2 ${pythonFloat(c.beta2)}, epsilon ${pythonFloat(c.epsilon)});`,
    `categorical cross-entropy; batch ${c.batchSize}; ${c.epochs} epoch${c.epochs === 1 ? '' : 's'}; validation split ${pythonFloat(c.validationSplit)}`,
    `(the LAST part of the training images, taken before shuffling, as Keras does); training part`,
    `${c.shuffle ? 'reshuffled every epoch' : 'not shuffled'}; ${INIT_NAMES[c.init]} weights, zero biases; pixels / 255; seed ${c.seed}.`,
    ...frameworkNotes,
    '',
    plan.result
      ? `The lab's run: test accuracy ${plan.result.testAccuracy.toFixed(4)} on ${plan.result.testCount} test images after ${plan.result.epochs} epoch${plan.result.epochs === 1 ? '' : 's'}.`
      : "The lab's run has no test result (it did not finish).",
    'This script draws its own random numbers (initial weights, shuffling), so expect about the',
    'same accuracy (within a few tenths of a percent after 10 epochs), not the same digits.',
    '',
    'Usage: python3 <this file> --data DIR [--epochs N] [--limit-train N] [--limit-test N] [--seed N]',
    '  DIR holds the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte,',
    '  t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte), raw or .gz.',
    'Prints one line per epoch on stderr and test_accuracy=<value> on stdout at the end.',
  ];
  return `#!/usr/bin/env python3\n"""${lines.map(docText).join('\n')}\n"""`;
}

/** The settings as module constants, in the lab's words. */
export function settingsBlock(plan: RunPlan): string {
  const c = plan.config;
  return [
    `INPUTS = ${plan.inputs}`,
    `HIDDEN = [${plan.layers.map((l) => l.units).join(', ')}]`,
    `CLASSES = ${plan.classes}`,
    `EPOCHS = ${c.epochs}`,
    `BATCH_SIZE = ${c.batchSize}`,
    `EVAL_BATCH_SIZE = ${c.evalBatchSize}`,
    '# Keras\'s validation_split: the LAST fraction of the training images validates, taken before shuffling.',
    `VALIDATION_SPLIT = ${pythonFloat(c.validationSplit)}`,
    `SHUFFLE = ${c.shuffle ? 'True' : 'False'}`,
    `LEARNING_RATE = ${pythonFloat(c.learningRate)}`,
    `BETA_1 = ${pythonFloat(c.beta1)}`,
    `BETA_2 = ${pythonFloat(c.beta2)}`,
    '# Keras\'s default (PyTorch\'s is 1e-08); Keras adds it to sqrt(v), not to sqrt(v_hat).',
    `EPSILON = ${pythonFloat(c.epsilon)}`,
    `SEED = ${c.seed}`,
    `LIMIT_TRAIN = ${c.limitTrain !== undefined ? pythonNumber(c.limitTrain) : 'None'}`,
    `LIMIT_TEST = ${c.limitTest !== undefined ? pythonNumber(c.limitTest) : 'None'}`,
  ].join('\n');
}

/** Python: the IDX reader, the file finder and the loader, numpy only. */
export const LOAD_DATA = `
# The lab's file names: MNIST's and Fashion-MNIST's (train-, t10k- or test-), raw or .gz.
IDX_FILES = {
    'train_images': r'train-images[-.]idx3-ubyte(\\.gz)?$',
    'train_labels': r'train-labels[-.]idx1-ubyte(\\.gz)?$',
    'test_images': r'(t10k|test)-images[-.]idx3-ubyte(\\.gz)?$',
    'test_labels': r'(t10k|test)-labels[-.]idx1-ubyte(\\.gz)?$',
}


def read_idx(path):
    """An IDX file of unsigned bytes (raw or .gz) as a numpy array."""
    with (gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')) as f:
        data = f.read()
    if len(data) < 4 or data[:3] != b'\\x00\\x00\\x08':
        sys.exit(f'{path}: not an IDX file of unsigned bytes')
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find_idx(folder, role):
    names = sorted(n for n in os.listdir(folder) if re.match(IDX_FILES[role], n))
    if not names:
        sys.exit(f'{folder}: no {role.replace("_", " ")} file ({IDX_FILES[role]})')
    raw = [n for n in names if not n.endswith('.gz')]
    return os.path.join(folder, (raw or names)[0])


def load_data(folder, limit_train, limit_test):
    """Training and test images as float32 rows in [0, 1], labels as int64; the first N of each when limited."""
    if not os.path.isdir(folder):
        sys.exit(f'--data {folder}: not a folder')
    x, y, x_test, y_test = (read_idx(find_idx(folder, role)) for role in IDX_FILES)
    x = x.reshape(len(x), -1).astype(np.float32) / np.float32(255)
    x_test = x_test.reshape(len(x_test), -1).astype(np.float32) / np.float32(255)
    if x.shape[1] != INPUTS or x_test.shape[1] != INPUTS:
        sys.exit(f'{folder}: images have {x.shape[1]} pixels; this model takes {INPUTS}')
    if limit_train:
        x, y = x[:limit_train], y[:limit_train]
    if limit_test:
        x_test, y_test = x_test[:limit_test], y_test[:limit_test]
    return x, y.astype(np.int64), x_test, y_test.astype(np.int64)


def validation_split(x, y, split):
    """Keras's validation_split: the LAST part validates, unshuffled; split_at = floor(n * (1 - split))."""
    at = int(math.floor(len(x) * (1.0 - split)))
    return x[:at], y[:at], x[at:], y[at:]
`.trimStart();

/** Python: the command line. */
export const PARSE_ARGS = `
def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\\n')[0])
    p.add_argument('--data', required=True, help='folder with the four IDX files, raw or .gz')
    p.add_argument('--epochs', type=int, default=EPOCHS)
    p.add_argument('--limit-train', type=int, default=LIMIT_TRAIN, help='use the first N training images (then split)')
    p.add_argument('--limit-test', type=int, default=LIMIT_TEST, help='use the first N test images')
    p.add_argument('--seed', type=int, default=SEED)
    args = p.parse_args()
    if args.epochs < 1:
        p.error('--epochs must be at least 1')
    return args
`.trimStart();
