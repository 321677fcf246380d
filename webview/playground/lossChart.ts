// The loss curves on a canvas: per network, train (solid) and test (dashed) loss against the
// epoch, on one linear scale from 0 to the largest finite loss seen; racing networks side by side
// in their own colours.
import type { PlaygroundColors } from './colors';

export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

/** At most this many points per curve are kept: older ones are thinned by half. */
export const MAX_CURVE_POINTS = 600;

/** Appends a point, thinning the history to every other point when it grows past the limit. */
export function appendLoss(history: LossPoint[], point: LossPoint): void {
  const last = history[history.length - 1];
  if (last && last.epoch === point.epoch) {
    history[history.length - 1] = point;
    return;
  }
  history.push(point);
  if (history.length > MAX_CURVE_POINTS) {
    const kept = history.filter((_, i) => i % 2 === 0 || i === history.length - 1);
    history.splice(0, history.length, ...kept);
  }
}

export function drawLossChart(canvas: HTMLCanvasElement, histories: readonly LossPoint[][], colors: PlaygroundColors): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const finite = (v: number) => Number.isFinite(v);
  let maxLoss = 0;
  let maxEpoch = 1;
  for (const hist of histories) for (const p of hist) {
    if (finite(p.train)) maxLoss = Math.max(maxLoss, p.train);
    if (finite(p.test)) maxLoss = Math.max(maxLoss, p.test);
    maxEpoch = Math.max(maxEpoch, p.epoch);
  }
  if (!(maxLoss > 0)) maxLoss = 1;
  const pad = 2;
  const x = (epoch: number) => pad + (epoch / maxEpoch) * (w - 2 * pad);
  const y = (loss: number) => h - pad - (Math.min(loss, maxLoss) / maxLoss) * (h - 2 * pad);
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, h - pad + 0.5);
  ctx.lineTo(w, h - pad + 0.5);
  ctx.stroke();
  let lines = 0;
  histories.forEach((hist, n) => {
    for (const key of ['train', 'test'] as const) {
      ctx.strokeStyle = colors.nets[n] ?? colors.foreground;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(key === 'test' ? [4, 3] : []);
      ctx.beginPath();
      let started = false;
      for (const p of hist) {
        if (!finite(p[key])) { started = false; continue; }
        if (started) ctx.lineTo(x(p.epoch), y(p[key]));
        else ctx.moveTo(x(p.epoch), y(p[key]));
        started = true;
      }
      ctx.stroke();
      lines++;
    }
  });
  ctx.setLineDash([]);
  return lines;
}
