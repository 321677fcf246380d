// The lab webview: one bundle for the panel (tabs Functions, Train, Runs, Guide, Playground) and the sidebar.
// Every host message is validated first; what the user chose is saved with setState and what the
// host knows is replayed after `webview/ready`, so the page survives hiding and reloads.
import { LAB_SECTIONS, type FunctionsFocus, type LabReport, type LabSection, type Surface } from '../src/protocol/messages';
import type { GuideLink } from '../src/core/guide/content';
import { focusParams, recordFor } from './activations';
import { liveCharts, sweepCharts } from './charts';
import { codicon, el, iconButton } from './dom';
import { setLocale, t, type MessageKey } from './i18n';
import { renderFunctions } from './sections/functions';
import { renderGuide } from './sections/guide';
import { renderRuns, showResults } from './sections/runs';
import { renderSweep } from './sections/sweep';
import { renderTrain, trainResultsArrived } from './sections/train';
import { applyPlaygroundFocus, leavePlayground, playgroundReport, renderPlayground } from './playground/section';
import { pt } from './playground/strings';
import type { PlaygroundFocus } from '../src/protocol/playground';
import { renderSidebar } from './sidebar';
import { host, keepResults, once, page, savePage } from './state';
import { renderReport, reportWants } from './report';
import { onThemeChange } from './theme';
import { lastLine } from './jobText';
import { applyEvent, applySnapshot, currentJob, resetJobViews } from './trainStore';
import { channel, post } from './vscodeApi';

const app = document.getElementById('app')!;
const surface: Surface = document.body.dataset.surface === 'sidebar' ? 'sidebar' : document.body.dataset.surface === 'report' ? 'report' : 'panel';
const notice = el('div', { class: 'notice', role: 'status', hidden: '' });

function render(): void {
  if (page.section !== 'playground' || surface !== 'panel') leavePlayground();
  // A redraw (new runs, a saved activation, a theme change) keeps the section where the user had scrolled it.
  rememberScroll();
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
  if (surface === 'report') {
    app.append(notice);
    renderReport(app);
    return;
  }
  const nav = el('nav', { role: 'tablist', 'aria-label': t('sections.label'), class: 'tabs' });
  for (const section of LAB_SECTIONS) {
    const selected = section === page.section;
    const tab = el('button', {
      role: 'tab', id: `tab-${section}`, 'aria-selected': String(selected), 'aria-controls': `section-${section}`,
      tabindex: selected ? '0' : '-1', 'data-section': section, type: 'button',
    }, codicon(SECTION_ICONS[section]), el('span', {}, section === 'playground' ? pt('section') : t(`section.${section}` as MessageKey)));
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
    const next = LAB_SECTIONS[to];
    selectSection(next);
    document.getElementById(`tab-${next}`)?.focus();
  });
  // The tab bar and the notice stay above the section, which scrolls on its own: nothing slides under them.
  const body = el('section', { role: 'tabpanel', id: `section-${page.section}`, 'aria-labelledby': `tab-${page.section}`, tabindex: '-1', class: 'section-body' });
  app.append(el('header', { class: 'lab-header' }, nav, notice), body);
  switch (page.section) {
    case 'functions': renderFunctions(body); break;
    case 'train': renderTrain(body); break;
    case 'sweep': renderSweep(body); break;
    case 'runs': renderRuns(body); break;
    case 'guide': renderGuide(body, goToFunctions); break;
    case 'playground': renderPlayground(body, { openTrain }); break;
  }
  body.append(el('p', { class: 'status footer', 'data-testid': 'status' }, `${t('status.ready')} · v${state.version}`));
  followScroll(body, page.section);
}

/** The codicon beside each section's name, as VS Code's own views have. */
const SECTION_ICONS: Record<LabSection, string> = { functions: 'graph-line', train: 'play-circle', sweep: 'layers', runs: 'history', guide: 'book', playground: 'graph-scatter' };

/** The section on screen, and the scroll position it is being brought back to (until it gets there or the user scrolls). */
let scroller: { body: HTMLElement; section: LabSection; restoring: number | undefined } | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function rememberScroll(): void {
  if (!scroller || !scroller.body.isConnected) return;
  if (scroller.restoring === undefined) page.scroll[scroller.section] = scroller.body.scrollTop;
}

/**
 * Brings the section back to its saved scroll position and keeps it there while its charts are
 * still drawing (the page grows as they embed), until the user scrolls it themselves.
 */
function followScroll(body: HTMLElement, section: LabSection): void {
  const target = page.scroll[section] ?? 0;
  const s = (scroller = { body, section, restoring: target > 0 ? target : undefined });
  const apply = () => {
    if (s.restoring === undefined || scroller !== s) return;
    body.scrollTop = s.restoring;
  };
  apply();
  void Promise.all(liveCharts().map((c) => c.drawn)).then(() => requestAnimationFrame(() => {
    apply();
    s.restoring = undefined; // everything is drawn: whatever fits now is where it stays
  }));
  const byUser = () => { s.restoring = undefined; };
  for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const) body.addEventListener(type, byUser, { passive: true });
  body.addEventListener('scroll', () => {
    // A scroll event can arrive after the section was replaced (its element detached, at 0): not the user's.
    if (s.restoring !== undefined || scroller !== s || !body.isConnected) return;
    page.scroll[section] = body.scrollTop;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(savePage, 200);
  }, { passive: true });
}

/** The page owns which section it shows (saved with its state, so a reload keeps it). */
function selectSection(section: LabSection): void {
  if (section !== page.section) hideNotice();
  rememberScroll();
  // A link to a view scrolls to that view, not to where the section was left.
  if (once.scrollToView) page.scroll[section] = 0;
  page.section = section;
  savePage();
  render();
}

/** The playground's link to the MNIST trainer: these activations selected there. */
function openTrain(activations: string[]): void {
  page.train.activations = [...activations];
  selectSection('train');
}

/** A guide link: the Functions section showing the activations and the view that makes the point. */
function goToFunctions(link: GuideLink): void {
  if (link.view === 'plot' && link.activations.length === 1) page.fn.selected = link.activations[0]!;
  else replaceComparison(link.activations);
  page.fn.view = link.view;
  once.scrollToView = true;
  selectSection('functions');
}

/** A link's comparison replaces the user's; theirs is kept so the Functions section can bring it back. */
function replaceComparison(ids: readonly string[]): void {
  const mine = page.fn.compare;
  const same = mine.length === ids.length && mine.every((id, i) => id === ids[i]);
  if (!same && mine.length) page.fn.previousCompare = [...mine];
  page.fn.compare = [...ids];
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

/**
 * A notice under the tabs (a saved file, a failed job). It stays until it is closed, the section
 * changes or a new job starts: it never follows the user from tab to tab.
 */
function showNotice(level: 'info' | 'error', text: string): void {
  notice.hidden = false;
  notice.className = `notice ${level}`;
  notice.replaceChildren(
    codicon(level === 'error' ? 'error' : 'info'),
    el('span', { class: 'notice-text', 'data-notice': level }, text),
    iconButton('close', '', t('notice.close'), hideNotice, { 'data-action': 'close-notice' }),
  );
}

function hideNotice(): void {
  notice.hidden = true;
  notice.replaceChildren();
}

async function report(): Promise<LabReport> {
  const charts = liveCharts();
  await Promise.all(charts.map((c) => c.drawn));
  const out = charts.map((c) => ({ id: c.id, marks: c.marks(), rows: c.rows, embeds: c.embeds }));
  const sparks = app.querySelectorAll('svg.spark path').length;
  if (sparks) out.push({ id: 'sparklines', marks: sparks, rows: app.querySelectorAll('svg.spark').length, embeds: 0 });
  const status = document.querySelector('[data-train-status]')?.textContent ?? lastLine(currentJob());
  const section = surface === 'panel' ? page.section : 'functions';
  return { surface, section, charts: out, status, ...(section === 'playground' ? { playground: playgroundReport() } : {}) };
}

/** The host asks for a section: Functions on some activations (Compare, a hover's Open in Lab), the guide on one, or the playground with settings. */
function show(section: LabSection, focus: FunctionsFocus | undefined, playground: PlaygroundFocus | undefined): void {
  if (surface !== 'panel') return;
  if (section === 'playground' && playground) applyPlaygroundFocus(playground);
  if (section === 'functions' && focus && focus.activations.length) {
    if (focus.activations.length === 1 && (focus.view ?? 'plot') === 'plot') {
      page.fn.selected = focus.activations[0]!;
      if (focus.params) applyFocusParams(focus.activations[0], focus.params);
    } else replaceComparison(focus.activations);
    page.fn.view = focus.view ?? (focus.activations.length > 1 ? 'compare' : 'plot');
    once.scrollToView = true;
  }
  if (section === 'guide') page.guide.focus = focus?.activations[0];
  selectSection(section);
}

channel.on('lab/state', ({ state }) => {
  // The report panel switched experiments: the old one's charts go.
  if (surface === 'report' && host.state?.experiment !== state.experiment) page.scroll = {};
  host.state = state;
  setLocale(state.locale);
  document.documentElement.lang = state.locale;
  render();
});
channel.on('lab/show', ({ section, focus, playground }) => show(section, focus, playground));
channel.on('lab/ping', ({ requestId }) => post({ type: 'lab/pong', requestId }));
channel.on('lab/query', ({ requestId }) => void report().then((r) => post({ type: 'lab/report', requestId, report: r })));
channel.on('lab/custom', ({ defs }) => {
  const changed = JSON.stringify(defs) !== JSON.stringify(host.customs);
  host.customs = defs;
  if (changed && host.state && (surface === 'sidebar' || page.section === 'functions' || page.section === 'train' || page.section === 'playground')) render();
});
channel.on('lab/notice', ({ level, text }) => showNotice(level, text));
channel.on('train/snapshot', ({ snapshot }) => applySnapshot(snapshot));
channel.on('train/event', ({ event }) => {
  if (event.type === 'job/started') hideNotice();
  applyEvent(event);
  if (event.type === 'job/ended' && event.status === 'failed' && event.error) showNotice('error', event.error);
});
channel.on('runs/list', ({ experiments }) => {
  host.experiments = experiments;
  if (host.state && (surface === 'sidebar' || (surface === 'panel' && ['runs', 'guide', 'train'].includes(page.section)))) render();
});
channel.on('runs/results', ({ id, results }) => {
  keepResults(id, results);
  if (surface === 'report') {
    if (reportWants(id)) render();
    return;
  }
  showResults();
  trainResultsArrived(id);
});
// A section asks for a redraw of the page (the Functions section bringing back a comparison).
document.addEventListener('lab-redraw', () => render());

onThemeChange(() => render());
render();
post({ type: 'webview/ready', surface });
