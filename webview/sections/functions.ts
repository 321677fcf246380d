// Functions: each activation and its derivative side by side over an adjustable x range with
// parameter sliders; several overlaid; saturation and gradient flow; a custom expression box.
import type { ActivationRecord, ElementwiseActivation, Framework, ParamSpec } from '../../src/core/activations/types';
import { FRAMEWORK_NAMES } from '../../src/core/hover/frameworks';
import { activationNameWith } from '../../src/core/charts/names';
import { gradientFlow } from '../../src/core/analysis/gradientFlow';
import { analyzeActivation } from '../../src/core/analysis/properties';
import {
  CURVE_DATASET, curvesSpec, FLOW_DATASET, gradientFlowSpec, sampleCurve, saturationSpec, type CurveRow, type FlowRow, type SaturationRow,
} from '../../src/core/charts/functions';
import { compileCustomActivation } from '../../src/core/expr/customActivation';
import { ExprError, renderExprError } from '../../src/core/expr/errors';
import { parseCustomActivationDef } from '../../src/core/expr/customActivation';
import { readParamList } from '../../src/core/expr/paramAssignment';
import { exprMessage, renderExprMessage } from '../../src/core/expr/messages';
import { allActivations, paramsFor, recordFor, sliderRange } from '../activations';
import { Chart } from '../charts';
import { button, checkbox, el, integerField, labelled, textField } from '../dom';
import { formulaText } from '../../src/core/locale';
import { chartLabels, fill, lang, shownName, t } from '../i18n';
import { host, once, page, savePage } from '../state';
import { chartTheme } from '../theme';
import { post } from '../vscodeApi';

const text = () => chartLabels();

/** An activation's name with the parameters the page has set: "Leaky ReLU (alpha 0.3)"; a custom one by its name. */
function nameOf(r: ActivationRecord): string {
  return r.origin === 'custom' ? shownName(r) : activationNameWith(r.id, paramsFor(r, page.fn.params[r.id]), lang());
}

function plotWidth(root: HTMLElement): number {
  const w = root.clientWidth || document.body.clientWidth || 800;
  return Math.max(180, Math.min(420, Math.floor((w - 170) / 2)));
}

function curveFor(record: ActivationRecord): CurveRow[] {
  const p = paramsFor(record, page.fn.params[record.id]);
  return sampleCurve(record, p, page.fn.lo, page.fn.hi, 241);
}

export function renderFunctions(root: HTMLElement): void {
  const records = allActivations(host.customs);
  let selected = records.find((r) => r.id === page.fn.selected) ?? records.find((r) => r.id === 'relu')!;

  // The activation list: a listbox, arrow keys move the selection.
  const list = el('div', { class: 'fn-list', role: 'listbox', 'aria-label': t('fn.list'), tabindex: '0' });
  const detail = el('div', { class: 'fn-detail' });
  const plot = new Chart('plot', 'activation-plot', t('fn.plotLabel'));
  const controls = el('div', { class: 'controls' });

  function drawList(): void {
    list.replaceChildren(...records.map((r) => {
      const option = el('div', { role: 'option', id: `opt-${r.id}`, 'aria-selected': String(r.id === selected.id), 'data-id': r.id, class: r.origin === 'custom' ? 'custom' : undefined },
        shownName(r), r.origin === 'custom' ? el('span', { class: 'badge' }, t('fn.custom')) : undefined);
      option.addEventListener('click', () => choose(r));
      return option;
    }));
    list.setAttribute('aria-activedescendant', `opt-${selected.id}`);
  }
  list.addEventListener('keydown', (e) => {
    const i = records.indexOf(selected);
    const n = records.length;
    const to = { ArrowDown: (i + 1) % n, ArrowUp: (i + n - 1) % n, Home: 0, End: n - 1, PageDown: Math.min(n - 1, i + 10), PageUp: Math.max(0, i - 10) }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(records[to]);
    document.getElementById(`opt-${selected.id}`)?.scrollIntoView({ block: 'nearest' });
  });

  function choose(r: ActivationRecord): void {
    selected = r;
    page.fn.selected = r.id;
    savePage();
    drawList();
    drawDetail();
    drawControls();
    plot.exportName = nameOf(r);
    void plot.render(curvesSpec(curveFor(r), { theme: chartTheme(), width: plotWidth(root), text: text() }), 241);
  }

  function drawDetail(): void {
    const r = selected;
    const l = lang();
    detail.replaceChildren(
      el('h3', {}, shownName(r)),
      el('p', {}, r.doc[l]),
      el('p', { class: 'formula' }, el('code', {}, formulaText(r.formula, l))),
      el('p', { class: 'formula' }, el('code', {}, formulaText(r.derivative, l))),
    );
    if (r.pros.length || r.cons.length) {
      detail.append(el('div', { class: 'proscons' },
        el('div', {}, el('h4', {}, t('fn.pros')), el('ul', {}, ...r.pros.map((p) => el('li', {}, p[l])))),
        el('div', {}, el('h4', {}, t('fn.cons')), el('ul', {}, ...r.cons.map((p) => el('li', {}, p[l]))))));
    }
  }

  /** Redraws the plot's data only (slider or range moved): no re-embed. */
  function update(): void {
    savePage();
    plot.exportName = nameOf(selected);
    void plot.replace(CURVE_DATASET, curveFor(selected));
  }

  function drawControls(): void {
    const range = (which: 'lo' | 'hi') => {
      const input = textField(String(page.fn[which]), { step: '0.5', 'data-range': which, class: 'num-input' }, 'number');
      input.addEventListener('change', () => {
        const v = Number(input.value);
        const other = page.fn[which === 'lo' ? 'hi' : 'lo'];
        if (input.value.trim() === '' || !Number.isFinite(v) || Math.abs(v) > 1e6 || (which === 'lo' ? v >= other : v <= other)) {
          input.invalid = true;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        input.invalid = false;
        input.removeAttribute('aria-invalid');
        page.fn[which] = v;
        update();
      });
      return labelled(t(which === 'lo' ? 'fn.xmin' : 'fn.xmax'), input);
    };
    const sliders = selected.params.map((spec) => {
      const r = sliderRange(spec);
      const value = paramsFor(selected, page.fn.params[selected.id])[spec.name];
      const input = el('input', { type: 'range', min: String(r.min), max: String(r.max), step: String(r.step), value: String(value), 'data-param': spec.name });
      const out = el('output', { for: '' }, value.toFixed(3));
      input.addEventListener('input', () => {
        const v = Number(input.value);
        const candidate = { ...paramsFor(selected, page.fn.params[selected.id]), [spec.name]: v };
        if (selected.checkParams?.(candidate)) return; // e.g. hardtanh's min_val must stay below max_val
        page.fn.params[selected.id] = candidate;
        out.textContent = v.toFixed(3);
        update();
      });
      // The lab's name, and the frameworks' where they differ (PyTorch's LeakyReLU says negative_slope).
      const field = labelled(spec.name, input, 'field slider');
      const others = frameworkParamNames(spec);
      if (others) field.append(el('span', { class: 'hint param-aliases' }, others));
      field.append(out);
      return field;
    });
    const reset = selected.params.length
      ? button(t('fn.reset'), () => { delete page.fn.params[selected.id]; drawControls(); update(); }, { 'data-action': 'reset-params' }, true, 'discard')
      : undefined;
    controls.replaceChildren(range('lo'), range('hi'), ...sliders, ...(reset ? [reset] : []));
  }

  drawList();
  drawDetail();
  drawControls();
  const plotSection = el('section', { id: 'fn-plot', class: 'block' },
    el('div', { class: 'fn-layout' }, list, el('div', { class: 'fn-main' }, detail, controls, plot.element)));
  plot.exportName = nameOf(selected);
  void plot.render(curvesSpec(curveFor(selected), { theme: chartTheme(), width: plotWidth(root), text: text() }), 241);

  // Comparison: several activations overlaid, f and f', then saturation and gradient flow.
  const compare = new Chart('compare', 'activation-comparison', t('fn.compareLabel'));
  const saturation = new Chart('saturation', 'saturation', t('fn.saturation'));
  const flow = new Chart('gradientFlow', 'gradient-flow', t('fn.flow'));
  const picks = el('div', { class: 'picks', role: 'group', 'aria-label': t('fn.compareLabel') });
  const comparable = () => page.fn.compare.map((id) => recordFor(id, host.customs)).filter((r): r is ActivationRecord => r !== undefined);
  const elementwise = () => comparable().filter((r): r is ElementwiseActivation => r.kind === 'elementwise');

  function drawCompare(): void {
    const rs = comparable();
    const rows = rs.flatMap((r) => sampleCurve(r, paramsFor(r, page.fn.params[r.id]), page.fn.lo, page.fn.hi, 241));
    const names = Object.fromEntries(rs.map((r) => [r.id, nameOf(r)]));
    const series = rs.map((r) => r.id);
    compare.exportName = ['comparison', ...Object.values(names)].join('-');
    saturation.exportName = ['saturation', ...Object.values(names)].join('-');
    flow.exportName = ['gradient-flow', ...Object.values(names)].join('-');
    void compare.render(curvesSpec(rows, { theme: chartTheme(), width: plotWidth(root), text: text(), legend: true, names, series }), rows.length);
    const sat: SaturationRow[] = elementwise().flatMap((r) => analyzeActivation(r, paramsFor(r, page.fn.params[r.id])).saturation.map((s) => ({ activation: r.id, s: s.s, share: s.share })));
    void saturation.render(saturationSpec(sat, { theme: chartTheme(), width: Math.min(560, plotWidth(root) * 2), labels: chartLabels(), names }), sat.length);
    drawFlow(true);
  }

  function flowRows(): FlowRow[] {
    return elementwise().flatMap((r) => {
      const res = gradientFlow(r, { depth: page.fn.depth, width: 32, seeds: 3, batch: 16, params: paramsFor(r, page.fn.params[r.id]) });
      return res.relativeGradNorm.map((relative, i) => ({ activation: r.id, layer: i + 1, relative }));
    });
  }

  function drawFlow(embed: boolean): void {
    const rows = flowRows();
    const names = Object.fromEntries(elementwise().map((r) => [r.id, nameOf(r)]));
    if (embed) void flow.render(gradientFlowSpec(rows, { theme: chartTheme(), width: Math.min(560, plotWidth(root) * 2), labels: chartLabels(), names }), rows.length);
    else void flow.replace(FLOW_DATASET, rows);
  }

  picks.replaceChildren(...records.map((r) => checkbox(shownName(r), page.fn.compare.includes(r.id), (on) => {
    page.fn.compare = on ? [...page.fn.compare, r.id].slice(-12) : page.fn.compare.filter((id) => id !== r.id);
    savePage();
    drawCompare();
  }, { 'data-compare': r.id })));
  const depth = integerField(page.fn.depth, 2, 50, (v) => {
    page.fn.depth = v;
    savePage();
    drawFlow(false);
  }, { 'data-depth': '' });
  drawCompare();
  const compareSection = el('section', { id: 'fn-compare', class: 'block' }, el('h3', {}, t('fn.compare')), restoreComparison(), picks, compare.element);
  const analysisSection = el('section', { id: 'fn-analysis', class: 'block' },
    el('h3', {}, t('fn.analyses')), el('p', { class: 'hint' }, t('fn.analysesHint')),
    el('div', { id: 'fn-saturation' }, saturation.element),
    el('div', { id: 'fn-gradientFlow' }, labelled(t('fn.depth'), depth), flow.element));

  const customSection = renderCustomBox(root);
  root.append(plotSection, compareSection, analysisSection, customSection);

  const target = { plot: 'fn-plot', compare: 'fn-compare', saturation: 'fn-saturation', gradientFlow: 'fn-gradientFlow', custom: 'fn-custom' }[page.fn.view ?? 'plot'];
  if (once.scrollToView) {
    once.scrollToView = false;
    requestAnimationFrame(() => document.getElementById(target)?.scrollIntoView({ block: 'start' }));
  }
}

/** Where a parameter has another name in a framework: "PyTorch: negative_slope". */
function frameworkParamNames(spec: ParamSpec): string | undefined {
  const names = new Map<string, string[]>();
  for (const [framework, name] of Object.entries(spec.frameworkNames ?? {})) {
    if (!name || name === spec.name) continue;
    names.set(name, [...(names.get(name) ?? []), FRAMEWORK_NAMES[framework as Framework]]);
  }
  return names.size ? [...names].map(([name, fws]) => `${fws.join(', ')}: ${name}`).join(' · ') : undefined;
}

/** After a guide link or a command replaced the comparison: a button that brings the user's own back. */
function restoreComparison(): HTMLElement | undefined {
  const previous = page.fn.previousCompare;
  if (!previous?.length) return undefined;
  return el('p', { class: 'hint restore-compare' }, fill(t('fn.replaced'), String(previous.length)), ' ',
    button(fill(t('fn.restoreCompare'), String(previous.length)), () => {
      page.fn.compare = previous;
      delete page.fn.previousCompare;
      savePage();
      document.dispatchEvent(new CustomEvent('lab-redraw'));
    }, { 'data-action': 'restore-compare' }, true, 'history'));
}

/** "beta=1, alpha=0.1" to { beta: 1, alpha: 0.1 }, or the page's message naming the problem. */
export function parseParamText(s: string): Record<string, number> | string {
  const r = readParamList(s);
  if ('params' in r) return r.params;
  return renderExprMessage(exprMessage('problemWithHint', { problem: t('custom.badParams'), hint: r.problem }), lang());
}

function renderCustomBox(root: HTMLElement): HTMLElement {
  const draft = page.fn.draft;
  const name = textField(draft.name, { spellcheck: 'false', 'data-custom': 'name', class: 'text-input' });
  const expr = textField(draft.expression, { spellcheck: 'false', 'data-custom': 'expression', class: 'text-input wide', 'aria-describedby': 'custom-status' });
  const params = textField(draft.params, { spellcheck: 'false', 'data-custom': 'params', class: 'text-input' });
  const status = el('div', { id: 'custom-status', class: 'custom-status', 'aria-live': 'polite' });
  const chart = new Chart('custom', 'custom-activation', t('custom.title'));
  let embedded = false;
  let current: { name: string; expression: string; params: Record<string, number> } | undefined;
  const save = button(t('custom.save'), () => {
    if (!current) return;
    const def = parseCustomActivationDef(current);
    if (typeof def === 'string') return;
    post({ type: 'custom/save', def });
  }, { 'data-custom': 'save' }, false, 'save');

  function check(): void {
    page.fn.draft = { name: name.value, expression: expr.value, params: params.value };
    savePage();
    current = undefined;
    save.disabled = true;
    const p = parseParamText(params.value);
    if (typeof p === 'string') return showError(p);
    let record;
    try {
      record = compileCustomActivation({ name: name.value, expression: expr.value, params: p });
    } catch (e) {
      return showError(renderExprError(e, lang()), e instanceof ExprError ? e.column : undefined);
    }
    current = { name: name.value.trim(), expression: expr.value.trim(), params: p };
    save.disabled = false;
    expr.invalid = false;
    expr.removeAttribute('aria-invalid');
    status.className = 'custom-status ok';
    status.replaceChildren(el('code', {}, record.formula.unicode), el('br'), el('code', {}, record.derivative.unicode));
    const rows = sampleCurve(record, p, page.fn.lo, page.fn.hi, 241, 'custom');
    if (!embedded) {
      embedded = true;
      void chart.render(curvesSpec(rows, { theme: chartTheme(), width: plotWidth(root), text: text() }), rows.length);
    } else {
      void chart.replace(CURVE_DATASET, rows);
    }
  }

  function showError(message: string, column?: number): void {
    expr.invalid = true;
    expr.setAttribute('aria-invalid', 'true');
    status.className = 'custom-status error';
    const parts: Node[] = [el('span', { 'data-error': '' }, message)];
    if (column !== undefined) {
      // The expression with a caret under the column the parser names.
      parts.push(el('pre', { class: 'caret' }, `${expr.value}\n${' '.repeat(Math.max(0, column - 1))}^`));
    }
    status.replaceChildren(...parts);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const input of [name, expr, params]) {
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(check, 120);
    });
  }
  const section = el('section', { id: 'fn-custom', class: 'block' },
    el('h3', {}, t('custom.title')),
    el('p', { class: 'hint' }, t('custom.hint')),
    el('div', { class: 'controls' }, labelled(t('custom.name'), name), labelled(t('custom.expression'), expr, 'field grow'), labelled(t('custom.params'), params), save),
    status, chart.element);
  check();
  return section;
}
