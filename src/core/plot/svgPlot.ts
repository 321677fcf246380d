// A small line plot as a standalone SVG, for places that show an image and nothing else (VS Code
// hovers): transparent background and mid-tone colours that read on light and dark themes alike,
// no `#` anywhere (an unencoded `#` would cut a data URI short), ASCII text only.

export interface PlotSeries {
  label: string;
  /** y at each of the plot's xs; non-finite values break the line. */
  ys: ArrayLike<number>;
  /** An `rgb(...)` colour (not `#rrggbb`, see above). */
  color: string;
  dashed?: boolean;
}

export interface LinePlot {
  xs: ArrayLike<number>;
  series: readonly PlotSeries[];
  width?: number;
  height?: number;
}

export const PLOT_COLORS = {
  f: 'rgb(55,148,255)',
  df: 'rgb(240,140,40)',
  axis: 'rgb(128,128,128)',
  text: 'rgb(128,128,128)',
} as const;

const FONT = 'font-family="Segoe UI,Helvetica,Arial,sans-serif" font-size="10"';

/** A number for an SVG attribute: at most one decimal, no "-0". */
const px = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** A tick label: two significant digits, ASCII minus. */
function tick(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : String(Number(v.toPrecision(2)));
}

/** The finite extent of the data, 0 included; never empty. */
export function dataExtent(series: readonly PlotSeries[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (let i = 0; i < s.ys.length; i++) {
      const v = s.ys[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi - lo < 1e-9 ? [lo, lo + 1] : [lo, hi];
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

/** The SVG document of a line plot with axes through the origin, end ticks and a legend. */
export function linePlotSvg(plot: LinePlot): string {
  const width = plot.width ?? 240;
  const height = plot.height ?? 120;
  const { xs, series } = plot;
  const n = xs.length;
  if (n < 2) throw new Error(`a line plot needs at least 2 points, got ${n}`);
  for (const s of series) {
    if (s.ys.length !== n) throw new Error(`series ${s.label} has ${s.ys.length} values for ${n} xs`);
  }
  const left = 30;
  const right = 8;
  const top = 8;
  const bottom = 18;
  const x0 = xs[0];
  const x1 = xs[n - 1];
  const [lo, hi] = dataExtent(series);
  const pad = (hi - lo) * 0.08;
  const y0 = lo - pad;
  const y1 = hi + pad;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const sy = (y: number): number => top + ((y1 - y) / (y1 - y0)) * (height - top - bottom);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  // Frame, then the axes through 0 where 0 is in view.
  parts.push(`<rect x="${left}" y="${top}" width="${px(width - left - right)}" height="${px(height - top - bottom)}" fill="none" stroke="${PLOT_COLORS.axis}" stroke-opacity="0.35"/>`);
  if (x0 < 0 && x1 > 0) parts.push(`<line x1="${px(sx(0))}" y1="${top}" x2="${px(sx(0))}" y2="${height - bottom}" stroke="${PLOT_COLORS.axis}" stroke-opacity="0.6"/>`);
  parts.push(`<line x1="${left}" y1="${px(sy(0))}" x2="${width - right}" y2="${px(sy(0))}" stroke="${PLOT_COLORS.axis}" stroke-opacity="0.6"/>`);
  // Tick labels: x ends and 0, y ends (rounded outward values would lie; these are the true ends).
  const text = (x: number, y: number, s: string, anchor: string): string =>
    `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}" fill="${PLOT_COLORS.text}" ${FONT}>${escapeXml(s)}</text>`;
  parts.push(text(left, height - 5, tick(x0), 'start'), text(width - right, height - 5, tick(x1), 'end'));
  if (x0 < 0 && x1 > 0) parts.push(text(sx(0), height - 5, '0', 'middle'));
  // y labels at the data's true ends and at 0 (not at the padded frame, whose values mean nothing).
  for (const v of new Set([lo, 0, hi])) {
    if (v !== 0 && Math.abs(sy(v) - sy(0)) < 10) continue; // would overprint the 0
    parts.push(text(left - 3, sy(v) + 3, tick(v), 'end'));
  }
  for (const s of series) {
    let d = '';
    let pen = false;
    for (let i = 0; i < n; i++) {
      const y = s.ys[i];
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${px(sx(xs[i]))} ${px(sy(Math.min(Math.max(y, y0), y1)))}`;
      pen = true;
    }
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linejoin="round"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
  }
  // Legend in the corner of the frame the curves cross least.
  const legendW = 26 + 6 * Math.max(...series.map((s) => s.label.length));
  const legendH = 13 * series.length + 2;
  const corners: [number, number][] = [
    [left + 4, top + 2], [width - right - legendW - 4, top + 2],
    [width - right - legendW - 4, height - bottom - legendH - 2], [left + 4, height - bottom - legendH - 2],
  ];
  const crossings = corners.map(([cx, cy]) => {
    let count = 0;
    for (const s of series) {
      for (let i = 0; i < n; i++) {
        const X = sx(xs[i]);
        const Y = sy(s.ys[i]);
        if (X >= cx && X <= cx + legendW && Y >= cy && Y <= cy + legendH) count++;
      }
    }
    return count;
  });
  const [lx, ly] = corners[crossings.indexOf(Math.min(...crossings))];
  series.forEach((s, i) => {
    const y = ly + 10 + i * 13;
    parts.push(`<line x1="${px(lx + 2)}" y1="${px(y - 3)}" x2="${px(lx + 18)}" y2="${px(y - 3)}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    parts.push(text(lx + 22, y, s.label, 'start'));
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A `data:` URI of an SVG, base64 so no character of it needs escaping in Markdown or a URL. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return `data:image/svg+xml;base64,${btoa(bin)}`;
}
