import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// Matches `import ... from 'vscode'`, `import('vscode')` and `require('vscode')`.
const importsVscode = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]vscode['"]/;

test('no file under src/core, src/protocol, src/cli or src/training imports vscode', () => {
  const offenders = ['src/core', 'src/protocol', 'src/cli', 'src/training']
    .flatMap((d) => tsFiles(path.join(root, d)))
    .filter((f) => importsVscode.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(root, f));
  assert.deepEqual(offenders, []);
});

test('the vscode-import detector itself catches each import form', () => {
  for (const src of ["import * as vscode from 'vscode';", 'const v = require("vscode");', "await import('vscode')"]) {
    assert.ok(importsVscode.test(src), src);
  }
  assert.ok(!importsVscode.test("import x from 'vscode-uri';"));
});

test('every top-level folder the brief names exists', () => {
  for (const p of ['src', 'webview', 'media', 'test', 'package.json', 'tsconfig.json', '.vscodeignore', 'README.md', '.ci/run', 'scripts', 'bench']) {
    assert.ok(statSync(path.join(root, p)), p);
  }
});
