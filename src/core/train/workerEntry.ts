// Where the training worker's script is. Bundled (dist/cli.js, dist/extension.js) it is
// dist/worker.js beside the bundle. Run from TypeScript sources (tests, tsx) a small CommonJS
// bootstrap registers tsx's require hook inside the worker and loads src/worker/trainWorker.ts:
// Node 20 does not apply a parent's `--import tsx` loader to worker threads.

import path from 'node:path';

export interface WorkerEntry {
  /** A script path, or the code itself when `eval` is true. */
  file: string;
  eval?: boolean;
  execArgv: string[];
}

export function defaultWorkerEntry(): WorkerEntry {
  if (__filename.endsWith('.ts')) {
    const source = path.resolve(__dirname, '..', '..', 'worker', 'trainWorker.ts');
    return {
      // An eval'd worker resolves modules from the working folder: give it absolute paths.
      file: `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(source)});`,
      eval: true,
      execArgv: [],
    };
  }
  return { file: path.join(__dirname, 'worker.js'), execArgv: [] };
}
