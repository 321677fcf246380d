// The playground's training worker: a Web Worker of the webview (built as its own bundle and
// started from a blob: URL), so training never blocks the page. It holds one network, or two
// racing on the same data from the same initial weights, trains when a frame asks, and answers
// with losses, weights and every neuron's map over the plane. Messages go through the lab's one
// Channel; typed arrays are transferred, not copied.
import { Channel, type Transport } from '../../src/protocol/channel';
import {
  parseFlatPoints, parseToPlaygroundWorker, type FlatPoints, type FrameTraining, type FromPlaygroundWorker, type NetFrame, type NeuronRef, type ToPlaygroundWorker,
} from '../../src/protocol/playground';
import type { Point } from '../../src/core/playground/data';
import { gridPoints, featureMatrix } from '../../src/core/playground/features';
import { modelOf } from '../../src/core/playground/model';
import { PlaygroundTrainer } from '../../src/core/playground/trainer';
import { transferables } from './transfer';

interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}
const scope = self as unknown as WorkerScope;

function workerScopeTransport(): Transport {
  return {
    send: (m) => scope.postMessage(m, transferables(m)),
    listen(receive) {
      const onMessage = (e: MessageEvent) => receive(e.data);
      scope.addEventListener('message', onMessage);
      return () => scope.removeEventListener('message', onMessage);
    },
  };
}

const channel = new Channel<ToPlaygroundWorker, FromPlaygroundWorker>(workerScopeTransport(), {
  parse: parseToPlaygroundWorker,
  onInvalid: (problem) => channel.send({ type: 'pg/failed', message: `the worker ignored a message: ${problem}` }),
  onHandlerError: (type, e) => channel.send({ type: 'pg/failed', message: `${type}: ${(e as Error).message}` }),
});

let trainers: PlaygroundTrainer[] = [];

function points(flat: FlatPoints): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push({ x: flat[i], y: flat[i + 1], label: flat[i + 2] });
  return out;
}

function train(plan: FrameTraining): void {
  if (plan.kind === 'epochs') {
    for (let e = 0; e < plan.count; e++) for (const t of trainers) t.trainEpoch();
  } else if (plan.kind === 'millis') {
    // Racing networks take their steps in turn, so both have seen the same batches at any frame.
    const end = performance.now() + plan.millis;
    do for (let i = 0; i < 16; i++) for (const t of trainers) t.step();
    while (performance.now() < end);
  }
}

function frame(t: PlaygroundTrainer, first: boolean, focus: NeuronRef | null, big: number, small: number): NetFrame {
  const { train: trainLoss, test: testLoss } = t.losses();
  const output = t.network.layers - 1;
  const ref = first && focus && focus.layer <= output && focus.unit < t.network.units[focus.layer] ? focus : { layer: output, unit: 0 };
  return {
    epoch: t.epoch, steps: t.steps, trainLoss, testLoss,
    weights: t.network.params.slice(),
    big: t.neuronMap(ref.layer, ref.unit, big),
    // Only the first network's neurons are drawn in the network view.
    small: first ? t.neuronMaps(small) : new Float32Array(0),
  };
}

channel.on('pg/setup', ({ requestId, setup }) => {
  try {
    const data = { train: points(setup.train), test: points(setup.test) };
    trainers = setup.nets.map((activations) => new PlaygroundTrainer(
      { task: setup.task, features: setup.features, hidden: setup.hidden, activations }, { ...setup.settings }, data, setup.seed));
    channel.send({ type: 'pg/ready', requestId });
  } catch (e) {
    trainers = [];
    channel.send({ type: 'pg/failed', requestId, message: (e as Error).message });
  }
});

channel.on('pg/settings', ({ settings }) => {
  for (const t of trainers) t.settings = { ...settings };
});

channel.on('pg/data', ({ train, test }) => {
  const task = trainers[0]?.spec.task;
  if (task === 'classification') {
    // The message's parser could not know the task: class labels are checked here.
    for (const [name, flat] of [['train', train], ['test', test]] as const) {
      const checked = parseFlatPoints(flat, task);
      if (typeof checked === 'string') return channel.send({ type: 'pg/failed', message: `pg/data: ${name}: ${checked}` });
    }
  }
  for (const t of trainers) t.setData(points(train), points(test));
});

channel.on('pg/frame', ({ requestId, train: plan, focus, big, small }) => {
  if (trainers.length === 0) return channel.send({ type: 'pg/failed', requestId, message: 'no network to train yet' });
  train(plan);
  channel.send({ type: 'pg/frame', requestId, nets: trainers.map((t, i) => frame(t, i === 0, focus, big, small)) });
});

channel.on('pg/model', ({ requestId, net, grid }) => {
  const t = trainers[net];
  if (!t) return channel.send({ type: 'pg/failed', requestId, message: `there is no network ${net + 1}` });
  const xy = gridPoints(grid);
  const outputs = t.network.forward(featureMatrix(xy, grid * grid, t.spec.features), grid * grid);
  channel.send({ type: 'pg/model', requestId, model: modelOf(t.network), check: { points: Array.from(xy), outputs: Array.from(outputs) } });
});

channel.on('pg/bench', ({ requestId, millis }) => {
  const t = trainers[0];
  if (!t) return channel.send({ type: 'pg/failed', requestId, message: 'no network to train yet' });
  const t0 = performance.now();
  const steps0 = t.steps;
  do for (let i = 0; i < 64; i++) t.step();
  while (performance.now() - t0 < millis);
  channel.send({ type: 'pg/benched', requestId, steps: t.steps - steps0, millis: performance.now() - t0 });
});
