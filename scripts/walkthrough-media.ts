// The walkthrough's images, drawn by the lab's own plot code: f and f' of the tutorial's
// activations, softmax's two-class slice, a custom activation, and the gradient-flow picture.
// `node --import tsx scripts/walkthrough-media.ts` writes media/walkthrough/*.svg;
// test/unit/walkthrough.test.ts checks the committed files are what this draws.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getActivation, resolveParams } from '../src/core/activations/registry';
import type { ElementwiseActivation } from '../src/core/activations/types';
import { gradientFlow } from '../src/core/analysis/gradientFlow';
import { compileCustomActivation } from '../src/core/expr/index';
import { activationPlotSvg } from '../src/core/plot/activationPlot';
import { linePlotSvg, PLOT_COLORS } from '../src/core/plot/svgPlot';

const SIZE = { width: 360, height: 180 };

/** File name (under media/walkthrough/) to SVG text. */
export function walkthroughImages(): Record<string, string> {
  const images: Record<string, string> = {};
  // The Chinese steps show their own copies, whose legend writes the derivative f′(x) (softmax's says df/dx in both).
  for (const id of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'softmax']) {
    const record = getActivation(id);
    images[`${id}.svg`] = activationPlotSvg(record, resolveParams(record), SIZE);
    if (id !== 'softmax') images[`${id}.zh-cn.svg`] = activationPlotSvg(record, resolveParams(record), SIZE, 'zh-cn');
  }
  const swish2 = compileCustomActivation({ name: 'swish2', expression: 'x*sigmoid(2*x)' });
  images['swish2.svg'] = activationPlotSvg(swish2, {}, SIZE);
  images['swish2.zh-cn.svg'] = activationPlotSvg(swish2, {}, SIZE, 'zh-cn');

  // log10 of each layer's gradient norm relative to the last layer's, 20 layers of 64 units at Glorot init.
  const depth = 20;
  const colors = [PLOT_COLORS.f, PLOT_COLORS.df, 'rgb(60,170,90)'];
  const series = ['sigmoid', 'tanh', 'relu'].map((id, i) => {
    const flow = gradientFlow(getActivation(id) as ElementwiseActivation, { depth, width: 64 });
    return { label: id, ys: flow.relativeGradNorm.map((g) => Math.log10(g)), color: colors[i] };
  });
  images['gradient-flow.svg'] = linePlotSvg({ xs: Array.from({ length: depth }, (_, i) => i + 1), series, ...SIZE });
  return images;
}

export const WALKTHROUGH_MEDIA_DIR = path.resolve(__dirname, '..', 'media', 'walkthrough');

if (require.main === module) {
  for (const [name, svg] of Object.entries(walkthroughImages())) {
    writeFileSync(path.join(WALKTHROUGH_MEDIA_DIR, name), `${svg}\n`);
    console.log(`wrote media/walkthrough/${name} (${svg.length} bytes)`);
  }
}
