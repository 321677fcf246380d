import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
import { resolveParams } from '/work/wt-rel/src/core/activations/params';
import { denseValues, evalF, evalDf, TAIL_POINTS } from '/work/wt-rel/src/core/analysis/sampling';
import { measureRange } from '/work/wt-rel/src/core/analysis/range';
import { measureSmoothness, measureMonotonicity } from '/work/wt-rel/src/core/analysis/smoothness';
import { expectation } from '/work/wt-rel/src/core/analysis/quadrature';
const e = 'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join('');
const rec = compileCustomActivation({ name: 'c', expression: e });
for (let rep = 0; rep < 4; rep++) {
  let t = performance.now(); const T: string[] = [];
  const lap = (l: string) => { const n = performance.now(); T.push(`${l} ${(n - t).toFixed(1)}`); t = n; };
  const p = resolveParams(rec, {}); lap('params');
  const { f, df } = denseValues(rec, p); lap('dense');
  evalF(rec, TAIL_POINTS, p); evalDf(rec, TAIL_POINTS, p); lap('tails');
  expectation(f); expectation(f.map((v) => v * v)); lap('expect');
  measureSmoothness(rec, p, f, df); lap('smooth');
  measureRange(rec, p, f); lap('range');
  measureMonotonicity(f); lap('mono');
  console.log(T.join(' | '));
}
