import { compileCustomActivation } from '/work/wt-rel/src/core/expr/customActivation';
const nest = (fn: string, n: number, inner = 'x') => `${fn}(`.repeat(n) + inner + ')'.repeat(n);
const sum = (n: number, term: (i: number) => string, op = ' + ') => Array.from({ length: n }, (_, i) => term(i)).join(op);
const cases: [string, string][] = [
  ['silu', 'x*sigmoid(x)'],
  ['abs99', nest('abs', 99)],
  ['min99', 'min('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i})`).join('')],
  ['max99', 'max('.repeat(99) + 'x' + Array.from({ length: 99 }, (_, i) => `, ${i / 10})`).join('')],
  ['tanh nest', nest('tanh', 99)],
  ['sin nest', nest('sin', 99)],
  ['erf sum', sum(60, (i) => `erf(x/${i + 1})`)],
  ['softplus sum', sum(60, (i) => `softplus(x - ${i / 10})`, ' - ')],
  ['where chain', nest('0.5*', 0) + sum(90, (i) => `where(x > ${i / 10}, x, ${i})`)],
  ['poly', sum(200, (i) => `${i % 7 + 1}*x^${(i % 5) + 1}/${i + 1}`)],
  ['sqrt nest', nest('sqrt', 60, 'x^2 + 1')],
  ['mixed nest', Array.from({ length: 40 }, (_, i) => ['tanh(', 'abs(', 'softplus(', 'min(1, '][i % 4]).join('') + 'x' + ')'.repeat(40)],
];
for (const [name, e] of cases) {
  let best = Infinity; let cost: number | string = '';
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    try { cost = compileCustomActivation({ name: 'c', expression: e }).evaluationCost; } catch (x) { cost = (x as Error).message.slice(0, 60); }
    best = Math.min(best, performance.now() - t);
  }
  console.log(name.padEnd(14), String(cost).padStart(5), best.toFixed(1).padStart(7), 'ms', e.length);
}
