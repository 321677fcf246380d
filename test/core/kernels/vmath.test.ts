// The WebAssembly kernels' vector functions (assembly/vmath.ts) against float64 references over
// the whole float32 range: one bit pattern in every 4096 of the 2^32 (all exponents, both signs,
// subnormals, the largest finite values), plus 200,000 uniform values where the functions curve.
// The table is the documented accuracy: the largest error found, in float32 ulps of the correctly
// rounded result (relaxed-SIMD FMA build / plain SIMD build), and the bound this test asserts.
// Special values (NaN, infinities, signed zeros, the overflow and underflow edges) are checked too.
//
// | function   | max ulp found | bound | how                                                      |
// |------------|---------------|-------|----------------------------------------------------------|
// | exp        | 0.98 / 0.96   | 1.5   | Cephes expf, 2^n in two factors (subnormal results)      |
// | expm1      | 1.41 / 1.36   | 2     | 2^k (e^r - 1) + (2^k - 1), Taylor e^r - 1                |
// | log        | 0.75 / 0.75   | 1.5   | Cephes logf, subnormals prescaled                        |
// | log1p      | 2.35 / 2.35   | 3     | Kahan: log(u) x/(u - 1), u = 1 + x                       |
// | tanh       | 1.99 / 1.99   | 2.5   | Cephes odd polynomial, else (1 - e)/(1 + e), e = e^-2|x| |
// | sigmoid    | 2.62 / 2.62   | 3     | 1/(1 + e) or e/(1 + e), e = e^-|x|                       |
// | softplus   | 2.44 / 2.49   | 3     | max(x, 0) + 2 atanh(s), s = e/(2 + e), e = e^-|x|        |
// | erf        | 2.34 / 2.34   | 3     | Taylor below 0.6, else 1 - erfc                          |
// | erfc       | 4.21 / 4.38   | 5     | 1 - erf below 0.6, else t Q(t) e^(-x^2), split argument  |
// | sin, cos   | 1.47 / 1.45   | 2     | Cephes sinf/cosf; float64 library beyond |x| = 8192      |
// | pow        | 1 (float64 rounded) | 1 | Math.pow semantics, lane by lane in float64         |
// | Phi (CDF)  | 5.25 / 5.07   | 6     | (1 + erf(x/sqrt 2))/2 near 0, else erfcx(|x|/sqrt 2) e^(-x^2/2)/2 |
// | e^(-x^2/2) | 1.12 / 1.12   | 1.5   | exp of the split square                                  |
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';

import { normalCdf, sigmoid, softplus } from '../../../src/core/activations/numerics';
import { availableKernels, createKernels, type KernelName } from '../../../src/core/kernels/index';
import type { MathFunction, WasmKernels } from '../../../src/core/kernels/wasm';
import { float32Samples, uniform, ulpError } from './floatSamples';

/** float64 references: V8's fdlibm-derived Math, stdlib's erf/erfc, the registry's numerics. */
const REFERENCE: Record<Exclude<MathFunction, 'pow'>, (x: number) => number> = {
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  tanh: Math.tanh,
  sigmoid,
  softplus,
  erf: stdlibErf,
  erfc: stdlibErfc,
  sin: Math.sin,
  cos: Math.cos,
  normalCdf,
  gauss: (x) => Math.exp(-0.5 * x * x),
};

/** The documented maximum errors in float32 ulps (measured, rounded up). */
export const MAX_ULP: Record<MathFunction, number> = {
  exp: 1.5,
  expm1: 2,
  log: 1.5,
  log1p: 3,
  tanh: 2.5,
  sigmoid: 3,
  softplus: 3,
  erf: 3,
  erfc: 5,
  sin: 2,
  cos: 2,
  pow: 1,
  normalCdf: 6,
  gauss: 1.5,
};

const wasmNames = availableKernels().filter((n): n is Exclude<KernelName, 'js'> => n !== 'js');
const SAMPLES = float32Samples(4096, 200_000, 20);

for (const name of wasmNames) {
  describe(`${name} vector functions`, () => {
    const kernels = createKernels(name, { memoryBytes: 32 * 1024 * 1024 }) as WasmKernels;
    const x = kernels.alloc(SAMPLES.length);
    x.set(SAMPLES);
    const out = kernels.alloc(SAMPLES.length);
    const measured: string[] = [];

    for (const fn of Object.keys(REFERENCE) as (keyof typeof REFERENCE)[]) {
      it(`${fn} is within ${MAX_ULP[fn]} ulp of float64 over the float32 range`, () => {
        kernels.mathMap(fn, x, out);
        let worst = 0, at = 0;
        for (let i = 0; i < x.length; i++) {
          const err = ulpError(out[i], REFERENCE[fn](x[i]));
          if (!(err <= worst)) { worst = err; at = i; }
        }
        measured.push(`${fn}: ${worst.toFixed(2)} ulp`);
        assert.ok(worst <= MAX_ULP[fn], `${fn}(${x[at]}) = ${out[at]}, float64 ${REFERENCE[fn](x[at])}: ${worst} ulp`);
      });
    }

    it(`pow is within ${MAX_ULP.pow} ulp of Math.pow, special cases included`, () => {
      const next = uniform(5);
      const n = 20_000;
      const a = kernels.alloc(n), b = kernels.alloc(n), r = kernels.alloc(n);
      const special = [0, -0, 1, -1, 2, -2, 0.5, Infinity, -Infinity, NaN, 3, -3, 1e-30, 1e30];
      for (let i = 0; i < n; i++) {
        if (i < special.length ** 2) {
          a[i] = special[i % special.length]!;
          b[i] = special[Math.floor(i / special.length)]!;
        } else {
          a[i] = (next() < 0.2 ? -1 : 1) * Math.exp(40 * next() - 20);
          b[i] = next() < 0.3 ? Math.round(20 * next() - 10) : 20 * next() - 10;
        }
      }
      kernels.mathMap('pow', a, r, b);
      for (let i = 0; i < n; i++) {
        const err = ulpError(r[i], Math.pow(a[i], b[i]));
        assert.ok(err <= MAX_ULP.pow, `pow(${a[i]}, ${b[i]}) = ${r[i]}, Math.pow ${Math.pow(a[i], b[i])}: ${err} ulp`);
      }
    });

    it('keeps NaN and gives the limits at the special values', () => {
      const specials = [NaN, Infinity, -Infinity, 0, -0, 89, -104, 1e-45, -1e-45, 88.72, -103.9, 3.4e38, -3.4e38];
      const v = kernels.alloc(specials.length), o = kernels.alloc(specials.length);
      v.set(specials);
      for (const fn of Object.keys(REFERENCE) as (keyof typeof REFERENCE)[]) {
        kernels.mathMap(fn, v, o);
        for (let i = 0; i < v.length; i++) {
          const want = REFERENCE[fn](v[i]);
          assert.ok(ulpError(o[i], want) <= MAX_ULP[fn], `${fn}(${v[i]}) = ${o[i]}, want ${want}`);
        }
      }
    });

    it('prints the measured table', () => {
      console.log(`${name}: ${measured.join(', ')}`);
    });
  });
}
