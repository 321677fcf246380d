import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const t = performance.now();
for (let i = 0; i < 5; i++) compileCustomActivation({ name: 'c', expression: 'abs('.repeat(99) + 'x' + ')'.repeat(99) });
for (let i = 0; i < 10; i++) compileCustomActivation({ name: 'c', expression: 'x*sigmoid(x)' });
console.log((performance.now() - t).toFixed(0));
