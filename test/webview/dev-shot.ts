// Development aid (not a test): screenshots of each section through the harness.
import { openWebview, startHarness, stopHarness, waitForPosted } from './harness';
const VARS: Record<string, string> = {
  '--vscode-focusBorder': '#0078d4', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-foreground': '#3b3b3b',
  '--vscode-editor-background': '#ffffff', '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px',
  '--vscode-settings-textInputBackground': '#ffffff', '--vscode-settings-textInputBorder': '#cecece', '--vscode-settings-textInputForeground': '#3b3b3b',
  '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-border': '#cecece', '--vscode-descriptionForeground': '#717171',
};
(async () => {
  await startHarness();
  for (const section of (process.argv[2] ?? 'functions,train,runs,guide').split(',')) {
    const w = await openWebview('panel', { section });
    await w.page.evaluate(`(() => { for (const [k, v] of Object.entries(${JSON.stringify(VARS)})) document.documentElement.style.setProperty(k, v); document.body.classList.add('vscode-light'); })()`);
    await w.send({ type: 'lab/state', state: { surface: 'panel', locale: 'en', version: '0.1.0' } });
    await w.send({ type: 'runs/list', experiments: [{ id: '2025-01-01T12-00-00-000Z', createdAt: '2025-01-01T12:00:00.000Z', dataset: 'mnist', epochs: 2, limitTrain: 6000, runs: [{ id: 'relu', status: 'completed', testAccuracy: 0.95, valAccuracy: 0.93, activations: ['relu', 'relu'], epochsDone: 2, testCount: 1200 }, { id: 'tanh', status: 'completed', testAccuracy: 0.94, valAccuracy: 0.93, activations: ['tanh', 'tanh'], epochsDone: 2, testCount: 1200 }] }] });
    await w.send({ type: 'lab/query', requestId: 'd' });
    await waitForPosted(w, 'drawn', (m) => m.type === 'lab/report' && m.requestId === 'd');
    await w.page.screenshot({ path: `/tmp/shots/${section}.png`, fullPage: false });
    console.log(section, 'violations', await w.violations(), 'errors', w.errors);
    await w.close();
  }
  await stopHarness();
})();
