// Grid validation of an expression and its symbolic derivative: f must be finite on the grid,
// and f' must agree with central differences away from kinks, jumps and poles (found from
// the switching sub-expressions: comparisons, abs, sign, min/max, and zeros of log/sqrt/divisors).
import type { Expr } from './ast';
import { compileExpr, type CompiledExpr } from './evaluate';
import { sub } from './simplify';

export interface ValidationResult {
  /** Grid points where f' was compared with a central difference. */
  checked: number;
  /** Grid points skipped because a kink, jump or pole lies within the difference step. */
  skippedNearKinks: number;
  /** The worst mismatch seen, relative to max(1, |f'|). */
  maxRelativeError: number;
  /** Every problem found, in words (empty when valid). */
  problems: string[];
}

/** The default grid: −10 to 10 in steps of 0.05 (401 points, 0 included). */
export const VALIDATION_GRID: readonly number[] = Array.from({ length: 401 }, (_, i) => Math.round((i - 200) * 5) / 100);

/** Sub-expressions whose sign change marks a kink, jump or pole of f or f'. */
export function switchingExprs(e: Expr, out: Expr[] = []): Expr[] {
  switch (e.type) {
    case 'negate': switchingExprs(e.arg, out); break;
    case 'compare': out.push(sub(e.left, e.right)); switchingExprs(e.left, out); switchingExprs(e.right, out); break;
    case 'binary':
      if (e.op === '/') out.push(e.right); // a pole where the divisor crosses 0
      if (e.op === '^') out.push(e.left); // u^p: f' may be infinite or undefined where u crosses 0
      switchingExprs(e.left, out);
      switchingExprs(e.right, out);
      break;
    case 'call': {
      const [u, v] = e.args as [Expr, Expr];
      if (e.fn === 'min' || e.fn === 'max') out.push(sub(u, v));
      else if (e.fn === 'abs' || e.fn === 'sign' || e.fn === 'log' || e.fn === 'sqrt' || e.fn === 'where') out.push(u);
      for (const a of e.args) switchingExprs(a, out);
      break;
    }
    default: break;
  }
  return out;
}

const fmt = (v: number): string => (Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v));

/**
 * Checks f and f' on the grid with the given parameter values (in `paramNames` order).
 * Tolerance: |f' − Δ| ≤ 1e-5·max(1, |f'|, |Δ|) + (rounding of Δ), h = 1e-5·max(1, |x|).
 */
export function validateOnGrid(
  ast: Expr,
  derivative: Expr,
  paramNames: readonly string[],
  paramValues: Float64Array,
  grid: readonly number[] = VALIDATION_GRID,
): ValidationResult {
  const f = compileExpr(ast, paramNames);
  const df = compileExpr(derivative, paramNames);
  const switches: CompiledExpr[] = [...switchingExprs(ast), ...switchingExprs(derivative)].map((s) => compileExpr(s, paramNames));
  const problems: string[] = [];
  let checked = 0;
  let skipped = 0;
  let worst = 0;
  for (const x of grid) {
    const y = f(x, paramValues);
    if (!Number.isFinite(y)) {
      problems.push(`f(${fmt(x)}) is not finite (${y})`);
      if (problems.length >= 3) break;
      continue;
    }
    const h = 1e-5 * Math.max(1, Math.abs(x));
    const nearKink = switches.some((s) => {
      const a = s(x - 2 * h, paramValues);
      const b = s(x + 2 * h, paramValues);
      const m = s(x, paramValues);
      return !(a * b > 0) || !(a * m > 0);
    });
    if (nearKink) {
      skipped++;
      continue;
    }
    const yp = f(x + h, paramValues);
    const ym = f(x - h, paramValues);
    const slope = df(x, paramValues);
    const central = (yp - ym) / (2 * h);
    if (!Number.isFinite(slope)) {
      problems.push(`f'(${fmt(x)}) is not finite (${slope})`);
      if (problems.length >= 3) break;
      continue;
    }
    checked++;
    const scale = Math.max(1, Math.abs(slope), Math.abs(central));
    const rounding = (4e-16 * Math.max(Math.abs(yp), Math.abs(ym))) / h;
    const err = Math.abs(slope - central);
    worst = Math.max(worst, err / scale);
    if (err > 1e-5 * scale + rounding) {
      problems.push(`f'(${fmt(x)}) = ${fmt(slope)} but the central difference gives ${fmt(central)}`);
      if (problems.length >= 3) break;
    }
  }
  return { checked, skippedNearKinks: skipped, maxRelativeError: worst, problems };
}
