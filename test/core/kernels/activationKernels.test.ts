// Every elementwise activation of the registry through the WebAssembly kernels' fused passes
// (assembly/activationFunctions.ts) against the registry's scalar float64 f, df and dparams: the
// forward value, the derivative kept by the training pass, the backward pass from z, and the
// learned-parameter gradient sums, with the default parameters and another set passed at run
// time. Inputs: a dense grid over [-40, 40], the kinks themselves (the conventions there must be
// the registry's), +-1000, tiny, subnormal and the largest float32 values, and NaN.
//
// The error measure is |got - want| / (ulp(want) (1 + kappa) + floor (1 + |z|)), in float32 ulps
// of the float64 value, where kappa = |z f'(z) / f(z)| is f's condition number at z: float32
// evaluation rounds the arguments inside f (beta z, z + 0.044715 z^3, alpha z + beta) by half an
// ulp, which moves f by kappa ulps, whatever the algorithm. The floor (2^-140 for f: subnormal
// intermediates; 2^-24 for f', whose formulas subtract numbers of size 1, e.g. hard_swish' =
// z/3 + 1/2 at z = -3/2) only matters for results near 0. Both builds must stay within ULP_BOUND;
// the test prints the largest errors it found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';
import type { ElementwiseActivation, Params } from '../../../src/core/activations/types';
import { availableKernels, createKernels, type FusedActivation, type KernelName } from '../../../src/core/kernels/index';
import { ACTIVATION_CODES, type WasmKernels } from '../../../src/core/kernels/wasm';
import { uniform, ulpOf } from './floatSamples';

const elementwise = ACTIVATIONS.filter((r): r is ElementwiseActivation => r.kind === 'elementwise');
const wasmNames = availableKernels().filter((n): n is Exclude<KernelName, 'js'> => n !== 'js');

/** A second parameter set per record, passed at run time like a learned value would be. */
const OTHER: Record<string, Record<string, number>> = {
  leaky_relu: { alpha: 0.2 }, prelu: { alpha: -0.3 }, elu: { alpha: 0.7 }, celu: { alpha: 1.8 },
  softplus: { beta: 2.5, threshold: 15 }, silu: { beta: 1.7 }, hard_sigmoid: { alpha: 0.2, beta: 0.4 },
  hardtanh: { min_val: -2, max_val: 0.5 }, thresholded_relu: { theta: 0.3 }, softshrink: { lambd: 0.8 }, hardshrink: { lambd: 1.2 },
};

/** Where f or f' is not continuous, for the given parameters. */
function kinks(id: string, p: Params): number[] {
  switch (id) {
    case 'relu': case 'leaky_relu': case 'prelu': case 'elu': case 'selu': case 'celu': return [0];
    case 'relu6': return [0, 6];
    case 'hard_swish': return [-3, 3];
    case 'hardtanh': return [p.min_val, p.max_val];
    case 'thresholded_relu': return [p.theta];
    case 'softshrink': case 'hardshrink': return [-p.lambd, p.lambd];
    case 'hard_sigmoid': return [-p.beta / p.alpha, (1 - p.beta) / p.alpha];
    case 'softplus': return [p.threshold / p.beta];
    default: return [];
  }
}

/** Largest error allowed, in the test's ulps (see the header), for f, f' and the parameter gradients. */
const ULP_BOUND = { f: 3, df: 2 };

function inputs(id: string, p: Params): { z: Float32Array; exact: Set<number> } {
  const next = uniform(id.length * 7919);
  const exact = kinks(id, p).map(Math.fround);
  const values: number[] = [...exact, 0, -0, 1000, -1000, 1e-30, -1e-30, 1e-40, -1e-40, 3.4e38, -3.4e38, 88.5, -88.5, 20.5, -20.5];
  for (let i = 0; i <= 8000; i++) values.push(-40 + i * 0.01);
  for (let i = 0; i < 2000; i++) values.push((2 * next() - 1) * 12);
  for (const k of exact) for (const d of [1e-3, 1e-2, 0.3]) values.push(k - d, k + d);
  const z = Float32Array.from(values);
  return { z, exact: new Set(exact) };
}

/** Whether z lies within rounding distance of a kink without being the kink itself. */
function nearKink(z: number, ks: readonly number[]): boolean {
  return ks.some((k) => z !== Math.fround(k) && Math.abs(z - k) <= 1e-5 * (1 + Math.abs(k)));
}

/** The error in the test's ulps; `kappa` is the condition number |z f'(z) / f(z)| (0 for f'). */
function err(got: number, want: number, z: number, kappa: number, floor: number): number {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got) ? 0 : Infinity;
  const w = Math.fround(want);
  if (!Number.isFinite(w) || !Number.isFinite(got)) return got === w ? 0 : Infinity;
  const k = Number.isFinite(kappa) ? kappa : 0;
  return Math.abs(got - want) / (ulpOf(w) * (1 + k) + floor * (1 + Math.abs(z)));
}

describe('the fused passes cover the registry', () => {
  it('every elementwise activation has a kernel code, and prelu shares leaky_relu\'s', () => {
    for (const r of elementwise) assert.notEqual(ACTIVATION_CODES[r.id as FusedActivation], undefined, `${r.id} has no fused pass`);
    assert.equal(ACTIVATION_CODES.prelu, ACTIVATION_CODES.leaky_relu);
  });
});

for (const name of wasmNames) {
  describe(`${name}: every registry activation's fused pass against the registry's float64 f, f' and df/dp`, () => {
    const kernels = createKernels(name, { memoryBytes: 16 * 1024 * 1024 }) as WasmKernels;
    const worst: string[] = [];
    for (const r of elementwise) {
      for (const given of [{}, OTHER[r.id]].filter((g): g is Record<string, number> => g !== undefined)) {
        const p = resolveParams(r, given);
        const id = r.id as FusedActivation;
        it(`${id} ${JSON.stringify(p)}`, () => {
          const names = r.params.map((s) => s.name);
          // the kernels compute with float32 parameters: so does the reference
          const p32: Record<string, number> = Object.fromEntries(names.map((n) => [n, Math.fround(p[n])]));
          const values = names.map((n) => p32[n]);
          const { z: zIn } = inputs(id, p32);
          const count = zIn.length; // not a multiple of 4: the ragged tail too
          const z = kernels.alloc(count), a = kernels.alloc(count), a2 = kernels.alloc(count), d = kernels.alloc(count);
          const grad = kernels.alloc(count), zero = kernels.alloc(count);
          z.set(zIn);
          kernels.biasActivation(1, count, z, zero, id, values, a);
          const z2 = kernels.alloc(count);
          z2.set(zIn);
          kernels.biasActivation(1, count, z2, zero, id, values, a2, d);
          grad.fill(1);
          kernels.activationBackward(count, id, values, z, grad);
          const ks = kinks(id, p32);
          let wf = 0, wd = 0, atF = 0, atD = 0;
          for (let i = 0; i < count; i++) {
            const x = zIn[i];
            assert.ok(Object.is(a[i], a2[i]), `${id}(${x}): forward ${a[i]} but the training pass ${a2[i]}`);
            assert.ok(Object.is(d[i], grad[i]), `${id}'(${x}): training pass ${d[i]} but backward ${grad[i]}`);
            if (nearKink(x, ks)) continue;
            const fx = r.f(x, p32);
            const dfx = r.df(x, p32);
            const ef = err(a[i], fx, x, Math.abs((x * dfx) / fx), 2 ** -140);
            if (!(ef <= wf)) { wf = ef; atF = i; }
            if (Number.isNaN(x)) continue; // f' of NaN is not specified
            const ed = err(d[i], dfx, x, 0, 2 ** -24);
            if (!(ed <= wd)) { wd = ed; atD = i; }
          }
          worst.push(`${id}: f ${wf.toFixed(1)}, f' ${wd.toFixed(1)}`);
          assert.ok(wf <= ULP_BOUND.f, `${id}(${zIn[atF]}) = ${a[atF]}, registry ${r.f(zIn[atF], p32)} (${wf.toFixed(1)} ulp)`);
          assert.ok(wd <= ULP_BOUND.df, `${id}'(${zIn[atD]}) = ${d[atD]}, registry ${r.df(zIn[atD], p32)} (${wd.toFixed(1)} ulp)`);
          // NaN in, NaN out
          const nan = kernels.alloc(5);
          nan.set([NaN, NaN, NaN, NaN, NaN]);
          kernels.biasActivation(1, 5, nan, zero, id, values, nan);
          assert.ok(nan.every(Number.isNaN), `${id}(NaN) = ${nan.join(', ')}`);

          // learned-parameter gradients: sum_i g_i df/dp(z_i) against the float64 sum (away from kinks)
          const keep = Array.from(zIn).filter((x) => !nearKink(x, ks) && Math.abs(x) < 100);
          const zs = kernels.alloc(keep.length), gs = kernels.alloc(keep.length);
          zs.set(keep);
          const next = uniform(3);
          for (let i = 0; i < gs.length; i++) gs[i] = 2 * next() - 1;
          names.forEach((n, k) => {
            const got = kernels.activationParamGradient(keep.length, id, k, values, zs, gs);
            let want = 0, scale = 0;
            for (let i = 0; i < keep.length; i++) {
              const t = gs[i] * r.dparams![n](zs[i], p32);
              want += t;
              scale += Math.abs(t);
            }
            assert.ok(Math.abs(got - want) <= 1e-6 * scale + 1e-12, `${id} d/d${n}: ${got}, float64 ${want} (sum of |terms| ${scale})`);
          });
        });
      }
    }
    it('prints the largest errors', () => console.log(`${name}: ${worst.join('; ')}`));
  });
}
