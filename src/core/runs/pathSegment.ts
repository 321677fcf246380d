// Ids that become folder names (experiments, runs) are one path segment: letters, digits and
// `. _ + -`, never `.` or `..`, so no id from a message, a settings file or a run.json can name
// a path outside its parent folder.

export const PATH_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._+-]{1,128}$/;

// A string that fails is still a string: only unknown input is narrowed (to string, when it passes).
export function isPathSegment(id: string): boolean;
export function isPathSegment(id: unknown): id is string;
export function isPathSegment(id: unknown): boolean {
  return typeof id === 'string' && PATH_SEGMENT.test(id);
}
