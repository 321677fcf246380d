// The browser builds of vega, vega-lite and vega-embed that report.html inlines (it must open
// with no network). Looked for in media/vendor/ beside the bundle first (where a packaged
// extension can carry them), then in node_modules.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface VegaLibraries {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

const FILES = { vega: 'vega.min.js', vegaLite: 'vega-lite.min.js', vegaEmbed: 'vega-embed.min.js' } as const;

function vendorDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i <= 4; i++) {
    const p = path.join(dir, 'media', 'vendor');
    if (Object.values(FILES).every((f) => existsSync(path.join(p, f)))) return p;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** The build folder of a package, found through a subpath its `exports` allow. */
function buildDir(exported: string): string {
  return path.dirname(require.resolve(exported));
}

export function loadVegaLibraries(): VegaLibraries {
  const vendor = vendorDir();
  try {
    const paths = vendor
      ? { vega: path.join(vendor, FILES.vega), vegaLite: path.join(vendor, FILES.vegaLite), vegaEmbed: path.join(vendor, FILES.vegaEmbed) }
      : {
          vega: path.join(buildDir('vega/vega-schema.json'), FILES.vega),
          vegaLite: path.join(buildDir('vega-lite/vega-lite-schema.json'), FILES.vegaLite),
          vegaEmbed: path.join(buildDir('vega-embed'), FILES.vegaEmbed),
        };
    return {
      vega: readFileSync(paths.vega, 'utf8'),
      vegaLite: readFileSync(paths.vegaLite, 'utf8'),
      vegaEmbed: readFileSync(paths.vegaEmbed, 'utf8'),
    };
  } catch (e) {
    throw new Error(`cannot find the vega libraries to inline in report.html (media/vendor or node_modules): ${(e as Error).message}`);
  }
}
