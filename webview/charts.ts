// Every chart in the page: embedded once with vega-embed (no unsafe-eval: `ast: true` and the
// interpreter), fed through named datasets with view.change(...), exported to SVG/PNG through
// the host's save dialog, finalized when replaced. The registry answers the test hook.
import embed from 'vega-embed';
import { changeset, type View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { fileName } from '../src/core/charts/names';
import { el, iconButton } from './dom';
import { t } from './i18n';
import { post } from './vscodeApi';

const EMBED_OPTIONS = {
  ast: true,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
  actions: false,
  renderer: 'svg' as const,
};

const live = new Map<string, Chart>();

export class Chart {
  readonly element: HTMLElement;
  private readonly plot: HTMLElement;
  private view: View | undefined;
  private rendering: Promise<void> = Promise.resolve();
  /** How many times a spec was embedded (live data must not re-embed). */
  embeds = 0;
  rows = 0;

  /**
   * `exportName` is the file name an export suggests (letters, digits and -; names.ts fileName):
   * what the chart shows, e.g. "accuracy-relu-tanh-2026-11-29-2304"; a board sets it once it knows its runs.
   */
  constructor(readonly id: string, public exportName: string, label: string, exportable = true) {
    this.plot = el('div', { class: 'chart-plot', role: 'img', 'aria-label': label });
    this.element = el('figure', { class: 'chart', 'data-chart': id }, this.plot);
    if (exportable) {
      const bar = el('div', { class: 'chart-actions' });
      for (const format of ['svg', 'png'] as const) {
        bar.append(iconButton(format === 'svg' ? 'file-code' : 'file-media', format.toUpperCase(), t(format === 'svg' ? 'chart.exportSvg' : 'chart.exportPng'), () => void this.export(format), { 'data-export': format }));
      }
      this.element.append(bar);
    }
    live.get(id)?.finalize();
    live.set(id, this);
  }

  /** Embeds a spec (finalizing the previous view). Resolves once drawn. */
  render(spec: TopLevelSpec, rows: number): Promise<void> {
    this.rendering = this.rendering.then(async () => {
      this.view?.finalize();
      this.view = undefined;
      try {
        const result = await embed(this.plot, spec, EMBED_OPTIONS);
        this.view = result.view;
        this.embeds++;
        this.rows = rows;
      } catch (e) {
        this.plot.replaceChildren(el('p', { class: 'error' }, String((e as Error).message ?? e)));
      }
    });
    return this.rendering;
  }

  /** Replaces every row of a named dataset (a slider moved). */
  replace(dataset: string, rows: object[]): Promise<void> {
    return this.change(dataset, rows, true);
  }

  /** Appends rows to a named dataset (a new epoch), without re-embedding. */
  append(dataset: string, rows: object[]): Promise<void> {
    return this.change(dataset, rows, false);
  }

  private change(dataset: string, rows: object[], replace: boolean): Promise<void> {
    this.rendering = this.rendering.then(async () => {
      if (!this.view) return;
      const cs = replace ? changeset().remove(() => true).insert(rows) : changeset().insert(rows);
      await this.view.change(dataset, cs).runAsync();
      this.rows = replace ? rows.length : this.rows + rows.length;
    });
    return this.rendering;
  }

  /** Sets a named parameter of the drawn chart (smoothing), without re-embedding. */
  signal(name: string, value: unknown): Promise<void> {
    this.rendering = this.rendering.then(async () => {
      if (!this.view) return;
      try {
        this.view.signal(name, value);
      } catch {
        return; // a spec without that parameter
      }
      await this.view.runAsync();
    });
    return this.rendering;
  }

  get drawn(): Promise<void> {
    return this.rendering;
  }

  /** Data marks drawn (lines, rects, points, text), not axes or legends. */
  marks(): number {
    return this.plot.querySelectorAll('svg g.role-mark > path, svg g.role-mark > text, svg g.role-mark > image').length;
  }

  private async export(format: 'svg' | 'png'): Promise<void> {
    if (!this.view) return;
    const data = format === 'svg' ? await this.view.toSVG() : await this.view.toImageURL('png', 2);
    post({ type: 'chart/export', format, name: fileName(this.exportName), data });
  }

  finalize(): void {
    this.view?.finalize();
    this.view = undefined;
    if (live.get(this.id) === this) live.delete(this.id);
  }
}

/** Finalizes every chart not in the document any more (after a section is redrawn). */
export function sweepCharts(): void {
  for (const c of [...live.values()]) if (!c.element.isConnected) c.finalize();
}

export function liveCharts(): Chart[] {
  return [...live.values()].filter((c) => c.element.isConnected);
}
