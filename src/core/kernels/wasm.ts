// The WebAssembly SIMD kernels (assembly/, built by scripts/build-wasm.mjs): gemm plus the fused
// passes. The provider owns one fixed-size linear memory; `alloc` hands out views into it, so the
// kernels get plain byte addresses and no operand is copied per call (only labels and byte rows
// coming from outside). The memory never grows (growth would detach every view handed out), so
// it is sized once, up front.

import { compileExpression, type CompilableExpression } from './exprWasm/compile';
import type { CompiledActivation, FusedActivation, FusedKernels } from './fused';
import type { KernelName, Kernels } from './types';
import { webAssembly } from './webAssemblyApi';

export interface WasmKernelOptions {
  /** Size of the linear memory; `alloc` fails beyond it. Untouched pages cost no resident memory. */
  memoryBytes?: number;
}

export const DEFAULT_WASM_MEMORY_BYTES = 256 * 1024 * 1024;
const PAGE = 65536;
const ALIGN = 64; // cache-line aligned views
const LABEL_CAPACITY = 4096;
/** gemmAdam's largest k: one K block of the GEMM (assembly/gemm.ts KC). */
export const GEMM_ADAM_MAX_K = 256; // softmaxCrossEntropy copies labels in chunks of this many
const BYTE_CAPACITY = 128 * 1024; // gatherRows copies rows of bytes in chunks of this size

// Codes shared with assembly/activation.ts.
export const ACTIVATION_CODES: Record<FusedActivation, number> = {
  linear: 0, identity: 0, relu: 1, sigmoid: 2, tanh: 3, leaky_relu: 4, prelu: 4, elu: 5, selu: 6, celu: 7, gelu: 8,
  gelu_tanh: 9, silu: 10, mish: 11, softplus: 12, softsign: 13, hard_sigmoid: 14, hard_swish: 15, relu6: 16,
  hardtanh: 17, thresholded_relu: 18, log_sigmoid: 19, tanhshrink: 20, softshrink: 21, hardshrink: 22,
};

/** Codes of assembly/mathExports.ts's `mathMap`: the vector functions, for the accuracy tests. */
export const MATH_FUNCTIONS = {
  exp: 0, expm1: 1, log: 2, log1p: 3, tanh: 4, sigmoid: 5, softplus: 6, erf: 7, erfc: 8, sin: 9, cos: 10, pow: 11,
  normalCdf: 12, gauss: 13,
} as const;
export type MathFunction = keyof typeof MATH_FUNCTIONS;

interface KernelExports {
  heapBase(): number;
  init(base: number): number;
  gemm(transA: number, transB: number, m: number, n: number, k: number, a: number, b: number, beta: number, c: number): void;
  biasActivation(m: number, n: number, z: number, bias: number, act: number, p0: number, p1: number, a: number, d: number): void;
  activationBackward(count: number, act: number, p0: number, p1: number, z: number, grad: number): void;
  activationParamGradient(count: number, act: number, which: number, p0: number, p1: number, z: number, grad: number): number;
  multiplyInPlace(count: number, x: number, y: number): void;
  addBias(m: number, n: number, z: number, bias: number): void;
  mathMap(fn: number, count: number, x: number, y: number, out: number): void;
  biasGradient(m: number, n: number, dz: number, beta: number, db: number): void;
  softmaxCrossEntropy(m: number, n: number, logits: number, labels: number, scale: number, dlogits: number): number;
  adamUpdate(count: number, params: number, grads: number, m: number, v: number,
    stepSize: number, beta1: number, beta2: number, epsilon: number, vScale: number): void;
  bytesToFloat(count: number, src: number, scale: number, dst: number): void;
  sumAbs(count: number, x: number): number;
}

export type WasmKernels = Kernels & FusedKernels & {
  /** Bytes of linear memory still free for `alloc`. */
  readonly freeBytes: number;
  /** out[i] = fn(x[i]) (pow: x[i]^y[i]) with the kernels' vector functions: what the accuracy tests measure. */
  mathMap(fn: MathFunction, x: Float32Array, out: Float32Array, y?: Float32Array): void;
};

/** The first two parameters (the kernels take at most two), 0 where absent. */
function twoParams(what: string, params: ArrayLike<number>): [number, number] {
  if (params.length > 2) throw new RangeError(`${what}: at most 2 activation parameters, got ${params.length}`);
  return [params[0] ?? 0, params[1] ?? 0];
}

function checkDim(what: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what}: ${name} must be a positive integer, got ${value}`);
  }
}

/** Compiles `bytes` (one of the two builds) and returns a provider with its own memory. */
export function createWasmKernels(bytes: Uint8Array, name: Exclude<KernelName, 'js'>, options: WasmKernelOptions = {}): WasmKernels {
  const memoryBytes = options.memoryBytes ?? DEFAULT_WASM_MEMORY_BYTES;
  if (!Number.isFinite(memoryBytes) || memoryBytes < PAGE || memoryBytes > 2 ** 31) {
    throw new RangeError(`WASM kernels: memoryBytes must be between ${PAGE} and 2^31, got ${memoryBytes}`);
  }
  const pages = Math.ceil(memoryBytes / PAGE);
  if (!webAssembly) throw new Error('WASM kernels: this runtime has no WebAssembly');
  const memory = new webAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new webAssembly.Instance(new webAssembly.Module(bytes), { env: { memory } });
  const ex = instance.exports as unknown as KernelExports;
  const buffer = memory.buffer;
  const capacity = pages * PAGE;

  // Layout: static data | gemm scratch (packed A and B panels) | labels | bytes | alloc'd views.
  const scratchBase = Math.ceil(ex.heapBase() / ALIGN) * ALIGN;
  const labelsBase = Math.ceil(ex.init(scratchBase) / ALIGN) * ALIGN;
  const bytesBase = labelsBase + LABEL_CAPACITY * 4;
  let top = bytesBase + BYTE_CAPACITY;
  if (top > capacity) throw new RangeError(`WASM kernels: memoryBytes ${memoryBytes} is too small for the scratch space (${top} B)`);
  const labels = new Int32Array(buffer, labelsBase, LABEL_CAPACITY);
  const byteScratch = new Uint8Array(buffer, bytesBase, BYTE_CAPACITY);

  /** The byte address of `view`, after checking it lives in this memory and holds `need` floats. */
  function addr(what: string, arg: string, view: Float32Array, need: number): number {
    if (!(view instanceof Float32Array) || view.buffer !== buffer) {
      throw new TypeError(`${what}: ${arg} is not a view from this ${name} provider's memory (allocate it with kernels.alloc)`);
    }
    if (view.length < need) {
      throw new RangeError(`${what}: ${arg} has ${view.length} floats, needs ${need}`);
    }
    return view.byteOffset;
  }

  function overlaps(x: Float32Array, nx: number, y: Float32Array, ny: number): boolean {
    return x.byteOffset < y.byteOffset + ny * 4 && y.byteOffset < x.byteOffset + nx * 4;
  }

  function code(what: string, activation: FusedActivation): number {
    const c = ACTIVATION_CODES[activation];
    if (c === undefined) throw new RangeError(`${what}: unknown activation '${String(activation)}' (fused: ${Object.keys(ACTIVATION_CODES).join(', ')})`);
    return c;
  }

  /** A custom activation's compiled module, wrapped to take views of this memory. */
  function compileActivation(expr: CompilableExpression): CompiledActivation | { fallback: string } {
    const compiled = compileExpression(expr, { memory, exports: instance.exports });
    if ('fallback' in compiled) return compiled;
    const k = expr.paramNames.length;
    // the parameter block and the gradient sums live in this memory too
    const paramBlock = kernels.alloc(Math.max(1, k));
    const sums = new Float64Array(buffer, kernels.alloc(Math.max(2, 2 * k)).byteOffset, Math.max(1, k));
    const setParams = (what: string, params: ArrayLike<number>): number => {
      if (params.length !== k) throw new RangeError(`${what}: the expression has ${k} parameters, got ${params.length} values`);
      for (let i = 0; i < k; i++) paramBlock[i] = params[i]!;
      return paramBlock.byteOffset;
    };
    return {
      paramNames: compiled.paramNames,
      moduleBytes: compiled.moduleBytes,
      sharedValues: compiled.sharedValues,
      unsharedValues: compiled.unsharedValues,
      biasActivation(m, n, z, bias, params, a, d) {
        const what = 'compiled biasActivation';
        checkDim(what, 'm', m); checkDim(what, 'n', n);
        const pz = addr(what, 'z', z, m * n);
        const pa = addr(what, 'a', a, m * n);
        const pd = d ? addr(what, 'd', d, m * n) : 0;
        ex.addBias(m, n, pz, addr(what, 'bias', bias, n));
        compiled.forward(m * n, pz, pa, pd, setParams(what, params));
      },
      backward(count, params, z, grad) {
        const what = 'compiled backward';
        checkDim(what, 'count', count);
        compiled.backward(count, addr(what, 'z', z, count), addr(what, 'grad', grad, count), setParams(what, params));
      },
      paramGradients(count, params, z, grad, out) {
        const what = 'compiled paramGradients';
        checkDim(what, 'count', count);
        if (out.length < k) throw new RangeError(`${what}: out has ${out.length} entries, needs ${k}`);
        if (k === 0) return;
        compiled.paramGradients(count, addr(what, 'z', z, count), addr(what, 'grad', grad, count), setParams(what, params), sums.byteOffset);
        for (let i = 0; i < k; i++) out[i] = sums[i]!;
      },
    };
  }

  const kernels: WasmKernels = {
    name,
    get freeBytes() { return capacity - top; },

    alloc(n: number): Float32Array {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`alloc: n must be a non-negative integer, got ${n}`);
      const start = Math.ceil(top / ALIGN) * ALIGN;
      if (start + n * 4 > capacity) {
        throw new RangeError(`alloc(${n}): the ${name} kernels' memory is full (${capacity - top} of ${capacity} bytes left); create the kernels with a larger memoryBytes`);
      }
      top = start + n * 4;
      return new Float32Array(buffer, start, n);
    },

    gemm(transA, transB, m, n, k, a, b, beta, c) {
      const what = 'gemm';
      checkDim(what, 'm', m); checkDim(what, 'n', n); checkDim(what, 'k', k);
      if (beta !== 0 && beta !== 1) throw new RangeError(`gemm: beta must be 0 or 1, got ${String(beta)}`);
      const pa = addr(what, 'a', a, m * k);
      const pb = addr(what, 'b', b, k * n);
      const pc = addr(what, 'c', c, m * n);
      if (overlaps(c, m * n, a, m * k) || overlaps(c, m * n, b, k * n)) {
        throw new RangeError('gemm: c overlaps a or b; the product needs a separate output');
      }
      ex.gemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, pa, pb, beta, pc);
    },

    biasActivation(m, n, z, bias, activation, params, a, d) {
      const what = 'biasActivation';
      checkDim(what, 'm', m); checkDim(what, 'n', n);
      const act = code(what, activation);
      const [p0, p1] = twoParams(what, params);
      ex.biasActivation(m, n, addr(what, 'z', z, m * n), addr(what, 'bias', bias, n), act, p0, p1,
        addr(what, 'a', a, m * n), d ? addr(what, 'd', d, m * n) : 0);
    },

    activationBackward(count, activation, params, z, grad) {
      const what = 'activationBackward';
      checkDim(what, 'count', count);
      const act = code(what, activation);
      const [p0, p1] = twoParams(what, params);
      ex.activationBackward(count, act, p0, p1, addr(what, 'z', z, count), addr(what, 'grad', grad, count));
    },

    activationParamGradient(count, activation, which, params, z, grad) {
      const what = 'activationParamGradient';
      checkDim(what, 'count', count);
      const act = code(what, activation);
      const [p0, p1] = twoParams(what, params);
      if (which !== 0 && which !== 1) throw new RangeError(`${what}: parameter number must be 0 or 1, got ${which}`);
      return ex.activationParamGradient(count, act, which, p0, p1, addr(what, 'z', z, count), addr(what, 'grad', grad, count));
    },

    multiply(count, x, y) {
      const what = 'multiply';
      checkDim(what, 'count', count);
      ex.multiplyInPlace(count, addr(what, 'x', x, count), addr(what, 'y', y, count));
    },

    addBias(m, n, z, bias) {
      const what = 'addBias';
      checkDim(what, 'm', m); checkDim(what, 'n', n);
      ex.addBias(m, n, addr(what, 'z', z, m * n), addr(what, 'bias', bias, n));
    },

    mathMap(fn, x, out, y) {
      const what = 'mathMap';
      const f = MATH_FUNCTIONS[fn];
      if (f === undefined) throw new RangeError(`${what}: unknown function '${String(fn)}'`);
      if (x.length === 0) return;
      ex.mathMap(f, x.length, addr(what, 'x', x, x.length), addr(what, 'y', y ?? x, x.length), addr(what, 'out', out, x.length));
    },

    compileExpression(expr) {
      return compileActivation(expr);
    },

    biasGradient(m, n, dz, beta, db) {
      const what = 'biasGradient';
      checkDim(what, 'm', m); checkDim(what, 'n', n);
      if (beta !== 0 && beta !== 1) throw new RangeError(`biasGradient: beta must be 0 or 1, got ${String(beta)}`);
      ex.biasGradient(m, n, addr(what, 'dz', dz, m * n), beta, addr(what, 'db', db, n));
    },

    softmaxCrossEntropy(m, n, logits, labelsIn, scale, dlogits) {
      const what = 'softmaxCrossEntropy';
      checkDim(what, 'm', m); checkDim(what, 'n', n);
      if (labelsIn.length < m) throw new RangeError(`${what}: labels has ${labelsIn.length} entries, needs ${m}`);
      const pl = addr(what, 'logits', logits, m * n);
      const pd = addr(what, 'dlogits', dlogits, m * n);
      let loss = 0;
      for (let i0 = 0; i0 < m; i0 += LABEL_CAPACITY) {
        const rows = Math.min(LABEL_CAPACITY, m - i0);
        for (let i = 0; i < rows; i++) {
          const label = labelsIn[i0 + i];
          if (!Number.isInteger(label) || label < 0 || label >= n) {
            throw new RangeError(`${what}: label ${label} at row ${i0 + i} is not a class index in [0, ${n})`);
          }
          labels[i] = label;
        }
        loss += ex.softmaxCrossEntropy(rows, n, pl + i0 * n * 4, labelsBase, scale, pd + i0 * n * 4);
      }
      return loss;
    },

    adamUpdate(params, grads, m, v, stepSize, beta1, beta2, epsilon, vScale) {
      const what = 'adamUpdate';
      const count = params.length;
      checkDim(what, 'params.length', count);
      ex.adamUpdate(count, addr(what, 'params', params, count), addr(what, 'grads', grads, count),
        addr(what, 'm', m, count), addr(what, 'v', v, count), stepSize, beta1, beta2, epsilon, vScale);
    },

    sumAbs(x) {
      return x.length === 0 ? 0 : ex.sumAbs(x.length, addr('sumAbs', 'x', x, x.length));
    },

    gatherRows(source, rows, count, rowLength, scale, out) {
      const what = 'gatherRows';
      checkDim(what, 'count', count); checkDim(what, 'rowLength', rowLength);
      if (!(source instanceof Uint8Array)) throw new TypeError(`${what}: source must be a Uint8Array`);
      if (rows.length < count) throw new RangeError(`${what}: rows has ${rows.length} entries, needs ${count}`);
      const po = addr(what, 'out', out, count * rowLength);
      const available = Math.floor(source.length / rowLength);
      // rows per chunk that fit the byte scratch (a row longer than it goes in pieces)
      const perChunk = Math.floor(BYTE_CAPACITY / rowLength);
      if (perChunk === 0) {
        for (let i = 0; i < count; i++) {
          const row = rows[i];
          if (!Number.isInteger(row) || row < 0 || row >= available) throw new RangeError(`${what}: row ${row} at ${i} is outside the ${available} rows of source`);
          for (let j = 0; j < rowLength; j += BYTE_CAPACITY) {
            const len = Math.min(BYTE_CAPACITY, rowLength - j);
            byteScratch.set(source.subarray(row * rowLength + j, row * rowLength + j + len));
            ex.bytesToFloat(len, bytesBase, scale, po + (i * rowLength + j) * 4);
          }
        }
        return;
      }
      for (let i0 = 0; i0 < count; i0 += perChunk) {
        const n = Math.min(perChunk, count - i0);
        for (let i = 0; i < n; i++) {
          const row = rows[i0 + i];
          if (!Number.isInteger(row) || row < 0 || row >= available) throw new RangeError(`${what}: row ${row} at ${i0 + i} is outside the ${available} rows of source`);
          byteScratch.set(source.subarray(row * rowLength, (row + 1) * rowLength), i * rowLength);
        }
        ex.bytesToFloat(n * rowLength, bytesBase, scale, po + i0 * rowLength * 4);
      }
    },
  };
  return kernels;
}
