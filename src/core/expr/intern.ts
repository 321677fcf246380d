// Hash-consing: structurally equal nodes become one object. Equality is then identity (O(1)),
// and a subtree used in many places (the `tanh(u)` that f and f' share) is one node, so every
// pass that memoises by node does each distinct subtree once: linear in the DAG, never in the
// expanded tree, which nesting can make quadratic or worse.
import type { Expr } from './ast';

/** Number keys that tell -0 from 0 (they print differently) and give NaN one key. */
function numberKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

export class ExprTable {
  private readonly byKey = new Map<string, Expr>();
  private readonly ids = new Map<Expr, number>();

  /** Whether `e` is this table's canonical node. */
  has(e: Expr): boolean {
    return this.ids.has(e);
  }

  /** How many distinct nodes the table holds. */
  get size(): number {
    return this.ids.size;
  }

  /** The id of a canonical node. */
  private id(e: Expr): number {
    const id = this.ids.get(e);
    if (id === undefined) throw new Error('internal error: a child of an interned node is not interned');
    return id;
  }

  /** The canonical node equal to `e`, whose children must be canonical already. */
  intern(e: Expr): Expr {
    if (this.ids.has(e)) return e;
    let key: string;
    switch (e.type) {
      case 'number': key = `n${numberKey(e.value)}`; break;
      case 'variable': key = 'x'; break;
      case 'constant': key = `c${e.name}`; break;
      case 'param': key = `p${e.name}`; break;
      case 'negate': key = `-${this.id(e.arg)}`; break;
      case 'binary': case 'compare': key = `${e.op}${this.id(e.left)},${this.id(e.right)}`; break;
      case 'call': key = `${e.fn}(${e.args.map((a) => this.id(a)).join(',')})`; break;
    }
    const found = this.byKey.get(key);
    if (found) return found;
    this.byKey.set(key, e);
    this.ids.set(e, this.ids.size);
    return e;
  }

  /** A whole tree or DAG made canonical, bottom-up, each distinct input object visited once. */
  canonical(root: Expr): Expr {
    const done = new Map<Expr, Expr>();
    const visit = (e: Expr): Expr => {
      if (this.ids.has(e)) return e; // canonical already, and so is everything below it
      const seen = done.get(e);
      if (seen) return seen;
      let out: Expr;
      switch (e.type) {
        case 'negate': out = { type: 'negate', arg: visit(e.arg) }; break;
        case 'binary': out = { type: 'binary', op: e.op, left: visit(e.left), right: visit(e.right) }; break;
        case 'compare': out = { type: 'compare', op: e.op, left: visit(e.left), right: visit(e.right) }; break;
        case 'call': out = { type: 'call', fn: e.fn, args: e.args.map(visit) }; break;
        default: out = e;
      }
      const canonical = this.intern(out === e || !this.sameShallow(out, e) ? out : e);
      done.set(e, canonical);
      return canonical;
    };
    return visit(root);
  }

  /** Whether a rebuilt node has the very children of the original (then the original object can be kept). */
  private sameShallow(rebuilt: Expr, original: Expr): boolean {
    switch (rebuilt.type) {
      case 'negate': return rebuilt.arg === (original as typeof rebuilt).arg;
      case 'binary': case 'compare': {
        const o = original as typeof rebuilt;
        return rebuilt.left === o.left && rebuilt.right === o.right;
      }
      case 'call': return rebuilt.args.every((a, i) => a === (original as typeof rebuilt).args[i]);
      default: return true;
    }
  }
}

let active: ExprTable | undefined;

/** The table the simplifying constructors intern into, while `withTable` runs. */
export function activeTable(): ExprTable | undefined {
  return active;
}

/** Runs `fn` with a table active (the current one when nested), so every node built is canonical. */
export function withTable<T>(fn: (table: ExprTable) => T): T {
  if (active) return fn(active);
  active = new ExprTable();
  try {
    return fn(active);
  } finally {
    active = undefined;
  }
}
