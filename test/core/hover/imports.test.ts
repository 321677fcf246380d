// Import bindings and framework detection, the part of the matcher that reads a file's head.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalName, fileFramework, frameworkLabel } from '../../../src/core/hover/frameworks';
import { parseImports, sourceLanguageOf } from '../../../src/core/hover/imports';

test('Python import forms bind the names Python binds', () => {
  const text = [
    'import torch',
    'import torch.nn',
    'import torch.nn.functional as F',
    'from tensorflow import keras',
    'from tensorflow.keras import layers as L, activations',
    'from jax.nn import (',
    '    silu,  # the swish',
    '    gelu as g,',
    ')',
    'import numpy as np, jax.numpy as jnp',
    'from . import local_relu',
    '    import flax.linen as fnn  # indented imports count too',
  ].join('\n');
  const b = parseImports(text, 'python');
  assert.deepEqual(Object.fromEntries(b), {
    torch: 'torch',
    F: 'torch.nn.functional',
    keras: 'tensorflow.keras',
    L: 'tensorflow.keras.layers',
    activations: 'tensorflow.keras.activations',
    silu: 'jax.nn.silu',
    g: 'jax.nn.gelu',
    np: 'numpy',
    jnp: 'jax.numpy',
    fnn: 'flax.linen',
  });
});

test('JavaScript and TypeScript import forms', () => {
  const text = [
    "import * as tf from '@tensorflow/tfjs';",
    "import tfn, { layers as tl } from \"@tensorflow/tfjs-node\";",
    "import { relu, leakyRelu as lr, type Tensor } from '@tensorflow/tfjs-core';",
    "const tfc = require('@tensorflow/tfjs-core');",
    "const { sigmoid, tanh: th } = require('@tensorflow/tfjs');",
    "import tfr = require('@tensorflow/tfjs-layers');",
  ].join('\n');
  assert.deepEqual(Object.fromEntries(parseImports(text, 'javascript')), {
    tf: '@tensorflow/tfjs',
    tfn: '@tensorflow/tfjs-node',
    tl: '@tensorflow/tfjs-node.layers',
    relu: '@tensorflow/tfjs-core.relu',
    lr: '@tensorflow/tfjs-core.leakyRelu',
    Tensor: '@tensorflow/tfjs-core.Tensor',
    tfc: '@tensorflow/tfjs-core',
    sigmoid: '@tensorflow/tfjs.sigmoid',
    th: '@tensorflow/tfjs.tanh',
    tfr: '@tensorflow/tfjs-layers',
  });
});

test('module paths map to their framework and the registry\'s short form', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['torch.nn.functional.gelu', 'pytorch', 'F.gelu'],
    ['torch.nn.ReLU', 'pytorch', 'nn.ReLU'],
    ['torch.sigmoid', 'pytorch', 'torch.sigmoid'],
    ['tensorflow.keras.layers.LeakyReLU', 'keras', 'keras.layers.LeakyReLU'],
    ['keras.src.activations.relu', 'keras', 'keras.activations.relu'],
    ['tensorflow.nn.relu', 'tensorflow', 'tf.nn.relu'],
    ['tensorflow_addons.activations.mish', 'tensorflow', 'tfa.activations.mish'],
    ['jax.numpy.tanh', 'jax', 'jax.numpy.tanh'],
    ['flax.linen.gelu', 'jax', 'jax.nn.gelu'],
    ['@tensorflow/tfjs-node.layers.leakyReLU', 'tfjs', 'tf.layers.leakyReLU'],
    ['torchvision.ops.relu', undefined, undefined],
    ['numpy.tanh', undefined, undefined],
    ['kerasx.relu', undefined, undefined],
  ];
  for (const [q, fw, name] of cases) {
    const c = canonicalName(q);
    assert.equal(c?.framework, fw, q);
    assert.equal(c?.name, name, q);
  }
});

test('a file\'s framework is its first framework import; JavaScript without one is TF.js', () => {
  assert.equal(fileFramework(parseImports('import numpy as np\nimport jax\nimport torch\n', 'python'), 'python'), 'jax');
  assert.equal(fileFramework(parseImports('import numpy as np\n', 'python'), 'python'), undefined);
  assert.equal(fileFramework(parseImports('', 'javascript'), 'javascript'), 'tfjs');
  assert.equal(frameworkLabel('tensorflow', 'tf.keras.layers.LeakyReLU'), 'Keras (tf.keras)');
  assert.equal(frameworkLabel('tensorflow', 'tf.nn.relu'), 'TensorFlow');
  assert.equal(sourceLanguageOf('typescriptreact'), 'javascript');
  assert.equal(sourceLanguageOf('Python'), 'python');
  assert.equal(sourceLanguageOf('rust'), undefined);
});
