// The hidden layers' activations of a run as Python functions, one per distinct activation,
// named after it (relu, leaky_relu, a custom name), shared by layers that use the same one.
import { activationFunction } from './activation';
import type { CodeFramework } from './frameworks';
import { commentText, type Imports, pythonName } from './python';
import type { LayerPlan, RunPlan } from './runPlan';

export interface LayerFunctions {
  /** The function name for each hidden layer, input to output. */
  names: string[];
  /** The definitions, with notes as comments, separated by two blank lines. */
  source: string;
}

/** `skip(layer)` leaves out layers the script builds another way (PyTorch's nn.PReLU). */
export function layerFunctions(plan: RunPlan, framework: CodeFramework, imports: Imports, skip: (l: LayerPlan) => boolean = () => false): LayerFunctions {
  const byDefinition = new Map<string, string>();
  const used = new Set<string>();
  const blocks: string[] = [];
  const names = plan.layers.map((layer) => {
    if (skip(layer)) return '';
    const probe = activationFunction(layer.record, layer.params, framework, { name: '_' }).definition;
    const known = byDefinition.get(probe);
    if (known) return known;
    const base = pythonName(layer.record.id.toLowerCase());
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    byDefinition.set(probe, name);
    const code = activationFunction(layer.record, layer.params, framework, { name, imports });
    blocks.push([...code.notes.map((n) => `# ${commentText(n)}`), code.definition].join('\n'));
    return name;
  });
  return { names, source: blocks.join('\n\n\n') };
}
