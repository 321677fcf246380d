import { Tape } from '/work/wt-rel/src/core/expr/evaluate';
import { parseExpression } from '/work/wt-rel/src/core/expr/index';
import { DENSE_GRID } from '/work/wt-rel/src/core/analysis/sampling';
const out = new Float64Array(DENSE_GRID.length);
const xs = DENSE_GRID.map((x) => x / 7);
for (const fn of ['x+1', 'x*x', 'x/3', 'x^3', 'x^2.5', 'exp(x)', 'log(x)', 'sqrt(x)', 'abs(x)', 'tanh(x)', 'sigmoid(x)', 'erf(x)', 'sin(x)', 'cos(x)', 'softplus(x)', 'sign(x)', 'min(x,1)', 'x < 1', 'where(x<1,x,2)']) {
  const e = parseExpression(Array.from({ length: 20 }, () => fn).join(' + '));
  const t = new Tape([e], []);
  t.evaluateMany(xs, new Float64Array(0), [out]);
  let best = Infinity;
  for (let k = 0; k < 7; k++) { const s = performance.now(); t.evaluateMany(xs, new Float64Array(0), [out]); best = Math.min(best, performance.now() - s); }
  console.log(fn.padEnd(16), (best / (20 * DENSE_GRID.length) * 1e6).toFixed(2), 'ns/elem per term');
}
