// The series palettes measured with culori (a colour science library): every pair apart by
// CIEDE2000 for normal vision and under simulated deuteranopia and protanopia (Machado et al.
// 2009, severity 1), and every colour at 3:1 WCAG contrast or more against VS Code's own
// backgrounds for its theme kind. Then the assignment: a colour follows its activation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, wcagContrast, type Color } from 'culori';
import { colourSlot, FIXED_SLOTS, paletteFor, SERIES_PALETTES, seriesActivation, seriesColour, seriesStyles } from '../../../src/core/charts/colours';

const deltaE = differenceCiede2000();
const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  deuteranopia: filterDeficiencyDeuter(1),
  protanopia: filterDeficiencyProt(1),
};

/** The closest pair of a palette under one kind of vision, and its CIEDE2000 distance. */
function closest(colours: readonly string[], see: (c: Color) => Color): { d: number; pair: string } {
  let best = { d: Infinity, pair: '' };
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      const d = deltaE(see(parse(colours[i])!), see(parse(colours[j])!));
      if (d < best.d) best = { d, pair: `${colours[i]}/${colours[j]}` };
    }
  }
  return best;
}

// Editor and side bar backgrounds of Light Modern, Light+, Light High Contrast; Dark Modern, Dark+, Dark High Contrast.
const BACKGROUNDS = {
  light: ['#ffffff', '#f8f8f8', '#f3f3f3'],
  dark: ['#1f1f1f', '#181818', '#1e1e1e', '#252526', '#000000'],
} as const;

/** At least this far apart: every pair, and the tutorial's four (relu, sigmoid, tanh, leaky_relu) among themselves. */
const MIN_ALL = { light: 15, dark: 13 };
const MIN_TUTORIAL = 24;

for (const kind of ['light', 'dark'] as const) {
  test(`${kind} palette: every pair apart for normal, deuteranopic and protanopic vision`, () => {
    const palette = SERIES_PALETTES[kind];
    const tutorial = ['sigmoid', 'tanh', 'relu', 'leaky_relu'].map((id) => seriesColour(id, kind));
    for (const [vision, see] of Object.entries(VISIONS)) {
      const all = closest(palette, see);
      const four = closest(tutorial, see);
      console.log(`${kind} ${vision}: closest pair ΔE2000 ${all.d.toFixed(1)} (${all.pair}); tutorial's four ${four.d.toFixed(1)} (${four.pair})`);
      assert.ok(all.d >= MIN_ALL[kind], `${kind}, ${vision}: ${all.pair} only ${all.d.toFixed(1)} apart`);
      assert.ok(four.d >= MIN_TUTORIAL, `${kind}, ${vision}: the tutorial's ${four.pair} only ${four.d.toFixed(1)} apart`);
    }
  });

  test(`${kind} palette: 3:1 contrast or more against every ${kind} background`, () => {
    for (const bg of BACKGROUNDS[kind]) {
      const lowest = Math.min(...SERIES_PALETTES[kind].map((c) => wcagContrast(c, bg)));
      console.log(`${kind} palette on ${bg}: lowest contrast ${lowest.toFixed(2)}:1`);
      assert.ok(lowest >= 3, `a colour has ${lowest.toFixed(2)}:1 on ${bg}`);
    }
  });
}

test('high-contrast themes use the palette of their background', () => {
  assert.equal(paletteFor('highContrast'), SERIES_PALETTES.dark);
  assert.equal(paletteFor('highContrastLight'), SERIES_PALETTES.light);
});

test('a colour follows the activation, not the order a chart lists it in', () => {
  const a = seriesStyles(['relu', 'tanh', 'sigmoid'], 'dark');
  const b = seriesStyles(['sigmoid', 'gelu', 'relu'], 'dark');
  assert.equal(a.colours[0], b.colours[2], 'relu');
  assert.equal(a.colours[2], b.colours[0], 'sigmoid');
  // The activations that own a slot each have a different colour.
  assert.equal(new Set(FIXED_SLOTS.map((id) => colourSlot(id))).size, FIXED_SLOTS.length);
  assert.notEqual(seriesColour('tanh', 'light'), seriesColour('silu', 'light'), 'tanh and SiLU are not both orange');
});

test('a run is coloured as its activation; runs of one colour get different point shapes and dashes', () => {
  assert.equal(seriesActivation('leaky_relu(alpha=0.3)'), 'leaky_relu');
  assert.equal(seriesActivation('relu-2'), 'relu');
  assert.equal(seriesActivation('relu+tanh'), 'relu');
  assert.equal(seriesColour('leaky_relu(alpha=0.3)', 'light'), seriesColour('leaky_relu', 'light'));
  const s = seriesStyles(['leaky_relu', 'relu', 'leaky_relu-2'], 'light');
  assert.equal(s.colours[0], s.colours[2]);
  assert.notEqual(s.shapes[0], s.shapes[2]);
  assert.notDeepEqual(s.dashes[0], s.dashes[2]);
  assert.equal(s.shapes[1], 'circle', 'a series with a colour of its own keeps the plain shape');
});
