// The sweep's statistics against SciPy and statsmodels (test/fixtures/scipy-stats.json, written
// once by scripts/fixtures/gen_scipy_stats.py with Debian's python3-scipy): t quantiles and CDF,
// a sample's mean, sd and 95% interval, Welch's t-test and Holm's adjustment, all to 1e-6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { summarize } from '../../../src/core/stats/summary';
import { studentTCdf, studentTQuantile } from '../../../src/core/stats/tDistribution';
import { holmAdjust, welchTest } from '../../../src/core/stats/welch';

interface Fixture {
  quantiles: { p: number; df: number; x: number }[];
  cdf: { x: number; df: number; p: number }[];
  samples: { name: string; values: number[]; mean: number; sd: number; ci95: [number, number] }[];
  welch: { a: string; b: string; t: number; p: number; df: number; diff: number; ci95: [number, number] }[];
  holm: { p: number[]; adjusted: number[] }[];
}

const fixture = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'scipy-stats.json'), 'utf8')) as Fixture;
const TOL = 1e-6;

/** Absolute tolerance for values of order 1, relative for large ones (a quantile far in the tail). */
function close(label: string, got: number | null | undefined, want: number, tol = TOL): void {
  assert.ok(typeof got === 'number', `${label}: got ${got}, want ${want}`);
  assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `${label}: got ${got}, want ${want} (SciPy), off by ${Math.abs(got - want)}`);
}

test('t quantiles match scipy.stats.t.ppf, integer and fractional degrees of freedom', () => {
  assert.ok(fixture.quantiles.length > 50);
  for (const q of fixture.quantiles) close(`t.ppf(${q.p}, ${q.df})`, studentTQuantile(q.p, q.df), q.x);
});

test('t CDF matches scipy.stats.t.cdf, tails included', () => {
  for (const c of fixture.cdf) close(`t.cdf(${c.x}, ${c.df})`, studentTCdf(c.x, c.df), c.p);
});

test("a cell's mean, sd (n − 1) and 95% interval match numpy and scipy.stats.t.interval", () => {
  for (const s of fixture.samples) {
    const got = summarize(s.values);
    assert.equal(got.n, s.values.length);
    close(`${s.name} mean`, got.mean, s.mean);
    close(`${s.name} sd`, got.sd, s.sd);
    assert.ok(got.ci95, `${s.name} has an interval`);
    close(`${s.name} ci low`, got.ci95[0], s.ci95[0]);
    close(`${s.name} ci high`, got.ci95[1], s.ci95[1]);
  }
});

test("Welch's test matches scipy.stats.ttest_ind(equal_var=False): t, p, df and the difference's interval", () => {
  const values = new Map(fixture.samples.map((s) => [s.name, s.values]));
  for (const w of fixture.welch) {
    const got = welchTest(values.get(w.a)!, values.get(w.b)!);
    assert.ok(typeof got === 'object', `${w.a} vs ${w.b}: ${JSON.stringify(got)}`);
    const label = `${w.a} vs ${w.b}`;
    close(`${label} diff`, got.diff, w.diff);
    close(`${label} t`, got.t, w.t, 1e-6);
    close(`${label} df`, got.df, w.df);
    close(`${label} p`, got.p, w.p);
    close(`${label} ci low`, got.ci95[0], w.ci95[0]);
    close(`${label} ci high`, got.ci95[1], w.ci95[1]);
  }
});

test("Holm's adjustment matches statsmodels' multipletests(method='holm')", () => {
  for (const h of fixture.holm) {
    const got = holmAdjust(h.p);
    assert.equal(got.length, h.adjusted.length);
    h.adjusted.forEach((want, i) => close(`holm ${JSON.stringify(h.p)}[${i}]`, got[i], want));
  }
  assert.deepEqual(holmAdjust([]), []);
});

test('edge cases say why instead of giving NaN: one seed, no seeds, no spread in either sample', () => {
  assert.deepEqual(summarize([0.97]), { n: 1, mean: 0.97, sd: null, ci95: null });
  assert.deepEqual(summarize([]), { n: 0, mean: null, sd: null, ci95: null });
  const flat = summarize([0.9, 0.9, 0.9]);
  assert.equal(flat.sd, 0);
  assert.deepEqual(flat.ci95, [0.9, 0.9]);
  assert.equal(welchTest([0.97], [0.95, 0.96]), 'not-enough-seeds');
  assert.equal(welchTest([], []), 'not-enough-seeds');
  assert.equal(welchTest([0.5, 0.5], [0.6, 0.6]), 'no-spread');
  assert.equal(welchTest([0.5, 0.5], [0.5, 0.5]), 'no-spread');
});
