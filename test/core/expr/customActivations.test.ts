// The setting `activationLab.customActivations` read for hovers: good entries kept, bad ones
// reported by name and skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCustomActivations } from '../../../src/core/expr/customActivations';

test('valid entries compile; each bad entry is named with its problem and skipped', () => {
  const { activations, problems } = compileCustomActivations([
    { name: 'softclip', expression: 'x / (1 + abs(x))' },
    { name: 'broken', expression: 'x +* 2' },
    { name: 'relu', expression: 'max(x, 0)' },
    { name: 'scaled', expression: 'k*tanh(x)', params: { k: 'two' } },
    'not an object',
    { expression: 'x' },
    { name: 'softclip', expression: 'x' },
    { name: 'swishy', expression: 'x*sigmoid(b*x)', params: { b: 1.5 } },
  ]);
  assert.deepEqual(activations.map((a) => a.id), ['softclip', 'swishy']);
  assert.equal(problems.length, 6);
  assert.match(problems[0], /'broken'.*entry 2/);
  assert.match(problems[1], /'relu'.*built-in/);
  assert.match(problems[2], /'scaled'.*finite number/);
  assert.match(problems[3], /#5/);
  assert.match(problems[4], /#6.*name/);
  assert.match(problems[5], /'softclip'.*twice/);
  assert.equal(activations[1].f(0, { b: 1.5 }), 0);
});

test('a missing setting is no activations; a setting of the wrong type is one clear problem', () => {
  assert.deepEqual(compileCustomActivations(undefined), { defs: [], activations: [], problems: [] });
  const wrong = compileCustomActivations({ name: 'x' });
  assert.deepEqual(wrong.activations, []);
  assert.match(wrong.problems[0], /must be an array/);
});
