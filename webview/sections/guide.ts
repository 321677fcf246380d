// Guide: the tutorial's advice per layer and its considerations, and the chooser: a few answers
// give a ranked recommendation with reasons, each linking to the plot that shows it.
import { CONSTRAINTS, recommend, type Constraint } from '../../src/core/guide/chooser';
import { CONSIDERATIONS, LAYER_ADVICE, LAYER_ROLES, TASKS, type GuideLink } from '../../src/core/guide/content';
import { recordFor } from '../activations';
import { button, checkbox, el, labelled, select } from '../dom';
import { lang, t } from '../i18n';
import { host, page, savePage } from '../state';

export type Navigate = (link: GuideLink) => void;

/** Best test accuracy per activation over the user's experiments (the chooser's evidence). */
function evidence(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of host.experiments) for (const r of x.runs) {
    if (r.testAccuracy !== null && Number.isFinite(r.testAccuracy)) out[r.id] = Math.max(out[r.id] ?? 0, r.testAccuracy);
  }
  return out;
}

function linkButton(link: GuideLink, go: Navigate): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'link', 'data-link': `${link.view}:${link.activations.join(',')}` },
    `${t(`guide.view.${link.view}` as never)}: ${link.activations.join(', ')}`);
  b.addEventListener('click', () => go(link));
  return b;
}

export function renderGuide(root: HTMLElement, go: Navigate): void {
  const l = lang();
  const g = page.guide;
  const results = el('ol', { class: 'ranking', 'aria-live': 'polite', 'data-ranking': '' });

  function rank(): void {
    savePage();
    let recs;
    try {
      recs = recommend({ role: g.role, task: g.task, depth: g.depth, constraints: g.constraints, evidence: evidence() });
    } catch (e) {
      results.replaceChildren(el('li', { class: 'error' }, (e as Error).message));
      return;
    }
    results.replaceChildren(...recs.slice(0, 6).map((r, i) => el('li', { 'data-activation': r.activation, class: i === 0 ? 'top' : undefined },
      el('strong', {}, r.activation), el('span', { class: 'hint' }, ` ${t('guide.score')} ${r.score}`),
      el('ul', { class: 'reasons' }, ...r.reasons.slice(0, 4).map((reason) => el('li', { class: reason.weight < 0 ? 'against' : 'for' },
        el('span', { class: 'sign', 'aria-label': reason.weight < 0 ? t('guide.against') : t('guide.for') }, reason.weight < 0 ? '−' : '+'),
        ' ', reason.text[l], ' ', reason.link ? linkButton(reason.link, go) : undefined))))));
  }

  const role = select(LAYER_ROLES.map((v) => ({ value: v, text: t(`guide.role.${v}` as never) })), g.role, (v) => { g.role = v; rank(); }, { 'data-guide': 'role' });
  const task = select(TASKS.map((v) => ({ value: v, text: t(`guide.task.${v}` as never) })), g.task, (v) => { g.task = v; rank(); }, { 'data-guide': 'task' });
  const depth = el('input', { type: 'number', min: '1', max: '200', value: String(g.depth), class: 'num-input', 'data-guide': 'depth' });
  depth.addEventListener('change', () => {
    const v = Number(depth.value);
    if (!Number.isInteger(v) || v < 1 || v > 200) { depth.setAttribute('aria-invalid', 'true'); return; }
    depth.removeAttribute('aria-invalid');
    g.depth = v;
    rank();
  });
  const constraints = el('fieldset', { class: 'picks' }, el('legend', {}, t('guide.constraints')),
    ...CONSTRAINTS.map((c: Constraint) => checkbox(t(`guide.c.${c}` as never), g.constraints.includes(c), (on) => {
      g.constraints = on ? [...g.constraints, c] : g.constraints.filter((x) => x !== c);
      rank();
    }, { 'data-constraint': c })));

  const chooser = el('section', { class: 'block', id: 'guide-chooser' },
    el('h3', {}, t('guide.chooser')),
    el('div', { class: 'controls' }, labelled(t('guide.role'), role), labelled(t('guide.task'), task), labelled(t('guide.depth'), depth)),
    constraints, results);

  const advice = el('section', { class: 'block' }, el('h3', {}, t('guide.perLayer')),
    el('div', { class: 'cards' }, ...LAYER_ADVICE.map((a) => el('article', { class: 'card' },
      el('h4', {}, a.title[l]), el('p', {}, a.text[l]), el('p', {}, el('code', {}, a.activations.join(' · ')), ' ', linkButton(a.link, go))))));
  const considerations = el('section', { class: 'block' }, el('h3', {}, t('guide.considerations')),
    el('div', { class: 'cards' }, ...CONSIDERATIONS.map((c) => el('article', { class: 'card', 'data-consideration': c.id },
      el('h4', {}, c.title[l]), el('p', {}, c.text[l]), linkButton(c.link, go)))));
  const about = focusCard(go, () => {
    g.focus = undefined;
    savePage();
    about?.remove();
  });
  root.append(...(about ? [about] : []), chooser, advice, considerations);
  rank();
}

/** The activation a hover's Guide link named: its summary, pros and cons, and its plot. */
function focusCard(go: Navigate, close: () => void): HTMLElement | undefined {
  const id = page.guide.focus;
  const record = id ? recordFor(id, host.customs) : undefined;
  if (!record) return undefined;
  const l = lang();
  return el('section', { class: 'block card', id: 'guide-focus', 'data-focus': record.id },
    el('h3', {}, `${t('guide.about')} ${record.displayName}`),
    el('p', {}, record.doc[l]),
    ...(record.pros.length ? [el('h4', {}, t('guide.pros')), el('ul', { class: 'reasons' }, ...record.pros.map((p) => el('li', { class: 'for' }, p[l])))] : []),
    ...(record.cons.length ? [el('h4', {}, t('guide.cons')), el('ul', { class: 'reasons' }, ...record.cons.map((c) => el('li', { class: 'against' }, c[l])))] : []),
    el('p', {}, linkButton({ view: 'plot', activations: [record.id] }, go), ' ', button(t('guide.close'), close, { 'data-action': 'close-focus' }, true)));
}
