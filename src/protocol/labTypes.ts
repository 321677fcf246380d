// The data shapes the lab's messages carry: the parts of training events and results.json the
// webview draws. Plain data, a subset of src/core/train's types (checked where the host maps them).

/** A user's activation as saved in the `activationLab.customActivations` setting. */
export interface CustomDef {
  name: string;
  expression: string;
  params: Record<string, number>;
}

export interface LayerView {
  /** Mean |dL/dW| of this layer's weights, sampled every 10th batch of the epoch (vanishing gradients show here). */
  meanAbsGradient: number;
  /** Hidden layers: fraction of units whose derivative f'(z) was 0 on every validation example. */
  deadUnitFraction?: number;
}

/** One epoch's metrics (Keras's history names). Non-finite values (a diverged run) arrive as NaN. */
export interface EpochView {
  /** 1-based, as Keras prints "Epoch 1/10". */
  epoch: number;
  /** Mean training loss over the epoch's batches (weights changing, as Keras reports it). */
  loss: number;
  accuracy: number;
  val_loss?: number;
  val_accuracy?: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
  /** One entry per dense layer, input to output. */
  layers: LayerView[];
}

export interface MisclassifiedView {
  index: number;
  label: number;
  predicted: number;
  /** rows*cols grey bytes in base64. */
  pixelsBase64: string;
}

export interface TestView {
  loss: number;
  accuracy: number;
  count: number;
  /** confusion[label][predicted]. */
  confusion: number[][];
  misclassified: MisclassifiedView[];
}

export type RunEndStatus = 'completed' | 'cancelled' | 'diverged' | 'failed';
export const RUN_END_STATUSES: readonly RunEndStatus[] = ['completed', 'cancelled', 'diverged', 'failed'];

/** Training progress, forwarded from the worker pool. */
export type TrainEvent =
  | { type: 'run/queued'; runId: string }
  | { type: 'run/started'; runId: string }
  | { type: 'run/progress'; runId: string; epoch: number; epochs: number; batch: number; batches: number; loss: number; accuracy: number }
  | { type: 'run/epoch'; runId: string; metrics: EpochView }
  | { type: 'run/end'; runId: string; status: RunEndStatus; test: TestView | null; error?: string };

export interface RunView {
  id: string;
  activations: string[];
  status: RunEndStatus;
  history: EpochView[];
  test: TestView | null;
  secondsPerEpoch: number | null;
  error?: string;
}

/** What the lab draws of one results.json. */
export interface ResultsView {
  createdAt: string;
  dataset: { name: string; rows: number; cols: number; classes: number; train: number; validation: number; test: number };
  epochs: number;
  limitTrain?: number;
  runs: RunView[];
}

/** One experiment in the Runs list. */
export interface ExperimentSummary {
  id: string;
  createdAt: string;
  dataset: string;
  epochs: number;
  runs: { id: string; status: RunEndStatus; testAccuracy: number | null; valAccuracy: number | null }[];
}

/** The page's answer to `lab/query` (a test hook): what it shows right now. */
export interface LabReport {
  surface: 'panel' | 'sidebar';
  section: 'functions' | 'train' | 'runs' | 'guide';
  /** Every live chart: its id, the number of rendered marks (SVG paths, rects, ...) and data rows. */
  charts: { id: string; marks: number; rows: number; embeds: number }[];
  /** Free text the page shows as status (e.g. the last training line). */
  status: string;
}
