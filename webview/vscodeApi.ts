// The page's one handle on the host: the channel over `acquireVsCodeApi` (which may be called
// only once) and the page's saved state.
import { Channel, type Transport } from '../src/protocol/channel';
import { parseToWebview, type FromWebview, type ToWebview } from '../src/protocol/messages';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

/** The page's side of the webview: posts to the host, listens to the window's messages. */
function pageTransport(): Transport {
  return {
    send: (m) => api.postMessage(m),
    listen(receive) {
      const onMessage = (event: MessageEvent) => receive(event.data);
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  };
}

/** Every host message, validated; a malformed one is logged and dropped, a handler's error logged. */
export const channel = new Channel<ToWebview, FromWebview>(pageTransport(), {
  parse: parseToWebview,
  onInvalid: (problem) => console.warn(`[activation-lab] ignored a host message: ${problem}`),
  onHandlerError: (type, e) => console.error('[activation-lab] failed to handle', type, e),
});

export function post(msg: FromWebview): void {
  channel.send(msg);
}

export function getPageState<T>(): Partial<T> {
  const s = api.getState();
  return typeof s === 'object' && s !== null ? (s) : {};
}

export function setPageState<T>(s: T): void {
  api.setState(s);
}
