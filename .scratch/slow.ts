import fc from '/work/wt-rel/node_modules/fast-check';
import { compileCustomActivation } from '/work/wt-rel/src/core/expr/index';
const nestedSrc = require('fs').readFileSync('/work/wt-rel/test/core/expr/fuzz.test.ts', 'utf8');
