// A hidden layer's activation on a kernel provider: the provider's fused WebAssembly pass for a
// built-in (assembly/activationFunctions.ts), a module compiled at run start for a custom
// expression (exprWasm/), or the reason it stays on the registry's JavaScript loops.

import { getActivation } from '../activations/registry';
import type { CustomActivation } from '../expr/index';
import { isFusedActivation, type CompiledActivation, type FusedActivation, type KernelProvider } from './fused';

export interface ActivationKernel {
  /** How it runs, for the run's record: 'fused' (a built-in's own pass) or 'compiled' (the expression's module). */
  readonly how: 'fused' | 'compiled';
  /** Parameter names, in the order `params` are passed. */
  readonly paramNames: readonly string[];
  /** z(m,n) += bias(n); a = f(z); and d = f'(z) when d is given. `a` may be `z`. */
  forward(m: number, n: number, z: Float32Array, bias: Float32Array, params: ArrayLike<number>, a: Float32Array, d: Float32Array | null): void;
  /** grad[i] *= f'(z[i]) for i < count. */
  backward(count: number, params: ArrayLike<number>, z: Float32Array, grad: Float32Array): void;
  /** out[k] = sum_i grad[i] df/dp_k(z[i]) over i < count for every parameter k. */
  paramGradients(count: number, params: ArrayLike<number>, z: Float32Array, grad: Float32Array, out: Float64Array): void;
}

/** What the trainer knows of a layer's activation: its registry id (built-ins) and its record. */
export interface KernelActivation {
  name: string;
  id?: string;
  kernel: object;
}

/** Whether `record` is a custom activation compiled from an expression (it carries its ASTs). */
function isCustom(record: object): record is CustomActivation {
  return 'ast' in record && 'derivativeAst' in record;
}

function fusedKernel(kernels: KernelProvider, id: FusedActivation): ActivationKernel {
  const paramNames = id === 'linear' ? [] : getActivation(id).params.map((p) => p.name);
  const k = kernels as Required<KernelProvider>;
  return {
    how: 'fused',
    paramNames,
    forward: (m, n, z, bias, params, a, d) => k.biasActivation(m, n, z, bias, id, params, a, d),
    backward: (count, params, z, grad) => k.activationBackward(count, id, params, z, grad),
    paramGradients(count, params, z, grad, out) {
      for (let i = 0; i < paramNames.length; i++) out[i] = k.activationParamGradient(count, id, i, params, z, grad);
    },
  };
}

function compiledKernel(c: CompiledActivation): ActivationKernel {
  return {
    how: 'compiled',
    paramNames: c.paramNames,
    forward: (m, n, z, bias, params, a, d) => c.biasActivation(m, n, z, bias, params, a, d),
    backward: (count, params, z, grad) => c.backward(count, params, z, grad),
    paramGradients: (count, params, z, grad, out) => c.paramGradients(count, params, z, grad, out),
  };
}

/**
 * A custom activation's expression compiled to WebAssembly on `kernels` (f, f' and df/dp), or
 * why it cannot be: the provider has no WebAssembly, or the compiler declines the expression.
 */
export function compileExpressionKernel(record: CustomActivation, kernels: KernelProvider): CompiledActivation | { fallback: string } {
  if (!kernels.compileExpression) return { fallback: `the ${kernels.name} kernels compile no expressions` };
  const paramNames = record.params.map((p) => p.name);
  return kernels.compileExpression({ ast: record.ast, derivativeAst: record.derivativeAst, paramNames, paramDerivativeAsts: paramNames.map((p) => record.paramDerivativeAsts[p]) });
}

/**
 * The activation kernel for a hidden layer, or the reason it runs on the registry's JavaScript
 * loops. Undefined when the provider has no fused passes at all (the plain TypeScript kernels).
 */
export function activationKernelFor(kernels: KernelProvider, activation: KernelActivation): ActivationKernel | { fallback: string } | undefined {
  if (!kernels.biasActivation || !kernels.activationBackward || !kernels.activationParamGradient || !kernels.multiply) return undefined;
  if (isCustom(activation.kernel)) {
    const compiled = compileExpressionKernel(activation.kernel, kernels);
    return 'fallback' in compiled ? compiled : compiledKernel(compiled);
  }
  if (activation.id && isFusedActivation(activation.id)) return fusedKernel(kernels, activation.id);
  return { fallback: `${activation.name} has no fused pass` };
}
