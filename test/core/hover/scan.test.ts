// Lexical look-around: dotted names, string literals, fences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callArguments, dottedNameAt, fenceAt, stringAt } from '../../../src/core/hover/scan';

test('the dotted name under a column, including just after it', () => {
  const line = 'y = torch.nn.functional.gelu(x) + 0.5';
  const start = line.indexOf('torch');
  const end = line.indexOf('(');
  for (const col of [start, start + 7, end - 1, end]) {
    const n = dottedNameAt(line, col);
    assert.deepEqual(n && { start: n.start, end: n.end, segments: n.segments }, { start, end, segments: ['torch', 'nn', 'functional', 'gelu'] }, `col ${col}`);
  }
  assert.equal(dottedNameAt(line, line.indexOf('torch') + 7)!.segment, 1);
  assert.equal(dottedNameAt(line, line.indexOf('0.5')), undefined);
  assert.equal(dottedNameAt(line, line.indexOf('+')), undefined);
  assert.equal(dottedNameAt('a = f(x).relu()', 10), undefined);
  assert.equal(dottedNameAt('a = x..relu', 8), undefined);
  assert.deepEqual(dottedNameAt('nn.ReLU.', 2)!.segments, ['nn', 'ReLU']);
});

test('string literals: quotes included, escapes honoured, comments skipped', () => {
  const line = String.raw`f(activation='re\'lu', b="x") # 'tanh'`;
  const s = stringAt(line, line.indexOf('re'), 'python')!;
  assert.equal(s.value, String.raw`re\'lu`);
  assert.equal(s.open, line.indexOf("'"));
  assert.equal(stringAt(line, line.indexOf('"x"') + 1, 'python')?.value, 'x');
  assert.equal(stringAt(line, line.indexOf('tanh'), 'python'), undefined);
  assert.equal(stringAt("x = 1 // 'relu'", 11, 'javascript'), undefined);
  assert.equal(stringAt('a = `relu`', 6, 'javascript')?.value, 'relu');
  assert.equal(stringAt("'unterminated", 5, 'python')?.value, 'unterminated');
});

test('call arguments up to the matching parenthesis or the end of the line', () => {
  assert.equal(callArguments('F.gelu(x, approximate=f(1)) + 1', 6), 'x, approximate=f(1)');
  assert.equal(callArguments('nn.ELU (alpha=2,', 6), 'alpha=2,');
  assert.equal(callArguments('nn.ELU = 3', 6), undefined);
});

test('fenced blocks: backticks and tildes, info strings, closing rules, unclosed last fence', () => {
  const md = 'text\n````python\nimport torch\n```\nstill code\n`````\nprose\n~~~js\ntf.relu\n';
  const inFirst = fenceAt(md, md.indexOf('import'))!;
  assert.equal(inFirst.info, 'python');
  assert.equal(inFirst.content, 'import torch\n```\nstill code\n'); // a shorter fence does not close it, a longer one does
  assert.equal(fenceAt(md, md.indexOf('prose')), undefined);
  assert.equal(fenceAt(md, md.indexOf('text')), undefined);
  const last = fenceAt(md, md.indexOf('tf.relu'))!;
  assert.equal(last.info, 'js');
  assert.equal(last.content, 'tf.relu\n');
  assert.equal(fenceAt(md, md.indexOf('````python') + 5), undefined);
});
