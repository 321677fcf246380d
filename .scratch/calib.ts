import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const nest = (fn: string, n: number, inner = 'x') => `${fn}(`.repeat(n) + inner + ')'.repeat(n);
const cases: string[] = [
  'x*sigmoid(x)', nest('abs', 99), nest('tanh', 40), nest('tanh', 60), nest('sin', 40), nest('exp', 3, 'x/10'),
  'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join(''),
  Array.from({ length: 60 }, (_, i) => `tanh(${i}*x)`).join(' + '),
  Array.from({ length: 150 }, (_, i) => `x^${(i % 5) + 1}/${i + 1}`).join(' + '),
  Array.from({ length: 40 }, (_, i) => `erf(x/${i + 1})`).join(' + '),
  Array.from({ length: 40 }, (_, i) => `softplus(x - ${i / 10})`).join(' - '),
];
for (const e of cases) {
  let best = Infinity; let cost = 0; let err = '';
  for (let k = 0; k < 4; k++) {
    const t = performance.now();
    try { cost = compileCustomActivation({ name: 'c', expression: e }).evaluationCost; } catch (x) { err = (x as Error).message.slice(0, 80); }
    best = Math.min(best, performance.now() - t);
  }
  console.log(String(cost).padStart(5), best.toFixed(1).padStart(7), 'ms', (best / Math.max(cost, 1) * 1e3).toFixed(1).padStart(6), 'µs/unit', e.slice(0, 40), err);
}
