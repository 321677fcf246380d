// The playground's colours, from VS Code's theme variables (read when drawing, so light, dark and
// high-contrast themes all work): class 1 and positive values blue, class 0 and negative values
// orange (TF Playground's pair), zero the editor's background; the two racing networks' curves in
// the charts' first two palette colours.

export type Rgb = [number, number, number];

export interface PlaygroundColors {
  positive: Rgb;
  negative: Rgb;
  background: Rgb;
  foreground: string;
  /** Train and test points' outlines: the foreground and the background, so both show on any theme. */
  pointStroke: string;
  testStroke: string;
  positiveCss: string;
  negativeCss: string;
  grid: string;
  nets: [string, string];
}

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as RGB, through the canvas's own parser (hex, rgb(), names); undefined if it is not one. */
export function parseCssColor(css: string): Rgb | undefined {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe || !css) return undefined;
  probe.fillStyle = '#010203';
  probe.fillStyle = css;
  const v = String(probe.fillStyle);
  if (v === '#010203' && css.trim().toLowerCase() !== '#010203') return undefined;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(v);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(v);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

export function playgroundColors(): PlaygroundColors {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const positiveCss = v('--vscode-charts-blue', '#3794ff');
  const negativeCss = v('--vscode-charts-orange', '#d18616');
  const backgroundCss = v('--vscode-editor-background', '#ffffff');
  const foreground = v('--vscode-editor-foreground', v('--vscode-foreground', '#333333'));
  return {
    positive: parseCssColor(positiveCss) ?? [55, 148, 255],
    negative: parseCssColor(negativeCss) ?? [209, 134, 22],
    background: parseCssColor(backgroundCss) ?? [255, 255, 255],
    foreground,
    pointStroke: backgroundCss,
    testStroke: foreground,
    positiveCss,
    negativeCss,
    grid: v('--vscode-editorWidget-border', v('--vscode-panel-border', '#8888')),
    nets: [positiveCss, v('--vscode-charts-purple', '#b180d7')],
  };
}

/**
 * Fills RGBA pixels from values: -1 is full `negative`, 0 the background, +1 full `positive`
 * (values beyond are clamped; NaN is the background). `pixels` holds values.length * 4 bytes.
 */
export function paintValues(values: ArrayLike<number>, pixels: Uint8ClampedArray, colors: Pick<PlaygroundColors, 'positive' | 'negative' | 'background'>, toSigned: (v: number) => number): void {
  const [br, bg, bb] = colors.background;
  const [pr, pg, pb] = colors.positive;
  const [nr, ng, nb] = colors.negative;
  for (let i = 0; i < values.length; i++) {
    let t = toSigned(values[i]);
    if (!(t === t)) t = 0; // NaN
    const o = i * 4;
    if (t >= 0) {
      const s = t > 1 ? 1 : t;
      pixels[o] = br + (pr - br) * s;
      pixels[o + 1] = bg + (pg - bg) * s;
      pixels[o + 2] = bb + (pb - bb) * s;
    } else {
      const s = t < -1 ? 1 : -t;
      pixels[o] = br + (nr - br) * s;
      pixels[o + 1] = bg + (ng - bg) * s;
      pixels[o + 2] = bb + (nb - bb) * s;
    }
    pixels[o + 3] = 255;
  }
}
