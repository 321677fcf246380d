import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActivation } from '../../../src/core/activations/registry';
import { CONSTRAINTS, recommend, type ChooserInput } from '../../../src/core/guide/chooser';
import { CONSIDERATIONS, LAYER_ADVICE, TASKS } from '../../../src/core/guide/content';

const base: ChooserInput = { role: 'hidden', task: 'multiclass', depth: 2, constraints: [] };
const top = (i: Partial<ChooserInput>) => recommend({ ...base, ...i })[0].activation;
const rankOf = (i: Partial<ChooserInput>, id: string) => recommend({ ...base, ...i }).findIndex((r) => r.activation === id);

test('output layers follow the tutorial: binary sigmoid, multi-class softmax, regression identity', () => {
  assert.equal(top({ role: 'output', task: 'binary' }), 'sigmoid');
  assert.equal(top({ role: 'output', task: 'multiclass' }), 'softmax');
  assert.equal(top({ role: 'output', task: 'multilabel' }), 'sigmoid');
  assert.equal(top({ role: 'output', task: 'regression' }), 'identity');
  assert.equal(top({ role: 'input' }), 'identity');
});

test('hidden layers: ReLU by default; deep stacks push sigmoid and tanh down with a gradient-flow reason', () => {
  assert.equal(top({}), 'relu');
  const shallow = rankOf({ depth: 2 }, 'sigmoid');
  const deep = recommend({ ...base, depth: 20 });
  const sig = deep.find((r) => r.activation === 'sigmoid')!;
  assert.equal(deep.findIndex((r) => r === sig), deep.length - 1, 'sigmoid is last in a deep stack');
  assert.ok(shallow >= 0);
  assert.ok(sig.reasons.some((r) => r.weight < 0 && r.link?.view === 'gradientFlow'), 'the reason links to the gradient-flow analysis');
  assert.ok(deep.find((r) => r.activation === 'sigmoid')!.score < recommend({ ...base, depth: 2 }).find((r) => r.activation === 'sigmoid')!.score);
});

test('constraints move the ranking the way their reasons say', () => {
  assert.notEqual(top({ constraints: ['avoidDeadUnits'] }), 'relu');
  assert.ok(rankOf({ constraints: ['avoidDeadUnits'] }, 'relu') > rankOf({}, 'relu'));
  assert.ok(rankOf({ constraints: ['smooth'] }, 'gelu') < rankOf({}, 'gelu'));
  assert.ok(rankOf({ constraints: ['noNormalization'] }, 'selu') < rankOf({}, 'selu'));
  assert.equal(top({ constraints: ['speed'] }), 'relu');
  const score = (i: Partial<ChooserInput>, id: string) => recommend({ ...base, ...i }).find((r) => r.activation === id)!.score;
  assert.ok(score({ constraints: ['speed'] }, 'mish') < score({}, 'mish'));
  assert.ok(score({ constraints: ['speed'] }, 'gelu') < score({}, 'gelu'));
});

test('the user\'s own runs are evidence: a clearly better measured activation moves up, with the number as the reason', () => {
  const without = rankOf({}, 'tanh');
  const withEvidence = recommend({ ...base, evidence: { relu: 0.95, tanh: 0.99, sigmoid: 0.9 } });
  const tanh = withEvidence.find((r) => r.activation === 'tanh')!;
  assert.ok(withEvidence.indexOf(tanh) < without);
  assert.ok(tanh.reasons.some((r) => r.text.en.includes('99.00%')));
  // One run is no comparison: no evidence reason.
  assert.ok(!recommend({ ...base, evidence: { relu: 0.95 } }).some((r) => r.reasons.some((x) => x.text.en.startsWith('Your runs'))));
});

test('bad answers are named', () => {
  assert.throws(() => recommend({ ...base, depth: 0 }), /depth/);
  assert.throws(() => recommend({ ...base, role: 'middle' as never }), /layer role/);
  assert.throws(() => recommend({ ...base, task: 'ranking' as never }), /task/);
  assert.throws(() => recommend({ ...base, constraints: ['cheap' as never] }), /unknown constraint/);
});

test('every activation and link in the guide exists in the registry; every text has both languages', () => {
  const links = [...LAYER_ADVICE.map((a) => a.link), ...CONSIDERATIONS.map((c) => c.link)];
  for (const task of TASKS) for (const role of ['input', 'hidden', 'output'] as const) {
    for (const r of recommend({ role, task, depth: 8, constraints: CONSTRAINTS })) {
      assert.ok(findActivation(r.activation), r.activation);
      for (const reason of r.reasons) {
        assert.ok(reason.text.en && reason.text['zh-cn'], `${r.activation}: a reason lacks a language`);
        if (reason.link) links.push(reason.link);
      }
    }
  }
  for (const l of links) for (const id of l.activations) assert.ok(findActivation(id), `link to unknown ${id}`);
  for (const x of [...LAYER_ADVICE, ...CONSIDERATIONS]) assert.ok(x.title.en && x.title['zh-cn'] && x.text.en && x.text['zh-cn']);
});
