import { analyzeActivation } from '/work/wt-rel/src/core/analysis/properties';
import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const rec = compileCustomActivation({ name: 'c', expression: 'x*sigmoid(x)' });
for (let i = 0; i < 20; i++) analyzeActivation(rec);
