// Builders that turn a family file's plain description into a full record: the vectorized
// forward/backward loops are derived from f/df unless a record gives faster ones.
import type {
  ActivationInfo, ElementwiseActivation, FloatArray, LocalizedText, Params, VectorActivation, VectorKernel,
} from './types';

/** A LocalizedText from its English and Simplified Chinese forms. */
export const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-cn': zh });

export type ElementwiseDef = Omit<ActivationInfo, 'origin'> & {
  expression: string;
  f: (x: number, p: Params) => number;
  df: (x: number, p: Params) => number;
  dparams?: Readonly<Record<string, (x: number, p: Params) => number>>;
  forward?: (z: FloatArray, out: FloatArray, p: Params) => void;
  backward?: (z: FloatArray, a: FloatArray, grad: FloatArray, p: Params) => void;
};

export function elementwise(def: ElementwiseDef): ElementwiseActivation {
  const { f, df } = def;
  return {
    ...def,
    origin: 'builtin',
    kind: 'elementwise',
    forward: def.forward ?? ((z, out, p) => {
      for (let i = 0; i < z.length; i++) out[i] = f(z[i], p);
    }),
    backward: def.backward ?? ((z, _a, grad, p) => {
      for (let i = 0; i < z.length; i++) grad[i] *= df(z[i], p);
    }),
  };
}

export type VectorDef = Omit<ActivationInfo, 'origin'> & Omit<VectorKernel, 'kind'>;

export function vector(def: VectorDef): VectorActivation {
  return { ...def, origin: 'builtin', kind: 'vector' };
}

/** NaN in gives NaN out: piecewise derivatives use this as their last branch. */
export const nanOr = (x: number, value: number): number => (x === x ? value : NaN);
