// The CLI as it ships, dist/cli.js, for the tests that run `actlab` as a process (npm test and
// scripts/run-unit-tests.mjs build it first). The TypeScript sources through tsx cost about 1.2 s
// of CPU per process, and again in each training worker: over a hundred processes in the unit layer.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ACTLAB = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
if (!existsSync(ACTLAB)) throw new Error(`${ACTLAB} is not built: npm run build (npm test and scripts/run-unit-tests.mjs build it)`);
