// A custom expression (the AST of src/core/expr) as Python for PyTorch, Keras (TensorFlow ops) or
// JAX, translated node by node. Subtrees that do not depend on x are plain Python numbers and use
// `math`; the rest are tensors and use the framework's elementwise ops. Comparisons stay boolean
// where a `where` needs a condition and are cast to x's dtype where they are used as numbers
// (the language's comparisons are 1 or 0).
import { type Expr, type FunctionName, dependsOnX } from '../expr/ast';
import type { CodeFramework } from './frameworks';
import { IMPORT, type ImportName, type Imports, pythonFloat } from './python';

// Python's binding strengths, loosest first.
const COND = 0;
const CMP = 1;
const ADD = 2;
const MUL = 3;
const UNARY = 4;
const POW = 5;
const ATOM = 6;

interface Emitted {
  text: string;
  prec: number;
  /** A tensor shaped like x (else a Python number or bool). */
  tensor: boolean;
  /** A comparison's result: a bool tensor or a Python bool. */
  bool: boolean;
}

export interface ExpressionContext {
  framework: CodeFramework;
  imports: Imports;
  /** The Python name of each parameter (the lab's name unless Python needs another). */
  paramName(name: string): string;
}

type Unary = Exclude<FunctionName, 'min' | 'max' | 'where'>;

/** Each framework's elementwise op per function, and the imports it needs. */
const TENSOR_FUNCTIONS: Record<CodeFramework, Record<Unary, [string, ImportName[]]>> = {
  pytorch: {
    exp: ['torch.exp', ['torch']], log: ['torch.log', ['torch']], sqrt: ['torch.sqrt', ['torch']], abs: ['torch.abs', ['torch']],
    tanh: ['torch.tanh', ['torch']], sigmoid: ['torch.sigmoid', ['torch']], erf: ['torch.erf', ['torch']],
    sin: ['torch.sin', ['torch']], cos: ['torch.cos', ['torch']], softplus: ['F.softplus', ['F']], sign: ['torch.sign', ['torch']],
  },
  keras: {
    exp: ['tf.exp', ['tf']], log: ['tf.math.log', ['tf']], sqrt: ['tf.sqrt', ['tf']], abs: ['tf.abs', ['tf']],
    tanh: ['tf.tanh', ['tf']], sigmoid: ['tf.sigmoid', ['tf']], erf: ['tf.math.erf', ['tf']],
    sin: ['tf.sin', ['tf']], cos: ['tf.cos', ['tf']], softplus: ['tf.nn.softplus', ['tf']], sign: ['tf.sign', ['tf']],
  },
  jax: {
    exp: ['jnp.exp', ['jnp']], log: ['jnp.log', ['jnp']], sqrt: ['jnp.sqrt', ['jnp']], abs: ['jnp.abs', ['jnp']],
    tanh: ['jnp.tanh', ['jnp']], sigmoid: ['jax.nn.sigmoid', ['jax']], erf: ['jax.scipy.special.erf', ['jsp']],
    sin: ['jnp.sin', ['jnp']], cos: ['jnp.cos', ['jnp']], softplus: ['jax.nn.softplus', ['jax']], sign: ['jnp.sign', ['jnp']],
  },
};

const atom = (text: string, tensor: boolean, bool = false): Emitted => ({ text, prec: ATOM, tensor, bool });
const wrap = (e: Emitted, min: number): string => (e.prec < min ? `(${e.text})` : e.text);

/** The expression as Python source over `x`; `x` is a tensor of the framework. */
export function pythonExpression(e: Expr, ctx: ExpressionContext): string {
  const out = emit(e, ctx);
  if (out.tensor) return numeric(out, ctx).text;
  // f does not depend on x: a tensor shaped like x, filled with the value.
  return fill(numeric(out, ctx), ctx).text;
}

function use(ctx: ExpressionContext, ...names: ImportName[]): void {
  for (const n of names) ctx.imports.add(IMPORT[n]);
}

/** A comparison's result as a number (1 or 0) in x's dtype; anything else as it is. */
function numeric(e: Emitted, ctx: ExpressionContext): Emitted {
  if (!e.bool) return e;
  if (!e.tensor) return atom(`float(${e.text})`, false);
  switch (ctx.framework) {
    case 'pytorch': return atom(`(${e.text}).to(x.dtype)`, true);
    case 'keras': use(ctx, 'tf'); return atom(`tf.cast(${e.text}, x.dtype)`, true);
    case 'jax': return atom(`(${e.text}).astype(x.dtype)`, true);
  }
}

/** A Python number as a tensor shaped like x. */
function fill(e: Emitted, ctx: ExpressionContext): Emitted {
  switch (ctx.framework) {
    case 'pytorch': use(ctx, 'torch'); return atom(`torch.full_like(x, ${e.text})`, true);
    case 'keras': use(ctx, 'tf'); return atom(`tf.fill(tf.shape(x), tf.cast(${e.text}, x.dtype))`, true);
    case 'jax': use(ctx, 'jnp'); return atom(`jnp.full_like(x, ${e.text})`, true);
  }
}

/** A condition as a bool: a comparison as it is, anything else tested against 0 (as the language does). */
function condition(e: Emitted, ctx: ExpressionContext): Emitted {
  if (e.bool) return e;
  if (e.tensor && ctx.framework === 'keras') return atom(`tf.not_equal(${e.text}, 0.0)`, true, true);
  return { text: `${wrap(e, ADD)} != 0`, prec: CMP, tensor: e.tensor, bool: true };
}

function emit(e: Expr, ctx: ExpressionContext): Emitted {
  if (!dependsOnX(e)) return emitScalar(e, ctx);
  switch (e.type) {
    case 'variable': return atom('x', true);
    case 'negate': return { text: `-${wrap(numeric(emit(e.arg, ctx), ctx), POW)}`, prec: UNARY, tensor: true, bool: false };
    case 'binary': return binary(e.op, numeric(emit(e.left, ctx), ctx), numeric(emit(e.right, ctx), ctx));
    case 'compare': {
      const l = numeric(emit(e.left, ctx), ctx);
      const r = numeric(emit(e.right, ctx), ctx);
      if (ctx.framework === 'keras' && (e.op === '==' || e.op === '!=')) {
        // Keep the tensor first so TensorFlow converts the number to its dtype.
        const [a, b] = l.tensor ? [l, r] : [r, l];
        return atom(`tf.${e.op === '==' ? 'equal' : 'not_equal'}(${a.text}, ${b.text})`, true, true);
      }
      return { text: `${wrap(l, ADD)} ${e.op} ${wrap(r, ADD)}`, prec: CMP, tensor: true, bool: true };
    }
    case 'call': return call(e.fn, e.args, ctx);
    default: throw new Error(`unexpected ${e.type} node depending on x`);
  }
}

function binary(op: string, l: Emitted, r: Emitted): Emitted {
  const tensor = l.tensor || r.tensor;
  switch (op) {
    case '+': case '-': return { text: `${wrap(l, ADD)} ${op} ${wrap(r, MUL)}`, prec: ADD, tensor, bool: false };
    case '*': case '/': return { text: `${wrap(l, MUL)} ${op} ${wrap(r, UNARY)}`, prec: MUL, tensor, bool: false };
    case '^': return { text: `${wrap(l, ATOM)} ** ${wrap(r, UNARY)}`, prec: POW, tensor, bool: false };
    default: throw new Error(`unknown operator ${op}`);
  }
}

function call(fn: FunctionName, args: readonly Expr[], ctx: ExpressionContext): Emitted {
  if (fn === 'where') {
    const [c, a, b] = args as [Expr, Expr, Expr];
    const cond = condition(emit(c, ctx), ctx);
    const branches = [numeric(emit(a, ctx), ctx), numeric(emit(b, ctx), ctx)];
    if (!cond.tensor) {
      // The condition is a number: Python chooses the branch (each a tensor, whichever it is).
      const [ta, tb] = branches.map((br) => (br.tensor ? br : fill(br, ctx))) as [Emitted, Emitted];
      return { text: `${wrap(ta, CMP)} if ${wrap(cond, CMP)} else ${wrap(tb, COND)}`, prec: COND, tensor: true, bool: false };
    }
    const [ta, tb] = branches.map((br) => (br.tensor || ctx.framework === 'jax' ? br : fill(br, ctx))) as [Emitted, Emitted];
    const name = { pytorch: 'torch.where', keras: 'tf.where', jax: 'jnp.where' }[ctx.framework];
    use(ctx, ctx.framework === 'pytorch' ? 'torch' : ctx.framework === 'keras' ? 'tf' : 'jnp');
    return atom(`${name}(${cond.text}, ${ta.text}, ${tb.text})`, true);
  }
  if (fn === 'min' || fn === 'max') {
    const [a, b] = args.map((arg) => numeric(emit(arg, ctx), ctx)) as [Emitted, Emitted];
    switch (ctx.framework) {
      case 'pytorch': {
        use(ctx, 'torch');
        if (a.tensor && b.tensor) return atom(`torch.${fn === 'min' ? 'minimum' : 'maximum'}(${a.text}, ${b.text})`, true);
        // torch.minimum wants two tensors; clamp takes a number bound.
        const [t, s] = a.tensor ? [a, b] : [b, a];
        return atom(`torch.clamp(${t.text}, ${fn === 'min' ? 'max' : 'min'}=${s.text})`, true);
      }
      case 'keras': {
        use(ctx, 'tf');
        const [t, s] = a.tensor ? [a, b] : [b, a];
        return atom(`tf.${fn === 'min' ? 'minimum' : 'maximum'}(${t.text}, ${s.text})`, true);
      }
      case 'jax':
        use(ctx, 'jnp');
        return atom(`jnp.${fn === 'min' ? 'minimum' : 'maximum'}(${a.text}, ${b.text})`, true);
    }
  }
  const [name, imports] = TENSOR_FUNCTIONS[ctx.framework][fn];
  use(ctx, ...imports);
  return atom(`${name}(${numeric(emit(args[0], ctx), ctx).text})`, true);
}

/** A subtree without x: plain Python over numbers and parameters, with `math`. */
function emitScalar(e: Expr, ctx: ExpressionContext): Emitted {
  switch (e.type) {
    case 'number': {
      const text = pythonFloat(e.value);
      return { text, prec: e.value < 0 || Object.is(e.value, -0) ? UNARY : ATOM, tensor: false, bool: false };
    }
    case 'constant': use(ctx, 'math'); return atom(e.name === 'pi' ? 'math.pi' : 'math.e', false);
    case 'param': return atom(ctx.paramName(e.name), false);
    case 'variable': throw new Error('x in a subtree without x');
    case 'negate': return { text: `-${wrap(numeric(emitScalar(e.arg, ctx), ctx), POW)}`, prec: UNARY, tensor: false, bool: false };
    case 'binary': return binary(e.op, numeric(emitScalar(e.left, ctx), ctx), numeric(emitScalar(e.right, ctx), ctx));
    case 'compare': {
      const l = numeric(emitScalar(e.left, ctx), ctx);
      const r = numeric(emitScalar(e.right, ctx), ctx);
      return { text: `${wrap(l, ADD)} ${e.op} ${wrap(r, ADD)}`, prec: CMP, tensor: false, bool: true };
    }
    case 'call': {
      const args = e.args.map((a) => emitScalar(a, ctx));
      if (e.fn === 'where') {
        const [c, a, b] = args as [Emitted, Emitted, Emitted];
        const [na, nb] = [numeric(a, ctx), numeric(b, ctx)];
        return { text: `${wrap(na, CMP)} if ${wrap(condition(c, ctx), CMP)} else ${wrap(nb, COND)}`, prec: COND, tensor: false, bool: false };
      }
      const [u, v] = args.map((a) => numeric(a, ctx)) as [Emitted, Emitted];
      if (e.fn === 'min' || e.fn === 'max') return atom(`${e.fn}(${u.text}, ${v.text})`, false);
      use(ctx, 'math');
      switch (e.fn) {
        case 'abs': return atom(`abs(${u.text})`, false);
        // σ(u) = (1 + tanh(u/2)) / 2: no overflow for any u.
        case 'sigmoid': return atom(`(0.5 + 0.5 * math.tanh(0.5 * ${wrap(u, UNARY)}))`, false);
        // softplus(u) = max(u, 0) + log1p(e^-|u|), as the lab computes it.
        case 'softplus': return atom(`(max(${u.text}, 0.0) + math.log1p(math.exp(-abs(${u.text}))))`, false);
        case 'sign': return atom(`(math.copysign(1.0, ${u.text}) if ${wrap(u, ADD)} != 0 else 0.0)`, false);
        default: return atom(`math.${e.fn}(${u.text})`, false);
      }
    }
  }
}
