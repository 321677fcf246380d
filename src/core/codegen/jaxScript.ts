// A run as a JAX script, with jax and numpy only: the parameters as a dict named as the lab names
// them (dense_1/kernel ...), the forward pass layer by layer, Keras's uniform initializers and
// Keras's Adam written out (no optax or flax needed).
import { layerFunctions } from './layerFunctions';
import { IMPORT, Imports, pythonFloat } from './python';
import type { RunPlan } from './runPlan';
import { LOAD_DATA, PARSE_ARGS, scriptDocstring, settingsBlock } from './scriptParts';

const INIT_LIMIT = {
  glorot_uniform: 'math.sqrt(6.0 / (fan_in + fan_out))',
  he_uniform: 'math.sqrt(6.0 / fan_in)',
  lecun_uniform: 'math.sqrt(3.0 / fan_in)',
} as const;

export function jaxScript(plan: RunPlan): string {
  const imports = new Imports();
  for (const i of ['argparse', 'gzip', 'math', 'os', 're', 'sys', 'time'] as const) imports.add(`import ${i}`);
  imports.add(IMPORT.np).add(IMPORT.jax).add(IMPORT.jnp);
  const fns = layerFunctions(plan, 'jax', imports);
  const n = plan.layers.length;
  const learned = plan.layers.flatMap((l, i) => l.learnable.map((p) => `    params['activation_${i + 1}/${p}'] = jnp.float32(${pythonFloat(l.params[p])})`));
  const forward = plan.layers.map((l, i) => {
    const extra = l.learnable.map((p) => `, ${p}=params['activation_${i + 1}/${p}']`).join('');
    return `    h = ${fns.names[i]}(h @ params['dense_${i + 1}/kernel'] + params['dense_${i + 1}/bias']${extra})`;
  });

  return `${scriptDocstring(plan, 'jax', ['Adam is written out in Keras\'s form (epsilon added to sqrt(v)), as the lab computes it.'])}
${imports.toString()}

${settingsBlock(plan)}


${fns.source ? `${fns.source}


` : ''}def init_limit(fan_in, fan_out):
    """The bound of Keras's ${plan.config.init} initializer."""
    return ${INIT_LIMIT[plan.config.init]}


def init_params(key):
    """Weights uniform in (-limit, limit), biases zero; the kernels are (inputs, units) as in Keras."""
    sizes = [INPUTS, *HIDDEN, CLASSES]
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        key, sub = jax.random.split(key)
        limit = init_limit(fan_in, fan_out)
        params[f'dense_{i}/kernel'] = jax.random.uniform(sub, (fan_in, fan_out), jnp.float32, -limit, limit)
        params[f'dense_{i}/bias'] = jnp.zeros((fan_out,), jnp.float32)
${learned.length ? `${learned.join('\n')}\n` : ''}    return params


def forward(params, x):
    """Logits (B, CLASSES) for images x (B, INPUTS); the softmax is in the loss."""
    h = x
${forward.join('\n')}
    return h @ params['dense_${n + 1}/kernel'] + params['dense_${n + 1}/bias']


def loss_fn(params, x, y):
    """Mean categorical cross-entropy of softmax(logits) against integer labels."""
    logits = forward(params, x)
    log_p = jax.nn.log_softmax(logits)
    return -jnp.mean(jnp.take_along_axis(log_p, y[:, None], axis=1)), logits


@jax.jit
def train_step(params, m, v, step, x, y):
    """One Adam step in Keras's form: alpha_t = lr sqrt(1 - beta_2^t) / (1 - beta_1^t), p -= alpha_t m / (sqrt(v) + epsilon)."""
    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, x, y)
    alpha = LEARNING_RATE * jnp.sqrt(1.0 - BETA_2 ** step) / (1.0 - BETA_1 ** step)
    m = jax.tree_util.tree_map(lambda m, g: m + (g - m) * (1.0 - BETA_1), m, grads)
    v = jax.tree_util.tree_map(lambda v, g: v + (g * g - v) * (1.0 - BETA_2), v, grads)
    params = jax.tree_util.tree_map(lambda p, m, v: p - alpha * m / (jnp.sqrt(v) + EPSILON), params, m, v)
    return params, m, v, loss, jnp.sum(jnp.argmax(logits, axis=1) == y)


@jax.jit
def eval_batch(params, x, y):
    loss, logits = loss_fn(params, x, y)
    return loss * len(x), jnp.sum(jnp.argmax(logits, axis=1) == y)


def evaluate(params, x, y):
    """Mean cross-entropy and accuracy, EVAL_BATCH_SIZE rows at a time."""
    loss_sum, correct = 0.0, 0
    for s in range(0, len(x), EVAL_BATCH_SIZE):
        batch_loss, batch_correct = eval_batch(params, x[s:s + EVAL_BATCH_SIZE], y[s:s + EVAL_BATCH_SIZE])
        loss_sum += float(batch_loss)
        correct += int(batch_correct)
    return loss_sum / len(x), correct / len(x)


${LOAD_DATA}

${PARSE_ARGS}

def main():
    args = parse_args()
    x, y, x_test, y_test = load_data(args.data, args.limit_train, args.limit_test)
    x_train, y_train, x_val, y_val = validation_split(x, y, VALIDATION_SPLIT)
    params = init_params(jax.random.PRNGKey(args.seed))
    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    v = jax.tree_util.tree_map(jnp.zeros_like, params)
    rng = np.random.default_rng(args.seed)
    n = len(x_train)
    step = 0
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n) if SHUFFLE else np.arange(n)
        loss_sum, correct = 0.0, 0
        for s in range(0, n, BATCH_SIZE):
            batch = order[s:s + BATCH_SIZE]
            step += 1
            params, m, v, loss, batch_correct = train_step(params, m, v, jnp.float32(step), x_train[batch], y_train[batch])
            loss_sum += float(loss) * len(batch)
            correct += int(batch_correct)
        line = f'epoch {epoch}/{args.epochs} loss {loss_sum / n:.4f} accuracy {correct / n:.4f}'
        if len(x_val):
            val_loss, val_accuracy = evaluate(params, x_val, y_val)
            line += f' val_loss {val_loss:.4f} val_accuracy {val_accuracy:.4f}'
        print(f'{line} ({time.perf_counter() - start:.1f} s)', file=sys.stderr)
    test_loss, test_accuracy = evaluate(params, x_test, y_test)
    print(f'test_loss={test_loss:.4f}', file=sys.stderr)
    print(f'test_accuracy={test_accuracy:.4f}')


if __name__ == '__main__':
    main()
`;
}
