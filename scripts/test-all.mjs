// `npm test`: the build, typecheck and lint, then every layer in order, installing what is missing
// first (idempotent), then one closing line with the totals. Layers: unit (plain Node), webview
// (chromium), extension host (the offline VS Code server), VSIX (packaged, installed, activated).
// ACTLAB_TEST_LAYERS=unit,webview runs a subset of the layers.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wanted = (process.env.ACTLAB_TEST_LAYERS ?? 'unit,webview,host,vsix').split(',');

function must(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[test] ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

/** Runs a layer, echoing its output, and reads its pass/fail counts from its closing lines. */
function layer(name, args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n== ${name}`);
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const echo = (stream) => (d) => { out += d; stream.write(d); };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => {
      const plain = stripVTControlCharacters(out);
      const nodePass = [...plain.matchAll(/^ℹ pass (\d+)$/gm)].at(-1);
      const nodeFail = [...plain.matchAll(/^ℹ fail (\d+)$/gm)].at(-1);
      const mocha = [...plain.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
      const passed = Number(nodePass?.[1] ?? mocha?.[1] ?? 0);
      const failed = Number(nodeFail?.[1] ?? mocha?.[2] ?? 0) + (code !== 0 && !(nodeFail || mocha) ? 1 : 0);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      resolve({ name, code, passed, failed, seconds });
    });
  });
}

/** An npm command, echoed; any `npm warn` line it prints fails the run (the project promises none). */
function mustNpm(args, what) {
  const r = spawnSync('npm', args, { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^npm warn/i.test(l.trim()));
  if (r.status !== 0 || warnings.length) {
    console.error(`[test] ${what} failed${warnings.length ? `: npm printed ${warnings.length} warning(s)` : ''}`);
    process.exit(r.status || 1);
  }
}

must('bash', ['scripts/ensure-system-deps.sh'], 'installing system packages');
// What CI's `npm ci` printed is not visible from here: its dry run prints the same project warnings.
mustNpm(['ci', '--dry-run', '--no-audit', '--no-fund'], 'npm ci --dry-run');
console.log('== build and typecheck');
must(process.execPath, ['scripts/build.mjs'], 'the build');
mustNpm(['run', '-s', 'typecheck'], 'the typecheck');
console.log('== lint');
const lintStart = Date.now();
mustNpm(['run', '-s', 'lint'], 'the lint (ESLint, any finding fails)');
console.log(`[test] lint clean in ${((Date.now() - lintStart) / 1000).toFixed(1)} s`);

const layers = [
  ['unit', 'unit tests (plain Node)', ['scripts/run-unit-tests.mjs']],
  ['webview', 'webview browser tests (chromium)', ['scripts/run-unit-tests.mjs', '--webview']],
  ['host', 'extension-host tests (VS Code 1.100.3 server, offline)', ['test/host/run-offline.mjs']],
  ['vsix', 'VSIX package, install and activation', ['test/host/run-vsix.mjs']],
];
const results = [];
for (const [key, title, args] of layers) {
  if (wanted.includes(key)) results.push(await layer(title, args));
}
console.log('\n== summary');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) && failed === 0 ? 0 : 1);
