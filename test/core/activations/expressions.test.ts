// Each elementwise record's `expression` (what the ONNX exporter compiles where no native op
// exists) equals its f on a grid, at the default and at other parameter values; and the
// expression's symbolic derivative equals the record's df away from kinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, resolveParams } from '../../../src/core/activations/registry';
import type { ElementwiseActivation } from '../../../src/core/activations/types';
import { compileExpr, differentiate, parseExpression, simplify } from '../../../src/core/expr/index';
import { fixture } from './torchFixture';

const GRID = [
  -1000, -100, -30, -10, -6.5, ...Array.from({ length: 241 }, (_, i) => -6 + i * 0.05), 6.5, 10, 19.5, 20.5, 30, 100, 1000,
  -1e-30, 1e-30, -0, 0,
];

function paramSets(r: ElementwiseActivation): Record<string, number>[] {
  const sets = [resolveParams(r)];
  for (const c of fixture.elementwise) if (c.id === r.id) sets.push(resolveParams(r, c.params));
  return sets;
}

test("every elementwise record's expression evaluates equal to its f", () => {
  const bad: string[] = [];
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const names = r.params.map((p) => p.name);
    const fn = compileExpr(parseExpression(r.expression, { params: names }), names);
    for (const p of paramSets(r)) {
      const vec = Float64Array.from(names, (n) => p[n]);
      for (const x of GRID) {
        const want = r.f(x, p);
        const got = fn(x, vec);
        // Same function, different float formulas (exp(x) − 1 vs expm1): 1e-9 relative, 1e-15 absolute.
        if (!(Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-15)) bad.push(`${r.id} ${JSON.stringify(p)} at ${x}: expression ${got}, f ${want}`);
      }
    }
  }
  assert.deepEqual(bad.slice(0, 10), []);
});

test("the expression's symbolic derivative equals df away from kinks", () => {
  const bad: string[] = [];
  for (const r of ACTIVATIONS) {
    if (r.kind !== 'elementwise') continue;
    const names = r.params.map((p) => p.name);
    const dfn = compileExpr(simplify(differentiate(parseExpression(r.expression, { params: names }))), names);
    const kinks = new Set(fixture.elementwise.filter((c) => c.id === r.id).flatMap((c) => c.kinks));
    for (const p of paramSets(r)) {
      const vec = Float64Array.from(names, (n) => p[n]);
      for (const x of GRID) {
        if ([...kinks].some((k) => Math.abs(x - k) < 1e-6) || Math.abs(x) > 50) continue;
        const want = r.df(x, p);
        const got = dfn(x, vec);
        if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) bad.push(`${r.id} ${JSON.stringify(p)} at ${x}: d/dx expression ${got}, df ${want}`);
      }
    }
  }
  assert.deepEqual(bad.slice(0, 10), []);
});
