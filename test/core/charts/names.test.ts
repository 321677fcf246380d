import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activationName, activationNameWith, fileName, readableDate, runName, uniqueNames } from '../../../src/core/charts/names';

test('an activation is named with its parameters: given ones, else the registry\'s defaults', () => {
  assert.equal(activationName('relu', 'en'), 'ReLU');
  assert.equal(activationName('leaky_relu', 'en'), 'Leaky ReLU (alpha 0.01)');
  assert.equal(activationName('leaky_relu(alpha=0.3)', 'en'), 'Leaky ReLU (alpha 0.3)');
  assert.equal(activationName('elu(alpha=1.6732632423543772)', 'en'), 'ELU (alpha 1.6733)');
  assert.equal(activationNameWith('softplus', { beta: 2 }, 'en'), 'Softplus (beta 2, threshold 20)');
  // a custom activation keeps its own name; so does an alias (it is not the registry's id)
  assert.equal(activationName('swish2', 'en'), 'swish2');
});

test('in Chinese an activation is named by its Chinese name where the English one carries words, else by its own', () => {
  assert.equal(activationName('identity', 'zh-cn'), '恒等（线性）');
  assert.equal(activationName('gelu_tanh', 'zh-cn'), 'GELU（tanh 近似）');
  assert.equal(activationName('thresholded_relu(theta=0.5)', 'zh-cn'), '阈值 ReLU (theta 0.5)');
  assert.equal(activationName('leaky_relu(alpha=0.3)', 'zh-cn'), 'Leaky ReLU (alpha 0.3)');
  assert.equal(runName('identity+gelu_tanh-2', ['identity', 'gelu_tanh'], 'zh-cn'), '恒等（线性） + GELU（tanh 近似） #2');
  assert.equal(runName('identity', ['identity'], 'en'), 'Identity (linear)');
});

test('a run is named by its layers\' activations; a repeated run keeps its number; names of one chart are unique', () => {
  assert.equal(runName('relu', ['relu', 'relu'], 'en'), 'ReLU');
  assert.equal(runName('relu+tanh', ['relu', 'tanh'], 'en'), 'ReLU + Tanh');
  assert.equal(runName('leaky_relu-2', ['leaky_relu(alpha=0.3)', 'leaky_relu(alpha=0.3)'], 'en'), 'Leaky ReLU (alpha 0.3) #2');
  assert.equal(runName('sigmoid', [], 'en'), 'Sigmoid', 'without activations: from the id');
  assert.deepEqual(uniqueNames([{ id: 'a', name: 'ReLU' }, { id: 'b', name: 'ReLU' }, { id: 'c', name: 'Tanh' }]), { a: 'ReLU', b: 'ReLU #2', c: 'Tanh' });
});

test('dates read as dates in both languages; an unreadable stamp stays as it is', () => {
  assert.equal(readableDate('2026-11-29T23:04:05.123Z', 'en', 'UTC'), '29 Nov 2026, 23:04');
  assert.equal(readableDate('2026-11-29T23:04:05.123Z', 'zh-cn', 'UTC'), '2026 年 11 月 29 日 23:04');
  assert.equal(readableDate('2026-11-29T23-04-05-123Z', 'en'), '2026-11-29T23-04-05-123Z');
});

test('file names: letters, digits and dashes, lower case, at most 80 characters', () => {
  assert.equal(fileName('accuracy', 'Leaky ReLU (alpha 0.01)', 'ReLU + Tanh'), 'accuracy-leaky-relu-alpha-0-01-relu-tanh');
  assert.equal(fileName('../../etc/passwd'), 'etc-passwd');
  assert.ok(fileName('x'.repeat(200)).length <= 80);
  assert.equal(fileName('…'), 'chart');
});
