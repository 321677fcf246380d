import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
for (let i = 0; i < 20; i++) compileCustomActivation({ name: 'c', expression: 'where(x > 0, x, 0.7*(exp(x) - 1))' });
