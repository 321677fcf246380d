// The network's inputs: TF Playground's features of a point (x1, x2), computed once per point.
// The ONNX exporter writes the same formulas as graph nodes (onnx/playgroundModel.ts).

import { DOMAIN } from './data';

export const FEATURES = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1TimesX2', 'sinX1', 'sinX2'] as const;
export type FeatureId = (typeof FEATURES)[number];

export interface FeatureInfo {
  id: FeatureId;
  /** As the views label it. */
  label: string;
  f: (x1: number, x2: number) => number;
}

export const FEATURE_INFO: Readonly<Record<FeatureId, FeatureInfo>> = {
  x1: { id: 'x1', label: 'x₁', f: (x1) => x1 },
  x2: { id: 'x2', label: 'x₂', f: (_x1, x2) => x2 },
  x1Squared: { id: 'x1Squared', label: 'x₁²', f: (x1) => x1 * x1 },
  x2Squared: { id: 'x2Squared', label: 'x₂²', f: (_x1, x2) => x2 * x2 },
  x1TimesX2: { id: 'x1TimesX2', label: 'x₁·x₂', f: (x1, x2) => x1 * x2 },
  sinX1: { id: 'sinX1', label: 'sin x₁', f: (x1) => Math.sin(x1) },
  sinX2: { id: 'sinX2', label: 'sin x₂', f: (_x1, x2) => Math.sin(x2) },
};

export const isFeature = (v: unknown): v is FeatureId => (FEATURES as readonly unknown[]).includes(v);

/** The chosen features in FEATURES order, each once (the network's input order does not depend on click order). */
export function orderedFeatures(chosen: readonly FeatureId[]): FeatureId[] {
  return FEATURES.filter((f) => chosen.includes(f));
}

/** Features of n points. xy: (n, 2) as x1, x2; returns (n, features.length). */
export function featureMatrix(xy: ArrayLike<number>, n: number, features: readonly FeatureId[], out = new Float32Array(n * features.length)): Float32Array {
  const k = features.length;
  const fs = features.map((id) => FEATURE_INFO[id].f);
  for (let r = 0; r < n; r++) {
    const x1 = xy[2 * r];
    const x2 = xy[2 * r + 1];
    for (let j = 0; j < k; j++) out[r * k + j] = fs[j](x1, x2);
  }
  return out;
}

/**
 * The centres of an n×n grid over [-DOMAIN, DOMAIN]², row by row from the top (x2 = +DOMAIN) as an
 * image is drawn: (n*n, 2) as x1, x2.
 */
export function gridPoints(n: number): Float32Array {
  const out = new Float32Array(n * n * 2);
  const cell = (2 * DOMAIN) / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      out[2 * i] = -DOMAIN + (col + 0.5) * cell;
      out[2 * i + 1] = DOMAIN - (row + 0.5) * cell;
    }
  }
  return out;
}
