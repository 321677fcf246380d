// Activation text as users write it: names, exact ids with parameters, expressions. The class
// under test: no text with anything beyond a name may resolve to the bare built-in it starts with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, findActivation } from '../../../src/core/activations/registry';
import { parseActivationText, parseCustomDefinitions, type ActivationChoice } from '../../../src/core/expr/activationText';
import { isFunctionName } from '../../../src/core/expr/ast';

const ok = (text: string, params?: Record<string, number>, custom?: NonNullable<Parameters<typeof parseActivationText>[1]>['custom']): ActivationChoice => {
  const c = parseActivationText(text, { params, custom });
  assert.ok(typeof c !== 'string', `${text}: ${JSON.stringify(c)}`);
  return c;
};
const bad = (text: string, re: RegExp, params?: Record<string, number>): void => {
  const c = parseActivationText(text, { params });
  assert.equal(typeof c, 'string', `${text} gave ${JSON.stringify(c)}`);
  assert.match(c as string, re, text);
  assert.ok(!(c as string).includes('\n'), 'one line');
};

test('a bare name is an id, an alias or a spelling of one; parameters come from --param', () => {
  assert.deepEqual(ok('relu'), { id: 'relu', params: {} });
  assert.deepEqual(ok(' LeakyReLU ', { alpha: 0.3 }), { id: 'leaky_relu', params: { alpha: 0.3 } });
  assert.deepEqual(ok('nn.ReLU'), { id: 'relu', params: {} });
  assert.deepEqual(ok('swish'), { id: 'silu', params: {} });
  assert.deepEqual(ok('leaky_relu', { negative_slope: 0.2 }), { id: 'leaky_relu', params: { alpha: 0.2 } }, "PyTorch's name maps to the lab's");
  bad('relux', /unknown activation 'relux'; known: sigmoid, tanh, relu/);
  bad('leaky_relu', /alpha of leaky_relu must be/, { alpha: Number.NaN });
});

test('exact ids take parameters in brackets; aliases, calls and repeats in brackets are errors', () => {
  assert.deepEqual(ok('leaky_relu(alpha=0.3)'), { id: 'leaky_relu', params: { alpha: 0.3 } });
  assert.deepEqual(ok('elu( alpha = 2 )'), { id: 'elu', params: { alpha: 2 } });
  assert.deepEqual(ok('relu()'), { id: 'relu', params: {} });
  bad('LeakyReLU(alpha=0.3)', /write leaky_relu\(alpha=0\.3\)/);
  bad('nn.ReLU()', /is a call, not an activation's name: write relu/);
  bad('leaky_relu(alpha=0.3)', /given twice/, { alpha: 0.2 });
  bad('leaky_relu(alpha=0.3, alpha=0.4)', /written twice/);
  bad('tanh(alpha=1)', /unknown parameter 'alpha' for tanh/);
  bad('leaky_relu(x)', /unknown function 'leaky_relu' at column 1.*leaky_relu is a built-in activation/);
});

test('text that starts with a built-in\'s name never resolves to that built-in', () => {
  // Every id, each with arguments of several kinds and with trailing junk.
  const tails = ['(2*x)', '(x)', '(x, 1)', '( x )', '(0.5)', '+', '*2', ' + x', ')', '(', '(alpha=)', '(alpha=0.1)x', ' x', '..', '(x))'];
  for (const r of ACTIVATIONS) {
    for (const tail of tails) {
      const text = `${r.id}${tail}`;
      const c = parseActivationText(text);
      if (typeof c === 'string') continue;
      assert.ok(!('id' in c), `${text} resolved to the built-in ${'id' in c ? c.id : ''}`);
      // What is accepted is the expression as written: only the language's own functions.
      assert.ok(isFunctionName(r.id), `${text} was accepted as an expression although ${r.id} is not a function of the language`);
      assert.equal(c.expression, text.trim());
    }
  }
  assert.deepEqual(ok('tanh(2*x)'), { expression: 'tanh(2*x)', params: {} });
  assert.deepEqual(ok('sigmoid(x)*x'), { expression: 'sigmoid(x)*x', params: {} });
  bad('relu+', /invalid expression 'relu\+': unknown name 'relu' at column 1/);
  bad('relu )', /invalid expression/);
});

test('expressions declare their parameters with --param; each must be used, and reserved names are refused', () => {
  assert.deepEqual(ok('x*sigmoid(b*x)', { b: 2 }), { expression: 'x*sigmoid(b*x)', params: { b: 2 } });
  bad('x', /--param b is not used by the expression 'x'/, { b: 1 });
  bad('x*sigmoid(x)', /--param b, c are not used/, { b: 1, c: 2 });
  const proto = JSON.parse('{"__proto__": 1}') as Record<string, number>;
  bad('x*__proto__', /parameter name '__proto__' is reserved/, proto);
  bad('relu', /unknown parameter '__proto__' for relu/, proto);
  bad('x*constructor', /parameter name 'constructor' is reserved/, { constructor: 1 });
  bad('x', /parameter name 'x' is reserved/, { x: 1 });
  bad('exp', /function 'exp' needs its arguments in brackets/);
  bad('leaky-relu', /did you mean leaky_relu\?/);
});

test('custom names: their expression and parameters; a repeated --custom, a built-in\'s name or a reserved word is an error', () => {
  const custom = parseCustomDefinitions(['swish2=x*sigmoid(b*x)', 'sq = x^2']);
  assert.ok(custom instanceof Map);
  assert.deepEqual(ok('swish2(b=2)', undefined, custom), { expression: 'x*sigmoid(b*x)', params: { b: 2 }, name: 'swish2' });
  assert.deepEqual(ok('sq', undefined, custom), { expression: 'x^2', params: {}, name: 'sq' });
  const choice = parseActivationText('sq(q=1)', { custom });
  assert.match(choice as string, /unknown parameter 'q' for sq/);
  assert.match(parseCustomDefinitions(['a=x', 'b=x', 'a=x^2']) as string, /custom activation a is defined twice/);
  assert.match(parseCustomDefinitions(['relu=x']) as string, /taken by the built-in relu/);
  assert.match(parseCustomDefinitions(['LeakyReLU=x']) as string, /taken by the built-in leaky_relu/);
  assert.match(parseCustomDefinitions(['exp=x']) as string, /word of the expression language/);
  assert.match(parseCustomDefinitions(['a=']) as string, /needs NAME=EXPRESSION/);
  assert.match(parseCustomDefinitions(['=x']) as string, /needs NAME=EXPRESSION/);
  assert.match(parseCustomDefinitions(['2a=x']) as string, /must be letters, digits and _/);
  const proto = parseCustomDefinitions(['__proto__=x*2']);
  assert.ok(proto instanceof Map && proto.get('__proto__')?.expression === 'x*2', 'a Map keeps any name');
});

test('errors quote long text clipped around the column, on one line', () => {
  const long = `x + ${'1+'.repeat(3000)}q`;
  const c = parseActivationText(long) as string;
  assert.equal(typeof c, 'string');
  assert.ok(c.length < 400, `${c.length} characters`);
  assert.match(c, /…/);
  const tooLong = parseActivationText(`x${'+x'.repeat(6000)}`) as string;
  assert.match(tooLong, /too long \(12001 characters; at most 10000\)/);
  const name = parseActivationText('q'.repeat(5000)) as string;
  assert.ok(name.length < 400 && name.includes('…'), name.slice(0, 100));
});

test('findActivation reads names only: calls, strings and expressions find nothing', () => {
  for (const text of ['tanh(2*x)', 'nn.ReLU()', "activation='tanh'", "'relu'", 'relu+', 'relu x(', 'F.softmax(x, dim=-1)']) {
    assert.equal(findActivation(text), undefined, text);
  }
  assert.equal(findActivation('nn.ReLU')?.id, 'relu');
  assert.equal(findActivation('Leaky ReLU')?.id, 'leaky_relu');
});
