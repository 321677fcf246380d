// One colour per activation on every chart (the lab, the sidebar, report.html): a colour follows
// the activation, never the order a chart happens to list it in. Two palettes with the same hue
// order, one for light backgrounds and one for dark ones, chosen so that every pair stays apart
// for people with deuteranopia or protanopia too and every colour keeps 3:1 contrast against the
// theme's backgrounds (WCAG 2.1 non-text contrast); test/core/charts/colours.test.ts measures both.
// Series that share a colour in one chart (two Leaky ReLU runs, or two rarely used activations)
// are told apart by point shape or dash, in the order the chart lists them.

/** Which palette a background needs: VS Code's light and dark themes, and their high-contrast forms. */
export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** Slot order: blue, orange, green, red, purple, teal, yellow, plum (the same hue in both palettes). */
export const SERIES_PALETTES: Readonly<Record<'light' | 'dark', readonly string[]>> = Object.freeze({
  light: Object.freeze(['#003192', '#8d5000', '#009d78', '#730013', '#bd4aff', '#007b92', '#ab7e00', '#6e003c']),
  dark: Object.freeze(['#0079fd', '#c87000', '#00ebac', '#ed0d3a', '#e1c2ff', '#00b1bc', '#fab900', '#ba5d82']),
});

export function paletteFor(kind: ThemeKind): readonly string[] {
  return kind === 'dark' || kind === 'highContrast' ? SERIES_PALETTES.dark : SERIES_PALETTES.light;
}

/**
 * The activations that own a slot: the tutorial's four first (the pairs furthest apart), then the
 * ones most often compared with them. Every other activation (and a custom one) is hashed to a slot.
 */
export const FIXED_SLOTS: readonly string[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'silu', 'softmax'];

/** Point shapes and dashes for the second, third, ... series of one colour in a chart. */
export const POINT_SHAPES: readonly string[] = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
export const SERIES_DASHES: readonly (readonly number[])[] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];

/**
 * The activation a series is named for: a registry id or custom name without its parameters or
 * the run's repeat number, and for a run with several activations (one per layer) the first.
 * 'leaky_relu(alpha=0.3)' → 'leaky_relu', 'relu-2' → 'relu', 'relu+tanh' → 'relu', 'relu@<experiment>' → 'relu'.
 */
export function seriesActivation(name: string): string {
  // 'relu@<experiment>': a run overlaid from another experiment
  const first = name.replace(/@.*$/, '').split('+')[0] ?? name;
  return first.replace(/\(.*$/, '').replace(/-\d+$/, '');
}

/** FNV-1a, 32 bits: a stable slot for names without a fixed one. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The palette slot of a series (the same everywhere it is drawn). */
export function colourSlot(name: string, slots = SERIES_PALETTES.light.length): number {
  const activation = seriesActivation(name);
  const fixed = FIXED_SLOTS.indexOf(activation);
  return fixed >= 0 ? fixed % slots : hash(activation) % slots;
}

export function seriesColour(name: string, kind: ThemeKind): string {
  const palette = paletteFor(kind);
  return palette[colourSlot(name, palette.length)];
}

/** How one chart draws its series: a colour each, and a variant (0, 1, ...) among those sharing it, in the chart's order. */
export interface SeriesStyles {
  domain: string[];
  colours: string[];
  shapes: string[];
  dashes: number[][];
}

export function seriesStyles(names: readonly string[], kind: ThemeKind): SeriesStyles {
  const domain = [...new Set(names)];
  const seen = new Map<string, number>();
  const variants = domain.map((n) => {
    const c = seriesColour(n, kind);
    const v = seen.get(c) ?? 0;
    seen.set(c, v + 1);
    return v;
  });
  return {
    domain,
    colours: domain.map((n) => seriesColour(n, kind)),
    shapes: variants.map((v) => POINT_SHAPES[v % POINT_SHAPES.length]),
    dashes: variants.map((v) => [...SERIES_DASHES[v % SERIES_DASHES.length]]),
  };
}
