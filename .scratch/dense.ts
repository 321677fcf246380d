import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
import { DENSE_GRID } from '/work/wt-rel/src/core/analysis/sampling';
const e = 'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join('');
const rec = compileCustomActivation({ name: 'c', expression: e });
const f = new Float64Array(DENSE_GRID.length), df = new Float64Array(DENSE_GRID.length);
let best = Infinity;
for (let k = 0; k < 30; k++) { const t = performance.now(); rec.valuesMany(DENSE_GRID, f, df, {}); best = Math.min(best, performance.now() - t); }
console.log('dense valuesMany min99 best', best.toFixed(1), 'ms');
let bs = Infinity;
for (let k = 0; k < 10; k++) { const t = performance.now(); for (let i = 0; i < 1000; i++) rec.df(i / 100, {}); bs = Math.min(bs, performance.now() - t); }
console.log('scalar df x1000', bs.toFixed(2), 'ms');
