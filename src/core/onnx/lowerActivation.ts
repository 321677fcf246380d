// One hidden layer's activation as ONNX nodes: the registry record's native operator where the
// opset has it and its `when` conditions hold (Relu, LeakyRelu, Gelu from 20, Mish from 18,
// PRelu with the learned slope, ...), otherwise the record's expression compiled to primitive
// operators (GELU through Erf below 20, SiLU as x*Sigmoid(beta*x), Mish as x*Tanh(Softplus(x)),
// users' custom expressions).

import type { ElementwiseActivation, OnnxValue } from '../activations/types';
import { parseExpression, type Expr } from '../expr/index';
import type { GraphBuilder } from './graph';
import { lowerExpression } from './lowerExpr';

/** How a layer's activation was exported. */
export interface LoweredActivation {
  output: string;
  /** The native operator, or null when the expression was compiled. */
  native: string | null;
  /** The ops the activation used, in first-use order. */
  ops: string[];
}

// Attributes that are integers in the ONNX operator schemas; every other number is a float.
const INT_ATTRIBUTES = new Set(['axis']);

function resolveValue(v: OnnxValue, params: Readonly<Record<string, number>>, what: string): number | string {
  if (typeof v !== 'object') return v;
  const value = params[v.param];
  if (value === undefined) throw new Error(`${what}: parameter ${v.param} has no value`);
  return value;
}

/** Whether the native op may be used: the opset has it and every `when` condition holds. */
export function nativeApplies(record: ElementwiseActivation, params: Readonly<Record<string, number>>, opset: number): boolean {
  const native = record.onnx.native;
  if (!native || native.sinceOpset > opset) return false;
  return Object.entries(native.when ?? {}).every(([k, v]) => params[k] === v);
}

/** The record's expression as an AST (custom activations carry theirs already). */
export function expressionAst(record: ElementwiseActivation): Expr {
  const own = (record as { ast?: Expr }).ast;
  return own ?? parseExpression(record.expression, { params: record.params.map((p) => p.name) });
}

export function lowerActivation(
  b: GraphBuilder, record: ElementwiseActivation, params: Readonly<Record<string, number>>,
  input: string, scope: string, output: string,
): LoweredActivation {
  const before = b.nodes.length;
  const opsSince = () => [...new Set(b.nodes.slice(before).map((n) => n.op_type!))];
  const native = record.onnx.native;
  if (native && nativeApplies(record, params, b.opset)) {
    const what = `${record.id} (${native.op})`;
    const attributes = Object.fromEntries(Object.entries(native.attributes ?? {}).map(([k, v]) => {
      const value = resolveValue(v, params, what);
      return [k, typeof value === 'number' && INT_ATTRIBUTES.has(k) ? { int: value } : value];
    }));
    const extra = (native.extraInputs ?? []).map(({ name, value }) => {
      const v = resolveValue(value, params, what);
      if (typeof v !== 'number') throw new Error(`${what}: input ${name} must be a number`);
      // A learned parameter (PReLU's slope) is a weight of the layer, named as in weights.bin.
      const learned = typeof value === 'object' && record.params.some((p) => p.name === value.param && p.learnable);
      return learned ? b.initializer(`${scope}/${value.param}`, [1], Float32Array.of(v)) : b.scalar(v);
    });
    b.node(native.op, [input, ...extra], scope, attributes, output);
    return { output, native: native.op, ops: opsSince() };
  }
  lowerExpression(b, expressionAst(record), params, input, scope, output);
  return { output, native: null, ops: opsSince() };
}
