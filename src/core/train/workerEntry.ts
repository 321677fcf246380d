// Where the training worker's script is (and RemotePool's training process). Bundled (dist/cli.js, dist/extension.js) it is
// dist/worker.js beside the bundle. Run from TypeScript sources (tests, tsx) a small CommonJS
// bootstrap registers tsx's require hook inside the worker and loads src/worker/trainWorker.ts:
// Node 20 does not apply a parent's `--import tsx` loader to worker threads.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** A script to fork and its execArgv. */
export interface ProcessEntry {
  file: string;
  execArgv: string[];
}

/**
 * The training process RemotePool forks: dist/poolProcess.js beside the bundle, or, from
 * TypeScript sources, src/worker/poolProcess.ts under tsx's loader (a child process takes `--import`).
 */
export function defaultPoolProcessEntry(): ProcessEntry {
  if (__filename.endsWith('.ts')) {
    return {
      file: path.resolve(__dirname, '..', '..', 'worker', 'poolProcess.ts'),
      // an absolute URL: `--import tsx` would resolve from the working folder
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
  }
  return { file: path.join(__dirname, 'poolProcess.js'), execArgv: [] };
}
