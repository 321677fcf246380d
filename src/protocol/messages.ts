// Typed messages between the extension host and the lab's pages (panel and sidebar).
// Discriminated unions keyed by `type: 'scope/verb'`, carried by one Channel on each side; each
// side validates what it receives (parseFromWebview on the host, parseToWebview in the page).
import { parseCustomActivationDef, type CustomActivationDef } from '../core/expr/customActivation';
import { PATH_SEGMENT } from '../core/runs/pathSegment';
import { MAX_COMPARED_ACTIVATIONS, MAX_EPOCHS, MAX_LIMIT_TRAIN, MIN_LIMIT_TRAIN } from '../core/train/config';
import { parseJobSnapshot, type JobSnapshot } from './jobSnapshot';
import { LAB_SECTIONS, SURFACES, type ExperimentSummary, type LabReport, type LabSection, type ResultsView, type Surface } from './labTypes';
import { parsePlaygroundCheck, parsePlaygroundFocus, parsePlaygroundModel, type PlaygroundCheck, type PlaygroundFocus, type PlaygroundModel } from './playground';
import { parseTrainingEvent, SWEEP_LIMITS, type TrainingEvent } from './training';
import {
  arrayOf, isFiniteNumber, isInt, isRecord, isString, optional, stringArray, parseExperimentSummary, parseLabReport, parseResultsView,
} from './validate';

export type * from './labTypes';
export { LAB_SECTIONS, SURFACES } from './labTypes';

/** What the Functions section should focus on when the host opens it (compare, plot one). */
export interface FunctionsFocus {
  /** Activations to overlay; one id plots that activation alone. */
  activations: string[];
  /** Which analysis to scroll to. */
  view?: FunctionsView;
  /**
   * Parameter values for a single focused activation, by the registry's parameter names (a hover's
   * `LeakyReLU(alpha=0.3)`); the page applies only the names the activation has, within its slider range.
   */
  params?: Record<string, number>;
}

/** At most this many focus parameters: no activation has more than a few. */
export const MAX_FOCUS_PARAMS = 16;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
/** At most this many learned parameter names in one train/start (the built-ins have seven different ones). */
export const MAX_LEARNED_PARAMS = 16;

/** Validates focus parameters: a record of finite numbers under identifier names, or a reason. */
export function parseFocusParams(v: unknown): Record<string, number> | string {
  if (!isRecord(v)) return 'params must be an object of numbers';
  const entries = Object.entries(v);
  if (entries.length > MAX_FOCUS_PARAMS) return `params: at most ${MAX_FOCUS_PARAMS} parameters, got ${entries.length}`;
  // Null prototype: a parameter named __proto__ is a name like any other.
  const out = Object.create(null) as Record<string, number>;
  for (const [name, value] of entries) {
    if (!PARAM_NAME.test(name)) return `params: bad parameter name ${JSON.stringify(name.slice(0, 40))}`;
    if (!isFiniteNumber(value)) return `params: ${name} must be a finite number, got ${JSON.stringify(value)}`;
    out[name] = value;
  }
  return out;
}

export type FunctionsView = 'plot' | 'compare' | 'saturation' | 'gradientFlow' | 'custom';
export const FUNCTIONS_VIEWS: readonly FunctionsView[] = ['plot', 'compare', 'saturation', 'gradientFlow', 'custom'];

/** What a page needs to know about where it runs; sent after every `webview/ready`. */
export interface LabState {
  surface: Surface;
  locale: string;
  version: string;
  /** The report surface: the experiment it shows, and the run picked in "Show Runs" (its confusion matrix first). */
  experiment?: string;
  run?: string;
  /** Whether the host can hand a local file to the user's browser (a desktop window, not remote or web). */
  canOpenExternal?: boolean;
}

/**
 * The settings the Train section offers beyond activations and epochs, and their bounds (the
 * trainer takes any positive values; these keep a page's typo from starting an hour-long job).
 * The optimizer is always Adam with Keras's defaults.
 */
export interface TrainSettings {
  learningRate?: number;
  batchSize?: number;
  /** Hidden layer widths, input side first. */
  hidden?: number[];
}
export const TRAIN_BOUNDS = {
  learningRate: { min: 1e-6, max: 1 },
  batchSize: { min: 1, max: 4096 },
  hiddenLayers: { min: 1, max: 4 },
  hiddenWidth: { min: 1, max: 1024 },
} as const;

/** Host -> webview. */
export type ToWebview =
  | { type: 'lab/state'; state: LabState }
  /** The host asks the panel to show a section (a command, the sidebar); the page owns which one is shown. */
  | { type: 'lab/show'; section: LabSection; focus?: FunctionsFocus; playground?: PlaygroundFocus }
  | { type: 'lab/ping'; requestId: string }
  /** Test hook: the page answers with a `lab/report` describing what it shows. */
  | { type: 'lab/query'; requestId: string }
  | { type: 'lab/custom'; defs: CustomActivationDef[] }
  | { type: 'lab/notice'; level: 'info' | 'error'; text: string }
  /** The current (or last) training job as far as it went: what a page opened mid-job draws first. */
  | { type: 'train/snapshot'; snapshot: JobSnapshot | null }
  | { type: 'train/event'; event: TrainingEvent }
  | { type: 'runs/list'; experiments: ExperimentSummary[] }
  | { type: 'runs/results'; id: string; results: ResultsView };

export type ChartFormat = 'svg' | 'png';

/** Webview -> host. */
export type FromWebview =
  | { type: 'webview/ready'; surface: Surface }
  | { type: 'lab/pong'; requestId: string }
  | { type: 'lab/report'; requestId: string; report: LabReport }
  /** The sidebar asks for the panel, at a section (and a comparison). */
  | { type: 'lab/open'; section: LabSection; focus?: FunctionsFocus }
  /**
   * `seeds` (2 or more): each activation over that many seeds, with its statistics (a sweep with one depth).
   * `learn`: activation parameters trained with the weights, by name, wherever a run's activation has one (as `actlab train --learn`).
   */
  | ({ type: 'train/start'; activations: string[]; epochs: number; limitTrain?: number; seeds?: number; learn?: string[] } & TrainSettings)
  /** A sweep: every activation at every depth (`width` units per hidden layer), each over `seeds` seeds. */
  | { type: 'sweep/start'; activations: string[]; depths: number[]; width: number; seeds: number; epochs: number; limitTrain?: number }
  /** Continue an experiment stopped or cut off (its finished runs are kept). */
  | { type: 'train/resume'; id: string }
  | { type: 'train/stop' }
  | { type: 'runs/refresh' }
  | { type: 'runs/open'; id: string }
  /** Opens an experiment's report in its own panel. */
  | { type: 'report/open'; id: string }
  /** The report panel: open report.html in the user's browser (only offered where it works). */
  | { type: 'report/openExternal'; id: string }
  | { type: 'custom/save'; def: CustomActivationDef }
  | { type: 'chart/export'; format: ChartFormat; name: string; data: string }
  /** A trained playground network to export to ONNX, with the page's own outputs on a grid to check it against. */
  | { type: 'playground/export'; model: PlaygroundModel; check: PlaygroundCheck };

/** An exported chart: a few MB of SVG or PNG data URL at most. */
export const MAX_EXPORT_CHARS = 16_000_000;
/** Experiment ids are folder names (ISO stamps with ':' and '.' replaced): one path segment. */
export const EXPERIMENT_ID = PATH_SEGMENT;
const ACTIVATION_NAME = /^[A-Za-z0-9_().,=+-]{1,64}$/;
const CHART_NAME = /^[A-Za-z0-9_ .()+-]{1,80}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

function parseFocus(v: unknown): FunctionsFocus | string {
  if (!isRecord(v)) return 'focus is not an object';
  const ids = stringArray(v.activations, (a) => ACTIVATION_NAME.test(a), 0, MAX_COMPARED_ACTIVATIONS);
  if (!Array.isArray(ids)) return `focus.activations: ${ids.error}`;
  if (v.view !== undefined && !FUNCTIONS_VIEWS.includes(v.view as FunctionsView)) return `focus.view: unknown view ${JSON.stringify(v.view)}`;
  const params = v.params === undefined ? undefined : parseFocusParams(v.params);
  if (typeof params === 'string') return `focus.${params}`;
  return { activations: ids, ...(v.view !== undefined ? { view: v.view as FunctionsView } : {}), ...(params ? { params } : {}) };
}

/** The Train section's optional settings, each within TRAIN_BOUNDS, or what is wrong. */
export function parseTrainSettings(raw: Record<string, unknown>): TrainSettings | string {
  const b = TRAIN_BOUNDS;
  const out: TrainSettings = {};
  if (raw.learningRate !== undefined) {
    if (!isFiniteNumber(raw.learningRate) || raw.learningRate < b.learningRate.min || raw.learningRate > b.learningRate.max) {
      return `learningRate must be a number from ${b.learningRate.min} to ${b.learningRate.max}`;
    }
    out.learningRate = raw.learningRate;
  }
  if (raw.batchSize !== undefined) {
    if (!isInt(raw.batchSize, b.batchSize.min, b.batchSize.max)) return `batchSize must be an integer from ${b.batchSize.min} to ${b.batchSize.max}`;
    out.batchSize = raw.batchSize;
  }
  if (raw.hidden !== undefined) {
    const h = raw.hidden;
    if (!Array.isArray(h) || h.length < b.hiddenLayers.min || h.length > b.hiddenLayers.max || !h.every((w) => isInt(w, b.hiddenWidth.min, b.hiddenWidth.max))) {
      return `hidden must list ${b.hiddenLayers.min} to ${b.hiddenLayers.max} layer widths, each an integer from ${b.hiddenWidth.min} to ${b.hiddenWidth.max}`;
    }
    out.hidden = [...(h)];
  }
  return out;
}

function parseSection(v: unknown): LabSection | undefined {
  return (LAB_SECTIONS as readonly unknown[]).includes(v) ? (v as LabSection) : undefined;
}

/**
 * Validates a message from the webview. Returns the typed message, or a string saying what is
 * wrong: the host logs it and ignores the message, never trusts it.
 */
export function parseFromWebview(raw: unknown): FromWebview | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'webview/ready':
      return SURFACES.includes(raw.surface as Surface)
        ? { type: raw.type, surface: raw.surface as Surface }
        : `webview/ready: bad surface ${JSON.stringify(raw.surface)}`;
    case 'lab/pong':
      return isString(raw.requestId) && REQUEST_ID.test(raw.requestId) ? { type: raw.type, requestId: raw.requestId } : 'lab/pong: bad requestId';
    case 'lab/report': {
      if (!isString(raw.requestId) || !REQUEST_ID.test(raw.requestId)) return 'lab/report: bad requestId';
      const report = parseLabReport(raw.report);
      return typeof report === 'string' ? `lab/report: ${report}` : { type: raw.type, requestId: raw.requestId, report };
    }
    case 'lab/open': {
      const section = parseSection(raw.section);
      if (!section) return `lab/open: unknown section ${JSON.stringify(raw.section)}`;
      if (raw.focus === undefined) return { type: raw.type, section };
      const focus = parseFocus(raw.focus);
      return typeof focus === 'string' ? `lab/open: ${focus}` : { type: raw.type, section, focus };
    }
    case 'train/start': {
      const ids = stringArray(raw.activations, (a) => ACTIVATION_NAME.test(a), 1, MAX_COMPARED_ACTIVATIONS);
      if (!Array.isArray(ids)) return `train/start: activations: ${ids.error}`;
      if (new Set(ids).size !== ids.length) return 'train/start: activations repeat';
      if (!isInt(raw.epochs, 1, MAX_EPOCHS)) return `train/start: epochs must be an integer from 1 to ${MAX_EPOCHS}`;
      if (!optional(raw.limitTrain, (v) => isInt(v, MIN_LIMIT_TRAIN, MAX_LIMIT_TRAIN))) {
        return `train/start: limitTrain must be an integer from ${MIN_LIMIT_TRAIN} to ${MAX_LIMIT_TRAIN}`;
      }
      if (!optional(raw.seeds, (v) => isInt(v, 1, SWEEP_LIMITS.maxSeeds))) return `train/start: seeds must be an integer from 1 to ${SWEEP_LIMITS.maxSeeds}`;
      let learn: string[] | undefined;
      if (raw.learn !== undefined) {
        const names = stringArray(raw.learn, (n) => PARAM_NAME.test(n), 1, MAX_LEARNED_PARAMS);
        if (!Array.isArray(names)) return `train/start: learn must list 1 to ${MAX_LEARNED_PARAMS} parameter names: ${names.error}`;
        if (new Set(names).size !== names.length) return 'train/start: learn repeats a parameter name';
        learn = [...names];
      }
      const settings = parseTrainSettings(raw);
      if (typeof settings === 'string') return `train/start: ${settings}`;
      return {
        type: raw.type, activations: ids, epochs: raw.epochs, ...(raw.limitTrain !== undefined ? { limitTrain: raw.limitTrain as number } : {}),
        ...(raw.seeds !== undefined ? { seeds: raw.seeds as number } : {}), ...(learn ? { learn } : {}), ...settings,
      };
    }
    case 'sweep/start': {
      const ids = stringArray(raw.activations, (a) => ACTIVATION_NAME.test(a), 1, MAX_COMPARED_ACTIVATIONS);
      if (!Array.isArray(ids)) return `sweep/start: activations: ${ids.error}`;
      if (new Set(ids).size !== ids.length) return 'sweep/start: activations repeat';
      const depths = arrayOf(raw.depths, (d) => (isInt(d, 1, SWEEP_LIMITS.maxDepth) ? d : `depth must be an integer from 1 to ${SWEEP_LIMITS.maxDepth}`), 1, SWEEP_LIMITS.maxDepths);
      if (typeof depths === 'string') return `sweep/start: depths: ${depths}`;
      if (new Set(depths).size !== depths.length) return 'sweep/start: depths repeat';
      if (!isInt(raw.width, 1, SWEEP_LIMITS.maxWidth)) return `sweep/start: width must be an integer from 1 to ${SWEEP_LIMITS.maxWidth}`;
      if (!isInt(raw.seeds, 1, SWEEP_LIMITS.maxSeeds)) return `sweep/start: seeds must be an integer from 1 to ${SWEEP_LIMITS.maxSeeds}`;
      if (!isInt(raw.epochs, 1, MAX_EPOCHS)) return `sweep/start: epochs must be an integer from 1 to ${MAX_EPOCHS}`;
      if (!optional(raw.limitTrain, (v) => isInt(v, MIN_LIMIT_TRAIN, MAX_LIMIT_TRAIN))) return `sweep/start: limitTrain must be an integer from ${MIN_LIMIT_TRAIN} to ${MAX_LIMIT_TRAIN}`;
      const runs = ids.length * depths.length * raw.seeds;
      if (runs > SWEEP_LIMITS.maxRuns) return `sweep/start: ${runs} runs; a sweep takes at most ${SWEEP_LIMITS.maxRuns}`;
      return {
        type: raw.type, activations: ids, depths, width: raw.width, seeds: raw.seeds, epochs: raw.epochs,
        ...(raw.limitTrain !== undefined ? { limitTrain: raw.limitTrain as number } : {}),
      };
    }
    case 'train/resume':
      return isString(raw.id) && EXPERIMENT_ID.test(raw.id) ? { type: raw.type, id: raw.id } : 'train/resume: bad experiment id';
    case 'train/stop':
    case 'runs/refresh':
      return { type: raw.type };
    case 'runs/open':
    case 'report/open':
    case 'report/openExternal':
      return isString(raw.id) && EXPERIMENT_ID.test(raw.id) ? { type: raw.type, id: raw.id } : `${raw.type}: bad experiment id`;
    case 'custom/save': {
      const def = parseCustomActivationDef(raw.def);
      return typeof def === 'string' ? `custom/save: ${def}` : { type: raw.type, def };
    }
    case 'chart/export': {
      if (raw.format !== 'svg' && raw.format !== 'png') return `chart/export: format must be svg or png, got ${JSON.stringify(raw.format)}`;
      if (!isString(raw.name) || !CHART_NAME.test(raw.name)) return 'chart/export: bad chart name';
      if (!isString(raw.data) || raw.data.length > MAX_EXPORT_CHARS) return 'chart/export: data must be a string of at most 16 MB';
      if (raw.format === 'svg' && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(raw.data)) return 'chart/export: data is not an SVG document';
      if (raw.format === 'png' && !/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(raw.data)) return 'chart/export: data is not a PNG data URL';
      return { type: raw.type, format: raw.format, name: raw.name, data: raw.data };
    }
    case 'playground/export': {
      const model = parsePlaygroundModel(raw.model);
      if (typeof model === 'string') return `playground/export: ${model}`;
      const check = parsePlaygroundCheck(raw.check);
      return typeof check === 'string' ? `playground/export: ${check}` : { type: raw.type, model, check };
    }
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

/** Validates a message from the host, in the webview (it trusts nothing blindly either). */
export function parseToWebview(raw: unknown): ToWebview | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'lab/state': {
      const s = raw.state;
      if (!isRecord(s)) return 'lab/state: state is not an object';
      if (!SURFACES.includes(s.surface as Surface)) return 'lab/state: bad surface';
      if (typeof s.locale !== 'string' || typeof s.version !== 'string') return 'lab/state: bad locale or version';
      if (s.experiment !== undefined && (!isString(s.experiment) || !EXPERIMENT_ID.test(s.experiment))) return 'lab/state: bad experiment id';
      if (s.run !== undefined && (!isString(s.run) || !PATH_SEGMENT.test(s.run))) return 'lab/state: bad run id';
      if (s.canOpenExternal !== undefined && typeof s.canOpenExternal !== 'boolean') return 'lab/state: canOpenExternal must be a boolean';
      return {
        type: 'lab/state',
        state: {
          surface: s.surface as Surface, locale: s.locale, version: s.version,
          ...(s.experiment !== undefined ? { experiment: s.experiment } : {}),
          ...(s.run !== undefined ? { run: s.run } : {}),
          ...(s.canOpenExternal !== undefined ? { canOpenExternal: s.canOpenExternal } : {}),
        },
      };
    }
    case 'lab/show': {
      const section = parseSection(raw.section);
      if (!section) return `lab/show: unknown section ${JSON.stringify(raw.section)}`;
      // Playground settings come from a command's arguments: an invalid field is dropped, as a hover link's parameters are.
      const playground = raw.playground === undefined ? undefined : parsePlaygroundFocus(raw.playground);
      if (typeof playground === 'string') return `lab/show: ${playground}`;
      const withPlayground = playground ? { playground } : {};
      if (raw.focus === undefined) return { type: raw.type, section, ...withPlayground };
      const focus = parseFocus(raw.focus);
      return typeof focus === 'string' ? `lab/show: ${focus}` : { type: raw.type, section, focus, ...withPlayground };
    }
    case 'lab/ping':
    case 'lab/query':
      return isString(raw.requestId) && REQUEST_ID.test(raw.requestId) ? { type: raw.type, requestId: raw.requestId } : `${raw.type}: bad requestId`;
    case 'lab/custom': {
      const defs = arrayOf(raw.defs, parseCustomActivationDef, 0, 200);
      return typeof defs === 'string' ? `lab/custom: ${defs}` : { type: raw.type, defs };
    }
    case 'lab/notice':
      return (raw.level === 'info' || raw.level === 'error') && isString(raw.text)
        ? { type: raw.type, level: raw.level, text: raw.text.slice(0, 2000) }
        : 'lab/notice: bad level or text';
    case 'train/snapshot': {
      if (raw.snapshot === null) return { type: raw.type, snapshot: null };
      const snapshot = parseJobSnapshot(raw.snapshot);
      return typeof snapshot === 'string' ? `train/snapshot: ${snapshot}` : { type: raw.type, snapshot };
    }
    case 'train/event': {
      const event = parseTrainingEvent(raw.event);
      return typeof event === 'string' ? `train/event: ${event}` : { type: raw.type, event };
    }
    case 'runs/list': {
      const list = arrayOf(raw.experiments, parseExperimentSummary, 0, 500);
      return typeof list === 'string' ? `runs/list: ${list}` : { type: raw.type, experiments: list };
    }
    case 'runs/results': {
      if (!isString(raw.id) || !EXPERIMENT_ID.test(raw.id)) return 'runs/results: bad experiment id';
      const results = parseResultsView(raw.results);
      return typeof results === 'string' ? `runs/results: ${results}` : { type: raw.type, id: raw.id, results };
    }
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}
