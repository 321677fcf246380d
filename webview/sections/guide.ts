// Guide: the chooser (a few answers give a ranked recommendation with reasons, each linking to the
// plot that shows it), then the tutorial in its order: why non-linearity (with a plot), its six
// functions, advice per layer, the considerations, the experiment's expected result beside the
// user's own runs, trends, the thinking questions and further reading.
import { getActivation, ACTIVATIONS } from '../../src/core/activations/registry';
import { stackSpec } from '../../src/core/charts/guide';
import { CONSTRAINTS, recommend, type Constraint, type Reason, type ReasonKind } from '../../src/core/guide/chooser';
import { chooserEvidence } from '../../src/core/guide/evidence';
import { readableDate } from '../../src/core/charts/names';
import { CONSIDERATIONS, LAYER_ADVICE, LAYER_ROLES, TASKS, TUTORIAL_FUNCTIONS, type GuideLink, type GuideSection, type LayerRole } from '../../src/core/guide/content';
import type { EvidenceSource } from '../../src/core/guide/evidence';
import { compareWithTutorial, EXPECTED_RESULT, YOUR_RUNS } from '../../src/core/guide/experiment';
import { NON_LINEARITY, stackRows } from '../../src/core/guide/nonLinearity';
import { QUESTIONS, QUESTIONS_INTRO, QUESTIONS_TITLE } from '../../src/core/guide/questions';
import { READING, READING_TITLE } from '../../src/core/guide/reading';
import { TRENDS, TRENDS_TITLE } from '../../src/core/guide/trends';
import { Chart } from '../charts';
import { recordFor } from '../activations';
import { button, checkbox, el, integerField, labelled, select } from '../dom';
import { chartLabels, count, fill, lang, shownName, t } from '../i18n';
import { host, page, savePage } from '../state';
import { chartTheme } from '../theme';

export type Navigate = (link: GuideLink) => void;


/** Text whose `code` spans (backticks) become <code>, the rest plain text nodes. */
function rich(s: string): (string | HTMLElement)[] {
  return s.split(/`([^`]+)`/).map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

function linkButton(link: GuideLink, go: Navigate): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'link', 'data-link': `${link.view}:${link.activations.join(',')}` },
    fill(t('guide.link'), t(`guide.view.${link.view}` as never), link.activations.map((id) => { const r = recordFor(id, host.customs); return r ? shownName(r) : id; }).join(t('list.sep'))));
  b.addEventListener('click', () => go(link));
  return b;
}

function section(s: GuideSection, go: Navigate, ...extra: (Node | undefined)[]): HTMLElement {
  const l = lang();
  return el('section', { class: 'block', id: `guide-${s.id}`, 'data-guide-section': s.id },
    el('h3', {}, s.title[l]), el('p', {}, ...rich(s.text[l])), s.link ? el('p', {}, linkButton(s.link, go)) : undefined, ...extra);
}

/** The plot of three dense layers with no activation, ReLU and tanh between them. */
function stackChart(root: HTMLElement): HTMLElement {
  const labels = chartLabels();
  const chart = new Chart('guide-stack', 'non-linearity', labels.stackTitle);
  const rows = stackRows();
  const width = Math.max(260, Math.min(520, (root.clientWidth || 760) - 200));
  void chart.render(stackSpec(rows, { labels, theme: chartTheme(), width }), rows.length);
  return chart.element;
}

function tutorialFunctions(go: Navigate): HTMLElement {
  const ids = ACTIVATIONS.filter((a) => a.tutorial).map((a) => a.id);
  return section(TUTORIAL_FUNCTIONS, go,
    el('p', { class: 'controls' }, ...ids.map((id) => {
      const b = el('button', { type: 'button', class: 'link', 'data-link': `plot:${id}` }, shownName(getActivation(id)));
      b.addEventListener('click', () => go({ view: 'plot', activations: [id] }));
      return b;
    })));
}

/** The tutorial's expected order and, beside it, the user's newest comparable experiment. */
function yourRuns(): HTMLElement {
  const l = lang();
  const out = el('div', { 'data-your-runs': '' }, el('h4', {}, YOUR_RUNS.title[l]));
  const cmp = compareWithTutorial(host.experiments);
  if (!cmp) {
    out.append(el('p', { class: 'hint' }, YOUR_RUNS.none[l]));
    return out;
  }
  const x = cmp.experiment;
  out.append(
    el('p', {}, fill(YOUR_RUNS.from[l], readableDate(x.createdAt, l), String(x.epochs), x.dataset), ' ', yourRunsKind(x as (typeof host.experiments)[number])),
    el('table', { class: 'results-table' },
      el('thead', {}, el('tr', {}, el('th', {}, t('guide.col.activation')), el('th', {}, t('guide.col.test')), el('th', {}, t('guide.col.expected')))),
      el('tbody', {}, ...cmp.rows.map((r) => el('tr', { 'data-activation': r.activation },
        el('td', {}, shownName(getActivation(r.activation))), el('td', { class: 'num' }, pct(r.testAccuracy)), el('td', { class: 'num' }, String(r.expectedRank)))))),
    el('p', { 'data-verdict': cmp.inversions.length ? 'differs' : 'agrees' }, cmp.inversions.length
      ? fill(YOUR_RUNS.differs[l], cmp.inversions.map((i) => `${shownName(getActivation(i.expectedWorse.activation))} ${pct(i.expectedWorse.testAccuracy)} > ${shownName(getActivation(i.expectedBetter.activation))} ${pct(i.expectedBetter.testAccuracy)}`).join(t('list.sep')))
      : YOUR_RUNS.agrees[l]),
  );
  return out;
}

/** Whether the experiment beside the tutorial is a quick or a full run, and on how many test images. */
function yourRunsKind(x: { limitTrain?: number; runs: readonly { testCount?: number }[] }): HTMLElement {
  const tested = x.runs.find((r) => r.testCount !== undefined)?.testCount;
  const quick = x.limitTrain !== undefined;
  return el('span', { class: 'hint', 'data-kind': quick ? 'quick' : 'full' },
    fill(t(quick ? 'run.quick' : 'run.full'), quick ? count(x.limitTrain!) : t('run.allImages'), tested !== undefined ? count(tested) : '?'));
}

function trends(go: Navigate): HTMLElement {
  const l = lang();
  return el('section', { class: 'block', id: 'guide-trends', 'data-guide-section': 'trends' }, el('h3', {}, TRENDS_TITLE[l]),
    el('div', { class: 'cards' }, ...TRENDS.map((s) => el('article', { class: 'card', 'data-trend': s.id },
      el('h4', {}, s.title[l]), el('p', {}, ...rich(s.text[l])), s.link ? linkButton(s.link, go) : undefined))));
}

function questions(go: Navigate): HTMLElement {
  const l = lang();
  return el('section', { class: 'block', id: 'guide-questions', 'data-guide-section': 'questions' }, el('h3', {}, QUESTIONS_TITLE[l]),
    el('p', { class: 'hint' }, QUESTIONS_INTRO[l]),
    ...QUESTIONS.map((q, i) => {
      // the WAI-ARIA disclosure pattern: a button that shows the answer under it
      const answer = el('div', { id: `guide-answer-${q.id}`, class: 'answer', hidden: '' },
        el('p', {}, ...rich(q.answer[l])), el('p', {}, linkButton(q.link, go)));
      const toggle = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': answer.id, 'data-question': q.id }, `${i + 1}. ${q.question[l]}`);
      toggle.addEventListener('click', () => {
        const open = answer.hidden;
        answer.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
      });
      return el('div', { class: 'question' }, el('p', {}, toggle), answer);
    }));
}

function reading(): HTMLElement {
  const l = lang();
  return el('section', { class: 'block', id: 'guide-reading', 'data-guide-section': 'reading' }, el('h3', {}, READING_TITLE[l]),
    el('ul', {}, ...READING.map((r) => el('li', {},
      el('a', { href: r.url }, r.title), r.byline ? fill(t('guide.byline'), r.byline) : undefined, el('br'), el('span', { class: 'hint' }, r.note[l])))));
}

export function renderGuide(root: HTMLElement, go: Navigate): void {
  const l = lang();
  const g = page.guide;
  const results = el('ol', { class: 'ranking', 'aria-live': 'polite', 'data-ranking': '' });

  function rank(): void {
    savePage();
    const found = chooserEvidence(g.role, host.experiments);
    evidenceNote.replaceChildren(...evidenceLine(g.role, found?.source));
    let recs;
    try {
      // the newest sweep (experiments come newest first) speaks for the user's own measurements
      const sweep = host.experiments.find((x) => x.sweep)?.sweep;
      recs = recommend({
        role: g.role, task: g.task, depth: g.depth, constraints: g.constraints,
        ...(found ? { evidence: found.accuracy, evidenceFrom: found.source } : {}), ...(sweep ? { sweep } : {}),
      });
    } catch (e) {
      results.replaceChildren(el('li', { class: 'error' }, (e as Error).message));
      return;
    }
    results.replaceChildren(...recs.slice(0, 6).map((r, i) => el('li', { 'data-activation': r.activation, class: i === 0 ? 'top' : undefined },
      el('strong', {}, shownName(getActivation(r.activation))),
      el('span', { class: 'hint', 'data-score': String(r.score) }, ` ${fill(t('guide.scoreIs'), points(r.score))}`),
      el('ul', { class: 'reasons' }, ...r.reasons.map((reason) => reasonItem(reason, go))))));
  }

  const role = select(LAYER_ROLES.map((v) => ({ value: v, text: t(`guide.role.${v}` as never) })), g.role, (v) => { g.role = v; rank(); }, { 'data-guide': 'role' });
  const task = select(TASKS.map((v) => ({ value: v, text: t(`guide.task.${v}` as never) })), g.task, (v) => { g.task = v; rank(); }, { 'data-guide': 'task' });
  const depth = integerField(g.depth, 1, 200, (v) => { g.depth = v; rank(); }, { 'data-guide': 'depth' });
  const evidenceNote = el('p', { class: 'hint', 'data-evidence': '' });
  const constraints = el('fieldset', { class: 'picks' }, el('legend', {}, t('guide.constraints')),
    ...CONSTRAINTS.map((c: Constraint) => checkbox(t(`guide.c.${c}` as never), g.constraints.includes(c), (on) => {
      g.constraints = on ? [...g.constraints, c] : g.constraints.filter((x) => x !== c);
      rank();
    }, { 'data-constraint': c })));

  const chooser = el('section', { class: 'block', id: 'guide-chooser' },
    el('h3', {}, t('guide.chooser')),
    el('div', { class: 'controls' }, labelled(t('guide.role'), role), labelled(t('guide.task'), task), labelled(t('guide.depth'), depth)),
    constraints, el('p', { class: 'hint' }, t('guide.scoreHint')), evidenceNote, results);

  const advice = el('section', { class: 'block', id: 'guide-perLayer' }, el('h3', {}, t('guide.perLayer')),
    el('div', { class: 'cards' }, ...LAYER_ADVICE.map((a) => el('article', { class: 'card' },
      el('h4', {}, a.title[l]), el('p', {}, a.text[l]), el('p', {}, el('code', {}, a.activations.join(' · ')), ' ', linkButton(a.link, go))))));
  const considerations = el('section', { class: 'block', id: 'guide-considerations' }, el('h3', {}, t('guide.considerations')),
    el('div', { class: 'cards' }, ...CONSIDERATIONS.map((c) => el('article', { class: 'card', 'data-consideration': c.id },
      el('h4', {}, c.title[l]), el('p', {}, c.text[l]), linkButton(c.link, go)))));
  const about = focusCard(go, () => {
    g.focus = undefined;
    savePage();
    about?.remove();
  });

  const parts: [id: string, title: string][] = [
    ['guide-chooser', t('guide.chooser')],
    [`guide-${NON_LINEARITY.id}`, NON_LINEARITY.title[l]],
    ['guide-perLayer', t('guide.perLayer')],
    ['guide-considerations', t('guide.considerations')],
    [`guide-${EXPECTED_RESULT.id}`, EXPECTED_RESULT.title[l]],
    ['guide-trends', TRENDS_TITLE[l]],
    ['guide-questions', QUESTIONS_TITLE[l]],
    ['guide-reading', READING_TITLE[l]],
  ];
  const contents = el('nav', { class: 'controls', 'aria-label': t('guide.contents') }, el('strong', {}, t('guide.contents')),
    ...parts.map(([id, title]) => {
      const b = el('button', { type: 'button', class: 'link', 'data-goto': id }, title);
      b.addEventListener('click', () => document.getElementById(id)?.scrollIntoView({ block: 'start' }));
      return b;
    }));

  root.append(
    ...(about ? [about] : []),
    contents,
    chooser,
    section(NON_LINEARITY, go, stackChart(root)),
    tutorialFunctions(go),
    advice,
    considerations,
    section(EXPECTED_RESULT, go, yourRuns()),
    trends(go),
    questions(go),
    reading(),
  );
  rank();
}

/** A score or weight as the page writes it: +1.5, −3, 8.51. */
function points(v: number, sign = false): string {
  const s = String(Math.round(Math.abs(v) * 100) / 100);
  return v < 0 ? `−${s}` : sign ? `+${s}` : s;
}

const SIGNS: Record<ReasonKind, string> = { base: '•', pro: '+', con: '−', evidence: '◆' };

/** One reason, marked for what it is (a drawback is a con whatever its number), with the points it adds. */
function reasonItem(reason: Reason, go: Navigate): HTMLElement {
  const kind: ReasonKind = reason.kind ?? (reason.weight < 0 ? 'con' : 'pro');
  const l = lang();
  return el('li', { class: kind === 'con' ? 'against' : kind === 'pro' ? 'for' : kind, 'data-kind': kind, 'data-sweep-evidence': reason.fromSweep ? '' : undefined },
    el('span', { class: 'sign', 'aria-label': t(`guide.kind.${kind}` as never) }, SIGNS[kind]),
    ' ', reason.text[l], ' ',
    el('span', { class: 'points', title: t('guide.pointsTip') }, `(${points(reason.weight, true)})`),
    ' ', reason.link ? linkButton(reason.link, go) : undefined);
}

/** Which runs the ranking counts, or why none: the rules of evidence.ts in words. */
function evidenceLine(role: LayerRole, from: EvidenceSource | undefined): (string | HTMLElement)[] {
  if (role !== 'hidden') return host.experiments.length ? [t('guide.evidence.notThisLayer')] : [];
  if (!from) return host.experiments.length ? [t('guide.evidence.none')] : [];
  const when = readableDate(from.createdAt, lang());
  const text = from.quick
    ? fill(t('guide.evidence.quick'), when, from.trainImages !== undefined ? count(from.trainImages) : '?', from.testImages !== undefined ? count(from.testImages) : '?')
    : fill(t('guide.evidence.full'), when, from.testImages !== undefined ? count(from.testImages) : '?');
  return [el('span', { class: `badge kind ${from.quick ? 'quick' : 'full'}`, 'data-kind': from.quick ? 'quick' : 'full' }, t(from.quick ? 'badge.quick' : 'badge.full')), ' ', text];
}

/** The activation a hover's Guide link named: its summary, pros and cons, and its plot. */
function focusCard(go: Navigate, close: () => void): HTMLElement | undefined {
  const id = page.guide.focus;
  const record = id ? recordFor(id, host.customs) : undefined;
  if (!record) return undefined;
  const l = lang();
  return el('section', { class: 'block card', id: 'guide-focus', 'data-focus': record.id },
    el('h3', {}, `${t('guide.about')} ${shownName(record)}`),
    el('p', {}, record.doc[l]),
    ...(record.pros.length ? [el('h4', {}, t('guide.pros')), el('ul', { class: 'reasons' }, ...record.pros.map((p) => el('li', { class: 'for' }, p[l])))] : []),
    ...(record.cons.length ? [el('h4', {}, t('guide.cons')), el('ul', { class: 'reasons' }, ...record.cons.map((c) => el('li', { class: 'against' }, c[l])))] : []),
    el('p', {}, linkButton({ view: 'plot', activations: [record.id] }, go), ' ', button(t('guide.close'), close, { 'data-action': 'close-focus' }, true)));
}
