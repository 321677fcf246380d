// The hover's Markdown: every fact the issue asks for, in both languages, with the framework's
// defaults, a decodable SVG plot, and command links to the lab's three commands only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, getActivation, resolveParams } from '../../../src/core/activations/registry';
import type { ActivationRecord, Framework } from '../../../src/core/activations/types';
import { compileCustomActivation } from '../../../src/core/expr/customActivation';
import { HOVER_COMMANDS, HOVER_COMMAND_IDS } from '../../../src/core/hover/commandLinks';
import { HOVER_LABELS, type HoverLanguage } from '../../../src/core/hover/labels';
import { codeSpan, escapeMarkdown, formatRange, hoverMarkdown } from '../../../src/core/hover/markdown';
import { findActivationReference, type ActivationReference } from '../../../src/core/hover/reference';
import { offsetOf, sample } from './samples';

function ref(record: ActivationRecord, framework?: Framework, extra: Partial<ActivationReference> = {}): ActivationReference {
  return {
    start: 0, end: 1, written: record.id, form: 'qualified', record, framework, alias: record.id,
    defaults: resolveParams(record, {}, framework), given: {}, ...extra,
  };
}

function fromSample(file: string, needle: string, languageId = 'python'): ActivationReference {
  const text = sample(file);
  return findActivationReference({ text, languageId }, offsetOf(text, needle, 1))!;
}

/** The SVG behind the first image of a hover. */
function imageSvg(md: string): string {
  const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md);
  assert.ok(m, 'no base64 SVG image in the hover');
  return Buffer.from(m[1], 'base64').toString('utf8');
}

/** Every Markdown link target that is a command: [label, id, parsed args]. */
function commandLinks(md: string): [string, string, unknown[]][] {
  return [...md.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^ )]*)(?: "[^"]*")?\)/g)]
    .map((m) => [m[1], m[2], JSON.parse(decodeURIComponent(m[3])) as unknown[]]);
}

test("PyTorch's LeakyReLU hover: formula, derivative, range, the 0.01 default, pros, cons, plot, links", () => {
  const r = fromSample('pytorch_mlp.py', 'nn.LeakyReLU()');
  const md = hoverMarkdown(r, 'en');
  const leaky = getActivation('leaky_relu');
  assert.ok(md.includes(leaky.formula.unicode));
  assert.ok(md.includes(leaky.derivative.unicode));
  assert.ok(md.includes('**Output range** (\u2212\u221e, \u221e)'));
  assert.ok(md.includes('**Defaults in PyTorch** `negative_slope` = 0.01'), md);
  assert.ok(!/= 0\.3\b/.test(md), 'a default other than PyTorch\'s');
  for (const p of leaky.pros.slice(0, 3)) assert.ok(md.includes(`- ${escapeMarkdown(p.en)}`));
  for (const c of leaky.cons.slice(0, 3)) assert.ok(md.includes(`- ${escapeMarkdown(c.en)}`));
  assert.ok(imageSvg(md).startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  const links = commandLinks(md);
  assert.deepEqual(links.map(([l, id]) => [l, id]), [
    ['Open in Lab', HOVER_COMMANDS.openLab], ['Compare', HOVER_COMMANDS.compare], ['Guide', HOVER_COMMANDS.guide], ['Copy as Code', HOVER_COMMANDS.copyAsCode],
  ]);
  assert.deepEqual(links[0][2], [{ activation: 'leaky_relu', params: { alpha: 0.01 }, framework: 'pytorch' }]);
  assert.deepEqual(links[1][2], [['leaky_relu']]);
  assert.deepEqual(links[2][2], [{ activation: 'leaky_relu' }]);
  // Copy as Code takes the code's framework and parameters, so Keras's LeakyReLU() gives alpha 0.3.
  assert.deepEqual(links[3][2], [{ activation: 'leaky_relu', params: { alpha: 0.01 }, framework: 'pytorch' }]);
});

test('the links come right under the title, above the formula and the plot (a hover shows about 250 px before it scrolls)', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    const md = hoverMarkdown(ref(getActivation('gelu'), 'pytorch'), lang);
    const lines = md.split('\n').filter((l) => l.trim());
    assert.match(lines[0], /^\*\*GELU\*\*/);
    assert.match(lines[1], /command:activationLab\.openLab/, 'the second line holds the links');
    assert.ok(md.indexOf('command:activationLab.') < md.indexOf('!['), 'links before the plot');
  }
});

test("Keras's LeakyReLU hover says 0.3 and plots with it; the call's own value is shown and plotted", () => {
  const keras = hoverMarkdown(ref(getActivation('leaky_relu'), 'keras', { alias: 'keras.layers.LeakyReLU', defaults: { alpha: 0.3 } }), 'en');
  assert.ok(keras.includes('**Defaults in Keras** `negative_slope` = 0.3'), keras);
  const tfKeras = hoverMarkdown(fromSample('keras_mlp.py', 'keras.layers.LeakyReLU'), 'en');
  // One name for one framework: TensorFlow's bundled Keras is "Keras" too (the code span shows `tf.keras`).
  assert.ok(tfKeras.includes('**Defaults in Keras** `alpha` = 0.3'), tfKeras);
  assert.ok(!tfKeras.includes('(tf.keras)') && tfKeras.includes('· Keras\n'), tfKeras.slice(0, 200));
  // The plot's f' on the negative side is the slope in use: the dashed path's left end sits at
  // y = 0.3 for Keras and at 0.01 for PyTorch, so the two images differ.
  const torch = hoverMarkdown(ref(getActivation('leaky_relu'), 'pytorch'), 'en');
  assert.notEqual(imageSvg(keras), imageSvg(torch));
  const given = hoverMarkdown(fromSample('pytorch_mlp.py', 'F.leaky_relu'), 'en');
  assert.ok(given.includes('**In this call** `negative_slope` = 0.2'), given);
  assert.ok(commandLinks(given)[0][2][0] && (commandLinks(given)[0][2][0] as { params: unknown }).params);
  assert.deepEqual((commandLinks(given)[0][2][0] as { params: unknown }).params, { alpha: 0.2 });
});

test('Simplified Chinese: the labels and the registry\'s texts in Chinese, the formulas unchanged', () => {
  const r = fromSample('keras_mlp.py', "'tanh'");
  const md = hoverMarkdown(r, 'zh-cn');
  const tanh = getActivation('tanh');
  assert.ok(md.includes(`**${HOVER_LABELS['zh-cn'].formula}** ${codeSpan(tanh.formula.unicode)}`));
  assert.ok(md.includes(escapeMarkdown(tanh.doc['zh-cn'])));
  for (const p of tanh.pros.slice(0, 3)) assert.ok(md.includes(escapeMarkdown(p['zh-cn'])));
  assert.ok(!md.includes(tanh.doc.en));
  assert.deepEqual(commandLinks(md).map(([l]) => l), ['在实验室中打开', '比较', '指南', '复制为代码']);
  assert.ok(md.includes('**Keras 中的默认值** 无参数'));
});

test('every built-in activation renders in both languages: image, 2-3 pros and cons, four links, no undefined/NaN', () => {
  for (const record of ACTIVATIONS) {
    for (const lang of ['en', 'zh-cn'] as HoverLanguage[]) {
      const md = hoverMarkdown(ref(record, 'pytorch'), lang);
      assert.ok(!/undefined|NaN|\[object/.test(md.replace(/base64,[A-Za-z0-9+/=]+/, '')), `${record.id} ${lang}`);
      assert.ok(imageSvg(md).endsWith('</svg>'));
      const items = md.split('\n').filter((l) => l.startsWith('- ')).length;
      const want = Math.min(3, record.pros.length) + Math.min(3, record.cons.length);
      assert.equal(items, want, `${record.id}: list items`);
      assert.ok(record.pros.length >= 1 && record.cons.length >= 1, `${record.id} has no pros or no cons for the hover`);
      assert.deepEqual(commandLinks(md).map(([, id]) => id), [...HOVER_COMMAND_IDS]);
      assert.ok(md.length < 12_000, `${record.id}: ${md.length} characters`);
    }
  }
});

test('softmax is plotted on its two-class slice and says so', () => {
  const md = hoverMarkdown(ref(getActivation('softmax'), 'keras'), 'en');
  assert.ok(md.includes('Two-class slice softmax(\\[x, 0\\])'), md);
  assert.ok(imageSvg(md).includes('f(x, 0)[0]'));
});

test('a custom activation: its name escaped, its formula and derivative, no empty pros/cons sections', () => {
  // Saved names are identifiers; a record named otherwise (an older setting, a future bug) must still be escaped.
  const c = { ...compileCustomActivation({ name: 'soft_clip', expression: 'k*x / (1 + abs(x))', params: { k: 2 } }), id: 'soft_clip*', displayName: 'soft_clip*' };
  const md = hoverMarkdown(ref(c, undefined, { alias: c.id }), 'en');
  assert.ok(md.startsWith('**soft\\_clip\\*** \u00b7 custom activation'), md.slice(0, 80));
  assert.ok(md.includes(codeSpan(c.formula.unicode)) && md.includes(codeSpan(c.derivative.unicode)));
  assert.ok(md.includes('**Defaults** `k` = 2'));
  assert.ok(!md.includes('**Pros**') && !md.includes('**Cons**'));
  assert.deepEqual(commandLinks(md)[0][2], [{ activation: 'soft_clip*', params: { k: 2 } }]);
});

test('names that would break Markdown or a link stay inside their link', () => {
  const name = 'f(x)] [evil](command:workbench.action.quit)';
  const c = { ...compileCustomActivation({ name: 'evil', expression: 'x' }), id: name, displayName: name };
  const md = hoverMarkdown(ref(c), 'en');
  assert.deepEqual(commandLinks(md).map(([, id]) => id), [...HOVER_COMMAND_IDS]);
  // Without our three links, no unescaped `](command:` is left that a Markdown parser would make a link of.
  const rest = md.replace(/\[[^\]]+\]\(command:activationLab\.\w+\?[^ )]*(?: "[^"]*")?\)/g, '');
  assert.ok(rest.includes('command:workbench'));
  assert.ok(!/(^|[^\\])\]\(command:/.test(rest), rest);
  assert.equal(codeSpan('a`b'), '`` a`b ``');
});

test('ranges in the usual notation', () => {
  assert.equal(formatRange({ min: 0, max: Infinity, minIncluded: true, maxIncluded: false }), '[0, \u221e)');
  assert.equal(formatRange({ min: 0, max: 1, minIncluded: false, maxIncluded: false }), '(0, 1)');
  assert.equal(formatRange({ min: -1.7580993408473766, max: Infinity, minIncluded: true, maxIncluded: false }), '[\u22121.758, \u221e)');
});

test('a Chinese hover shows the Chinese form of a formula with words, and Chinese brackets around “learned”', () => {
  const relu = getActivation('relu');
  const zh = hoverMarkdown(ref(relu, 'pytorch'), 'zh-cn');
  assert.ok(relu.derivative['zh-cn'] && zh.includes(codeSpan(relu.derivative['zh-cn'])), 'the derivative in Chinese');
  assert.ok(!zh.includes('if x > 0'), 'no English formula words in the Chinese hover');
  assert.ok(hoverMarkdown(ref(relu, 'pytorch'), 'en').includes(codeSpan(relu.derivative.unicode)), 'English keeps the shared form');
  const prelu = hoverMarkdown(ref(getActivation('prelu'), 'pytorch'), 'zh-cn');
  assert.ok(prelu.includes('（可学习）') && !prelu.includes('(可学习)'), 'learned, with full-width brackets');
  assert.ok(hoverMarkdown(ref(getActivation('prelu'), 'pytorch'), 'en').includes(' (learned)'));
});
