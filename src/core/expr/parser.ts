// A recursive-descent parser for the expression language, with a nesting limit and a node
// limit so hostile input fails fast with a message instead of overflowing the stack.
//
//   comparison := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?
//   additive   := multiplicative (('+' | '-') multiplicative)*
//   multiplicative := unary (('*' | '/') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := primary ('^' unary)?          (right-associative; -x^2 is -(x^2))
//   primary    := number | 'x' | constant | parameter | function '(' args ')' | '(' comparison ')'
import {
  type CompareOp, type Expr, FUNCTIONS, isConstantName, isFunctionName,
} from './ast';
import { clip, ExprError } from './errors';
import { exprMessage as m } from './messages';
import { type Token, tokenize } from './tokenizer';

/** The deepest nesting accepted (brackets, calls, unary signs and powers each add a level). */
export const MAX_DEPTH = 100;
/** The most nodes a parsed expression may have. */
export const MAX_NODES = 2000;

export interface ParseOptions {
  /** Parameter names the expression may use besides x, pi and e. */
  params?: readonly string[];
}

const COMPARE_OPS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];

class Parser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;

  constructor(private readonly tokens: Token[], private readonly params: ReadonlySet<string>) {}

  parse(): Expr {
    if (this.peek().kind === 'end') throw new ExprError(m('emptyExpression'));
    const e = this.comparison();
    const t = this.peek();
    if (t.kind !== 'end') {
      const prev = this.tokens[this.pos - 1];
      if (t.kind === ')') throw new ExprError(m('unexpectedClose'), t.column, m('noMatchingOpen'));
      if (prev && (t.kind === 'ident' || t.kind === 'number' || t.kind === '(')) {
        throw new ExprError(m('missingOperator', { token: clip(t.text) }), t.column, m('writeProductHint', { left: clip(prev.text, 24), right: clip(t.text, 24) }));
      }
      if (t.kind === 'op' && COMPARE_OPS.includes(t.text)) {
        throw new ExprError(m('chainedComparison'), t.column, m('chainedComparisonHint'));
      }
      throw new ExprError(m('unexpectedToken', { token: clip(t.text) }), t.column);
    }
    return e;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private node<E extends Expr>(e: E, column: number): E {
    if (++this.nodes > MAX_NODES) throw new ExprError(m('tooManyNodes'), column, m('tooManyNodesHint', { max: MAX_NODES }));
    return e;
  }

  private enter(column: number): void {
    if (++this.depth > MAX_DEPTH) throw new ExprError(m('tooDeep'), column, m('tooDeepHint', { max: MAX_DEPTH }));
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARE_OPS.includes(t.text)) {
      this.next();
      const right = this.additive();
      return this.node({ type: 'compare', op: t.text as CompareOp, left, right }, t.column);
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      const right = this.multiplicative();
      left = this.node({ type: 'binary', op: t.text, left, right }, t.column);
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      const right = this.unary();
      left = this.node({ type: 'binary', op: t.text, left, right }, t.column);
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      this.enter(t.column);
      const arg = this.unary();
      this.depth--;
      return t.text === '-' ? this.node({ type: 'negate', arg }, t.column) : arg;
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '^') {
      this.next();
      this.enter(t.column);
      const exponent = this.unary();
      this.depth--;
      return this.node({ type: 'binary', op: '^', left: base, right: exponent }, t.column);
    }
    return base;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return this.node({ type: 'number', value: t.value! }, t.column);
      case '(': {
        this.enter(t.column);
        if (this.peek().kind === ')') throw new ExprError(m('emptyBrackets'), t.column);
        const inner = this.comparison();
        const close = this.next();
        if (close.kind !== ')') {
          if (close.kind === 'end') throw new ExprError(m('missingClose'), t.column);
          throw new ExprError(m('expectedClose', { token: clip(close.text) }), close.column, m('closeHint', { column: t.column }));
        }
        this.depth--;
        return inner;
      }
      case 'ident':
        return this.identifier(t);
      case 'end':
        throw new ExprError(m('unexpectedEnd'), t.column, m('expectedOperand'));
      case ')':
        throw new ExprError(m('unexpectedClose'), t.column, m('expectedOperand'));
      case ',':
        throw new ExprError(m('unexpectedComma'), t.column, m('commaHint'));
      case 'op':
        throw new ExprError(m('unexpectedOperator', { op: t.text }), t.column, m('expectedOperand'));
    }
  }

  private identifier(t: Token): Expr {
    const name = t.text;
    const isCall = this.peek().kind === '(';
    if (isCall) {
      if (!isFunctionName(name)) {
        if (name === 'x' || isConstantName(name) || this.params.has(name)) {
          throw new ExprError(m('notAFunction', { name: clip(name) }), t.column, m('notAFunctionHint', { name: clip(name) }));
        }
        throw new ExprError(m('unknownFunction', { name: clip(name) }), t.column, m('knownFunctions', { list: Object.keys(FUNCTIONS).join(', ') }));
      }
      return this.call(t, name);
    }
    if (isFunctionName(name)) throw new ExprError(m('needsBrackets', { name }), t.column, m('needsBracketsHint', { name }));
    if (name === 'x') return this.node({ type: 'variable' }, t.column);
    if (isConstantName(name)) return this.node({ type: 'constant', name }, t.column);
    if (this.params.has(name)) return this.node({ type: 'param', name }, t.column);
    const params = [...this.params];
    const known = params.length ? m('knownNamesWithParams', { params: params.join(', ') }) : m('knownNames');
    throw new ExprError(m('unknownName', { name: clip(name) }), t.column, known);
  }

  private call(t: Token, name: keyof typeof FUNCTIONS): Expr {
    const open = this.next();
    this.enter(open.column);
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.comparison());
        const sep = this.next();
        if (sep.kind === ')') break;
        if (sep.kind === ',') continue;
        if (sep.kind === 'end') throw new ExprError(m('missingCloseOfCall', { name }), open.column);
        throw new ExprError(m('expectedCommaOrClose', { name, token: clip(sep.text) }), sep.column);
      }
    } else {
      this.next();
    }
    this.depth--;
    const arity = FUNCTIONS[name].arity;
    if (args.length !== arity) {
      throw new ExprError(m(arity === 1 ? 'arityOne' : 'arityMany', { name, arity, count: args.length }), t.column);
    }
    return this.node({ type: 'call', fn: name, args }, t.column);
  }
}

/** Parses an expression over x, the constants pi and e, and the given parameter names. Throws ExprError. */
export function parseExpression(source: string, options: ParseOptions = {}): Expr {
  return new Parser(tokenize(source), new Set(options.params ?? [])).parse();
}
