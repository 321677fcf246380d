// The page's CSP forbids eval, and @stdlib's generator check evals a generator literal when it
// loads (caught, but a CSP violation). Answering "no" here sends @stdlib's continued fractions and
// series (the t distribution's CDF) down their plain-loop path, which the library ships for
// engines without generators: the same algorithm, no eval. Swapped in by scripts/build.mjs.
'use strict';
module.exports = function hasGeneratorSupport() {
  return false;
};
