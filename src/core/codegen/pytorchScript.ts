// A run as a PyTorch script: the lab's training loop in PyTorch's idiom, with Keras's settings
// written out where PyTorch's defaults differ (Adam's epsilon, Glorot-uniform init, the split).
import { layerFunctions } from './layerFunctions';
import { IMPORT, Imports, pythonFloat } from './python';
import type { RunPlan } from './runPlan';
import { LOAD_DATA, PARSE_ARGS, scriptDocstring, settingsBlock } from './scriptParts';

const INIT = {
  glorot_uniform: 'nn.init.xavier_uniform_(layer.weight)',
  // Keras's he_uniform: U(-sqrt(6/fan_in), sqrt(6/fan_in)).
  he_uniform: "nn.init.kaiming_uniform_(layer.weight, nonlinearity='relu')",
  // Keras's lecun_uniform: U(-sqrt(3/fan_in), sqrt(3/fan_in)).
  lecun_uniform: "nn.init.kaiming_uniform_(layer.weight, nonlinearity='linear')",
} as const;

export function pytorchScript(plan: RunPlan): string {
  const imports = new Imports();
  for (const i of ['argparse', 'gzip', 'math', 'os', 're', 'sys', 'time'] as const) imports.add(`import ${i}`);
  imports.add(IMPORT.np).add(IMPORT.torch).add(IMPORT.nn).add(IMPORT.F);
  const isPrelu = (l: RunPlan['layers'][number]): boolean => l.record.id === 'prelu' && l.learnable.includes('alpha');
  const unsupported = plan.layers.find((l) => l.learnable.length > 0 && !isPrelu(l));
  if (unsupported) throw new Error(`learned parameters of ${unsupported.label} have no PyTorch form here`);
  const fns = layerFunctions(plan, 'pytorch', imports, isPrelu);

  const widths = [plan.inputs, ...plan.layers.map((l) => l.units)];
  const modules = plan.layers.map((l, i) => {
    const inputs = i === 0 ? 'INPUTS' : String(widths[i]);
    // The lab learns one slope per layer, as nn.PReLU() does with num_parameters=1.
    const activation = isPrelu(l) ? `nn.PReLU(num_parameters=1, init=${pythonFloat(l.params.alpha)})` : `Activation(${fns.names[i]})`;
    return `        nn.Linear(${inputs}, ${l.units}), ${activation},`;
  });
  modules.push(`        nn.Linear(${widths.at(-1)}, CLASSES),`);

  const notes = [
    'PyTorch differences, written out here: Adam\'s epsilon is Keras\'s 1e-07 (PyTorch\'s default is 1e-08),',
    'and torch.optim.Adam adds it to sqrt(v_hat) where Keras and the lab add it to sqrt(v): with 1e-07',
    'a negligible difference. The last Linear gives logits; F.cross_entropy applies the softmax.',
  ];
  return `${scriptDocstring(plan, 'pytorch', notes)}
${imports.toString()}

${settingsBlock(plan)}


${fns.source ? `${fns.source}


` : ''}class Activation(nn.Module):
    """A hidden layer's activation function as a module."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


def build_model():
    model = nn.Sequential(
${modules.join('\n')}
    )
    for layer in model:
        if isinstance(layer, nn.Linear):
            ${INIT[plan.config.init]}
            nn.init.zeros_(layer.bias)
    return model


${LOAD_DATA}

def evaluate(model, x, y):
    """Mean cross-entropy and accuracy, EVAL_BATCH_SIZE rows at a time."""
    model.eval()
    loss_sum, correct = 0.0, 0
    with torch.no_grad():
        for s in range(0, len(x), EVAL_BATCH_SIZE):
            logits = model(x[s:s + EVAL_BATCH_SIZE])
            loss_sum += F.cross_entropy(logits, y[s:s + EVAL_BATCH_SIZE], reduction='sum').item()
            correct += (logits.argmax(1) == y[s:s + EVAL_BATCH_SIZE]).sum().item()
    model.train()
    return loss_sum / len(x), correct / len(x)


${PARSE_ARGS}

def main():
    args = parse_args()
    torch.manual_seed(args.seed)
    x, y, x_test, y_test = load_data(args.data, args.limit_train, args.limit_test)
    x_train, y_train, x_val, y_val = (torch.from_numpy(a) for a in validation_split(x, y, VALIDATION_SPLIT))
    x_test, y_test = torch.from_numpy(x_test), torch.from_numpy(y_test)
    model = build_model()
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(BETA_1, BETA_2), eps=EPSILON)
    generator = torch.Generator().manual_seed(args.seed)
    n = len(x_train)
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n, generator=generator) if SHUFFLE else torch.arange(n)
        loss_sum, correct = 0.0, 0
        for s in range(0, n, BATCH_SIZE):
            batch = order[s:s + BATCH_SIZE]
            logits = model(x_train[batch])
            loss = F.cross_entropy(logits, y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(batch)
            correct += (logits.argmax(1) == y_train[batch]).sum().item()
        line = f'epoch {epoch}/{args.epochs} loss {loss_sum / n:.4f} accuracy {correct / n:.4f}'
        if len(x_val):
            val_loss, val_accuracy = evaluate(model, x_val, y_val)
            line += f' val_loss {val_loss:.4f} val_accuracy {val_accuracy:.4f}'
        print(f'{line} ({time.perf_counter() - start:.1f} s)', file=sys.stderr)
    test_loss, test_accuracy = evaluate(model, x_test, y_test)
    print(f'test_loss={test_loss:.4f}', file=sys.stderr)
    print(f'test_accuracy={test_accuracy:.4f}')


if __name__ == '__main__':
    main()
`;
}
