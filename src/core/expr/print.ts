// Prints an AST back as text the parser reads again (fewest brackets that keep the tree), and
// as LaTeX for the lab's formula display.
import type { Expr } from './ast';

// Binding strength: higher binds tighter. A negative number literal prints like a unary minus.
const PREC = { compare: 1, additive: 2, multiplicative: 3, unary: 4, power: 5, atom: 6 } as const;

function precedence(e: Expr): number {
  switch (e.type) {
    case 'compare': return PREC.compare;
    case 'binary': return e.op === '+' || e.op === '-' ? PREC.additive : e.op === '^' ? PREC.power : PREC.multiplicative;
    case 'negate': return PREC.unary;
    case 'number': return e.value < 0 || Object.is(e.value, -0) ? PREC.unary : PREC.atom;
    default: return PREC.atom;
  }
}

function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The expression as text, e.g. `0.5*x*(1 + erf(x/sqrt(2)))`. */
export function toText(e: Expr): string {
  const wrap = (child: Expr, needsBrackets: boolean): string => (needsBrackets ? `(${toText(child)})` : toText(child));
  switch (e.type) {
    case 'number': return formatNumber(e.value);
    case 'variable': return 'x';
    case 'constant': case 'param': return e.name;
    case 'negate': return `-${wrap(e.arg, precedence(e.arg) < PREC.power)}`;
    case 'compare': return `${wrap(e.left, precedence(e.left) <= PREC.compare)} ${e.op} ${wrap(e.right, precedence(e.right) <= PREC.compare)}`;
    case 'call': return `${e.fn}(${e.args.map(toText).join(', ')})`;
    case 'binary': {
      const p = precedence(e);
      if (e.op === '^') {
        return `${wrap(e.left, precedence(e.left) <= PREC.power)}^${wrap(e.right, precedence(e.right) < PREC.unary)}`;
      }
      const left = wrap(e.left, precedence(e.left) < p);
      const right = wrap(e.right, precedence(e.right) <= p);
      return p === PREC.additive ? `${left} ${e.op} ${right}` : `${left}${e.op}${right}`;
    }
  }
}

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'theta', 'kappa', 'lambda', 'mu', 'nu', 'rho', 'sigma', 'tau', 'phi', 'omega']);
const LATEX_CMP: Record<string, string> = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge', '==': '=', '!=': '\\ne' };
const LATEX_FN: Record<string, string> = {
  exp: '\\exp', log: '\\log', tanh: '\\tanh', sin: '\\sin', cos: '\\cos', min: '\\min', max: '\\max',
  sigmoid: '\\sigma', erf: '\\operatorname{erf}', softplus: '\\operatorname{softplus}', sign: '\\operatorname{sign}',
};

function latexName(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  if (name === 'lambd') return '\\lambda';
  return name.length === 1 ? name : `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

/** The expression as LaTeX, e.g. `0.5 \cdot x \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)`. */
export function toLatex(e: Expr): string {
  const wrap = (child: Expr, needsBrackets: boolean): string =>
    needsBrackets ? `\\left(${toLatex(child)}\\right)` : toLatex(child);
  switch (e.type) {
    case 'number': return formatNumber(e.value);
    case 'variable': return 'x';
    case 'constant': return e.name === 'pi' ? '\\pi' : 'e';
    case 'param': return latexName(e.name);
    case 'negate': return `-${wrap(e.arg, precedence(e.arg) < PREC.power)}`;
    case 'compare': return `${toLatex(e.left)} ${LATEX_CMP[e.op]} ${toLatex(e.right)}`;
    case 'call': {
      const [u, a, b] = e.args as [Expr, Expr, Expr];
      if (e.fn === 'sqrt') return `\\sqrt{${toLatex(u)}}`;
      if (e.fn === 'abs') return `\\left|${toLatex(u)}\\right|`;
      if (e.fn === 'where') {
        return `\\begin{cases} ${toLatex(a)} & \\text{if } ${toLatex(u)} \\\\ ${toLatex(b)} & \\text{otherwise} \\end{cases}`;
      }
      return `${LATEX_FN[e.fn]}\\left(${e.args.map(toLatex).join(', ')}\\right)`;
    }
    case 'binary': {
      const p = precedence(e);
      switch (e.op) {
        case '/': return `\\frac{${toLatex(e.left)}}{${toLatex(e.right)}}`;
        case '^': return `${wrap(e.left, precedence(e.left) <= PREC.power)}^{${toLatex(e.right)}}`;
        case '*': return `${wrap(e.left, precedence(e.left) < p)} \\cdot ${wrap(e.right, precedence(e.right) <= p)}`;
        default: return `${wrap(e.left, precedence(e.left) < p)} ${e.op} ${wrap(e.right, precedence(e.right) <= p)}`;
      }
    }
  }
}
