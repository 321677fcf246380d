// The pure hover matcher: which activation a position names, in which framework, with which
// defaults; checked on the host suite's sample files, on every alias in the registry, and on the
// cases that must not match (`relu_count`, `prelude`, a variable `elu = 3`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, findAllByAlias, resolveParams } from '../../../src/core/activations/registry';
import type { Framework } from '../../../src/core/activations/types';
import { compileCustomActivation } from '../../../src/core/expr/customActivation';
import { findActivationReference, type ActivationReference } from '../../../src/core/hover/reference';
import { offsetOf, sample } from './samples';

const softclip = compileCustomActivation({ name: 'softclip', expression: 'x / (1 + abs(x))' });
const LANG: Record<string, string> = { py: 'python', js: 'javascript', md: 'markdown', ts: 'typescript' };

function hoverIn(file: string, needle: string, delta = 0, occurrence = 0): ActivationReference | undefined {
  const text = sample(file);
  return findActivationReference({ text, languageId: LANG[file.split('.').pop()!] }, offsetOf(text, needle, delta, occurrence), [softclip]);
}

function hoverText(text: string, languageId: string, needle: string, delta = 0, custom = [softclip]): ActivationReference | undefined {
  return findActivationReference({ text, languageId }, offsetOf(text, needle, delta), custom);
}

interface Expect { id: string; framework: Framework | undefined; defaults?: Record<string, number>; span: string }

// Every name the issue lists, in the samples the host suite opens. Positions: the name's first
// character, the middle of its last segment and just after it (VS Code asks at all of these).
const ISSUE_NAMES: [file: string, needle: string, want: Expect][] = [
  ['pytorch_mlp.py', 'nn.ReLU()', { id: 'relu', framework: 'pytorch', span: 'nn.ReLU' }],
  ['pytorch_mlp.py', 'nn.LeakyReLU()', { id: 'leaky_relu', framework: 'pytorch', defaults: { alpha: 0.01 }, span: 'nn.LeakyReLU' }],
  ['pytorch_mlp.py', 'torch.nn.functional.gelu', { id: 'gelu', framework: 'pytorch', span: 'torch.nn.functional.gelu' }],
  ['pytorch_mlp.py', 'F.leaky_relu', { id: 'leaky_relu', framework: 'pytorch', defaults: { alpha: 0.01 }, span: 'F.leaky_relu' }],
  ['pytorch_mlp.py', 'torch.sigmoid', { id: 'sigmoid', framework: 'pytorch', span: 'torch.sigmoid' }],
  ['pytorch_mlp.py', "nn.GELU(approximate='tanh')", { id: 'gelu_tanh', framework: 'pytorch', span: 'nn.GELU' }],
  ['pytorch_mlp.py', 'torch_elu(torch', { id: 'elu', framework: 'pytorch', defaults: { alpha: 1 }, span: 'torch_elu' }],
  ['pytorch_mlp.py', 'softclip(', { id: 'softclip', framework: undefined, span: 'softclip' }],
  ['keras_mlp.py', 'keras.layers.LeakyReLU', { id: 'leaky_relu', framework: 'tensorflow', defaults: { alpha: 0.3 }, span: 'keras.layers.LeakyReLU' }],
  ['keras_mlp.py', 'tf.keras.activations.swish', { id: 'silu', framework: 'keras', defaults: { beta: 1 }, span: 'tf.keras.activations.swish' }],
  ['keras_mlp.py', 'tf.nn.relu', { id: 'relu', framework: 'tensorflow', span: 'tf.nn.relu' }],
  ['keras_mlp.py', 'tf.tanh', { id: 'tanh', framework: 'tensorflow', span: 'tf.tanh' }],
  ['keras_mlp.py', 'tf.keras.layers.LeakyReLU', { id: 'leaky_relu', framework: 'tensorflow', defaults: { alpha: 0.3 }, span: 'tf.keras.layers.LeakyReLU' }],
  ['jax_mlp.py', 'jax.nn.silu', { id: 'silu', framework: 'jax', span: 'jax.nn.silu' }],
  ['jax_mlp.py', 'jax.nn.leaky_relu', { id: 'leaky_relu', framework: 'jax', defaults: { alpha: 0.01 }, span: 'jax.nn.leaky_relu' }],
  ['jax_mlp.py', 'jax.nn.gelu', { id: 'gelu_tanh', framework: 'jax', span: 'jax.nn.gelu' }], // JAX's gelu defaults to the tanh form
  ['jax_mlp.py', 'jnp.tanh', { id: 'tanh', framework: 'jax', span: 'jnp.tanh' }],
  ['jax_mlp.py', 'jax.nn.softmax', { id: 'softmax', framework: 'jax', span: 'jax.nn.softmax' }],
  ['tfjs_mlp.js', 'tf.layers.leakyReLU', { id: 'leaky_relu', framework: 'tfjs', defaults: { alpha: 0.3 }, span: 'tf.layers.leakyReLU' }],
  ['tfjs_mlp.js', 'tf.leakyRelu', { id: 'leaky_relu', framework: 'tfjs', defaults: { alpha: 0.2 }, span: 'tf.leakyRelu' }],
  ['tfjs_mlp.js', 'tf.tanh', { id: 'tanh', framework: 'tfjs', span: 'tf.tanh' }],
  ['tfjs_mlp.js', 'tf.sigmoid', { id: 'sigmoid', framework: 'tfjs', span: 'tf.sigmoid' }],
  ['activations.md', 'nn.ReLU', { id: 'relu', framework: 'pytorch', span: 'nn.ReLU' }],
  ['activations.md', 'F.leaky_relu', { id: 'leaky_relu', framework: 'pytorch', defaults: { alpha: 0.01 }, span: 'F.leaky_relu' }],
  ['activations.md', 'keras.layers.LeakyReLU', { id: 'leaky_relu', framework: 'tensorflow', defaults: { alpha: 0.3 }, span: 'keras.layers.LeakyReLU' }],
  ['activations.md', 'nn.LeakyReLU', { id: 'leaky_relu', framework: 'pytorch', defaults: { alpha: 0.01 }, span: 'nn.LeakyReLU' }],
];

for (const [file, needle, want] of ISSUE_NAMES) {
  test(`${file}: ${needle} is ${want.id} (${want.framework ?? 'no framework'})`, () => {
    const lastDot = want.span.lastIndexOf('.');
    const middleOfLast = lastDot + 1 + Math.floor((want.span.length - lastDot - 1) / 2);
    for (const delta of [0, middleOfLast, want.span.length]) {
      const ref = hoverIn(file, needle, delta);
      assert.ok(ref, `no hover at +${delta}`);
      assert.equal(ref.record.id, want.id, `at +${delta}`);
      assert.equal(ref.framework, want.framework);
      if (want.defaults) assert.deepEqual(ref.defaults, want.defaults);
      const text = sample(file);
      assert.equal(text.slice(ref.start, ref.end), want.span);
      assert.equal(ref.start, offsetOf(text, needle));
    }
  });
}

test("string arguments: activation='tanh', activation=\"softmax\", TF.js activation: 'relu' (span is the string's content)", () => {
  const cases: [string, string, string, Framework][] = [
    ['keras_mlp.py', "'tanh'", 'tanh', 'keras'],
    ['keras_mlp.py', '"softmax"', 'softmax', 'keras'],
    ['tfjs_mlp.js', "'relu'", 'relu', 'tfjs'],
    ['tfjs_mlp.js', "'softmax'", 'softmax', 'tfjs'],
  ];
  for (const [file, needle, id, framework] of cases) {
    for (const delta of [0, 1, needle.length - 1]) {
      const ref = hoverIn(file, needle, delta);
      assert.ok(ref, `${file} ${needle} +${delta}`);
      assert.equal(ref.record.id, id);
      assert.equal(ref.framework, framework);
      assert.equal(ref.form, 'string');
      assert.equal(sample(file).slice(ref.start, ref.end), id);
    }
  }
});

test('no hover on words that contain a name, plain variables, or unrelated code', () => {
  const negatives: [string, string, number?][] = [
    ['pytorch_mlp.py', 'relu_count'], ['pytorch_mlp.py', 'relu_count', 2], ['pytorch_mlp.py', 'relu_count', 10],
    ['pytorch_mlp.py', 'prelude'], ['pytorch_mlp.py', 'prelude', 1], ['pytorch_mlp.py', 'prelude', 4],
    ['pytorch_mlp.py', 'elu = 3'], ['pytorch_mlp.py', 'elu = 3', 1], ['pytorch_mlp.py', '+ elu', 2],
    ['pytorch_mlp.py', '"setup"', 2], ['pytorch_mlp.py', 'nn.Linear', 4], ['pytorch_mlp.py', 'self.act', 6],
    ['pytorch_mlp.py', 'import torch', 8], ['pytorch_mlp.py', 'negative_slope=0.2', 2],
    ['keras_mlp.py', 'relu_count'], ['keras_mlp.py', 'keras.Sequential', 7], ['keras_mlp.py', 'Dense(128', 2],
    ['jax_mlp.py', 'prelude'], ['jax_mlp.py', 'def mlp', 5],
    ['tfjs_mlp.js', 'elu = 3'], ['tfjs_mlp.js', 'elu + 1'], ['tfjs_mlp.js', 'relu_count'], ['tfjs_mlp.js', 'tf.sequential', 4],
    ['activations.md', 'relu_count'], ['activations.md', 'prelude'], ['activations.md', 'Choosing'],
  ];
  for (const [file, needle, delta] of negatives) {
    const ref = hoverIn(file, needle, delta ?? 0);
    assert.equal(ref, undefined, `${file} ${needle} +${delta ?? 0}: got ${ref?.record.id}`);
  }
});

// The framework's imports for each framework's aliases, and how a line uses an alias.
const HEADERS: Record<Framework, { languageId: string; header: string }> = {
  pytorch: { languageId: 'python', header: 'import torch\nfrom torch import nn\nimport torch.nn.functional as F\n' },
  keras: { languageId: 'python', header: 'import keras\n' },
  tensorflow: { languageId: 'python', header: 'import tensorflow as tf\nimport tensorflow_addons as tfa\n' },
  jax: { languageId: 'python', header: 'import jax\nimport jax.numpy as jnp\n' },
  onnx: { languageId: 'python', header: 'from onnx import helper\n' },
  tfjs: { languageId: 'javascript', header: "import * as tf from '@tensorflow/tfjs';\n" },
};

function useOf(alias: string, framework: Framework): { line: string; needle: string } {
  if (framework === 'onnx') return { line: `node = helper.make_node('${alias}', ['x'], ['y'])`, needle: `'${alias}'` };
  if (alias.startsWith("'")) {
    return framework === 'tfjs'
      ? { line: `const d = tf.layers.dense({ units: 10, activation: ${alias} });`, needle: alias }
      : { line: `d = keras.layers.Dense(10, activation=${alias})`, needle: alias };
  }
  if (alias === 'None') return { line: 'd = keras.layers.Dense(10, activation=None)', needle: 'None' };
  const call = /^([\w.]+)\((.*)\)$/.exec(alias);
  return call ? { line: `y = ${call[1]}(x, ${call[2]})`, needle: call[1] } : { line: `y = ${alias}(x)`, needle: alias };
}

test('every alias in the registry, used in its framework, names its record with that alias\'s defaults', () => {
  let checked = 0;
  for (const record of ACTIVATIONS) {
    for (const [framework, aliases] of Object.entries(record.aliases) as [Framework, string[]][]) {
      for (const alias of aliases) {
        const { languageId, header } = HEADERS[framework];
        const { line, needle } = useOf(alias, framework);
        const text = `${header}${line}\n`;
        const at = offsetOf(text, needle, needle.startsWith("'") ? 1 : needle.length - 1);
        const ref = findActivationReference({ text, languageId }, at);
        const what = `${framework} ${alias} in «${line}»`;
        assert.ok(ref, `no hover for ${what}`);
        const candidates = findAllByAlias(alias, framework).map((m) => m.record.id);
        assert.ok(candidates.includes(ref.record.id), `${what}: got ${ref.record.id}, want one of ${candidates.join(', ')}`);
        if (candidates.length === 1) {
          assert.deepEqual(ref.defaults, resolveParams(record, {}, framework, alias), `${what}: defaults`);
        }
        checked++;
      }
    }
  }
  assert.ok(checked > 150, `only ${checked} aliases checked`);
});

test("Keras's LeakyReLU defaults to 0.3, PyTorch's to 0.01, tf.nn's and TF.js's function to 0.2", () => {
  const cases: [string, string, string, number, Framework][] = [
    ['import keras\nl = keras.layers.LeakyReLU()\n', 'python', 'LeakyReLU', 0.3, 'keras'],
    ['from keras import layers as L\nl = L.LeakyReLU()\n', 'python', 'LeakyReLU', 0.3, 'keras'],
    ['from keras.layers import LeakyReLU\nl = LeakyReLU()\n', 'python', 'LeakyReLU()', 0.3, 'keras'],
    ['import torch.nn as nn\nl = nn.LeakyReLU()\n', 'python', 'LeakyReLU', 0.01, 'pytorch'],
    ['from torch.nn import LeakyReLU\nl = LeakyReLU()\n', 'python', 'LeakyReLU()', 0.01, 'pytorch'],
    ['import tensorflow as tf\ny = tf.nn.leaky_relu(x)\n', 'python', 'leaky_relu', 0.2, 'tensorflow'],
    ["const tf = require('@tensorflow/tfjs-node');\nconst y = tf.leakyRelu(x);\n", 'javascript', 'leakyRelu', 0.2, 'tfjs'],
    ["import { layers } from '@tensorflow/tfjs';\nconst l = layers.leakyReLU();\n", 'typescript', 'leakyReLU', 0.3, 'tfjs'],
    ['import jax\ny = jax.nn.leaky_relu(x)\n', 'python', 'leaky_relu', 0.01, 'jax'],
  ];
  for (const [text, languageId, needle, alpha, framework] of cases) {
    const ref = hoverText(text, languageId, needle, 2);
    assert.ok(ref, text);
    assert.equal(ref.record.id, 'leaky_relu', text);
    assert.equal(ref.framework, framework, text);
    assert.equal(ref.defaults.alpha, alpha, text);
  }
});

test('imports decide what a short name means: flax.linen is JAX, numpy and the user\'s modules are nothing', () => {
  assert.equal(hoverText('import flax.linen as nn\ny = nn.relu(x)\n', 'python', 'relu')?.framework, 'jax');
  assert.equal(hoverText('import flax.linen as nn\ny = nn.ReLU()\n', 'python', 'ReLU'), undefined); // flax has no ReLU class
  assert.equal(hoverText('import numpy as np\ny = np.tanh(x)\n', 'python', 'tanh'), undefined);
  assert.equal(hoverText('import mylib as nn\ny = nn.ReLU()\n', 'python', 'ReLU'), undefined);
  assert.equal(hoverText('from torch.nn import Linear\nl = Linear(3, 4)\n', 'python', 'Linear('), undefined);
  const multi = 'from jax.nn import (\n    silu,\n    gelu as g,  # tanh form\n)\ny = g(silu(x))\n';
  assert.equal(hoverText(multi, 'python', 'g(silu', 0)?.record.id, 'gelu_tanh');
  assert.equal(hoverText(multi, 'python', 'silu(x)', 0)?.record.id, 'silu');
  assert.equal(hoverText('from torch.nn import functional as fn\ny = fn.mish(x)\n', 'python', 'mish')?.record.id, 'mish');
  // An import rebinding a name wins over the earlier one.
  assert.equal(hoverText('import torch.nn as nn\nimport flax.linen as nn\ny = nn.gelu(x)\n', 'python', 'gelu')?.framework, 'jax');
  // Unbound in this file: read as written (a snippet, a docstring).
  assert.equal(hoverText('y = F.relu6(x)\n', 'python', 'relu6')?.record.id, 'relu6');
});

test('calls, definitions, members and keyword arguments', () => {
  const torch = 'import torch\n';
  assert.equal(hoverText(`${torch}y = relu(x)\n`, 'python', 'relu')?.form, 'call');
  assert.equal(hoverText(`${torch}y = relu(x)\n`, 'python', 'relu')?.framework, 'pytorch');
  assert.equal(hoverText(`${torch}def relu(x):\n    return x\n`, 'python', 'relu'), undefined);
  assert.equal(hoverText('function relu(x) { return x; }\n', 'javascript', 'relu'), undefined);
  assert.equal(hoverText(`${torch}y = x.relu()\n`, 'python', 'relu'), undefined);
  assert.equal(hoverText(`${torch}y = f(x).relu()\n`, 'python', 'relu'), undefined);
  assert.equal(hoverText(`${torch}relu = 3\n`, 'python', 'relu'), undefined);
  assert.equal(hoverText(`${torch}y = identity(x)\n`, 'python', 'identity'), undefined);
  assert.equal(hoverText(`${torch}print('relu')\n`, 'python', 'relu'), undefined);
  assert.equal(hoverText(`${torch}# activation='relu'\n`, 'python', 'relu'), undefined);
  const keras = 'import keras\n';
  assert.equal(hoverText(`${keras}l = keras.layers.LSTM(8, recurrent_activation="hard_sigmoid")\n`, 'python', 'hard_sigmoid')?.record.id, 'hard_sigmoid');
  assert.equal(hoverText(`${keras}l = keras.layers.Activation('gelu')\n`, 'python', 'gelu')?.record.id, 'gelu');
  assert.equal(hoverText(`${keras}l = keras.layers.Dense(64, 'selu')\n`, 'python', 'selu')?.record.id, 'selu');
  assert.equal(hoverText(`${keras}l = keras.layers.Dense(64, activation=None)\n`, 'python', 'None')?.record.id, 'identity');
  assert.equal(hoverText(`${keras}l = keras.layers.Dense(64, activation=softclip)\n`, 'python', 'softclip')?.form, 'argument');
  assert.equal(hoverText(`${keras}l = keras.layers.Dense(64, activation='softclip')\n`, 'python', 'softclip')?.record.id, 'softclip');
  assert.equal(hoverText('softclip = 3\n', 'python', 'softclip'), undefined);
  assert.equal(hoverText('y = softclip(x)\n', 'python', 'softclip', 0, [])?.record.id, undefined); // not defined by the user
  // PyTorch's Transformer layers take the string form too.
  assert.equal(hoverText(`${torch}l = torch.nn.TransformerEncoderLayer(8, 2, activation="gelu")\n`, 'python', 'gelu')?.framework, 'pytorch');
});

test('keyword arguments pick the alias (gelu approximate) and show given parameter values', () => {
  const torch = 'import torch.nn.functional as F\nimport torch.nn as nn\n';
  assert.equal(hoverText(`${torch}y = F.gelu(x, approximate="tanh")\n`, 'python', 'gelu')?.record.id, 'gelu_tanh');
  assert.equal(hoverText(`${torch}y = F.gelu(x, inplace=False, approximate='tanh')\n`, 'python', 'gelu')?.record.id, 'gelu_tanh');
  assert.equal(hoverText(`${torch}y = F.gelu(x, approximate='none')\n`, 'python', 'gelu')?.record.id, 'gelu');
  assert.equal(hoverText('import jax\ny = jax.nn.gelu(x, approximate=False)\n', 'python', 'gelu')?.record.id, 'gelu');
  const given = hoverText(`${torch}l = nn.LeakyReLU(negative_slope=0.2)\n`, 'python', 'LeakyReLU');
  assert.deepEqual(given?.given, { alpha: 0.2 });
  assert.deepEqual(given?.defaults, { alpha: 0.01 });
  assert.deepEqual(hoverText(`${torch}l = nn.LeakyReLU(negative_slope=5)\n`, 'python', 'LeakyReLU')?.given, {}); // out of [0, 1]
  assert.deepEqual(hoverText(`${torch}l = nn.ELU(alpha=0.5, inplace=True)\n`, 'python', 'ELU')?.given, { alpha: 0.5 });
  assert.deepEqual(hoverText("import * as tf from '@tensorflow/tfjs';\ntf.layers.elu({ alpha: 2 })\n", 'javascript', 'elu')?.given, { alpha: 2 });
});

test('Markdown: each fenced block is read with its own imports; prose has none', () => {
  const md = [
    '# Notes', '', 'Keras layer:', '', '~~~python', 'from tensorflow import keras', 'l = keras.layers.LeakyReLU()', '~~~', '',
    '```py', 'import torch.nn as nn', 'l = nn.LeakyReLU()', '```', '', '```js', "import * as tf from '@tensorflow/tfjs';", 'tf.tanh(x)', '```', '',
    'And `tf.tanh` in prose is TensorFlow.', '', '```', 'keras.layers.LeakyReLU()', '',
  ].join('\n');
  assert.equal(hoverText(md, 'markdown', 'keras.layers.LeakyReLU()', 14)?.defaults.alpha, 0.3);
  assert.equal(hoverText(md, 'markdown', 'nn.LeakyReLU()', 5)?.defaults.alpha, 0.01);
  assert.equal(hoverText(md, 'markdown', 'tf.tanh(x)', 4)?.framework, 'tfjs');
  assert.equal(hoverText(md, 'markdown', '`tf.tanh`', 5)?.framework, 'tensorflow');
  // The unclosed last fence has no imports: the name is read as written.
  const last = md.lastIndexOf('keras.layers.LeakyReLU');
  assert.equal(findActivationReference({ text: md, languageId: 'markdown' }, last + 14)?.record.id, 'leaky_relu');
  assert.equal(hoverText(md, 'markdown', '~~~python', 4), undefined);
  const ref = hoverText(md, 'markdown', 'nn.LeakyReLU()', 5)!;
  assert.equal(md.slice(ref.start, ref.end), 'nn.LeakyReLU');
});

test("a notebook cell sees the imports of earlier cells", () => {
  const cell = 'h = L.LeakyReLU()(x)\n';
  const at = cell.indexOf('Leaky');
  assert.equal(findActivationReference({ text: cell, languageId: 'python' }, at), undefined);
  const ref = findActivationReference({ text: cell, languageId: 'python', preamble: 'import numpy as np\nfrom keras import layers as L\n' }, at);
  assert.equal(ref?.record.id, 'leaky_relu');
  assert.equal(ref?.framework, 'keras');
  assert.equal(ref?.defaults.alpha, 0.3);
  assert.equal(cell.slice(ref.start, ref.end), 'L.LeakyReLU');
});

test('bad positions and odd text give no hover and do not throw', () => {
  const text = 'import torch\ny = torch.relu(x)\n';
  for (const at of [-1, text.length + 1, Number.NaN]) assert.equal(findActivationReference({ text, languageId: 'python' }, at), undefined);
  assert.equal(findActivationReference({ text: '', languageId: 'python' }, 0), undefined);
  assert.equal(findActivationReference({ text, languageId: 'plaintext' }, text.indexOf('relu'))?.record.id, 'relu');
  const long = `y = ${'a.'.repeat(50_000)}relu(x) + 'unterminated`;
  assert.equal(findActivationReference({ text: long, languageId: 'python' }, long.indexOf('relu')), undefined);
  const crlf = 'import torch.nn as nn\r\nl = nn.ReLU()\r\n';
  const ref = findActivationReference({ text: crlf, languageId: 'python' }, crlf.indexOf('ReLU'));
  assert.equal(crlf.slice(ref!.start, ref!.end), 'nn.ReLU');
});
