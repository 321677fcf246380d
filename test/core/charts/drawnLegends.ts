// What a page drew for its dash legends, read from the SVG in the browser: for each legend of a
// chart whose symbols carry a dash, its title and every symbol path's stroke, width and dash.
// A string to evaluate, not a function: tsx would compile a function with helpers the page lacks.
import assert from 'node:assert/strict';
import { formatRgb } from 'culori';

export interface DrawnSymbol { stroke: string; width: number; dash: string; d: string }
export interface DrawnDashLegend { title: string; symbols: DrawnSymbol[] }

/** The expression giving the dash legends under `selector` (one chart's container), as DrawnDashLegend[]. */
export function dashLegendsExpr(selector: string): string {
  return `[...document.querySelectorAll(${JSON.stringify(`${selector} svg g.role-legend`)})].map((l) => {
    const cs = (p, name) => getComputedStyle(p).getPropertyValue(name).trim();
    return {
      title: l.querySelector('.role-legend-title text')?.textContent ?? '',
      symbols: [...l.querySelectorAll('.role-legend-symbol path')].map((p) => ({
        stroke: cs(p, 'stroke'), width: parseFloat(cs(p, 'stroke-width')), dash: cs(p, 'stroke-dasharray'), d: p.getAttribute('d') ?? '',
      })),
    };
  }).filter((l) => l.symbols.some((s) => s.dash !== 'none' && s.dash !== ''))`;
}

/**
 * Checks a chart's "Data" legend as drawn: two labels, each a line sample (a path from one end to
 * the other, not a dot) stroked in `foreground` (hex) with a width, train solid and validation dashed.
 */
export function assertSplitLegend(legends: DrawnDashLegend[], foreground: string, where: string): void {
  const data = legends.find((l) => l.title === 'Data');
  assert.ok(data, `${where}: a drawn Data legend with dashes (have: ${legends.map((l) => l.title).join(', ') || 'none'})`);
  assert.equal(data.symbols.length, 2, where);
  for (const s of data.symbols) {
    assert.equal(s.stroke, formatRgb(foreground), `${where}: the sample's stroke`);
    assert.ok(s.width > 0, `${where}: stroke width ${s.width}`);
    assert.match(s.d, /^M-?[\d.]+,0L[\d.]+,0$/, `${where}: a horizontal line sample`);
  }
  // computed style gives lengths in px: "1px, 0px" is solid, "6px, 4px" dashed
  assert.deepEqual(data.symbols.map((s) => s.dash.replace(/px/g, '')), ['1, 0', '6, 4'], `${where}: train solid, validation dashed`);
}
