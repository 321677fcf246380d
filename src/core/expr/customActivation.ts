// A user's activation, given as data { name, expression, params }, compiled to a full record:
// the same shape as the built-ins, so plots, the trainer and the ONNX exporter use it alike.
import { customNameMessage } from './activationText';
import type { ElementwiseActivation, FloatArray, Params } from '../activations/types';
import { analyzeActivation } from '../analysis/properties';
import { type Expr, paramNameMessage, paramsUsed } from './ast';
import { differentiate } from './differentiate';
import { clip, CustomActivationError, ExprError } from './errors';
import { type ExprMessage, exprMessage as m, renderExprMessage } from './messages';
import { Tape } from './evaluate';
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
  /** df/dp for each parameter, simplified: a learned parameter's exact gradient (JS and compiled paths alike). */
  paramDerivativeAsts: Readonly<Record<string, Expr>>;
  /** What f and f' cost per point together, in additions. */
  evaluationCost: number;
  /** f at every xs[i], into out[i]: value for value what f gives. */
  fMany(xs: ArrayLike<number>, out: FloatArray, p: Params): void;
  /** f' at every xs[i], into out[i]. */
  dfMany(xs: ArrayLike<number>, out: FloatArray, p: Params): void;
  /** f and f' at every xs[i] in one pass (their shared subtrees computed once). */
  valuesMany(xs: ArrayLike<number>, fOut: FloatArray, dfOut: FloatArray, p: Params): void;
}

const EXPRESSION_MAX = 1000;
const PARAMS_MAX = 16;
const PARAM_NAME_MAX = 32;

/**
 * Checks the shape of a custom activation as it arrives from settings, a message or the command
 * line: the definition (with a null-prototype params object) or a sentence saying what is wrong.
 * The one validator of a definition; compiling it checks the expression itself.
 */
export function parseCustomActivationDef(raw: unknown): CustomActivationDef | string {
  const r = checkDef(raw);
  return 'problem' in r ? renderExprMessage(r.problem, 'en') : r.def;
}

/** A definition, or its problem and whether the problem is in the expression (an ExprError's matter). */
function checkDef(raw: unknown): { def: CustomActivationDef } | { problem: ExprMessage; inExpression: boolean } {
  const fail = (problem: ExprMessage, inExpression = false) => ({ problem, inExpression });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(m('definitionShape'));
  const { name, expression, params } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return fail(m('definitionNeedsName'));
  const nameProblem = customNameMessage(name);
  if (nameProblem) return fail(nameProblem);
  if (typeof expression !== 'string') return fail(m('definitionNeedsExpression', { name }));
  if (expression.trim() === '') return fail(m('expressionEmpty'), true);
  if (expression.length > EXPRESSION_MAX) return fail(m('definitionTooLong', { count: expression.length, max: EXPRESSION_MAX }), true);
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    return fail(m('paramsNotObject', { name }));
  }
  const entries = Object.entries((params ?? {}) as Record<string, unknown>);
  if (entries.length > PARAMS_MAX) return fail(m('tooManyParams', { name, count: entries.length, max: PARAMS_MAX }));
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [p, v] of entries) {
    if (p.length > PARAM_NAME_MAX) return fail(m('paramNameTooLong', { param: clip(p), name, max: PARAM_NAME_MAX }));
    const problem = paramNameMessage(p);
    if (problem) return fail(m('paramNameOf', { problem, name: clip(name) }));
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(m('paramNotFinite', { param: p, name, value: String(v) }));
    out[p] = v;
  }
  return { def: { name, expression: expression.trim(), params: out } };
}

/**
 * The most a custom activation's f and f' together may cost per point, in additions (see
 * Tape.cost). The analyses evaluate both, in one tape, at about 42 000 points: at this cost
 * that is about 13 million additions' worth, which keeps compiling and analysing any expression
 * the limits accept under 100 ms (bench/expressions.ts measures it). 99 nested abs() or min()
 * cost about 300; x*sigmoid(x) 15, GELU's expression 42.
 */
export const MAX_EVALUATION_COST = 320;

/**
 * Parses, differentiates and validates a custom activation, and returns its record. Throws
 * ExprError for a bad expression (with the column), one too costly to evaluate, or a function
 * that is not finite or whose derivative disagrees with finite differences on the grid;
 * CustomActivationError for bad names or parameters.
 */
export function compileCustomActivation(given: CustomActivationDef): CustomActivation {
  const checked = checkDef(given);
  if ('problem' in checked) throw checked.inExpression ? new ExprError(checked.problem) : new CustomActivationError(checked.problem);
  const { def } = checked;
  const name = def.name;
  const defaults = { ...(def.params ?? {}) };
  const paramNames = Object.keys(defaults);
  const ast = parseExpression(def.expression, { params: paramNames });
  const unused = paramNames.filter((p) => !paramsUsed(ast).includes(p));
  if (unused.length) throw new ExprError(m(unused.length > 1 ? 'unusedParams' : 'unusedParam', { list: unused.join(', ') }));
  const derivativeAst = simplify(differentiate(ast));
  const paramDerivativeAsts = Object.fromEntries(paramNames.map((p) => [p, simplify(differentiate(ast, p))]));
  const paramTapes = Object.fromEntries(paramNames.map((p) => [p, new Tape([paramDerivativeAsts[p]], paramNames)]));

  const tapeF = new Tape([ast], paramNames);
  const tapeDf = new Tape([derivativeAst], paramNames);
  const tapeBoth = new Tape([ast, derivativeAst], paramNames); // f and f' sharing their common subtrees
  const cost = tapeBoth.cost;
  if (cost > MAX_EVALUATION_COST) {
    throw new ExprError(m('tooCostly'), undefined, m('tooCostlyHint', { cost, max: MAX_EVALUATION_COST }));
  }
  const defaultVector = Float64Array.from(paramNames, (p) => defaults[p]);
  const check = validateOnGrid(ast, derivativeAst, paramNames, defaultVector);
  if (check.issues.length) throw new ExprError(m('failsValidation', { name, problems: check.issues }));

  // Params objects map to a parameter vector; the last one is cached (the trainer reuses one object).
  let lastParams: Params | undefined;
  let lastVector = defaultVector;
  const vectorOf = (p: Params): Float64Array => {
    if (p === lastParams) return lastVector;
    lastVector = Float64Array.from(paramNames, (n) => (Object.prototype.hasOwnProperty.call(p, n) ? p[n] : defaults[n]));
    lastParams = p;
    return lastVector;
  };
  let scratch = new Float64Array(0);
  const text = toText(ast);
  const dText = toText(derivativeAst);
  const record: CustomActivation = {
    id: name,
    displayName: name,
    origin: 'custom',
    kind: 'elementwise',
    aliases: {},
    params: paramNames.map((p) => ({ name: p, default: defaults[p] })),
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
    paramDerivativeAsts,
    dparams: Object.fromEntries(paramNames.map((p) => [p, (x: number, q: Params) => paramTapes[p].evaluate(x, vectorOf(q))])),
    evaluationCost: cost,
    f: (x, p) => tapeF.evaluate(x, vectorOf(p)),
    df: (x, p) => tapeDf.evaluate(x, vectorOf(p)),
    fMany: (xs, out, p) => tapeF.evaluateMany(xs, vectorOf(p), [out]),
    dfMany: (xs, out, p) => tapeDf.evaluateMany(xs, vectorOf(p), [out]),
    valuesMany: (xs, fOut, dfOut, p) => tapeBoth.evaluateMany(xs, vectorOf(p), [fOut, dfOut]),
    forward(z: FloatArray, out: FloatArray, p: Params) {
      tapeF.evaluateMany(z, vectorOf(p), [out]);
    },
    backward(z: FloatArray, _a: FloatArray, grad: FloatArray, p: Params) {
      if (scratch.length < z.length) scratch = new Float64Array(z.length);
      const d = scratch.length === z.length ? scratch : scratch.subarray(0, z.length);
      tapeDf.evaluateMany(z, vectorOf(p), [d]);
      for (let i = 0; i < z.length; i++) grad[i] *= d[i];
    },
  };
  // Range and properties are measured, since nothing is declared for a user's function.
  const measured = analyzeActivation(record, defaults);
  record.range = { min: measured.range.min, max: measured.range.max, minIncluded: measured.range.minIncluded, maxIncluded: measured.range.maxIncluded };
  record.properties = { monotonic: measured.monotonic !== false, smooth: measured.smooth, zeroCentred: measured.zeroCentred };
  return record;
}
