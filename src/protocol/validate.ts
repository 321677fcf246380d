// Small validators for untrusted message payloads: each returns the typed value or a string
// saying what is wrong (never throws), so a bad message is logged and dropped.
import type { EpochMetrics, LayerStats, Misclassified, Progress, TestMetrics } from '../core/train/results';
import { PATH_SEGMENT } from '../core/runs/pathSegment';
import { isRunEndStatus, RUN_STATUSES, type RunStatus } from '../core/train/results';
import { MAX_HIDDEN_LAYERS } from '../core/playground/network';
import { LAB_SECTIONS, SURFACES, type ExperimentSummary, type LabReport, type OnnxSummary, type PlaygroundReport, type ReportSettings, type ResultsView, type RunView, type Surface } from './labTypes';
import type { ResultsSweep } from '../core/runs/resultsFile';
import type { SampleSummary } from '../core/stats/summary';
import type { SweepCell, SweepComparison, SweepVerdict } from '../core/stats/sweep';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isInt = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
export const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

/** An array of at most `max` items, each parsed by `item`; the first bad item's reason otherwise. */
export function arrayOf<T>(v: unknown, item: (x: unknown) => T | string, min = 0, max = 10_000): T[] | string {
  if (!Array.isArray(v)) return 'not an array';
  if (v.length < min || v.length > max) return `must have ${min} to ${max} items, has ${v.length}`;
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const r = item(v[i]);
    if (typeof r === 'string') return `item ${i}: ${r}`;
    out.push(r);
  }
  return out;
}

/** An array of at most `max` strings that each pass `check`. */
export function stringArray(v: unknown, check: (s: string) => boolean, min = 0, max = 10_000): string[] | { error: string } {
  if (!Array.isArray(v)) return { error: 'not an array' };
  if (v.length < min || v.length > max) return { error: `must have ${min} to ${max} items, has ${v.length}` };
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string' || !check(item)) return { error: `item ${i} (${JSON.stringify(item)?.slice(0, 80)}) is not a valid name` };
  }
  return v as string[];
}

/** A metric: a finite number, or null/NaN for a diverged run's (JSON turns NaN into null). */
function metric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === null) return NaN;
  return undefined;
}

function parseLayer(v: unknown): LayerStats | string {
  if (!isRecord(v)) return 'layer is not an object';
  const g = metric(v.meanAbsGradient);
  if (g === undefined) return 'meanAbsGradient must be a number';
  if (v.deadUnitFraction !== undefined && metric(v.deadUnitFraction) === undefined) return 'deadUnitFraction must be a number';
  return { meanAbsGradient: g, ...(v.deadUnitFraction !== undefined ? { deadUnitFraction: metric(v.deadUnitFraction)! } : {}) };
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

function parseLearnedParams(v: unknown): Record<string, number> | string {
  if (!isRecord(v)) return 'learned parameters must be an object';
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    const m = metric(x);
    if (!PARAM_NAME.test(k) || m === undefined) return `bad learned parameter ${JSON.stringify(k.slice(0, 40))}`;
    out[k] = m;
  }
  return out;
}

export function parseEpoch(v: unknown): EpochMetrics | string {
  if (!isRecord(v)) return 'epoch metrics are not an object';
  if (!isInt(v.epoch, 1, 100_000)) return 'epoch must be a positive integer';
  const loss = metric(v.loss);
  const accuracy = metric(v.accuracy);
  const seconds = metric(v.seconds);
  if (loss === undefined || accuracy === undefined || seconds === undefined) return 'loss, accuracy and seconds must be numbers';
  const out: EpochMetrics = { epoch: v.epoch, loss, accuracy, seconds, layers: [] };
  for (const k of ['val_loss', 'val_accuracy'] as const) {
    if (v[k] === undefined) continue;
    const m = metric(v[k]);
    if (m === undefined) return `${k} must be a number`;
    out[k] = m;
  }
  const layers = v.layers === undefined ? [] : arrayOf(v.layers, parseLayer, 0, 64);
  if (typeof layers === 'string') return `layers: ${layers}`;
  out.layers = layers;
  if (v.learnedParams !== undefined) {
    const learned = arrayOf(v.learnedParams, parseLearnedParams, 0, 64);
    if (typeof learned === 'string') return `learnedParams: ${learned}`;
    out.learnedParams = learned;
  }
  return out;
}

function parseMisclassified(v: unknown): Misclassified | string {
  if (!isRecord(v)) return 'not an object';
  if (!isInt(v.index, 0, 1e9) || !isInt(v.label, 0, 1000) || !isInt(v.predicted, 0, 1000)) return 'index, label and predicted must be integers';
  if (!isString(v.pixelsBase64) || v.pixelsBase64.length > 200_000 || !/^[A-Za-z0-9+/]*=*$/.test(v.pixelsBase64)) return 'pixelsBase64 must be base64';
  const probabilities = v.probabilities === undefined ? [] : arrayOf(v.probabilities, (p) => (metric(p) ?? 'probabilities must be numbers'), 0, 1000);
  if (typeof probabilities === 'string') return probabilities;
  return { index: v.index, label: v.label, predicted: v.predicted, probabilities, pixelsBase64: v.pixelsBase64 };
}

export function parseTest(v: unknown): TestMetrics | null | string {
  if (v === null || v === undefined) return null;
  if (!isRecord(v)) return 'test is not an object';
  const loss = metric(v.loss);
  const accuracy = metric(v.accuracy);
  if (loss === undefined || accuracy === undefined || !isInt(v.count, 0, 1e9)) return 'test loss, accuracy and count must be numbers';
  const confusion = arrayOf(v.confusion, (row) => arrayOf(row, (c) => (isInt(c, 0, 1e9) ? c : 'count must be a non-negative integer'), 0, 1000), 0, 1000);
  if (typeof confusion === 'string') return `confusion: ${confusion}`;
  if (confusion.some((r) => r.length !== confusion.length)) return 'confusion must be square';
  const mis = v.misclassified === undefined ? [] : arrayOf(v.misclassified, parseMisclassified, 0, 1000);
  if (typeof mis === 'string') return `misclassified: ${mis}`;
  return { loss, accuracy, count: v.count, confusion, misclassified: mis };
}

export function parseProgress(v: unknown): Progress | string {
  if (!isRecord(v)) return 'progress is not an object';
  const ints = ['epoch', 'epochs', 'batch', 'batches'].map((k) => v[k]);
  if (!ints.every((n) => isInt(n, 0, 1e9))) return 'progress counters must be integers';
  const nums = ['loss', 'accuracy', 'examplesPerSecond'].map((k) => v[k]);
  if (!nums.every((n) => typeof n === 'number' || n === null)) return 'progress loss, accuracy and examplesPerSecond must be numbers';
  const [epoch, epochs, batch, batches] = ints;
  const [loss, accuracy, examplesPerSecond] = nums.map((n) => (n === null ? NaN : (n)));
  return { epoch: epoch, epochs: epochs, batch: batch, batches: batches, loss: loss, accuracy: accuracy, examplesPerSecond: examplesPerSecond };
}

const RUN_ID = PATH_SEGMENT;
const isRunStatus = (s: unknown): s is RunStatus => (RUN_STATUSES as readonly unknown[]).includes(s);

export function parseRunView(v: unknown): RunView | string {
  if (!isRecord(v)) return 'run is not an object';
  if (!isString(v.id) || !RUN_ID.test(v.id)) return 'run id must be one path segment';
  if (!isRunStatus(v.status)) return `run ${v.id}: bad status`;
  const acts = stringArray(v.activations, () => true, 0, 64);
  if (!Array.isArray(acts)) return `run ${v.id}: activations: ${acts.error}`;
  const history = arrayOf(v.history, parseEpoch, 0, 100_000);
  if (typeof history === 'string') return `run ${v.id}: history: ${history}`;
  const test = parseTest(v.test);
  if (typeof test === 'string') return `run ${v.id}: ${test}`;
  const spe = v.secondsPerEpoch === null || v.secondsPerEpoch === undefined ? null : metric(v.secondsPerEpoch);
  if (spe === undefined) return `run ${v.id}: secondsPerEpoch must be a number`;
  const progress = v.progress === undefined ? undefined : parseProgress(v.progress);
  if (typeof progress === 'string') return `run ${v.id}: ${progress}`;
  return {
    id: v.id, activations: acts, status: v.status, history, test, secondsPerEpoch: spe,
    ...(isString(v.error) ? { error: v.error } : {}), ...(progress ? { progress } : {}),
  };
}

/** The parts of a results.json (format activation-lab/results, version 1) the lab draws. */
export function parseResultsView(v: unknown): ResultsView | string {
  if (!isRecord(v)) return 'results are not an object';
  if (!isString(v.createdAt)) return 'createdAt must be a string';
  const d = v.dataset;
  if (!isRecord(d) || !isString(d.name)) return 'dataset must be an object with a name';
  const dims = ['rows', 'cols', 'classes', 'train', 'validation', 'test'].map((k) => d[k]);
  if (!dims.every((n) => isInt(n, 0, 1e9))) return 'dataset sizes must be integers';
  const [rows, cols, classes, train, validation, test] = dims;
  if (!isInt(v.epochs, 0, 100_000)) return 'epochs must be an integer';
  if (!optional(v.limitTrain, (n) => isInt(n, 1, 1e9))) return 'limitTrain must be an integer';
  const runs = arrayOf(v.runs, parseRunView, 0, 4096);
  if (typeof runs === 'string') return `runs: ${runs}`;
  if (runs.some((r) => !isRunEndStatus(r.status))) return 'runs: a saved run must have ended';
  const sweep = v.sweep === undefined ? undefined : parseResultsSweep(v.sweep);
  if (typeof sweep === 'string') return `sweep: ${sweep}`;
  const settings = parseReportSettings(v.settings);
  const onnx = parseOnnxChecks(v.runs);
  return {
    ...(sweep ? { sweep } : {}),
    createdAt: v.createdAt,
    dataset: { name: d.name, rows: rows, cols: cols, classes: classes, train: train, validation: validation, test: test },
    epochs: v.epochs,
    ...(v.limitTrain !== undefined ? { limitTrain: v.limitTrain as number } : {}),
    ...(isString(v.finishedAt) ? { finishedAt: v.finishedAt } : {}),
    ...(isFiniteNumber(v.wallSeconds) && v.wallSeconds >= 0 ? { wallSeconds: v.wallSeconds } : {}),
    ...(settings ? { settings } : {}),
    ...(onnx ? { onnx } : {}),
    runs,
  };
}

/** The settings a report states; absent (not an error) when the file lacks any of them. */
function parseReportSettings(v: unknown): ReportSettings | undefined {
  if (!isRecord(v)) return undefined;
  const hidden = v.hidden;
  if (!Array.isArray(hidden) || hidden.length === 0 || hidden.length > 64 || !hidden.every((h) => isInt(h, 1, 65536))) return undefined;
  if (!isFiniteNumber(v.learningRate) || !isInt(v.batchSize, 1, 65536) || !isInt(v.seed, 0, 0xffffffff) || !isFiniteNumber(v.validationSplit)) return undefined;
  return {
    hidden: hidden, learningRate: v.learningRate, batchSize: v.batchSize, seed: v.seed, validationSplit: v.validationSplit,
    ...(isInt(v.limitTest, 1, 1e9) ? { limitTest: v.limitTest } : {}),
  };
}

/** Each run's ONNX check (results.json `runs[].onnx`), by run id; a malformed entry is left out. */
function parseOnnxChecks(runs: unknown): Record<string, OnnxSummary> | undefined {
  if (!Array.isArray(runs)) return undefined;
  const out: Record<string, OnnxSummary> = {};
  for (const r of runs) {
    if (!isRecord(r) || !isString(r.id) || !isRecord(r.onnx)) continue;
    const c = r.onnx;
    if (typeof c.passed !== 'boolean' || !isInt(c.opset, 1, 1000) || !isInt(c.count, 0, 1e9)) continue;
    const num = (x: unknown) => (isFiniteNumber(x) ? x : null);
    out[r.id] = { passed: c.passed, opset: c.opset, count: c.count, maxAbsDiff: num(c.maxAbsDiff), onnxAccuracy: num(c.onnxAccuracy) };
  }
  return Object.keys(out).length ? out : undefined;
}

export function parseExperimentSummary(v: unknown): ExperimentSummary | string {
  if (!isRecord(v)) return 'experiment is not an object';
  if (!isString(v.id) || !RUN_ID.test(v.id)) return 'experiment id must be one path segment';
  if (!isString(v.createdAt) || !isString(v.dataset)) return 'createdAt and dataset must be strings';
  if (!isInt(v.epochs, 0, 100_000)) return 'epochs must be an integer';
  if (!optional(v.limitTrain, (n) => isInt(n, 1, 1e9))) return 'limitTrain must be an integer';
  const runs = arrayOf(v.runs, (r) => {
    if (!isRecord(r) || !isString(r.id) || !RUN_ID.test(r.id) || !isRunEndStatus(r.status)) return 'run needs an id (one path segment) and a status';
    const t = r.testAccuracy === null ? null : metric(r.testAccuracy);
    const a = r.valAccuracy === null ? null : metric(r.valAccuracy);
    if (t === undefined || a === undefined) return 'accuracies must be numbers or null';
    const acts = r.activations === undefined ? undefined : stringArray(r.activations, (s) => s.length <= 200, 0, 64);
    if (acts !== undefined && !Array.isArray(acts)) return `activations: ${acts.error}`;
    if (!optional(r.epochsDone, (n) => isInt(n, 0, 100_000)) || !optional(r.testCount, (n) => isInt(n, 0, 1e9))) return 'epochsDone and testCount must be integers';
    return {
      id: r.id, status: r.status, testAccuracy: t, valAccuracy: a,
      ...(acts ? { activations: acts } : {}),
      ...(r.epochsDone !== undefined ? { epochsDone: r.epochsDone as number } : {}),
      ...(r.testCount !== undefined ? { testCount: r.testCount as number } : {}),
    };
  }, 0, 4096);
  if (typeof runs === 'string') return `runs: ${runs}`;
  const sweep = v.sweep === undefined ? undefined : parseResultsSweep(v.sweep);
  if (typeof sweep === 'string') return `sweep: ${sweep}`;
  return { ...(sweep ? { sweep } : {}), id: v.id, createdAt: v.createdAt, dataset: v.dataset, epochs: v.epochs, ...(v.limitTrain !== undefined ? { limitTrain: v.limitTrain as number } : {}), runs };
}

export function parseLabReport(v: unknown): LabReport | string {
  if (!isRecord(v)) return 'report is not an object';
  if (!SURFACES.includes(v.surface as Surface)) return 'bad surface';
  if (!(LAB_SECTIONS as readonly unknown[]).includes(v.section)) return 'bad section';
  const charts = arrayOf(v.charts, (c) => {
    if (!isRecord(c) || !isString(c.id) || c.id.length > 64) return 'chart needs an id';
    if (!isInt(c.marks, 0, 1e7) || !isInt(c.rows, 0, 1e7) || !isInt(c.embeds, 0, 1e7)) return 'marks, rows and embeds must be integers';
    return { id: c.id, marks: c.marks, rows: c.rows, embeds: c.embeds };
  }, 0, 200);
  if (typeof charts === 'string') return `charts: ${charts}`;
  if (!isString(v.status)) return 'status must be a string';
  const playground = v.playground === undefined ? undefined : parsePlaygroundReport(v.playground);
  if (typeof playground === 'string') return playground;
  return { surface: v.surface as Surface, section: v.section as LabReport['section'], charts, status: v.status.slice(0, 1000), ...(playground ? { playground } : {}) };
}

const nullableLoss = (v: unknown): number | null | undefined => (v === null ? null : isFiniteNumber(v) ? v : undefined);

export function parsePlaygroundReport(v: unknown): PlaygroundReport | string {
  if (!isRecord(v)) return 'playground is not an object';
  if (typeof v.running !== 'boolean' || typeof v.race !== 'boolean' || !isString(v.dataset) || !isString(v.message)) return 'playground: running, race, dataset and message are needed';
  const nets = arrayOf(v.nets, (n) => {
    if (!isRecord(n)) return 'net is not an object';
    const acts = Array.isArray(n.activations) && n.activations.length <= MAX_HIDDEN_LAYERS && n.activations.every((a) => isString(a) && a.length <= 64) ? (n.activations as string[]) : undefined;
    const trainLoss = nullableLoss(n.trainLoss);
    const testLoss = nullableLoss(n.testLoss);
    if (!acts || trainLoss === undefined || testLoss === undefined) return 'net needs activations and losses';
    if (!isInt(n.epoch, 0, Number.MAX_SAFE_INTEGER) || !isInt(n.boundaryFrames, 0, Number.MAX_SAFE_INTEGER) || !isInt(n.positive, 0, 1e6) || !isInt(n.negative, 0, 1e6)) return 'net counters must be integers';
    return { activations: [...acts], epoch: n.epoch, trainLoss, testLoss, boundaryFrames: n.boundaryFrames, positive: n.positive, negative: n.negative };
  }, 0, 2); // one network, or two racing
  if (typeof nets === 'string') return `playground: ${nets}`;
  const l = v.links;
  if (!isRecord(l) || !isInt(l.positive, 0, 1e6) || !isInt(l.negative, 0, 1e6) || !isInt(l.zero, 0, 1e6)) return 'playground: links must count positive, negative and zero weights';
  const links = { positive: l.positive, negative: l.negative, zero: l.zero };
  return { running: v.running, race: v.race, dataset: v.dataset.slice(0, 64), nets, links, message: v.message.slice(0, 1000) };
}

const numOrNull = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const interval = (v: unknown): v is [number, number] | null => v === null || (Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber));
const numbers = (v: unknown, max: number): v is number[] => Array.isArray(v) && v.length <= max && v.every(isFiniteNumber);
const SWEEP_VERDICTS: readonly SweepVerdict[] = ['a-better', 'b-better', 'not-distinguishable', 'not-enough-seeds', 'no-spread'];

function parseSampleSummary(v: unknown): SampleSummary | string {
  if (!isRecord(v) || !isInt(v.n, 0, 1e6) || !numOrNull(v.mean) || !numOrNull(v.sd) || !interval(v.ci95)) return 'summary needs n, mean, sd and ci95';
  return { n: v.n, mean: v.mean, sd: v.sd, ci95: v.ci95 };
}

function parseSweepCell(v: unknown): SweepCell | string {
  if (!isRecord(v) || !isString(v.activation) || !isInt(v.depth, 1, 1000) || !isInt(v.planned, 0, 1e6)) return 'cell needs an activation, a depth and the seeds planned';
  const summary = parseSampleSummary(v);
  if (typeof summary === 'string') return `cell ${v.activation} at depth ${v.depth}: ${summary}`;
  const finalLoss = parseSampleSummary(v.finalLoss);
  if (typeof finalLoss === 'string') return `cell ${v.activation} at depth ${v.depth}: finalLoss: ${finalLoss}`;
  if (!numbers(v.seeds, 1e6) || !numbers(v.accuracies, 1e6) || v.seeds.length !== v.accuracies.length || !numbers(v.gradients, 1001)) {
    return `cell ${v.activation} at depth ${v.depth}: seeds, accuracies and gradients must be lists of numbers (one accuracy per seed)`;
  }
  return { activation: v.activation, depth: v.depth, planned: v.planned, seeds: v.seeds, accuracies: v.accuracies, ...summary, finalLoss, gradients: v.gradients };
}

function parseSweepComparison(v: unknown): SweepComparison | string {
  if (!isRecord(v) || !isInt(v.depth, 1, 1000) || !isString(v.a) || !isString(v.b) || !isInt(v.nA, 0, 1e6) || !isInt(v.nB, 0, 1e6)) return 'comparison needs a depth, a, b, nA and nB';
  if (![v.diff, v.t, v.df, v.p, v.pAdjusted].every(numOrNull) || !interval(v.ci95)) return `comparison ${v.a}-${v.b}: diff, t, df, p and pAdjusted must be numbers or null`;
  if (typeof v.significant !== 'boolean' || !SWEEP_VERDICTS.includes(v.verdict as SweepVerdict)) return `comparison ${v.a}-${v.b}: bad verdict`;
  return {
    depth: v.depth, a: v.a, b: v.b, nA: v.nA, nB: v.nB, diff: v.diff as number | null, ci95: v.ci95, t: v.t as number | null, df: v.df as number | null,
    p: v.p as number | null, pAdjusted: v.pAdjusted as number | null, significant: v.significant, verdict: v.verdict as SweepVerdict,
  };
}

/** results.json's `sweep` (the statistics of a sweep), checked. */
export function parseResultsSweep(v: unknown): ResultsSweep | string {
  if (!isRecord(v)) return 'not an object';
  const activations = stringArray(v.activations, (a) => a.length <= 200, 1, 64);
  if (!Array.isArray(activations)) return `activations: ${activations.error}`;
  if (!numbers(v.depths, 64) || !numbers(v.seeds, 1000) || !isFiniteNumber(v.alpha) || !isInt(v.tests, 0, 1e6)) return 'depths, seeds, alpha and tests must be numbers';
  const architectures = v.architectures === undefined ? [] : arrayOf(v.architectures, (a) => (numbers(a, 1000) ? a : 'an architecture is a list of widths'), 0, 64);
  if (typeof architectures === 'string') return `architectures: ${architectures}`;
  const cells = arrayOf(v.cells, parseSweepCell, 0, 10_000);
  if (typeof cells === 'string') return `cells: ${cells}`;
  const comparisons = arrayOf(v.comparisons, parseSweepComparison, 0, 100_000);
  if (typeof comparisons === 'string') return `comparisons: ${comparisons}`;
  if (!isString(v.method) || !isString(v.methodZh)) return 'method and methodZh must be strings';
  return {
    activations, depths: v.depths, seeds: v.seeds, alpha: v.alpha, tests: v.tests, architectures, cells, comparisons,
    method: v.method.slice(0, 5000), methodZh: v.methodZh.slice(0, 5000),
  };
}
