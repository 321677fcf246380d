// The extension-host suite's entry: VS Code (desktop via @vscode/test-electron, or the offline
// VS Code server) loads this file and calls run(). Runs Mocha and rejects on any failure.
import Mocha from 'mocha';
import path from 'node:path';
import { readdirSync } from 'node:fs';

export function run(): Promise<void> {
  // The runner waits for this line to know the suite loaded (a suite that fails to load would
  // otherwise leave the host waiting until its timeout).
  console.log('[actlab-suite] started');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.ACTLAB_HOST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      // The closing line CI reads.
      console.log(`${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (passes === 0) reject(new Error('no extension-host test ran'));
      else resolve();
    });
  });
}
