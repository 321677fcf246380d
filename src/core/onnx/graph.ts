// A small builder for an ONNX graph: nodes in order, float32 initializers, unique names, and
// scalar constants shared by value (one initializer per distinct float32).

import { ATTRIBUTE_TYPE, DATA_TYPE, type AttributeProto, type NodeProto, type TensorProto } from './proto';

/** An attribute value: a number is a float attribute unless wrapped as { int }; a string is a string attribute. */
export type AttributeValue = number | string | { int: number };

export function attribute(name: string, value: AttributeValue): AttributeProto {
  if (typeof value === 'string') return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value };
  return { name, type: ATTRIBUTE_TYPE.INT, i: value.int };
}

/** A float32 tensor stored as little-endian raw bytes. dims [] is a scalar. */
export function floatTensor(name: string, dims: number[], data: Float32Array): TensorProto {
  const n = dims.reduce((a, b) => a * b, 1);
  if (n !== data.length) throw new Error(`internal error: tensor ${name} has shape [${dims.join(', ')}] but ${data.length} values`);
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return { name, dims, data_type: DATA_TYPE.FLOAT, raw_data: bytes };
}

export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly names = new Set<string>();
  private readonly scalars = new Map<number, string>();

  constructor(readonly opset: number) {}

  /** `base`, or `base_2`, `base_3`, ... if taken. */
  uniqueName(base: string): string {
    let name = base;
    for (let k = 2; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** Reserves a name that must be exactly this (a layer's output); throws if taken. */
  claim(name: string): string {
    if (this.names.has(name)) throw new Error(`internal error: the tensor name ${name} is used twice`);
    this.names.add(name);
    return name;
  }

  /** Adds a node of the default domain; returns its output's name (`output` or `<scope>/<op>`). */
  node(op: string, inputs: string[], scope: string, attributes: Readonly<Record<string, AttributeValue>> = {}, output?: string): string {
    const out = output === undefined ? this.uniqueName(`${scope}/${op}`) : this.claim(output);
    this.nodes.push({
      name: this.uniqueName(`${scope}/${op}_node`),
      op_type: op,
      input: inputs,
      output: [out],
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return out;
  }

  initializer(name: string, dims: number[], data: Float32Array): string {
    const unique = this.uniqueName(name);
    this.initializers.push(floatTensor(unique, dims, data));
    return unique;
  }

  /** A float32 scalar constant, shared by every node that uses the same value. */
  scalar(value: number): string {
    const key = Math.fround(value);
    let name = this.scalars.get(key);
    if (!name) {
      name = this.initializer(`const_${this.scalars.size}`, [], Float32Array.of(key));
      this.scalars.set(key, name);
    }
    return name;
  }

  /** The operator types used, in first-use order. */
  ops(): string[] {
    return [...new Set(this.nodes.map((n) => n.op_type!))];
  }
}
