// `npm test`: installs what is missing first (idempotent), builds, then the typecheck and the lint
// side by side, then the layers, then one closing line with the totals. Layers: unit (plain
// Node), webview (chromium), extension host (the offline VS Code server), VSIX (packaged,
// installed, activated). The unit layer runs beside the other three (which run in order): each
// keeps about one core busy, so on two cores the suite takes the longer of the two, not their
// sum; and the browser and host layers are built to pass on a busy machine, which this makes
// them prove. Each layer's output is printed whole when it ends. ACTLAB_TEST_LAYERS=unit,webview
// runs a subset. The VS Code server installs (if missing) beside the checks.
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

/** Runs a layer, keeping its output to print whole when it ends, and reads its pass/fail counts from its closing lines. */
function layer(name, args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ACTLAB_BUILT: '1' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`\n== ${name} (${seconds} s)\n${out}`);
      const plain = stripVTControlCharacters(out);
      const nodePass = [...plain.matchAll(/^ℹ pass (\d+)$/gm)].at(-1);
      const nodeFail = [...plain.matchAll(/^ℹ fail (\d+)$/gm)].at(-1);
      const mocha = [...plain.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
      const passed = Number(nodePass?.[1] ?? mocha?.[1] ?? 0);
      const failed = Number(nodeFail?.[1] ?? mocha?.[2] ?? 0) + (code !== 0 && !(nodeFail || mocha) ? 1 : 0);
      resolve({ name, code, passed, failed, seconds });
    });
  });
}

/** A step that must pass before the layers (the typecheck, the lint), its output kept and printed whole. */
function step(what, cmd, args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      const warnings = out.split('\n').filter((l) => /^npm warn/i.test(l.trim()));
      const ok = code === 0 && warnings.length === 0;
      process.stdout.write(`== ${what}: ${ok ? 'ok' : `FAILED${warnings.length ? ` (npm printed ${warnings.length} warning(s))` : ''}`} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n${out}`);
      resolve(ok);
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
console.log('== build');
must(process.execPath, ['scripts/build.mjs'], 'the build');
// The VS Code server (a fresh machine installs it: a download and a native build, about two
// minutes) installs while the checks and the first layers run; the host and VSIX layers wait for it.
const serverReady = wanted.includes('host') || wanted.includes('vsix') ? step('VS Code server', 'bash', ['scripts/install-vscode-server.sh']) : Promise.resolve(true);
const checks = await Promise.all([
  step('typecheck', 'npm', ['run', '-s', 'typecheck']),
  step('lint', 'npm', ['run', '-s', 'lint']),
]);
if (!checks.every(Boolean)) {
  console.error('[test] the typecheck or the lint failed');
  process.exit(1);
}

const LAYERS = {
  unit: ['unit tests (plain Node)', ['scripts/run-unit-tests.mjs']],
  webview: ['webview browser tests (chromium)', ['scripts/run-unit-tests.mjs', '--webview']],
  host: ['extension-host tests (VS Code 1.100.3 server, offline)', ['test/host/run-offline.mjs']],
  vsix: ['VSIX package, install and activation', ['test/host/run-vsix.mjs']],
};
const run = (key) => layer(LAYERS[key][0], LAYERS[key][1]);
/** The layers of `keys` that were asked for, one after another. */
async function inOrder(keys) {
  const out = [];
  for (const key of keys) {
    if (!wanted.includes(key)) continue;
    if ((key === 'host' || key === 'vsix') && !(await serverReady)) {
      out.push({ name: LAYERS[key][0], code: 1, passed: 0, failed: 1, seconds: '0.0' });
      continue;
    }
    out.push(await run(key));
  }
  return out;
}
const t0 = Date.now();
const [unit, rest] = await Promise.all([inOrder(['unit']), inOrder(['webview', 'host', 'vsix'])]);
const results = [...unit, ...rest];
console.log('\n== summary');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed; the layers took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(results.every((r) => r.code === 0) && failed === 0 ? 0 : 1);
