import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const e = 'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join('');
for (let i = 0; i < 8; i++) compileCustomActivation({ name: 'c', expression: e });
