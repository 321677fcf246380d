// Chart colours from VS Code's theme variables, read when a chart is drawn, so light, dark and
// high-contrast themes all work; the series colours are the activations' own (colours.ts), from
// the palette for this kind of theme. The page redraws when VS Code switches theme (body class).
import type { ThemeKind } from '../src/core/charts/colours';
import { DEFAULT_CHART_THEME, type ChartTheme } from '../src/core/charts/training';

/**
 * Which kind of theme VS Code shows, from the class it puts on the body (high-contrast light
 * first: it may come with the high-contrast class too); outside VS Code, from the background.
 */
export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'highContrastLight';
  if (c.contains('vscode-high-contrast')) return 'highContrast';
  if (c.contains('vscode-dark')) return 'dark';
  if (c.contains('vscode-light')) return 'light';
  const rgb = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(getComputedStyle(document.body).backgroundColor);
  const transparent = !rgb || rgb[4] === '0';
  const lum = transparent ? 1 : (0.2126 * Number(rgb[1]) + 0.7152 * Number(rgb[2]) + 0.0722 * Number(rgb[3])) / 255;
  return lum < 0.5 ? 'dark' : 'light';
}

export function chartTheme(): ChartTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const sidebar = document.body.dataset.surface === 'sidebar';
  return {
    foreground: v('--vscode-foreground', DEFAULT_CHART_THEME.foreground),
    background: sidebar ? v('--vscode-sideBar-background', v('--vscode-editor-background', DEFAULT_CHART_THEME.background)) : v('--vscode-editor-background', DEFAULT_CHART_THEME.background),
    grid: gridColour(v('--vscode-editorWidget-border', v('--vscode-panel-border', DEFAULT_CHART_THEME.grid)), v('--vscode-foreground', DEFAULT_CHART_THEME.foreground)),
    font: v('--vscode-font-family', DEFAULT_CHART_THEME.font),
    kind: themeKind(),
  };
}

/**
 * High-contrast themes make every border the bright contrast colour (cyan in Dark High Contrast),
 * close to the charts' blue: there the grid is the foreground at 35% so the curves stand out.
 */
function gridColour(border: string, foreground: string): string {
  if (!document.body.classList.contains('vscode-high-contrast')) return border;
  return /^#[0-9a-f]{6}$/i.test(foreground) ? `${foreground}59` : border;
}

/** Calls `onChange` when VS Code switches between light, dark and high-contrast themes. */
export function onThemeChange(onChange: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className === last) return;
    last = document.body.className;
    onChange();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
