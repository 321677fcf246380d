// TensorFlow Playground's toy data, seeded: four classification sets (circle, XOR, two gaussians,
// spiral) and two regression sets (plane, multi-gaussian), the same shapes, sizes and noise
// conventions as tensorflow/playground src/dataset.ts, drawn from the lab's own generator so a seed
// gives the same points everywhere. Classes are 1 (TF's +1) and 0 (TF's -1): the network's output
// is a sigmoid probability. Every point lies in the plane the views draw, [-6, 6]².

import { createRng, deriveSeed, type Rng } from '../random';

/** One example: its coordinates and its label (class 0 or 1, or a regression target). */
export interface Point {
  x: number;
  y: number;
  label: number;
}

export type Task = 'classification' | 'regression';

export const CLASSIFICATION_DATASETS = ['circle', 'xor', 'gauss', 'spiral'] as const;
export type ClassificationDataset = (typeof CLASSIFICATION_DATASETS)[number];
export const REGRESSION_DATASETS = ['reg-plane', 'reg-gauss'] as const;
export type RegressionDataset = (typeof REGRESSION_DATASETS)[number];
export type GeneratedDataset = ClassificationDataset | RegressionDataset;

/** Half the side of the drawn plane: points and heat maps span [-DOMAIN, DOMAIN]². */
export const DOMAIN = 6;
/** TF Playground's sample counts (NUM_SAMPLES_CLASSIFY, NUM_SAMPLES_REGRESS). */
export const SAMPLES: Readonly<Record<Task, number>> = { classification: 500, regression: 1200 };
/** Noise is a percentage, 0 to 50 as TF Playground's slider; the generators take it over 100. */
export const MAX_NOISE = 50;

export function taskOf(dataset: GeneratedDataset): Task {
  return (REGRESSION_DATASETS as readonly string[]).includes(dataset) ? 'regression' : 'classification';
}

const dist = (ax: number, ay: number, bx: number, by: number): number => Math.hypot(ax - bx, ay - by);

/** Inside radius 2.5 is class 1, between 3.5 and 5 class 0; a label is read at the noisy position. */
function circle(n: number, noise: number, rng: Rng): Point[] {
  const radius = 5;
  const points: Point[] = [];
  const ring = (lo: number, hi: number): void => {
    for (let i = 0; i < n / 2; i++) {
      const r = rng.uniform(lo, hi);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = rng.uniform(-radius, radius) * noise;
      const ny = rng.uniform(-radius, radius) * noise;
      points.push({ x, y, label: dist(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : 0 });
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
  return points;
}

/** Quadrants: class 1 where x·y >= 0 at the noisy position; points kept 0.3 off the axes. */
function xor(n: number, noise: number, rng: Rng): Point[] {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    let x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const nx = rng.uniform(-5, 5) * noise;
    const ny = rng.uniform(-5, 5) * noise;
    points.push({ x, y, label: (x + nx) * (y + ny) >= 0 ? 1 : 0 });
  }
  return points;
}

/** Two gaussians at (2, 2) (class 1) and (-2, -2) (class 0); variance 0.5 at no noise to 4 at 50%. */
function gauss(n: number, noise: number, rng: Rng): Point[] {
  const sd = Math.sqrt(0.5 + (noise / 0.5) * 3.5);
  const points: Point[] = [];
  for (const [c, label] of [[2, 1], [-2, 0]] as const) {
    for (let i = 0; i < n / 2; i++) points.push({ x: c + sd * rng.normal(), y: c + sd * rng.normal(), label });
  }
  return points;
}

/** Two interleaved arms of 1.75 turns out to radius 5, the second turned by π; noise jitters each coordinate. */
function spiral(n: number, noise: number, rng: Rng): Point[] {
  const half = n / 2;
  const points: Point[] = [];
  for (const [delta, label] of [[0, 1], [Math.PI, 0]] as const) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + delta;
      points.push({ x: r * Math.sin(t) + rng.uniform(-1, 1) * noise, y: r * Math.cos(t) + rng.uniform(-1, 1) * noise, label });
    }
  }
  return points;
}

/** Uniform points on [-6, 6]², labelled by `label` at the noisy position. */
function regression(n: number, noise: number, rng: Rng, label: (x: number, y: number) => number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-DOMAIN, DOMAIN);
    const y = rng.uniform(-DOMAIN, DOMAIN);
    const nx = rng.uniform(-DOMAIN, DOMAIN) * noise;
    const ny = rng.uniform(-DOMAIN, DOMAIN) * noise;
    points.push({ x, y, label: label(x + nx, y + ny) });
  }
  return points;
}

/** The plane (x + y) / 10: -1 to 1 over x + y in [-10, 10]. */
export function planeLabel(x: number, y: number): number {
  return (x + y) / 10;
}

const GAUSSIANS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/** Six signed bumps 1 - d/2 (zero beyond distance 2); the one largest in magnitude wins. */
export function gaussLabel(x: number, y: number): number {
  let label = 0;
  for (const [cx, cy, sign] of GAUSSIANS) {
    const v = sign * Math.min(1, Math.max(0, 1 - dist(x, y, cx, cy) / 2));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}

export interface GenerateOptions {
  /** Percent, 0 to 50. */
  noise: number;
  seed: number;
  /** Default: TF Playground's 500 for classification, 1200 for regression. */
  samples?: number;
}

/** The points of a dataset; the same options give the same points. */
export function generateDataset(dataset: GeneratedDataset, options: GenerateOptions): Point[] {
  if (!(options.noise >= 0 && options.noise <= MAX_NOISE)) throw new Error(`noise must be 0 to ${MAX_NOISE} percent, got ${options.noise}`);
  const n = options.samples ?? SAMPLES[taskOf(dataset)];
  const rng = createRng(deriveSeed(options.seed, 'playground-data', dataset));
  const noise = options.noise / 100;
  switch (dataset) {
    case 'circle': return circle(n, noise, rng);
    case 'xor': return xor(n, noise, rng);
    case 'gauss': return gauss(n, noise, rng);
    case 'spiral': return spiral(n, noise, rng);
    case 'reg-plane': return regression(n, noise, rng, planeLabel);
    case 'reg-gauss': return regression(n, noise, rng, gaussLabel);
  }
}

/** Train/test ratio bounds, percent of the points that train (TF Playground's slider: 10 to 90). */
export const MIN_TRAIN_PERCENT = 10;
export const MAX_TRAIN_PERCENT = 90;

/**
 * Shuffles a copy of the points with the seed and cuts it: the first floor(n * percent / 100)
 * train, the rest test (as TF Playground). The same points, percent and seed give the same split.
 */
export function splitTrainTest(points: readonly Point[], trainPercent: number, seed: number): { train: Point[]; test: Point[] } {
  const shuffled = createRng(deriveSeed(seed, 'playground-split')).shuffle([...points]);
  const cut = Math.floor((shuffled.length * trainPercent) / 100);
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}
