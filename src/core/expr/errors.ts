// The one error type of the expression language: the problem in words, the 1-based column (in
// characters) where it is, and an optional hint: "unknown function 'expp' at column 5 (known: ...)".

export class ExprError extends Error {
  constructor(readonly problem: string, readonly column?: number, readonly hint?: string) {
    super(`${problem}${column === undefined ? '' : ` at column ${column}`}${hint ? ` (${hint})` : ''}`);
    this.name = 'ExprError';
  }
}
