import { LAB_SECTIONS, parseToWebview, type LabSection, type LabState } from '../src/protocol/messages';
import { setLocale, t, type MessageKey } from './i18n';
import { getPageState, post, setPageState } from './vscodeApi';

interface PageState {
  section: LabSection;
}

const app = document.getElementById('app')!;
const surface = document.body.dataset.surface === 'sidebar' ? 'sidebar' : 'panel';
let state: LabState | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(): void {
  app.replaceChildren();
  if (!state) {
    app.append(el('p', { class: 'status' }, t('status.loading')));
    return;
  }
  const nav = el('nav', { role: 'tablist', 'aria-label': t('sections.label') });
  for (const section of LAB_SECTIONS) {
    const selected = section === state.section;
    const tab = el('button', {
      role: 'tab',
      id: `tab-${section}`,
      'aria-selected': String(selected),
      'aria-controls': `section-${section}`,
      tabindex: selected ? '0' : '-1',
      'data-section': section,
    }, t(`section.${section}` as MessageKey));
    tab.addEventListener('click', () => selectSection(section));
    nav.append(tab);
  }
  // Arrow keys move between tabs, as in VS Code's own tab lists.
  nav.addEventListener('keydown', (e) => {
    if (!state || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const i = LAB_SECTIONS.indexOf(state.section);
    const next = LAB_SECTIONS[(i + (e.key === 'ArrowRight' ? 1 : LAB_SECTIONS.length - 1)) % LAB_SECTIONS.length]!;
    selectSection(next);
    document.getElementById(`tab-${next}`)?.focus();
  });
  const body = el('section', { role: 'tabpanel', id: `section-${state.section}`, 'aria-labelledby': `tab-${state.section}` });
  body.append(el('h2', {}, t(`section.${state.section}` as MessageKey)));
  app.append(nav, body, el('p', { class: 'status', 'data-testid': 'status' }, `${t('status.ready')} · v${state.version}`));
}

function selectSection(section: LabSection): void {
  if (!state) return;
  state = { ...state, section };
  setPageState<PageState>({ section });
  post({ type: 'webview/showSection', section });
  render();
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseToWebview(event.data);
  if (typeof msg === 'string') {
    console.warn(`[activation-lab] ignored a host message: ${msg}`);
    return;
  }
  switch (msg.type) {
    case 'lab/state': {
      const saved = getPageState<PageState>();
      state = { ...msg.state, section: saved.section && LAB_SECTIONS.includes(saved.section) ? saved.section : msg.state.section };
      setLocale(state.locale);
      document.documentElement.lang = state.locale;
      render();
      break;
    }
    case 'lab/ping':
      post({ type: 'webview/pong', nonce: msg.nonce });
      break;
  }
});

render();
post({ type: 'webview/ready', surface });
