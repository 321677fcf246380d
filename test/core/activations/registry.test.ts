// The registry's data: complete records, lookups by id and by framework name, and parameter
// resolution with each framework's defaults and clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIVATIONS, findAllByAlias, findByAlias, getActivation, resolveParams,
} from '../../../src/core/activations/registry';
import { FRAMEWORKS } from '../../../src/core/activations/types';
import { parseExpression } from '../../../src/core/expr/index';

const REQUIRED = [
  'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softmax', 'log_softmax', 'selu', 'gelu', 'gelu_tanh', 'silu', 'mish',
  'softplus', 'softsign', 'hard_sigmoid', 'hard_swish', 'relu6', 'hardtanh', 'prelu', 'celu', 'log_sigmoid', 'tanhshrink',
  'softshrink', 'hardshrink', 'identity',
];

test('every activation the issue names is registered, ids are unique, the tutorial six come first', () => {
  const ids = ACTIVATIONS.map((r) => r.id);
  assert.deepEqual(REQUIRED.filter((id) => !ids.includes(id)), []);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids.slice(0, 6), ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softmax']);
  assert.deepEqual(ACTIVATIONS.filter((r) => r.tutorial).map((r) => r.id), ids.slice(0, 6));
});

test('every record is complete: texts in en and zh-cn, formulas, range, paper, ONNX mapping, expression', () => {
  const hasZh = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);
  for (const r of ACTIVATIONS) {
    const where = r.id;
    assert.ok(r.displayName && r.origin === 'builtin', where);
    for (const text of [r.doc, ...r.pros, ...r.cons]) {
      assert.ok(text.en.length > 10 && !hasZh(text.en), `${where} en: ${text.en}`);
      assert.ok(hasZh(text['zh-cn']), `${where} zh-cn: ${text['zh-cn']}`);
    }
    assert.ok(r.pros.length >= 1 && r.cons.length >= 1, `${where} pros/cons`);
    for (const m of [r.formula, r.derivative]) assert.ok(m.unicode.length > 3 && m.latex.length > 3, where);
    assert.ok(r.range.min <= r.range.max, where);
    assert.ok(Object.keys(r.aliases).length >= 2 && r.aliases.pytorch?.length, `${where} aliases`);
    assert.ok(r.onnx.native || r.onnx.note, `${where} onnx`);
    if (r.onnx.native) {
      assert.match(r.onnx.native.op, /^[A-Z][A-Za-z]+$/, where);
      assert.ok(Number.isInteger(r.onnx.native.sinceOpset) && r.onnx.native.sinceOpset >= 1, where);
      const refs = [...Object.values(r.onnx.native.attributes ?? {}), ...(r.onnx.native.extraInputs ?? []).map((e) => e.value)];
      for (const v of refs) if (typeof v === 'object') assert.ok(r.params.some((p) => p.name === v.param), `${where} onnx param ${v.param}`);
    }
    if (r.paper) {
      assert.match(r.paper.url, /^https:\/\//, where);
      assert.ok(r.paper.year >= 1980 && r.paper.year <= 2025 && r.paper.title && r.paper.authors, where);
    }
    for (const p of r.params) {
      assert.ok(Number.isFinite(p.default), `${where}.${p.name}`);
      assert.doesNotThrow(() => resolveParams(r, { [p.name]: p.default }), `${where}.${p.name} default in range`);
    }
    if (r.kind === 'elementwise') {
      assert.doesNotThrow(() => parseExpression(r.expression, { params: r.params.map((p) => p.name) }), `${where} expression ${r.expression}`);
    }
  }
  // Native ONNX ops named in the brief, with the opset that introduced them.
  const since = (id: string): [string, number] | undefined => {
    const n = getActivation(id).onnx.native;
    return n && [n.op, n.sinceOpset];
  };
  assert.deepEqual(since('gelu'), ['Gelu', 20]);
  assert.deepEqual(since('mish'), ['Mish', 18]);
  assert.deepEqual(since('hard_swish'), ['HardSwish', 14]);
  assert.deepEqual(since('celu'), ['Celu', 12]);
  assert.deepEqual(since('thresholded_relu'), ['ThresholdedRelu', 10]);
  assert.deepEqual(since('softshrink'), ['Shrink', 9]);
});

test('getActivation accepts ids and aliases and names the unknown id with the known ones', () => {
  assert.equal(getActivation('swish').id, 'silu');
  assert.equal(getActivation('LeakyReLU').id, 'leaky_relu');
  assert.equal(getActivation('Hardswish').id, 'hard_swish');
  assert.equal(getActivation('linear').id, 'identity');
  assert.equal(getActivation(' relu ').id, 'relu');
  assert.throws(() => getActivation('relux'), (e: Error) => e.message.includes("'relux'") && e.message.includes('leaky_relu') && e.message.includes('softmax'));
});

test('findByAlias resolves the names a hover sees, with the framework they belong to', () => {
  const cases: [string, string, string | undefined][] = [
    ['nn.ReLU', 'relu', 'pytorch'],
    ['torch.nn.ReLU', 'relu', 'pytorch'],
    ['F.leaky_relu', 'leaky_relu', 'pytorch'],
    ['torch.nn.functional.leaky_relu', 'leaky_relu', 'pytorch'],
    ['torch.sigmoid', 'sigmoid', 'pytorch'],
    ['tf.keras.activations.swish', 'silu', 'keras'],
    ['keras.layers.LeakyReLU', 'leaky_relu', 'keras'],
    ["activation='tanh'", 'tanh', 'keras'],
    ['activation="relu"', 'relu', 'keras'],
    ["'tanh'", 'tanh', 'keras'],
    ['jax.nn.silu', 'silu', 'jax'],
    ['jax.nn.gelu', 'gelu_tanh', 'jax'],
    ['tf.tanh', 'tanh', 'tensorflow'],
    ['tf.nn.relu', 'relu', 'tensorflow'],
    ['tf.leakyRelu', 'leaky_relu', 'tfjs'],
    ['nn.GELU', 'gelu', 'pytorch'],
    ['nn.ReLU()', 'relu', 'pytorch'],
    ['F.softmax(x, dim=-1)', 'softmax', 'pytorch'],
    ['LeakyRelu', 'leaky_relu', 'onnx'],
  ];
  for (const [name, id, framework] of cases) {
    const m = findByAlias(name);
    assert.ok(m, name);
    assert.equal(m.record.id, id, name);
    assert.equal(m.framework, framework, name);
  }
  assert.equal(findByAlias('tf.tanh', 'tfjs')?.framework, 'tfjs');
  assert.equal(findByAlias('nn.ReLU', 'keras'), undefined);
  assert.equal(findByAlias('nn.Nonexistent'), undefined);
  assert.deepEqual(findAllByAlias('Shrink', 'onnx').map((m) => m.record.id).sort(), ['hardshrink', 'softshrink']);
});

test('every listed alias finds its own record in its framework', () => {
  for (const r of ACTIVATIONS) {
    for (const fw of FRAMEWORKS) {
      for (const alias of r.aliases[fw] ?? []) {
        const ids = findAllByAlias(alias, fw).map((m) => m.record.id);
        assert.ok(ids.includes(r.id), `${fw} ${alias} -> ${ids.join(', ')}`);
      }
    }
  }
});

test("each framework's defaults: LeakyReLU 0.01 / 0.3 layer / 0.2 function, Hardsigmoid 1/6 vs 0.2, PReLU 0.25 vs 0", () => {
  const leaky = getActivation('leaky_relu');
  assert.equal(resolveParams(leaky).alpha, 0.01);
  assert.equal(resolveParams(leaky, {}, 'pytorch').alpha, 0.01);
  assert.equal(resolveParams(leaky, {}, 'keras').alpha, 0.3);
  assert.equal(findByAlias('keras.layers.LeakyReLU')?.params.alpha, 0.3);
  assert.equal(findByAlias('keras.activations.leaky_relu')?.params.alpha, 0.2);
  assert.equal(findByAlias('tf.nn.leaky_relu')?.params.alpha, 0.2);
  assert.equal(findByAlias('jax.nn.leaky_relu')?.params.alpha, 0.01);
  assert.equal(findByAlias('tf.layers.leakyReLU')?.params.alpha, 0.3);
  const hs = getActivation('hard_sigmoid');
  assert.equal(resolveParams(hs).alpha, 1 / 6);
  assert.equal(findByAlias('tf.keras.activations.hard_sigmoid')?.params.alpha, 0.2);
  assert.equal(findByAlias('keras.activations.hard_sigmoid')?.params.alpha, 1 / 6);
  assert.equal(resolveParams(hs, {}, 'onnx').alpha, 0.2);
  assert.equal(resolveParams(getActivation('prelu'), {}, 'keras').alpha, 0);
  assert.equal(resolveParams(getActivation('prelu')).alpha, 0.25);
});

test('resolveParams: framework names, and clear errors for unknown names, bad values and ranges', () => {
  const leaky = getActivation('leaky_relu');
  assert.deepEqual(resolveParams(leaky, { negative_slope: 0.1 }), { alpha: 0.1 });
  assert.throws(() => resolveParams(leaky, { slope: 0.1 }), /unknown parameter 'slope' for leaky_relu \(its parameters: alpha\)/);
  assert.throws(() => resolveParams(getActivation('relu'), { alpha: 1 }), /unknown parameter 'alpha' for relu \(it has no parameters\)/);
  assert.throws(() => resolveParams(leaky, { alpha: NaN }), /must be a finite number, got NaN/);
  assert.throws(() => resolveParams(leaky, { alpha: 2 }), /alpha of leaky_relu must be in \[0, 1\], got 2/);
  assert.throws(() => resolveParams(getActivation('softplus'), { beta: 0 }), /beta of softplus must be in \(0, ∞\)/);
  assert.throws(() => resolveParams(leaky, { alpha: 0.1, negative_slope: 0.2 }), /given twice/);
  assert.throws(() => resolveParams(getActivation('hardtanh'), { min_val: 2 }), /min_val \(2\) must be less than max_val \(1\)/);
  assert.deepEqual(resolveParams(getActivation('softshrink'), { threshold: 0.3 }, 'keras'), { lambd: 0.3 });
});
