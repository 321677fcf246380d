import { compileCustomActivation } from '/work/wt-rel/src/core/expr/index';
for (const e of ['abs(softplus(where(-x < a, x, a)))', 'min(exp(x), where(x == -1.45, 1.23, e)) + where(a >= where(a == sign(e), a, max(pi, a)), 2.49, x)', 'where(1 >= -x - -0.05, max(max(x, where(0.04 > x, a + x, 2.93)), where(a != x, sin(-1.96), e)), where(x <= a, 0.96^2, -x))', 'x']) {
  const ts: number[] = [];
  for (let k = 0; k < 5; k++) { const t = performance.now(); try { compileCustomActivation({ name: 'c', expression: e, params: e.includes('a') ? { a: 0.7 } : {} }); } catch (x) { console.log((x as Error).message.slice(0, 100)); } ts.push(performance.now() - t); }
  console.log(ts.map((v) => v.toFixed(0)).join(' '), e.slice(0, 50));
}
