// The page's state: what the host sent (replayed after every `webview/ready`) and what the user
// chose (saved with setState, so it survives hiding the view and reloading the window).
import { LAB_SECTIONS, type FunctionsView, type LabSection, type LabState } from '../src/protocol/messages';
import type { Constraint } from '../src/core/guide/chooser';
import type { LayerRole, Task } from '../src/core/guide/content';
import type { CustomActivationDef } from '../src/core/expr/customActivation';
import { DEFAULT_CONFIG, TUTORIAL_ACTIVATIONS } from '../src/core/train/config';
import { DEFAULT_PLAYGROUND, defaultPlayground, mergePlaygroundSettings, type PlaygroundSettings } from '../src/core/playground/settings';
import type { ExperimentSummary, ResultsView } from '../src/protocol/messages';
import { getPageState, setPageState } from './vscodeApi';

export interface PageState {
  section: LabSection;
  /** Each section's own scroll position (a section opens where it was left). */
  scroll: Partial<Record<LabSection, number>>;
  fn: {
    selected: string;
    params: Record<string, Record<string, number>>;
    lo: number;
    hi: number;
    compare: string[];
    depth: number;
    view?: FunctionsView;
    /** The user's own comparison, kept when a guide link or a command replaced it. */
    previousCompare?: string[];
    draft: { name: string; expression: string; params: string };
  };
  train: {
    activations: string[];
    epochs: number;
    quick: boolean;
    /** Hidden layer widths as typed ("128, 64"), the learning rate as typed, the batch size. */
    hidden: string;
    learningRate: string;
    batchSize: number;
    /** Each activation over this many seeds (1: one run each). */
    seeds: number;
    /** Activation parameters to learn, by name (sent only for the chosen activations that have them). */
    learn: string[];
  };
  sweep: { activations: string[]; depths: string; width: number; seeds: number; epochs: number; quick: boolean };
  /** Smoothing of the accuracy and loss curves, on every board. */
  smooth: boolean;
  /** The experiments shown in Runs (several are overlaid). */
  runs: { selected?: string; shown?: string[] };
  /** The report surface: the experiment it shows (the panel comes back to it after a reload). */
  report?: { experiment: string };
  guide: { role: LayerRole; task: Task; depth: number; constraints: Constraint[]; focus?: string };
  /** The playground's choices, your own points included. */
  playground: PlaygroundSettings;
}

export const DEFAULT_PAGE: PageState = {
  section: 'functions',
  scroll: {},
  fn: { selected: 'relu', params: {}, lo: -5, hi: 5, compare: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], depth: 10, draft: { name: 'swish_beta', expression: 'x * sigmoid(beta * x)', params: 'beta=1' } },
  train: {
    activations: [...TUTORIAL_ACTIVATIONS], epochs: DEFAULT_CONFIG.epochs, quick: true,
    hidden: DEFAULT_CONFIG.hidden.join(', '), learningRate: String(DEFAULT_CONFIG.learningRate), batchSize: DEFAULT_CONFIG.batchSize, seeds: 1, learn: [],
  },
  sweep: { activations: [...TUTORIAL_ACTIVATIONS], depths: '2,4,8', width: 64, seeds: 3, epochs: 3, quick: true },
  smooth: false,
  runs: {},
  guide: { role: 'hidden', task: 'multiclass', depth: 2, constraints: [] },
  playground: DEFAULT_PLAYGROUND,
};

function merge(saved: Partial<PageState>): PageState {
  // Saved state comes from an older page version perhaps: take only the shapes we know.
  const ok = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    ...DEFAULT_PAGE,
    ...(LAB_SECTIONS.includes(saved.section as LabSection) ? { section: saved.section as LabSection } : {}),
    scroll: ok(saved.scroll) ? Object.fromEntries(Object.entries(saved.scroll).filter(([k, v]) => LAB_SECTIONS.includes(k as LabSection) && typeof v === 'number' && Number.isFinite(v) && v >= 0)) : {},
    fn: ok(saved.fn) ? { ...DEFAULT_PAGE.fn, ...saved.fn, draft: { ...DEFAULT_PAGE.fn.draft, ...(ok(saved.fn.draft) ? saved.fn.draft : {}) } } : DEFAULT_PAGE.fn,
    // A state saved before `learn` existed (or with a damaged one) learns nothing.
    train: ok(saved.train) ? { ...DEFAULT_PAGE.train, ...saved.train, learn: Array.isArray(saved.train.learn) ? saved.train.learn.filter((n): n is string => typeof n === 'string') : [] } : DEFAULT_PAGE.train,
    sweep: ok(saved.sweep) ? { ...DEFAULT_PAGE.sweep, ...saved.sweep } : DEFAULT_PAGE.sweep,
    smooth: saved.smooth === true,
    runs: ok(saved.runs) ? { ...saved.runs, ...(Array.isArray(saved.runs.shown) ? { shown: saved.runs.shown.filter((x): x is string => typeof x === 'string') } : {}) } : {},
    ...(ok(saved.report) && typeof saved.report.experiment === 'string' ? { report: { experiment: saved.report.experiment } } : {}),
    guide: ok(saved.guide) ? { ...DEFAULT_PAGE.guide, ...saved.guide } : DEFAULT_PAGE.guide,
    // Every field checked: a saved point outside the plane or an unknown dataset is dropped, the rest kept.
    playground: saved.playground === undefined ? defaultPlayground() : mergePlaygroundSettings(DEFAULT_PLAYGROUND, saved.playground).settings,
  };
}

export const page: PageState = merge(getPageState<PageState>());

export function savePage(): void {
  setPageState(page);
}

/**
 * What the page does once, not on every redraw: scroll Functions to the view a link or the host
 * asked for (a later redraw, after a Save, keeps the user's own scroll position instead).
 */
export const once: { scrollToView: boolean } = { scrollToView: false };

/** What the host told us; undefined until the first `lab/state`. The training job lives in trainStore. */
export const host: {
  state?: LabState;
  customs: CustomActivationDef[];
  experiments: ExperimentSummary[];
  /** Experiments' results the host sent, by id (the newest few: Runs overlays them, Train and the report draw one). */
  results: Map<string, ResultsView>;
} = { customs: [], experiments: [], results: new Map() };

/** Keeps a result, dropping the oldest beyond a dozen. */
export function keepResults(id: string, view: ResultsView): void {
  host.results.delete(id);
  host.results.set(id, view);
  while (host.results.size > 12) host.results.delete(host.results.keys().next().value!);
}
