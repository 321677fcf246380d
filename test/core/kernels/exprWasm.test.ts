// Custom activations compiled to WebAssembly at run time (src/core/kernels/exprWasm) against the
// JavaScript path they replace: the record's own f and f' (the expression and its symbolic
// derivative evaluated in float64) and its parameter derivatives by central differences.
// Expressions: the two of the benchmark, every registry activation's `expression`, and ones that
// use every function and operator of the language; inputs: a grid over [-40, 40], the kinks of
// the registry's expressions, +-1000, tiny values and NaN.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';
import { compileCustomActivation, differentiate, parseExpression, simplify, type CustomActivation } from '../../../src/core/expr/index';
import { activationKernelFor, compileExpressionKernel } from '../../../src/core/kernels/activationKernel';
import { MAX_VECTOR_VALUES } from '../../../src/core/kernels/exprWasm/compile';
import { availableKernels, createKernels, type KernelName } from '../../../src/core/kernels/index';
import { createJsKernels } from '../../../src/core/kernels/js';
import type { WasmKernels } from '../../../src/core/kernels/wasm';
import { uniform } from './floatSamples';

const wasmNames = availableKernels().filter((n): n is Exclude<KernelName, 'js'> => n !== 'js');

/** Expressions beyond the registry's, covering the language: every function, operator and comparison. */
const LANGUAGE: { name: string; expression: string; params?: Record<string, number> }[] = [
  { name: 'swish2', expression: 'x*sigmoid(2*x)' },
  { name: 'mish_expr', expression: 'x*tanh(softplus(x))' },
  { name: 'learned_swish', expression: 'x*sigmoid(beta*x)', params: { beta: 1.5 } },
  { name: 'learned_elu', expression: 'where(x > 0, x, alpha*(exp(x) - 1))', params: { alpha: 0.8 } },
  { name: 'snake', expression: 'x + sin(a*x)^2/a', params: { a: 0.7 } },
  { name: 'wave', expression: 'x*cos(x)/(1 + x^2)' },
  { name: 'roots', expression: 'sqrt(abs(x) + 1) - 1 + sign(x)*log(1 + abs(x))' },
  { name: 'powers', expression: 'x^3/(1 + x^4) + abs(x)^1.5/(10 + x^2)' },
  { name: 'clipped', expression: 'min(max(x, -lo), hi) + 0.1*x', params: { lo: 2, hi: 3 } },
  { name: 'gates', expression: 'where(x >= 1, 1 + log(x), where(x <= -1, -1 - log(-x), x)) + (x == 0) + 0.5*(x != 2)' },
  { name: 'erf_gate', expression: 'x*(1 + erf(x/sqrt(2)))/2 + 0*pi + e - e' },
  { name: 'truthy', expression: 'where(x*x - 1, x, -x) + where(x < 0.5, x/2, x*2)' },
];

function customs(): { record: CustomActivation; kinks: number[] }[] {
  const out: { record: CustomActivation; kinks: number[] }[] = [];
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const params = resolveParams(r);
    const record = compileCustomActivation({ name: `expr_${r.id}`, expression: r.expression, params });
    out.push({ record, kinks: [0, -3, 3, 6, 1, -1, 0.5, -0.5, 20] });
  }
  for (const d of LANGUAGE) out.push({ record: compileCustomActivation(d), kinks: [0, 1, -1, 2, -2, 3, 0.5] });
  return out;
}

function inputs(kinks: number[]): Float32Array {
  const next = uniform(17);
  const v: number[] = [...kinks, 1000, -1000, 1e-30, -1e-30, 1e-7, -1e-7, 40, -40];
  for (let i = 0; i <= 8000; i++) v.push(-40 + i * 0.01);
  for (let i = 0; i < 1000; i++) v.push((2 * next() - 1) * 10);
  for (const k of kinks) for (const d of [1e-3, 0.05]) v.push(k - d, k + d);
  return Float32Array.from(v);
}

/** Whether z is within float32 rounding of one of the kinks without being it. */
function nearKink(z: number, kinks: number[]): boolean {
  return kinks.some((k) => z !== k && Math.abs(z - k) <= 1e-5 * (1 + Math.abs(k)));
}

/**
 * float32 evaluation of the same expression against float64: relative 2^-17 of the value, plus
 * 2^-20 (1 + |z|) absolute (the expressions are evaluated as written, e.g. exp(x) - 1 or
 * 1 + erf(u), so their own cancellations cost absolute, not relative, accuracy).
 */
function close(got: number, want: number, z: number): boolean {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got);
  const w = Math.fround(want);
  if (!Number.isFinite(w)) return got === w || (Number.isFinite(want) && Math.abs(got) > 3e38);
  return Math.abs(got - want) <= 2 ** -17 * Math.abs(want) + 2 ** -20 * (1 + Math.abs(z));
}

for (const name of wasmNames) {
  describe(`${name}: custom expressions compiled to WebAssembly against their JavaScript path`, () => {
    const kernels = createKernels(name, { memoryBytes: 64 * 1024 * 1024 }) as WasmKernels;

    for (const { record, kinks } of customs()) {
      it(`${record.id}: ${record.expression}`, () => {
        const compiled = compileExpressionKernel(record, kernels);
        assert.ok(!('fallback' in compiled), `not compiled: ${'fallback' in compiled ? compiled.fallback : ''}`);
        const params = record.params.map((p) => p.default);
        const p = Object.fromEntries(record.params.map((s) => [s.name, Math.fround(s.default)]));
        const zIn = inputs(kinks);
        const count = zIn.length;
        const z = kernels.alloc(count), a = kernels.alloc(count), d = kernels.alloc(count), a2 = kernels.alloc(count), zero = kernels.alloc(count);
        const z2 = kernels.alloc(count);
        z.set(zIn);
        z2.set(zIn);
        compiled.biasActivation(1, count, z, zero, params, a, d);
        compiled.biasActivation(1, count, z2, zero, params, a2);
        const g = kernels.alloc(count).fill(1);
        compiled.backward(count, params, z, g);
        for (let i = 0; i < count; i++) {
          const x = zIn[i];
          assert.ok(Object.is(a[i], a2[i]), `f(${x}): ${a[i]} with the derivative, ${a2[i]} without`);
          assert.ok(Object.is(d[i], g[i]), `f'(${x}): ${d[i]} in the training pass, ${g[i]} from backward`);
          if (nearKink(x, kinks)) continue;
          const fx = record.f(x, p);
          const dfx = record.df(x, p);
          assert.ok(close(a[i], fx, x), `f(${x}) = ${a[i]}, JavaScript ${fx}`);
          assert.ok(close(d[i], dfx, x), `f'(${x}) = ${d[i]}, JavaScript ${dfx}`);
        }
        const nan = kernels.alloc(3).fill(NaN);
        compiled.biasActivation(1, 3, nan, zero, params, nan);
        assert.ok(nan.every(Number.isNaN), `f(NaN) = ${nan.join(', ')}`);

        // parameter gradients: sum_i g_i df/dp(z_i) against central differences of the JavaScript f
        if (params.length === 0) return;
        // away from the kinks, which central differences in a threshold parameter would straddle
        const keep = Array.from(zIn).filter((x) => Math.abs(x) < 30 && !kinks.some((k) => Math.abs(x - k) <= 1e-5 * (1 + Math.abs(k))));
        const zs = kernels.alloc(keep.length), gs = kernels.alloc(keep.length);
        zs.set(keep);
        const next = uniform(9);
        for (let i = 0; i < gs.length; i++) gs[i] = 2 * next() - 1;
        const out = new Float64Array(params.length);
        compiled.paramGradients(keep.length, params, zs, gs, out);
        record.params.forEach((s, k) => {
          const h = 1e-6 * Math.max(1, Math.abs(p[s.name]));
          let want = 0, scale = 0;
          for (let i = 0; i < keep.length; i++) {
            const up = record.f(zs[i], { ...p, [s.name]: p[s.name] + h });
            const down = record.f(zs[i], { ...p, [s.name]: p[s.name] - h });
            const t = (gs[i] * (up - down)) / (2 * h);
            want += t;
            scale += Math.abs(t);
          }
          assert.ok(Math.abs(out[k] - want) <= 1e-4 * scale + 1e-9, `d/d${s.name}: ${out[k]}, central differences ${want} (sum of |terms| ${scale})`);
        });
      });
    }

    it('shares the subexpressions of f and f\' (x*sigmoid(2*x): one sigmoid for both)', () => {
      const c = compileExpressionKernel(compileCustomActivation({ name: 's', expression: 'x*sigmoid(2*x)' }), kernels);
      assert.ok(!('fallback' in c));
      assert.ok(c.sharedValues < c.unsharedValues, `${c.sharedValues} values shared vs ${c.unsharedValues} apart`);
      assert.ok(c.moduleBytes < 4096, `${c.moduleBytes} bytes`);
    });

    it('runs learned parameters given at every call (the value changes, the result follows)', () => {
      const c = compileExpressionKernel(compileCustomActivation({ name: 'p', expression: 'x*sigmoid(beta*x)', params: { beta: 1 } }), kernels);
      assert.ok(!('fallback' in c));
      const z = kernels.alloc(4), a = kernels.alloc(4), zero = kernels.alloc(4);
      for (const beta of [1, 2.5, -0.5]) {
        z.set([1, -2, 3, 0.5]);
        c.biasActivation(1, 4, z, zero, [beta], a);
        z.forEach((x, i) => assert.ok(Math.abs(a[i] - x / (1 + Math.exp(-beta * x))) < 1e-6, `beta ${beta}, x ${x}: ${a[i]}`));
      }
      assert.throws(() => c.biasActivation(1, 4, z, zero, [], a), /the expression has 1 parameters, got 0 values/);
      assert.throws(() => c.backward(4, [1], new Float32Array(4), a), /is not a view from this/);
    });

    it('leaves an expression too large to compile on the JavaScript path, and says why', () => {
      // 300 distinct terms: f and f' together need more vector values than the compiler takes
      const terms = Array.from({ length: 300 }, (_, i) => `sigmoid(x - ${(i + 1) / 50})`).join('+');
      // the record's parts only (the full record's analyses take long for 300 terms)
      const ast = parseExpression(`(${terms})/300`);
      const big = { ast, derivativeAst: simplify(differentiate(ast)), params: [] } as unknown as CustomActivation;
      const c = compileExpressionKernel(big, kernels);
      assert.ok('fallback' in c);
      assert.match(c.fallback, new RegExp(`vector values per step; the compiler takes at most ${MAX_VECTOR_VALUES}`));
      const k = activationKernelFor(kernels, { name: 'big', kernel: big });
      assert.ok(k && 'fallback' in k);
      assert.equal(activationKernelFor(createJsKernels(), { name: 'big', kernel: big }), undefined, 'the plain TypeScript kernels have no fused passes at all');
    });
  });
}
