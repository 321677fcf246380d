// Hover docs in the real extension host: `vscode.executeHoverProvider` on the sample PyTorch,
// Keras, JAX, TF.js and Markdown files (test/host/fixtures/samples), a notebook, an untitled
// TypeScript file and a custom activation from the settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOVER_COMMAND_IDS } from '../../../src/core/hover/commandLinks';
import { ActivationHoverProvider } from '../../../src/host/hover/activationHoverProvider';
import { CUSTOM_ACTIVATIONS_SETTING } from '../../../src/host/settings';
import { EXTENSION_ID, activateLab, dismissUntilSettled, waitFor } from './helpers';

async function openSample(name: string): Promise<vscode.TextDocument> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return vscode.workspace.openTextDocument(vscode.Uri.joinPath(ext.extensionUri, 'test', 'host', 'fixtures', 'samples', name));
}

/** The position `delta` characters into the `occurrence`-th appearance of `needle`. */
function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' not in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}

interface LabHover {
  hover: vscode.Hover;
  md: vscode.MarkdownString;
}

/** Our hovers at a position (other providers, e.g. TypeScript's, may answer too). */
async function labHovers(uri: vscode.Uri, position: vscode.Position): Promise<LabHover[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const out: LabHover[] = [];
  for (const hover of hovers) {
    for (const c of hover.contents) {
      if (c instanceof vscode.MarkdownString && c.value.includes('command:activationLab.')) out.push({ hover, md: c });
    }
  }
  return out;
}

async function oneLabHover(doc: vscode.TextDocument, position: vscode.Position): Promise<LabHover> {
  const found = await labHovers(doc.uri, position);
  assert.equal(found.length, 1, `expected one Activation Lab hover at ${doc.uri.path}:${position.line + 1}:${position.character + 1}, got ${found.length}`);
  return found[0];
}

/** The checks every hover must pass: the activation's name, the defaults line, the plot, trusted links. */
function assertLabHover(h: LabHover, doc: vscode.TextDocument, want: { title: string; span: string; defaults: string }): void {
  const { md, hover } = h;
  assert.ok(md.value.startsWith(`**${want.title}**`), md.value.slice(0, 80));
  assert.ok(md.value.includes(want.defaults), `no '${want.defaults}' in:\n${md.value.replace(/base64,[^)]+/, 'base64,…')}`);
  assert.match(md.value, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]{800,}\)/);
  assert.ok(hover.range, 'the hover names its range');
  assert.equal(doc.getText(hover.range), want.span);
  // Trusted for exactly the lab's three commands, and every command link is one of them.
  assert.deepEqual(md.isTrusted, { enabledCommands: [...HOVER_COMMAND_IDS] });
  const linked = [...md.value.matchAll(/\]\(command:([\w.]+)\?/g)].map((m) => m[1]);
  assert.deepEqual(linked, [...HOVER_COMMAND_IDS]);
  assert.ok(!md.supportHtml);
}

describe('Hover docs on activation names', () => {
  before(async () => {
    await activateLab();
  });

  const cases: [file: string, needle: string, delta: number, want: { title: string; span: string; defaults: string }][] = [
    ['pytorch_mlp.py', 'nn.ReLU()', 4, { title: 'ReLU', span: 'nn.ReLU', defaults: '**Defaults in PyTorch** no parameters' }],
    ['pytorch_mlp.py', 'nn.LeakyReLU()', 5, { title: 'Leaky ReLU', span: 'nn.LeakyReLU', defaults: '**Defaults in PyTorch** `negative_slope` = 0.01' }],
    ['pytorch_mlp.py', 'torch.nn.functional.gelu', 21, { title: 'GELU', span: 'torch.nn.functional.gelu', defaults: '**Defaults in PyTorch**' }],
    ['pytorch_mlp.py', 'F.leaky_relu', 3, { title: 'Leaky ReLU', span: 'F.leaky_relu', defaults: '**In this call** `negative_slope` = 0.2' }],
    ['pytorch_mlp.py', 'torch.sigmoid', 8, { title: 'Sigmoid', span: 'torch.sigmoid', defaults: '**Defaults in PyTorch**' }],
    ['keras_mlp.py', "'tanh'", 2, { title: 'Tanh', span: 'tanh', defaults: '**Defaults in Keras** no parameters' }],
    ['keras_mlp.py', '"softmax"', 3, { title: 'Softmax', span: 'softmax', defaults: '**Defaults in Keras**' }],
    ['keras_mlp.py', 'keras.layers.LeakyReLU', 15, { title: 'Leaky ReLU', span: 'keras.layers.LeakyReLU', defaults: '**Defaults in Keras** `alpha` = 0.3' }],
    ['keras_mlp.py', 'tf.keras.activations.swish', 22, { title: 'SiLU / Swish', span: 'tf.keras.activations.swish', defaults: '**Defaults in Keras** `beta` = 1' }],
    ['keras_mlp.py', 'tf.nn.relu', 7, { title: 'ReLU', span: 'tf.nn.relu', defaults: '**Defaults in TensorFlow**' }],
    ['keras_mlp.py', 'tf.tanh', 4, { title: 'Tanh', span: 'tf.tanh', defaults: '**Defaults in TensorFlow**' }],
    ['jax_mlp.py', 'jax.nn.silu', 8, { title: 'SiLU / Swish', span: 'jax.nn.silu', defaults: '**Defaults in JAX** `beta` = 1' }],
    ['jax_mlp.py', 'jax.nn.leaky_relu', 9, { title: 'Leaky ReLU', span: 'jax.nn.leaky_relu', defaults: '**Defaults in JAX** `negative_slope` = 0.01' }],
    ['tfjs_mlp.js', 'tf.layers.leakyReLU', 11, { title: 'Leaky ReLU', span: 'tf.layers.leakyReLU', defaults: '**Defaults in TensorFlow.js** `alpha` = 0.3' }],
    ['tfjs_mlp.js', 'tf.leakyRelu', 4, { title: 'Leaky ReLU', span: 'tf.leakyRelu', defaults: '**Defaults in TensorFlow.js** `alpha` = 0.2' }],
    ['tfjs_mlp.js', "'relu'", 2, { title: 'ReLU', span: 'relu', defaults: '**Defaults in TensorFlow.js**' }],
    ['tfjs_mlp.js', 'tf.tanh', 4, { title: 'Tanh', span: 'tf.tanh', defaults: '**Defaults in TensorFlow.js**' }],
    ['activations.md', 'nn.ReLU', 4, { title: 'ReLU', span: 'nn.ReLU', defaults: '**Defaults in PyTorch**' }],
    ['activations.md', 'keras.layers.LeakyReLU', 14, { title: 'Leaky ReLU', span: 'keras.layers.LeakyReLU', defaults: '`alpha` = 0.3' }],
    ['activations.md', 'nn.LeakyReLU', 4, { title: 'Leaky ReLU', span: 'nn.LeakyReLU', defaults: '`negative_slope` = 0.01' }],
  ];
  for (const [file, needle, delta, want] of cases) {
    it(`${file}: ${needle} → ${want.title} (${want.defaults.replace(/\*/g, '')})`, async () => {
      const doc = await openSample(file);
      assertLabHover(await oneLabHover(doc, positionOf(doc, needle, delta)), doc, want);
    });
  }

  it("the samples' languages are the ones the provider is registered for", async () => {
    const languages = await Promise.all(['pytorch_mlp.py', 'tfjs_mlp.js', 'activations.md'].map(async (f) => (await openSample(f)).languageId));
    assert.deepEqual(languages, ['python', 'javascript', 'markdown']);
  });

  it('no hover on relu_count, prelude, a variable elu = 3, or unrelated names', async () => {
    const negatives: [string, string, number][] = [
      ['pytorch_mlp.py', 'relu_count', 1], ['pytorch_mlp.py', 'prelude', 2], ['pytorch_mlp.py', 'elu = 3', 1], ['pytorch_mlp.py', '+ elu', 3],
      ['pytorch_mlp.py', 'nn.Linear', 5], ['keras_mlp.py', 'relu_count', 4], ['jax_mlp.py', 'prelude', 3],
      ['tfjs_mlp.js', 'elu = 3', 1], ['tfjs_mlp.js', 'relu_count', 3], ['activations.md', 'relu_count', 2], ['activations.md', 'prelude', 1],
    ];
    for (const [file, needle, delta] of negatives) {
      const doc = await openSample(file);
      const found = await labHovers(doc.uri, positionOf(doc, needle, delta));
      assert.equal(found.length, 0, `${file}: '${needle}' got a hover: ${found[0]?.md.value.slice(0, 60)}`);
    }
  });

  it('TypeScript files too (an untitled document)', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: "import * as tf from '@tensorflow/tfjs';\nconst y: tf.Tensor = tf.elu(tf.zeros([2]));\nconst relu_count = 0;\n",
    });
    assertLabHover(await oneLabHover(doc, positionOf(doc, 'tf.elu', 4)), doc, { title: 'ELU', span: 'tf.elu', defaults: '**Defaults in TensorFlow.js** `alpha` = 1' });
    assert.equal((await labHovers(doc.uri, positionOf(doc, 'relu_count', 1))).length, 0);
  });

  it('notebook cells: the hover works in a cell and reads the imports of earlier cells', async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'from keras import layers as L\nimport numpy as np', 'python'),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# L.ReLU in a markdown cell is not code', 'markdown'),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'h = L.LeakyReLU()(np.zeros(3))\nrelu_count = 1', 'python'),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    const cell = notebook.cellAt(2).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const h = await oneLabHover(cell, positionOf(cell, 'L.LeakyReLU', 4));
    assertLabHover(h, cell, { title: 'Leaky ReLU', span: 'L.LeakyReLU', defaults: '**Defaults in Keras** `negative_slope` = 0.3' });
    assert.equal((await labHovers(cell.uri, positionOf(cell, 'relu_count', 1))).length, 0);
  });

  it('a custom activation from the settings gets a hover; removing it removes the hover', async () => {
    const config = vscode.workspace.getConfiguration();
    const before = config.inspect(CUSTOM_ACTIVATIONS_SETTING)?.globalValue;
    const doc = await openSample('pytorch_mlp.py');
    const at = positionOf(doc, 'softclip(', 3);
    assert.equal((await labHovers(doc.uri, at)).length, 0, 'no hover before it is defined');
    try {
      await config.update(CUSTOM_ACTIVATIONS_SETTING, [{ name: 'softclip', expression: 'k * x / (1 + abs(x))', params: { k: 2 } }], vscode.ConfigurationTarget.Global);
      const h = await waitFor('the custom hover', async () => (await labHovers(doc.uri, at))[0]);
      assertLabHover(h, doc, { title: 'softclip', span: 'softclip', defaults: '**Defaults** `k` = 2' });
      assert.ok(h.md.value.includes('custom activation'));
    } finally {
      await config.update(CUSTOM_ACTIVATIONS_SETTING, before, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the custom hover to go', async () => ((await labHovers(doc.uri, at)).length === 0 ? true : undefined));
  });

  it("the links' commands are registered and accept the links' arguments", async () => {
    const doc = await openSample('pytorch_mlp.py');
    const { md } = await oneLabHover(doc, positionOf(doc, 'nn.LeakyReLU()', 5));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const m of md.value.matchAll(/\]\(command:([\w.]+)\?([^ )]*)/g)) {
      const [, id, query] = m;
      assert.ok(registered.has(id), `${id} is linked from the hover but not registered`);
      const args = JSON.parse(decodeURIComponent(query)) as unknown[];
      const pending = vscode.commands.executeCommand(id, ...args);
      if (id === 'activationLab.compareActivations') {
        // One id opens the multi-pick with it preselected; dismissing the picker compares nothing.
        assert.deepEqual(args, [['leaky_relu']]);
        assert.equal(await dismissUntilSettled(id, pending), undefined);
      } else if (id === 'activationLab.copyAsCode') {
        // The activation, parameters and framework come from the code; where the code goes is asked.
        assert.deepEqual(args, [{ activation: 'leaky_relu', params: { alpha: 0.01 }, framework: 'pytorch' }]);
        assert.equal(await dismissUntilSettled(id, pending), undefined);
      } else {
        await pending;
      }
    }
  });

  it('Simplified Chinese when VS Code shows Chinese (the same provider with the display language zh-cn)', async () => {
    const doc = await openSample('keras_mlp.py');
    const provider = new ActivationHoverProvider({ displayLanguage: () => 'zh-cn' });
    try {
      const hover = provider.provideHover(doc, positionOf(doc, 'keras.layers.LeakyReLU', 15));
      const md = hover?.contents[0] as vscode.MarkdownString;
      assert.ok(md.value.includes('**Keras 中的默认值** `alpha` = 0.3'), md.value.slice(0, 400));
      assert.ok(md.value.includes('**优点**') && md.value.includes('[在实验室中打开](command:activationLab.openLab?'));
      assert.deepEqual(md.isTrusted, { enabledCommands: [...HOVER_COMMAND_IDS] });
    } finally {
      provider.dispose();
    }
  });
});
