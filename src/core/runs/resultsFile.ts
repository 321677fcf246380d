// results.json: one experiment (a job's runs side by side), as the lab, the report and the
// CLI read it. Its run entries are projections of run.json's RunRecord plus what only the
// experiment knows (the folder, the ONNX check). Written atomically once the job ends.

import type { SweepResults } from '../stats/sweep';
import type { TrainConfig } from '../train/config';
import type { RunEndStatus, TestMetrics } from '../train/results';
import type { RunRecord } from './runRecord';

/**
 * results.json, format version 1 (`format: "activation-lab/results"`).
 *
 * {
 *   "format": "activation-lab/results", "version": 1,
 *   "createdAt": "2025-01-01T12:00:00.000Z",   start, ISO 8601
 *   "finishedAt": "...", "wallSeconds": 123.4,  the whole job
 *   "dataset": { "name": "mnist", "rows": 28, "cols": 28, "classes": 10,
 *                "train": 48000, "validation": 12000, "test": 10000 },
 *   "settings": { the common TrainConfig: "hidden", "epochs", "batchSize", "validationSplit",
 *                 "learningRate", "beta1", "beta2", "epsilon", "init", "seed", "shuffle",
 *                 "limitTrain"?, "limitTest"?, ... ; plus "workers" },
 *   "runs": [ {
 *     "id": "relu",                          also the folder runs/<id>/
 *     "activations": ["relu", "relu"],       one per hidden layer
 *     "status": "completed" | "cancelled" | "diverged" | "failed",
 *     "dir": "runs/relu",                    relative to results.json
 *     "history": [ { "epoch": 1, "loss", "accuracy", "val_loss", "val_accuracy", "seconds",
 *                    "layers": [ { "meanAbsGradient", "deadUnitFraction"? } ], "learnedParams"? } ],
 *     "test": { "loss", "accuracy", "count", "confusion": [[...]] (label x predicted),
 *               "misclassified": [ { "index", "label", "predicted", "probabilities", "pixelsBase64" } ] } | null,
 *     "secondsPerEpoch": mean over the epochs run, "wallSeconds": the run's own wall time,
 *     "kernels": "js" | "wasm-simd" | "wasm-relaxed-simd", "paramCount": 109386,
 *     "divergence"?: { "epoch", "batch", "loss" }, "error"?: "why it failed",
 *     "resumedFromEpoch"?: n,
 *     "onnx"?: { "file": "runs/relu/model.onnx", "opset": 17, "bytes", "ops": ["Flatten", "Gemm", ...],
 *                "count", "onnxAccuracy", "labAccuracy", "maxAbsDiff", "argmaxAgreement", "ms",
 *                "passed", "error"? }   completed runs exported to ONNX and checked in onnxruntime
 *   } ],
 *   "sweep"?: {                              a sweep's (actlab sweep, actlab train --seeds N); absent otherwise
 *     "activations": ["sigmoid", "relu"],    rows, as asked ("relu+tanh": one per hidden layer)
 *     "depths": [2, 4, 8], "architectures": [[64, 64], ...],   hidden widths per depth
 *     "seeds": [42, 43, 44], "alpha": 0.05, "tests": 18,      tests: comparisons Holm's adjustment covers
 *     "cells": [ { "activation", "depth", "planned": seeds planned, "seeds": [..], "accuracies": [..],
 *                  "n", "mean", "sd", "ci95": [lo, hi],       test accuracy (fractions of 1) over the
 *                                                            completed seeds; sd, ci95 null below 2 seeds
 *                  "finalLoss": { "n", "mean", "sd", "ci95" }, last epoch's training loss
 *                  "gradients": [..] } ],                    mean |dL/dW| per layer after epoch 1, seed mean
 *     "comparisons": [ { "depth", "a", "b", "nA", "nB", "diff": mean(a) − mean(b), "ci95": [lo, hi],
 *                        "t", "df", "p", "pAdjusted", "significant",    Welch's t-test; Holm over the sweep
 *                        "verdict": "a-better" | "b-better" | "not-distinguishable" | "not-enough-seeds"
 *                                   | "no-spread" } ],   untestable ones have null ci95, t, df, p, pAdjusted
 *     "method": "one paragraph", "methodZh": "the same in Simplified Chinese"
 *   }
 * }
 */
export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  version: 1;
  createdAt: string;
  finishedAt: string;
  wallSeconds: number;
  dataset: { name: string; rows: number; cols: number; classes: number; train: number; validation: number; test: number };
  settings: Omit<TrainConfig, 'activations' | 'dataset'> & { workers: number };
  runs: ResultsRun[];
  sweep?: ResultsSweep;
}

/** results.json's `sweep`: the statistics, and the hidden widths of each depth. */
export type ResultsSweep = SweepResults & { architectures: number[][] };

/** One run's entry in results.json: its record's figures, where it lives, and its ONNX check. */
export type ResultsRun = Pick<RunRecord, 'id' | 'activations' | 'history' | 'kernels' | 'paramCount' | 'divergence' | 'error' | 'resumedFromEpoch'> & {
  status: RunEndStatus;
  dir: string;
  test: TestMetrics | null;
  secondsPerEpoch: number | null;
  wallSeconds: number;
  onnx?: OnnxRunCheck;
};

/** One run's row of the verification table (results.json `runs[].onnx`). */
export interface OnnxRunCheck {
  /** The .onnx file, relative to results.json. */
  file: string;
  opset: number;
  bytes: number;
  ops: string[];
  /** Test images checked. */
  count: number;
  onnxAccuracy: number | null;
  labAccuracy: number | null;
  maxAbsDiff: number | null;
  argmaxAgreement: number | null;
  /** onnxruntime's time for all `count` images, one thread. */
  ms: number | null;
  passed: boolean;
  /** Why the export or the check failed. */
  error?: string;
}

export const RESULTS_FORMAT = 'activation-lab/results';
export const RESULTS_FILE = 'results.json';
export const REPORT_FILE = 'report.html';
export const RUNS_DIR = 'runs';
