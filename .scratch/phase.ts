import { parseExpression, differentiate, simplify, validateOnGrid, switchingExprs } from '/work/wt-rel/src/core/expr/index';
import { Tape } from '/work/wt-rel/src/core/expr/evaluate';
import { analyzeActivation } from '/work/wt-rel/src/core/analysis/properties';
import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const src = process.argv[2] === 'min' ? 'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join('') : process.argv[2] === 'erf' ? Array.from({ length: 40 }, (_, i) => `erf(x/${i + 1})`).join(' + ') : 'abs('.repeat(99) + 'x' + ')'.repeat(99);
for (let rep = 0; rep < 3; rep++) {
  const T: [string, number][] = [];
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); T.push([l, n - t]); t = n; };
  const ast = parseExpression(src); lap('parse');
  const d = simplify(differentiate(ast)); lap('diff+simplify');
  const tf = new Tape([ast], []); const td = new Tape([d], []); lap('tapes');
  const sw = switchingExprs(ast); switchingExprs(d, sw); lap(`switches(${sw.length})`);
  validateOnGrid(ast, d, [], new Float64Array(0)); lap('validate');
  const rec = compileCustomActivation({ name: 'c', expression: src }); lap('compile total');
  analyzeActivation(rec); lap('analyze');
  console.log(T.map(([l, v]) => `${l} ${v.toFixed(1)}`).join(' | '), 'tapes', tf.length, td.length);
}
