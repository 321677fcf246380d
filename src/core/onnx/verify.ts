// The inference check: run a .onnx model on the test set in onnxruntime-node and report
// accuracy, the confusion matrix and the time taken; for the lab's own models, also compare
// every probability with the lab's forward pass over the run's weights (parity). Accepts any
// image classifier taking [N,784], [N,28,28], [N,1,28,28] or [N,28,28,1] float32 pixels in
// [0, 1] and giving [N,classes] logits, probabilities or log-probabilities.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { PIXEL_TO_FLOAT } from '../data/batch';
import { loadDataset, type Dataset } from '../data/datasets';
import { RUN_FILE } from '../runs/runStore';
import { onnxCheckMessage } from './checkMessages';
import { OnnxCheckError } from './errors';
import { FORMAT_VALUE, META, PRODUCER_NAME } from './export';
import { readOnnxFile, shapeText, type OnnxModelInfo, type TensorInfo } from './inspect';
import { FLOAT32_ROUNDOFF, labForward, loadLabModel, type LabForward } from './labModel';
import { createSession, loadOnnxRuntime, type InferenceSession } from './runtime';

/**
 * A fixed |Δp| bound, for callers that ask for one (VerifyOptions.tolerance). By default each
 * probability's bound follows from float32 rounding through the network (see parityBound).
 */
export const PARITY_TOLERANCE = 1e-5;
/** Rounding of the softmax itself on either side (exp, sum, divide), relative to p. */
const SOFTMAX_ROUNDING = 16 * FLOAT32_ROUNDOFF;
/** float32's smallest normal number: below it a runtime may flush probabilities to 0. */
const FLOAT32_MIN_NORMAL = 2 ** -126;

export type InputLayout = '[N,784]' | '[N,28,28]' | '[N,1,28,28]' | '[N,28,28,1]';
export type OutputKind = 'probabilities' | 'log-probabilities' | 'logits';

export interface VerifyOptions {
  /** 'mnist', 'fashion-mnist', a folder of IDX files, or a loaded dataset (default: the model's own dataset for lab models, else mnist). */
  dataset?: string | Dataset;
  /** The run folder for parity (default: a run.json beside the model, then the metadata's run_dir). */
  runDir?: string;
  /** Check only the first N test images (default: the whole test set). */
  limit?: number;
  /** A fixed parity tolerance on |Δp| instead of the float32 bound (default: the bound). */
  tolerance?: number;
  /** Images per onnxruntime call (default 1000; a model with a fixed batch size gets that). */
  batchSize?: number;
}

export interface ParityMismatch {
  index: number;
  label: number;
  labPredicted: number;
  onnxPredicted: number;
  maxAbsDiff: number;
  /** The largest |Δp| / allowed |Δp| over the image's classes (above 1 fails). */
  ratio: number;
}

export interface ParityStats {
  /** max over images and classes of |p_onnx - p_lab|. */
  maxAbsDiff: number;
  /** max over images and classes of |p_onnx - p_lab| / allowed: how much of the float32 bound was used (above 1 fails). */
  maxRatio: number;
  /** The largest logit bound of any image (float32 rounding carried through the network). */
  maxLogitTolerance: number;
  /** Fraction of images whose argmax agrees. */
  argmaxAgreement: number;
  labAccuracy: number;
  /** The first images (up to 10) beyond the bound or with another argmax. */
  mismatches: ParityMismatch[];
  passed: boolean;
}

/**
 * The |Δp| allowed for a lab probability p of an image whose logits may each be off by Δ:
 * every log-probability moves by at most 2Δ (log p_j = z_j − logsumexp z, and logsumexp is
 * 1-Lipschitz in the max norm), so |Δp| ≤ p·(e^{2Δ} − 1), plus the softmax's own rounding and
 * float32 underflow.
 */
export function parityBound(p: number, logitTolerance: number): number {
  return p * (Math.expm1(2 * logitTolerance) + SOFTMAX_ROUNDING) + FLOAT32_MIN_NORMAL;
}

/**
 * Compares onnxruntime's probabilities with the lab's forward pass, image by image: each
 * probability against parityBound (or a fixed |Δp| tolerance when one is given). NaN fails.
 */
export function compareWithLab(
  onnxProbs: Float32Array, lab: LabForward, labels: ArrayLike<number>, classes: number, tolerance?: number,
): ParityStats {
  const count = lab.logitTolerance.length;
  const labProbs = lab.probs; // (count, classes)
  let maxAbsDiff = 0;
  let maxRatio = 0;
  let maxLogitTolerance = 0;
  let agree = 0;
  let labCorrect = 0;
  const mismatches: ParityMismatch[] = [];
  for (let r = 0; r < count; r++) {
    const delta = lab.logitTolerance[r];
    maxLogitTolerance = Math.max(maxLogitTolerance, delta);
    let rowMax = 0;
    let rowRatio = 0;
    for (let j = 0; j < classes; j++) {
      const p = labProbs[r * classes + j];
      const d = Math.abs(onnxProbs[r * classes + j] - p);
      const allowed = tolerance ?? parityBound(p, delta);
      if (!(d <= rowMax)) rowMax = d !== d ? Infinity : d; // NaN counts as the worst difference
      const ratio = d !== d ? Infinity : d / allowed;
      if (ratio > rowRatio) rowRatio = ratio;
    }
    maxAbsDiff = Math.max(maxAbsDiff, rowMax);
    maxRatio = Math.max(maxRatio, rowRatio);
    const labP = argmax(labProbs, r, classes);
    const onnxP = argmax(onnxProbs, r, classes);
    if (labP === onnxP) agree++;
    if (labP === labels[r]) labCorrect++;
    if ((rowRatio > 1 || labP !== onnxP) && mismatches.length < 10) {
      mismatches.push({ index: r, label: labels[r], labPredicted: labP, onnxPredicted: onnxP, maxAbsDiff: rowMax, ratio: rowRatio });
    }
  }
  return {
    maxAbsDiff, maxRatio, maxLogitTolerance, argmaxAgreement: agree / count, labAccuracy: labCorrect / count, mismatches, passed: maxRatio <= 1,
  };
}

export interface ParityReport extends ParityStats {
  runDir: string;
  /** 'float32' when each probability had its float32 bound; else the fixed |Δp| tolerance that was asked for. */
  tolerance: 'float32' | number;
  onnxAccuracy: number;
  /** The run's own test accuracy from run.json, and on how many images it was measured. */
  runAccuracy: number | null;
  runTestCount: number | null;
  /** The lab's forward pass over the same images. */
  labMs: number;
}

export interface VerifyReport {
  /** The model file, absolute. */
  model: string;
  bytes: number;
  producer: string;
  irVersion: number;
  opsets: { domain: string; version: number }[];
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** What was fed and read. */
  input: InputPlan;
  output: { name: string; kind: OutputKind };
  dataset: string;
  count: number;
  accuracy: number;
  /** confusion[label][predicted]. */
  confusion: number[][];
  /** onnxruntime's inference time over all images (session creation excluded). */
  ms: number;
  /** Session creation time. */
  loadMs: number;
  /** Images whose scores had a NaN or an infinity: how many, and the first (up to 10) indices. Any fails the check. */
  nonFinite: { count: number; first: number[] };
  /** For the lab's own models; null otherwise (see parityNote). */
  parity: ParityReport | null;
  parityNote?: string;
  passed: boolean;
  /** Why the check failed, in words. */
  failures: string[];
}

const FLOAT_OUTPUTS = new Set(['float32', 'float64']);

interface InputPlan {
  name: string;
  layout: InputLayout;
  /** The layout with the dataset's image size, as fed: '[N,784]', '[N,10,10]', '[N,1,28,28]'. */
  fed: string;
  batch: number | null;
}

/** A layout written with the actual image size (the InputLayout names use MNIST's 28×28). */
function layoutText(layout: InputLayout, rows: number, cols: number): string {
  return `[${inputDims(layout, 0, rows, cols).map((d, i) => (i === 0 ? 'N' : String(d))).join(',')}]`;
}

/** The image input and how to feed it; throws OnnxCheckError naming what was found and what is needed. */
export function planInput(info: OnnxModelInfo, rows: number, cols: number, datasetName: string): InputPlan {
  const pixels = rows * cols;
  const needs = `${datasetName}'s ${rows}×${cols} grayscale test images fit an input of float32 [N,${pixels}], [N,${rows},${cols}], [N,1,${rows},${cols}] or [N,${rows},${cols},1]`;
  if (info.inputs.length !== 1) {
    const found = info.inputs.length === 0 ? 'no inputs' : `${info.inputs.length} inputs (${info.inputs.map((i) => `'${i.name}' ${i.dtype} ${shapeText(i.shape)}`).join(', ')})`;
    throw new OnnxCheckError('input-shape', `${info.label} has ${found}; the check feeds one image batch: ${needs}`);
  }
  const input = info.inputs[0];
  const found = `${info.label}'s input '${input.name}' is ${input.dtype} ${shapeText(input.shape)}`;
  if (input.dtype !== 'float32') throw new OnnxCheckError('input-dtype', `${found}; the check needs float32 pixels in [0, 1]: ${needs}`);
  const s = input.shape;
  if (!s) throw new OnnxCheckError('input-shape', `${found} (no declared shape); ${needs}`);
  const fits = (d: number | string | null, want: number) => d === want || typeof d !== 'number';
  let layout: InputLayout | undefined;
  if (s.length === 2 && fits(s[1], pixels)) layout = '[N,784]';
  else if (s.length === 3 && fits(s[1], rows) && fits(s[2], cols)) layout = '[N,28,28]';
  else if (s.length === 4 && s[1] === 1 && fits(s[2], rows) && fits(s[3], cols)) layout = '[N,1,28,28]';
  else if (s.length === 4 && s[3] === 1 && fits(s[1], rows) && fits(s[2], cols)) layout = '[N,28,28,1]';
  if (!layout) throw new OnnxCheckError('input-shape', `${found}; ${needs}`);
  const b = s[0];
  if (typeof b === 'number' && b < 1) throw new OnnxCheckError('input-shape', `${found}: a batch size of ${b} cannot take images`);
  return { name: input.name, layout, fed: layoutText(layout, rows, cols), batch: typeof b === 'number' ? b : null };
}

/** The output to read: 'probabilities' if there is one, else the first float output with `classes` scores. */
export function planOutput(info: OnnxModelInfo, classes: number): TensorInfo {
  const needs = `the check needs float scores, one per class: [N,${classes}] logits or probabilities`;
  if (info.outputs.length === 0) throw new OnnxCheckError('output-shape', `${info.label} has no outputs; ${needs}`);
  const lastDim = (o: TensorInfo) => o.shape?.[o.shape.length - 1];
  const out = info.outputs.find((o) => o.name === 'probabilities' && FLOAT_OUTPUTS.has(o.dtype))
    ?? info.outputs.find((o) => FLOAT_OUTPUTS.has(o.dtype) && lastDim(o) === classes)
    ?? info.outputs.find((o) => FLOAT_OUTPUTS.has(o.dtype))
    ?? info.outputs[0];
  const found = `${info.label}'s output '${out.name}' is ${out.dtype} ${shapeText(out.shape)}`;
  if (!FLOAT_OUTPUTS.has(out.dtype)) throw new OnnxCheckError('output-dtype', `${found}${out.dtype.startsWith('int') ? ' (class indices?)' : ''}; ${needs}`);
  const d = lastDim(out);
  if (typeof d === 'number' && d !== classes) throw new OnnxCheckError('output-shape', `${found}; ${needs}`);
  return out;
}

/** Rows of non-negative values summing to 1: probabilities; rows whose exp sums to 1: log-probabilities; else logits. */
export function detectOutputKind(scores: Float32Array, classes: number): OutputKind {
  const rows = scores.length / classes;
  let probs = rows > 0;
  let logProbs = rows > 0;
  for (let r = 0; r < rows && (probs || logProbs); r++) {
    let sum = 0;
    let expSum = 0;
    for (let j = 0; j < classes; j++) {
      const v = scores[r * classes + j];
      if (!(v >= -1e-6 && v <= 1 + 1e-6)) probs = false;
      if (!(v <= 1e-6)) logProbs = false;
      sum += v;
      expSum += Math.exp(v);
    }
    if (!(Math.abs(sum - 1) <= 1e-3)) probs = false;
    if (!(Math.abs(expSum - 1) <= 1e-3)) logProbs = false;
  }
  return probs ? 'probabilities' : logProbs ? 'log-probabilities' : 'logits';
}

/** Softmax probabilities from any kind of scores. // (rows, classes) */
function toProbabilities(scores: Float32Array, classes: number, kind: OutputKind): Float32Array {
  if (kind === 'probabilities') return scores;
  const out = new Float32Array(scores.length);
  for (let o = 0; o < scores.length; o += classes) {
    let max = -Infinity;
    for (let j = 0; j < classes; j++) max = Math.max(max, scores[o + j]);
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(scores[o + j] - max);
    for (let j = 0; j < classes; j++) out[o + j] = Math.exp(scores[o + j] - max) / sum;
  }
  return out;
}

/**
 * Rows of `scores` (count, classes) that give no prediction: a NaN, a +Infinity, or nothing but
 * -Infinity (a single -Infinity is a log-probability of an underflowed class, which is fine).
 * How many, and the first ten indices.
 */
export function nonFiniteRows(scores: Float32Array, classes: number): { count: number; first: number[] } {
  const first: number[] = [];
  let count = 0;
  for (let r = 0; r * classes < scores.length; r++) {
    let bad = false;
    let finite = 0;
    for (let j = 0; j < classes; j++) {
      const v = scores[r * classes + j];
      if (v !== v || v === Infinity) bad = true;
      else if (v !== -Infinity) finite++;
    }
    if (bad || finite === 0) {
      count++;
      if (first.length < 10) first.push(r);
    }
  }
  return { count, first };
}

/** Index of the first maximum of row r (numpy's argmax); NaN rows give -1. */
function argmax(scores: Float32Array, r: number, classes: number): number {
  let best = -1;
  let max = -Infinity;
  for (let j = 0; j < classes; j++) {
    const v = scores[r * classes + j];
    if (v > max) { max = v; best = j; }
  }
  return best;
}

function inputDims(layout: InputLayout, n: number, rows: number, cols: number): number[] {
  switch (layout) {
    case '[N,784]': return [n, rows * cols];
    case '[N,28,28]': return [n, rows, cols];
    case '[N,1,28,28]': return [n, 1, rows, cols];
    case '[N,28,28,1]': return [n, rows, cols, 1];
  }
}

/** Runs the session over test images [0, count): the scores (count, classes) and the inference time. */
async function runTestSet(
  session: InferenceSession, plan: InputPlan, outputName: string, ds: Dataset, count: number, classes: number, batchSize: number, label: string,
): Promise<{ scores: Float32Array; ms: number }> {
  const ort = loadOnnxRuntime();
  const pixels = ds.rows * ds.cols;
  const chunk = plan.batch ?? batchSize;
  const x = new Float32Array(chunk * pixels); // (chunk, pixels)
  const scores = new Float32Array(count * classes); // (count, classes)
  let ms = 0;
  for (let s = 0; s < count; s += chunk) {
    const n = Math.min(chunk, count - s);
    const rowsFed = plan.batch ?? n; // a fixed batch is padded with blank images
    x.fill(0);
    const images = ds.test.images;
    for (let i = 0; i < n * pixels; i++) x[i] = PIXEL_TO_FLOAT[images[s * pixels + i]]!;
    const tensor = new ort.Tensor('float32', x.subarray(0, rowsFed * pixels), inputDims(plan.layout, rowsFed, ds.rows, ds.cols));
    let result;
    const t0 = performance.now();
    try {
      result = await session.run({ [plan.name]: tensor }, [outputName]);
    } catch (e) {
      throw new OnnxCheckError('runtime', `onnxruntime failed running ${label} on images ${s}..${s + n - 1}: ${(e as Error).message}`);
    }
    ms += performance.now() - t0;
    const out = result[outputName];
    const dims = out.dims;
    const perRow = dims.slice(1).reduce((a, b) => a * b, 1);
    if (dims[0] !== rowsFed || perRow !== classes) {
      throw new OnnxCheckError('output-shape', `${label}'s output '${outputName}' came back with shape [${dims.join(', ')}] for ${rowsFed} images; the check needs [${rowsFed}, ${classes}], one score per class`);
    }
    const data = out.data;
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new OnnxCheckError('output-dtype', `${label}'s output '${outputName}' came back as ${out.type}; the check needs float scores`);
    }
    for (let i = 0; i < n * classes; i++) scores[s * classes + i] = data[i]!;
  }
  return { scores, ms };
}

/** Where the run of a lab model lives: the given folder, a run.json beside the model, or the metadata's run_dir. */
function findRunDir(modelPath: string, info: OnnxModelInfo, given?: string): string | undefined {
  if (given) return path.resolve(given);
  const beside = path.dirname(modelPath);
  if (existsSync(path.join(beside, RUN_FILE))) return beside;
  const recorded = info.metadata[META.runDir];
  if (recorded && existsSync(path.join(recorded, RUN_FILE))) return recorded;
  return undefined;
}

export function isLabModel(info: OnnxModelInfo): boolean {
  return info.metadata[META.format] === FORMAT_VALUE || info.producerName === PRODUCER_NAME;
}

function resolveDataset(spec: VerifyOptions['dataset'], info: OnnxModelInfo): Dataset {
  if (spec && typeof spec !== 'string') return spec;
  const name = spec ?? (isLabModel(info) ? info.metadata[META.dataset] : undefined) ?? 'mnist';
  try {
    return loadDataset(name, { shared: false });
  } catch (e) {
    throw new OnnxCheckError('dataset', onnxCheckMessage('datasetCannotLoad', { name, why: (e as Error).message }));
  }
}

const fmtDiff = (v: number) => (Number.isFinite(v) ? v.toExponential(2) : String(v));
const fmtRatio = (v: number) => (Number.isFinite(v) ? `${v.toPrecision(3)}×` : `${v}×`);

async function verify(modelPath: string, options: VerifyOptions): Promise<VerifyReport> {
  const file = path.resolve(modelPath);
  const { bytes, info } = readOnnxFile(file);
  const label = info.label;
  const ds = resolveDataset(options.dataset, info);
  const classes = ds.classes;
  const plan = planInput(info, ds.rows, ds.cols, ds.name);
  const output = planOutput(info, classes);
  const count = Math.min(options.limit ?? ds.test.count, ds.test.count);
  if (!(count >= 1)) throw new OnnxCheckError('dataset', onnxCheckMessage('datasetEmpty', { name: ds.name }));

  const t0 = performance.now();
  const session = await createSession(bytes, label);
  const loadMs = performance.now() - t0;
  let run: { scores: Float32Array; ms: number };
  try {
    run = await runTestSet(session, plan, output.name, ds, count, classes, options.batchSize ?? 1000, label);
  } finally {
    await session.release().catch(() => undefined);
  }
  const nonFinite = nonFiniteRows(run.scores, classes);
  const kind = detectOutputKind(run.scores, classes);
  const labels = ds.test.labels;
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const onnxPredicted = new Int32Array(count);
  let correct = 0;
  for (let r = 0; r < count; r++) {
    const p = argmax(run.scores, r, classes);
    onnxPredicted[r] = p;
    if (p === labels[r]) correct++;
    if (p >= 0) confusion[labels[r]][p]++;
  }
  const report: VerifyReport = {
    model: file,
    bytes: bytes.length,
    producer: `${info.producerName} ${info.producerVersion}`.trim(),
    irVersion: info.irVersion,
    opsets: info.opsets,
    inputs: info.inputs,
    outputs: info.outputs,
    input: plan,
    output: { name: output.name, kind },
    dataset: ds.name,
    count,
    accuracy: correct / count,
    confusion,
    ms: run.ms,
    loadMs,
    parity: null,
    nonFinite,
    passed: nonFinite.count === 0,
    failures: nonFinite.count === 0 ? [] : [
      `${label} gave NaN or infinite scores for ${nonFinite.count} of ${count} test images ` +
      `(${nonFinite.first.map((i) => `#${i}`).join(', ')}${nonFinite.count > nonFinite.first.length ? ', ...' : ''}): ` +
      'they count as wrong and are missing from the confusion matrix',
    ],
  };
  if (!isLabModel(info)) {
    report.parityNote = 'not an Activation Lab model: no lab forward pass to compare with';
    return report;
  }
  const runDir = findRunDir(file, info, options.runDir);
  if (!runDir) {
    report.parityNote = `the run folder was not found (no ${RUN_FILE} beside the model${info.metadata[META.runDir] ? ` nor in ${info.metadata[META.runDir]}` : ''}); give the run folder to compare with the lab's forward pass`;
    return report;
  }
  const labModel = loadLabModel(runDir);
  const exportedFrom = info.metadata[META.weightsSha256];
  if (exportedFrom && exportedFrom !== labModel.weightsSha256) {
    report.parityNote = `the weights in ${runDir} are not the ones this model was exported from (weights.bin changed since export): parity not checked`;
    return report;
  }
  if (labModel.rows !== ds.rows || labModel.cols !== ds.cols || labModel.dense[labModel.dense.length - 1].units !== classes) {
    report.parityNote = `run ${labModel.run.id} was trained on ${labModel.rows}×${labModel.cols} images with ${labModel.dense[labModel.dense.length - 1].units} classes, not on ${ds.name}: parity not checked`;
    return report;
  }
  // In chunks, yielding between them: the extension host keeps answering during the ~1 s pass.
  const lab: LabForward = { probs: new Float32Array(count * classes), logitTolerance: new Float64Array(count) };
  let labMs = 0;
  for (let s = 0; s < count; s += 1000) {
    const n = Math.min(1000, count - s);
    const t1 = performance.now();
    const part = labForward(labModel, ds.test.images, labels, s, n);
    lab.probs.set(part.probs, s * classes);
    lab.logitTolerance.set(part.logitTolerance, s);
    labMs += performance.now() - t1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stats = compareWithLab(toProbabilities(run.scores, classes, kind), lab, labels, classes, options.tolerance);
  const runTest = labModel.run.test;
  const parity: ParityReport = {
    runDir: labModel.runDir,
    tolerance: options.tolerance ?? 'float32',
    ...stats,
    onnxAccuracy: report.accuracy,
    runAccuracy: runTest ? runTest.accuracy : null,
    runTestCount: runTest ? runTest.count : null,
    labMs,
  };
  report.parity = parity;
  if (!parity.passed) {
    const first = stats.mismatches.filter((m) => m.ratio > 1).slice(0, 5)
      .map((m) => `#${m.index} (label ${m.label}: lab ${m.labPredicted}, onnx ${m.onnxPredicted}, |Δp| ${fmtDiff(m.maxAbsDiff)}, ${fmtRatio(m.ratio)} the bound)`);
    const bound = options.tolerance === undefined ? 'float32 rounding through the network allows' : `the fixed tolerance ${options.tolerance.toExponential(0)} allows`;
    report.passed = false;
    report.failures.push(`${label}'s probabilities differ from the lab's forward pass by more than ${bound} ` +
      `(up to ${fmtRatio(stats.maxRatio)} the bound, max |Δp| ${fmtDiff(stats.maxAbsDiff)}) over ${count} test images; first mismatching images: ${first.join(', ')}`);
  }
  return report;
}

/**
 * Checks a .onnx model on the test set. Resolves to a report (`passed` false with `failures`
 * when the lab's forward pass disagrees); rejects only with an OnnxCheckError whose message
 * is for the user (unreadable, not ONNX, truncated, incompatible input or output, runtime failure).
 */
export async function verifyModel(modelPath: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  try {
    return await verify(modelPath, options);
  } catch (e) {
    if (e instanceof OnnxCheckError) throw e;
    throw new OnnxCheckError('runtime', onnxCheckMessage('unexpected', { label: path.basename(modelPath), why: (e as Error)?.message ?? String(e) }));
  }
}
