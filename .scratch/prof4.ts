import { analyzeActivation } from '/work/wt-rel/src/core/analysis/properties';
import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const rec = compileCustomActivation({ name: 'c', expression: Array.from({ length: 40 }, (_, i) => `erf(x/${i + 1})`).join(' + ') });
const t = performance.now();
for (let i = 0; i < 10; i++) analyzeActivation(rec);
console.log(((performance.now() - t) / 10).toFixed(1));
