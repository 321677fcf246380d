import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createJsKernels, gemmJs } from '../../../src/core/kernels/js';
import { createRng } from '../../../src/core/random';

/** C = beta*C + op(A) op(B) in double precision, straight from the definition. */
function gemmReference(transA: boolean, transB: boolean, m: number, n: number, k: number, a: Float32Array, b: Float32Array, beta: 0 | 1, c: Float32Array): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = beta ? c[i * n + j] : 0;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        const bpj = transB ? b[j * k + p] : b[p * n + j];
        s += aip * bpj;
      }
      out[i * n + j] = s;
    }
  }
  return out;
}

function random(n: number, rng = createRng(n)): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
}

test('gemm agrees with the definition for every transpose and beta, odd and layer shapes', () => {
  const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [7, 3, 5], [32, 128, 784], [784, 128, 32], [32, 784, 128], [5, 10, 64], [13, 9, 6]];
  for (const [m, n, k] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const beta of [0, 1] as const) {
          const a = random(m * k);
          const b = random(k * n);
          const c = random(m * n);
          const want = gemmReference(transA, transB, m, n, k, a, b, beta, c);
          const got = c.slice();
          gemmJs(transA, transB, m, n, k, a, b, beta, got);
          for (let i = 0; i < want.length; i++) {
            const tol = 1e-5 * Math.sqrt(k) + 1e-6 * Math.abs(want[i]);
            assert.ok(Math.abs(got[i] - want[i]) <= tol,
              `m=${m} n=${n} k=${k} transA=${transA} transB=${transB} beta=${beta}: C[${i}] = ${got[i]}, want ${want[i]}`);
          }
        }
      }
    }
  }
});

test('gemm with beta 0 ignores what C held (even NaN) and touches only m*n values', () => {
  const a = random(6), b = random(6);
  const c = new Float32Array(10).fill(NaN);
  gemmJs(false, false, 2, 2, 3, a, b, 0, c);
  assert.ok(c.subarray(0, 4).every(Number.isFinite));
  assert.ok(c.subarray(4).every(Number.isNaN));
});

test('the js provider allocates zeroed buffers and names itself', () => {
  const k = createJsKernels();
  assert.equal(k.name, 'js');
  const buf = k.alloc(17);
  assert.equal(buf.length, 17);
  assert.ok(buf.every((v) => v === 0));
});
