// A user's activation, given as data { name, expression, params }, compiled to a full record:
// the same shape as the built-ins, so plots, the trainer and the ONNX exporter use it alike.
import { ACTIVATIONS } from '../activations/registry';
import type { ElementwiseActivation, FloatArray, Params } from '../activations/types';
import { analyzeActivation } from '../analysis/properties';
import { type Expr, paramsUsed, RESERVED_NAMES } from './ast';
import { differentiate } from './differentiate';
import { ExprError } from './errors';
import { compileExpr } from './evaluate';
import { parseExpression } from './parser';
import { toLatex, toText } from './print';
import { simplify } from './simplify';
import { validateOnGrid } from './validate';

/** A custom activation as it is saved in settings. */
export interface CustomActivationDef {
  name: string;
  expression: string;
  /** Parameter defaults by name, e.g. { alpha: 0.1 }. */
  params?: Record<string, number>;
}

export interface CustomActivation extends ElementwiseActivation {
  origin: 'custom';
  /** The parsed expression (for the ONNX exporter). */
  ast: Expr;
  /** d/dx of the expression, simplified. */
  derivativeAst: Expr;
  /** The derivative as text in the same language. */
  derivativeExpression: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_MAX = 64;
const EXPRESSION_MAX = 1000;
const PARAMS_MAX = 16;
const PARAM_NAME_MAX = 32;

/**
 * Checks the shape of a custom activation as it arrives from settings, a message or the command
 * line: the definition (with a null-prototype params object) or a sentence saying what is wrong.
 * The one validator of a definition; compiling it checks the expression itself.
 */
export function parseCustomActivationDef(raw: unknown): CustomActivationDef | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'a custom activation needs { name, expression, params? }';
  const { name, expression, params } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return 'a custom activation needs a non-empty name';
  if (name.length > NAME_MAX) return `custom activation name is too long (${name.length} characters; at most ${NAME_MAX})`;
  if (!NAME.test(name)) return `custom activation name '${name.replace(/[\u0000-\u001f\u007f]/g, '?')}' must be letters, digits and _, starting with a letter or _`;
  if (ACTIVATIONS.some((r) => r.id === name)) return `custom activation name '${name}' is taken by a built-in activation; choose another name`;
  if (typeof expression !== 'string' || expression.trim() === '') return `custom activation '${name}' needs an expression (text)`;
  if (expression.length > EXPRESSION_MAX) return `the expression of '${name}' is too long (${expression.length} characters; at most ${EXPRESSION_MAX})`;
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    return `params of custom activation '${name}' must be an object of numbers`;
  }
  const entries = Object.entries((params ?? {}) as Record<string, unknown>);
  if (entries.length > PARAMS_MAX) return `custom activation '${name}' has ${entries.length} parameters; at most ${PARAMS_MAX}`;
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [p, v] of entries) {
    if (!NAME.test(p) || p.length > PARAM_NAME_MAX) return `parameter name '${p.slice(0, 40)}' of '${name}' is not a valid name (letters, digits, _; at most ${PARAM_NAME_MAX})`;
    if (RESERVED_NAMES.has(p)) return `parameter name '${p}' of '${name}' is reserved (x, pi, e and function names)`;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `parameter ${p} of '${name}' must be a finite number, got ${String(v)}`;
    out[p] = v;
  }
  return { name, expression: expression.trim(), params: out };
}

/**
 * Parses, differentiates and validates a custom activation, and returns its record. Throws
 * ExprError for a bad expression (with the column) and Error for bad names, parameters, or a
 * function that is not finite or whose derivative disagrees with finite differences on the grid.
 */
export function compileCustomActivation(given: CustomActivationDef): CustomActivation {
  const def = parseCustomActivationDef(given);
  if (typeof def === 'string') throw new Error(def);
  const name = def.name;
  const defaults = { ...(def.params ?? {}) };
  const paramNames = Object.keys(defaults);
  const ast = parseExpression(def.expression, { params: paramNames });
  const unused = paramNames.filter((p) => !paramsUsed(ast).includes(p));
  if (unused.length) throw new ExprError(`parameter${unused.length > 1 ? 's' : ''} ${unused.join(', ')} not used in the expression`);
  const derivativeAst = simplify(differentiate(ast));

  const fAt = compileExpr(ast, paramNames);
  const dfAt = compileExpr(derivativeAst, paramNames);
  const defaultVector = Float64Array.from(paramNames, (p) => defaults[p]!);
  const check = validateOnGrid(ast, derivativeAst, paramNames, defaultVector);
  if (check.problems.length) throw new Error(`custom activation '${name}' fails validation on [-10, 10]: ${check.problems.join('; ')}`);

  // Params objects map to a parameter vector; the last one is cached (the trainer reuses one object).
  let lastParams: Params | undefined;
  let lastVector = defaultVector;
  const vectorOf = (p: Params): Float64Array => {
    if (p === lastParams) return lastVector;
    lastVector = Float64Array.from(paramNames, (n) => (p[n] ?? defaults[n])!);
    lastParams = p;
    return lastVector;
  };
  const text = toText(ast);
  const dText = toText(derivativeAst);
  const record: CustomActivation = {
    id: name,
    displayName: name,
    origin: 'custom',
    kind: 'elementwise',
    aliases: {},
    params: paramNames.map((p) => ({ name: p, default: defaults[p]! })),
    formula: { unicode: `f(x) = ${text}`, latex: `f(x) = ${toLatex(ast)}` },
    derivative: { unicode: `f'(x) = ${dText}`, latex: `f'(x) = ${toLatex(derivativeAst)}` },
    range: { min: -Infinity, max: Infinity, minIncluded: false, maxIncluded: false },
    properties: { monotonic: false, smooth: false, zeroCentred: false },
    doc: { en: `Custom activation ${name}: f(x) = ${text}`, 'zh-cn': `自定义激活函数 ${name}:f(x) = ${text}` },
    pros: [],
    cons: [],
    onnx: { note: 'Custom activation: export the expression.' },
    expression: def.expression.trim(),
    ast,
    derivativeAst,
    derivativeExpression: dText,
    f: (x, p) => fAt(x, vectorOf(p)),
    df: (x, p) => dfAt(x, vectorOf(p)),
    forward(z: FloatArray, out: FloatArray, p: Params) {
      const v = vectorOf(p);
      for (let i = 0; i < z.length; i++) out[i] = fAt(z[i], v);
    },
    backward(z: FloatArray, _a: FloatArray, grad: FloatArray, p: Params) {
      const v = vectorOf(p);
      for (let i = 0; i < z.length; i++) grad[i] *= dfAt(z[i], v);
    },
  };
  // Range and properties are measured, since nothing is declared for a user's function.
  const measured = analyzeActivation(record, defaults);
  record.range = { min: measured.range.min, max: measured.range.max, minIncluded: measured.range.minIncluded, maxIncluded: measured.range.maxIncluded };
  record.properties = { monotonic: measured.monotonic !== false, smooth: measured.smooth, zeroCentred: measured.zeroCentred };
  return record;
}
