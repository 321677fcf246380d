// The network as TF Playground draws it: a column of input features (toggle buttons showing each
// feature over the plane), a column per hidden layer with one small heat map per neuron (click one
// to make it the big view), the output neuron, and the connections between them drawn on a canvas
// behind the neurons: a line per weight, its width the weight's magnitude, its colour its sign.
// (SVG lines restyled every frame cost the page more than everything else it draws together.)
import { FEATURES, FEATURE_INFO, featureMatrix, gridPoints, type FeatureId } from '../../src/core/playground/features';
import { paramLayout } from '../../src/core/train/mlp';
import { el } from '../dom';
import type { PlaygroundColors } from './colors';
import { drawMap, identityToSigned, probabilityToSigned } from './heatmap';
import type { NeuronRef } from '../../src/protocol/playground';

/** The small maps' grid and canvas size, in cells and pixels. */
export const SMALL_GRID = 36;

export interface NetworkViewOptions {
  features: FeatureId[];
  hidden: number[];
  task: 'classification' | 'regression';
  focus: NeuronRef | null;
  /** Words for the controls' labels. */
  label: { features: string; feature(name: string, on: boolean): string; neuron(layer: number, unit: number): string; output: string; outputNeuron: string };
  onToggleFeature(f: FeatureId): void;
  onFocus(ref: NeuronRef | null): void;
  /** Put under each hidden layer's column title (its width buttons and activation choice). */
  layerHeader(layer: number): HTMLElement;
}

export interface NetworkView {
  root: HTMLElement;
  /** Draws the neurons' maps and the weights of one frame. */
  update(small: Float32Array, weights: Float32Array, colors: PlaygroundColors): void;
  /** Redraws the input features' maps (after a theme change) and lays the links out again. */
  layout(colors: PlaygroundColors): void;
  /** Lines drawn in the last frame: positive, negative and zero weights. */
  links(): { positive: number; negative: number; zero: number };
}

export function networkView(o: NetworkViewOptions): NetworkView {
  const sizes = [o.features.length, ...o.hidden, 1];
  // Learned activation parameters sit after every dense layer: the weights' offsets do not depend on them.
  const layout = paramLayout(sizes);
  const canvas = (cls: string) => el('canvas', { width: String(SMALL_GRID), height: String(SMALL_GRID), class: cls, 'aria-hidden': 'true' });

  const inputButtons = new Map<FeatureId, { button: HTMLButtonElement; canvas: HTMLCanvasElement }>();
  const inputs = el('div', { class: 'pg-layer pg-inputs' }, el('div', { class: 'pg-layer-title' }, o.label.features));
  for (const f of FEATURES) {
    const on = o.features.includes(f);
    const c = canvas('pg-map');
    const b = el('button', { type: 'button', class: `pg-node pg-input${on ? '' : ' off'}`, 'aria-pressed': String(on), 'data-feature': f, 'aria-label': o.label.feature(FEATURE_INFO[f].label, on), title: FEATURE_INFO[f].label },
      c, el('span', { class: 'pg-node-label' }, FEATURE_INFO[f].label));
    b.addEventListener('click', () => o.onToggleFeature(f));
    inputButtons.set(f, { button: b, canvas: c });
    inputs.append(b);
  }

  // Neuron canvases, layer by layer (hidden layers, then the output), as the worker's small maps.
  const neuronCanvases: HTMLCanvasElement[] = [];
  const columns = [...o.hidden, 1].map((units, layer) => {
    const isOutput = layer === o.hidden.length;
    const col = el('div', { class: `pg-layer${isOutput ? ' pg-output-layer' : ''}` }, isOutput ? el('div', { class: 'pg-layer-title' }, o.label.output) : o.layerHeader(layer));
    for (let unit = 0; unit < units; unit++) {
      const ref = isOutput ? null : { layer, unit };
      const focused = isOutput ? o.focus === null : o.focus?.layer === layer && o.focus.unit === unit;
      const c = canvas('pg-map');
      const b = el('button', {
        type: 'button', class: 'pg-node', 'aria-pressed': String(focused), 'data-neuron': isOutput ? 'output' : `${layer}-${unit}`,
        'aria-label': isOutput ? o.label.outputNeuron : o.label.neuron(layer, unit),
      }, c);
      b.addEventListener('click', () => o.onFocus(ref));
      neuronCanvases.push(c);
      col.append(b);
    }
    return col;
  });

  const linkLayer = el('canvas', { class: 'pg-links', 'aria-hidden': 'true', width: '0', height: '0' });
  const root = el('div', { class: 'pg-net' }, linkLayer, el('div', { class: 'pg-layers' }, inputs, ...columns));

  // One line per weight: (dense layer, input, unit) in the weights' own order, its ends in the view's content coordinates.
  interface Link { offset: number; from: [number, number]; to: [number, number]; x1: number; y1: number; x2: number; y2: number }
  const links: Link[] = [];
  const nodeOf = (layer: number, index: number): HTMLElement =>
    layer === 0 ? inputButtons.get(o.features[index])!.button : (columns[layer - 1].querySelectorAll('.pg-node')[index] as HTMLElement);
  layout.dense.forEach((d, l) => {
    for (let i = 0; i < d.inputs; i++) {
      for (let j = 0; j < d.units; j++) links.push({ offset: d.weightOffset + i * d.units + j, from: [l, i], to: [l + 1, j], x1: 0, y1: 0, x2: 0, y2: 0 });
    }
  });
  let counts = { positive: 0, negative: 0, zero: 0 };
  let lastWeights: Float32Array | undefined;
  let lastColors: PlaygroundColors | undefined;

  // Widths to a tenth of a pixel: a frame whose weights draw the same lines repaints nothing.
  let drawnKey = '';
  const widthOf = (w: number): number => Math.round((0.5 + Math.min(Math.abs(w), 5) * 1.1) * 10) / 10;
  const drawLinks = (force = false): void => {
    const ctx = linkLayer.getContext('2d');
    if (!ctx || !lastWeights || !lastColors) return;
    const key = links.map((l) => Math.sign(lastWeights![l.offset] ?? 0) * widthOf(lastWeights![l.offset] ?? 0)).join();
    if (!force && key === drawnKey) return;
    drawnKey = key;
    ctx.clearRect(0, 0, linkLayer.width, linkLayer.height);
    ctx.globalAlpha = 0.8;
    counts = { positive: 0, negative: 0, zero: 0 };
    for (const link of links) {
      const w = lastWeights[link.offset] ?? 0;
      // 0.5 px for a zero weight up to 6 px from |w| = 5 (TF Playground's width scale saturates at 5 too).
      ctx.lineWidth = widthOf(w);
      ctx.strokeStyle = w > 0 ? lastColors.positiveCss : w < 0 ? lastColors.negativeCss : lastColors.grid;
      if (w > 0) counts.positive++;
      else if (w < 0) counts.negative++;
      else counts.zero++;
      ctx.beginPath();
      ctx.moveTo(link.x1, link.y1);
      ctx.lineTo(link.x2, link.y2);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  };

  const placeLinks = (): void => {
    // Content coordinates of the (horizontally scrolling) view: the lines scroll with the neurons.
    const rect = root.getBoundingClientRect();
    const box = { left: rect.left - root.scrollLeft, top: rect.top - root.scrollTop };
    linkLayer.width = root.scrollWidth;
    linkLayer.height = root.scrollHeight;
    for (const link of links) {
      const a = nodeOf(...link.from).querySelector('canvas')!.getBoundingClientRect();
      const b = nodeOf(...link.to).querySelector('canvas')!.getBoundingClientRect();
      link.x1 = a.right - box.left;
      link.y1 = a.top + a.height / 2 - box.top;
      link.x2 = b.left - box.left;
      link.y2 = b.top + b.height / 2 - box.top;
    }
    drawLinks(true);
  };
  new ResizeObserver(() => placeLinks()).observe(root);

  const gridXy = gridPoints(SMALL_GRID);
  const drawInputs = (colors: PlaygroundColors): void => {
    for (const f of FEATURES) {
      const values = featureMatrix(gridXy, SMALL_GRID * SMALL_GRID, [f]);
      let max = 0;
      for (const v of values) max = Math.max(max, Math.abs(v));
      const scale = max > 0 ? 1 / max : 1;
      drawMap(inputButtons.get(f)!.canvas, values, SMALL_GRID, colors, (v) => v * scale);
    }
  };

  return {
    root,
    update(small, weights, colors) {
      const cells = SMALL_GRID * SMALL_GRID;
      neuronCanvases.forEach((c, node) => {
        if (small.length < (node + 1) * cells) return;
        const isOutput = node === neuronCanvases.length - 1;
        drawMap(c, small.subarray(node * cells, (node + 1) * cells), SMALL_GRID, colors, isOutput && o.task === 'classification' ? probabilityToSigned : identityToSigned);
      });
      lastWeights = weights;
      lastColors = colors;
      drawLinks();
    },
    layout(colors) {
      lastColors = colors;
      drawnKey = '';
      drawInputs(colors);
      placeLinks();
    },
    links: () => counts,
  };
}
