// The hover's plot: a well-formed, small, '#'-free SVG whose curves are f and f' of the record,
// drawn on one shared y axis (checked by fitting the pixel y to the function values).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation } from '../../../src/core/activations/registry';
import { activationPlotSvg, sampleActivation } from '../../../src/core/plot/activationPlot';
import { linePlotSvg, svgDataUri } from '../../../src/core/plot/svgPlot';

/** Throws unless every tag is closed in order (a small XML well-formedness check). */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong tag`);
    else if (!selfClosing) stack.push(name);
  }
  assert.deepEqual(stack, [], 'unclosed tags');
  const stripped = svg.replace(/<[^<>]*>/g, '').replace(/&(lt|gt|amp|quot|apos);/g, '');
  assert.ok(!/[<>&]/.test(stripped), 'stray markup characters');
}

/** The points of each `<path d>` in order, as [X, Y] pixel pairs. */
function paths(svg: string): [number, number][][] {
  return [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => [...m[1].matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]));
}

for (const [id, params] of [['relu', {}], ['tanh', {}], ['sigmoid', {}], ['leaky_relu', { alpha: 0.3 }], ['gelu', {}], ['elu', { alpha: 1 }]] as const) {
  test(`${id}: the solid path is f and the dashed path f' on one shared, linear y axis`, () => {
    const record = getActivation(id);
    const svg = activationPlotSvg(record, params);
    assertWellFormed(svg);
    const s = sampleActivation(record, params);
    const [fPath, dfPath] = paths(svg);
    assert.equal(fPath.length, s.xs.length);
    assert.equal(dfPath.length, s.xs.length);
    // Pixel x is linear in x.
    const dx = (fPath.at(-1)![0] - fPath[0][0]) / (fPath.length - 1);
    fPath.forEach(([X], i) => assert.ok(Math.abs(X - (fPath[0][0] + i * dx)) <= 0.1, `x pixel ${i}`));
    // Fit Y = a + b·v over both series' values together; every point must sit on that one line.
    const values = [...s.f, ...s.df];
    const pixels = [...fPath, ...dfPath].map(([, Y]) => Y);
    const n = values.length;
    const mv = values.reduce((a, v) => a + v, 0) / n;
    const mp = pixels.reduce((a, v) => a + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    values.forEach((v, i) => {
      sxy += (v - mv) * (pixels[i] - mp);
      sxx += (v - mv) ** 2;
    });
    const b = sxy / sxx;
    const a = mp - b * mv;
    assert.ok(b < 0, 'larger values are higher up');
    values.forEach((v, i) => assert.ok(Math.abs(a + b * v - pixels[i]) <= 0.15, `point ${i}: value ${v} at ${pixels[i]}, line says ${a + b * v}`));
    // The horizontal axis is drawn at value 0.
    const axis = [...svg.matchAll(/<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)" stroke="rgb\(128,128,128\)"/g)].find((m) => m[1] === m[2]);
    assert.ok(axis && Math.abs(Number(axis[1]) - a) <= 0.1, 'the y = 0 axis');
  });
}

test('the hover SVG is small, ASCII, free of "#", and its data URI decodes back', () => {
  const svg = activationPlotSvg(getActivation('leaky_relu'), { alpha: 0.3 });
  assert.ok(!svg.includes('#'));
  assert.ok(/^[\x20-\x7e]*$/.test(svg), 'ASCII only');
  assert.ok(svg.length > 1000 && svg.length < 7000, `${svg.length} characters`);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="240" height="120" viewBox="0 0 240 120">/);
  const uri = svgDataUri(svg);
  assert.ok(uri.length < 10_000 && !uri.includes('#'));
  assert.equal(Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8'), svg);
  assert.equal(Buffer.from(svgDataUri('<svg>α</svg>').split(',')[1], 'base64').toString('utf8'), '<svg>α</svg>');
});

test('non-finite values break the line; flat data still gets a y range; bad input is refused', () => {
  const xs = [0, 1, 2, 3, 4];
  const broken = linePlotSvg({ xs, series: [{ label: 'f', ys: [1, 2, NaN, 3, Infinity], color: 'rgb(0,0,0)' }] });
  assertWellFormed(broken);
  assert.equal(paths(broken)[0].length, 3);
  assert.equal(broken.match(/<path d="M[^"]*M/g)?.length, 1, 'two pieces');
  const flat = linePlotSvg({ xs, series: [{ label: 'f', ys: [2, 2, 2, 2, 2], color: 'rgb(0,0,0)' }] });
  assert.ok(!/NaN|Infinity/.test(flat));
  assert.throws(() => linePlotSvg({ xs: [0], series: [] }), /at least 2 points/);
  assert.throws(() => linePlotSvg({ xs, series: [{ label: 'g', ys: [1, 2], color: 'rgb(0,0,0)' }] }), /series g has 2 values for 5 xs/);
  assert.ok(!/NaN/.test(linePlotSvg({ xs, series: [{ label: 'f', ys: [NaN, NaN, NaN, NaN, NaN], color: 'rgb(0,0,0)' }] })));
});

test('softmax is sampled on [x, 0]: its first output is the logistic sigmoid, ∂ = σ(1 − σ)', () => {
  const s = sampleActivation(getActivation('softmax'), {});
  s.xs.forEach((x, i) => {
    const sig = 1 / (1 + Math.exp(-x));
    assert.ok(Math.abs(s.f[i] - sig) < 1e-12);
    assert.ok(Math.abs(s.df[i] - sig * (1 - sig)) < 1e-12);
  });
  assert.equal(s.slice, true);
});
