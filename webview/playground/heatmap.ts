// Heat maps on canvas: a grid of values over the plane [-6, 6]² (rows from the top) painted with
// the theme's colours, scaled to the canvas, then the data points on top (train filled and
// outlined in the background colour; test outlined in the foreground colour, TF Playground's
// convention).
import type { Point } from '../../src/core/playground/data';
import { DOMAIN } from '../../src/core/playground/data';
import { paintValues, type PlaygroundColors } from './colors';

/** Values as signed colour amounts: a probability p is 2p - 1, anything else itself. */
export const probabilityToSigned = (p: number): number => 2 * p - 1;
export const identityToSigned = (v: number): number => v;

/** Each small canvas's pixels, reused between frames. */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/** One offscreen canvas per grid size, reused between frames. */
const scratch = new Map<number, { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; image: ImageData }>();

function gridCanvas(n: number) {
  let s = scratch.get(n);
  if (!s) {
    const canvas = document.createElement('canvas');
    canvas.width = n;
    canvas.height = n;
    const ctx = canvas.getContext('2d')!;
    s = { canvas, ctx, image: ctx.createImageData(n, n) };
    scratch.set(n, s);
  }
  return s;
}

/** Paints an n×n grid of values onto `canvas`, scaled to its size. */
export function drawMap(canvas: HTMLCanvasElement, values: ArrayLike<number>, n: number, colors: PlaygroundColors, toSigned: (v: number) => number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (canvas.width === n && canvas.height === n) {
    let image = images.get(canvas);
    if (!image) images.set(canvas, (image = ctx.createImageData(n, n)));
    paintValues(values, image.data, colors, toSigned);
    ctx.putImageData(image, 0, 0);
    return;
  }
  const g = gridCanvas(n);
  paintValues(values, g.image.data, colors, toSigned);
  g.ctx.putImageData(g.image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(g.canvas, 0, 0, canvas.width, canvas.height);
}

/** Canvas pixel coordinates of a point of the plane, and back. */
export function toCanvas(size: number, x: number, y: number): [number, number] {
  return [((x + DOMAIN) / (2 * DOMAIN)) * size, ((DOMAIN - y) / (2 * DOMAIN)) * size];
}

export function fromCanvas(size: number, px: number, py: number): [number, number] {
  return [(px / size) * 2 * DOMAIN - DOMAIN, DOMAIN - (py / size) * 2 * DOMAIN];
}

/** Draws points: filled by label (class, or the sign of a regression target); one path per colour, so a frame's points are four draw calls. */
export function drawPoints(canvas: HTMLCanvasElement, points: readonly Point[], colors: PlaygroundColors, test: boolean, regression: boolean): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = canvas.width;
  const r = Math.max(2.5, size / 100);
  ctx.lineWidth = test ? 1.5 : 1;
  ctx.strokeStyle = test ? colors.testStroke : colors.pointStroke;
  for (const positive of [false, true]) {
    ctx.beginPath();
    for (const p of points) {
      if ((regression ? p.label >= 0 : p.label === 1) !== positive) continue;
      const [px, py] = toCanvas(size, p.x, p.y);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = positive ? colors.positiveCss : colors.negativeCss;
    ctx.fill();
    ctx.stroke();
  }
}
