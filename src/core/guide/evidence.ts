// Which of the user's runs count as evidence for the chooser, by three rules: (1) runs vary the
// hidden layers' activation (the output layer is always softmax), so they are evidence for a
// hidden-layer question only; (2) the figures of one experiment are compared, never figures of
// different experiments (other epochs, data or settings); (3) a full run (the whole training set)
// is preferred to a quick one, and a quick one is said to be quick, with the images its test
// accuracy was measured on. A sweep is not read here: it speaks through its statistics (the
// chooser's `sweep`), since its runs mix depths and seeds. The chooser gets the figures and where they come from.
import type { LayerRole } from './content';

/** What the evidence needs of an experiment (the protocol's ExperimentSummary has it). */
export interface EvidenceExperiment {
  id: string;
  createdAt: string;
  epochs: number;
  /** Quick runs: only the first N training images. */
  limitTrain?: number;
  runs: readonly { id: string; activations?: readonly string[]; testAccuracy: number | null; testCount?: number }[];
  /** Present for a sweep (its statistics). */
  sweep?: unknown;
}

/** Where the figures come from, for the reasons' text. */
export interface EvidenceSource {
  experiment: string;
  createdAt: string;
  epochs: number;
  quick: boolean;
  /** Training images (quick runs), and the test images the accuracies were measured on, where known. */
  trainImages?: number;
  testImages?: number;
}

export interface ChooserEvidence {
  /** Test accuracy by activation id: runs whose every hidden layer has that one activation. */
  accuracy: Record<string, number>;
  source: EvidenceSource;
}

/** A run's single activation when every layer has the same one without parameters ('relu'), else undefined. */
function singleActivation(run: EvidenceExperiment['runs'][number]): string | undefined {
  const layers = run.activations?.length ? run.activations : [run.id];
  const first = layers[0];
  return layers.every((a) => a === first) && /^[a-z0-9_]+$/.test(first) ? first : undefined;
}

/** The accuracies one experiment gives: at least two activations measured, one figure each. */
function figures(x: EvidenceExperiment): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const r of x.runs) {
    const id = singleActivation(r);
    if (!id || r.testAccuracy === null || !Number.isFinite(r.testAccuracy) || id in out) continue;
    out[id] = r.testAccuracy;
  }
  return Object.keys(out).length >= 2 ? out : undefined;
}

/**
 * The evidence for a question about `role`: the newest full experiment that compared at least two
 * activations, else the newest such quick one; none for an input or output layer.
 */
export function chooserEvidence(role: LayerRole, experiments: readonly EvidenceExperiment[]): ChooserEvidence | undefined {
  if (role !== 'hidden') return undefined;
  const newestFirst = [...experiments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const quick of [false, true]) {
    for (const x of newestFirst) {
      if ((x.limitTrain !== undefined) !== quick || x.sweep !== undefined) continue;
      const accuracy = figures(x);
      if (!accuracy) continue;
      const testImages = x.runs.find((r) => r.testCount !== undefined)?.testCount;
      return {
        accuracy,
        source: {
          experiment: x.id, createdAt: x.createdAt, epochs: x.epochs, quick,
          ...(x.limitTrain !== undefined ? { trainImages: x.limitTrain } : {}),
          ...(testImages !== undefined ? { testImages } : {}),
        },
      };
    }
  }
  return undefined;
}
