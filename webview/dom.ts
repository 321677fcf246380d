// Tiny DOM helpers: elements are built with textContent and attributes, never innerHTML, so
// nothing from a message can become markup.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) node.append(c);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** A button with VS Code's button look; `secondary` for the less important one. */
export function button(text: string, onClick: () => void, attrs: Record<string, string | undefined> = {}, secondary = false): HTMLButtonElement {
  const b = el('button', { type: 'button', class: secondary ? 'secondary' : 'primary', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

let uid = 0;
/** A label + control pair with a unique id so the label is clickable and read by screen readers. */
export function labelled(text: string, control: HTMLElement, cls = 'field'): HTMLElement {
  if (!control.id) control.id = `f${++uid}`;
  return el('div', { class: cls }, el('label', { for: control.id }, text), control);
}

export function checkbox(text: string, checked: boolean, onChange: (checked: boolean) => void, attrs: Record<string, string | undefined> = {}): HTMLLabelElement {
  const input = el('input', { type: 'checkbox', ...attrs });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el('label', { class: 'check' }, input, text);
}

export function select<T extends string>(options: readonly { value: T; text: string }[], value: T, onChange: (v: T) => void, attrs: Record<string, string | undefined> = {}): HTMLSelectElement {
  const s = el('select', attrs);
  for (const o of options) {
    const opt = el('option', { value: o.value }, o.text);
    if (o.value === value) opt.selected = true;
    s.append(opt);
  }
  s.addEventListener('change', () => onChange(s.value as T));
  return s;
}
