// The user's own points as CSV, one `x,y,label` a line (commas, semicolons or tabs): classification labels are 0 or 1,
// regression labels any number; coordinates lie in the drawn plane [-6, 6]². An optional header
// line names the columns. A bad line refuses the whole text, naming the line and the problem,
// so nothing half-loaded replaces the points the user had.

import { DOMAIN, type Point, type Task } from './data';

/** At most this many points of one's own (TF Playground's largest set is 1200). */
export const MAX_OWN_POINTS = 2000;
/** Regression targets beyond this are surely a unit mistake. */
const MAX_TARGET = 1e6;

const HEADER = /^\s*"?x1?"?\s*[,;\t]\s*"?(x2|y)"?\s*[,;\t]\s*"?(label|class|y|target|value)"?\s*$/i;

function number(cell: string): number | undefined {
  const s = cell.trim();
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** The points of a CSV text, or a one-line error naming the (1-based) line. */
export function parsePointsCsv(text: string, task: Task): Point[] | string {
  const points: Point[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const no = i + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (points.length === 0 && HEADER.test(line)) continue;
    const cells = line.split(/[,;\t]/);
    if (cells.length !== 3) return `line ${no}: expected 3 values x,y,label, found ${cells.length}`;
    const [x, y, label] = cells.map(number);
    const shown = (c: string) => JSON.stringify(c.trim().slice(0, 20));
    if (x === undefined) return `line ${no}: x is not a number: ${shown(cells[0])}`;
    if (y === undefined) return `line ${no}: y is not a number: ${shown(cells[1])}`;
    if (label === undefined) return `line ${no}: label is not a number: ${shown(cells[2])}`;
    if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) return `line ${no}: the point (${x}, ${y}) lies outside the plane [-${DOMAIN}, ${DOMAIN}]²; rescale the data`;
    if (task === 'classification' && label !== 0 && label !== 1) return `line ${no}: a class label must be 0 or 1, got ${label}`;
    if (task === 'regression' && Math.abs(label) > MAX_TARGET) return `line ${no}: the target ${label} is larger than ${MAX_TARGET}`;
    if (points.length >= MAX_OWN_POINTS) return `line ${no}: more than ${MAX_OWN_POINTS} points`;
    points.push({ x, y, label });
  }
  if (points.length === 0) return 'no points: write one x,y,label per line';
  return points;
}

/** The points as CSV with a header (what parsePointsCsv reads back). */
export function pointsToCsv(points: readonly Point[]): string {
  return ['x,y,label', ...points.map((p) => `${p.x},${p.y},${p.label}`)].join('\n') + '\n';
}
