// An activation's parameter errors: every message id, thrown by resolveParams or a record's own
// check, keeps its English text and renders in Chinese with the same values and no English words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation, ParamError, resolveParams } from '../../../src/core/activations/registry';
import { PARAM_MESSAGES, renderParamMessage, type ParamArg, type ParamMessage, type ParamMessageId } from '../../../src/core/activations/paramMessages';
import { readActivationText, renderExprError, renderExprMessage } from '../../../src/core/expr/index';

const IDEOGRAPH = /\p{Script=Han}/u;
const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The error resolveParams throws. */
function thrown(f: () => unknown): ParamError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ParamError, `a ParamError, not ${String(e)}`);
    return e;
  }
  assert.fail('nothing was thrown');
}

/** The values a message names (numbers and names, through nested messages), as text. */
function values(m: ParamMessage): string[] {
  const of = (v: ParamArg): string[] =>
    typeof v === 'string' || typeof v === 'number' ? [String(v)] : Array.isArray(v) ? (v as string[]) : [...values(v as ParamMessage), (v as ParamMessage).id];
  return Object.values(m.args as Record<string, ParamArg>).flatMap(of);
}

/** The ids a message uses, itself and the ones nested in it. */
const idsOf = (m: ParamMessage): ParamMessageId[] =>
  [m.id, ...Object.values(m.args as Record<string, ParamArg>).flatMap((v) => (typeof v === 'object' && !Array.isArray(v) ? idsOf(v as ParamMessage) : []))];

const leaky = getActivation('leaky_relu');
const hardtanh = getActivation('hardtanh');

/** Each failure, with its English text as before and its Chinese text. */
const CASES: [() => unknown, string, string][] = [
  [() => resolveParams(leaky, { slope: 0.1 }), "unknown parameter 'slope' for leaky_relu (its parameters: alpha)", 'leaky_relu 没有参数“slope”（它的参数：alpha）'],
  [() => resolveParams(hardtanh, { lo: 0 }), "unknown parameter 'lo' for hardtanh (its parameters: min_val, max_val)", 'hardtanh 没有参数“lo”（它的参数：min_val、max_val）'],
  [() => resolveParams(getActivation('relu'), { alpha: 1 }), "unknown parameter 'alpha' for relu (it has no parameters)", 'relu 没有参数“alpha”（它没有参数）'],
  [() => resolveParams(leaky, { alpha: 0.1, negative_slope: 0.2 }, 'pytorch'),
    "parameter alpha of leaky_relu is given twice (as 'alpha' and 'negative_slope')", 'leaky_relu 的参数 alpha 给了两次（写作“alpha”和“negative_slope”）'],
  [() => resolveParams(leaky, { alpha: NaN }), 'parameter alpha of leaky_relu must be a finite number, got NaN', 'leaky_relu 的参数 alpha 必须是有限的数，实际为 NaN'],
  [() => resolveParams(leaky, { alpha: 2 }), 'parameter alpha of leaky_relu must be in [0, 1], got 2', 'leaky_relu 的参数 alpha 必须在 [0, 1] 内，实际为 2'],
  [() => resolveParams(getActivation('softplus'), { beta: 0 }), 'parameter beta of softplus must be in (0, ∞), got 0', 'softplus 的参数 beta 必须在 (0, ∞) 内，实际为 0'],
  [() => resolveParams(hardtanh, { min_val: 2 }), 'invalid parameters for hardtanh: min_val (2) must be less than max_val (1)', 'hardtanh 的参数无效：min_val（2）必须小于 max_val（1）'],
  [() => resolveParams(hardtanh, { min_val: 0.5, max_val: -0.25 }), 'invalid parameters for hardtanh: min_val (0.5) must be less than max_val (-0.25)',
    'hardtanh 的参数无效：min_val（0.5）必须小于 max_val（-0.25）'],
];

test('every message id has an English and a Chinese text naming the same values', () => {
  for (const [id, { en, 'zh-cn': zh }] of Object.entries(PARAM_MESSAGES)) {
    assert.deepEqual(names(zh), names(en), `${id}: the same values in both languages`);
    assert.ok(IDEOGRAPH.test(zh), `${id}: Chinese text`);
    assert.ok(!/['"]/.test(zh), `${id}: no ASCII quotes in Chinese (“ ” quote user text)`);
  }
});

test('each failure: the English message as before, the Chinese with the same values and no English words', () => {
  const covered = new Set<ParamMessageId>();
  for (const [fail, en, zh] of CASES) {
    const e = thrown(fail);
    assert.equal(e.message, en);
    assert.equal(renderParamMessage(e.text, 'en'), en);
    assert.equal(renderParamMessage(e.text, 'zh-cn'), zh);
    for (const v of values(e.text).filter((v) => !(v in PARAM_MESSAGES))) {
      assert.ok(en.includes(v) && zh.includes(v), `${e.text.id}: ${v} in both languages`);
    }
    // what is left of the Chinese once its values are out has no Latin letters
    const rest = values(e.text).sort((a, b) => b.length - a.length).reduce((s, v) => s.split(v).join(' '), zh);
    assert.ok(!/[A-Za-z]/.test(rest), `${e.text.id}: English words in “${rest}”`);
    for (const id of idsOf(e.text)) covered.add(id);
  }
  assert.deepEqual(Object.keys(PARAM_MESSAGES).filter((id) => !covered.has(id as ParamMessageId)), [], 'every id is thrown by a case');
});

test('the expression language and every surface render a parameter error in the language asked', () => {
  const e = thrown(() => resolveParams(hardtanh, { min_val: 2 }));
  assert.equal(renderExprError(e, 'zh-cn'), 'hardtanh 的参数无效：min_val（2）必须小于 max_val（1）');
  assert.equal(renderExprError(e, 'en'), e.message);
  // activation text, as the CLI and the host read it: the problem is a message in both languages
  const choice = readActivationText('hardtanh(min_val=2)');
  assert.ok('problem' in choice);
  assert.equal(renderExprMessage(choice.problem, 'en'), 'invalid parameters for hardtanh: min_val (2) must be less than max_val (1)');
  assert.equal(renderExprMessage(choice.problem, 'zh-cn'), 'hardtanh 的参数无效：min_val（2）必须小于 max_val（1）');
  // a record's own check gives a message, not English text
  assert.deepEqual(hardtanh.checkParams?.({ min_val: 1, max_val: 1 }), { id: 'minBelowMax', args: { min: 'min_val', minValue: 1, max: 'max_val', maxValue: 1 } });
  assert.equal(hardtanh.checkParams?.({ min_val: 0, max_val: 1 }), undefined);
});
