// The user's points from CSV: good text with a header, comments and blank lines; every kind of
// bad line refused with a one-line message naming the line, nothing half-loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_OWN_POINTS, parsePointsCsv, pointsToCsv } from '../../../src/core/playground/csv';

test('reads x,y,label lines after an optional header, skipping blank lines and # comments', () => {
  const text = 'x,y,label\n1,2,1\n\n# a comment\n-3.5,0.25,0\r\n.5, -1e0 ,1\n';
  assert.deepEqual(parsePointsCsv(text, 'classification'), [
    { x: 1, y: 2, label: 1 }, { x: -3.5, y: 0.25, label: 0 }, { x: 0.5, y: -1, label: 1 },
  ]);
  assert.deepEqual(parsePointsCsv('x1;x2;target\n1;1;0.75', 'regression'), [{ x: 1, y: 1, label: 0.75 }]);
});

test('a bad line refuses the whole text, naming the line and what is wrong', () => {
  const cases: [string, 'classification' | 'regression', string][] = [
    ['1,2,1\n3,four,0\n', 'classification', 'line 2: y is not a number: "four"'],
    ['x,y,label\n1,2,1\n1,2,2\n', 'classification', 'line 3: a class label must be 0 or 1, got 2'],
    ['1,2\n', 'classification', 'line 1: expected 3 values x,y,label, found 2'],
    ['1,2,1,4\n', 'regression', 'line 1: expected 3 values x,y,label, found 4'],
    ['\n\n7,0,1\n', 'classification', 'line 3: the point (7, 0) lies outside the plane [-6, 6]²; rescale the data'],
    ['1,2,\n', 'regression', 'line 1: label is not a number: ""'],
    ['0x10,2,1\n', 'classification', 'line 1: x is not a number: "0x10"'],
    ['1,2,Infinity\n', 'regression', 'line 1: label is not a number: "Infinity"'],
    ['1,1,2e7\n', 'regression', 'line 1: the target 20000000 is larger than 1000000'],
    ['x,y,label\n', 'classification', 'no points: write one x,y,label per line'],
    ['', 'classification', 'no points: write one x,y,label per line'],
  ];
  for (const [text, task, message] of cases) assert.equal(parsePointsCsv(text, task), message, JSON.stringify(text));
  const many = Array.from({ length: MAX_OWN_POINTS + 1 }, () => '1,1,1').join('\n');
  assert.equal(parsePointsCsv(many, 'classification'), `line ${MAX_OWN_POINTS + 1}: more than ${MAX_OWN_POINTS} points`);
});

test('pointsToCsv reads back to the same points', () => {
  const points = [{ x: 1.25, y: -3, label: 1 }, { x: 0, y: 5.5, label: 0 }];
  assert.deepEqual(parsePointsCsv(pointsToCsv(points), 'classification'), points);
});
