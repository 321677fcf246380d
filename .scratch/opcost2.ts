import { Tape } from '/work/wt-rel/src/core/expr/evaluate';
import { parseExpression } from '/work/wt-rel/src/core/expr/index';
import { DENSE_GRID } from '/work/wt-rel/src/core/analysis/sampling';
const out = new Float64Array(DENSE_GRID.length);
const xs = DENSE_GRID.map((x) => x / 7 + 3);
const N = 30;
const time = (src: string) => {
  const t = new Tape([parseExpression(src)], []);
  let best = Infinity;
  for (let k = 0; k < 9; k++) { const s = performance.now(); t.evaluateMany(xs, new Float64Array(0), [out]); best = Math.min(best, performance.now() - s); }
  return { ns: best * 1e6 / DENSE_GRID.length, n: t.length };
};
// baseline: sum of (x + k): N adds for terms + (N-1) adds for the sum
const base = time(Array.from({ length: N }, (_, i) => `(x + ${i + 1})`).join(' + '));
const perAdd = base.ns / base.n;
console.log('add', perAdd.toFixed(2), 'ns');
for (const fn of ['-', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'erf', 'sin', 'cos', 'softplus', 'sign']) {
  const r = time(Array.from({ length: N }, (_, i) => `${fn}(x + ${i + 1})`).join(' + '));
  console.log(fn.padEnd(9), ((r.ns - base.ns) / N / perAdd + 1).toFixed(1), 'adds');
}
for (const [name, tmpl] of [['mul', (i: number) => `(x * ${i + 1})`], ['div', (i: number) => `(x / ${i + 1})`], ['pow int', (i: number) => `(x + ${i})^3`], ['pow real', (i: number) => `(x + ${i})^2.5`], ['min', (i: number) => `min(x, ${i})`], ['cmp', (i: number) => `(x < ${i})`], ['where', (i: number) => `where(x, ${i}, x)`]] as [string, (i: number) => string][]) {
  const r = time(Array.from({ length: N }, (_, i) => tmpl(i)).join(' + '));
  console.log(name.padEnd(9), ((r.ns - base.ns) / N / perAdd + 1).toFixed(1), 'adds');
}
