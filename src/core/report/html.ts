// report.html: one self-contained page for an experiment's results. vega, vega-lite and
// vega-embed are inlined and the CSP forbids any fetch, so it opens offline and anywhere.
// Inline scripts and the style sheet run only by their sha256 (CSP Level 2 hash sources): no
// 'unsafe-inline', so text that ends up in the page (a run's name) can never run as script.
// The charts are the tutorial's: accuracy curves (train and validation per activation per
// epoch), loss curves, seconds per epoch; then a results table and a few misclassified digits.
// The page is written in one UI language (the run's: the CLI's --lang, VS Code's display language):
// its words come from REPORT_TEXT, its charts' from CHART_LABELS, and the scripts stay constant.

import { createHash } from 'node:crypto';
import {
  accuracyCurvesSpec, historyRows, learnedParamsSpec, learnedRows, lossCurvesSpec, secondsPerEpochSpec, secondsRows,
} from '../charts/training';
import { CHART_LABELS } from '../charts/labels';
import {
  sweepAccuracySpec, sweepCellRows, sweepDifferenceRows, sweepDifferencesSpec, sweepGradientRows, sweepGradientSpec, sweepLossSpec,
} from '../charts/sweep';
import { readableDate, runName, uniqueNames } from '../charts/names';
import { countText, listText, type UiLanguage } from '../locale';
import type { ResultsFile, ResultsSweep } from '../runs/resultsFile';
import { cellText, diffText, pValue, summaryText, verdictText } from '../stats/sweepText';
import { runStateText } from '../train/statusText';
import { reportText, type ReportTextKey } from './text';
import type { VegaLibraries } from './vendor';

/** The page's `lang` attribute for a UI language (BCP 47). */
export const HTML_LANG: Readonly<Record<UiLanguage, string>> = { en: 'en', 'zh-cn': 'zh-CN' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: no `</script`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A library's code safe inside a <script> element. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** A CSP hash source for an inline element's exact text: 'sha256-<base64>'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const fmt = (v: number | null | undefined, digits: number) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));

/** Display names of the runs in the page's language ("Leaky ReLU (alpha 0.01)", "ReLU + Tanh"), unique within the report. */
function runNames(r: ResultsFile, lang: UiLanguage): Record<string, string> {
  return uniqueNames(r.runs.map((run) => ({ id: run.id, name: runName(run.id, run.activations, lang) })));
}

/** A table that scrolls sideways inside itself on a narrow window instead of being cut off. */
const scrolling = (table: string): string => `<div class="table-wrap">${table}</div>`;

/** Header cells: a key's words, `num` ones right-aligned. */
function headCells(lang: UiLanguage, cells: readonly (readonly [ReportTextKey, 'num' | '', Record<string, string | number>?])[]): string {
  return cells.map(([key, cls, values]) => `<th${cls ? ` class="${cls}"` : ''}>${reportText(lang, key, values)}</th>`).join('');
}

function resultsTable(r: ResultsFile, lang: UiLanguage): string {
  const names = runNames(r, lang);
  const count = (n: number) => countText(n, lang);
  const rows = r.runs.map((run) => {
    const last = run.history[run.history.length - 1];
    const note = run.status === 'diverged' && run.divergence
      ? reportText(lang, 'divergedAt', { epoch: run.divergence.epoch, batch: run.divergence.batch })
      : run.status === 'failed' ? reportText(lang, 'failedWith', { error: escapeHtml(run.error ?? reportText(lang, 'unknownReason')) })
        : escapeHtml(runStateText(run, r.settings.epochs, lang));
    // The activation with its parameters, once (every hidden layer has it), or one per layer when they differ.
    return `<tr><td>${escapeHtml(names[run.id])}</td>` +
      `<td class="num">${fmt(run.test?.accuracy, 4)}${run.test ? ` <span class="meta">${reportText(lang, 'onImages', { count: count(run.test.count) })}</span>` : ''}</td><td class="num">${fmt(run.test?.loss, 4)}</td>` +
      `<td class="num">${fmt(last?.val_accuracy, 4)}</td><td class="num">${fmt(last?.accuracy, 4)}</td>` +
      `<td class="num">${run.history.length}</td><td class="num">${fmt(run.secondsPerEpoch, 2)}</td>` +
      `<td>${note}</td></tr>`;
  });
  const head = headCells(lang, [['colActivation', ''], ['colTestAccuracy', 'num'], ['colTestLoss', 'num'], ['colValAccuracy', 'num', { count: count(r.dataset.validation) }],
    ['colTrainAccuracy', 'num'], ['colEpochs', 'num'], ['colSecondsPerEpoch', 'num'], ['colStatus', '']]);
  return scrolling(`<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

/** The verification table: each run's ONNX export checked in onnxruntime against the lab's forward pass. */
function onnxTable(r: ResultsFile, lang: UiLanguage): string {
  const checked = r.runs.filter((run) => run.onnx);
  if (!checked.length) return '';
  const names = runNames(r, lang);
  const rows = checked.map((run) => {
    const c = run.onnx!;
    const diff = c.maxAbsDiff === null ? '–' : c.maxAbsDiff.toExponential(2);
    return `<tr><td>${escapeHtml(names[run.id])}</td><td>${escapeHtml(c.file || '–')}</td><td class="num">${c.opset}</td>` +
      `<td class="num">${c.bytes ? (c.bytes / 1024).toFixed(0) : '–'}</td><td>${escapeHtml(c.ops.join(', '))}</td>` +
      `<td class="num">${diff}</td><td class="num">${fmt(c.argmaxAgreement, 4)}</td>` +
      `<td class="num">${fmt(c.onnxAccuracy, 4)}</td><td class="num">${fmt(c.labAccuracy, 4)}</td><td class="num">${fmt(c.ms, 1)}</td>` +
      `<td${c.passed ? '' : ' class="error"'}>${c.passed ? reportText(lang, 'passed') : reportText(lang, 'failedWith', { error: escapeHtml(c.error ?? reportText(lang, 'unknownReason')) })}</td></tr>`;
  });
  const count = checked.find((run) => run.onnx!.count)?.onnx!.count ?? 0;
  const head = headCells(lang, [['colActivation', ''], ['colFile', ''], ['colOpset', 'num'], ['colKb', 'num'], ['colOperators', ''], ['colMaxDiff', 'num'],
    ['colArgmax', 'num'], ['colOnnxAccuracy', 'num'], ['colLabAccuracy', 'num'], ['colMs', 'num'], ['colCheck', '']]);
  return `<h2>${reportText(lang, 'onnx')}</h2>
<p class="meta">${reportText(lang, 'onnxNote', { count })}</p>
<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Whether the runs saw the whole training set or the quick subset, said before any figure. */
function kindLine(r: ResultsFile, lang: UiLanguage): string {
  const limit = r.settings.limitTrain;
  const test = countText(r.runs.find((run) => run.test)?.test?.count ?? r.dataset.test, lang);
  return limit !== undefined
    ? `<p class="kind quick">${reportText(lang, 'quickRun', { limit: countText(limit, lang), test })}</p>`
    : `<p class="kind full">${reportText(lang, 'fullRun', { test })}</p>`;
}

/**
 * The settings line: the images, the network(s), the optimizer, batch, epochs, initializer, seed(s)
 * and workers. `count` writes the image counts (a sweep's line has them plain).
 */
function settingsText(r: ResultsFile, lang: UiLanguage, network: string, seeds: string, count: (n: number) => string): string {
  const s = r.settings;
  const d = r.dataset;
  const t = (key: ReportTextKey, values?: Record<string, string | number>) => reportText(lang, key, values);
  return [
    t('images', { name: escapeHtml(d.name), train: count(d.train), validation: count(d.validation), pct: Math.round(s.validationSplit * 100), test: count(d.test) }),
    network,
    t('optimizer', { lr: s.learningRate, beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon }),
    t('batch', { size: s.batchSize }),
    t('epochs', { epochs: s.epochs }),
    escapeHtml(s.init),
    seeds,
    s.workers === 1 ? t('oneWorker') : t('workers', { workers: s.workers }),
  ].join(' · ');
}

function settingsLine(r: ResultsFile, lang: UiLanguage): string {
  const d = r.dataset;
  return settingsText(r, lang, reportText(lang, 'network', { layers: [d.rows * d.cols, ...r.settings.hidden, d.classes].join('-') }),
    reportText(lang, 'seed', { seed: r.settings.seed }), (n) => countText(n, lang));
}

/** The page's style sheet (allowed by its hash). */
const STYLE = `body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1000px; padding: 0 16px; color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
.meta { color: #555; } .chart { width: 100%; margin: 12px 0 20px; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 5px 8px; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.num, th { white-space: nowrap; }
.table-wrap { overflow-x: auto; max-width: 100%; } .kind { padding: 6px 10px; border-left: 3px solid #4c78a8; background: #f4f6f8; } .kind.quick { border-left-color: #ab7e00; }
.digits { display: flex; flex-wrap: wrap; gap: 10px; } .digit { text-align: center; font-size: 12px; color: #444; }
.digit canvas { width: 56px; height: 56px; image-rendering: pixelated; border: 1px solid #ccc; display: block; margin: 0 auto 2px; }
.error { color: #b00020; }
#vg-tooltip-element { visibility: hidden; padding: 6px 8px; position: fixed; z-index: 1000; font-size: 11px; border-radius: 3px; white-space: pre-line; background: rgba(255, 255, 255, 0.95); border: 1px solid #d9d9d9; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.16); }
#vg-tooltip-element.visible { visibility: visible; } #vg-tooltip-element table { border-spacing: 0; }
tr.real td { font-weight: 600; } h3 { font-size: 15px; margin-top: 20px; }
#vg-tooltip-element td.key { color: #808080; text-align: right; padding-right: 4px; } #vg-tooltip-element td.value { text-align: left; }
`;

/** The page's own script: draws the charts and the misclassified digits from the JSON blocks (allowed by its hash). Its words are data too. */
const APP_SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('specs').textContent);
  var text = JSON.parse(document.getElementById('report-text').textContent);
  // vega-embed's and vega-tooltip's own <style> elements would need 'unsafe-inline': their rules are in the page's style sheet
  var opts = { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } };
  window.chartsRendered = Promise.all(Object.keys(specs).map(function (name) {
    var el = document.getElementById('chart-' + name);
    return vegaEmbed(el, specs[name], opts).catch(function (e) {
      el.innerHTML = '<p class="error">' + text.chartFailed + String(e && e.message || e).replace(/</g, '&lt;') + '</p>';
      throw e;
    });
  }));
  // The finish time in the reader's own time zone (the page was written in UTC); a Chinese page writes it as the lab does: 2025 年 1 月 1 日 08:01.
  var zh = document.documentElement.lang.indexOf('zh') === 0;
  var two = function (n) { return (n < 10 ? '0' : '') + n; };
  document.querySelectorAll('time[datetime]').forEach(function (t) {
    var d = new Date(t.getAttribute('datetime'));
    if (isNaN(d.getTime())) return;
    t.textContent = zh
      ? d.getFullYear() + ' 年 ' + (d.getMonth() + 1) + ' 月 ' + d.getDate() + ' 日 ' + two(d.getHours()) + ':' + two(d.getMinutes())
      : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  });
  var data = JSON.parse(document.getElementById('misclassified-data').textContent);
  var host = document.getElementById('misclassified');
  if (!data.runs.length) host.textContent = text.noneKept;
  data.runs.forEach(function (run) {
    var h = document.createElement('h3'); h.textContent = run.name; host.appendChild(h);
    var row = document.createElement('div'); row.className = 'digits'; host.appendChild(row);
    run.items.forEach(function (m) {
      var bytes = atob(m.pixelsBase64);
      var c = document.createElement('canvas'); c.width = data.side.cols; c.height = data.side.rows;
      var ctx = c.getContext('2d'); var img = ctx.createImageData(c.width, c.height);
      for (var i = 0; i < bytes.length; i++) {
        var v = 255 - bytes.charCodeAt(i);
        img.data[4 * i] = v; img.data[4 * i + 1] = v; img.data[4 * i + 2] = v; img.data[4 * i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      var cell = document.createElement('div'); cell.className = 'digit';
      cell.appendChild(c);
      cell.appendChild(document.createTextNode('#' + m.index + ': ' + m.label + ' → ' + m.predicted + ' (' + (100 * m.p).toFixed(0) + '%)'));
      row.appendChild(cell);
    });
  });
})();
`;

/** The whole page as a string, in `lang` (English by default). */
export function renderReport(results: ResultsFile, libs: VegaLibraries, lang: UiLanguage = 'en'): string {
  const runs = results.runs.map((r) => ({ id: r.id, history: r.history }));
  const hist = historyRows(runs);
  const learned = learnedRows(runs);
  // The lab's charts: each run named by its activation and coloured as that activation is everywhere.
  const names = runNames(results, lang);
  const series = { labels: CHART_LABELS[lang], series: results.runs.map((r) => r.id), names };
  const specs = {
    accuracy: accuracyCurvesSpec(hist, series),
    loss: lossCurvesSpec(hist, series),
    seconds: secondsPerEpochSpec(secondsRows(runs), series),
    ...(learned.length ? { learned: learnedParamsSpec(learned, series) } : {}),
  };
  const misclassified = results.runs
    .filter((r) => r.test && r.test.misclassified.length)
    .map((r) => ({ id: r.id, name: names[r.id], items: r.test!.misclassified.slice(0, 8).map((m) => ({ ...m, probabilities: undefined, p: m.probabilities[m.predicted] })) }));
  const side = { rows: results.dataset.rows, cols: results.dataset.cols };
  const scripts = [libs.vega, libs.vegaLite, libs.vegaEmbed].map(inlineScript);
  const sweep = results.sweep ? sweepSection(results.sweep, lang) : undefined;
  const t = (key: ReportTextKey) => reportText(lang, key);
  const finished = `<time datetime="${escapeHtml(results.finishedAt)}">${escapeHtml(reportText(lang, 'utc', { date: readableDate(results.finishedAt, lang, 'UTC') }))}</time>`;
  const csp = [
    "default-src 'none'",
    `script-src ${[...scripts, APP_SCRIPT, ...(sweep ? [SWEEP_SCRIPT] : [])].map(cspHash).join(' ')}`,
    `style-src ${cspHash(STYLE)}`,
    'img-src data:',
  ].join('; ');
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${t('heading')}</h1>
${kindLine(results, lang)}
<p class="meta">${results.sweep ? sweepSettingsLine(results, results.sweep, lang) : settingsLine(results, lang)}<br>${reportText(lang, 'finished', { time: finished, seconds: fmt(results.wallSeconds, 1) })}</p>
${sweep?.html ?? ''}
<h2>${t('results')}</h2>
${resultsTable(results, lang)}
${onnxTable(results, lang)}
<h2>${t('accuracy')}</h2>
<p class="meta">${t('accuracyNote')}</p>
<div id="chart-accuracy" class="chart"></div>
<h2>${t('loss')}</h2>
<div id="chart-loss" class="chart"></div>
<h2>${t('secondsPerEpoch')}</h2>
<div id="chart-seconds" class="chart"></div>
${learned.length ? `<h2>${t('learned')}</h2>
<p class="meta">${t('learnedNote')}</p>
<div id="chart-learned" class="chart"></div>` : ''}
<h2>${t('misclassified')}</h2>
<div id="misclassified"></div>
${scripts.map((code) => `<script>${code}</script>`).join('\n')}
<script id="report-text" type="application/json">${scriptJson({ chartFailed: t('chartFailed'), noneKept: t('noneKept') })}</script>
<script id="specs" type="application/json">${scriptJson(specs)}</script>
<script id="misclassified-data" type="application/json">${scriptJson({ side, runs: misclassified })}</script>
<script>${APP_SCRIPT}</script>
${sweep?.script ?? ''}
</body>
</html>
`;
}

// ---- A sweep's section (activations x depths x seeds): kept apart from the page above. ----

/** Draws the sweep's charts from its JSON block, once the vega libraries have loaded. Constant: a CSP may allow it by its hash. */
export const SWEEP_SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('sweep-specs').textContent);
  var text = JSON.parse(document.getElementById('report-text').textContent);
  var opts = { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } };
  window.sweepChartsRendered = Promise.all(Object.keys(specs).map(function (name) {
    var el = document.getElementById('sweep-chart-' + name);
    return vegaEmbed(el, specs[name], opts).catch(function (e) {
      el.textContent = text.chartFailed + String(e && e.message || e);
      throw e;
    });
  }));
})();
`;

/** The settings line of a sweep: its networks and seeds instead of one network's. */
function sweepSettingsLine(r: ResultsFile, sweep: ResultsSweep, lang: UiLanguage): string {
  const d = r.dataset;
  const nets = listText(sweep.architectures.map((a) => [d.rows * d.cols, ...a, d.classes].join('-')), lang);
  return settingsText(r, lang, reportText(lang, 'networks', { layers: nets }), reportText(lang, 'seeds', { seeds: listText(sweep.seeds, lang) }), String);
}

/**
 * The sweep's part of the report: the method (in English and Chinese on an English page, in
 * Chinese on a Chinese one), the grid of mean ± half the 95% interval, the four charts and which
 * differences are real; and the script that draws its charts (after the vega libraries have loaded).
 */
export function sweepSection(sweep: ResultsSweep, lang: UiLanguage = 'en'): { html: string; script: string } {
  const labels = CHART_LABELS[lang];
  const t = (key: ReportTextKey, values?: Record<string, string | number>) => reportText(lang, key, values);
  const opts = { labels, activations: sweep.activations };
  const cellRows = sweepCellRows(sweep);
  const specs = {
    accuracy: sweepAccuracySpec(cellRows, opts),
    loss: sweepLossSpec(cellRows, opts),
    gradients: sweepGradientSpec(sweepGradientRows(sweep), opts),
    differences: sweepDifferencesSpec(sweepDifferenceRows(sweep), { labels }),
  };
  const cell = (a: string, d: number) => sweep.cells.find((c) => c.activation === a && c.depth === d);
  const depthHeads = sweep.depths.map((d) => `<th class="num">${t('colDepth', { depth: d })}</th>`).join('');
  const grid = `<table><thead><tr><th>${t('colActivation')}</th>${depthHeads}</tr></thead><tbody>` +
    sweep.activations.map((a) => `<tr><td>${escapeHtml(a)}</td>${sweep.depths.map((d) => { const c = cell(a, d); return `<td class="num">${c ? escapeHtml(cellText(c, lang)) : '–'}</td>`; }).join('')}</tr>`).join('') +
    '</tbody></table>';
  const loss = `<table><thead><tr><th>${t('colActivation')}</th>${depthHeads}</tr></thead><tbody>` +
    sweep.activations.map((a) => `<tr><td>${escapeHtml(a)}</td>${sweep.depths.map((d) => { const c = cell(a, d); return `<td class="num">${c ? escapeHtml(summaryText(c.finalLoss, lang, 1, 4)) : '–'}</td>`; }).join('')}</tr>`).join('') +
    '</tbody></table>';
  const comparisons = `<table><thead><tr>${headCells(lang, [['colDepthOnly', 'num'], ['colPair', ''], ['colDifference', 'num'], ['colWelch', 'num'], ['colHolm', 'num'], ['colVerdict', '']])}</tr></thead><tbody>` +
    sweep.comparisons.map((c) => `<tr${c.significant ? ' class="real"' : ''}><td class="num">${c.depth}</td><td>${escapeHtml(`${c.a} − ${c.b}`)}</td>` +
      `<td class="num">${escapeHtml(diffText(c))}</td><td class="num">${c.p === null ? '–' : escapeHtml(pValue(c.p))}</td>` +
      `<td class="num">${c.pAdjusted === null ? '–' : escapeHtml(pValue(c.pAdjusted))}</td><td>${escapeHtml(verdictText(c, lang))}</td></tr>`).join('') +
    '</tbody></table>';
  const widths = sweep.architectures.length ? t('sweepWidths', { widths: escapeHtml(listText(sweep.architectures.map((a) => a.join('-')), lang)) }) : '';
  const counts = { activations: sweep.activations.length, depths: sweep.depths.length, seeds: sweep.seeds.length };
  const method = lang === 'en'
    ? `<p>${escapeHtml(sweep.method)}</p>\n<p lang="zh-CN">${escapeHtml(sweep.methodZh)}</p>`
    : `<p>${escapeHtml(sweep.methodZh)}</p>`;
  const html = `<h2>${sweep.depths.length === 1 ? t('sweepOneDepth', counts) : t('sweep', counts)}</h2>
<p class="meta">${t('sweepMeta', { depths: listText(sweep.depths, lang), widths, seeds: listText(sweep.seeds, lang) })}</p>
<h3>${t('method')}</h3>
${method}
<h3>${t('gridTitle')}</h3>
${grid}
<div id="sweep-chart-accuracy" class="chart"></div>
<h3>${t('differencesTitle')}</h3>
<p class="meta">${t('differencesNote', { tests: sweep.tests, alpha: sweep.alpha })}</p>
${comparisons}
<div id="sweep-chart-differences" class="chart"></div>
<h3>${t('lossTitle')}</h3>
${loss}
<div id="sweep-chart-loss" class="chart"></div>
<h3>${t('gradientsTitle')}</h3>
<p class="meta">${t('gradientsNote')}</p>
<div id="sweep-chart-gradients" class="chart"></div>`;
  // the data is JSON (never run); the script that draws it is a constant, so a hash-based CSP can allow it
  const script = `<script id="sweep-specs" type="application/json">${scriptJson(specs)}</script>\n<script>${SWEEP_SCRIPT}</script>`;
  return { html, script };
}
