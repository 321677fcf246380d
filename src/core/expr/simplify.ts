// Simplifying constructors: each builds one node and applies local rules (fold constants,
// drop 0 and 1, cancel double negation, merge numeric factors), so derivatives stay readable.
// Each rule looks at most one level down, so a constructor is O(1) when its arguments are
// canonical (inside withTable, where every node built is interned and equality is identity).
// `simplify` rebuilds a whole tree through them, each distinct node once.
import { type BinaryOp, type CompareOp, type Expr, type FunctionName, sameExpr } from './ast';
import { evaluateConstant } from './evaluate';
import { activeTable, withTable } from './intern';

/** The node, interned when a table is active. */
function make(e: Expr): Expr {
  return activeTable()?.intern(e) ?? e;
}

/** Structural equality: identity for canonical nodes, a walk otherwise. */
function same(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  const table = activeTable();
  if (table && table.has(a) && table.has(b)) return false;
  return sameExpr(a, b);
}

export const num = (value: number): Expr => make({ type: 'number', value });
const isNum = (e: Expr): e is Extract<Expr, { type: 'number' }> => e.type === 'number';
/** Whether e is the number v (not a type guard: a false answer says nothing about e's type). */
const isVal = (e: Expr, v: number): boolean => e.type === 'number' && e.value === v;

/** Whether a folded constant prints short enough to replace the operation (2/3 stays 2/3). */
function foldable(v: number): boolean {
  return Number.isFinite(v) && String(v).length <= 10;
}

export function neg(a: Expr): Expr {
  if (isNum(a)) return num(-a.value);
  if (a.type === 'negate') return a.arg;
  if (a.type === 'binary' && a.op === '*' && isNum(a.left)) return mul(num(-a.left.value), a.right);
  return make({ type: 'negate', arg: a });
}

export function add(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && foldable(a.value + b.value)) return num(a.value + b.value);
  if (isVal(a, 0)) return b;
  if (isVal(b, 0)) return a;
  if (b.type === 'negate') return sub(a, b.arg);
  if (isNum(b) && b.value < 0) return sub(a, num(-b.value));
  if (a.type === 'negate') return sub(b, a.arg);
  return make({ type: 'binary', op: '+', left: a, right: b });
}

export function sub(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && foldable(a.value - b.value)) return num(a.value - b.value);
  if (isVal(b, 0)) return a;
  if (isVal(a, 0)) return neg(b);
  if (same(a, b)) return num(0);
  if (b.type === 'negate') return add(a, b.arg);
  return make({ type: 'binary', op: '-', left: a, right: b });
}

export function mul(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && foldable(a.value * b.value)) return num(a.value * b.value);
  if (isVal(a, 0) || isVal(b, 0)) return num(0);
  if (isVal(a, 1)) return b;
  if (isVal(b, 1)) return a;
  if (isVal(a, -1)) return neg(b);
  if (isVal(b, -1)) return neg(a);
  if (a.type === 'negate') return neg(mul(a.arg, b));
  if (b.type === 'negate') return neg(mul(a, b.arg));
  if (isNum(b) && !isNum(a)) return mul(b, a); // numbers first: 3*x, not x*3
  // c1*(c2*e) → (c1·c2)*e
  if (isNum(a) && b.type === 'binary' && b.op === '*' && isNum(b.left) && foldable(a.value * b.left.value)) {
    return mul(num(a.value * b.left.value), b.right);
  }
  if (same(a, b)) return pow(a, num(2));
  return make({ type: 'binary', op: '*', left: a, right: b });
}

export function div(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && b.value !== 0 && foldable(a.value / b.value)) return num(a.value / b.value);
  if (isVal(a, 0) && !isVal(b, 0)) return num(0);
  if (isVal(b, 1)) return a;
  if (isVal(b, -1)) return neg(a);
  if (a.type === 'negate') return neg(div(a.arg, b));
  return make({ type: 'binary', op: '/', left: a, right: b });
}

export function pow(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && foldable(Math.pow(a.value, b.value))) return num(Math.pow(a.value, b.value));
  if (isVal(b, 1)) return a;
  if (isVal(b, 0)) return num(1);
  // (u^m)^n → u^(m·n) for integer m, n (no sign or branch issues).
  if (a.type === 'binary' && a.op === '^' && isNum(a.right) && isNum(b) && Number.isInteger(a.right.value) && Number.isInteger(b.value)) {
    return pow(a.left, num(a.right.value * b.value));
  }
  return make({ type: 'binary', op: '^', left: a, right: b });
}

export function binary(op: BinaryOp, a: Expr, b: Expr): Expr {
  switch (op) {
    case '+': return add(a, b);
    case '-': return sub(a, b);
    case '*': return mul(a, b);
    case '/': return div(a, b);
    case '^': return pow(a, b);
  }
}

export function compare(op: CompareOp, a: Expr, b: Expr): Expr {
  const e: Expr = { type: 'compare', op, left: a, right: b };
  return isNum(a) && isNum(b) ? num(evaluateConstant(e)) : make(e);
}

export function call(fn: FunctionName, args: Expr[]): Expr {
  if (fn === 'where') {
    const [c, a, b] = args as [Expr, Expr, Expr];
    if (isNum(c) && c.value === c.value) return c.value !== 0 ? a : b;
    if (same(a, b)) return a;
    return make({ type: 'call', fn, args });
  }
  const e: Expr = { type: 'call', fn, args };
  if (args.every((a) => isNum(a))) {
    const v = evaluateConstant(e);
    if (Number.isInteger(v) && foldable(v)) return num(v); // exp(0) → 1, sqrt(4) → 2; sqrt(2) stays
  }
  return make(e);
}

/** Rebuilds a tree (or DAG) bottom-up through the simplifying constructors, each distinct node once. */
export function simplify(root: Expr): Expr {
  return withTable(() => {
    const done = new Map<Expr, Expr>();
    const visit = (e: Expr): Expr => {
      const seen = done.get(e);
      if (seen) return seen;
      let out: Expr;
      switch (e.type) {
        case 'number': case 'variable': case 'constant': case 'param': out = make(e); break;
        case 'negate': out = neg(visit(e.arg)); break;
        case 'binary': out = binary(e.op, visit(e.left), visit(e.right)); break;
        case 'compare': out = compare(e.op, visit(e.left), visit(e.right)); break;
        case 'call': out = call(e.fn, e.args.map(visit)); break;
      }
      done.set(e, out);
      return out;
    };
    return visit(root);
  });
}
