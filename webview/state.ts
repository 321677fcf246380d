// The page's state: what the host sent (replayed after every `webview/ready`) and what the user
// chose (saved with setState, so it survives hiding the view and reloading the window).
import type { FunctionsView, LabSection, LabState } from '../src/protocol/messages';
import type { Constraint } from '../src/core/guide/chooser';
import type { LayerRole, Task } from '../src/core/guide/content';
import type { CustomDef, ExperimentSummary, ResultsView, TrainStatus } from '../src/protocol/messages';
import { getPageState, setPageState } from './vscodeApi';

export interface PageState {
  section: LabSection;
  fn: {
    selected: string;
    params: Record<string, Record<string, number>>;
    lo: number;
    hi: number;
    compare: string[];
    depth: number;
    view?: FunctionsView;
    draft: { name: string; expression: string; params: string };
  };
  train: { activations: string[]; epochs: number; quick: boolean };
  runs: { selected?: string };
  guide: { role: LayerRole; task: Task; depth: number; constraints: Constraint[] };
  /** The last focus the host asked for, so a replay does not undo the user's later choices. */
  focusKey?: string;
}

export const DEFAULT_PAGE: PageState = {
  section: 'functions',
  fn: { selected: 'relu', params: {}, lo: -5, hi: 5, compare: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], depth: 10, draft: { name: 'swish_beta', expression: 'x * sigmoid(beta * x)', params: 'beta=1' } },
  train: { activations: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], epochs: 5, quick: true },
  runs: {},
  guide: { role: 'hidden', task: 'multiclass', depth: 2, constraints: [] },
};

function merge(saved: Partial<PageState>): PageState {
  // Saved state comes from an older page version perhaps: take only the shapes we know.
  const ok = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    ...DEFAULT_PAGE,
    ...(typeof saved.section === 'string' ? { section: saved.section } : {}),
    fn: ok(saved.fn) ? { ...DEFAULT_PAGE.fn, ...saved.fn, draft: { ...DEFAULT_PAGE.fn.draft, ...(ok(saved.fn.draft) ? saved.fn.draft : {}) } } : DEFAULT_PAGE.fn,
    train: ok(saved.train) ? { ...DEFAULT_PAGE.train, ...saved.train } : DEFAULT_PAGE.train,
    runs: ok(saved.runs) ? { ...saved.runs } : {},
    guide: ok(saved.guide) ? { ...DEFAULT_PAGE.guide, ...saved.guide } : DEFAULT_PAGE.guide,
    ...(typeof saved.focusKey === 'string' ? { focusKey: saved.focusKey } : {}),
  };
}

export const page: PageState = merge(getPageState<PageState>());

export function savePage(): void {
  setPageState(page);
}

/** What the host told us; undefined until the first `lab/state`. */
export const host: {
  state?: LabState;
  customs: CustomDef[];
  train: TrainStatus;
  experiments: ExperimentSummary[];
  results?: { id: string; view: ResultsView };
  notice?: { level: 'info' | 'error'; text: string };
} = { customs: [], train: { running: false, activations: [], epochs: 0 }, experiments: [] };
