// Chart colours from VS Code's theme variables, read when a chart is drawn, so light, dark and
// high-contrast themes all work; the page redraws when VS Code switches theme (body class).
import { DEFAULT_CHART_THEME, type ChartTheme } from '../src/core/charts/training';

const PALETTE_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-red', '--vscode-charts-purple', '--vscode-charts-yellow'];

export function chartTheme(): ChartTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const sidebar = document.body.dataset.surface === 'sidebar';
  const palette = PALETTE_VARS.map((name, i) => v(name, DEFAULT_CHART_THEME.palette[i]!));
  return {
    foreground: v('--vscode-foreground', DEFAULT_CHART_THEME.foreground),
    background: sidebar ? v('--vscode-sideBar-background', v('--vscode-editor-background', DEFAULT_CHART_THEME.background)) : v('--vscode-editor-background', DEFAULT_CHART_THEME.background),
    grid: gridColour(v('--vscode-editorWidget-border', v('--vscode-panel-border', DEFAULT_CHART_THEME.grid)), v('--vscode-foreground', DEFAULT_CHART_THEME.foreground)),
    font: v('--vscode-font-family', DEFAULT_CHART_THEME.font),
    palette: [...palette, ...DEFAULT_CHART_THEME.palette.slice(palette.length)],
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
