// A run as a Keras script (TensorFlow 2, Keras 2 or 3): the tutorial's own code, where Keras's
// defaults are the lab's (Adam's epsilon 1e-07, Glorot-uniform, validation_split takes the last
// part), written out anyway so a reader sees every setting.
import { layerFunctions } from './layerFunctions';
import { IMPORT, Imports, pythonFloat } from './python';
import type { RunPlan } from './runPlan';
import { LOAD_DATA, PARSE_ARGS, scriptDocstring, settingsBlock } from './scriptParts';

export function kerasScript(plan: RunPlan): string {
  const imports = new Imports();
  for (const i of ['argparse', 'gzip', 'math', 'os', 're', 'sys'] as const) imports.add(`import ${i}`);
  imports.add(IMPORT.np).add(IMPORT.tf).add(IMPORT.keras);
  const isPrelu = (l: RunPlan['layers'][number]): boolean => l.record.id === 'prelu' && l.learnable.includes('alpha');
  const unsupported = plan.layers.find((l) => l.learnable.length > 0 && !isPrelu(l));
  if (unsupported) throw new Error(`learned parameters of ${unsupported.label} have no Keras form here`);
  const fns = layerFunctions(plan, 'keras', imports, isPrelu);
  const init = `kernel_initializer='${plan.config.init}', bias_initializer='zeros'`;
  const layers = plan.layers.flatMap((l, i) => isPrelu(l)
    // One learned slope per layer, as the lab learns it: shared across the units (axis 1).
    ? [`        keras.layers.Dense(${l.units}, ${init}),`, `        keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(${pythonFloat(l.params.alpha)}), shared_axes=[1]),`]
    : [`        keras.layers.Dense(${l.units}, activation=${fns.names[i]}, ${init}),`]);
  layers.push(`        keras.layers.Dense(CLASSES, activation='softmax', ${init}),`);

  return `${scriptDocstring(plan, 'keras', ['Keras\'s own defaults are the lab\'s; they are written out all the same.'])}
${imports.toString()}

${settingsBlock(plan)}


${fns.source ? `${fns.source}


` : ''}def build_model():
    model = keras.Sequential([
        keras.Input(shape=(INPUTS,)),
${layers.join('\n')}
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=BETA_1, beta_2=BETA_2, epsilon=EPSILON),
        loss='sparse_categorical_crossentropy',  # categorical cross-entropy on integer labels
        metrics=['accuracy'],
    )
    return model


${LOAD_DATA}

${PARSE_ARGS}

def main():
    args = parse_args()
    keras.utils.set_random_seed(args.seed)
    x, y, x_test, y_test = load_data(args.data, args.limit_train, args.limit_test)
    model = build_model()
    # Keras takes the validation part itself: the last VALIDATION_SPLIT of x, before shuffling.
    model.fit(x, y, batch_size=BATCH_SIZE, epochs=args.epochs, validation_split=VALIDATION_SPLIT, shuffle=SHUFFLE, verbose=2)
    test_loss, test_accuracy = model.evaluate(x_test, y_test, batch_size=EVAL_BATCH_SIZE, verbose=0)
    print(f'test_loss={test_loss:.4f}', file=sys.stderr)
    print(f'test_accuracy={test_accuracy:.4f}')


if __name__ == '__main__':
    main()
`;
}
