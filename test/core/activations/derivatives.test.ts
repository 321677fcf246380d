// Every analytic df against central differences of f, away from the kinks (kink lists come from
// the fixture's cases, written by hand in the generator), at every parameter set of the fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation } from '../../../src/core/activations/registry';
import { fixture } from './torchFixture';

const GRID = Array.from({ length: 641 }, (_, i) => -16 + i * 0.05).concat([-40, -25, 25, 40]);

test("every df agrees with central differences of f away from kinks", () => {
  const failures: string[] = [];
  let checked = 0;
  let worst = 0;
  const seen = new Set<string>();
  for (const c of fixture.elementwise) {
    const key = `${c.id} ${JSON.stringify(c.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = getActivation(c.id);
    if (r.kind !== 'elementwise') continue;
    for (const x of GRID) {
      const h = 1e-6 * Math.max(1, Math.abs(x));
      if (c.kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
      const central = (r.f(x + h, c.params) - r.f(x - h, c.params)) / (2 * h);
      const d = r.df(x, c.params);
      const err = Math.abs(d - central) / Math.max(1, Math.abs(d));
      worst = Math.max(worst, err);
      checked++;
      if (err > 1e-6) failures.push(`${key}: f'(${x}) = ${d}, central difference ${central}`);
    }
  }
  assert.ok(checked > 10_000, `${checked} points`);
  assert.deepEqual(failures.slice(0, 10), []);
  assert.ok(worst < 1e-6, `worst ${worst}`);
});
