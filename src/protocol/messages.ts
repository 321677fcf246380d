// Typed messages shared by the extension host, the webview and the training workers.
// Discriminated unions keyed by `type: 'scope/verb'`; every side imports these. Each side
// validates what it receives (parseFromWebview on the host, parseToWebview in the page).
import {
  arrayOf, isFiniteNumber, isInt, isRecord, isString, optional, stringArray, parseCustomDef, parseExperimentSummary, parseLabReport,
  parseResultsView, parseTrainEvent,
} from './validate';
import type { CustomDef, ExperimentSummary, LabReport, ResultsView, TrainEvent } from './labTypes';

export type * from './labTypes';

/** Which page a webview shows: the full lab panel or the sidebar lab. */
export type Surface = 'panel' | 'sidebar';

export type LabSection = 'functions' | 'train' | 'runs' | 'guide';

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

/** Validates focus parameters: a record of finite numbers under identifier names, or a reason. */
export function parseFocusParams(v: unknown): Record<string, number> | string {
  if (!isRecord(v)) return 'params must be an object of numbers';
  const entries = Object.entries(v);
  if (entries.length > MAX_FOCUS_PARAMS) return `params: at most ${MAX_FOCUS_PARAMS} parameters, got ${entries.length}`;
  const out: Record<string, number> = {};
  for (const [name, value] of entries) {
    if (!PARAM_NAME.test(name)) return `params: bad parameter name ${JSON.stringify(name.slice(0, 40))}`;
    if (!isFiniteNumber(value)) return `params: ${name} must be a finite number, got ${JSON.stringify(value)}`;
    out[name] = value;
  }
  return out;
}

export type FunctionsView = 'plot' | 'compare' | 'saturation' | 'gradientFlow' | 'custom';
export const FUNCTIONS_VIEWS: readonly FunctionsView[] = ['plot', 'compare', 'saturation', 'gradientFlow', 'custom'];

export interface LabState {
  surface: Surface;
  section: LabSection;
  locale: string;
  version: string;
  focus?: FunctionsFocus;
}

/** Training as the host sees it: whether a job runs and what it was asked to do. */
export interface TrainStatus {
  running: boolean;
  activations: string[];
  epochs: number;
  /** The experiment folder name (its time stamp) once the job has ended. */
  experiment?: string;
  error?: string;
}

/** Host -> webview. */
export type ToWebview =
  | { type: 'lab/state'; state: LabState }
  | { type: 'lab/ping'; nonce: string }
  /** Test hook: the page answers with a `lab/report` describing what it shows. */
  | { type: 'lab/query'; nonce: string }
  | { type: 'lab/custom'; defs: CustomDef[] }
  | { type: 'lab/notice'; level: 'info' | 'error'; text: string }
  | { type: 'train/status'; status: TrainStatus }
  | { type: 'train/event'; event: TrainEvent }
  | { type: 'runs/list'; experiments: ExperimentSummary[] }
  | { type: 'runs/results'; id: string; results: ResultsView };

export type ChartFormat = 'svg' | 'png';

/** Webview -> host. */
export type FromWebview =
  | { type: 'webview/ready'; surface: Surface }
  | { type: 'webview/pong'; nonce: string }
  | { type: 'webview/showSection'; section: LabSection }
  | { type: 'lab/report'; nonce: string; report: LabReport }
  /** The sidebar asks for the panel, at a section (and a comparison). */
  | { type: 'lab/open'; section: LabSection; focus?: FunctionsFocus }
  | { type: 'train/start'; activations: string[]; epochs: number; limitTrain?: number }
  | { type: 'train/stop' }
  | { type: 'runs/refresh' }
  | { type: 'runs/open'; id: string }
  | { type: 'custom/save'; def: CustomDef }
  | { type: 'chart/export'; format: ChartFormat; name: string; data: string };

export const LAB_SECTIONS: readonly LabSection[] = ['functions', 'train', 'runs', 'guide'];

/** Limits on what the page may ask for. */
export const MAX_TRAIN_ACTIVATIONS = 12;
export const MAX_EPOCHS = 100;
export const MIN_LIMIT_TRAIN = 100;
export const MAX_LIMIT_TRAIN = 60_000;
/** An exported chart: a few MB of SVG or PNG data URL at most. */
export const MAX_EXPORT_CHARS = 16_000_000;
/** Experiment ids are folder names (ISO stamps with ':' and '.' replaced). */
export const EXPERIMENT_ID = /^[A-Za-z0-9_.-]{1,80}$/;
const ACTIVATION_NAME = /^[A-Za-z0-9_().,=+-]{1,64}$/;
const CHART_NAME = /^[A-Za-z0-9_ .()+-]{1,80}$/;

function parseFocus(v: unknown): FunctionsFocus | string {
  if (!isRecord(v)) return 'focus is not an object';
  const ids = stringArray(v.activations, (a) => ACTIVATION_NAME.test(a), 0, 12);
  if (!Array.isArray(ids)) return `focus.activations: ${ids.error}`;
  if (v.view !== undefined && !FUNCTIONS_VIEWS.includes(v.view as FunctionsView)) return `focus.view: unknown view ${JSON.stringify(v.view)}`;
  const params = v.params === undefined ? undefined : parseFocusParams(v.params);
  if (typeof params === 'string') return `focus.${params}`;
  return { activations: ids, ...(v.view !== undefined ? { view: v.view as FunctionsView } : {}), ...(params ? { params } : {}) };
}

/**
 * Validates a message from the webview. Returns the typed message, or a string saying what is
 * wrong: the host logs it and ignores the message, never trusts it.
 */
export function parseFromWebview(raw: unknown): FromWebview | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'webview/ready':
      return raw.surface === 'panel' || raw.surface === 'sidebar'
        ? { type: raw.type, surface: raw.surface }
        : `webview/ready: bad surface ${JSON.stringify(raw.surface)}`;
    case 'webview/pong':
      return typeof raw.nonce === 'string' && raw.nonce.length <= 64
        ? { type: raw.type, nonce: raw.nonce }
        : 'webview/pong: nonce must be a string of at most 64 characters';
    case 'webview/showSection':
      return LAB_SECTIONS.includes(raw.section as LabSection)
        ? { type: raw.type, section: raw.section as LabSection }
        : `webview/showSection: unknown section ${JSON.stringify(raw.section)}`;
    case 'lab/report': {
      if (!isString(raw.nonce) || raw.nonce.length > 64) return 'lab/report: nonce must be a string of at most 64 characters';
      const report = parseLabReport(raw.report);
      return typeof report === 'string' ? `lab/report: ${report}` : { type: raw.type, nonce: raw.nonce, report };
    }
    case 'lab/open': {
      if (!LAB_SECTIONS.includes(raw.section as LabSection)) return `lab/open: unknown section ${JSON.stringify(raw.section)}`;
      if (raw.focus === undefined) return { type: raw.type, section: raw.section as LabSection };
      const focus = parseFocus(raw.focus);
      return typeof focus === 'string' ? `lab/open: ${focus}` : { type: raw.type, section: raw.section as LabSection, focus };
    }
    case 'train/start': {
      const ids = stringArray(raw.activations, (a) => ACTIVATION_NAME.test(a), 1, MAX_TRAIN_ACTIVATIONS);
      if (!Array.isArray(ids)) return `train/start: activations: ${ids.error}`;
      if (new Set(ids).size !== ids.length) return 'train/start: activations repeat';
      if (!isInt(raw.epochs, 1, MAX_EPOCHS)) return `train/start: epochs must be an integer from 1 to ${MAX_EPOCHS}`;
      if (!optional(raw.limitTrain, (v) => isInt(v, MIN_LIMIT_TRAIN, MAX_LIMIT_TRAIN))) {
        return `train/start: limitTrain must be an integer from ${MIN_LIMIT_TRAIN} to ${MAX_LIMIT_TRAIN}`;
      }
      return { type: raw.type, activations: ids, epochs: raw.epochs as number, ...(raw.limitTrain !== undefined ? { limitTrain: raw.limitTrain as number } : {}) };
    }
    case 'train/stop':
    case 'runs/refresh':
      return { type: raw.type };
    case 'runs/open':
      return isString(raw.id) && EXPERIMENT_ID.test(raw.id) ? { type: raw.type, id: raw.id } : 'runs/open: bad experiment id';
    case 'custom/save': {
      const def = parseCustomDef(raw.def);
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
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

function parseTrainStatus(s: unknown): TrainStatus | string {
  if (!isRecord(s)) return 'status is not an object';
  if (typeof s.running !== 'boolean') return 'running must be a boolean';
  const acts = stringArray(s.activations, (a) => a.length <= 128, 0, 64);
  if (!Array.isArray(acts)) return `activations: ${acts.error}`;
  if (!isInt(s.epochs, 0, 100_000)) return 'epochs must be an integer';
  if (!optional(s.experiment, isString) || !optional(s.error, isString)) return 'experiment and error must be strings';
  return {
    running: s.running, activations: acts, epochs: s.epochs as number,
    ...(s.experiment !== undefined ? { experiment: s.experiment as string } : {}),
    ...(s.error !== undefined ? { error: s.error as string } : {}),
  };
}

/** Validates a message from the host, in the webview (it trusts nothing blindly either). */
export function parseToWebview(raw: unknown): ToWebview | string {
  if (!isRecord(raw)) return 'message is not an object';
  switch (raw.type) {
    case 'lab/state': {
      const s = raw.state;
      if (!isRecord(s)) return 'lab/state: state is not an object';
      if (s.surface !== 'panel' && s.surface !== 'sidebar') return 'lab/state: bad surface';
      if (!LAB_SECTIONS.includes(s.section as LabSection)) return 'lab/state: bad section';
      if (typeof s.locale !== 'string' || typeof s.version !== 'string') return 'lab/state: bad locale or version';
      const state: LabState = { surface: s.surface, section: s.section as LabSection, locale: s.locale, version: s.version };
      if (s.focus !== undefined) {
        const focus = parseFocus(s.focus);
        if (typeof focus === 'string') return `lab/state: ${focus}`;
        state.focus = focus;
      }
      return { type: 'lab/state', state };
    }
    case 'lab/ping':
    case 'lab/query':
      return typeof raw.nonce === 'string' ? { type: raw.type, nonce: raw.nonce } : `${raw.type}: nonce must be a string`;
    case 'lab/custom': {
      const defs = arrayOf(raw.defs, parseCustomDef, 0, 200);
      return typeof defs === 'string' ? `lab/custom: ${defs}` : { type: raw.type, defs };
    }
    case 'lab/notice':
      return (raw.level === 'info' || raw.level === 'error') && isString(raw.text)
        ? { type: raw.type, level: raw.level, text: raw.text.slice(0, 2000) }
        : 'lab/notice: bad level or text';
    case 'train/status': {
      const status = parseTrainStatus(raw.status);
      return typeof status === 'string' ? `train/status: ${status}` : { type: raw.type, status };
    }
    case 'train/event': {
      const event = parseTrainEvent(raw.event);
      return typeof event === 'string' ? `train/event: ${event}` : { type: raw.type, event };
    }
    case 'runs/list': {
      const list = arrayOf(raw.experiments, parseExperimentSummary, 0, 500);
      return typeof list === 'string' ? `runs/list: ${list}` : { type: raw.type, experiments: list };
    }
    case 'runs/results': {
      if (!isString(raw.id)) return 'runs/results: id must be a string';
      const results = parseResultsView(raw.results);
      return typeof results === 'string' ? `runs/results: ${results}` : { type: raw.type, id: raw.id, results };
    }
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}

