import { analyzeActivation } from '/work/wt-rel/src/core/analysis/properties';
import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
for (const e of ['exp(x)', 'exp(x) + max(x - 15, 0)', 'abs(x)', 'exp(x/2) + abs(x - 19)', 'sin(100*x)', 'x*abs(x)', 'where(x > 3, x^2, 0)', 'sinh_like(x)']) {
  try {
    const t = performance.now();
    const a = analyzeActivation(compileCustomActivation({ name: 'c', expression: e }));
    console.log(e.padEnd(28), 'kinks', a.kinks, 'jumps', a.jumps, (performance.now() - t).toFixed(0), 'ms');
  } catch (err) { console.log(e, (err as Error).message.slice(0, 100)); }
}
