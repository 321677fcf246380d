// Typed messages shared by the extension host, the webview and the training workers.
// Discriminated unions keyed by `type: 'scope/verb'`; every side imports these.

/** Which page a webview shows: the full lab panel or the sidebar lab. */
export type Surface = 'panel' | 'sidebar';

export type LabSection = 'functions' | 'train' | 'runs' | 'guide';

export interface LabState {
  surface: Surface;
  section: LabSection;
  locale: string;
  version: string;
}

/** Host -> webview. */
export type ToWebview =
  | { type: 'lab/state'; state: LabState }
  | { type: 'lab/ping'; nonce: string };

/** Webview -> host. */
export type FromWebview =
  | { type: 'webview/ready'; surface: Surface }
  | { type: 'webview/pong'; nonce: string }
  | { type: 'webview/showSection'; section: LabSection };

export const LAB_SECTIONS: readonly LabSection[] = ['functions', 'train', 'runs', 'guide'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
      if (s.surface !== 'panel' && s.surface !== 'sidebar') return 'lab/state: bad surface';
      if (!LAB_SECTIONS.includes(s.section as LabSection)) return 'lab/state: bad section';
      if (typeof s.locale !== 'string' || typeof s.version !== 'string') return 'lab/state: bad locale or version';
      return { type: 'lab/state', state: s as unknown as LabState };
    }
    case 'lab/ping':
      return typeof raw.nonce === 'string' ? { type: 'lab/ping', nonce: raw.nonce } : 'lab/ping: nonce must be a string';
    default:
      return `unknown message type ${JSON.stringify(raw.type)}`;
  }
}
