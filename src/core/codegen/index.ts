// "Copy as code": an activation as a Python function, or a finished run as a whole training
// script, for PyTorch, Keras or JAX. Pure: text in, text out (the callers read run.json).
import type { RunRecord } from '../runs/runStore';
import type { CodeFramework } from './frameworks';
import { jaxScript } from './jaxScript';
import { kerasScript } from './kerasScript';
import { pytorchScript } from './pytorchScript';
import { runPlan } from './runPlan';

export { activationFunction, activationSource, activationExpression, type ActivationCode, type ActivationCodeOptions } from './activation';
export { pythonExpression, type ExpressionContext } from './expression';
export { CODE_FRAMEWORKS, CODE_FRAMEWORK_LABELS, codeFrameworkOf, isCodeFramework, parseCodeFramework, type CodeFramework } from './frameworks';
export { runPlan, type RunPlan, type LayerPlan } from './runPlan';

/** A complete script that reproduces the run; throws an Error naming what in run.json is unusable. */
export function runScript(record: RunRecord, framework: CodeFramework): string {
  const plan = runPlan(record);
  switch (framework) {
    case 'pytorch': return pytorchScript(plan);
    case 'keras': return kerasScript(plan);
    case 'jax': return jaxScript(plan);
  }
}
