import { writeFileSync } from 'node:fs';
import { chromium } from '/work/wt-rel/node_modules/playwright-core';
import { renderReport } from '/work/wt-rel/src/core/report/html';
import { loadVegaLibraries } from '/work/wt-rel/src/core/report/vendor';
import { makeConfig } from '/work/wt-rel/src/core/train/config';
(async () => {
  const { activations: _a, dataset: _d, ...settings } = makeConfig({ epochs: 2 });
  const r: any = { format: 'activation-lab/results', version: 1, createdAt: 'x', finishedAt: 'y', wallSeconds: 1, dataset: { name: 'mnist', rows: 28, cols: 28, classes: 10, train: 1, validation: 1, test: 1 }, settings: { ...settings, workers: 1 },
    runs: [{ id: '</td><script>window.__pwned = 1</script><td>', activations: ['<img src=x onerror="window.__pwned = 2">'], status: 'completed', dir: 'runs/relu', history: [{ epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5, seconds: 1, layers: [] }], test: null, secondsPerEpoch: 1, wallSeconds: 1 }] };
  writeFileSync('/tmp/rel/x.html', renderReport(r, loadVegaLibraries()));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  page.on('console', (m) => console.log('console', m.text().slice(0, 300)));
  await page.goto('file:///tmp/rel/x.html');
  console.log(await page.evaluate('typeof window.chartsRendered'));
  await browser.close();
})();
