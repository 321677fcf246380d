// The input features against their formulas in double precision, in FEATURES order whatever the
// order chosen, and the grid the heat maps are drawn on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURES, featureMatrix, gridPoints, orderedFeatures } from '../../../src/core/playground/features';

test('every feature of a few points matches its formula (float32 of the double value)', () => {
  const xy = [1.5, -2, -5.75, 0.25, 0, 6];
  const m = featureMatrix(xy, 3, [...FEATURES]);
  const want = (x1: number, x2: number) => [x1, x2, x1 * x1, x2 * x2, x1 * x2, Math.sin(x1), Math.sin(x2)];
  for (let r = 0; r < 3; r++) {
    const w = want(xy[2 * r], xy[2 * r + 1]);
    w.forEach((v, j) => assert.equal(m[r * 7 + j], Math.fround(v), `point ${r} feature ${FEATURES[j]}`));
  }
});

test('a subset gives only its columns, in FEATURES order', () => {
  assert.deepEqual(orderedFeatures(['sinX2', 'x1', 'x1TimesX2']), ['x1', 'x1TimesX2', 'sinX2']);
  const m = featureMatrix([2, 3], 1, orderedFeatures(['sinX2', 'x1', 'x1TimesX2']));
  assert.deepEqual(Array.from(m), [2, 6, Math.fround(Math.sin(3))]);
});

test('the grid runs row by row from the top-left cell centre of [-6, 6]²', () => {
  const g = gridPoints(4);
  assert.equal(g.length, 32);
  assert.deepEqual(Array.from(g.subarray(0, 2)), [-4.5, 4.5]); // top-left centre
  assert.deepEqual(Array.from(g.subarray(2, 4)), [-1.5, 4.5]); // next to its right
  assert.deepEqual(Array.from(g.subarray(30, 32)), [4.5, -4.5]); // bottom-right
});
