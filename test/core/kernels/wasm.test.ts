// The WebAssembly kernels against references computed here in float64: gemm in every transpose
// combination and shape class, the fused activation / softmax / Adam passes against their
// textbook formulas, and the errors for views that are not the provider's own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { availableKernels, createKernels, detectWasmFeatures, type FusedActivation, type KernelName } from '../../../src/core/kernels/index';
import type { WasmKernels } from '../../../src/core/kernels/wasm';

// Deterministic uniform(-1, 1) values (mulberry32) so a failure reproduces.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

function fill(view: Float32Array, next: () => number, scale = 1): Float32Array {
  for (let i = 0; i < view.length; i++) view[i] = next() * scale;
  return view;
}

/**
 * Checks got against want element by element: |got - want| <= rel * scale[i] + abs, where scale
 * is |want| or, for sums, the sum of absolute terms (the natural bound for float32 rounding).
 * Prints the first offending values.
 */
function checkTensor(label: string, got: ArrayLike<number>, want: ArrayLike<number>, scale: ArrayLike<number>, rel: number, abs = 0): void {
  assert.equal(got.length, want.length, `${label}: length`);
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= rel * scale[i] + abs)) {
      count++;
      if (bad.length < 5) bad.push(`[${i}] got ${got[i]} want ${want[i]} (err ${err.toExponential(2)}, scale ${scale[i].toExponential(2)})`);
    }
  }
  assert.equal(count, 0, `${label}: ${count} of ${want.length} elements off\n  ${bad.join('\n  ')}`);
}

/** float64 reference gemm, and per element the sum of |terms| the float32 error scales with. */
function referenceGemm(
  transA: boolean, transB: boolean, m: number, n: number, k: number,
  a: Float32Array, b: Float32Array, beta: 0 | 1, c0: Float32Array,
): { want: Float64Array; scale: Float64Array } {
  const want = new Float64Array(m * n);
  const scale = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = beta ? c0[i * n + j] : 0;
      let sa = Math.abs(s);
      for (let p = 0; p < k; p++) {
        const x = (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
        s += x;
        sa += Math.abs(x);
      }
      want[i * n + j] = s;
      scale[i * n + j] = sa;
    }
  }
  return { want, scale };
}

const wasmNames = availableKernels().filter((n): n is Exclude<KernelName, 'js'> => n !== 'js');

const LAYER_SHAPES: Array<[string, boolean, boolean, number, number, number]> = [
  // forward X W, batch 32, 784-128-64-10
  ['forward 1', false, false, 32, 128, 784],
  ['forward 2', false, false, 32, 64, 128],
  ['forward 3', false, false, 32, 10, 64],
  // dW = X^T dZ
  ['dW 1', true, false, 784, 128, 32],
  ['dW 2', true, false, 128, 64, 32],
  ['dW 3', true, false, 64, 10, 32],
  // dX = dZ W^T
  ['dX 3', false, true, 32, 64, 10],
  ['dX 2', false, true, 32, 128, 64],
];

// Tails in every dimension, K beyond one K block (256), M beyond one row block (128).
const ODD_SHAPES: Array<[number, number, number]> = [
  [1, 1, 1], [1, 9, 3], [5, 1, 7], [3, 5, 2], [4, 8, 4], [7, 13, 11], [9, 17, 33],
  [33, 17, 257], [131, 23, 19], [2, 100, 600], [129, 8, 513],
];

describe('WebAssembly kernels: runtime support', () => {
  it('finds SIMD on this Node (and relaxed SIMD, with the flag on Node 20)', () => {
    const f = detectWasmFeatures();
    assert.equal(f.webAssembly, true);
    assert.equal(f.simd, true);
    assert.equal(f.relaxedSimd, true, 'relaxed SIMD should be reachable on Node >= 20');
    assert.deepEqual(availableKernels(), ['wasm-relaxed-simd', 'wasm-simd', 'js']);
  });

  it("createKernels picks the fastest for 'auto' and the named one otherwise", () => {
    assert.equal(createKernels('auto').name, 'wasm-relaxed-simd');
    assert.equal(createKernels('wasm').name, 'wasm-relaxed-simd');
    assert.equal(createKernels('wasm-simd').name, 'wasm-simd');
    assert.equal(createKernels('js').name, 'js');
  });
});

for (const name of wasmNames) {
  describe(`${name} gemm`, () => {
    const kernels = createKernels(name) as WasmKernels;
    const next = rng(name.length);

    function run(label: string, transA: boolean, transB: boolean, m: number, n: number, k: number, beta: 0 | 1): void {
      const a = fill(kernels.alloc(m * k), next);
      const b = fill(kernels.alloc(k * n), next);
      // C with a guard band behind it: the kernel must not write past m*n
      const guard = 19;
      const cAll = fill(kernels.alloc(m * n + guard), next);
      const c = cAll.subarray(0, m * n);
      const c0 = Float32Array.from(c);
      const tail = Float32Array.from(cAll.subarray(m * n));
      const { want, scale } = referenceGemm(transA, transB, m, n, k, a, b, beta, c0);
      kernels.gemm(transA, transB, m, n, k, a, b, beta, c);
      checkTensor(`${label} ${m}x${n}x${k} tA=${transA} tB=${transB} beta=${beta}`, c, want, scale, 1e-5, 1e-30);
      assert.deepEqual(cAll.subarray(m * n), tail, `${label}: wrote past C`);
    }

    it('agrees with a float64 reference on the MLP layer shapes (beta 0 and 1)', () => {
      for (const [label, tA, tB, m, n, k] of LAYER_SHAPES) {
        run(label, tA, tB, m, n, k, 0);
        run(label, tA, tB, m, n, k, 1);
      }
    });

    it('agrees with the plain TypeScript kernels (the fallback) on the layer shapes', () => {
      const js = createKernels('js');
      for (const [label, tA, tB, m, n, k] of LAYER_SHAPES) {
        const a = fill(kernels.alloc(m * k), next), b = fill(kernels.alloc(k * n), next), c = kernels.alloc(m * n);
        const cJs = new Float32Array(m * n);
        kernels.gemm(tA, tB, m, n, k, a, b, 0, c);
        js.gemm(tA, tB, m, n, k, Float32Array.from(a), Float32Array.from(b), 0, cJs);
        const { scale } = referenceGemm(tA, tB, m, n, k, a, b, 0, c);
        checkTensor(`${label} vs js`, c, cJs, scale, 1e-5);
      }
    });

    it('agrees on odd shapes in every transpose combination', () => {
      for (const [m, n, k] of ODD_SHAPES) {
        for (const tA of [false, true]) {
          for (const tB of [false, true]) {
            for (const beta of [0, 1] as const) run('odd', tA, tB, m, n, k, beta);
          }
        }
      }
    });

    it('agrees on other batch sizes and hidden widths', () => {
      for (const batch of [1, 7, 64, 100]) {
        for (const [, tA, tB, m, n, k] of LAYER_SHAPES) {
          const shape = tA ? [m, n, batch] : [batch, n, k];
          run('batch', tA, tB, shape[0], shape[1], shape[2], 1);
        }
      }
      for (const [h1, h2] of [[100, 50], [256, 30], [33, 5]] as const) {
        run('width', false, false, 32, h1, 784, 0);
        run('width', false, false, 32, h2, h1, 0);
        run('width', true, false, 784, h1, 32, 0);
        run('width', false, true, 32, h1, h2, 0);
      }
    });

    it('agrees when A is mostly zeros (the kernel skips k where a 4-row tile of A is all zero)', () => {
      // columns of op(A) zero with varying shares: all, most (sparse loop), few (dense loop), none
      const sparseRun = (tA: boolean, tB: boolean, m: number, n: number, k: number, beta: 0 | 1): void => {
        const a = kernels.alloc(m * k);
        const zeroShare = [1, 0.95, 0.6, 0.3, 0.05, 0];
        for (let i = 0; i < m; i++) {
          for (let p = 0; p < k; p++) {
            const share = zeroShare[(Math.floor(i / 4) + Math.floor(p / 50)) % zeroShare.length];
            const v = (next() + 1) / 2 < share ? 0 : next();
            a[tA ? p * m + i : i * k + p] = v;
          }
        }
        const b = fill(kernels.alloc(k * n), next);
        const c = fill(kernels.alloc(m * n), next);
        const c0 = Float32Array.from(c);
        const { want, scale } = referenceGemm(tA, tB, m, n, k, a, b, beta, c0);
        kernels.gemm(tA, tB, m, n, k, a, b, beta, c);
        checkTensor(`sparse A ${m}x${n}x${k} tA=${tA} tB=${tB} beta=${beta}`, c, want, scale, 1e-5, 1e-30);
      };
      for (const [m, n, k] of [[32, 128, 784], [784, 128, 32], [37, 19, 300], [6, 9, 5], [130, 8, 257]] as const) {
        for (const tA of [false, true]) {
          for (const tB of [false, true]) {
            sparseRun(tA, tB, m, n, k, 0);
            sparseRun(tA, tB, m, n, k, 1);
          }
        }
      }
      // an all-zero A gives beta*C exactly
      const a = kernels.alloc(32 * 64), b = fill(kernels.alloc(64 * 16), next), c = fill(kernels.alloc(32 * 16), next);
      const c0 = Float32Array.from(c);
      kernels.gemm(false, false, 32, 16, 64, a, b, 1, c);
      assert.deepEqual(c, c0);
      kernels.gemm(true, false, 32, 16, 64, a, b, 0, c);
      assert.ok(c.every((x) => x === 0));
    });

    it('lets NaN and infinity in A through', () => {
      const a = kernels.alloc(8 * 8), b = fill(kernels.alloc(8 * 8), next), c = kernels.alloc(8 * 8);
      a[3] = Number.NaN; // row 0, k 3
      a[8 * 5 + 2] = Number.POSITIVE_INFINITY; // row 5, k 2
      kernels.gemm(false, false, 8, 8, 8, a, b, 0, c);
      for (let j = 0; j < 8; j++) {
        assert.ok(Number.isNaN(c[j]), `row 0 col ${j} should be NaN`);
        assert.equal(Math.abs(c[5 * 8 + j]), Number.POSITIVE_INFINITY);
        assert.equal(c[2 * 8 + j], 0);
      }
    });

    it('accumulates in place over repeated calls with beta 1', () => {
      const m = 6, n = 10, k = 5;
      const a = fill(kernels.alloc(m * k), next);
      const b = fill(kernels.alloc(k * n), next);
      const c = kernels.alloc(m * n);
      kernels.gemm(false, false, m, n, k, a, b, 0, c);
      kernels.gemm(false, false, m, n, k, a, b, 1, c);
      const { want, scale } = referenceGemm(false, false, m, n, k, a, b, 0, c);
      checkTensor('twice', c, want.map((x) => 2 * x), scale.map((x) => 2 * x), 1e-5);
    });
  });

  describe(`${name} memory and bad input`, () => {
    const kernels = createKernels(name, { memoryBytes: 4 * 1024 * 1024 }) as WasmKernels;

    it('alloc hands out zeroed, 64-byte aligned, disjoint views that stay valid', () => {
      const first = kernels.alloc(10);
      first.fill(3);
      const views = [first];
      for (let i = 0; i < 50; i++) views.push(kernels.alloc(1 + i * 37));
      for (const v of views.slice(1)) {
        assert.equal(v.byteOffset % 64, 0);
        assert.ok(v.every((x) => x === 0));
        assert.ok(v.byteOffset >= first.byteOffset + first.byteLength);
      }
      assert.equal(first.length, 10);
      assert.ok(first.every((x) => x === 3), 'an earlier view was detached or overwritten');
    });

    it('alloc fails clearly when the memory is full', () => {
      assert.throws(() => kernels.alloc(2 * 1024 * 1024), /memory is full .*larger memoryBytes/);
      assert.throws(() => kernels.alloc(-1), /non-negative integer/);
      assert.throws(() => createKernels(name, { memoryBytes: 65536 }), /too small for the scratch space/);
      assert.throws(() => createKernels(name, { memoryBytes: Number.NaN }), /memoryBytes must be between/);
      assert.ok(kernels.alloc(4).length === 4, 'a failed alloc must not use up memory');
    });

    it('rejects views that are not from its own memory', () => {
      const a = kernels.alloc(4), b = kernels.alloc(4), c = kernels.alloc(4);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 2, new Float32Array(4), b, 0, c), /gemm: a is not a view from this .* provider's memory/);
      const other = createKernels(name, { memoryBytes: 1024 * 1024 });
      assert.throws(() => kernels.gemm(false, false, 2, 2, 2, a, other.alloc(4), 0, c), /gemm: b is not a view/);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 2, a, b, 0, new Float32Array(4)), /gemm: c is not a view/);
      assert.throws(() => kernels.biasGradient(2, 2, a, 0, new Float32Array(2)), /biasGradient: db is not a view/);
    });

    it('rejects wrong sizes, dimensions, beta and overlapping output', () => {
      const a = kernels.alloc(6), b = kernels.alloc(9), c = kernels.alloc(4);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 4, a, b, 0, c), /gemm: a has 6 floats, needs 8/);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 5, a, b, 0, c), /gemm: a has 6 floats, needs 10/);
      assert.throws(() => kernels.gemm(false, false, 2, 3, 3, a, b, 0, c), /gemm: c has 4 floats, needs 6/);
      assert.throws(() => kernels.gemm(false, false, 0, 2, 2, a, b, 0, c), /m must be a positive integer/);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 1.5, a, b, 0, c), /k must be a positive integer/);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 2, a, b, 2 as 0, c), /beta must be 0 or 1/);
      assert.throws(() => kernels.gemm(false, false, 2, 2, 2, a, b, 0, a.subarray(2)), /overlaps/);
      assert.throws(() => kernels.biasActivation(2, 2, a, b, 'swish' as FusedActivation, [], a), /unknown activation 'swish'/);
      assert.throws(() => kernels.biasActivation(2, 2, a, b, 'hardtanh', [-1, 1, 2], a), /at most 2 activation parameters, got 3/);
      assert.throws(() => kernels.activationParamGradient(4, 'prelu', 2, [0.25], a, a), /parameter number must be 0 or 1, got 2/);
      assert.throws(() => kernels.biasActivation(2, 2, a, b, 'relu', [], a, new Float32Array(4)), /biasActivation: d is not a view/);
      assert.throws(() => kernels.multiply(6, a, c), /multiply: y has 4 floats, needs 6/);
      assert.throws(() => kernels.softmaxCrossEntropy(2, 3, a, [0, 3], 1, a), /label 3 at row 1 is not a class index/);
      assert.throws(() => kernels.softmaxCrossEntropy(2, 3, a, [0], 1, a), /labels has 1 entries, needs 2/);
    });
  });

  describe(`${name} fused passes`, () => {
    const kernels = createKernels(name) as WasmKernels;
    const next = rng(7);
    // the tutorial's activations from their textbook formulas (every registry activation: activationKernels.test.ts)
    type Textbook = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'leaky_relu' | 'elu';
    const ALPHA: Record<Textbook, number> = { linear: 0, relu: 0, sigmoid: 0, tanh: 0, leaky_relu: 0.01, elu: 1 };
    const params = (act: Textbook): number[] => (act === 'leaky_relu' || act === 'elu' ? [ALPHA[act]] : []);
    // f and f' in float64 (the tutorial's formulas)
    const f: Record<Textbook, (x: number, alpha: number) => number> = {
      linear: (x) => x,
      relu: (x) => Math.max(0, x),
      sigmoid: (x) => 1 / (1 + Math.exp(-x)),
      tanh: (x) => Math.tanh(x),
      leaky_relu: (x, al) => (x > 0 ? x : al * x),
      elu: (x, al) => (x > 0 ? x : al * Math.expm1(x)),
    };
    const df: Record<Textbook, (x: number, alpha: number) => number> = {
      linear: () => 1,
      relu: (x) => (x > 0 ? 1 : 0),
      sigmoid: (x) => { const s = 1 / (1 + Math.exp(-x)); return s * (1 - s); },
      tanh: (x) => 1 - Math.tanh(x) ** 2,
      leaky_relu: (x, al) => (x > 0 ? 1 : al),
      elu: (x, al) => (x > 0 ? 1 : al * Math.exp(x)),
    };
    // the usual range, tiny values (cancellation), and extremes (saturation, exp overflow)
    const m = 9, n = 23; // n is not a multiple of 4: ragged columns
    function inputs(): Float32Array {
      const z = new Float32Array(m * n);
      const extremes = [0, -0, 1e-7, -1e-7, 1e-3, -1e-3, 0.3, -0.3, 0.7, -0.7, 20, -20, 90, -90, 1000, -1000];
      for (let i = 0; i < z.length; i++) {
        z[i] = i < extremes.length ? extremes[i] : i % 3 === 0 ? next() * 1e-2 : next() * 8;
      }
      return z;
    }

    for (const act of Object.keys(f) as Textbook[]) {
      it(`${act}: bias + activation forward and its derivative backward`, () => {
        const alpha = ALPHA[act];
        const zIn = inputs();
        const bias = fill(kernels.alloc(n), next, 0.5);
        bias[0] = 0; // keep the extremes of row 0 column 0 exact
        const z = kernels.alloc(m * n);
        const a = kernels.alloc(m * n);
        z.set(zIn);
        kernels.biasActivation(m, n, z, bias, act, params(act), a);
        const zWant = new Float64Array(m * n);
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) zWant[i * n + j] = Math.fround(zIn[i * n + j] + bias[j]);
        checkTensor(`${act} z + bias`, z, zWant, zWant.map(Math.abs), 0);
        const aWant = zWant.map((x) => f[act](x, Math.fround(alpha)));
        // about 2 ulp; the absolute floor covers sigmoid(-1000) = 0 versus exp's clamped 6e-39
        checkTensor(`${act} forward`, a, aWant, aWant.map(Math.abs), 1e-6, 1e-30);

        const grad = fill(kernels.alloc(m * n), next);
        const g0 = Float64Array.from(grad);
        kernels.activationBackward(m * n, act, params(act), z, grad);
        const gWant = g0.map((g, i) => g * df[act](zWant[i], Math.fround(alpha)));
        checkTensor(`${act} backward`, grad, gWant, g0.map(Math.abs), 1e-6, 0);

        // the training pass: the same z and a, and d = f'(z); then grad *= d is the backward pass
        const z2 = kernels.alloc(m * n), a2 = kernels.alloc(m * n), d = kernels.alloc(m * n);
        z2.set(zIn);
        kernels.biasActivation(m, n, z2, bias, act, params(act), a2, d);
        assert.deepEqual(z2, z, `${act}: z + bias in the training pass`);
        assert.deepEqual(a2, a, `${act}: f(z) in the training pass`);
        const grad2 = kernels.alloc(m * n);
        grad2.set(g0);
        kernels.multiply(m * n, grad2, d);
        assert.deepEqual(grad2, grad, `${act}: grad * f'(z) from the training pass`);

        // in place: a is z
        z.set(zIn);
        kernels.biasActivation(m, n, z, bias, act, params(act), z);
        checkTensor(`${act} forward in place`, z, aWant, aWant.map(Math.abs), 1e-6, 1e-30);
      });
    }

    it('addBias adds the bias to every row, ragged columns included', () => {
      for (const [rows, cols] of [[32, 128], [3, 23], [1, 1]] as const) {
        const z = fill(kernels.alloc(rows * cols), next);
        const b = fill(kernels.alloc(cols), next);
        const want = Float64Array.from(z, (v, i) => Math.fround(v + b[i % cols]));
        kernels.addBias(rows, cols, z, b);
        checkTensor(`addBias ${rows}x${cols}`, z, want, want.map(Math.abs), 0);
      }
    });

    it('biasGradient sums dz over rows, overwriting or accumulating', () => {
      for (const [rows, cols] of [[32, 128], [32, 10], [1, 1], [7, 5]] as const) {
        const dz = fill(kernels.alloc(rows * cols), next);
        const db = fill(kernels.alloc(cols), next);
        const db0 = Float64Array.from(db);
        const want = new Float64Array(cols), scale = new Float64Array(cols);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) { want[j] += dz[i * cols + j]; scale[j] += Math.abs(dz[i * cols + j]); }
        kernels.biasGradient(rows, cols, dz, 0, db);
        checkTensor('db', db, want, scale, 1e-6);
        kernels.biasGradient(rows, cols, dz, 1, db);
        checkTensor('db accumulated', db, want.map((x) => 2 * x), scale.map((x) => 2 * x), 1e-6);
        assert.ok(db0.length === cols);
      }
    });

    it('softmaxCrossEntropy gives (softmax - onehot) * scale and the summed loss', () => {
      for (const [rows, classes, spread] of [[32, 10, 5], [3, 7, 50], [5, 1, 1], [2, 4, 200]] as const) {
        const logits = fill(kernels.alloc(rows * classes), next, spread);
        const labels = Array.from({ length: rows }, (_, i) => (i * 7) % classes);
        const d = kernels.alloc(rows * classes);
        const scale = 1 / rows;
        const loss = kernels.softmaxCrossEntropy(rows, classes, logits, Uint8Array.from(labels), scale, d);
        const want = new Float64Array(rows * classes);
        let lossWant = 0;
        for (let i = 0; i < rows; i++) {
          const row = Array.from(logits.subarray(i * classes, (i + 1) * classes));
          const mx = Math.max(...row);
          const sum = row.reduce((s, x) => s + Math.exp(x - mx), 0);
          lossWant += Math.log(sum) + mx - row[labels[i]];
          for (let j = 0; j < classes; j++) want[i * classes + j] = scale * (Math.exp(row[j] - mx) / sum - (j === labels[i] ? 1 : 0));
        }
        checkTensor(`dlogits ${rows}x${classes}`, d, want, want.map(() => scale), 1e-6, 1e-30);
        assert.ok(Math.abs(loss - lossWant) <= 1e-6 * Math.max(1, lossWant), `loss ${loss} want ${lossWant}`);
        // in place
        kernels.softmaxCrossEntropy(rows, classes, logits, labels, scale, logits);
        checkTensor('dlogits in place', logits, want, want.map(() => scale), 1e-6, 1e-30);
      }
    });

    it('gatherRows picks byte rows by index and scales them to floats', () => {
      const rowLength = 784, rowsInSource = 300;
      const source = new Uint8Array(new SharedArrayBuffer(16 + rowLength * rowsInSource)).subarray(16);
      for (let i = 0; i < source.length; i++) source[i] = (i * 2654435761) >>> 24;
      const scale = 1 / 255;
      for (const rows of [[5, 0, 299, 5], Array.from({ length: 200 }, (_, i) => (i * 37) % rowsInSource)]) {
        const out = kernels.alloc(rows.length * rowLength);
        kernels.gatherRows(source, Int32Array.from(rows), rows.length, rowLength, scale, out);
        const want = new Float64Array(out.length);
        rows.forEach((r, i) => { for (let j = 0; j < rowLength; j++) want[i * rowLength + j] = Math.fround(source[r * rowLength + j] * Math.fround(scale)); });
        checkTensor(`gather ${rows.length} rows`, out, want, want, 0); // exact: one float32 multiply
      }
      // a row longer than the byte scratch goes in pieces
      const long = new Uint8Array(2 * 200000).map((_, i) => i % 251);
      const out = kernels.alloc(200000);
      kernels.gatherRows(long, [1], 1, 200000, 1, out);
      assert.ok(out.every((x, j) => x === (200000 + j) % 251));
      assert.throws(() => kernels.gatherRows(source, [300], 1, rowLength, scale, out), /row 300 at 0 is outside the 300 rows of source/);
      assert.throws(() => kernels.gatherRows(source, [1.5], 1, rowLength, scale, out), /row 1.5 at 0/);
      assert.throws(() => kernels.gatherRows(source, [1], 1, rowLength, scale, new Float32Array(784)), /gatherRows: out is not a view/);
    });

    it('adamUpdate flushes decaying moments to zero before they turn subnormal, and keeps NaN', () => {
      const count = 7;
      const p = kernels.alloc(count).fill(0.5), g = kernels.alloc(count), mm = kernels.alloc(count), vv = kernels.alloc(count);
      g.fill(1e-3);
      kernels.adamUpdate(p, g, mm, vv, 1e-3, 0.9, 0.999, 1e-7, 1);
      g.fill(0);
      g[6] = Number.NaN;
      const smallest = { m: Infinity, v: Infinity };
      let pPrev = Float64Array.from(p);
      for (let t = 0; t < 800; t++) {
        kernels.adamUpdate(p, g, mm, vv, 1e-3, 0.9, 0.999, 1e-7, 1);
        for (let i = 0; i < 6; i++) {
          if (mm[i] !== 0) smallest.m = Math.min(smallest.m, Math.abs(mm[i]));
          if (vv[i] !== 0) smallest.v = Math.min(smallest.v, vv[i]);
          // the moves of p: the textbook step, to float32 resolution
          const want = pPrev[i] - (1e-3 * mm[i]) / (Math.sqrt(vv[i]) + 1e-7);
          assert.ok(Math.abs(p[i] - want) <= 1e-7, `p[${i}] at step ${t}: ${p[i]} want ${want}`);
        }
        pPrev = Float64Array.from(p);
      }
      // 0.9^800 * 1e-4 would be 7e-41, subnormal; it stopped at 0 instead
      assert.deepEqual(Array.from(mm.subarray(0, 6)), [0, 0, 0, 0, 0, 0]);
      assert.ok(smallest.m >= 1e-30 * 0.9, `m reached ${smallest.m}`);
      assert.ok(smallest.v >= 1.17549435e-38, `v reached ${smallest.v}`);
      assert.ok(Number.isNaN(mm[6]) && Number.isNaN(vv[6]) && Number.isNaN(p[6]), 'NaN must stay NaN');
    });

    it('sumAbs adds |x| over a view, ragged lengths included', () => {
      for (const count of [1, 3, 8, 13, 4096, 4099, 109386]) {
        const x = fill(kernels.alloc(count), next);
        let want = 0;
        for (let i = 0; i < count; i++) want += Math.abs(x[i]);
        const got = kernels.sumAbs(x);
        assert.ok(Math.abs(got - want) <= 1e-6 * want, `count ${count}: ${got} want ${want}`);
      }
      assert.equal(kernels.sumAbs(kernels.alloc(0)), 0);
      assert.throws(() => kernels.sumAbs(new Float32Array(3)), /sumAbs: x is not a view/);
    });

    it('adamUpdate follows Kingma & Ba in Keras and PyTorch forms', () => {
      const count = 1001; // a ragged tail after the four-lane body
      for (const form of ['keras', 'pytorch'] as const) {
        const p = fill(kernels.alloc(count), next), g = kernels.alloc(count);
        const mm = kernels.alloc(count), vv = kernels.alloc(count);
        const pw = Float64Array.from(p), mw = new Float64Array(count), vw = new Float64Array(count);
        const mAbs = new Float64Array(count); // m's terms in absolute value: its rounding scale
        const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        for (let t = 1; t <= 5; t++) {
          fill(g, next);
          const stepSize = form === 'keras' ? (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t) : lr / (1 - b1 ** t);
          const vScale = form === 'keras' ? 1 : 1 / Math.sqrt(1 - b2 ** t);
          kernels.adamUpdate(p, g, mm, vv, stepSize, b1, b2, eps, vScale);
          for (let i = 0; i < count; i++) {
            mw[i] = b1 * mw[i] + (1 - b1) * g[i];
            mAbs[i] = b1 * mAbs[i] + (1 - b1) * Math.abs(g[i]);
            vw[i] = b2 * vw[i] + (1 - b2) * g[i] ** 2;
            pw[i] = pw[i] - (stepSize * mw[i]) / (Math.sqrt(vw[i]) * vScale + eps);
          }
        }
        checkTensor(`${form} m`, mm, mw, mAbs, 1e-6);
        checkTensor(`${form} v`, vv, vw, vw, 1e-6);
        // each step moves p by about lr; compare the moves' sum, not p's magnitude
        checkTensor(`${form} params`, p, pw, pw.map(() => 5 * lr), 1e-4, 1e-7);
      }
    });
  });
}
