// What the lab's pages draw: projections of core's stored shapes (results.json's runs, run
// events folded into a live view). The page never sees a shape of its own invention.

import type { ResultsFile, ResultsRun, ResultsSweep } from '../core/runs/resultsFile';
import type { Progress, RunStatus } from '../core/train/results';

/** Which page a webview shows: the full lab panel, the sidebar lab, or one experiment's report. */
export type Surface = 'panel' | 'sidebar' | 'report';
export const SURFACES: readonly Surface[] = ['panel', 'sidebar', 'report'];

export const LAB_SECTIONS = ['functions', 'train', 'sweep', 'runs', 'guide', 'playground'] as const;
export type LabSection = (typeof LAB_SECTIONS)[number];

/** A run as the lab draws it, live (folded from its events) or saved (from results.json). */
export type RunView = Pick<ResultsRun, 'id' | 'activations' | 'history' | 'test' | 'secondsPerEpoch' | 'error'> & {
  status: RunStatus;
  /** The latest progress within an epoch, while it trains. */
  progress?: Progress;
};

/** The settings a report states (results.json `settings`), where the file has them. */
export type ReportSettings = Pick<ResultsFile['settings'], 'hidden' | 'learningRate' | 'batchSize' | 'seed' | 'validationSplit'> & { limitTest?: number };

/** One run's ONNX check as the report shows it. */
export interface OnnxSummary {
  passed: boolean;
  opset: number;
  count: number;
  maxAbsDiff: number | null;
  onnxAccuracy: number | null;
}

/** What the lab draws of one results.json. */
export type ResultsView = Pick<ResultsFile, 'createdAt' | 'dataset'> & {
  epochs: number;
  limitTrain?: number;
  finishedAt?: string;
  wallSeconds?: number;
  settings?: ReportSettings;
  /** ONNX checks by run id. */
  onnx?: Record<string, OnnxSummary>;
  runs: RunView[];
  /** A sweep's statistics (results.json's `sweep`). */
  sweep?: ResultsSweep;
};

/** One experiment in the Runs list. */
export type ExperimentSummary = Pick<ResultsView, 'createdAt' | 'epochs' | 'limitTrain'> & {
  id: string;
  dataset: string;
  runs: (Pick<RunView, 'id' | 'status'> & {
    testAccuracy: number | null;
    valAccuracy: number | null;
    /** One per hidden layer, for the run's display name. */
    activations?: string[];
    /** Epochs the run did (a stopped run did fewer than the experiment planned). */
    epochsDone?: number;
    /** Test images its accuracy was measured on. */
    testCount?: number;
  })[];
  /** A sweep's statistics: the Runs list marks sweeps, the guide cites the newest. */
  sweep?: ResultsSweep;
};

/** The page's answer to `lab/query` (a test hook): what it shows right now. */
export interface LabReport {
  surface: Surface;
  section: LabSection;
  /** Every live chart: its id, the number of rendered marks (SVG paths, rects, ...) and data rows. */
  charts: { id: string; marks: number; rows: number; embeds: number }[];
  /** Free text the page shows as status (e.g. the last training line). */
  status: string;
  /** The playground's run, when the panel shows that section. */
  playground?: PlaygroundReport;
}

/** What the page's playground shows now: the test hook's part of lab/report. */
export interface PlaygroundReport {
  running: boolean;
  race: boolean;
  dataset: string;
  nets: {
    activations: string[];
    epoch: number;
    trainLoss: number | null;
    testLoss: number | null;
    /** Frames the network's boundary was drawn in (0: never). */
    boundaryFrames: number;
    /** Boundary pixels coloured for class 1 and class 0 (decided by p > 0.5), the last frame. */
    positive: number;
    negative: number;
  }[];
  /** Network A's connections as last drawn, by the sign of their weight. */
  links: { positive: number; negative: number; zero: number };
  /** A message the playground shows (a refused CSV line, a worker error), or ''. */
  message: string;
}
