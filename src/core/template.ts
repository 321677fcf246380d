// Filling a message template, for every table of words in the lab (expression errors, parameter
// errors, ONNX checks, the eval and verify lines, report.html): `{name}` takes its value, and a
// name without one stays as written, so a missing value shows rather than vanishes.

/** `template` with each `{name}` replaced by `text(values[name])` where `values` has that name. */
export function fillTemplate<V>(template: string, values: Readonly<Record<string, V>>, text: (v: V) => string = String): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? text(values[name]) : whole));
}
