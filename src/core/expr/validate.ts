// Grid validation of an expression and its symbolic derivative: f must be finite on the grid,
// and f' must agree with central differences away from kinks, jumps and poles (found from
// the switching sub-expressions: comparisons, abs, sign, min/max, and zeros of log/sqrt/divisors).
import type { Expr } from './ast';
import { Tape } from './evaluate';
import { withTable } from './intern';
import { type ExprMessage, exprMessage, renderExprMessage } from './messages';
import { sub } from './simplify';

export interface ValidationResult {
  /** Grid points where f' was compared with a central difference. */
  checked: number;
  /** Grid points skipped because a kink, jump or pole lies within the difference step. */
  skippedNearKinks: number;
  /** The worst mismatch seen, relative to max(1, |f'|). */
  maxRelativeError: number;
  /** Every problem found, in English words (empty when valid). */
  problems: string[];
  /** The same problems as messages, to render in the user's language. */
  issues: ExprMessage[];
}

/** The default grid: −10 to 10 in steps of 0.05 (401 points, 0 included). */
export const VALIDATION_GRID: readonly number[] = Array.from({ length: 401 }, (_, i) => Math.round((i - 200) * 5) / 100);

/** Sub-expressions whose sign change marks a kink, jump or pole of f or f', each distinct one once. */
export function switchingExprs(e: Expr, out: Expr[] = []): Expr[] {
  return withTable((table) => {
    const found = new Set<Expr>(out.map((x) => table.canonical(x)));
    const visited = new Set<Expr>();
    const push = (x: Expr): void => {
      const c = table.has(x) ? x : table.canonical(x);
      if (!found.has(c)) {
        found.add(c);
        out.push(c);
      }
    };
    const visit = (n: Expr): void => {
      if (visited.has(n)) return;
      visited.add(n);
      switch (n.type) {
        case 'negate': visit(n.arg); break;
        case 'compare': push(sub(n.left, n.right)); visit(n.left); visit(n.right); break;
        case 'binary':
          if (n.op === '/') push(n.right); // a pole where the divisor crosses 0
          if (n.op === '^') push(n.left); // u^p: f' may be infinite or undefined where u crosses 0
          visit(n.left);
          visit(n.right);
          break;
        case 'call': {
          const [u, v] = n.args as [Expr, Expr];
          if (n.fn === 'min' || n.fn === 'max') push(sub(u, v));
          else if (n.fn === 'abs' || n.fn === 'sign' || n.fn === 'log' || n.fn === 'sqrt' || n.fn === 'where') push(u);
          for (const a of n.args) visit(a);
          break;
        }
        default: break;
      }
    };
    visit(table.canonical(e));
    return out;
  });
}

const fmt = (v: number): string => (Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v));

/** Offsets of the five points evaluated around each grid point, in steps of h. */
const OFFSETS = [-2, -1, 0, 1, 2] as const;

/**
 * Checks f and f' on the grid with the given parameter values (in `paramNames` order).
 * h = 1e-5·max(1, |x|); D(h) and D(2h) are central differences. Tolerance:
 * |f' − D(h)| ≤ 1e-5·max(1, |f'|, |D|) + (rounding of D) + 2·|D(2h) − D(h)|, the last term
 * being Richardson's estimate of D(h)'s truncation error (≈ |D(2h) − D(h)|/3), which grows where
 * f' changes fast at large values (exp(exp(x))). A wrong f' is off from D(h) and D(2h) alike.
 * f, f' and every switching expression are one tape, run over all 5·|grid| points at once.
 */
export function validateOnGrid(
  ast: Expr,
  derivative: Expr,
  paramNames: readonly string[],
  paramValues: Float64Array,
  grid: readonly number[] = VALIDATION_GRID,
): ValidationResult {
  const switches = switchingExprs(ast);
  switchingExprs(derivative, switches);
  const tape = new Tape([ast, derivative, ...switches], paramNames);
  const n = grid.length;
  const xs = new Float64Array(n * OFFSETS.length); // (grid point, offset)
  grid.forEach((x, i) => {
    const h = 1e-5 * Math.max(1, Math.abs(x));
    OFFSETS.forEach((o, k) => { xs[i * OFFSETS.length + k] = o === 0 ? x : x + o * h; });
  });
  const values = [ast, derivative, ...switches].map(() => new Float64Array(xs.length)); // per root (grid point, offset)
  tape.evaluateMany(xs, paramValues, values);
  const [fv, dfv] = values as [Float64Array, Float64Array];
  const sv = values.slice(2);
  const at = (i: number, o: number): number => i * OFFSETS.length + o + 2;
  const issues: ExprMessage[] = [];
  let checked = 0;
  let skipped = 0;
  let worst = 0;
  for (let i = 0; i < n && issues.length < 3; i++) {
    const x = grid[i];
    const y = fv[at(i, 0)];
    if (!Number.isFinite(y)) {
      issues.push(exprMessage('notFinite', { x: fmt(x), value: String(y) }));
      continue;
    }
    const h = 1e-5 * Math.max(1, Math.abs(x));
    const nearKink = sv.some((s) => {
      const a = s[at(i, -2)];
      const b = s[at(i, 2)];
      const m = s[at(i, 0)];
      return !(a * b > 0) || !(a * m > 0);
    });
    if (nearKink) {
      skipped++;
      continue;
    }
    const yp = fv[at(i, 1)];
    const ym = fv[at(i, -1)];
    const y2p = fv[at(i, 2)];
    const y2m = fv[at(i, -2)];
    const slope = dfv[at(i, 0)];
    const central = (yp - ym) / (2 * h);
    const wide = (y2p - y2m) / (4 * h);
    if (!Number.isFinite(slope)) {
      issues.push(exprMessage('derivativeNotFinite', { x: fmt(x), value: String(slope) }));
      continue;
    }
    checked++;
    const scale = Math.max(1, Math.abs(slope), Math.abs(central));
    const rounding = (4e-16 * Math.max(Math.abs(yp), Math.abs(ym), Math.abs(y2p), Math.abs(y2m))) / h;
    const truncation = Number.isFinite(wide) ? 2 * Math.abs(wide - central) : 0;
    const err = Math.abs(slope - central);
    worst = Math.max(worst, err / scale);
    if (err > 1e-5 * scale + rounding + truncation) {
      issues.push(exprMessage('derivativeMismatch', { x: fmt(x), slope: fmt(slope), central: fmt(central) }));
    }
  }
  return { checked, skippedNearKinks: skipped, maxRelativeError: worst, problems: issues.map((m) => renderExprMessage(m, 'en')), issues };
}
