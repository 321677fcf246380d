// The lab webview: one bundle for the panel (tabs Functions, Train, Runs, Guide) and the sidebar.
// Every host message is validated first; what the user chose is saved with setState and what the
// host knows is replayed after `webview/ready`, so the page survives hiding and reloads.
import { LAB_SECTIONS, parseToWebview, type LabReport, type LabSection, type ToWebview } from '../src/protocol/messages';
import type { GuideLink } from '../src/core/guide/content';
import { focusParams, recordFor } from './activations';
import { liveCharts, sweepCharts } from './charts';
import { el } from './dom';
import { setLocale, t, type MessageKey } from './i18n';
import { renderFunctions } from './sections/functions';
import { renderGuide } from './sections/guide';
import { renderRuns, showResults } from './sections/runs';
import { renderTrain } from './sections/train';
import { renderSidebar } from './sidebar';
import { host, page, savePage } from './state';
import { onThemeChange } from './theme';
import { applyEvent, applyStatus, job, resetJobViews } from './trainStore';
import { getPageState, post } from './vscodeApi';

const app = document.getElementById('app')!;
const surface = document.body.dataset.surface === 'sidebar' ? 'sidebar' : 'panel';
const notice = el('div', { class: 'notice', role: 'status', hidden: '' });

function render(): void {
  resetJobViews();
  app.replaceChildren();
  sweepCharts();
  const state = host.state;
  if (!state) {
    app.append(el('p', { class: 'status' }, t('status.loading')));
    return;
  }
  if (surface === 'sidebar') {
    app.append(notice);
    renderSidebar(app);
    return;
  }
  const nav = el('nav', { role: 'tablist', 'aria-label': t('sections.label') });
  for (const section of LAB_SECTIONS) {
    const selected = section === page.section;
    const tab = el('button', {
      role: 'tab', id: `tab-${section}`, 'aria-selected': String(selected), 'aria-controls': `section-${section}`,
      tabindex: selected ? '0' : '-1', 'data-section': section, type: 'button',
    }, t(`section.${section}` as MessageKey));
    tab.addEventListener('click', () => selectSection(section));
    nav.append(tab);
  }
  // Arrow keys move between tabs, Home and End to the ends (the WAI-ARIA tabs pattern, as VS Code's tab lists).
  nav.addEventListener('keydown', (e) => {
    const i = LAB_SECTIONS.indexOf(page.section);
    const n = LAB_SECTIONS.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = LAB_SECTIONS[to]!;
    selectSection(next);
    document.getElementById(`tab-${next}`)?.focus();
  });
  const body = el('section', { role: 'tabpanel', id: `section-${page.section}`, 'aria-labelledby': `tab-${page.section}`, tabindex: '-1' });
  app.append(nav, notice, body);
  switch (page.section) {
    case 'functions': renderFunctions(body); break;
    case 'train': renderTrain(body); break;
    case 'runs': renderRuns(body); break;
    case 'guide': renderGuide(body, goToFunctions); break;
  }
  app.append(el('p', { class: 'status footer', 'data-testid': 'status' }, `${t('status.ready')} · v${state.version}`));
}

function selectSection(section: LabSection, announce = true): void {
  page.section = section;
  savePage();
  if (announce) post({ type: 'webview/showSection', section });
  render();
}

/** A guide link: the Functions section showing the activations and the view that makes the point. */
function goToFunctions(link: GuideLink): void {
  if (link.view === 'plot' && link.activations.length === 1) page.fn.selected = link.activations[0]!;
  else page.fn.compare = [...link.activations];
  page.fn.view = link.view;
  selectSection('functions');
}

/** Sets the sliders of one activation to the values the host sent (a hover's code), known names only. */
function applyFocusParams(id: string, given: Record<string, number>): void {
  const record = recordFor(id, host.customs);
  // A custom activation may arrive after the state: keep the values; paramsFor reads only its names.
  if (!record) { page.fn.params[id] = { ...given }; return; }
  const { params, ignored } = focusParams(record, page.fn.params[id], given);
  page.fn.params[id] = params;
  if (ignored.length) console.warn(`[activation-lab] ${id}: parameters not applied (unknown or out of the slider's range): ${ignored.join(', ')}`);
}

function showNotice(level: 'info' | 'error', text: string): void {
  notice.hidden = false;
  notice.className = `notice ${level}`;
  notice.textContent = text;
}

async function report(): Promise<LabReport> {
  const charts = liveCharts();
  await Promise.all(charts.map((c) => c.drawn));
  const out = charts.map((c) => ({ id: c.id, marks: c.marks(), rows: c.rows, embeds: c.embeds }));
  const sparks = app.querySelectorAll('svg.spark path').length;
  if (sparks) out.push({ id: 'sparklines', marks: sparks, rows: app.querySelectorAll('svg.spark').length, embeds: 0 });
  const status = document.querySelector('[data-train-status]')?.textContent ?? job.lastLine;
  return { surface, section: surface === 'sidebar' ? 'functions' : page.section, charts: out, status };
}

function handle(msg: ToWebview): void {
  switch (msg.type) {
    case 'lab/state': {
      host.state = msg.state;
      setLocale(msg.state.locale);
      document.documentElement.lang = msg.state.locale;
      const focus = msg.state.focus;
      const key = focus ? JSON.stringify(focus) : undefined;
      if (focus && key !== page.focusKey && surface === 'panel') {
        // The host asked for these activations (Compare Activations, the sidebar): once per request.
        page.focusKey = key;
        if (focus.activations.length === 1 && (focus.view ?? 'plot') === 'plot') {
          page.fn.selected = focus.activations[0]!;
          if (focus.params) applyFocusParams(focus.activations[0]!, focus.params);
        } else if (focus.activations.length) page.fn.compare = [...focus.activations];
        page.fn.view = focus.view ?? (focus.activations.length > 1 ? 'compare' : 'plot');
        page.section = 'functions';
      } else if (!firstState || !savedSectionAtLoad) {
        // The first state keeps the section saved before a reload; later ones are the host asking.
        page.section = msg.state.section;
      }
      firstState = false;
      savePage();
      render();
      break;
    }
    case 'lab/ping':
      post({ type: 'webview/pong', nonce: msg.nonce });
      break;
    case 'lab/query':
      void report().then((r) => post({ type: 'lab/report', nonce: msg.nonce, report: r }));
      break;
    case 'lab/custom': {
      const changed = JSON.stringify(msg.defs) !== JSON.stringify(host.customs);
      host.customs = msg.defs;
      if (changed && host.state && (surface === 'sidebar' || page.section === 'functions')) render();
      break;
    }
    case 'lab/notice':
      showNotice(msg.level, msg.text);
      break;
    case 'train/status':
      host.train = msg.status;
      applyStatus(msg.status);
      if (msg.status.error) showNotice('error', msg.status.error);
      break;
    case 'train/event':
      applyEvent(msg.event);
      break;
    case 'runs/list': {
      host.experiments = msg.experiments;
      if (host.state && (surface === 'sidebar' || page.section === 'runs' || page.section === 'guide')) render();
      break;
    }
    case 'runs/results':
      host.results = { id: msg.id, view: msg.results };
      showResults();
      break;
  }
}

/** The section saved before this load (a reload keeps it over the host's default). */
const savedSectionAtLoad = LAB_SECTIONS.includes(getPageState<{ section: LabSection }>().section as LabSection);
let firstState = true;

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseToWebview(event.data);
  if (typeof msg === 'string') {
    console.warn(`[activation-lab] ignored a host message: ${msg}`);
    return;
  }
  try {
    handle(msg);
  } catch (e) {
    // A bug drawing one message must not take the page down.
    console.error('[activation-lab] failed to handle', msg.type, e);
  }
});

onThemeChange(() => render());
render();
post({ type: 'webview/ready', surface });
