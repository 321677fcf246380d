// Which layers learn which parameters: the rule `actlab train --learn` and the lab share. A name
// goes to every layer whose activation has it (built-in by the registry, custom as declared);
// the names no layer has are reported, never silently dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnWherever, specParamNames } from '../../../src/core/train/learn';
import type { ActivationSpec } from '../../../src/core/train/config';

const swish2: ActivationSpec = { custom: { name: 'swish2', expression: 'x*sigmoid(beta*x)', params: { beta: 2 } } };

test('a layer activation\'s parameter names: the registry\'s for a built-in, the declared ones for a custom', () => {
  assert.deepEqual(specParamNames({ id: 'softplus' }), ['beta', 'threshold']);
  assert.deepEqual(specParamNames({ id: 'relu' }), []);
  assert.deepEqual(specParamNames({ id: 'prelu' }), ['alpha']);
  assert.deepEqual(specParamNames(swish2), ['beta']);
  assert.deepEqual(specParamNames({ custom: { name: 'sq', expression: 'x*x' } }), []);
  assert.deepEqual(specParamNames({ id: 'no_such_activation' }), []);
});

test('a name is learned wherever a layer has it; other layers and runs stay as they are', () => {
  const stacks: ActivationSpec[][] = [[{ id: 'silu' }], [{ id: 'relu' }], [{ id: 'elu', params: { alpha: 0.5 } }, swish2], [{ id: 'softplus' }]];
  const { stacks: learned, lacking } = learnWherever(stacks, ['beta', 'alpha']);
  assert.deepEqual(lacking, []);
  assert.deepEqual(learned, [
    [{ id: 'silu', learn: ['beta'] }],
    [{ id: 'relu' }],
    [{ id: 'elu', params: { alpha: 0.5 }, learn: ['alpha'] }, { ...swish2, learn: ['beta'] }],
    [{ id: 'softplus', learn: ['beta'] }],
  ]);
  assert.equal(learned[1][0], stacks[1][0], 'a layer with nothing to learn is the same spec');
  assert.equal('learn' in stacks[0][0], false, 'the input is not changed');
});

test('names no layer of any run has are reported, in the order given, each once', () => {
  const r = learnWherever([[{ id: 'relu' }], [{ id: 'tanh' }, { id: 'leaky_relu' }]], ['theta', 'alpha', 'gamma', 'theta']);
  assert.deepEqual(r.lacking, ['theta', 'gamma']);
  assert.deepEqual(r.stacks[1], [{ id: 'tanh' }, { id: 'leaky_relu', learn: ['alpha'] }]);
  assert.deepEqual(learnWherever([[{ id: 'silu' }]], ['beta', 'beta']).stacks, [[{ id: 'silu', learn: ['beta'] }]], 'a repeated name is learned once');
  assert.deepEqual(learnWherever([[{ id: 'silu' }]], []), { stacks: [[{ id: 'silu' }]], lacking: [] });
});
