// Where the training worker's script is, and the training process ProcessPool forks. Bundled
// (dist/cli.js, dist/extension.js) they are dist/worker.js and dist/poolProcess.js beside the
// bundle. Run from TypeScript sources (tests, tsx) a small CommonJS bootstrap registers tsx's
// require hook inside the worker: Node 20 does not apply a parent's `--import tsx` loader to
// worker threads; a child process takes `--import` itself.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerEntry {
  /** A script path, or the code itself when `eval` is true. */
  file: string;
  eval?: boolean;
  execArgv: string[];
}

/** A script to fork and its execArgv. */
export interface ProcessEntry {
  file: string;
  execArgv: string[];
}

const fromSources = __filename.endsWith('.ts');

export function defaultWorkerEntry(): WorkerEntry {
  if (fromSources) {
    const source = path.resolve(__dirname, 'trainWorker.ts');
    return {
      // An eval'd worker resolves modules from the working folder: give it absolute paths.
      file: `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(source)});`,
      eval: true,
      execArgv: [],
    };
  }
  return { file: path.join(__dirname, 'worker.js'), execArgv: [] };
}

export function defaultPoolProcessEntry(): ProcessEntry {
  if (fromSources) {
    return {
      file: path.resolve(__dirname, 'poolProcess.ts'),
      // an absolute URL: `--import tsx` would resolve from the working folder
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
  }
  return { file: path.join(__dirname, 'poolProcess.js'), execArgv: [] };
}
