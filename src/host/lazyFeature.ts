import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The modules that need the ONNX exporter (protobufjs and the ONNX schema) or the code generator:
 * a third of the extension's code, used only when those commands (or a playground export) run. Each is its own
 * bundle (dist/<name>.js), loaded on first use, so activation, and the first hover after a
 * window opens, waits for neither.
 */
export type Feature = 'onnxCommands' | 'codeCommands' | 'playgroundExport';

// createRequire: a computed path the bundler leaves alone (it would otherwise inline the module).
const load = createRequire(__filename);

export function lazyFeature<T>(name: Feature): () => T {
  let module: T | undefined;
  // From the TypeScript sources (tests under tsx) the module is beside this file.
  return () => (module ??= load(path.join(__dirname, `${name}${path.extname(__filename)}`)) as T);
}
