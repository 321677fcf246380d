// Compiles an expression of the lab's language (src/core/expr) to ONNX nodes, for activations
// with no native operator in the chosen opset and for users' custom activations. Subtrees that
// do not depend on x are folded in double precision to one float32 constant; comparisons give
// bool tensors, cast to float only where a number is needed.

import { compileExpr, dependsOnX, FUNCTIONS, type BinaryOp, type CompareOp, type Expr } from '../expr/index';
import { DATA_TYPE } from './proto';
import type { GraphBuilder } from './graph';

type Value =
  | { kind: 'const'; value: number }
  | { kind: 'float'; name: string }
  | { kind: 'bool'; name: string };

const BINARY_OPS: Record<BinaryOp, string> = { '+': 'Add', '-': 'Sub', '*': 'Mul', '/': 'Div', '^': 'Pow' };
const COMPARE_OPS: Record<Exclude<CompareOp, '!='>, string> = {
  '<': 'Less', '<=': 'LessOrEqual', '>': 'Greater', '>=': 'GreaterOrEqual', '==': 'Equal',
};

/**
 * Adds nodes computing f(input) elementwise; returns the output's name (`output`).
 * `params` gives every parameter the expression uses (learned ones at their trained values).
 * One difference from the lab's evaluator, on non-finite input only: ONNX Where computes both
 * branches and a NaN condition picks the first, where the lab's where() gives NaN.
 */
export function lowerExpression(
  b: GraphBuilder, ast: Expr, params: Readonly<Record<string, number>>, input: string, scope: string, output: string,
): string {
  const names = Object.keys(params);
  const values = Float64Array.from(names, (n) => params[n]);

  const asFloat = (v: Value): string => {
    if (v.kind === 'const') return b.scalar(v.value);
    if (v.kind === 'bool') return b.node('Cast', [v.name], scope, { to: { int: DATA_TYPE.FLOAT } });
    return v.name;
  };
  const asBool = (v: Exclude<Value, { kind: 'const' }>): string =>
    v.kind === 'bool' ? v.name : b.node('Not', [b.node('Equal', [v.name, b.scalar(0)], scope)], scope);
  const float = (op: string, ...inputs: Value[]): Value => ({ kind: 'float', name: b.node(op, inputs.map(asFloat), scope) });
  const isConst = (v: Value, c: number): boolean => v.kind === 'const' && v.value === c;

  const lower = (e: Expr): Value => {
    if (!dependsOnX(e)) return { kind: 'const', value: compileExpr(e, names)(0, values) };
    switch (e.type) {
      case 'variable':
        return { kind: 'float', name: input };
      case 'negate':
        return float('Neg', lower(e.arg));
      case 'binary': {
        const l = lower(e.left);
        const r = lower(e.right);
        // Identities that change no value: x*1, 1*x, x+0, 0+x, x-0, x/1.
        if ((e.op === '*' && isConst(r, 1)) || ((e.op === '+' || e.op === '-') && isConst(r, 0)) || (e.op === '/' && isConst(r, 1))) return l;
        if ((e.op === '*' && isConst(l, 1)) || (e.op === '+' && isConst(l, 0))) return r;
        return float(BINARY_OPS[e.op], l, r);
      }
      case 'compare': {
        const inputs = [asFloat(lower(e.left)), asFloat(lower(e.right))];
        if (e.op === '!=') return { kind: 'bool', name: b.node('Not', [b.node('Equal', inputs, scope)], scope) };
        return { kind: 'bool', name: b.node(COMPARE_OPS[e.op], inputs, scope) };
      }
      case 'call': {
        if (e.fn === 'where') {
          const cond = lower(e.args[0]);
          if (cond.kind === 'const') {
            if (cond.value !== cond.value) return { kind: 'const', value: NaN };
            return lower(cond.value !== 0 ? e.args[1] : e.args[2]);
          }
          const c = asBool(cond);
          return { kind: 'float', name: b.node('Where', [c, asFloat(lower(e.args[1])), asFloat(lower(e.args[2]))], scope) };
        }
        const op = FUNCTIONS[e.fn].onnxOp;
        if (!op) throw new Error(`internal error: the expression function ${e.fn} has no ONNX operator`);
        return float(op, ...e.args.map(lower));
      }
      default:
        throw new Error(`internal error: unexpected constant node ${e.type} depending on x`);
    }
  };

  const result = lower(ast);
  let name: string;
  if (result.kind === 'const') {
    // f does not depend on x: the constant, broadcast to x's shape.
    name = b.node('Add', [b.node('Mul', [input, b.scalar(0)], scope), b.scalar(result.value)], scope);
  } else {
    name = asFloat(result);
  }
  const last = b.nodes[b.nodes.length - 1];
  if (last && last.output?.[0] === name && name !== input) {
    last.output[0] = b.claim(output); // the final node writes the layer's output directly
    return output;
  }
  return b.node('Identity', [name], scope, {}, output);
}
