// The custom-expression language: parse, print, evaluate, differentiate, validate, and compile
// a user's activation into a full record.
export * from './ast';
export { ExprError } from './errors';
export { tokenize, MAX_EXPRESSION_LENGTH, type Token } from './tokenizer';
export { parseExpression, MAX_DEPTH, MAX_NODES, type ParseOptions } from './parser';
export { compileExpr, evaluateExpr, type CompiledExpr } from './evaluate';
export { differentiate, MAX_DERIVATIVE_NODES } from './differentiate';
export { simplify } from './simplify';
export { toText, toLatex } from './print';
export { validateOnGrid, switchingExprs, VALIDATION_GRID, type ValidationResult } from './validate';
export { compileCustomActivation, parseCustomActivationDef, type CustomActivation, type CustomActivationDef } from './customActivation';
