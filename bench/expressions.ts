// How long compiling and analysing a custom activation takes (parse, differentiate, validate on
// the grid, measure range, smoothness, saturation...: what the extension host does on each
// keystroke of "Define Custom Activation"): everyday expressions, the expressions that used to
// take 24-41 s (99 nested abs() or min()), and the costliest the limits accept. Best of N runs
// (noise only ever slows a run), in wall time and in this process's CPU time (which a busy
// shared machine inflates less), with the load average.
// Usage: node --import tsx bench/expressions.ts [--runs N] [--json FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileCustomActivation, MAX_EVALUATION_COST } from '../src/core/expr/customActivation';

const { values } = parseArgs({ options: { runs: { type: 'string' }, json: { type: 'string' } } });
const runs = Number(values.runs ?? 7);

const nest = (fn: string, depth: number): string => `${`${fn}(`.repeat(depth)}x${')'.repeat(depth)}`;
const sum = (n: number, term: (i: number) => string): string => Array.from({ length: n }, (_, i) => term(i)).join(' + ');

const CASES: [string, string][] = [
  ['swish', 'x*sigmoid(x)'],
  ['gelu', '0.5*x*(1 + erf(x/sqrt(2)))'],
  ['mish', 'x*tanh(softplus(x))'],
  ['elu-like where', 'where(x > 0, x, 0.7*(exp(x) - 1))'],
  ['99 nested abs', nest('abs', 99)],
  ['99 nested min', `${'min('.repeat(99)}x${Array.from({ length: 99 }, (_, i) => `, ${i})`).join('')}`],
  ['99 nested max', `${'max('.repeat(99)}x${Array.from({ length: 99 }, (_, i) => `, ${-i / 10})`).join('')}`],
  ['19 nested sigmoid', nest('sigmoid', 19)],
  ['sum of 40 tanh', sum(40, (i) => `tanh(${i + 1}*x - 1)`).slice(0, 10_000)],
  ['60 nested sqrt', nest('sqrt', 60).replace('x', 'x^2 + 1')],
  ['mixed 40 deep', `${Array.from({ length: 40 }, (_, i) => ['tanh(', 'abs(', 'softplus(', 'min(1, '][i % 4]).join('')}x${')'.repeat(40)}`],
];

function time(expression: string): { best: number; median: number; cpu: number; cost: number | null; note?: string } {
  const ms: number[] = [];
  const cpu: number[] = [];
  let cost: number | null = null;
  let note: string | undefined;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    try {
      cost = compileCustomActivation({ name: 'bench', expression }).evaluationCost;
    } catch (e) {
      note = (e as Error).message.slice(0, 90);
    }
    const used = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { best: ms[0], median: ms[ms.length >> 1], cpu: cpu[0], cost, note };
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`compile + analyse a custom activation, best and median of ${runs} runs; load average before: ${load()}; cost limit ${MAX_EVALUATION_COST}`);
console.log(`${'case'.padEnd(20)} ${'chars'.padStart(6)} ${'cost'.padStart(5)} ${'best ms'.padStart(8)} ${'median'.padStart(8)} ${'cpu ms'.padStart(7)}`);
const rows = CASES.map(([name, expression]) => {
  const r = time(expression);
  console.log(`${name.padEnd(20)} ${String(expression.length).padStart(6)} ${String(r.cost ?? '-').padStart(5)} ${r.best.toFixed(1).padStart(8)} ${r.median.toFixed(1).padStart(8)} ${r.cpu.toFixed(1).padStart(7)}${r.note ? `  (${r.note})` : ''}`);
  return { name, chars: expression.length, ...r };
});
console.log(`load average after: ${load()}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ load: load(), runs, rows }, null, 1)}\n`);
