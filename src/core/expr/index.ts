// The custom-expression language: parse, print, evaluate, differentiate, validate, and compile
// a user's activation into a full record.
export * from './ast';
export { ExprError } from './errors';
export { ExprTable, withTable } from './intern';
export { tokenize, MAX_EXPRESSION_LENGTH, type Token } from './tokenizer';
export { parseExpression, MAX_DEPTH, MAX_NODES, type ParseOptions } from './parser';
export { compileExpr, evaluateExpr, Tape, type CompiledExpr } from './evaluate';
export { differentiate, MAX_DERIVATIVE_NODES } from './differentiate';
export { simplify } from './simplify';
export { toText, toLatex } from './print';
export { validateOnGrid, switchingExprs, VALIDATION_GRID, type ValidationResult } from './validate';
export { compileCustomActivation, MAX_EVALUATION_COST, parseCustomActivationDef, type CustomActivation, type CustomActivationDef } from './customActivation';
export {
  customNameProblem, paramRecord, parseActivationText, parseCustomDefinitions,
  type ActivationChoice, type ActivationTextOptions, type CustomDefinition,
} from './activationText';
export { clip, excerpt } from './errors';
